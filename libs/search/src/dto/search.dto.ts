import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ProposalKind } from '@dafu/platform/vocabulary';
import { SEARCH_DOCUMENT_KINDS, type SearchDocumentKind } from '../domain/search-document';

export class SearchQueryDto {
  @ApiPropertyOptional({ description: 'Words to find (Chinese is segmented), a 文号 or a name', example: '日间照料' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: '文号, or part of one (三民文〔2023〕, [2023]21号)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  documentNumber?: string;
  @ApiPropertyOptional({ description: 'Part of a proposer, addressee or signatory name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() bureauId?: string;
  @ApiPropertyOptional({ enum: ProposalKind, enumName: 'ProposalKind' })
  @IsOptional()
  @IsEnum(ProposalKind)
  kind?: ProposalKind;
  @ApiPropertyOptional({ enum: SEARCH_DOCUMENT_KINDS, description: 'proposal, reply or archived_letter' })
  @IsOptional()
  @IsIn(SEARCH_DOCUMENT_KINDS)
  type?: SearchDocumentKind;
  @ApiPropertyOptional({ example: 'A' }) @IsOptional() @IsString() @MaxLength(4) grade?: string;
  @ApiPropertyOptional({ description: "The proposal's or reply's state, or archived" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  state?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class MarkDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

export class SnippetDto {
  @ApiProperty() text: string;
  @ApiProperty({ type: [MarkDto] }) marks: MarkDto[];
  @ApiProperty({ description: 'HTML-escaped, matches in <mark>' }) html: string;
}

export class SearchHitDto {
  @ApiProperty({ enum: SEARCH_DOCUMENT_KINDS }) type: SearchDocumentKind;
  @ApiProperty({ description: 'Id of the proposal, reply or archived letter' }) id: string;
  @ApiProperty({ nullable: true, type: String }) proposalId: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionLabel: string | null;
  @ApiProperty({ nullable: true, enum: ProposalKind, enumName: 'ProposalKind' }) proposalKind: ProposalKind | null;
  @ApiProperty({ nullable: true, type: Number }) proposalNumber: number | null;
  @ApiProperty({ nullable: true, type: String }) grade: string | null;
  @ApiProperty({ nullable: true, type: String }) state: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) documentNumber: string | null;
  @ApiProperty() names: string;
  @ApiProperty({ nullable: true, type: String }) datedOn: string | null;
  @ApiProperty() rank: number;
  @ApiProperty({ type: SnippetDto }) snippet: SnippetDto;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [String], description: 'The words searched for, as segmented' }) terms: string[];
  @ApiProperty({
    description: 'How many of the matches were ranked: all of them, or the 2,000 most recent when more match',
  })
  rankedAmong: number;
}
