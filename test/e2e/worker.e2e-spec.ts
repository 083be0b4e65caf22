import { Queue, QueueEvents } from 'bullmq';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { TestContext } from '@dafu/testing';

describe('Worker', () => {
  let ctx: TestContext;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    ctx = await TestContext.start();
    await ctx.startWorker();
    const connection = { url: process.env.REDIS_URL as string };
    const prefix = `${ctx.redisPrefix}:bull`;
    queue = new Queue(QueueName.System, { connection, prefix });
    events = new QueueEvents(QueueName.System, { connection, prefix });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await queue.close();
    await ctx.close();
  });

  it('processes a health job and /health then reports its heartbeat', async () => {
    const job = await queue.add(JobName.HealthCheck, { requestedAt: new Date().toISOString() });
    await job.waitUntilFinished(events, 10_000);

    const health = await ctx.http().get('/health');
    expect(health.status).toBe(200);
    expect(health.body.info.postgres.status).toBe('up');
    expect(health.body.info.redis.status).toBe('up');
    expect(Date.parse(health.body.info.worker.lastHeartbeat)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('fails a malformed job instead of acting on it', async () => {
    const job = await queue.add(JobName.HealthCheck, { requestedAt: 'yesterday', extra: true }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/Malformed/);
  });
});
