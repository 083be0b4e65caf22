import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { IsISO8601 } from 'class-validator';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { type JobHandler, parseJobPayload } from '@dafu/platform/queue/job-registry';
import { type FoldStatisticsJobData, JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { StatisticsRollup } from '../statistics-rollup';

class FoldStatisticsPayload implements FoldStatisticsJobData {
  @IsISO8601() requestedAt: string;
}

/** Every STATISTICS_FOLD_EVERY_MS, and once at start (a changed timezone is rebuilt then). In the worker only. */
@Injectable()
export class FoldStatisticsJob implements JobHandler<JobName.FoldStatistics>, OnApplicationBootstrap {
  readonly jobName = JobName.FoldStatistics;

  constructor(
    private readonly rollup: StatisticsRollup,
    private readonly config: DafuConfig,
    @InjectQueue(QueueName.System) private readonly system: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.system.upsertJobScheduler(
      JobName.FoldStatistics,
      { every: this.config.statisticsFoldEveryMs },
      { name: JobName.FoldStatistics, data: { requestedAt: new Date(0).toISOString() } },
    );
    const now = new Date();
    await this.system.add(
      JobName.FoldStatistics,
      { requestedAt: now.toISOString() },
      { jobId: `fold-statistics--start-${now.getTime()}`, removeOnComplete: true },
    );
  }

  parse(raw: unknown): FoldStatisticsJobData {
    return parseJobPayload(FoldStatisticsPayload, raw, this.jobName);
  }

  async handle(): Promise<void> {
    await this.rollup.fold();
  }
}
