import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { OutboxRelay } from '@dafu/platform/outbox/outbox-relay';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, draftedReply, TestContext } from '@dafu/testing';

/** A sign-off while Redis is unreachable: the request succeeds, and the work reaches the worker once Redis is back. */
describe('Sign-off with Redis unreachable', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start({ env: { OUTBOX_RELAY: 'off' } });
  });
  afterAll(async () => {
    delete process.env.OUTBOX_RELAY;
    await ctx.close();
  });

  it('keeps the outbox entry until Redis is reachable, then delivers it exactly once', async () => {
    const registrar = await ctx.newUser(Role.Registrar);
    const sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    const reviewer = await ctx.newUser(Role.Reviewer, bureau);
    const signatory = await ctx.newUser(Role.Signatory, bureau);
    const { replyId } = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });
    await ctx
      .http()
      .post(`/replies/${replyId}/approve`)
      .set(...bearer(reviewer))
      .send({ version: 2 });
    const signed = await ctx
      .http()
      .post(`/replies/${replyId}/sign-off`)
      .set(...bearer(signatory))
      .send({ version: 2 });
    expect(signed.status).toBe(200);

    // A relay whose Redis is wrong: nothing is published, nothing is lost, the failure is recorded.
    const config = ctx.app.get(DafuConfig);
    const unreachable = new OutboxRelay(ctx.app.get<DataSource>(getDataSourceToken()), {
      ...config,
      redis: { ...config.redis, url: 'redis://127.0.0.1:1' },
    } as DafuConfig);
    try {
      expect(await unreachable.relayOnce()).toBe(0);
    } finally {
      await unreachable.onApplicationShutdown();
    }
    const [pending] = await ctx.dataSource.query(
      `SELECT id, published_at, attempts, last_error FROM outbox_events WHERE aggregate_id = $1`,
      [replyId],
    );
    expect(pending).toMatchObject({ published_at: null, attempts: 1, last_error: expect.any(String) });

    // Redis is back: the worker relays it and its subscriber sees the sign-off once.
    const worker = await ctx.startWorker();
    const seen: string[] = [];
    worker.get(DomainEventSubscribers).subscribe(DomainEventName.ReplySigned, async (event) => {
      seen.push(event.aggregateId);
    });
    const relay = worker.get(OutboxRelay);
    expect(await relay.relayOnce()).toBeGreaterThanOrEqual(1);
    expect(await relay.relayOnce()).toBe(0);
    for (let i = 0; i < 50 && seen.length === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen).toEqual([replyId]);
    const [published] = await ctx.dataSource.query(`SELECT published_at FROM outbox_events WHERE id = $1`, [
      pending.id,
    ]);
    expect(published.published_at).not.toBeNull();
  });
});
