import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { DomainEventSubscribers } from '@dafu/platform/outbox/domain-event.job';
import { DomainEventName } from '@dafu/platform/outbox/outbox';
import { REDIS } from '@dafu/platform/redis/redis.module';
import { bumpPublicCacheGeneration } from '../public-cache';

/**
 * A letter issued or voided changes what is published: the worker moves the public cache's
 * generation on, so the API's next public read goes to the database instead of waiting for
 * the TTL. A lost event only costs staleness up to PUBLIC_CACHE_TTL_SECONDS.
 */
@Injectable()
export class DisclosureEvents implements OnModuleInit {
  constructor(
    private readonly subscribers: DomainEventSubscribers,
    private readonly config: DafuConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    for (const name of [DomainEventName.ReplyIssued, DomainEventName.ReplyVoided]) {
      this.subscribers.subscribe(name, () => bumpPublicCacheGeneration(this.redis, this.config));
    }
  }
}
