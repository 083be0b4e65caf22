import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessGuard } from '@dafu/platform/auth/access.guard';
import { AuditModule } from '@dafu/platform/audit/audit.module';
import { PlatformConfigModule } from '@dafu/platform/config/config.module';
import { DatabaseModule } from '@dafu/platform/database/database.module';
import { HealthDetailsModule } from '@dafu/platform/health/health-details';
import { HealthModule } from '@dafu/platform/health/health.module';
import { LoggingModule } from '@dafu/platform/logging/logging.module';
import { QueueModule } from '@dafu/platform/queue/queue.module';
import { OutboxModule } from '@dafu/platform/outbox/outbox.module';
import { RedisModule } from '@dafu/platform/redis/redis.module';
import { MailModule } from '@dafu/platform/mail/mail.module';
import { StorageModule } from '@dafu/platform/storage/file-storage';
import { DeadlinesModule } from '@dafu/deadlines/deadlines.module';
import { HandlingModule } from '@dafu/handling/handling.module';
import { IdentityModule } from '@dafu/identity/identity.module';
import { ProposalsModule } from '@dafu/proposals/proposals.module';
import { RepliesModule } from '@dafu/replies/replies.module';
import { DocumentsModule } from '@dafu/documents/documents.module';
import { RemindersModule } from '@dafu/reminders/reminders.module';
import { FeedbackModule } from '@dafu/feedback/feedback.module';
import { DisclosureModule } from '@dafu/disclosure/disclosure.module';
import { SupervisionModule } from '@dafu/supervision/supervision.module';
import { SearchModule } from '@dafu/search/search.module';
import { ArchiveModule } from '@dafu/archive/archive.module';

@Module({
  imports: [
    PlatformConfigModule,
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule,
    HealthDetailsModule,
    HealthModule,
    AuditModule,
    OutboxModule,
    StorageModule,
    MailModule,
    IdentityModule,
    ProposalsModule,
    DeadlinesModule,
    HandlingModule,
    RepliesModule,
    DocumentsModule,
    RemindersModule,
    FeedbackModule,
    DisclosureModule,
    SupervisionModule,
    SearchModule,
    ArchiveModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }],
})
export class ApiModule {}
