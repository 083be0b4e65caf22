import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarDayKind } from '../domain/working-days';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-10-01' }) date: string;
  @ApiProperty({ enum: CalendarDayKind, enumName: 'CalendarDayKind' }) kind: CalendarDayKind;
  @ApiProperty({ example: '国庆节' }) name: string;
  @ApiProperty({ enum: ['chinese-days', 'admin'] }) source: 'chinese-days' | 'admin';
}

export class CalendarYearDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'Whether the holiday notice of this year has been entered' }) known: boolean;
  @ApiProperty({ type: [CalendarDayDto] }) days: CalendarDayDto[];
}

export class CalendarStatusDto {
  @ApiProperty({ type: [Number] }) knownYears: number[];
  @ApiProperty({ type: [Number], description: 'This year or next without holiday data' }) missingYears: number[];
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: CalendarDayKind, enumName: 'CalendarDayKind' }) @IsEnum(CalendarDayKind) kind: CalendarDayKind;
  @ApiProperty({ example: '春节' }) @IsString() @IsNotEmpty() @MaxLength(50) name: string;
}

export class MarkYearKnownDto {
  @ApiPropertyOptional({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}
