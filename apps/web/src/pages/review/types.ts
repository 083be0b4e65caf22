import type { components } from '../../api/schema';

type Schemas = components['schemas'];

export type ReplyView = Schemas['ReplyViewDto'];
export type ReplySummary = Schemas['ReplySummaryDto'];
export type ReplyStatus = Schemas['ReplyStatus'];
export type ReviewComment = Schemas['ReviewCommentDto'];
export type ReviewCommentInput = Schemas['ReviewCommentInputDto'];
export type GradeClass = Schemas['GradeClassDto'];
export type Disclosure = Schemas['Disclosure'];

/**
 * One entry of GET /replies/{id}/history (libs/platform audit events); the API documents no
 * schema for it, so the fields the page reads are named here.
 */
export interface HistoryEvent {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  data: Record<string, unknown>;
}

/** The page the review page links from and back to. */
export const reviewPath = (replyId: string) => `/replies/${replyId}/review`;
