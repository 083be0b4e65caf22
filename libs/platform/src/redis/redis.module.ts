import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { DafuConfig } from '../config/dafu-config';

export const REDIS = Symbol('REDIS');

/** Keys this process writes itself (rate limits, heartbeats), under the configured prefix. */
export function redisKey(config: DafuConfig, ...parts: string[]): string {
  return [config.redis.prefix, ...parts].join(':');
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}
  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [DafuConfig],
      useFactory: (config: DafuConfig) =>
        new Redis(config.redis.url, { maxRetriesPerRequest: 2, enableOfflineQueue: false, lazyConnect: false }),
    },
    RedisCloser,
  ],
  exports: [REDIS],
})
export class RedisModule {}
