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
