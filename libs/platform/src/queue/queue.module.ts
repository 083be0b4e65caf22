import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { DafuConfig } from '../config/dafu-config';
import { FailedJobsController, FailedJobsService } from './failed-jobs';
import { QueueName } from './queue-names';

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [DafuConfig],
      useFactory: (config: DafuConfig) => ({
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: `${config.redis.prefix}:bull`,
        defaultJobOptions: {
          removeOnComplete: 1000,
          removeOnFail: 5000,
          attempts: 5,
          backoff: { type: 'exponential', delay: 2000 },
        },
      }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  controllers: [FailedJobsController],
  providers: [FailedJobsService],
  exports: [BullModule],
})
export class QueueModule {}
