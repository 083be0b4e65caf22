import type { FeedbackChannel, Satisfaction } from './domain/feedback';

/** The proposer's answer to one issued reply, as stored. */
export interface Feedback {
  id: string;
  replyId: string;
  assignmentId: string;
  bureauId: string;
  proposalId: string;
  workRating: Satisfaction;
  resultRating: Satisfaction;
  talkedBeforeReply: boolean;
  comments: string;
  channel: FeedbackChannel;
  /** The registrar who wrote it in; null when the proposer answered through the link. */
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
}

export interface FeedbackInput {
  workRating: Satisfaction;
  resultRating: Satisfaction;
  talkedBeforeReply: boolean;
  comments?: string;
}

/** What happened because of the feedback. */
export interface FeedbackResult extends Feedback {
  outcome: 'close' | 'rehandle';
  assignmentStatus: string;
  /** 重新办理 only: the new due date and the new round's draft. */
  rehandlingDueOn: string | null;
  newReplyId: string | null;
}

/** Everything the proposer's feedback page shows: what the letter was about, nothing else. */
export interface PublicFeedbackView {
  proposalNumber: number;
  proposalKind: string;
  proposalTitle: string;
  sessionName: string | null;
  bureauName: string;
  documentNumber: string | null;
  /** The letter's date. */
  signedOn: string | null;
  /** The link was already used (or the registrar recorded the answer): the page says thank you. */
  answered: boolean;
  expiresAt: Date;
}

export interface FollowUpLetter {
  id: string;
  replyId: string;
  assignmentId: string;
  bureauId: string;
  proposalId: string;
  body: string;
  sentOn: string;
  solved: boolean;
  recordedBy: string;
  recordedByName: string | null;
  recordedAt: Date;
}

/** One reply on the follow-up list (跟踪办理). */
export interface FollowUpListItem {
  replyId: string;
  assignmentId: string;
  proposalId: string;
  proposalNumber: number;
  proposalTitle: string;
  sessionId: string;
  bureauId: string;
  bureauName: string;
  grade: string;
  documentNumber: string | null;
  signedOn: string | null;
  issuedAt: Date | null;
  letters: number;
  lastLetterOn: string | null;
}

export interface FollowUpFilter {
  sessionId?: string;
  bureauId?: string;
  limit: number;
  offset: number;
}
