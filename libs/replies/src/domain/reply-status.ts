/** States of a reply (design.md, "Reply"); only `transitionReply` moves between them. */
export enum ReplyStatus {
  Drafting = 'drafting',
  /** At one of the bureau's review steps (科室审核, 办公室审核…). */
  InReview = 'in_review',
  /** Every review step approved; waits for the signatory's 签发. */
  AwaitingSignoff = 'awaiting_signoff',
  /** Signed off: numbered and final, its text can no longer change. */
  Signed = 'signed',
  /** The final documents exist and have gone out. */
  Issued = 'issued',
  /** Abandoned before sign-off. */
  Withdrawn = 'withdrawn',
  /** A signed letter declared void: its number stays taken, a new reply is needed. */
  Voided = 'voided',
}

/** Replies whose text is final and may be read by the city (registrar, supervisor). */
export const FINAL_REPLY_STATUSES: readonly ReplyStatus[] = [
  ReplyStatus.Signed,
  ReplyStatus.Issued,
  ReplyStatus.Voided,
];

/** Replies still on their way to sign-off: at most one per assignment and round. */
export const OPEN_REPLY_STATUSES: readonly ReplyStatus[] = [
  ReplyStatus.Drafting,
  ReplyStatus.InReview,
  ReplyStatus.AwaitingSignoff,
];
