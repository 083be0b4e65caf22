import { Role } from '@dafu/platform/vocabulary';
import {
  isProposalEditable,
  ProposalActor,
  ProposalEvent,
  ProposalStatus,
  transitionProposal,
} from './proposal-lifecycle';

const { Registered, Assigned, Replied, Closed, Withdrawn, Merged } = ProposalStatus;
const E = ProposalEvent;

/** Where each event leads from each state (null: not from this state), as design.md draws it. */
const TARGET: Record<ProposalStatus, Record<ProposalEvent, ProposalStatus | null>> = {
  [Registered]: {
    [E.Assign]: Assigned,
    [E.RecordReplies]: null,
    [E.Reopen]: null,
    [E.Close]: null,
    [E.Withdraw]: Withdrawn,
    [E.Merge]: Merged,
  },
  [Assigned]: {
    [E.Assign]: Assigned,
    [E.RecordReplies]: Replied,
    [E.Reopen]: null,
    [E.Close]: null,
    [E.Withdraw]: Withdrawn,
    [E.Merge]: Merged,
  },
  [Replied]: {
    [E.Assign]: null,
    [E.RecordReplies]: null,
    [E.Reopen]: Assigned,
    [E.Close]: Closed,
    [E.Withdraw]: null,
    [E.Merge]: null,
  },
  [Closed]: {
    [E.Assign]: null,
    [E.RecordReplies]: null,
    [E.Reopen]: Assigned,
    [E.Close]: null,
    [E.Withdraw]: null,
    [E.Merge]: null,
  },
  [Withdrawn]: {
    [E.Assign]: null,
    [E.RecordReplies]: null,
    [E.Reopen]: null,
    [E.Close]: null,
    [E.Withdraw]: null,
    [E.Merge]: null,
  },
  [Merged]: {
    [E.Assign]: null,
    [E.RecordReplies]: null,
    [E.Reopen]: null,
    [E.Close]: null,
    [E.Withdraw]: null,
    [E.Merge]: null,
  },
};

/** Events only the system raises (a worker reacting to issued replies or to feedback). */
const SYSTEM_ONLY = new Set([E.RecordReplies, E.Reopen]);

const ACTORS: [string, ProposalActor][] = [
  ['registrar', { kind: 'user', roles: [Role.Registrar] }],
  ['clerk', { kind: 'user', roles: [Role.Clerk] }],
  ['supervisor', { kind: 'user', roles: [Role.Supervisor] }],
  ['system', { kind: 'system' }],
];

const cases = Object.values(ProposalStatus).flatMap((state) =>
  Object.values(ProposalEvent).flatMap((event) => ACTORS.map(([name, actor]) => [state, event, name, actor] as const)),
);

describe('transitionProposal', () => {
  it.each(cases)('%s + %s by %s', (state, event, name, actor) => {
    const target = TARGET[state][event];
    const mayAct = name === 'system' || (name === 'registrar' && !SYSTEM_ONLY.has(event));
    const result = transitionProposal(state, event, actor);
    if (target === null) expect(result).toEqual({ ok: false, from: state, reason: 'not_from_this_state' });
    else if (!mayAct) expect(result).toEqual({ ok: false, from: state, reason: 'role_not_allowed' });
    else expect(result).toEqual({ ok: true, from: state, to: target });
  });
});

describe('isProposalEditable', () => {
  it.each([
    [Registered, true],
    [Assigned, true],
    [Replied, false],
    [Closed, false],
    [Withdrawn, false],
    [Merged, false],
  ])('%s: %p', (state, editable) => {
    expect(isProposalEditable(state)).toBe(editable);
  });
});
