import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole } from '@dafu/platform/vocabulary';
import type { LocalDate } from '@dafu/deadlines/domain/local-date';
import { AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import { DeadlineKind } from './reminder-schedule';

export interface WatchedAssignment {
  role: AssignmentRole;
  status: AssignmentStatus;
  assignedOn: LocalDate;
  acknowledgeBy: LocalDate;
  dueOn: LocalDate;
  /** The lead bureau excused this co bureau from its opinion. */
  coOpinionWaived: boolean;
}

export interface WatchedDeadline {
  kind: DeadlineKind;
  dueOn: LocalDate;
  /** Reminders count from here: none on or before the day the bureau got the item. */
  startedOn: LocalDate;
}

/**
 * The deadlines an assignment still owes, by its status: none once it is answered, ended, or
 * waiting on the registrar's decision about a reassignment.
 */
export function watchedDeadlines(assignment: WatchedAssignment): WatchedDeadline[] {
  const { status, role } = assignment;
  const deadlines: WatchedDeadline[] = [];
  switch (status) {
    case AssignmentStatus.Assigned:
      deadlines.push({
        kind: DeadlineKind.Acknowledge,
        dueOn: assignment.acknowledgeBy,
        startedOn: assignment.assignedOn,
      });
      break;
    case AssignmentStatus.Acknowledged:
    case AssignmentStatus.ExtensionRequested:
    case AssignmentStatus.Rehandling:
      break;
    case AssignmentStatus.ReassignmentRequested:
    case AssignmentStatus.Reassigned:
    case AssignmentStatus.Replied:
    case AssignmentStatus.OpinionSent:
    case AssignmentStatus.FeedbackReceived:
    case AssignmentStatus.Closed:
    case AssignmentStatus.Withdrawn:
      return [];
    default:
      return assertUnreachable(status);
  }
  switch (role) {
    case AssignmentRole.Lead:
    case AssignmentRole.Separate:
      deadlines.push({ kind: DeadlineKind.Reply, dueOn: assignment.dueOn, startedOn: assignment.assignedOn });
      break;
    case AssignmentRole.Co:
      if (!assignment.coOpinionWaived) {
        deadlines.push({ kind: DeadlineKind.CoOpinion, dueOn: assignment.dueOn, startedOn: assignment.assignedOn });
      }
      break;
    default:
      return assertUnreachable(role);
  }
  return deadlines;
}
