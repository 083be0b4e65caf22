import type { ArchiveFileFailure, NotRecovered } from './domain/archive-import';
import type { ParsedField } from './domain/reply-letter-parser';

export interface ArchiveFileResult {
  /** The uploaded file's name; for a zip entry, zip name / entry path. */
  file: string;
  status: 'imported' | 'duplicate' | 'failed';
  failure: ArchiveFileFailure | null;
  detail: Record<string, unknown> | null;
  /** The archived letter: new, or the one already holding this text (duplicate). */
  letterId: string | null;
  encoding: string | null;
  recovered: Partial<Record<ParsedField, unknown>> | null;
  notRecovered: NotRecovered[];
}

export interface ArchiveImport {
  id: string;
  importedBy: string;
  organisationId: string;
  fileCount: number;
  importedCount: number;
  failedCount: number;
  results: ArchiveFileResult[];
  createdAt: Date;
}

export interface ArchivedLetterSummary {
  id: string;
  importId: string;
  fileName: string;
  documentNumber: string | null;
  signatory: string | null;
  grade: string | null;
  issuer: string | null;
  kind: 'proposal' | 'suggestion' | null;
  sessionLabel: string | null;
  sessionBody: 'cppcc' | 'npc' | null;
  sessionTerm: number | null;
  sessionSitting: number | null;
  proposalNumber: number | null;
  proposalTitle: string | null;
  date: string | null;
  createdAt: Date;
}

export interface ArchivedLetter extends ArchivedLetterSummary {
  text: string;
  addressees: unknown;
  sectionHeadings: string[] | null;
  sections: { heading: string; paragraphs: string[] }[];
  contact: unknown;
  cc: unknown;
  problems: unknown;
}
