import { HandlingService } from '@dafu/handling/handling.service';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser } from '@dafu/testing';

/** Real services and repositories on real Postgres; the reply issuance of the replies context will call this step. */
describe('Recording issued replies (HandlingService.recordReplyWithin)', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(() => ctx.close());

  async function assignedAndAcknowledged(roles: ('lead' | 'co' | 'separate')[]) {
    const bureaus = await Promise.all(roles.map(() => ctx.newBureau()));
    const clerks = await Promise.all(bureaus.map((b) => ctx.newUser(Role.Clerk, b)));
    const { proposal, assignments } = await ctx.newProposalAssignedTo(
      registrar,
      sessionId,
      bureaus.map((b, i) => ({ bureauId: b.id, role: roles[i] })),
    );
    const ids = assignments.map((a) => a.id);
    for (const [i, id] of ids.entries())
      await ctx
        .http()
        .post(`/assignments/${id}/acknowledge`)
        .set(...bearer(clerks[i]));
    return { proposal, ids };
  }

  async function proposalStatus(id: string): Promise<string> {
    return (
      await ctx
        .http()
        .get(`/proposals/${id}`)
        .set(...bearer(registrar))
    ).body.status;
  }

  it('answers a separately handled proposal only when every separate bureau has replied', async () => {
    const { proposal, ids } = await assignedAndAcknowledged(['separate', 'separate']);
    const handling = ctx.app.get(HandlingService);
    await ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[0]));
    expect(await proposalStatus(proposal.id)).toBe('assigned');
    await ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[1]));
    expect(await proposalStatus(proposal.id)).toBe('replied');
    const audit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'proposal', entityId: proposal.id })
      .set(...bearer(registrar));
    expect(audit.body.at(-1)).toMatchObject({
      action: 'proposal.record_replies',
      fromState: 'assigned',
      toState: 'replied',
      actorUserId: null,
    });
  });

  it('answers a co-handled proposal with the lead’s reply alone, and refuses a reply from a co bureau', async () => {
    const { proposal, ids } = await assignedAndAcknowledged(['lead', 'co']);
    const handling = ctx.app.get(HandlingService);
    await expect(
      ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[1])),
    ).rejects.toMatchObject({
      code: 'ASSIGNMENT_TRANSITION_REFUSED',
    });
    await ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[0]));
    expect(await proposalStatus(proposal.id)).toBe('replied');
  });

  it('refuses to record a reply twice', async () => {
    const { ids } = await assignedAndAcknowledged(['lead']);
    const handling = ctx.app.get(HandlingService);
    await ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[0]));
    await expect(
      ctx.dataSource.transaction((manager) => handling.recordReplyWithin(manager, ids[0])),
    ).rejects.toMatchObject({
      code: 'ASSIGNMENT_TRANSITION_REFUSED',
    });
  });
});
