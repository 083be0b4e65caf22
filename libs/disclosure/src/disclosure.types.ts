import type { LocalDate } from '@dafu/deadlines/domain/local-date';
import type { SessionBody } from '@dafu/platform/vocabulary';

/** A published reply as the public feed lists it. Explicit fields: nothing else leaves. */
export interface PublicReplySummary {
  id: string;
  documentNumber: string;
  sessionId: string;
  sessionName: string;
  body: SessionBody;
  proposalKind: string;
  proposalNumber: number;
  proposalTitle: string;
  bureauId: string;
  bureauName: string;
  grade: string | null;
  /** The date the letter bears. */
  letterDate: LocalDate;
  issuedOn: LocalDate;
}

export interface PublicReply extends PublicReplySummary {
  /** The letter as plain text, without its contact line. */
  text: string;
  /** Where the signed PDF is, or null while it is not stored. */
  pdfUrl: string | null;
}

export interface PublicReplyPage {
  items: PublicReplySummary[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PublicSession {
  id: string;
  name: string;
  body: SessionBody;
  term: number;
  sitting: number;
  year: number;
  publishedReplies: number;
}

export interface PublicFeedQuery {
  q?: string;
  sessionId?: string;
  bureauId?: string;
  grade?: string;
  page: number;
  pageSize: number;
}

/** The latest issue date published, per body, as of today. */
export type PublicationCutoffs = { body: SessionBody; cutoff: LocalDate }[];
