import { AssignmentRole, Role } from '@dafu/platform/vocabulary';
import {
  AssignmentAction as A,
  AssignmentActor,
  isAcceptedByDefault,
  transitionAssignment,
} from './assignment-lifecycle';
import { AssignmentStatus as S } from './assignment-status';

/** From which states each action leads where: written out from design.md, independently of the code. */
const PATHS: Record<A, Partial<Record<S, S>>> = {
  [A.Acknowledge]: { [S.Assigned]: S.Acknowledged },
  [A.RequestReassignment]: { [S.Assigned]: S.ReassignmentRequested },
  [A.ApproveReassignment]: { [S.ReassignmentRequested]: S.Reassigned },
  [A.RejectReassignment]: { [S.ReassignmentRequested]: S.Assigned },
  [A.Reassign]: { [S.Assigned]: S.Reassigned, [S.Acknowledged]: S.Reassigned },
  [A.RequestExtension]: { [S.Acknowledged]: S.ExtensionRequested },
  [A.ApproveExtension]: { [S.ExtensionRequested]: S.Acknowledged },
  [A.RejectExtension]: { [S.ExtensionRequested]: S.Acknowledged },
  [A.SendOpinion]: { [S.Acknowledged]: S.OpinionSent },
  [A.RecordReply]: { [S.Acknowledged]: S.Replied, [S.Rehandling]: S.Replied },
  [A.ReopenForReply]: { [S.Replied]: S.Acknowledged },
  [A.RecordFeedback]: { [S.Replied]: S.FeedbackReceived },
  [A.StartRehandling]: { [S.FeedbackReceived]: S.Rehandling },
  [A.Close]: { [S.FeedbackReceived]: S.Closed },
  [A.Withdraw]: {
    [S.Assigned]: S.Withdrawn,
    [S.Acknowledged]: S.Withdrawn,
    [S.ReassignmentRequested]: S.Withdrawn,
    [S.ExtensionRequested]: S.Withdrawn,
    [S.Rehandling]: S.Withdrawn,
    [S.Replied]: S.Withdrawn,
    [S.OpinionSent]: S.Withdrawn,
  },
};

/** Who acts: the assigned bureau's clerk or reviewer, the city's registrar or supervisor, or the system. */
const WHO: Record<A, { bureau?: Role[]; city?: Role[]; system: boolean }> = {
  [A.Acknowledge]: { bureau: [Role.Clerk], system: false },
  [A.RequestReassignment]: { bureau: [Role.Clerk], system: false },
  [A.RequestExtension]: { bureau: [Role.Clerk], system: false },
  [A.SendOpinion]: { bureau: [Role.Reviewer], system: false },
  [A.ApproveReassignment]: { city: [Role.Registrar], system: true },
  [A.RejectReassignment]: { city: [Role.Registrar], system: true },
  [A.Reassign]: { city: [Role.Registrar], system: true },
  [A.ApproveExtension]: { city: [Role.Registrar, Role.Supervisor], system: true },
  [A.RejectExtension]: { city: [Role.Registrar, Role.Supervisor], system: true },
  [A.RecordReply]: { system: true },
  [A.ReopenForReply]: { system: true },
  [A.RecordFeedback]: { city: [Role.Registrar], system: true },
  [A.StartRehandling]: { city: [Role.Registrar], system: true },
  [A.Close]: { city: [Role.Registrar], system: true },
  [A.Withdraw]: { city: [Role.Registrar], system: true },
};

const CO_ONLY = [A.SendOpinion];
const REPLYING_ONLY = [A.RecordReply, A.ReopenForReply, A.RecordFeedback, A.StartRehandling];

const BUREAU = 'bureau-1';
const OTHER_BUREAU = 'bureau-2';
const CITY = 'committee-1';

type Who = { label: string; actor: AssignmentActor };
const ACTORS: Who[] = [
  { label: 'system', actor: { kind: 'system' } },
  ...Object.values(Role).flatMap((role): Who[] => [
    { label: `${role} of the bureau`, actor: { kind: 'user', roles: [role], organisationId: BUREAU } },
    { label: `${role} of another bureau`, actor: { kind: 'user', roles: [role], organisationId: OTHER_BUREAU } },
    { label: `${role} of the city`, actor: { kind: 'user', roles: [role], organisationId: CITY } },
  ]),
];

function expectedOutcome(state: S, action: A, who: Who, role: AssignmentRole) {
  const to = PATHS[action][state];
  if (to === undefined) return { ok: false, reason: 'not_from_this_state' };
  if (CO_ONLY.includes(action) && role !== AssignmentRole.Co)
    return { ok: false, reason: 'not_for_this_assignment_role' };
  if (REPLYING_ONLY.includes(action) && role === AssignmentRole.Co)
    return { ok: false, reason: 'not_for_this_assignment_role' };
  const rule = WHO[action];
  if (who.actor.kind === 'system') return rule.system ? { ok: true, to } : { ok: false, reason: 'role_not_allowed' };
  const { roles, organisationId } = who.actor;
  if (rule.bureau && roles.some((r) => rule.bureau?.includes(r))) {
    return organisationId === BUREAU ? { ok: true, to } : { ok: false, reason: 'other_bureau' };
  }
  if (rule.city && roles.some((r) => rule.city?.includes(r))) return { ok: true, to };
  return { ok: false, reason: 'role_not_allowed' };
}

const cases = Object.values(S).flatMap((state) =>
  Object.values(A).flatMap((action) =>
    Object.values(AssignmentRole).flatMap((role) =>
      ACTORS.map((who) => [state, action, role, who.label, who] as const),
    ),
  ),
);

describe('transitionAssignment: every state × action × assignment role × actor', () => {
  it.each(cases)('%s + %s on a %s assignment by %s', (state, action, role, _label, who) => {
    const result = transitionAssignment(state, action, who.actor, {
      role,
      bureauId: BUREAU,
      withinAcknowledgementWindow: true,
    });
    const expected = expectedOutcome(state, action, who, role);
    if (expected.ok) expect(result).toEqual({ ok: true, from: state, to: expected.to });
    else expect(result).toEqual({ ok: false, from: state, reason: expected.reason });
  });
});

describe('the acknowledgement window', () => {
  const clerk: AssignmentActor = { kind: 'user', roles: [Role.Clerk], organisationId: BUREAU };
  const registrar: AssignmentActor = { kind: 'user', roles: [Role.Registrar], organisationId: CITY };
  const closed = { role: AssignmentRole.Lead, bureauId: BUREAU, withinAcknowledgementWindow: false };

  it('stops the bureau asking for reassignment once it has passed', () => {
    expect(transitionAssignment(S.Assigned, A.RequestReassignment, clerk, closed)).toEqual({
      ok: false,
      from: S.Assigned,
      reason: 'acknowledgement_window_passed',
    });
  });

  it('still lets the bureau acknowledge late, and the registrar reassign', () => {
    expect(transitionAssignment(S.Assigned, A.Acknowledge, clerk, closed)).toMatchObject({
      ok: true,
      to: S.Acknowledged,
    });
    expect(transitionAssignment(S.Assigned, A.Reassign, registrar, closed)).toMatchObject({
      ok: true,
      to: S.Reassigned,
    });
  });

  it.each([
    [S.Assigned, true, false],
    [S.Assigned, false, true],
    [S.Acknowledged, false, false],
    [S.ReassignmentRequested, false, false],
  ])('%s with the window open=%p counts as accepted by default: %p', (state, open, accepted) => {
    expect(isAcceptedByDefault(state, open)).toBe(accepted);
  });
});
