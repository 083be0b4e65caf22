import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEmailMode, Role, SessionBody } from '@dafu/platform/vocabulary';
import { OPEN_ASSIGNMENT_STATUSES, type AssignmentStatus } from '@dafu/handling/domain/assignment-status';
import type { DeadlineKind, ReminderRules } from './domain/reminder-schedule';
import type { WatchedAssignment } from './domain/watched-deadlines';
import {
  NotificationChannel,
  NotificationDeliveryEntity,
  NotificationDeliveryStatus,
  NotificationEntity,
  NotificationKind,
  NotificationWebhookEntity,
} from './entities/notification.entity';

/** An assignment as reminders see it, with what a message about it names. */
export interface RemindedAssignment extends WatchedAssignment {
  id: string;
  bureauId: string;
  bureauName: string;
  proposalId: string;
  proposalNumber: number;
  proposalTitle: string;
  sessionName: string;
  body: SessionBody;
}

export interface Recipient {
  userId: string;
  displayName: string;
  email: string | null;
  emailMode: NotificationEmailMode;
  roles: Role[];
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  assignmentId: string | null;
  deadlineKind: DeadlineKind | null;
  dueOn: string | null;
  milestone: string | null;
  escalation: boolean;
  urgeId: string | null;
  title: string;
  body: string;
  link: string | null;
}

const SELECT_ASSIGNMENT = `
  SELECT a.id, a.role, a.status, a.bureau_id AS "bureauId", o.name AS "bureauName",
         a.assigned_on::text AS "assignedOn", a.acknowledge_by::text AS "acknowledgeBy", a.due_on::text AS "dueOn",
         coalesce(c.status = 'waived', false) AS "coOpinionWaived",
         p.id AS "proposalId", p.number AS "proposalNumber", p.title AS "proposalTitle",
         s.name AS "sessionName", s.body
    FROM assignments a
    JOIN organisations o ON o.id = a.bureau_id
    JOIN proposals p ON p.id = a.proposal_id
    JOIN sessions s ON s.id = p.session_id
    LEFT JOIN co_opinions c ON c.assignment_id = a.id`;

@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Locked with FOR SHARE when given a transaction, so a status change waits for the reminder or
   * the reverse; `lock: false` reads it in the transaction without holding the row.
   */
  async assignment(
    id: string,
    manager?: EntityManager,
    options: { lock?: boolean } = {},
  ): Promise<RemindedAssignment | null> {
    const lock = manager && options.lock !== false ? ' FOR SHARE OF a' : '';
    const rows = await (manager ?? this.dataSource.manager).query<RemindedAssignment[]>(
      `${SELECT_ASSIGNMENT} WHERE a.id = $1${lock}`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Open assignments after `afterId` in id order: the reconciliation's pages. */
  async openAssignments(afterId: string | null, limit: number): Promise<RemindedAssignment[]> {
    return this.dataSource.query<RemindedAssignment[]>(
      `${SELECT_ASSIGNMENT}
        WHERE a.status = ANY($1::assignment_status[]) AND ($2::uuid IS NULL OR a.id > $2)
        ORDER BY a.id LIMIT $3`,
      [OPEN_ASSIGNMENT_STATUSES as AssignmentStatus[], afterId, limit],
    );
  }

  /** A bureau's open assignments past their due date, or not acknowledged by their deadline. */
  async overdueAssignmentsOf(bureauId: string, today: string): Promise<RemindedAssignment[]> {
    return this.dataSource.query<RemindedAssignment[]>(
      `${SELECT_ASSIGNMENT}
        WHERE a.bureau_id = $1 AND a.status = ANY($2::assignment_status[])
          AND (a.due_on < $3::date OR (a.status = 'assigned' AND a.acknowledge_by < $3::date))
        ORDER BY a.due_on, p.number`,
      [bureauId, OPEN_ASSIGNMENT_STATUSES as AssignmentStatus[], today],
    );
  }

  async reminderRules(): Promise<Map<SessionBody, ReminderRules>> {
    const rows = await this.dataSource.query<
      { body: SessionBody; daysBefore: number[]; onDueDay: boolean; overdueEveryWorkingDays: number }[]
    >(`SELECT body, reminder_days_before AS "daysBefore", reminder_on_due_day AS "onDueDay",
              reminder_overdue_every_working_days AS "overdueEveryWorkingDays" FROM handling_rules`);
    return new Map(
      rows.map((row) => [
        row.body,
        {
          daysBefore: row.daysBefore.map(Number),
          onDueDay: row.onDueDay,
          overdueEveryWorkingDays: row.overdueEveryWorkingDays,
        },
      ]),
    );
  }

  /** The milestones (as `assignment/kind/dueOn/milestone`) someone has already been told of. */
  async remindedMilestones(assignmentIds: readonly string[], manager?: EntityManager): Promise<Set<string>> {
    if (assignmentIds.length === 0) return new Set();
    const rows = await (manager ?? this.dataSource.manager).query<{ key: string }[]>(
      `SELECT DISTINCT assignment_id || '/' || deadline_kind || '/' || due_on::text || '/' || milestone AS key
         FROM notifications WHERE kind = 'reminder' AND assignment_id = ANY($1::uuid[])`,
      [assignmentIds],
    );
    return new Set(rows.map((r) => r.key));
  }

  /** The active users of a bureau with any of the roles, and (when asked) the supervision office's. */
  async recipients(
    manager: EntityManager,
    bureauId: string,
    bureauRoles: readonly Role[],
    supervisors: boolean,
  ): Promise<Recipient[]> {
    return manager.query<Recipient[]>(
      `SELECT id AS "userId", display_name AS "displayName", email, notification_email_mode AS "emailMode", roles
         FROM users
        WHERE disabled_at IS NULL
          AND ((organisation_id = $1 AND roles && $2::user_role[]) OR ($3 AND 'supervisor' = ANY (roles)))
        ORDER BY username`,
      [bureauId, bureauRoles, supervisors],
    );
  }

  /** Inserts what is new; a reminder someone already has is skipped (the unique index). Returns the inserted. */
  async insertNotifications(
    manager: EntityManager,
    notifications: readonly NewNotification[],
  ): Promise<{ id: string; userId: string }[]> {
    if (notifications.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(notifications.map((n) => ({ ...n })))
      .orIgnore()
      .returning(['id', 'userId'])
      .execute();
    return (result.raw as { id: string; user_id: string }[]).map((row) => ({ id: row.id, userId: row.user_id }));
  }

  async activeWebhooks(manager: EntityManager): Promise<NotificationWebhookEntity[]> {
    return manager.find(NotificationWebhookEntity, { where: { active: true }, order: { createdAt: 'ASC' } });
  }

  async insertDeliveries(
    manager: EntityManager,
    deliveries: readonly Pick<
      NotificationDeliveryEntity,
      'channel' | 'notificationId' | 'userId' | 'webhookId' | 'digestOn' | 'target' | 'notBefore'
    >[],
  ): Promise<string[]> {
    if (deliveries.length === 0) return [];
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationDeliveryEntity)
      .values(deliveries.map((d) => ({ ...d })))
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as { id: string }[]).map((row) => row.id);
  }

  /** Pending deliveries of the notifications about an assignment or from an urge. */
  async pendingDeliveriesOf(subject: {
    assignmentId?: string;
    urgeId?: string;
  }): Promise<{ id: string; notBefore: Date }[]> {
    return this.dataSource.query(
      `SELECT d.id, d.not_before AS "notBefore"
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.status = 'pending' AND (n.assignment_id = $1 OR n.urge_id = $2)`,
      [subject.assignmentId ?? null, subject.urgeId ?? null],
    );
  }

  /** Every pending delivery: the reconciliation makes sure each has its job. */
  async pendingDeliveries(limit: number): Promise<{ id: string; notBefore: Date }[]> {
    return this.dataSource.query(
      `SELECT id, not_before AS "notBefore" FROM notification_deliveries WHERE status = 'pending'
        ORDER BY not_before LIMIT $1`,
      [limit],
    );
  }

  async lockDelivery(manager: EntityManager, id: string): Promise<NotificationDeliveryEntity | null> {
    return manager.findOne(NotificationDeliveryEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async notification(manager: EntityManager, id: string): Promise<NotificationEntity | null> {
    return manager.findOne(NotificationEntity, { where: { id } });
  }

  async notificationsOfDigest(manager: EntityManager, deliveryId: string): Promise<NotificationEntity[]> {
    return manager.find(NotificationEntity, { where: { digestDeliveryId: deliveryId }, order: { createdAt: 'ASC' } });
  }

  async markDelivery(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<NotificationDeliveryEntity, 'status' | 'attempts' | 'lastError' | 'messageId' | 'sentAt'>>,
  ): Promise<void> {
    await manager.update(NotificationDeliveryEntity, { id }, changes);
  }

  async webhook(id: string): Promise<NotificationWebhookEntity | null> {
    return this.dataSource.getRepository(NotificationWebhookEntity).findOne({ where: { id } });
  }

  async displayName(userId: string): Promise<string | null> {
    const rows = await this.dataSource.query<{ name: string }[]>(
      `SELECT display_name AS name FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0]?.name ?? null;
  }

  /** Users who want a daily digest and have notifications no digest has taken yet. */
  async digestRecipients(): Promise<{ userId: string; email: string }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.email
         FROM users u
        WHERE u.notification_email_mode = $1 AND u.email IS NOT NULL AND u.disabled_at IS NULL
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = u.id AND n.digest_delivery_id IS NULL)`,
      [NotificationEmailMode.DailyDigest],
    );
  }

  /** Makes the user's digest for the day (once) and gives it every notification not yet in one. */
  async takeIntoDigest(
    manager: EntityManager,
    userId: string,
    email: string,
    digestOn: string,
    notBefore: Date,
  ): Promise<string | null> {
    const [id] = await this.insertDeliveries(manager, [
      {
        channel: NotificationChannel.Email,
        notificationId: null,
        userId,
        webhookId: null,
        digestOn,
        target: email,
        notBefore,
      },
    ]);
    if (!id) return null;
    await manager.query(
      `UPDATE notifications SET digest_delivery_id = $1 WHERE user_id = $2 AND digest_delivery_id IS NULL`,
      [id, userId],
    );
    return id;
  }

  async failedDeliveries(limit: number): Promise<NotificationDeliveryEntity[]> {
    return this.dataSource.getRepository(NotificationDeliveryEntity).find({
      where: { status: NotificationDeliveryStatus.Failed },
      order: { updatedAt: 'DESC' },
      take: limit,
    });
  }
}
