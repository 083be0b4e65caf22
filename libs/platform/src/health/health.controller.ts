import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { DafuConfig } from '../config/dafu-config';
import { REDIS, redisKey } from '../redis/redis.module';
import { HealthDetailsRegistry } from './health-details';
import { WORKER_HEARTBEAT_KEY } from './heartbeat';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redisIndicator: RedisHealthIndicator,
    private readonly config: DafuConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly details: HealthDetailsRegistry,
  ) {}

  /** Postgres and Redis must answer; the worker's last heartbeat is reported but does not fail the API. */
  @Public()
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 1500 }),
      () => this.redisIndicator.check('redis'),
      async () => {
        const last = await this.redis.get(redisKey(this.config, WORKER_HEARTBEAT_KEY)).catch(() => null);
        const heartbeat = last ? (JSON.parse(last) as { at: string; pid: number }) : null;
        return { worker: { status: 'up' as const, lastHeartbeat: heartbeat?.at ?? null, pid: heartbeat?.pid ?? null } };
      },
      ...this.details.entries().map(([name, contributor]) => async () => ({ [name]: await contributor() })),
    ]);
  }
}
