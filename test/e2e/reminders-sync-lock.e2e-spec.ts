import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { Role } from '@dafu/platform/vocabulary';
import { ReminderScheduler } from '@dafu/reminders/reminder-scheduler.service';
import { bearer, draftedReply, TestContext } from '@dafu/testing';

/**
 * A reminder sync keeps its transaction open while it talks to Redis (that is how syncs of one
 * assignment are serialised). With Redis away, that talk waits until Redis is back; the sync
 * must not hold the assignment's row meanwhile, or every sign-off of it (and, behind the bureau's
 * 文号 counter, of its whole bureau) waits as long as Redis is down. Found by the fault suite.
 */
describe('A reminder sync waiting on Redis', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start({ env: { OUTBOX_RELAY: 'off' } });
  });
  afterAll(async () => {
    delete process.env.OUTBOX_RELAY;
    await ctx.close();
  });

  it('does not hold up the sign-off of its assignment', async () => {
    const registrar = await ctx.newUser(Role.Registrar);
    const sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    const signatory = await ctx.newUser(Role.Signatory, bureau);
    const chain = await ctx
      .http()
      .put(`/bureaus/${bureau.id}/review-chain`)
      .set(...bearer(signatory))
      .send({ steps: [] });
    expect(chain.status).toBe(200);
    const { replyId, assignmentId } = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });

    const worker = await ctx.startWorker();
    const queue = worker.get<Queue>(getQueueToken(QueueName.Reminders), { strict: false });
    // Redis that does not answer: each call waits until the test lets it go.
    let release!: () => void;
    const redisBack = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const talkingToRedis = new Promise<void>((resolve) => (entered = resolve));
    const hang = async <T>(answer: T): Promise<T> => {
      entered();
      await redisBack;
      return answer;
    };
    const getJob = jest.spyOn(queue, 'getJob').mockImplementation(() => hang(undefined));
    const addBulk = jest.spyOn(queue, 'addBulk').mockImplementation(() => hang([]));
    const syncing = worker.get(ReminderScheduler).sync(assignmentId);
    try {
      await talkingToRedis;
      const signed = ctx
        .http()
        .post(`/replies/${replyId}/sign-off`)
        .set(...bearer(signatory))
        .send({ version: 2 })
        .then((response) => response.status);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still waiting after 5 s'), 5000);
      });
      const first = await Promise.race([signed, waited]);
      clearTimeout(timer);
      expect(first).toBe(200);
    } finally {
      release();
      await syncing;
      getJob.mockRestore();
      addBulk.mockRestore();
    }
  }, 30_000);
});
