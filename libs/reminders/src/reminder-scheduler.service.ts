import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { recordAuditEvents } from '@dafu/platform/audit/audit';
import { Clock } from '@dafu/platform/clock/clock';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DomainEventName, recordDomainEvents } from '@dafu/platform/outbox/outbox';
import { type FireReminderJobData, JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { Role } from '@dafu/platform/vocabulary';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { localDateOf } from '@dafu/deadlines/domain/local-date';
import type { WorkingDayCalendar } from '@dafu/deadlines/domain/working-days';
import { reminderText } from './domain/reminder-message';
import {
  afterQuietHours,
  audienceOf,
  DEFAULT_REMINDER_RULES,
  daysLeft,
  type DeadlineKind,
  type Milestone,
  milestoneSendAt,
  reminderPlan,
  type ReminderRules,
} from './domain/reminder-schedule';
import { type WatchedDeadline, watchedDeadlines } from './domain/watched-deadlines';
import { NotificationKind } from './entities/notification.entity';
import { NotificationDeliveries } from './notification-deliveries.service';
import { type RemindedAssignment, RemindersRepository } from './reminders.repository';

/** A reminder job as Redis holds it. */
export interface ScheduledReminder {
  jobId: string;
  data: FireReminderJobData;
  sendAt: Date;
}

export function reminderJobId(data: FireReminderJobData): string {
  return [data.assignmentId, data.deadlineKind, data.dueOn, data.milestone].join('--');
}

export type FireOutcome = 'sent' | 'already_sent' | 'not_due' | 'no_longer_owed';

/**
 * Keeps Redis's delayed reminder jobs in step with Postgres. Per deadline at most two jobs are
 * scheduled: the milestone whose day has come (until someone is told of it) and the next one;
 * firing one schedules the next. Postgres's unique index on notifications makes each reminder
 * reach each person once, however often a job runs.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly repository: RemindersRepository,
    private readonly deadlines: DeadlinesService,
    private readonly deliveries: NotificationDeliveries,
    private readonly clock: Clock,
    private readonly config: DafuConfig,
    @InjectQueue(QueueName.Reminders) private readonly queue: Queue,
  ) {}

  private today(): string {
    return localDateOf(this.clock.now(), this.config.timezone);
  }

  /** What should be in Redis for one assignment now; `reminded` holds the milestones already told. */
  expectedJobs(
    assignment: RemindedAssignment,
    rules: ReminderRules,
    calendar: WorkingDayCalendar,
    reminded: ReadonlySet<string>,
  ): ScheduledReminder[] {
    const today = this.today();
    const now = this.clock.now();
    return watchedDeadlines(assignment).flatMap((deadline) => {
      const plan = reminderPlan(deadline.dueOn, deadline.startedOn, today, rules, calendar);
      const jobs: ScheduledReminder[] = [];
      if (plan.current) {
        const data = this.jobData(assignment.id, deadline, plan.current);
        if (!reminded.has(remindedKey(data))) jobs.push(this.scheduled(data, plan.current, now));
      }
      jobs.push(this.scheduled(this.jobData(assignment.id, deadline, plan.next), plan.next, now));
      return jobs;
    });
  }

  private jobData(assignmentId: string, deadline: WatchedDeadline, milestone: Milestone): FireReminderJobData {
    return { assignmentId, deadlineKind: deadline.kind, dueOn: deadline.dueOn, milestone: milestone.key };
  }

  private scheduled(data: FireReminderJobData, milestone: Milestone, now: Date): ScheduledReminder {
    // A milestone caught up late (a worker was down) waits for the quiet hours to end like the rest.
    const at = milestoneSendAt(milestone, this.deliveries.quietHours);
    return {
      jobId: reminderJobId(data),
      data,
      sendAt: afterQuietHours(at > now ? at : now, this.deliveries.quietHours),
    };
  }

  private jobOptions(job: ScheduledReminder): JobsOptions {
    return {
      jobId: job.jobId,
      delay: Math.max(0, job.sendAt.getTime() - this.clock.now().getTime()),
      // Gone once done, so a milestone can be scheduled again; the unique index keeps it told once.
      removeOnComplete: true,
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }

  async schedule(jobs: readonly ScheduledReminder[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((job) => ({ name: JobName.FireReminder, data: job.data, opts: this.jobOptions(job) })),
    );
  }

  private async rulesAndCalendar(): Promise<{ rules: Map<string, ReminderRules>; calendar: WorkingDayCalendar }> {
    const [rules, calendar] = await Promise.all([this.repository.reminderRules(), this.deadlines.calendar()]);
    return { rules, calendar };
  }

  /**
   * After a change to an assignment: schedule what it now owes, and drop the jobs of dates it
   * no longer has (a moved due date, an answered deadline). Jobs left behind would find
   * nothing owed when they fire; removing them keeps Redis honest.
   */
  async sync(assignmentId: string, previousDates: readonly string[] = []): Promise<void> {
    // One sync per assignment at a time: an older event's sync that read the state before a
    // change must not put back a job the newer one removed.
    // Loaded first: inside the transaction only its own connection is used, so syncs never wait on the pool.
    const { rules, calendar } = await this.rulesAndCalendar();
    await this.repository.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [assignmentId]);
      // Not locked: the Redis calls below wait as long as Redis is away, and a row held meanwhile
      // would stall the sign-off (and behind its 文号 counter, the bureau's). A change committed
      // after this read has its own event, whose sync waits on the advisory lock and fixes the jobs.
      const assignment = await this.repository.assignment(assignmentId, manager, { lock: false });
      if (!assignment) return;
      const bodyRules = rules.get(assignment.body) ?? DEFAULT_REMINDER_RULES;
      const reminded = await this.repository.remindedMilestones([assignment.id], manager);
      const expected = this.expectedJobs(assignment, bodyRules, calendar, reminded);
      const expectedIds = new Set(expected.map((job) => job.jobId));
      // Every job this assignment could have in Redis: each kind, at its current and previous dates.
      const dates = new Set([assignment.dueOn, assignment.acknowledgeBy, ...previousDates]);
      const candidates = [...dates].flatMap((dueOn) =>
        (['acknowledge', 'co_opinion', 'reply'] as DeadlineKind[]).flatMap((kind) => {
          const deadline = { kind, dueOn, startedOn: assignment.assignedOn };
          const plan = reminderPlan(dueOn, assignment.assignedOn, this.today(), bodyRules, calendar);
          return [plan.current, plan.next]
            .filter((m): m is Milestone => m !== null)
            .map((m) => reminderJobId(this.jobData(assignment.id, deadline, m)));
        }),
      );
      await this.removeDelayed(candidates.filter((id) => !expectedIds.has(id)));
      await this.schedule(expected);
    });
  }

  private async removeDelayed(jobIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const jobId of jobIds) {
      const job = await this.queue.getJob(jobId);
      if (job && (await job.isDelayed())) {
        await job.remove();
        removed += 1;
      }
    }
    return removed;
  }

  /**
   * One milestone's reminders, in one transaction with the audit event and the outbox entry
   * that sends them on. A job for a date the assignment no longer owes, or for a milestone a
   * later one has replaced, tells nobody.
   */
  async fire(data: FireReminderJobData): Promise<FireOutcome> {
    const { rules, calendar } = await this.rulesAndCalendar();
    const outcome = await this.repository.transaction(async (manager) => {
      const assignment = await this.repository.assignment(data.assignmentId, manager);
      if (!assignment) return { outcome: 'no_longer_owed' as const, assignment: null };
      const bodyRules = rules.get(assignment.body) ?? DEFAULT_REMINDER_RULES;
      const deadline = watchedDeadlines(assignment).find((d) => d.kind === data.deadlineKind && d.dueOn === data.dueOn);
      if (!deadline) return { outcome: 'no_longer_owed' as const, assignment };
      const today = this.today();
      const plan = reminderPlan(deadline.dueOn, deadline.startedOn, today, bodyRules, calendar);
      if (plan.current?.key !== data.milestone) return { outcome: 'not_due' as const, assignment };
      const told = await this.tell(manager, assignment, deadline, plan.current, today);
      return { outcome: told > 0 ? ('sent' as const) : ('already_sent' as const), assignment };
    });
    if (outcome.assignment) await this.sync(outcome.assignment.id);
    this.logger.log({ ...data, outcome: outcome.outcome }, 'Reminder fired');
    return outcome.outcome;
  }

  private async tell(
    manager: EntityManager,
    assignment: RemindedAssignment,
    deadline: WatchedDeadline,
    milestone: Milestone,
    today: string,
  ): Promise<number> {
    const audience = audienceOf(milestone.phase);
    const bureauRoles = [
      ...(audience.clerks ? [Role.Clerk] : []),
      ...(audience.reviewers ? [Role.Reviewer] : []),
      ...(audience.signatories ? [Role.Signatory] : []),
    ];
    const recipients = await this.repository.recipients(
      manager,
      assignment.bureauId,
      bureauRoles,
      audience.supervisors,
    );
    const left = daysLeft(deadline.dueOn, today);
    const link = `${this.config.publicBaseUrl}/assignments/${assignment.id}`;
    const inserted = await this.repository.insertNotifications(
      manager,
      recipients.map((recipient) => {
        const escalation = audience.supervisors && recipient.roles.includes(Role.Supervisor);
        const text = reminderText(assignment, deadline.kind, milestone.phase, deadline.dueOn, left, escalation, link);
        return {
          userId: recipient.userId,
          kind: NotificationKind.Reminder,
          assignmentId: assignment.id,
          deadlineKind: deadline.kind,
          dueOn: deadline.dueOn,
          milestone: milestone.key,
          escalation,
          urgeId: null,
          ...text,
          link,
        };
      }),
    );
    if (inserted.length === 0) return 0;
    await this.deliveries.plan(manager, inserted, recipients);
    const escalated = inserted.filter((n) =>
      recipients.find((r) => r.userId === n.userId)?.roles.includes(Role.Supervisor),
    );
    await recordAuditEvents(manager, [
      {
        actor: null,
        entityType: 'assignment',
        entityId: assignment.id,
        action: escalated.length > 0 ? 'assignment.escalated' : 'assignment.reminded',
        data: {
          deadlineKind: deadline.kind,
          dueOn: deadline.dueOn,
          milestone: milestone.key,
          daysLeft: left,
          recipients: inserted.length,
          supervisors: escalated.length,
        },
      },
    ]);
    await recordDomainEvents(manager, [
      {
        name: DomainEventName.NotificationsCreated,
        aggregateType: 'assignment',
        aggregateId: assignment.id,
        payload: { count: inserted.length },
      },
    ]);
    return inserted.length;
  }

  /**
   * Compares what Postgres says is owed with what Redis holds, and repairs both ways: schedules
   * every missing job (adding an existing id is a no-op), removes delayed jobs nothing owes, and
   * gives every pending delivery its job. After a Redis flush this restores the lot.
   */
  async reconcile(pageSize = 500): Promise<{ scheduled: number; removed: number; deliveries: number }> {
    const startedAt = Date.now();
    const { rules, calendar } = await this.rulesAndCalendar();
    const expectedIds = new Set<string>();
    let scheduled = 0;
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.openAssignments(after, pageSize);
      if (page.length === 0) break;
      const reminded = await this.repository.remindedMilestones(page.map((a) => a.id));
      const jobs = page.flatMap((assignment) =>
        this.expectedJobs(assignment, rules.get(assignment.body) ?? DEFAULT_REMINDER_RULES, calendar, reminded),
      );
      for (const job of jobs) expectedIds.add(job.jobId);
      await this.schedule(jobs);
      scheduled += jobs.length;
      after = page[page.length - 1].id;
    }
    let removed = 0;
    const delayed = await this.queue.getDelayed();
    const stale = delayed.filter((job) => job.name === JobName.FireReminder && !expectedIds.has(String(job.id)));
    for (const job of stale) {
      await job.remove();
      removed += 1;
    }
    const deliveries = await this.deliveries.enqueuePending();
    this.logger.log(
      { scheduled, removed, deliveries, ms: Date.now() - startedAt },
      'Reminders reconciled with the database',
    );
    return { scheduled, removed, deliveries };
  }
}

function remindedKey(data: FireReminderJobData): string {
  return [data.assignmentId, data.deadlineKind, data.dueOn, data.milestone].join('/');
}
