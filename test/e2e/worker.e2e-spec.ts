import { Queue, QueueEvents } from 'bullmq';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { jobIdOf } from '@dafu/platform/queue/job-registry';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { OutboxRelay } from '@dafu/platform/outbox/outbox-relay';
import { Role } from '@dafu/platform/vocabulary';
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

  it('relays committed outbox events to their subscribers, each once', async () => {
    const worker = await ctx.startWorker();
    const seen: string[] = [];
    worker.get(DomainEventSubscribers).subscribe(DomainEventName.AssignmentCreated, async (event) => {
      seen.push(event.aggregateId);
    });
    const registrar = await ctx.newUser(Role.Registrar);
    const session = await ctx.newSession(registrar);
    const { assignment } = await ctx.newAssignedProposal(registrar, session.id, (await ctx.newBureau()).id);

    // The worker's own timer may claim the row first; either way it must end up published.
    const relay = worker.get(OutboxRelay);
    let row: { id: string; published_at: Date | null } = { id: '', published_at: null };
    for (let attempt = 0; attempt < 50 && !row.published_at; attempt += 1) {
      await relay.relayOnce();
      [row] = await ctx.dataSource.query(
        `SELECT id, published_at FROM outbox_events WHERE aggregate_id = $1 AND event_name = 'assignment.created'`,
        [assignment.id],
      );
      if (!row.published_at) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(row.published_at).not.toBeNull();
    const domainEvents = new Queue(QueueName.DomainEvents, {
      connection: { url: process.env.REDIS_URL as string },
      prefix: `${ctx.redisPrefix}:bull`,
    });
    const domainEventsDone = new QueueEvents(QueueName.DomainEvents, {
      connection: { url: process.env.REDIS_URL as string },
      prefix: `${ctx.redisPrefix}:bull`,
    });
    try {
      await domainEventsDone.waitUntilReady();
      const job = await domainEvents.getJob(jobIdOf(`outbox-${row.id}`, JobName.DomainEvent));
      expect(job).toBeDefined();
      await job?.waitUntilFinished(domainEventsDone, 10_000);
      expect(seen).toEqual([assignment.id]);
      // Publishing again changes nothing: the row is marked, and the job id is taken.
      expect(await relay.relayOnce()).toBe(0);
    } finally {
      await domainEventsDone.close();
      await domainEvents.close();
    }
  });

  it('runs a domain event again when a subscriber fails, until it succeeds', async () => {
    const worker = await ctx.startWorker();
    let failNext = true;
    let failedFor: string | undefined;
    const handled: string[] = [];
    worker.get(DomainEventSubscribers).subscribe(DomainEventName.AssignmentCreated, async (event) => {
      if (failNext) {
        failNext = false;
        failedFor = event.aggregateId;
        throw new Error('Postgres is restarting');
      }
      handled.push(event.aggregateId);
    });
    const registrar = await ctx.newUser(Role.Registrar);
    const session = await ctx.newSession(registrar);
    await ctx.newAssignedProposal(registrar, session.id, (await ctx.newBureau()).id);
    for (let waited = 0; waited < 30_000 && !(failedFor && handled.includes(failedFor)); waited += 200) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(failedFor).toBeDefined();
    expect(handled).toContain(failedFor);
  });

  it('fails a malformed job instead of acting on it', async () => {
    const job = await queue.add(JobName.HealthCheck, { requestedAt: 'yesterday', extra: true }, { attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/Malformed/);
  });

  it("folds the assignments' changes into the supervision statistics' rollup, on a schedule", async () => {
    const registrar = await ctx.newUser(Role.Registrar);
    const session = await ctx.newSession(registrar);
    const { assignment } = await ctx.newAssignedProposal(registrar, session.id, (await ctx.newBureau()).id);
    const job = await queue.add(JobName.FoldStatistics, { requestedAt: new Date().toISOString() });
    await job.waitUntilFinished(events, 20_000);
    // Only a fold writes an assignment's facts.
    const facts = await ctx.dataSource.query(`SELECT status FROM statistics_facts WHERE assignment_id = $1`, [
      assignment.id,
    ]);
    expect(facts).toEqual([{ status: 'assigned' }]);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.name)).toContain(JobName.FoldStatistics);
  });
});
