import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { NotificationDeliveries } from '../notification-deliveries.service';
import { ReminderScheduler } from '../reminder-scheduler.service';

/**
 * Assignments' events move their reminders; new notifications get their e-mails and webhooks
 * sent; a rule change reconciles everything. In the worker only.
 */
@Injectable()
export class ReminderEvents implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private keeper?: NodeJS.Timeout;

  constructor(
    private readonly subscribers: DomainEventSubscribers,
    private readonly scheduler: ReminderScheduler,
    private readonly deliveries: NotificationDeliveries,
    private readonly clock: Clock,
    private readonly config: DafuConfig,
    @InjectQueue(QueueName.Reminders) private readonly reminders: Queue,
    @InjectQueue(QueueName.Notifications) private readonly notifications: Queue,
  ) {}

  onModuleInit(): void {
    const sync = (event: { aggregateId: string; payload: Record<string, unknown> }) =>
      this.scheduler.sync(
        event.aggregateId,
        [event.payload.previousDueOn, event.payload.previousAcknowledgeBy].filter(
          (date): date is string => typeof date === 'string',
        ),
      );
    this.subscribers.subscribe(DomainEventName.AssignmentCreated, sync);
    this.subscribers.subscribe(DomainEventName.AssignmentStateChanged, sync);
    this.subscribers.subscribe(DomainEventName.AssignmentDueDateChanged, sync);
    this.subscribers.subscribe(DomainEventName.HandlingRulesChanged, (event) => this.reconcileNow(event.id));
    this.subscribers.subscribe(DomainEventName.NotificationsCreated, async (event) => {
      await this.deliveries.enqueueFor(
        event.aggregateType === 'urge' ? { urgeId: event.aggregateId } : { assignmentId: event.aggregateId },
      );
    });
  }

  async reconcileNow(reason: string): Promise<void> {
    await this.reminders.add(
      JobName.ReconcileReminders,
      { requestedAt: this.clock.now().toISOString() },
      { jobId: `reconcile--${reason}`, removeOnComplete: true },
    );
  }

  /** The periodic reconciliation, a first one at start (Redis may have lost everything), and the daily digests. */
  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSchedules();
    await this.reconcileNow(`start-${this.clock.now().getTime()}`);
    // A Redis flush takes the schedulers with it; putting them back every minute bounds the loss.
    this.keeper = setInterval(() => void this.ensureSchedules().catch(() => undefined), 60_000);
    this.keeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.keeper);
  }

  /** Idempotent: the reconciliation every REMINDER_RECONCILE_EVERY_MS, the digests when the quiet hours end. */
  async ensureSchedules(): Promise<void> {
    await this.reminders.upsertJobScheduler(
      JobName.ReconcileReminders,
      { every: this.config.reminderReconcileEveryMs },
      { name: JobName.ReconcileReminders, data: { requestedAt: new Date(0).toISOString() } },
    );
    const [hour, minute] = this.config.quietHours.split('-')[1].split(':').map(Number);
    await this.notifications.upsertJobScheduler(
      JobName.SendDigests,
      { pattern: `${minute} ${hour} * * *`, tz: this.config.timezone },
      { name: JobName.SendDigests, data: { requestedAt: new Date(0).toISOString() } },
    );
  }
}
