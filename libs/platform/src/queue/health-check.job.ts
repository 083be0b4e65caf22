import { Inject, Injectable } from '@nestjs/common';
import { IsISO8601 } from 'class-validator';
import Redis from 'ioredis';
import { DafuConfig } from '../config/dafu-config';
import { WORKER_HEARTBEAT_KEY } from '../health/heartbeat';
import { REDIS, redisKey } from '../redis/redis.module';
import { type JobHandler, parseJobPayload } from './job-registry';
import { HealthCheckJobData, JobName } from './queue-names';

class HealthCheckPayload implements HealthCheckJobData {
  @IsISO8601() requestedAt: string;
}

/** Proves the worker is alive and consuming: records a heartbeat that /health reports. */
@Injectable()
export class HealthCheckJob implements JobHandler<JobName.HealthCheck> {
  readonly jobName = JobName.HealthCheck;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: DafuConfig,
  ) {}

  parse(raw: unknown): HealthCheckJobData {
    const payload = parseJobPayload(HealthCheckPayload, raw, this.jobName);
    return { requestedAt: payload.requestedAt };
  }

  async handle(data: HealthCheckJobData): Promise<void> {
    const heartbeat = JSON.stringify({ at: new Date().toISOString(), requestedAt: data.requestedAt, pid: process.pid });
    await this.redis.set(redisKey(this.config, WORKER_HEARTBEAT_KEY), heartbeat, 'EX', 600);
  }
}
