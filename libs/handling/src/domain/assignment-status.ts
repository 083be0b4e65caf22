/** States of one proposal × bureau assignment (design.md); the transitions arrive with the handling workflow. */
export enum AssignmentStatus {
  Assigned = 'assigned',
  Acknowledged = 'acknowledged',
  ReassignmentRequested = 'reassignment_requested',
  /** Ended: the registrar moved the item to another bureau. */
  Reassigned = 'reassigned',
  ExtensionRequested = 'extension_requested',
  Replied = 'replied',
  /** How a co assignment ends: its opinion went to the lead bureau. */
  OpinionSent = 'opinion_sent',
  FeedbackReceived = 'feedback_received',
  Rehandling = 'rehandling',
  Closed = 'closed',
  /** Ended because the proposal was withdrawn or merged. */
  Withdrawn = 'withdrawn',
}

/** Assignments in these states no longer bind the bureau; a bureau may be assigned the proposal afresh. */
export const ENDED_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  AssignmentStatus.Reassigned,
  AssignmentStatus.Withdrawn,
];

/** Assignments the bureau still has to work on: what "my open items" lists and reminders cover. */
export const OPEN_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  AssignmentStatus.Assigned,
  AssignmentStatus.Acknowledged,
  AssignmentStatus.ReassignmentRequested,
  AssignmentStatus.ExtensionRequested,
  AssignmentStatus.Rehandling,
];
