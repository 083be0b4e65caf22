import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type ReplyView = Schemas['ReplyViewDto'];
export type ReplyContent = Schemas['ReplyContentDto'];
export type ReplySection = Schemas['ReplySectionDto'];
export type TextSource = Schemas['TextSourceDto'];
export type CcEntry = Schemas['CcEntryDto'];
export type Disclosure = Schemas['Disclosure'];
export type ReplyStatus = Schemas['ReplyStatus'];
export type ReplySummary = Schemas['ReplySummaryDto'];
export type ReplyVersionSummary = Schemas['ReplyVersionSummaryDto'];
export type ReviewComment = Schemas['ReviewCommentDto'];
export type GradeScale = Schemas['GradeScaleDto'];
export type GradeClass = Schemas['GradeClassDto'];
export type SessionBody = Schemas['SessionBody'];
export type CoOpinion = Schemas['CoOpinionDto'];
export type SaveDraftBody = Schemas['SaveDraftDto'];

/*
 * GET /replies/{id}/completeness, /sources and /diff declare no response type in the OpenAPI
 * document (their controller methods have no @ApiOkResponse), so their shapes are written here
 * from libs/replies (reply-checks.ts MissingItem, reply-diff.ts ReplyChange) and libs/search
 * (similar-replies.service.ts SimilarReply).
 */

/** libs/replies/src/domain/reply-checks.ts MISSING_ITEM_KINDS. */
export type MissingItemKind =
  | 'grade'
  | 'grade_justification'
  | 'title'
  | 'addressees'
  | 'opening'
  | 'body'
  | 'issuer'
  | 'contact_name'
  | 'contact_phone'
  | 'cc'
  | 'cc_co_bureau'
  | 'disclosure_reason'
  | 'talk'
  | 'co_opinion';

export interface MissingItem {
  item: MissingItemKind;
  detail?: string;
  zh: string;
  en: string;
}

/** A save refused for its content (400 REPLY_CONTENT_INVALID details.problems). */
export interface ContentProblem {
  field: string;
  problem: string;
  zh: string;
  en: string;
}

export interface ReusableSection {
  index: number;
  heading: string;
  paragraphs: string[];
}

export interface SimilarReply {
  kind: 'past_reply' | 'archived_letter';
  id: string;
  proposalId: string | null;
  title: string;
  sessionLabel: string | null;
  documentNumber: string | null;
  grade: string | null;
  datedOn: string | null;
  score: number;
  sharedTerms: string[];
  sections: ReusableSection[];
}

export interface ReplySources {
  coOpinions: CoOpinion[];
  similarReplies: SimilarReply[];
}

export interface DiffSegment {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface ReplyChange {
  path: string;
  label: { zh: string; en: string };
  kind: 'added' | 'removed' | 'changed';
  before: string | null;
  after: string | null;
  segments: DiffSegment[];
}
