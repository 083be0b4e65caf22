import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ProposalKind } from '@dafu/platform/vocabulary';
import { ProposalStatus } from '../domain/proposal-lifecycle';
import { ProposerKind, ProposerRole } from '../entities/proposer.entity';

export class ProposerInputDto {
  @ApiProperty({ example: '姚峥' }) @IsString() @IsNotEmpty() @MaxLength(100) name: string;

  @ApiPropertyOptional({ enum: ProposerKind, enumName: 'ProposerKind', default: ProposerKind.Person })
  @IsOptional()
  @IsEnum(ProposerKind)
  kind?: ProposerKind;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional({ description: 'the signed reply is e-mailed here' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;
}

export class ProposerDto {
  @ApiProperty() position: number;
  @ApiProperty({ enum: ProposerRole, enumName: 'ProposerRole' }) role: ProposerRole;
  @ApiProperty({ enum: ProposerKind, enumName: 'ProposerKind' }) kind: ProposerKind;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
}

export class ProposalDto {
  @ApiProperty() id: string;
  @ApiProperty() sessionId: string;
  @ApiProperty({ example: 146 }) number: number;
  @ApiProperty({ enum: ProposalKind, enumName: 'ProposalKind' }) kind: ProposalKind;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String }) receivedOn: string | null;
  @ApiProperty({ enum: ProposalStatus, enumName: 'ProposalStatus' }) status: ProposalStatus;
  @ApiProperty({ nullable: true, type: String }) mergedIntoId: string | null;
  @ApiProperty({ description: 'Send it back with an update (optimistic locking)' }) version: number;
  @ApiProperty({ type: [ProposerDto] }) proposers: ProposerDto[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ProposalPageDto {
  @ApiProperty({ type: [ProposalDto] }) items: ProposalDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ListProposalsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional({ enum: ProposalKind, enumName: 'ProposalKind' })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;
  @ApiPropertyOptional({ enum: ProposalStatus, enumName: 'ProposalStatus' })
  @IsOptional()
  @IsEnum(ProposalStatus)
  status?: ProposalStatus;
  @ApiPropertyOptional({ description: 'Only proposals assigned to this bureau' })
  @IsOptional()
  @IsUUID()
  bureauId?: string;
  @ApiPropertyOptional({ description: 'Text in the title' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) number?: number;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;
}

export class CreateProposalDto {
  @ApiProperty() @IsUUID() sessionId: string;
  @ApiProperty({ example: 146 }) @IsInt() @Min(1) @Max(1_000_000) number: number;

  @ApiPropertyOptional({ enum: ProposalKind, enumName: 'ProposalKind', description: 'Defaults from the session body' })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;

  @ApiProperty({ example: '关于积极应对人口老龄化国家战略，推动老龄事业和产业发展的提案' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) body?: string;
  @ApiPropertyOptional({ example: '社会事业' }) @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional({ example: '2023-01-12' }) @IsOptional() @IsISO8601({ strict: true }) receivedOn?: string;

  @ApiProperty({ type: [ProposerInputDto], description: 'The first is the lead proposer (领衔人)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProposerInputDto)
  proposers: ProposerInputDto[];
}

export class UpdateProposalDto {
  @ApiProperty({ description: 'The version you read; a stale one is refused with 409 STALE_VERSION' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1_000_000) number?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100_000) body?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) receivedOn?: string;

  @ApiPropertyOptional({ type: [ProposerInputDto] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ProposerInputDto)
  proposers?: ProposerInputDto[];
}
