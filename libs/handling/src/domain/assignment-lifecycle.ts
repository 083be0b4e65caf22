import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { AssignmentRole, Role } from '@dafu/platform/vocabulary';
import { AssignmentStatus } from './assignment-status';

const S = AssignmentStatus;

/** What can happen to an assignment between 交办 and closing (design.md, "Assignment"). */
export enum AssignmentAction {
  /** 签收: the bureau confirms it handles the item. */
  Acknowledge = 'acknowledge',
  /** 申请调整: the bureau asks the registrar to give the item to another bureau. */
  RequestReassignment = 'request_reassignment',
  ApproveReassignment = 'approve_reassignment',
  RejectReassignment = 'reject_reassignment',
  /** The registrar moves the item without a request (after the acknowledgement window). */
  Reassign = 'reassign',
  /** 申请延期. */
  RequestExtension = 'request_extension',
  ApproveExtension = 'approve_extension',
  RejectExtension = 'reject_extension',
  /** A co bureau's reviewer sends its approved 会办意见 to the lead. */
  SendOpinion = 'send_opinion',
  /** The bureau's reply was issued (raised by the system when the letter goes out). */
  RecordReply = 'record_reply',
  /** The signed reply was voided: the bureau owes a new one (raised by the system). */
  ReopenForReply = 'reopen_for_reply',
  RecordFeedback = 'record_feedback',
  /** 重新办理 after 不满意 feedback. */
  StartRehandling = 'start_rehandling',
  Close = 'close',
  /** The proposal was withdrawn or merged. */
  Withdraw = 'withdraw',
}

export type AssignmentActor = { kind: 'system' } | { kind: 'user'; roles: readonly Role[]; organisationId: string };

export interface AssignmentFacts {
  role: AssignmentRole;
  bureauId: string;
  /** Whether the acknowledgement window (default 5 working days) is still open. */
  withinAcknowledgementWindow: boolean;
}

export type AssignmentRefusal =
  | 'not_from_this_state'
  | 'role_not_allowed'
  | 'other_bureau'
  | 'not_for_this_assignment_role'
  | 'acknowledgement_window_passed';

export type AssignmentTransition =
  | { ok: true; from: AssignmentStatus; to: AssignmentStatus }
  | { ok: false; from: AssignmentStatus; reason: AssignmentRefusal };

/** States in which the bureau is still working on the item. */
const OPEN: readonly AssignmentStatus[] = [
  S.Assigned,
  S.Acknowledged,
  S.ReassignmentRequested,
  S.ExtensionRequested,
  S.Rehandling,
];

function targetOf(state: AssignmentStatus, action: AssignmentAction): AssignmentStatus | null {
  switch (action) {
    case AssignmentAction.Acknowledge:
      return state === S.Assigned ? S.Acknowledged : null;
    case AssignmentAction.RequestReassignment:
      return state === S.Assigned ? S.ReassignmentRequested : null;
    case AssignmentAction.ApproveReassignment:
      return state === S.ReassignmentRequested ? S.Reassigned : null;
    case AssignmentAction.RejectReassignment:
      return state === S.ReassignmentRequested ? S.Assigned : null;
    case AssignmentAction.Reassign:
      return state === S.Assigned || state === S.Acknowledged ? S.Reassigned : null;
    case AssignmentAction.RequestExtension:
      return state === S.Acknowledged ? S.ExtensionRequested : null;
    case AssignmentAction.ApproveExtension:
    case AssignmentAction.RejectExtension:
      return state === S.ExtensionRequested ? S.Acknowledged : null;
    case AssignmentAction.SendOpinion:
      return state === S.Acknowledged ? S.OpinionSent : null;
    case AssignmentAction.RecordReply:
      return state === S.Acknowledged || state === S.Rehandling ? S.Replied : null;
    case AssignmentAction.ReopenForReply:
      return state === S.Replied ? S.Acknowledged : null;
    case AssignmentAction.RecordFeedback:
      return state === S.Replied ? S.FeedbackReceived : null;
    case AssignmentAction.StartRehandling:
      return state === S.FeedbackReceived ? S.Rehandling : null;
    case AssignmentAction.Close:
      return state === S.FeedbackReceived ? S.Closed : null;
    case AssignmentAction.Withdraw:
      return OPEN.includes(state) || state === S.Replied || state === S.OpinionSent ? S.Withdrawn : null;
    default:
      return assertUnreachable(action);
  }
}

/** Actions only the lead and separate bureaus take (they reply); a co bureau sends an opinion instead. */
function fitsAssignmentRole(action: AssignmentAction, role: AssignmentRole): boolean {
  switch (action) {
    case AssignmentAction.SendOpinion:
      return role === AssignmentRole.Co;
    case AssignmentAction.RecordReply:
    case AssignmentAction.ReopenForReply:
    case AssignmentAction.RecordFeedback:
    case AssignmentAction.StartRehandling:
      return role !== AssignmentRole.Co;
    case AssignmentAction.Acknowledge:
    case AssignmentAction.RequestReassignment:
    case AssignmentAction.ApproveReassignment:
    case AssignmentAction.RejectReassignment:
    case AssignmentAction.Reassign:
    case AssignmentAction.RequestExtension:
    case AssignmentAction.ApproveExtension:
    case AssignmentAction.RejectExtension:
    case AssignmentAction.Close:
    case AssignmentAction.Withdraw:
      return true;
    default:
      return assertUnreachable(action);
  }
}

type Permit = { by: 'bureau'; roles: readonly Role[] } | { by: 'city'; roles: readonly Role[] } | { by: 'system' };

/** Who may take each action: the assigned bureau's own staff, the city's registrar or supervisor, or the system. */
function permitOf(action: AssignmentAction): Permit {
  switch (action) {
    case AssignmentAction.Acknowledge:
    case AssignmentAction.RequestReassignment:
    case AssignmentAction.RequestExtension:
      return { by: 'bureau', roles: [Role.Clerk] };
    case AssignmentAction.SendOpinion:
      return { by: 'bureau', roles: [Role.Reviewer] };
    case AssignmentAction.ApproveReassignment:
    case AssignmentAction.RejectReassignment:
    case AssignmentAction.Reassign:
    case AssignmentAction.RecordFeedback:
    case AssignmentAction.StartRehandling:
    case AssignmentAction.Close:
    case AssignmentAction.Withdraw:
      return { by: 'city', roles: [Role.Registrar] };
    case AssignmentAction.ApproveExtension:
    case AssignmentAction.RejectExtension:
      return { by: 'city', roles: [Role.Registrar, Role.Supervisor] };
    case AssignmentAction.RecordReply:
    case AssignmentAction.ReopenForReply:
      return { by: 'system' };
    default:
      return assertUnreachable(action);
  }
}

/**
 * The assignment lifecycle: the one place that decides whether an action may happen and what
 * state follows. The system may take any action a registrar may (feedback, rehandling, withdrawal
 * on a proposal's behalf) besides recording replies; bureau actions need the bureau's own staff.
 */
export function transitionAssignment(
  state: AssignmentStatus,
  action: AssignmentAction,
  actor: AssignmentActor,
  facts: AssignmentFacts,
): AssignmentTransition {
  const to = targetOf(state, action);
  if (to === null) return { ok: false, from: state, reason: 'not_from_this_state' };
  if (!fitsAssignmentRole(action, facts.role))
    return { ok: false, from: state, reason: 'not_for_this_assignment_role' };

  const permit = permitOf(action);
  if (actor.kind === 'system') {
    if (permit.by === 'bureau') return { ok: false, from: state, reason: 'role_not_allowed' };
  } else {
    if (permit.by === 'system' || !actor.roles.some((role) => permit.roles.includes(role))) {
      return { ok: false, from: state, reason: 'role_not_allowed' };
    }
    if (permit.by === 'bureau' && actor.organisationId !== facts.bureauId) {
      return { ok: false, from: state, reason: 'other_bureau' };
    }
  }
  if (action === AssignmentAction.RequestReassignment && !facts.withinAcknowledgementWindow) {
    return { ok: false, from: state, reason: 'acknowledgement_window_passed' };
  }
  return { ok: true, from: state, to };
}

/** Once the window has passed, an unacknowledged assignment counts as accepted (默认签收). */
export function isAcceptedByDefault(state: AssignmentStatus, withinAcknowledgementWindow: boolean): boolean {
  return state === S.Assigned && !withinAcknowledgementWindow;
}
