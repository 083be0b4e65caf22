import { Role } from '@dafu/platform/vocabulary';
import { bearer, draftedReply, TestContext } from '@dafu/testing';

const POOL = 2;

/**
 * More submissions at once than the API has database connections: each runs in a transaction
 * that must do all its reads on its own connection. One read on a second pool connection (the
 * proposer contacts, once) left every transaction holding one connection and waiting for another:
 * the API hung for good with 10 concurrent submits. Found by the fault suite.
 */
describe('Submitting with the connection pool full', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start({ env: { PG_POOL_SIZE: String(POOL) } });
  });
  afterAll(async () => {
    delete process.env.PG_POOL_SIZE;
    await ctx.close();
  });

  it(`answers ${POOL * 3} concurrent submissions on a pool of ${POOL}`, async () => {
    const registrar = await ctx.newUser(Role.Registrar);
    const sessionId = (await ctx.newSession(registrar)).id;
    const clerk = await ctx.newUser(Role.Clerk, await ctx.newBureau());
    const drafts = [];
    for (let i = 0; i < POOL * 3; i += 1) drafts.push(await draftedReply(ctx, registrar, sessionId, clerk));

    let timer: NodeJS.Timeout | undefined;
    const hung = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('no answer after 10 s'), 10_000);
    });
    const submitted = Promise.all(
      drafts.map((d) =>
        ctx
          .http()
          .post(`/replies/${d.replyId}/submit`)
          .set(...bearer(clerk))
          .send({ version: 2 })
          .then((r) => r.status),
      ),
    );
    const first = await Promise.race([submitted, hung]);
    clearTimeout(timer);
    expect(first).toEqual(drafts.map(() => 200));
  }, 60_000);
});
