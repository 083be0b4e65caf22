import { Role } from '@dafu/platform/vocabulary';
import { bearer, draftedReply, TestContext, TestUser } from '@dafu/testing';

/** 签发 under load: every sign-off of a bureau takes its own 文号, with no gap and no repeat. */
describe('Concurrent sign-offs', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let clerk: TestUser;
  let signatory: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    // No review steps: submitted replies wait for sign-off at once.
    const chain = await ctx
      .http()
      .put(`/bureaus/${bureau.id}/review-chain`)
      .set(...bearer(signatory))
      .send({ steps: [] });
    expect(chain.status).toBe(200);
  });
  afterAll(() => ctx.close());

  it('gives 50 parallel sign-offs of one bureau 50 distinct, consecutive numbers', async () => {
    // Made five at a time: one after another, the 50 replies were most of the test's minute and a half.
    const replies: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const made = await Promise.all(
        Array.from({ length: 5 }, () => draftedReply(ctx, registrar, sessionId, clerk, { submit: true })),
      );
      replies.push(...made.map((reply) => reply.replyId));
    }
    const responses = await Promise.all(
      replies.map((id) =>
        ctx
          .http()
          .post(`/replies/${id}/sign-off`)
          .set(...bearer(signatory))
          .send({ version: 2 }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(replies.map(() => 200));
    const numbers = responses.map((r) => r.body.documentNumber as string);
    expect(new Set(numbers).size).toBe(50);
    const prefix = `${clerk.organisation.documentNumberPrefix}〔${new Date().getFullYear()}〕`;
    const sequences = numbers
      .map((n) => {
        expect(n.startsWith(prefix)).toBe(true);
        return Number(n.slice(prefix.length, -1));
      })
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const [{ count }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox_events WHERE event_name = 'reply.signed'`,
    );
    expect(count).toBe(50);
  }, 120_000);
});
