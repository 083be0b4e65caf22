import { Module } from '@nestjs/common';
import { AuditModule } from '@dafu/platform/audit/audit.module';
import { PlatformConfigModule } from '@dafu/platform/config/config.module';
import { DatabaseModule } from '@dafu/platform/database/database.module';
import { HealthDetailsModule } from '@dafu/platform/health/health-details';
import { LoggingModule } from '@dafu/platform/logging/logging.module';
import { HealthCheckJob } from '@dafu/platform/queue/health-check.job';
import { DomainEventJob, DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { OutboxRelay } from '@dafu/platform/outbox/outbox-relay';
import { JOB_HANDLERS, JobHandler } from '@dafu/platform/queue/job-registry';
import { OutboxModule } from '@dafu/platform/outbox/outbox.module';
import { QueueModule } from '@dafu/platform/queue/queue.module';
import { RedisModule } from '@dafu/platform/redis/redis.module';
import { MailModule } from '@dafu/platform/mail/mail.module';
import { StorageModule } from '@dafu/platform/storage/file-storage';
import { DocumentsModule } from '@dafu/documents/documents.module';
import { DeliverLetterJob } from '@dafu/documents/jobs/deliver-letter.job';
import { LetterEvents } from '@dafu/documents/jobs/letter-events';
import { RenderLetterJob } from '@dafu/documents/jobs/render-letter.job';
import { RemindersModule } from '@dafu/reminders/reminders.module';
import { ReminderEvents } from '@dafu/reminders/jobs/reminder-events';
import {
  DeliverNotificationJob,
  FireReminderJob,
  ReconcileRemindersJob,
  SendDigestsJob,
} from '@dafu/reminders/jobs/reminder.jobs';
import { DisclosureEvents } from '@dafu/disclosure/jobs/disclosure-events';
import { SearchEvents } from '@dafu/search/jobs/search-events';
import { SearchModule } from '@dafu/search/search.module';
import { FoldStatisticsJob } from '@dafu/supervision/jobs/fold-statistics.job';
import { StatisticsRollup } from '@dafu/supervision/statistics-rollup';
import { WorkerRunner } from './worker-runner';

@Module({
  imports: [
    PlatformConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    HealthDetailsModule,
    OutboxModule,
    AuditModule,
    StorageModule,
    MailModule,
    DocumentsModule,
    RemindersModule,
    SearchModule,
  ],
  providers: [
    HealthCheckJob,
    DomainEventSubscribers,
    DomainEventJob,
    OutboxRelay,
    RenderLetterJob,
    DeliverLetterJob,
    LetterEvents,
    FireReminderJob,
    ReconcileRemindersJob,
    DeliverNotificationJob,
    SendDigestsJob,
    ReminderEvents,
    DisclosureEvents,
    SearchEvents,
    StatisticsRollup,
    FoldStatisticsJob,
    {
      provide: JOB_HANDLERS,
      inject: [
        HealthCheckJob,
        DomainEventJob,
        RenderLetterJob,
        DeliverLetterJob,
        FireReminderJob,
        ReconcileRemindersJob,
        DeliverNotificationJob,
        SendDigestsJob,
        FoldStatisticsJob,
      ],
      useFactory: (...handlers: JobHandler[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
