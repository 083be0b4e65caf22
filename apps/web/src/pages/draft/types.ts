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

export type MissingItemKind = Schemas['MissingItemKind'];
export type MissingItem = Schemas['MissingItemDto'];
export type ReusableSection = Schemas['ReusableSectionDto'];
export type SimilarReply = Schemas['SimilarReplyDto'];
export type ReplySources = Schemas['ReplySourcesDto'];
export type DiffSegment = Schemas['DiffSegmentDto'];
export type ReplyChange = Schemas['ReplyChangeDto'];

/** A save refused for its content (400 REPLY_CONTENT_INVALID details.problems): error details are not in the document. */
export interface ContentProblem {
  field: string;
  problem: string;
  zh: string;
  en: string;
}
