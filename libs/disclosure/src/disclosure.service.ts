import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { REDIS, redisKey } from '@dafu/platform/redis/redis.module';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { HandlingRepository } from '@dafu/handling/handling.repository';
import { renderReplyText } from '@dafu/replies/domain/reply-text';
import { LetterDocumentsService, type LetterFile } from '@dafu/documents/letter-documents.service';
import { publicationCutoffsOf } from './domain/publication';
import { DisclosureRepository } from './disclosure.repository';
import type {
  PublicationCutoffs,
  PublicFeedQuery,
  PublicReply,
  PublicReplyPage,
  PublicSession,
} from './disclosure.types';
import { PublicReplyNotFoundError } from './errors';
import { publicCacheGenerationKey } from './public-cache';

/**
 * 公开: the public feed and pages of issued replies marked public, past the body's delay.
 * Answers are cached in Redis for PUBLIC_CACHE_TTL_SECONDS under the app's prefix. The key
 * holds each body's publication cutoff, so a new day or a changed delay reads afresh at once,
 * and the cache generation, which the worker moves on when a reply is issued or voided
 * (jobs/disclosure-events.ts); the TTL bounds staleness should that event be late. The PDF is
 * never cached here: each download checks publication again.
 */
@Injectable()
export class DisclosureService {
  private readonly logger = new Logger(DisclosureService.name);
  /**
   * Loads in flight by cache key: when a cached answer expires, the requests that arrive while
   * it is being recomputed wait for that one load instead of each running the query (at
   * 1,000,000 proposals the feed's query takes seconds, and ten at once took ten times as long).
   */
  private readonly loading = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repository: DisclosureRepository,
    private readonly handling: HandlingRepository,
    private readonly deadlines: DeadlinesService,
    private readonly documents: LetterDocumentsService,
    private readonly config: DafuConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async feed(query: PublicFeedQuery): Promise<PublicReplyPage> {
    const cutoffs = await this.cutoffs();
    return this.cached('feed', [cutoffs, query], async () => {
      const { items, total } = await this.repository.feed(query, cutoffs, this.config.timezone);
      return { items, page: query.page, pageSize: query.pageSize, total };
    });
  }

  async reply(id: string): Promise<PublicReply> {
    const cutoffs = await this.cutoffs();
    const reply = await this.cached('reply', [cutoffs, id], async () => {
      const found = await this.repository.published(id, cutoffs, this.config.timezone);
      if (!found) return null;
      const { summary, content, signatoryName, hasPdf } = found;
      // The contact line names a member of the bureau's staff; the page names the bureau instead.
      const text = renderReplyText({
        content: { ...content, contact: null },
        documentNumber: summary.documentNumber,
        signatoryName,
        grade: summary.grade,
        printGradeMark: true,
        letterDate: summary.letterDate,
      });
      return {
        ...summary,
        text,
        pdfUrl: hasPdf ? `${this.config.publicBaseUrl}/public/replies/${summary.id}/pdf` : null,
      } satisfies PublicReply;
    });
    if (!reply) throw new PublicReplyNotFoundError();
    return reply;
  }

  /** The signed PDF exactly as issued; only while the reply is published. */
  async pdf(id: string): Promise<LetterFile> {
    const found = await this.repository.published(id, await this.cutoffs(), this.config.timezone);
    if (!found || !found.hasPdf) throw new PublicReplyNotFoundError();
    return this.documents.issuedPdf(id);
  }

  async sessions(): Promise<PublicSession[]> {
    const cutoffs = await this.cutoffs();
    return this.cached('sessions', [cutoffs], () => this.repository.sessions(cutoffs, this.config.timezone));
  }

  /** Each body's latest issue date that is public today. */
  private async cutoffs(): Promise<PublicationCutoffs> {
    const [all, calendar] = await Promise.all([this.handling.allRules(), this.deadlines.calendar()]);
    return publicationCutoffsOf(all, this.deadlines.today(), calendar);
  }

  /** Read-through cache; Redis trouble only costs a database query. */
  private async cached<T>(kind: string, parts: unknown[], load: () => Promise<T>): Promise<T> {
    let key: string | null = null;
    try {
      const generation = (await this.redis.get(publicCacheGenerationKey(this.config))) ?? '0';
      const digest = createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
      key = redisKey(this.config, 'public-cache', kind, `g${generation}`, digest);
      const hit = await this.redis.get(key);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (error) {
      this.logger.warn(`Public cache read failed: ${(error as Error).message}`);
    }
    if (key === null) return load();
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight as Promise<T>;
    const cacheKey = key;
    const loaded = (async () => {
      const value = await load();
      try {
        await this.redis.set(cacheKey, JSON.stringify(value), 'EX', this.config.publicHttp.cacheTtlSeconds);
      } catch (error) {
        this.logger.warn(`Public cache write failed: ${(error as Error).message}`);
      }
      return value;
    })();
    this.loading.set(cacheKey, loaded);
    try {
      return await loaded;
    } finally {
      this.loading.delete(cacheKey);
    }
  }
}
