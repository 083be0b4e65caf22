import { Role } from '@dafu/platform/vocabulary';
import { TestContext } from '@dafu/testing';
import { EXPECTED_LETTERS } from '@dafu/testing/seed-letters';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { seedDemo } from '../../scripts/seed-demo';

const expected = { letters: EXPECTED_LETTERS };

describe('Demo data', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start();
  });
  afterAll(() => ctx.close());

  it('loads the five proposals the seed letters answer, exactly as expected.json has them, and is idempotent', async () => {
    const first = await seedDemo(ctx.app);
    expect(first).toMatchObject({ sessions: 5, proposals: 6, letterSettings: 4, archivedLetters: 5 });
    const second = await seedDemo(ctx.app);
    expect(second).toEqual({
      organisations: 0,
      users: 0,
      sessions: 0,
      proposals: 0,
      assignments: 0,
      reviewChains: 0,
      replyTemplates: 0,
      letterSettings: 0,
      archivedLetters: 0,
    });

    const token = await ctx.login('registrar', DEMO_PASSWORD);
    const proposals = await ctx.http().get('/proposals').set('authorization', `Bearer ${token}`);
    // The five letters' proposals, and one demo item still in progress.
    expect(proposals.body.total).toBe(6);
    const sessions = await ctx.http().get('/sessions').set('authorization', `Bearer ${token}`);
    const sessionName = new Map(sessions.body.map((s: { id: string; name: string }) => [s.id, s.name]));

    for (const letter of expected.letters) {
      const proposal = proposals.body.items.find((p: { number: number }) => p.number === letter.proposalNumber);
      expect(proposal).toBeDefined();
      expect(proposal.title).toBe(letter.proposalTitle);
      expect(proposal.kind).toBe(letter.kind);
      const names = proposal.proposers.map((p: { name: string }) => p.name);
      expect(names).toEqual(
        letter.addressees.organisation ? [letter.addressees.organisation] : letter.addressees.people,
      );
      if (letter.session) expect(sessionName.get(proposal.sessionId)).toBe(letter.session.label);
      expect(proposal.status).toBe('assigned');
    }
  });

  it('puts the five seed letters in the archive, where search finds them', async () => {
    await seedDemo(ctx.app);
    const supervisor = await ctx.login('supervisor', DEMO_PASSWORD);
    const letters = await ctx.http().get('/archive/letters').set('authorization', `Bearer ${supervisor}`);
    expect(letters.body.total).toBe(5);
    const found = await ctx
      .http()
      .get('/search')
      .query({ q: '日间照料', type: 'archived_letter' })
      .set('authorization', `Bearer ${supervisor}`);
    expect(found.status).toBe(200);
    expect(found.body.total).toBeGreaterThan(0);
  });

  it('gives every demo role a working login that sees what its role allows', async () => {
    await seedDemo(ctx.app);
    const clerk = await ctx.login('clerk', DEMO_PASSWORD);
    const own = await ctx.http().get('/proposals').set('authorization', `Bearer ${clerk}`);
    expect(own.body.items.map((p: { number: number }) => p.number).sort((a: number, b: number) => a - b)).toEqual([
      12, 146,
    ]);
    const open = await ctx.http().get('/assignments').query({ open: 'true' }).set('authorization', `Bearer ${clerk}`);
    expect(open.body.find((a: { proposalNumber: number }) => a.proposalNumber === 12)).toMatchObject({
      status: 'assigned',
      acceptedByDefault: false,
    });
    for (const username of ['registrar', 'npc-registrar', 'reviewer', 'signatory', 'supervisor', 'admin']) {
      const me = await ctx
        .http()
        .get('/auth/me')
        .set('authorization', `Bearer ${await ctx.login(username, DEMO_PASSWORD)}`);
      expect(me.status).toBe(200);
      expect(Object.values(Role)).toEqual(expect.arrayContaining(me.body.roles));
    }
  });
});
