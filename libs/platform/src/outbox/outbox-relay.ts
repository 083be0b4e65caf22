import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { withTimeout } from '../async/with-timeout';
import { DafuConfig } from '../config/dafu-config';
import { jobIdOf } from '../queue/job-registry';
import { JobName, QueueName } from '../queue/queue-names';

const BATCH = 100;
const CONNECT_TIMEOUT_MS = 2000;

const POLL_MS = Number(process.env.OUTBOX_POLL_MS ?? 1000);

/**
 * A subscriber that fails (Postgres restarting, Redis away a moment) runs again: eight attempts,
 * the last about 4¼ minutes after the first, so a signed letter is not left unrendered by one bad
 * second. The
 * subscribers are idempotent. Finished jobs are kept a day (their ids keep a duplicate publish
 * out meanwhile), failed ones as the other queues keep them, for the failed-jobs page.
 */
export const DOMAIN_EVENT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 86_400 },
  removeOnFail: 5000,
} as const;

/**
 * Publishes committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so several workers
 * share the work; a row is marked published only after Redis took the job, and the job id is the
 * row's, so a crash between the two publishes a duplicate BullMQ ignores.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private queue?: Queue;
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: DafuConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (process.env.OUTBOX_RELAY === 'off') return;
    this.timer = setInterval(() => void this.tick(), POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue?.close();
  }

  /** Publishes one batch; returns how many rows went out. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string }[]>(
        `SELECT id FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      const queue = this.domainEventsQueue();
      try {
        await withTimeout(queue.waitUntilReady(), CONNECT_TIMEOUT_MS, 'Redis is not reachable');
        await queue.addBulk(
          rows.map(({ id }) => ({
            name: JobName.DomainEvent,
            data: { outboxId: String(id) },
            opts: { jobId: jobIdOf(`outbox-${id}`, JobName.DomainEvent) },
          })),
        );
      } catch (error) {
        // Kept unpublished for the next tick; the attempt is recorded for admins to see.
        const message = error instanceof Error ? error.message : String(error);
        await manager.query(
          `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
          [rows.map((r) => r.id), message],
        );
        this.logger.warn({ err: error, count: rows.length }, 'Outbox relay could not publish; will retry');
        return 0;
      }
      await manager.query(
        `UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = ANY($1::bigint[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while ((await this.relayOnce()) === BATCH);
    } catch (error) {
      this.logger.warn({ err: error }, 'Outbox relay could not publish; will retry');
    } finally {
      this.running = false;
    }
  }

  private domainEventsQueue(): Queue {
    // Fail fast while Redis is away: the rows stay unpublished (and unlocked) for the next tick,
    // instead of a command waiting in ioredis's offline queue with the claim's transaction open.
    if (!this.queue) {
      this.queue = new Queue(QueueName.DomainEvents, {
        connection: { url: this.config.redis.url, enableOfflineQueue: false, maxRetriesPerRequest: 1 },
        prefix: `${this.config.redis.prefix}:bull`,
        defaultJobOptions: DOMAIN_EVENT_JOB_OPTIONS,
      });
      this.queue.on('error', (error) => this.logger.warn({ err: error }, 'Outbox relay lost Redis; will retry'));
    }
    return this.queue;
  }
}
