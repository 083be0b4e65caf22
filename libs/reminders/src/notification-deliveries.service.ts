import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { jobIdOf } from '@dafu/platform/queue/job-registry';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { NotificationEmailMode } from '@dafu/platform/vocabulary';
import { afterQuietHours, parseQuietHours, type QuietHours } from './domain/reminder-schedule';
import { NotificationChannel } from './entities/notification.entity';
import { type Recipient, RemindersRepository } from './reminders.repository';

/**
 * Which messages leave Dafu for a new notification, and their jobs. Deliveries are rows written
 * with the notifications; jobs are only their echo in Redis, made again from the rows whenever
 * one may be missing.
 */
@Injectable()
export class NotificationDeliveries {
  readonly quietHours: QuietHours;

  constructor(
    private readonly repository: RemindersRepository,
    private readonly clock: Clock,
    config: DafuConfig,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {
    this.quietHours = parseQuietHours(config.quietHours, config.timezone);
  }

  /** Nothing leaves in quiet hours: what is made then waits for their end. */
  notBefore(): Date {
    return afterQuietHours(this.clock.now(), this.quietHours);
  }

  /** E-mails for those who want each at once and have an address; every active webhook hears of each. */
  async plan(
    manager: EntityManager,
    notifications: readonly { id: string; userId: string }[],
    recipients: readonly Recipient[],
  ): Promise<number> {
    const notBefore = this.notBefore();
    const webhooks = await this.repository.activeWebhooks(manager);
    const byUser = new Map(recipients.map((r) => [r.userId, r]));
    const rows = notifications.flatMap((notification) => {
      const recipient = byUser.get(notification.userId);
      const email =
        recipient?.email && recipient.emailMode === NotificationEmailMode.Immediate
          ? [
              {
                channel: NotificationChannel.Email,
                notificationId: notification.id,
                userId: notification.userId,
                webhookId: null,
                digestOn: null,
                target: recipient.email,
                notBefore,
              },
            ]
          : [];
      const hooks = webhooks.map((webhook) => ({
        channel: NotificationChannel.Webhook,
        notificationId: notification.id,
        userId: notification.userId,
        webhookId: webhook.id,
        digestOn: null,
        target: webhook.url,
        notBefore,
      }));
      return [...email, ...hooks];
    });
    return (await this.repository.insertDeliveries(manager, rows)).length;
  }

  async enqueue(deliveries: readonly { id: string; notBefore: Date }[]): Promise<number> {
    if (deliveries.length === 0) return 0;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      deliveries.map((d) => ({
        name: JobName.DeliverNotification,
        data: { deliveryId: d.id },
        opts: {
          jobId: jobIdOf(d.id, JobName.DeliverNotification),
          delay: Math.max(0, new Date(d.notBefore).getTime() - now),
        },
      })),
    );
    return deliveries.length;
  }

  async enqueueFor(subject: { assignmentId?: string; urgeId?: string }): Promise<number> {
    return this.enqueue(await this.repository.pendingDeliveriesOf(subject));
  }

  /** Every pending delivery gets its job (an existing job id is left alone), the oldest first. */
  async enqueuePending(limit = 5000): Promise<number> {
    return this.enqueue(await this.repository.pendingDeliveries(limit));
  }
}
