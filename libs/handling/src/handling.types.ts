import type { AssignmentRole } from '@dafu/platform/vocabulary';
import type { AssignmentStatus } from './domain/assignment-status';
import type { RequestStatus } from './entities/handling-requests.entity';

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

/** An assignment with the names a list shows beside it, as stored. */
export interface NamedAssignment extends Assignment {
  bureauName: string;
  proposalNumber: number;
  proposalTitle: string;
  sessionId: string;
}

/** What the API shows of an assignment: its names and where it stands today (days left are negative when overdue). */
export interface AssignmentView extends NamedAssignment {
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

/** What the clerk and the registrar see of a 申请调整 or 申请延期, with the people's names. */
interface HandlingRequest {
  id: string;
  assignmentId: string;
  reason: string;
  status: RequestStatus;
  requestedBy: string;
  requestedByName: string | null;
  createdAt: Date;
  decidedBy: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
}

export interface ReassignmentRequest extends HandlingRequest {
  suggestedBureauId: string | null;
  suggestedBureauName: string | null;
  /** The other bureau's assignment once approved. */
  newAssignmentId: string | null;
}

export interface ExtensionRequest extends HandlingRequest {
  previousDueOn: string;
  requestedDueOn: string;
}

export interface AssignmentRequests {
  reassignments: ReassignmentRequest[];
  extensions: ExtensionRequest[];
}
