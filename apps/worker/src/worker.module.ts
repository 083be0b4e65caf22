import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@dafu/platform/config/config.module';
import { DatabaseModule } from '@dafu/platform/database/database.module';
import { LoggingModule } from '@dafu/platform/logging/logging.module';
import { HealthCheckJob } from '@dafu/platform/queue/health-check.job';
import { DomainEventJob, DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { OutboxRelay } from '@dafu/platform/outbox/outbox-relay';
import { JOB_HANDLERS, JobHandler } from '@dafu/platform/queue/job-registry';
import { OutboxModule } from '@dafu/platform/outbox/outbox.module';
import { RedisModule } from '@dafu/platform/redis/redis.module';
import { WorkerRunner } from './worker-runner';

@Module({
  imports: [PlatformConfigModule, LoggingModule, DatabaseModule, RedisModule, OutboxModule],
  providers: [
    HealthCheckJob,
    DomainEventSubscribers,
    DomainEventJob,
    OutboxRelay,
    {
      provide: JOB_HANDLERS,
      inject: [HealthCheckJob, DomainEventJob],
      useFactory: (...handlers: JobHandler[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
