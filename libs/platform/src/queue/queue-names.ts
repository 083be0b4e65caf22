import { assertUnreachable } from '../errors/assert-unreachable';

/**
 * Queue names are a persisted contract: jobs already in Redis name their queue.
 * Do not rename a value; add a new queue and drain the old one instead.
 */
export enum QueueName {
  System = 'system',
  DomainEvents = 'domain-events',
  /** Rendering and signing the final letters: CPU-heavy, so it can run on machines of its own. */
  Documents = 'documents',
  /** Sending issued letters to their recipients. */
  Deliveries = 'deliveries',
  /** Deadline reminders, as delayed jobs, and their reconciliation with the database. */
  Reminders = 'reminders',
  /** Notifications leaving Dafu: e-mails, daily digests, webhooks. */
  Notifications = 'notifications',
}

export enum JobName {
  HealthCheck = 'system.health-check',
  /** One outbox row, published by the relay; its handler dispatches it to the subscribers. */
  DomainEvent = 'domain.event',
  /** The DOCX and signed PDF of one signed reply, then the reply issued. */
  RenderLetter = 'letter.render',
  /** One issued letter to one recipient by e-mail. */
  DeliverLetter = 'letter.deliver',
  /** One milestone of one deadline of one assignment: notify who must hear it. */
  FireReminder = 'reminder.fire',
  /** Compare what is due in Postgres with what is scheduled in Redis, and repair both ways. */
  ReconcileReminders = 'reminder.reconcile',
  /** One notification (or digest) by e-mail or to a webhook. */
  DeliverNotification = 'notification.deliver',
  /** The daily digests of those who want one mail a day. */
  SendDigests = 'notification.digests',
  /** Move what changed into the supervision statistics' rollup (statistics_fold in Postgres). */
  FoldStatistics = 'statistics.fold',
}

export interface HealthCheckJobData {
  requestedAt: string;
}

/** The payload of each job: IDs and small scalars only; workers reload the truth from Postgres. */
export interface DomainEventJobData {
  outboxId: string;
}

export interface RenderLetterJobData {
  replyId: string;
}

export interface DeliverLetterJobData {
  deliveryId: string;
}

export interface FireReminderJobData {
  assignmentId: string;
  deadlineKind: string;
  dueOn: string;
  milestone: string;
}

export interface ReconcileRemindersJobData {
  requestedAt: string;
}

export interface DeliverNotificationJobData {
  deliveryId: string;
}

export interface SendDigestsJobData {
  requestedAt: string;
}

export interface FoldStatisticsJobData {
  requestedAt: string;
}

export interface JobDataMap {
  [JobName.HealthCheck]: HealthCheckJobData;
  [JobName.DomainEvent]: DomainEventJobData;
  [JobName.RenderLetter]: RenderLetterJobData;
  [JobName.DeliverLetter]: DeliverLetterJobData;
  [JobName.FireReminder]: FireReminderJobData;
  [JobName.ReconcileReminders]: ReconcileRemindersJobData;
  [JobName.DeliverNotification]: DeliverNotificationJobData;
  [JobName.SendDigests]: SendDigestsJobData;
  [JobName.FoldStatistics]: FoldStatisticsJobData;
}

export type JobData<N extends JobName> = JobDataMap[N];

export function queueOf(job: JobName): QueueName {
  switch (job) {
    case JobName.HealthCheck:
    case JobName.FoldStatistics:
      return QueueName.System;
    case JobName.DomainEvent:
      return QueueName.DomainEvents;
    case JobName.RenderLetter:
      return QueueName.Documents;
    case JobName.DeliverLetter:
      return QueueName.Deliveries;
    case JobName.FireReminder:
    case JobName.ReconcileReminders:
      return QueueName.Reminders;
    case JobName.DeliverNotification:
    case JobName.SendDigests:
      return QueueName.Notifications;
    default:
      return assertUnreachable(job);
  }
}
