import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type ReplyView = Schemas['ReplyViewDto'];
export type ReplySummary = Schemas['ReplySummaryDto'];
export type ReplyStatus = Schemas['ReplyStatus'];
export type ReviewComment = Schemas['ReviewCommentDto'];
export type ReviewCommentInput = Schemas['ReviewCommentInputDto'];
export type GradeClass = Schemas['GradeClassDto'];
export type Disclosure = Schemas['Disclosure'];
export type HistoryEvent = Schemas['ReplyHistoryEventDto'];

/** The page the review page links from and back to. */
export const reviewPath = (replyId: string) => `/replies/${replyId}/review`;
