import type { Role, AssignmentRole } from '@dafu/platform/vocabulary';
import type { ReplyContent } from './domain/reply-content';
import type { ReplyStatus } from './domain/reply-status';
import type { ReviewStep } from './domain/review-chain';

/** A reply as stored: where it stands, who moved it, and once signed, what makes it final. */
export interface Reply {
  id: string;
  assignmentId: string;
  bureauId: string;
  proposalId: string;
  round: number;
  status: ReplyStatus;
  reviewSteps: ReviewStep[];
  currentStep: number | null;
  version: number;
  startedBy: string;
  lastSavedBy: string;
  lastSavedAt: Date;
  submittedAt: Date | null;
  grade: string | null;
  documentNumber: string | null;
  signedVersion: number | null;
  signatoryId: string | null;
  signatoryName: string | null;
  signedOn: string | null;
  /** The due date the reply answered, fixed at sign-off (按期答复 judges against it). */
  dueOn: string | null;
  signedAt: Date | null;
  issuedAt: Date | null;
  voidedAt: Date | null;
  voidReason: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
  createdAt: Date;
}

/** What a reply page shows: the reply, its latest text, and who it waits for. */
export interface ReplyView extends Reply {
  content: ReplyContent;
  lastSavedByName: string | null;
  bureauName: string;
  proposalNumber: number;
  proposalTitle: string;
  assignmentRole: AssignmentRole;
  /** e.g. 科室审核; null unless in review. */
  currentStepName: string | null;
  /** The role that acts next: clerk while drafting, the step's role in review, signatory at sign-off. */
  waitingFor: Role | null;
}

export interface ReplySummary {
  id: string;
  assignmentId: string;
  proposalId: string;
  proposalNumber: number;
  proposalTitle: string;
  round: number;
  status: ReplyStatus;
  currentStepName: string | null;
  version: number;
  lastSavedAt: Date;
  documentNumber: string | null;
  dueOn: string;
}

export interface ReplyVersionSummary {
  number: number;
  savedBy: string;
  savedByName: string | null;
  savedAt: Date;
}

export interface ReplyVersion extends ReplyVersionSummary {
  content: ReplyContent;
}

export interface ReviewComment {
  id: string;
  versionNumber: number;
  stepName: string;
  anchor: string;
  body: string;
  authorId: string;
  authorName: string | null;
  createdAt: Date;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface DocumentNumberSeries {
  prefix: string;
  year: number;
  lastNumber: number;
  updatedAt: Date;
}
