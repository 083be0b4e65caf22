import type { AssignmentRole } from '@dafu/platform/vocabulary';
import type { AssignmentStatus } from './domain/assignment-status';

export interface Assignment {
  id: string;
  proposalId: string;
  bureauId: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  assignedOn: string;
  dueOn: string;
  acknowledgeBy: string;
  acknowledgedAt: Date | null;
  reassignedFromId: string | null;
  assignedBy: string | null;
  version: number;
  createdAt: Date;
}

/** An assignment with what a list shows beside it. */
export interface AssignmentView extends Assignment {
  bureauName: string;
  proposalNumber: number;
  proposalTitle: string;
  sessionId: string;
}

/** A view with what a clerk plans by: days left until the due date (negative when overdue). */
export interface AssignmentListItem extends AssignmentView {
  daysLeft: number;
  workingDaysLeft: number;
  /** Unacknowledged past the window: counts as accepted (默认签收). */
  acceptedByDefault: boolean;
}

export interface TimelineEntry {
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  reason: string | null;
  text: { zh: string; en: string };
}
