import type Redis from 'ioredis';
import type { DafuConfig } from '@dafu/platform/config/dafu-config';
import { redisKey } from '@dafu/platform/redis/redis.module';

/**
 * The public cache's generation: part of every cache key, so moving it on (a reply issued or
 * voided) makes every cached answer unreachable at once; they expire on their TTL.
 */
export function publicCacheGenerationKey(config: DafuConfig): string {
  return redisKey(config, 'public-cache', 'generation');
}

export async function bumpPublicCacheGeneration(redis: Redis, config: DafuConfig): Promise<void> {
  await redis.incr(publicCacheGenerationKey(config));
}
