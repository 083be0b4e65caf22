import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { Role } from '@dafu/platform/vocabulary';

export enum ProposalStatus {
  Registered = 'registered',
  Assigned = 'assigned',
  Replied = 'replied',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
  /** 并案: folded into another proposal. */
  Merged = 'merged',
}

export enum ProposalEvent {
  /** 交办: one or more bureaus receive it (again, when more bureaus are added). */
  Assign = 'assign',
  /** Every lead and separate bureau has issued its reply. */
  RecordReplies = 'record_replies',
  /** Unsatisfied feedback sends it back to handling. */
  Reopen = 'reopen',
  Close = 'close',
  Withdraw = 'withdraw',
  Merge = 'merge',
}

/** The system itself (a worker reacting to issued replies) or a person with roles. */
export type ProposalActor = { kind: 'system' } | { kind: 'user'; roles: readonly Role[] };

export type TransitionResult<S> =
  { ok: true; from: S; to: S } | { ok: false; from: S; reason: 'not_from_this_state' | 'role_not_allowed' };

function targetOf(state: ProposalStatus, event: ProposalEvent): ProposalStatus | null {
  switch (event) {
    case ProposalEvent.Assign:
      return state === ProposalStatus.Registered || state === ProposalStatus.Assigned ? ProposalStatus.Assigned : null;
    case ProposalEvent.RecordReplies:
      return state === ProposalStatus.Assigned ? ProposalStatus.Replied : null;
    case ProposalEvent.Reopen:
      return state === ProposalStatus.Replied || state === ProposalStatus.Closed ? ProposalStatus.Assigned : null;
    case ProposalEvent.Close:
      return state === ProposalStatus.Replied ? ProposalStatus.Closed : null;
    case ProposalEvent.Withdraw:
      return state === ProposalStatus.Registered || state === ProposalStatus.Assigned ? ProposalStatus.Withdrawn : null;
    case ProposalEvent.Merge:
      return state === ProposalStatus.Registered || state === ProposalStatus.Assigned ? ProposalStatus.Merged : null;
    default:
      return assertUnreachable(event);
  }
}

function mayAct(event: ProposalEvent, actor: ProposalActor): boolean {
  switch (event) {
    case ProposalEvent.RecordReplies:
    case ProposalEvent.Reopen:
      return actor.kind === 'system';
    case ProposalEvent.Assign:
    case ProposalEvent.Close:
    case ProposalEvent.Withdraw:
    case ProposalEvent.Merge:
      return actor.kind === 'system' || actor.roles.includes(Role.Registrar);
    default:
      return assertUnreachable(event);
  }
}

/** The proposal lifecycle of design.md; the only place that decides a proposal's next status. */
export function transitionProposal(
  state: ProposalStatus,
  event: ProposalEvent,
  actor: ProposalActor,
): TransitionResult<ProposalStatus> {
  const to = targetOf(state, event);
  if (to === null) return { ok: false, from: state, reason: 'not_from_this_state' };
  if (!mayAct(event, actor)) return { ok: false, from: state, reason: 'role_not_allowed' };
  return { ok: true, from: state, to };
}

/** Registry details (title, proposers, number) can be corrected until the proposal is answered or ended. */
export function isProposalEditable(state: ProposalStatus): boolean {
  return state === ProposalStatus.Registered || state === ProposalStatus.Assigned;
}
