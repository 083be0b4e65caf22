import { Module } from '@nestjs/common';
import { PlatformConfigModule } from '@dafu/platform/config/config.module';
import { DatabaseModule } from '@dafu/platform/database/database.module';
import { LoggingModule } from '@dafu/platform/logging/logging.module';
import { HealthCheckJob } from '@dafu/platform/queue/health-check.job';
import { JOB_HANDLERS, JobHandler } from '@dafu/platform/queue/job-registry';
import { RedisModule } from '@dafu/platform/redis/redis.module';
import { WorkerRunner } from './worker-runner';

@Module({
  imports: [PlatformConfigModule, LoggingModule, DatabaseModule, RedisModule],
  providers: [
    HealthCheckJob,
    {
      provide: JOB_HANDLERS,
      inject: [HealthCheckJob],
      useFactory: (...handlers: JobHandler[]) => handlers,
    },
    WorkerRunner,
  ],
})
export class WorkerModule {}
