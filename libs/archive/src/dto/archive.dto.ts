import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ProposalKind, SessionBody } from '@dafu/platform/vocabulary';

export class ListArchivedLettersQuery {
  @ApiPropertyOptional({ description: 'Text in the proposal title, 文号, addressees or signatory' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
  @ApiPropertyOptional({ enum: SessionBody, enumName: 'SessionBody' })
  @IsOptional()
  @IsEnum(SessionBody)
  sessionBody?: SessionBody;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(99) term?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(20) sitting?: number;
  @ApiPropertyOptional({ enum: ProposalKind, enumName: 'ProposalKind' })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(999_999_999) proposalNumber?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4) grade?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}
