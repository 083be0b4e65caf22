import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SessionBody } from '@dafu/platform/vocabulary';
import { IsOmittable } from '@dafu/platform/validation/validation';

export class SessionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) body: SessionBody;
  @ApiProperty({ example: 8 }) term: number;
  @ApiProperty({ example: 1 }) sitting: number;
  @ApiProperty({ example: 2023 }) year: number;
  @ApiProperty({ example: '市政协八届一次会议' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: '2023-01-10' }) openedOn: string | null;
}

export class ListSessionsQuery {
  @ApiPropertyOptional({ enum: SessionBody, enumName: 'SessionBody' })
  @IsOptional()
  @IsEnum(SessionBody)
  body?: SessionBody;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1949) @Max(2200) year?: number;
}

export class CreateSessionDto {
  @ApiProperty({ enum: SessionBody, enumName: 'SessionBody' }) @IsEnum(SessionBody) body: SessionBody;
  @ApiProperty({ example: 8, description: '届' }) @IsInt() @Min(1) @Max(99) term: number;
  @ApiProperty({ example: 1, description: '次' }) @IsInt() @Min(1) @Max(20) sitting: number;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(1949) @Max(2200) year: number;

  @ApiPropertyOptional({ description: 'Defaults to the usual wording, e.g. 市政协八届一次会议' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @ApiPropertyOptional({ example: '2023-01-10' }) @IsOptional() @IsISO8601({ strict: true }) openedOn?: string;
}

export class UpdateSessionDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @IsNotEmpty() @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1949) @Max(2200) year?: number;
  @ApiPropertyOptional() @IsOmittable() @IsISO8601({ strict: true }) openedOn?: string;
}
