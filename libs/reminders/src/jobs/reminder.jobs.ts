import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';
import { type JobHandler, parseJobPayload } from '@dafu/platform/queue/job-registry';
import {
  type DeliverNotificationJobData,
  type FireReminderJobData,
  JobName,
  type ReconcileRemindersJobData,
  type SendDigestsJobData,
} from '@dafu/platform/queue/queue-names';
import { DeadlineKind } from '../domain/reminder-schedule';
import { NotificationSender, QuietHoursHold } from '../notification-sender.service';
import { ReminderScheduler } from '../reminder-scheduler.service';

class FireReminderPayload implements FireReminderJobData {
  @IsUUID() assignmentId: string;
  @IsIn(Object.values(DeadlineKind)) deadlineKind: string;
  @IsISO8601({ strict: true }) dueOn: string;
  @Matches(/^(before-\d+|due|overdue-\d+)$/) milestone: string;
}

class RequestedAtPayload implements ReconcileRemindersJobData, SendDigestsJobData {
  @IsISO8601() requestedAt: string;
}

class DeliverNotificationPayload implements DeliverNotificationJobData {
  @IsUUID() deliveryId: string;
}

/** One milestone of one deadline: tell who must hear it, then schedule the next. */
@Injectable()
export class FireReminderJob implements JobHandler<JobName.FireReminder> {
  readonly jobName = JobName.FireReminder;
  constructor(private readonly scheduler: ReminderScheduler) {}

  parse(raw: unknown): FireReminderJobData {
    return parseJobPayload(FireReminderPayload, raw, this.jobName);
  }

  async handle(data: FireReminderJobData): Promise<void> {
    await this.scheduler.fire(data);
  }
}

@Injectable()
export class ReconcileRemindersJob implements JobHandler<JobName.ReconcileReminders> {
  readonly jobName = JobName.ReconcileReminders;
  constructor(private readonly scheduler: ReminderScheduler) {}

  parse(raw: unknown): ReconcileRemindersJobData {
    return parseJobPayload(RequestedAtPayload, raw, this.jobName);
  }

  async handle(): Promise<void> {
    await this.scheduler.reconcile();
  }
}

/** One e-mail or webhook call; held until the quiet hours end, retried with backoff when it fails. */
@Injectable()
export class DeliverNotificationJob implements JobHandler<JobName.DeliverNotification> {
  readonly jobName = JobName.DeliverNotification;
  constructor(private readonly sender: NotificationSender) {}

  parse(raw: unknown): DeliverNotificationJobData {
    return parseJobPayload(DeliverNotificationPayload, raw, this.jobName);
  }

  async handle(data: DeliverNotificationJobData, job: Job, token?: string): Promise<void> {
    try {
      await this.sender.deliver(data.deliveryId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
    } catch (error) {
      if (!(error instanceof QuietHoursHold) || !token) throw error;
      await job.moveToDelayed(error.until.getTime(), token);
      throw new DelayedError();
    }
  }
}

@Injectable()
export class SendDigestsJob implements JobHandler<JobName.SendDigests> {
  readonly jobName = JobName.SendDigests;
  constructor(private readonly sender: NotificationSender) {}

  parse(raw: unknown): SendDigestsJobData {
    return parseJobPayload(RequestedAtPayload, raw, this.jobName);
  }

  async handle(): Promise<void> {
    await this.sender.sendDigests();
  }
}
