import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { recordAuditEvent, recordAuditEvents } from '@dafu/platform/audit/audit';
import type { Actor } from '@dafu/platform/auth/actor';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DafuError } from '@dafu/platform/errors/dafu-error';
import { ErrorCode } from '@dafu/platform/errors/error-codes';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { NotificationEmailMode, Role } from '@dafu/platform/vocabulary';
import { localDateOf } from '@dafu/deadlines/domain/local-date';
import { IdentityService } from '@dafu/identity/identity.service';
import { OPEN_ASSIGNMENT_STATUSES } from '@dafu/handling/domain/assignment-status';
import { urgeText } from './domain/reminder-message';
import type {
  CreatedWebhookDto,
  NotificationDeliveryDto,
  NotificationDto,
  NotificationQueryDto,
  UrgeDto,
  UrgeInputDto,
  WebhookDto,
  WebhookInputDto,
} from './dto/notifications.dto';
import {
  NotificationEntity,
  NotificationKind,
  NotificationWebhookEntity,
  UrgeEntity,
} from './entities/notification.entity';
import { NotificationDeliveries } from './notification-deliveries.service';
import { type RemindedAssignment, RemindersRepository } from './reminders.repository';

function notificationView(n: NotificationEntity): NotificationDto {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    assignmentId: n.assignmentId,
    deadlineKind: n.deadlineKind,
    dueOn: n.dueOn,
    milestone: n.milestone,
    escalation: n.escalation,
    createdAt: n.createdAt,
    readAt: n.readAt,
  };
}

function webhookView(w: NotificationWebhookEntity): WebhookDto {
  return { id: w.id, name: w.name, url: w.url, active: w.active, createdAt: w.createdAt };
}

/** In-app notifications, e-mail preferences, 催办 by hand, and the webhooks admins configure. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: RemindersRepository,
    private readonly deliveries: NotificationDeliveries,
    private readonly identity: IdentityService,
    private readonly clock: Clock,
    private readonly config: DafuConfig,
  ) {}

  async list(actor: Actor, query: NotificationQueryDto): Promise<NotificationDto[]> {
    const rows = await this.dataSource.getRepository(NotificationEntity).find({
      where: { userId: actor.userId, ...(query.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 50,
    });
    return rows.map(notificationView);
  }

  async unreadCount(actor: Actor): Promise<{ count: number }> {
    const count = await this.dataSource
      .getRepository(NotificationEntity)
      .count({ where: { userId: actor.userId, readAt: IsNull() } });
    return { count };
  }

  /** Someone else's notification reads as missing. */
  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    const repository = this.dataSource.getRepository(NotificationEntity);
    await repository.update({ id, userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    const row = await repository.findOne({ where: { id, userId: actor.userId } });
    if (!row) throw new DafuError(ErrorCode.NotificationNotFound, { id });
    return notificationView(row);
  }

  async markAllRead(actor: Actor): Promise<{ marked: number }> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    return { marked: result.affected ?? 0 };
  }

  async preferences(actor: Actor): Promise<{ emailMode: NotificationEmailMode }> {
    return { emailMode: await this.identity.notificationEmailMode(actor) };
  }

  async setPreferences(actor: Actor, emailMode: NotificationEmailMode): Promise<{ emailMode: NotificationEmailMode }> {
    return { emailMode: await this.identity.setNotificationEmailMode(actor, emailMode) };
  }

  /**
   * 催办: the bureau's clerks, reviewers and signatories hear of the named assignments (by
   * default all it has overdue), and each assignment's timeline records it.
   */
  async urge(actor: Actor, bureauId: string, input: UrgeInputDto): Promise<UrgeDto> {
    const [bureau] = await this.dataSource.query<{ kind: string }[]>(`SELECT kind FROM organisations WHERE id = $1`, [
      bureauId,
    ]);
    if (bureau?.kind !== 'bureau') throw new DafuError(ErrorCode.OrganisationNotFound, { id: bureauId });
    const assignments = await this.urgedAssignments(bureauId, input.assignmentIds);
    const [office] = await this.dataSource.query<{ name: string }[]>(`SELECT name FROM organisations WHERE id = $1`, [
      actor.organisationId,
    ]);
    const link = `${this.config.publicBaseUrl}/assignments`;
    const message = input.message.trim();
    return this.dataSource.transaction(async (manager) => {
      const urge = await manager.save(
        manager.create(UrgeEntity, {
          bureauId,
          assignmentIds: assignments.map((a) => a.id),
          message,
          sentBy: actor.userId,
        }),
      );
      const recipients = await this.repository.recipients(
        manager,
        bureauId,
        [Role.Clerk, Role.Reviewer, Role.Signatory],
        false,
      );
      const text = urgeText(office?.name ?? '督查部门', assignments, message, link);
      const inserted = await this.repository.insertNotifications(
        manager,
        recipients.map((recipient) => ({
          userId: recipient.userId,
          kind: NotificationKind.Urge,
          assignmentId: assignments.length === 1 ? assignments[0].id : null,
          deadlineKind: null,
          dueOn: null,
          milestone: null,
          escalation: false,
          urgeId: urge.id,
          ...text,
          link,
        })),
      );
      await this.deliveries.plan(manager, inserted, recipients);
      await recordAuditEvents(
        manager,
        assignments.map((assignment) => ({
          actor,
          entityType: 'assignment' as const,
          entityId: assignment.id,
          action: 'assignment.urged',
          data: { urgeId: urge.id, message, office: office?.name ?? null, notified: inserted.length },
        })),
      );
      await recordDomainEvents(manager, [
        {
          name: DomainEventName.NotificationsCreated,
          aggregateType: 'urge',
          aggregateId: urge.id,
          payload: { count: inserted.length },
        },
      ]);
      return {
        id: urge.id,
        bureauId,
        assignmentIds: urge.assignmentIds,
        message,
        notified: inserted.length,
        createdAt: urge.createdAt,
      };
    });
  }

  private async urgedAssignments(bureauId: string, ids: string[] | undefined): Promise<RemindedAssignment[]> {
    const open = OPEN_ASSIGNMENT_STATUSES as string[];
    if (ids) {
      const unique = [...new Set(ids)];
      const found = await Promise.all(unique.map((id) => this.repository.assignment(id)));
      if (found.some((a) => !a || a.bureauId !== bureauId || !open.includes(a.status))) {
        throw new DafuError(ErrorCode.UrgeAssignmentInvalid, { assignmentIds: unique });
      }
      return found as RemindedAssignment[];
    }
    const today = localDateOf(this.clock.now(), this.config.timezone);
    const overdue = await this.repository.overdueAssignmentsOf(bureauId, today);
    if (overdue.length === 0) throw new DafuError(ErrorCode.UrgeNothingToUrge, { bureauId });
    return overdue;
  }

  async webhooks(): Promise<WebhookDto[]> {
    const rows = await this.dataSource.getRepository(NotificationWebhookEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map(webhookView);
  }

  async createWebhook(actor: Actor, input: WebhookInputDto): Promise<CreatedWebhookDto> {
    const secret = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      const webhook = await manager.save(
        manager.create(NotificationWebhookEntity, {
          name: input.name.trim(),
          url: input.url,
          secret,
          createdBy: actor.userId,
        }),
      );
      await recordAuditEvent(manager, {
        actor,
        entityType: 'notification_webhook',
        entityId: webhook.id,
        action: 'notification_webhook.created',
        data: { name: webhook.name, url: webhook.url },
      });
      return { ...webhookView(webhook), secret };
    });
  }

  async deactivateWebhook(actor: Actor, id: string): Promise<WebhookDto> {
    return this.dataSource.transaction(async (manager) => {
      const webhook = await manager.findOne(NotificationWebhookEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!webhook) throw new DafuError(ErrorCode.WebhookNotFound, { id });
      if (webhook.active) {
        webhook.active = false;
        await manager.save(webhook);
        await recordAuditEvent(manager, {
          actor,
          entityType: 'notification_webhook',
          entityId: id,
          action: 'notification_webhook.deactivated',
        });
      }
      return webhookView(webhook);
    });
  }

  async failedDeliveries(): Promise<NotificationDeliveryDto[]> {
    const rows = await this.repository.failedDeliveries(200);
    return rows.map((d) => ({
      id: d.id,
      channel: d.channel,
      status: d.status,
      target: d.target,
      attempts: d.attempts,
      lastError: d.lastError,
      notificationId: d.notificationId,
      digestOn: d.digestOn,
      updatedAt: d.updatedAt,
    }));
  }
}
