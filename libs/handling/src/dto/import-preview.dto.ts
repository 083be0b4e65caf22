import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ProposalKind } from '@dafu/platform/vocabulary';
import { ProposerKind } from '@dafu/proposals/entities/proposer.entity';
import { ImportProblemCode } from '../domain/import-row';

export class ImportPreviewQuery {
  @ApiProperty() @IsUUID() sessionId: string;
}

export class ImportProblemDto {
  @ApiProperty({ description: 'Row number as the spreadsheet shows it; the header is line 1' }) line: number;
  @ApiProperty({ description: "The column concept (number, title, proposers, leadBureau, …) or 'header'" })
  field: string;
  @ApiProperty({ enum: ImportProblemCode, enumName: 'ImportProblemCode' }) code: ImportProblemCode;
  @ApiProperty() zh: string;
  @ApiProperty() en: string;
}

export class ImportPreviewProposerDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: ProposerKind, enumName: 'ProposerKind' }) kind: ProposerKind;
}

/** One data row as the import would read it; fields it could not read are null. */
export class ImportPreviewRowDto {
  @ApiProperty({ description: 'Row number as the spreadsheet shows it; the header is line 1' }) line: number;
  @ApiProperty({ nullable: true, type: Number }) number: number | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: ProposalKind, enumName: 'ProposalKind', description: "Follows the session's body" })
  kind: ProposalKind;
  @ApiProperty({ type: [ImportPreviewProposerDto], description: 'The first leads, the rest co-sign' })
  proposers: ImportPreviewProposerDto[];
  @ApiProperty({ nullable: true, type: String }) category: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) receivedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) body: string | null;
  @ApiProperty({ nullable: true, type: String }) leadBureau: string | null;
  @ApiProperty({ type: [String] }) coBureaus: string[];
  @ApiProperty({ type: [String] }) separateBureaus: string[];
  @ApiProperty({ type: [ImportProblemDto] }) problems: ImportProblemDto[];
}

export class ImportPreviewCountsDto {
  @ApiProperty({ description: 'Data rows (blank rows are skipped)' }) rows: number;
  @ApiProperty({ description: 'Rows the import would register' }) valid: number;
  @ApiProperty() withProblems: number;
  @ApiProperty({ description: 'Rows whose number the session already has' }) alreadyRegistered: number;
  @ApiProperty({ description: 'Problems in the whole file, header included' }) problems: number;
}

/** POST /proposals/import/preview: what POST /proposals/import would do with the same file. */
export class ImportPreviewDto {
  @ApiProperty() filename: string;
  @ApiProperty({ description: 'True when the import would accept the file as it is' }) importable: boolean;
  @ApiProperty({ type: ImportPreviewCountsDto }) counts: ImportPreviewCountsDto;
  @ApiProperty({ type: [ImportProblemDto], description: 'Problems with the header row' })
  fileProblems: ImportProblemDto[];
  @ApiProperty({ type: [ImportPreviewRowDto] }) rows: ImportPreviewRowDto[];
}
