import { assertUnreachable } from '@dafu/platform/errors/assert-unreachable';
import { Role } from '@dafu/platform/vocabulary';
import { ReplyStatus } from './reply-status';
import type { ReviewStep } from './review-chain';

const S = ReplyStatus;

export enum ReplyEvent {
  /** A new version of the text. */
  Save = 'save',
  Submit = 'submit',
  /** The reviewer at the current step passes it on. */
  Approve = 'approve',
  /** Back to drafting from a review step or from the signatory, with comments. */
  SendBack = 'send_back',
  /** 签发. */
  SignOff = 'sign_off',
  /** The final documents went out (raised by the worker). */
  Issue = 'issue',
  Withdraw = 'withdraw',
  Void = 'void',
}

export type ReplyActor = { kind: 'system' } | { kind: 'user'; roles: readonly Role[]; organisationId: string };

export interface ReplyFacts {
  bureauId: string;
  /** The review steps the reply follows (the chain as it was at submission). */
  steps: readonly ReviewStep[];
  currentStep: number | null;
  /** Whether the acting user saved any version of this reply. */
  actorAuthored: boolean;
}

export type ReplyRefusal = 'not_from_this_state' | 'role_not_allowed' | 'other_bureau' | 'own_draft';

export type ReplyTransition =
  | { ok: true; from: ReplyStatus; to: ReplyStatus; step: number | null }
  | { ok: false; from: ReplyStatus; reason: ReplyRefusal };

/** Where an event leads and which step the reply is at afterwards; null when the state does not allow it. */
function targetOf(
  state: ReplyStatus,
  event: ReplyEvent,
  facts: ReplyFacts,
): { to: ReplyStatus; step: number | null } | null {
  const afterReview = (step: number) =>
    step < facts.steps.length ? { to: S.InReview, step } : { to: S.AwaitingSignoff, step: null };
  switch (event) {
    case ReplyEvent.Save:
      return state === S.Drafting ? { to: S.Drafting, step: null } : null;
    case ReplyEvent.Submit:
      return state === S.Drafting ? afterReview(0) : null;
    case ReplyEvent.Approve:
      return state === S.InReview && facts.currentStep !== null ? afterReview(facts.currentStep + 1) : null;
    case ReplyEvent.SendBack:
      return state === S.InReview || state === S.AwaitingSignoff ? { to: S.Drafting, step: null } : null;
    case ReplyEvent.SignOff:
      return state === S.AwaitingSignoff ? { to: S.Signed, step: null } : null;
    case ReplyEvent.Issue:
      return state === S.Signed ? { to: S.Issued, step: null } : null;
    case ReplyEvent.Withdraw:
      return state === S.Drafting || state === S.InReview || state === S.AwaitingSignoff
        ? { to: S.Withdrawn, step: null }
        : null;
    case ReplyEvent.Void:
      return state === S.Signed || state === S.Issued ? { to: S.Voided, step: null } : null;
    default:
      return assertUnreachable(event);
  }
}

/** The roles that may take an event in the reply's current state; 'system' for the worker's own. */
function rolesFor(state: ReplyStatus, event: ReplyEvent, facts: ReplyFacts): readonly Role[] | 'system' {
  switch (event) {
    case ReplyEvent.Save:
    case ReplyEvent.Submit:
    case ReplyEvent.Withdraw:
      return [Role.Clerk];
    case ReplyEvent.Approve:
      return facts.currentStep === null ? [] : [facts.steps[facts.currentStep].role];
    case ReplyEvent.SendBack:
      if (state === S.AwaitingSignoff) return [Role.Signatory];
      return facts.currentStep === null ? [] : [facts.steps[facts.currentStep].role];
    case ReplyEvent.SignOff:
    case ReplyEvent.Void:
      return [Role.Signatory];
    case ReplyEvent.Issue:
      return 'system';
    default:
      return assertUnreachable(event);
  }
}

/** Approving and signing one's own text would defeat the review: the author may only send it on. */
const NOT_BY_AUTHOR: readonly ReplyEvent[] = [ReplyEvent.Approve, ReplyEvent.SignOff];

/**
 * The reply lifecycle: the one place that decides whether an event may happen and what follows.
 * Users act only on their own bureau's replies and only with the role the step asks for; the
 * system (the worker) may withdraw a reply whose assignment ended, and issues signed ones.
 */
export function transitionReply(
  state: ReplyStatus,
  event: ReplyEvent,
  actor: ReplyActor,
  facts: ReplyFacts,
): ReplyTransition {
  const target = targetOf(state, event, facts);
  if (target === null) return { ok: false, from: state, reason: 'not_from_this_state' };
  const roles = rolesFor(state, event, facts);
  if (actor.kind === 'system') {
    if (roles !== 'system' && event !== ReplyEvent.Withdraw)
      return { ok: false, from: state, reason: 'role_not_allowed' };
  } else {
    if (roles === 'system' || !actor.roles.some((role) => roles.includes(role)))
      return { ok: false, from: state, reason: 'role_not_allowed' };
    if (actor.organisationId !== facts.bureauId) return { ok: false, from: state, reason: 'other_bureau' };
    if (NOT_BY_AUTHOR.includes(event) && facts.actorAuthored) return { ok: false, from: state, reason: 'own_draft' };
  }
  return { ok: true, from: state, to: target.to, step: target.step };
}
