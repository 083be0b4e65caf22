import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import { ReplyActor, ReplyEvent as E, ReplyFacts, ReplyRefusal, transitionReply } from './reply-lifecycle';
import { ReplyStatus as S } from './reply-status';
import { DEFAULT_REVIEW_STEPS, ReviewStep } from './review-chain';

const BUREAU = 'bureau-1';
const OTHER_BUREAU = 'bureau-2';
const CITY = 'committee-1';

const SECTION: ReviewStep = { name: '科室审核', role: Role.Reviewer };
const OFFICE: ReviewStep = { name: '办公室审核', role: Role.Reviewer };
const OFFICE_BY_SIGNATORY: ReviewStep = { name: '办公室审核', role: Role.Signatory };

/** The chain the tables use: 科室审核 (reviewer) → 办公室审核 (reviewer) → 签发. */
const TWO_REVIEWER_STEPS: readonly ReviewStep[] = [SECTION, OFFICE];

const SYSTEM: ReplyActor = { kind: 'system' };
const user = (roles: Role[], organisationId = BUREAU): ReplyActor => ({ kind: 'user', roles, organisationId });
const clerk = user([Role.Clerk]);
const reviewer = user([Role.Reviewer]);
const signatory = user([Role.Signatory]);

/** Facts for a reply of BUREAU on `steps`, at `currentStep` (null outside in_review). */
function facts(steps: readonly ReviewStep[], currentStep: number | null, actorAuthored = false): ReplyFacts {
  return { bureauId: BUREAU, steps, currentStep, actorAuthored };
}

/** The facts the cross-product tables use: the two-reviewer chain, at its first step while in review. */
const factsIn = (state: S, actorAuthored = false) =>
  facts(TWO_REVIEWER_STEPS, state === S.InReview ? 0 : null, actorAuthored);

type Outcome = { to: S; step: number | null } | null;
const to = (state: S, step: number | null = null): Outcome => ({ to: state, step });
const NO: Outcome = null;

/**
 * Every state × event, written out by hand from design.md ("Lifecycles" → Reply), independently
 * of the code: drafting → in_review (step k of n) → awaiting_signoff → signed → issued; send back
 * from any review step or from awaiting_signoff to drafting; withdrawn from the open states; void
 * from signed/issued. In review, the reply sits at step 0 of the two-step chain, so approving it
 * moves it to step 1; submitting starts at step 0. NO: the state does not allow the event.
 */
const TABLE: Record<S, Record<E, Outcome>> = {
  [S.Drafting]: {
    [E.Save]: to(S.Drafting),
    [E.Submit]: to(S.InReview, 0),
    [E.Approve]: NO,
    [E.SendBack]: NO,
    [E.SignOff]: NO,
    [E.Issue]: NO,
    [E.Withdraw]: to(S.Withdrawn),
    [E.Void]: NO,
  },
  [S.InReview]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: to(S.InReview, 1),
    [E.SendBack]: to(S.Drafting),
    [E.SignOff]: NO,
    [E.Issue]: NO,
    [E.Withdraw]: to(S.Withdrawn),
    [E.Void]: NO,
  },
  [S.AwaitingSignoff]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: NO,
    [E.SendBack]: to(S.Drafting),
    [E.SignOff]: to(S.Signed),
    [E.Issue]: NO,
    [E.Withdraw]: to(S.Withdrawn),
    [E.Void]: NO,
  },
  [S.Signed]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: NO,
    [E.SendBack]: NO,
    [E.SignOff]: NO,
    [E.Issue]: to(S.Issued),
    [E.Withdraw]: NO,
    [E.Void]: to(S.Voided),
  },
  [S.Issued]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: NO,
    [E.SendBack]: NO,
    [E.SignOff]: NO,
    [E.Issue]: NO,
    [E.Withdraw]: NO,
    [E.Void]: to(S.Voided),
  },
  [S.Withdrawn]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: NO,
    [E.SendBack]: NO,
    [E.SignOff]: NO,
    [E.Issue]: NO,
    [E.Withdraw]: NO,
    [E.Void]: NO,
  },
  [S.Voided]: {
    [E.Save]: NO,
    [E.Submit]: NO,
    [E.Approve]: NO,
    [E.SendBack]: NO,
    [E.SignOff]: NO,
    [E.Issue]: NO,
    [E.Withdraw]: NO,
    [E.Void]: NO,
  },
};

/**
 * The bureau roles that may take an event (on the two-reviewer chain at step 0): the clerk drafts,
 * submits and withdraws; the role of the current step approves or sends back; the signatory sends
 * back from awaiting_signoff, signs off and voids. Issue belongs to the system alone.
 */
function rolesFor(state: S, event: E): Role[] {
  switch (event) {
    case E.Save:
    case E.Submit:
    case E.Withdraw:
      return [Role.Clerk];
    case E.Approve:
      return [Role.Reviewer];
    case E.SendBack:
      return state === S.AwaitingSignoff ? [Role.Signatory] : [Role.Reviewer];
    case E.SignOff:
    case E.Void:
      return [Role.Signatory];
    case E.Issue:
      return [];
  }
}

/** What the system (the worker) may do: issue signed replies, withdraw a reply whose assignment ended. */
const SYSTEM_EVENTS: readonly E[] = [E.Issue, E.Withdraw];
/** What the author of a version may never do to it. */
const NOT_BY_AUTHOR: readonly E[] = [E.Approve, E.SignOff];

/** An actor entitled to the event in that state (for the state table, so only the state decides). */
function rightfulActor(state: S, event: E): ReplyActor {
  return event === E.Issue ? SYSTEM : user(rolesFor(state, event));
}

const STATES = Object.values(S);
const EVENTS = Object.values(E);
const PAIRS = STATES.flatMap((state) => EVENTS.map((event) => [state, event] as const));

describe('transitionReply: every state × event (state outcome)', () => {
  it('covers the full cross product of ReplyStatus × ReplyEvent', () => {
    expect(PAIRS).toHaveLength(7 * 8);
    expect(new Set(PAIRS.map(([s, e]) => `${s}/${e}`)).size).toBe(STATES.length * EVENTS.length);
  });

  it.each(PAIRS)('%s + %s', (state, event) => {
    const result = transitionReply(state, event, rightfulActor(state, event), factsIn(state));
    const expected = TABLE[state][event];
    if (expected === null) expect(result).toEqual({ ok: false, from: state, reason: 'not_from_this_state' });
    else expect(result).toEqual({ ok: true, from: state, to: expected.to, step: expected.step });
  });
});

type Who = { label: string; actor: ReplyActor };
const ACTORS: Who[] = [
  { label: 'the system', actor: SYSTEM },
  ...ALL_ROLES.flatMap((role): Who[] => [
    { label: `a ${role} of the bureau`, actor: user([role]) },
    { label: `a ${role} of another bureau`, actor: user([role], OTHER_BUREAU) },
    { label: `a ${role} of the city`, actor: user([role], CITY) },
  ]),
];

function expectedOutcome(state: S, event: E, actor: ReplyActor, authored: boolean) {
  const target = TABLE[state][event];
  const refused = (reason: ReplyRefusal) => ({ ok: false, from: state, reason });
  if (target === null) return refused('not_from_this_state');
  const allowed = { ok: true, from: state, to: target.to, step: target.step };
  if (actor.kind === 'system') return SYSTEM_EVENTS.includes(event) ? allowed : refused('role_not_allowed');
  if (!actor.roles.some((role) => rolesFor(state, event).includes(role))) return refused('role_not_allowed');
  if (actor.organisationId !== BUREAU) return refused('other_bureau');
  if (authored && NOT_BY_AUTHOR.includes(event)) return refused('own_draft');
  return allowed;
}

describe('transitionReply: every state × event × actor', () => {
  const cases = PAIRS.flatMap(([state, event]) => ACTORS.map((who) => [state, event, who.label, who] as const));

  it.each(cases)('%s + %s by %s', (state, event, _label, who) => {
    expect(transitionReply(state, event, who.actor, factsIn(state))).toEqual(
      expectedOutcome(state, event, who.actor, false),
    );
  });

  const ownBureau = ACTORS.filter((who) => who.actor.kind === 'system' || who.actor.organisationId === BUREAU);
  const authoredCases = PAIRS.flatMap(([state, event]) =>
    ownBureau.map((who) => [state, event, who.label, who] as const),
  );

  it.each(authoredCases)('%s + %s by %s who wrote a version', (state, event, _label, who) => {
    expect(transitionReply(state, event, who.actor, factsIn(state, true))).toEqual(
      expectedOutcome(state, event, who.actor, true),
    );
  });
});

describe('walking the review chain', () => {
  it('科室审核 (reviewer) → 办公室审核 (reviewer) → 签发 → issued', () => {
    const steps = TWO_REVIEWER_STEPS;
    expect(transitionReply(S.Drafting, E.Submit, clerk, facts(steps, null))).toEqual({
      ok: true,
      from: S.Drafting,
      to: S.InReview,
      step: 0,
    });
    expect(transitionReply(S.InReview, E.Approve, reviewer, facts(steps, 0))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.InReview,
      step: 1,
    });
    expect(transitionReply(S.InReview, E.Approve, reviewer, facts(steps, 1))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.AwaitingSignoff,
      step: null,
    });
    expect(transitionReply(S.AwaitingSignoff, E.SignOff, signatory, facts(steps, null))).toEqual({
      ok: true,
      from: S.AwaitingSignoff,
      to: S.Signed,
      step: null,
    });
    expect(transitionReply(S.Signed, E.Issue, SYSTEM, facts(steps, null))).toEqual({
      ok: true,
      from: S.Signed,
      to: S.Issued,
      step: null,
    });
  });

  it.each([0, 1])('sends back from step %i of the two-step chain to drafting', (step) => {
    expect(transitionReply(S.InReview, E.SendBack, reviewer, facts(TWO_REVIEWER_STEPS, step))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.Drafting,
      step: null,
    });
  });

  it('sends back from awaiting_signoff to drafting, by the signatory only', () => {
    const awaiting = facts(TWO_REVIEWER_STEPS, null);
    expect(transitionReply(S.AwaitingSignoff, E.SendBack, signatory, awaiting)).toEqual({
      ok: true,
      from: S.AwaitingSignoff,
      to: S.Drafting,
      step: null,
    });
    expect(transitionReply(S.AwaitingSignoff, E.SendBack, reviewer, awaiting)).toEqual({
      ok: false,
      from: S.AwaitingSignoff,
      reason: 'role_not_allowed',
    });
  });

  describe('a chain whose second step needs a signatory (科室审核 reviewer → 办公室审核 signatory)', () => {
    const steps = [SECTION, OFFICE_BY_SIGNATORY];

    it('walks reviewer, then signatory, then sign-off', () => {
      expect(transitionReply(S.Drafting, E.Submit, clerk, facts(steps, null))).toEqual({
        ok: true,
        from: S.Drafting,
        to: S.InReview,
        step: 0,
      });
      expect(transitionReply(S.InReview, E.Approve, reviewer, facts(steps, 0))).toEqual({
        ok: true,
        from: S.InReview,
        to: S.InReview,
        step: 1,
      });
      expect(transitionReply(S.InReview, E.Approve, signatory, facts(steps, 1))).toEqual({
        ok: true,
        from: S.InReview,
        to: S.AwaitingSignoff,
        step: null,
      });
      expect(transitionReply(S.AwaitingSignoff, E.SignOff, signatory, facts(steps, null))).toEqual({
        ok: true,
        from: S.AwaitingSignoff,
        to: S.Signed,
        step: null,
      });
    });

    it.each([E.Approve, E.SendBack])('a signatory cannot %s the reviewer step', (event) => {
      expect(transitionReply(S.InReview, event, signatory, facts(steps, 0))).toEqual({
        ok: false,
        from: S.InReview,
        reason: 'role_not_allowed',
      });
    });

    it.each([E.Approve, E.SendBack])('a reviewer cannot %s the signatory step', (event) => {
      expect(transitionReply(S.InReview, event, reviewer, facts(steps, 1))).toEqual({
        ok: false,
        from: S.InReview,
        reason: 'role_not_allowed',
      });
    });

    it('the signatory sends back from the signatory step', () => {
      expect(transitionReply(S.InReview, E.SendBack, signatory, facts(steps, 1))).toEqual({
        ok: true,
        from: S.InReview,
        to: S.Drafting,
        step: null,
      });
    });

    it('a user holding both roles may act at either step', () => {
      const both = user([Role.Reviewer, Role.Signatory]);
      expect(transitionReply(S.InReview, E.Approve, both, facts(steps, 0))).toMatchObject({ ok: true, step: 1 });
      expect(transitionReply(S.InReview, E.Approve, both, facts(steps, 1))).toMatchObject({
        ok: true,
        to: S.AwaitingSignoff,
      });
    });
  });

  it('a chain with no steps goes straight from submit to awaiting_signoff', () => {
    expect(transitionReply(S.Drafting, E.Submit, clerk, facts([], null))).toEqual({
      ok: true,
      from: S.Drafting,
      to: S.AwaitingSignoff,
      step: null,
    });
  });

  it('the default chain (科室审核 only) goes to step 0, then to awaiting_signoff', () => {
    expect(transitionReply(S.Drafting, E.Submit, clerk, facts(DEFAULT_REVIEW_STEPS, null))).toEqual({
      ok: true,
      from: S.Drafting,
      to: S.InReview,
      step: 0,
    });
    expect(transitionReply(S.InReview, E.Approve, reviewer, facts(DEFAULT_REVIEW_STEPS, 0))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.AwaitingSignoff,
      step: null,
    });
  });

  it('walks a six-step chain one step at a time', () => {
    const steps: ReviewStep[] = ['一', '二', '三', '四', '五', '六'].map((n) => ({ name: n, role: Role.Reviewer }));
    for (let step = 0; step < 5; step++) {
      expect(transitionReply(S.InReview, E.Approve, reviewer, facts(steps, step))).toEqual({
        ok: true,
        from: S.InReview,
        to: S.InReview,
        step: step + 1,
      });
    }
    expect(transitionReply(S.InReview, E.Approve, reviewer, facts(steps, 5))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.AwaitingSignoff,
      step: null,
    });
  });
});

describe('another bureau', () => {
  it.each([
    [S.Drafting, E.Save, [Role.Clerk]],
    [S.Drafting, E.Submit, [Role.Clerk]],
    [S.Drafting, E.Withdraw, [Role.Clerk]],
    [S.InReview, E.Approve, [Role.Reviewer]],
    [S.InReview, E.SendBack, [Role.Reviewer]],
    [S.AwaitingSignoff, E.SendBack, [Role.Signatory]],
    [S.AwaitingSignoff, E.SignOff, [Role.Signatory]],
    [S.Signed, E.Void, [Role.Signatory]],
  ])('%s + %s by %p of another bureau → other_bureau', (state, event, roles) => {
    expect(transitionReply(state, event, user(roles, OTHER_BUREAU), factsIn(state))).toEqual({
      ok: false,
      from: state,
      reason: 'other_bureau',
    });
  });
});

describe('the author of a version', () => {
  it('cannot approve the review step', () => {
    const authorReviewer = user([Role.Clerk, Role.Reviewer]);
    expect(transitionReply(S.InReview, E.Approve, authorReviewer, facts(TWO_REVIEWER_STEPS, 0, true))).toEqual({
      ok: false,
      from: S.InReview,
      reason: 'own_draft',
    });
  });

  it('cannot approve a signatory step', () => {
    const steps = [SECTION, OFFICE_BY_SIGNATORY];
    expect(transitionReply(S.InReview, E.Approve, signatory, facts(steps, 1, true))).toEqual({
      ok: false,
      from: S.InReview,
      reason: 'own_draft',
    });
  });

  it('cannot sign off', () => {
    expect(transitionReply(S.AwaitingSignoff, E.SignOff, signatory, facts(TWO_REVIEWER_STEPS, null, true))).toEqual({
      ok: false,
      from: S.AwaitingSignoff,
      reason: 'own_draft',
    });
  });

  it('can still send back from a review step and from awaiting_signoff', () => {
    expect(transitionReply(S.InReview, E.SendBack, reviewer, facts(TWO_REVIEWER_STEPS, 1, true))).toEqual({
      ok: true,
      from: S.InReview,
      to: S.Drafting,
      step: null,
    });
    expect(transitionReply(S.AwaitingSignoff, E.SendBack, signatory, facts(TWO_REVIEWER_STEPS, null, true))).toEqual({
      ok: true,
      from: S.AwaitingSignoff,
      to: S.Drafting,
      step: null,
    });
  });

  it.each([S.Drafting, S.InReview, S.AwaitingSignoff])('can still withdraw from %s as a clerk', (state) => {
    expect(transitionReply(state, E.Withdraw, clerk, factsIn(state, true))).toEqual({
      ok: true,
      from: state,
      to: S.Withdrawn,
      step: null,
    });
  });

  it('can still save and submit as a clerk', () => {
    expect(transitionReply(S.Drafting, E.Save, clerk, facts(TWO_REVIEWER_STEPS, null, true))).toEqual({
      ok: true,
      from: S.Drafting,
      to: S.Drafting,
      step: null,
    });
    expect(transitionReply(S.Drafting, E.Submit, clerk, facts(TWO_REVIEWER_STEPS, null, true))).toEqual({
      ok: true,
      from: S.Drafting,
      to: S.InReview,
      step: 0,
    });
  });

  it('a non-author with the same role approves and signs off', () => {
    expect(transitionReply(S.InReview, E.Approve, reviewer, facts(TWO_REVIEWER_STEPS, 0, false))).toMatchObject({
      ok: true,
    });
    expect(transitionReply(S.AwaitingSignoff, E.SignOff, signatory, facts(TWO_REVIEWER_STEPS, null))).toMatchObject({
      ok: true,
    });
  });
});

describe('the system actor', () => {
  it('issues a signed reply', () => {
    expect(transitionReply(S.Signed, E.Issue, SYSTEM, factsIn(S.Signed))).toEqual({
      ok: true,
      from: S.Signed,
      to: S.Issued,
      step: null,
    });
  });

  it.each([S.Drafting, S.InReview, S.AwaitingSignoff])('withdraws from %s', (state) => {
    expect(transitionReply(state, E.Withdraw, SYSTEM, factsIn(state))).toEqual({
      ok: true,
      from: state,
      to: S.Withdrawn,
      step: null,
    });
  });

  it.each(PAIRS.filter(([state, event]) => !SYSTEM_EVENTS.includes(event) && TABLE[state][event] !== null))(
    'may not %s + %s',
    (state, event) => {
      expect(transitionReply(state, event, SYSTEM, factsIn(state))).toEqual({
        ok: false,
        from: state,
        reason: 'role_not_allowed',
      });
    },
  );
});

describe('issuing', () => {
  it.each([
    ...ALL_ROLES.map((role) => [role, user([role])] as const),
    ['every role at once', user([...ALL_ROLES])] as const,
  ])('a user (%s) can never issue', (_label, actor) => {
    expect(transitionReply(S.Signed, E.Issue, actor, factsIn(S.Signed))).toEqual({
      ok: false,
      from: S.Signed,
      reason: 'role_not_allowed',
    });
  });
});

describe('clerk-only events', () => {
  const clerkCases = [
    [S.Drafting, E.Save],
    [S.Drafting, E.Submit],
    [S.Drafting, E.Withdraw],
    [S.InReview, E.Withdraw],
    [S.AwaitingSignoff, E.Withdraw],
  ] as const;

  it.each(clerkCases)('%s + %s by a clerk of the bureau', (state, event) => {
    expect(transitionReply(state, event, clerk, factsIn(state))).toMatchObject({ ok: true });
  });

  const others = ALL_ROLES.filter((role) => role !== Role.Clerk);
  it.each(clerkCases.flatMap(([state, event]) => others.map((role) => [state, event, role] as const)))(
    '%s + %s is refused to a %s',
    (state, event, role) => {
      expect(transitionReply(state, event, user([role]), factsIn(state))).toEqual({
        ok: false,
        from: state,
        reason: 'role_not_allowed',
      });
    },
  );

  it.each([
    [S.InReview, E.Approve],
    [S.InReview, E.SendBack],
    [S.AwaitingSignoff, E.SendBack],
    [S.AwaitingSignoff, E.SignOff],
    [S.Signed, E.Void],
  ])('a clerk may not %s + %s', (state, event) => {
    expect(transitionReply(state, event, clerk, factsIn(state))).toEqual({
      ok: false,
      from: state,
      reason: 'role_not_allowed',
    });
  });
});
