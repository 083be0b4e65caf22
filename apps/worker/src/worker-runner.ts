import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { buildJobRegistry, JOB_HANDLERS, JobHandler } from '@dafu/platform/queue/job-registry';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';

export const HEALTH_CHECK_EVERY_MS = 30_000;

/**
 * Starts one BullMQ worker per consumed queue and dispatches each job to its registered
 * handler. WORKER_QUEUES selects the queues, so heavy queues can run on their own machines.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly workers: Worker[] = [];
  private readonly queues: Queue[] = [];
  private readonly registry: ReadonlyMap<JobName, JobHandler>;

  constructor(
    private readonly config: DafuConfig,
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
  ) {
    this.registry = buildJobRegistry(handlers);
  }

  consumedQueues(): QueueName[] {
    const all = Object.values(QueueName);
    const chosen = this.config.workerQueues;
    const unknown = chosen.filter((q) => !all.includes(q as QueueName));
    if (unknown.length > 0) throw new Error(`WORKER_QUEUES names unknown queue(s): ${unknown.join(', ')}`);
    return chosen.length > 0 ? (chosen as QueueName[]) : all;
  }

  async onApplicationBootstrap(): Promise<void> {
    const connection = { url: this.config.redis.url, maxRetriesPerRequest: null };
    const prefix = `${this.config.redis.prefix}:bull`;
    for (const queueName of this.consumedQueues()) {
      const worker = new Worker(queueName, (job, token) => this.dispatch(job, token), {
        connection,
        prefix,
        concurrency: 4,
        // A job's lock outlives a missed renewal or two; a dead worker's jobs run again after it lapses.
        stalledInterval: this.config.workerStalledIntervalMs,
        lockDuration: this.config.workerStalledIntervalMs,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn({ jobId: job?.id, jobName: job?.name, err: error }, 'Job failed'),
      );
      worker.on('stalled', (jobId) =>
        this.logger.warn({ jobId, queue: queueName }, 'Job stalled: the worker that held it stopped; it runs again'),
      );
      worker.on('error', (error) => this.logger.error({ err: error }, 'Worker error'));
      await worker.waitUntilReady();
      this.workers.push(worker);
      if (queueName === QueueName.System) {
        const queue = new Queue(QueueName.System, { connection, prefix });
        await queue.upsertJobScheduler(
          JobName.HealthCheck,
          { every: HEALTH_CHECK_EVERY_MS },
          { name: JobName.HealthCheck, data: { requestedAt: new Date().toISOString() } },
        );
        this.queues.push(queue);
      }
    }
    this.logger.log(`Dafu worker ready; consuming queues: ${this.consumedQueues().join(', ')}`);
  }

  async dispatch(job: Job, token?: string): Promise<void> {
    const handler = this.registry.get(job.name as JobName);
    if (!handler) throw new Error(`No handler for job ${job.name}`);
    await handler.handle(handler.parse(job.data) as never, job, token);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all(this.queues.map((q) => q.close()));
  }
}
