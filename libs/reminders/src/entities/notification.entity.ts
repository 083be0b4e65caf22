import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DeadlineKind } from '../domain/reminder-schedule';

export enum NotificationKind {
  /** A deadline reminder, or an escalation to the supervision office once overdue. */
  Reminder = 'reminder',
  /** 催办 sent by hand by a supervisor. */
  Urge = 'urge',
  /** 重新办理: 不满意 feedback reopened an assignment with a new due date. */
  Rehandling = 'rehandling',
}

export enum NotificationChannel {
  Email = 'email',
  Webhook = 'webhook',
}

export enum NotificationDeliveryStatus {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
}

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'enum', enum: NotificationKind, enumName: 'notification_kind' })
  kind: NotificationKind;

  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId: string | null;

  @Column({ name: 'deadline_kind', type: 'enum', enum: DeadlineKind, enumName: 'deadline_kind', nullable: true })
  deadlineKind: DeadlineKind | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn: string | null;

  @Column({ type: 'text', nullable: true })
  milestone: string | null;

  @Column({ type: 'boolean', default: false })
  escalation: boolean;

  @Column({ name: 'urge_id', type: 'uuid', nullable: true })
  urgeId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @Column({ name: 'digest_delivery_id', type: 'uuid', nullable: true })
  digestDeliveryId: string | null;
}

@Entity('notification_deliveries')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NotificationChannel, enumName: 'notification_channel' })
  channel: NotificationChannel;

  @Column({ name: 'notification_id', type: 'uuid', nullable: true })
  notificationId: string | null;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'webhook_id', type: 'uuid', nullable: true })
  webhookId: string | null;

  @Column({ name: 'digest_on', type: 'date', nullable: true })
  digestOn: string | null;

  @Column({ type: 'text' })
  target: string;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({
    type: 'enum',
    enum: NotificationDeliveryStatus,
    enumName: 'notification_delivery_status',
    default: NotificationDeliveryStatus.Pending,
  })
  status: NotificationDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('notification_webhooks')
export class NotificationWebhookEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  url: string;

  /** The HMAC key; shown once when the webhook is made, never read back through the API. */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity('urges')
export class UrgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'bureau_id', type: 'uuid' })
  bureauId: string;

  @Column({ name: 'assignment_ids', type: 'uuid', array: true })
  assignmentIds: string[];

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'sent_by', type: 'uuid' })
  sentBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
