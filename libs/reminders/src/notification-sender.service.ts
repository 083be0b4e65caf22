import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { Mailer } from '@dafu/platform/mail/mailer';
import { localDateOf } from '@dafu/deadlines/domain/local-date';
import { notificationMail } from './domain/reminder-message';
import { inQuietHours } from './domain/reminder-schedule';
import { webhookSignature } from './domain/webhook-signature';
import {
  NotificationChannel,
  type NotificationDeliveryEntity,
  NotificationDeliveryStatus,
  type NotificationEntity,
} from './entities/notification.entity';
import { NotificationDeliveries } from './notification-deliveries.service';
import { RemindersRepository } from './reminders.repository';

export type SendOutcome = 'sent' | 'already_sent' | 'held' | 'no_email';

/** Thrown when a delivery must wait for the end of the quiet hours; the job moves itself there. */
export class QuietHoursHold extends Error {
  constructor(readonly until: Date) {
    super(`Held until ${until.toISOString()} (quiet hours)`);
  }
}

/**
 * Sends one delivery: an e-mail (one notification or a day's digest) or a signed webhook POST.
 * The row is locked while sending, so two workers never send one delivery twice; a crash
 * between the server's acceptance and the commit can resend it once, with the same Message-ID.
 */
@Injectable()
export class NotificationSender {
  private readonly logger = new Logger(NotificationSender.name);

  constructor(
    private readonly repository: RemindersRepository,
    private readonly deliveries: NotificationDeliveries,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly config: DafuConfig,
  ) {}

  async deliver(deliveryId: string, finalAttempt: boolean): Promise<SendOutcome> {
    const result = await this.repository.transaction(async (manager) => {
      const delivery = await this.repository.lockDelivery(manager, deliveryId);
      if (!delivery || delivery.status !== NotificationDeliveryStatus.Pending) return 'already_sent' as const;
      const now = this.clock.now();
      if (inQuietHours(now, this.deliveries.quietHours) || delivery.notBefore > now) {
        throw new QuietHoursHold(delivery.notBefore > now ? delivery.notBefore : this.deliveries.notBefore());
      }
      const items = delivery.digestOn
        ? await this.repository.notificationsOfDigest(manager, delivery.id)
        : [await this.repository.notification(manager, delivery.notificationId!)].filter(
            (n): n is NotificationEntity => n !== null,
          );
      try {
        const messageId = await this.send(delivery, items);
        await this.repository.markDelivery(manager, delivery.id, {
          status: NotificationDeliveryStatus.Sent,
          attempts: delivery.attempts + 1,
          sentAt: this.clock.now(),
          messageId,
          lastError: null,
        });
        return 'sent' as const;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await this.repository.markDelivery(manager, delivery.id, {
          attempts: delivery.attempts + 1,
          lastError: message.slice(0, 1000),
          ...(finalAttempt ? { status: NotificationDeliveryStatus.Failed } : {}),
        });
        return { error: message };
      }
    });
    // Thrown after the commit, so the attempt stays recorded while BullMQ retries with backoff.
    if (typeof result === 'object') throw new Error(result.error);
    return result;
  }

  private async send(
    delivery: NotificationDeliveryEntity,
    items: readonly NotificationEntity[],
  ): Promise<string | null> {
    switch (delivery.channel) {
      case NotificationChannel.Email: {
        const name = await this.displayName(delivery.userId);
        const mail = notificationMail(items, delivery.digestOn, name);
        const messageId = `<notification-${delivery.id}@dafu>`;
        await this.mailer.send({ to: delivery.target, ...mail, messageId });
        return messageId;
      }
      case NotificationChannel.Webhook: {
        const webhook = await this.repository.webhook(delivery.webhookId!);
        if (!webhook) throw new Error('The webhook no longer exists');
        const notification = items[0];
        const body = JSON.stringify({
          deliveryId: delivery.id,
          notification: {
            id: notification.id,
            kind: notification.kind,
            userId: notification.userId,
            assignmentId: notification.assignmentId,
            deadlineKind: notification.deadlineKind,
            dueOn: notification.dueOn,
            milestone: notification.milestone,
            escalation: notification.escalation,
            title: notification.title,
            body: notification.body,
            link: notification.link,
            createdAt: notification.createdAt,
          },
        });
        const timestamp = Math.floor(this.clock.now().getTime() / 1000);
        const response = await fetch(webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'x-dafu-delivery': delivery.id,
            'x-dafu-timestamp': String(timestamp),
            'x-dafu-signature': webhookSignature(webhook.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        if (!response.ok) throw new Error(`The webhook answered ${response.status}`);
        return null;
      }
      default:
        throw new Error(`Unknown channel ${String(delivery.channel)}`);
    }
  }

  private async displayName(userId: string | null): Promise<string> {
    if (!userId) return '';
    return (await this.repository.displayName(userId)) ?? '';
  }

  /** Once a day (at the end of the quiet hours): each user who wants a digest gets one mail for the day. */
  async sendDigests(): Promise<number> {
    const digestOn = localDateOf(this.clock.now(), this.config.timezone);
    const notBefore = this.deliveries.notBefore();
    const made: { id: string; notBefore: Date }[] = [];
    for (const { userId, email } of await this.repository.digestRecipients()) {
      const id = await this.repository.transaction((manager) =>
        this.repository.takeIntoDigest(manager, userId, email, digestOn, notBefore),
      );
      if (id) made.push({ id, notBefore });
    }
    await this.deliveries.enqueue(made);
    if (made.length > 0) this.logger.log({ digests: made.length, digestOn }, 'Daily digests made');
    return made.length;
  }
}
