import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import {
  isProposalEditable,
  type ProposalActor,
  ProposalEvent,
  ProposalStatus,
  transitionProposal,
} from './proposal-lifecycle';

const { Registered, Assigned, Replied, Closed, Withdrawn, Merged } = ProposalStatus;
const E = ProposalEvent;
const NO = 'not_from_this_state' as const;

/**
 * Where each event leads from each state, as design.md draws the proposal lifecycle
 * (registered → assigned → replied → closed, plus withdrawn and merged). NO: refused in that state.
 */
const TARGET: Record<ProposalStatus, Record<ProposalEvent, ProposalStatus | typeof NO>> = {
  [Registered]: {
    [E.Assign]: Assigned,
    [E.RecordReplies]: NO,
    [E.Reopen]: NO,
    [E.Close]: NO,
    [E.Withdraw]: Withdrawn,
    [E.Merge]: Merged,
  },
  [Assigned]: {
    // more bureaus can be added to a proposal already assigned
    [E.Assign]: Assigned,
    [E.RecordReplies]: Replied,
    [E.Reopen]: NO,
    [E.Close]: NO,
    [E.Withdraw]: Withdrawn,
    [E.Merge]: Merged,
  },
  [Replied]: {
    [E.Assign]: NO,
    [E.RecordReplies]: NO,
    // unsatisfied feedback: re-handling
    [E.Reopen]: Assigned,
    [E.Close]: Closed,
    [E.Withdraw]: NO,
    [E.Merge]: NO,
  },
  [Closed]: {
    [E.Assign]: NO,
    [E.RecordReplies]: NO,
    [E.Reopen]: Assigned,
    [E.Close]: NO,
    [E.Withdraw]: NO,
    [E.Merge]: NO,
  },
  [Withdrawn]: {
    [E.Assign]: NO,
    [E.RecordReplies]: NO,
    [E.Reopen]: NO,
    [E.Close]: NO,
    [E.Withdraw]: NO,
    [E.Merge]: NO,
  },
  [Merged]: {
    [E.Assign]: NO,
    [E.RecordReplies]: NO,
    [E.Reopen]: NO,
    [E.Close]: NO,
    [E.Withdraw]: NO,
    [E.Merge]: NO,
  },
};

/** Which events a registrar may raise by hand; the others follow from bureaus' replies and proposers' feedback. */
const REGISTRAR_MAY: Record<ProposalEvent, boolean> = {
  [E.Assign]: true,
  [E.RecordReplies]: false,
  [E.Reopen]: false,
  [E.Close]: true,
  [E.Withdraw]: true,
  [E.Merge]: true,
};

const STATES = Object.values(ProposalStatus);
const EVENTS = Object.values(ProposalEvent);
const PAIRS = STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const));

const registrar: ProposalActor = { kind: 'user', roles: [Role.Registrar] };
const clerk: ProposalActor = { kind: 'user', roles: [Role.Clerk] };
const system: ProposalActor = { kind: 'system' };

function expectedFor(state: ProposalStatus, event: ProposalEvent, actorMay: boolean) {
  const target = TARGET[state][event];
  if (target === NO) return { ok: false, from: state, reason: NO };
  if (!actorMay) return { ok: false, from: state, reason: 'role_not_allowed' };
  return { ok: true, from: state, to: target };
}

describe('transitionProposal', () => {
  it('the table covers every state and every event', () => {
    expect(Object.keys(TARGET).sort()).toEqual([...STATES].sort());
    for (const row of Object.values(TARGET)) expect(Object.keys(row).sort()).toEqual([...EVENTS].sort());
  });

  describe('by a registrar', () => {
    it.each(PAIRS)('%s + %s', (state, event) => {
      expect(transitionProposal(state, event, registrar)).toEqual(expectedFor(state, event, REGISTRAR_MAY[event]));
    });
  });

  describe('by a clerk (never moves a proposal: where the state allows the event, the role does not)', () => {
    it.each(PAIRS)('%s + %s', (state, event) => {
      expect(transitionProposal(state, event, clerk)).toEqual(expectedFor(state, event, false));
    });
  });

  describe('by the system', () => {
    it.each(PAIRS)('%s + %s', (state, event) => {
      expect(transitionProposal(state, event, system)).toEqual(expectedFor(state, event, true));
    });
  });

  describe('by every other role alone', () => {
    const others = ALL_ROLES.filter((role) => role !== Role.Registrar);
    it.each(others.flatMap((role) => PAIRS.map(([state, event]) => [role, state, event] as const)))(
      'a %s: %s + %s',
      (role, state, event) => {
        expect(transitionProposal(state, event, { kind: 'user', roles: [role] })).toEqual(
          expectedFor(state, event, false),
        );
      },
    );
  });

  it.each(PAIRS)('a user who is also a registrar acts as one: %s + %s', (state, event) => {
    const actor: ProposalActor = { kind: 'user', roles: [Role.Clerk, Role.Supervisor, Role.Registrar] };
    expect(transitionProposal(state, event, actor)).toEqual(expectedFor(state, event, REGISTRAR_MAY[event]));
  });

  it.each(PAIRS)('a user with no roles is refused: %s + %s', (state, event) => {
    expect(transitionProposal(state, event, { kind: 'user', roles: [] })).toEqual(expectedFor(state, event, false));
  });

  it('says the state is wrong before it says the role is wrong', () => {
    expect(transitionProposal(Withdrawn, E.Assign, clerk)).toEqual({ ok: false, from: Withdrawn, reason: NO });
    expect(transitionProposal(Registered, E.Assign, clerk)).toEqual({
      ok: false,
      from: Registered,
      reason: 'role_not_allowed',
    });
  });

  it.each([Withdrawn, Merged])('%s is final: nothing moves it, not even the system', (state) => {
    for (const event of EVENTS) expect(transitionProposal(state, event, system).ok).toBe(false);
  });

  it('walks the whole happy path with re-handling', () => {
    const steps: [ProposalEvent, ProposalActor, ProposalStatus][] = [
      [E.Assign, registrar, Assigned],
      [E.Assign, registrar, Assigned],
      [E.RecordReplies, system, Replied],
      [E.Reopen, system, Assigned],
      [E.RecordReplies, system, Replied],
      [E.Close, registrar, Closed],
      [E.Reopen, system, Assigned],
    ];
    let state: ProposalStatus = Registered;
    for (const [event, actor, expected] of steps) {
      const result = transitionProposal(state, event, actor);
      expect(result).toEqual({ ok: true, from: state, to: expected });
      state = expected;
    }
  });
});

describe('isProposalEditable', () => {
  /** Registry details can be corrected until the proposal is answered or ended. */
  const EDITABLE: Record<ProposalStatus, boolean> = {
    [Registered]: true,
    [Assigned]: true,
    [Replied]: false,
    [Closed]: false,
    [Withdrawn]: false,
    [Merged]: false,
  };

  it('the table covers every state', () => {
    expect(Object.keys(EDITABLE).sort()).toEqual([...STATES].sort());
  });

  it.each(STATES)('%s', (state) => {
    expect(isProposalEditable(state)).toBe(EDITABLE[state]);
  });
});
