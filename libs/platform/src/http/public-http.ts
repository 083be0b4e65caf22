import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Redis from 'ioredis';
import { errorBody } from '../errors/http-exception.filter';
import { ErrorCode } from '../errors/error-codes';

/**
 * Routes anyone may call without a token. Matched by URL prefix, not per route, so a public
 * route added later (e.g. /public/feedback/{token}) is rate-limited and cached the same way.
 */
export function isPublicPath(url: string): boolean {
  const path = url.split('?')[0];
  return path === '/public' || path.startsWith('/public/') || path === '/verify' || path.startsWith('/verify/');
}

/**
 * Only the read-only feed and pages are cacheable. /verify answers about a file and stays fresh; a
 * proposer's feedback page is personal and changes once answered, so no shared cache may keep it.
 */
export function isCacheablePath(url: string): boolean {
  const path = url.split('?')[0];
  if (path.startsWith('/public/feedback/')) return false;
  return path === '/public' || path.startsWith('/public/');
}

export interface PublicHttpOptions {
  redis: Redis;
  /** The app's Redis prefix: counters of two deployments (or two test runs) never mix. */
  keyPrefix: string;
  rateLimit: number;
  rateWindowSeconds: number;
  cacheMaxAgeSeconds: number;
}

/**
 * One fixed window per client address: INCR, and the window's expiry set by its first request.
 * Atomic in Redis, so several API processes share one count.
 */
const COUNT_SCRIPT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** A weak validator of the exact bytes sent: equal bodies give equal ETags on every process. */
export function etagOf(payload: string | Buffer): string {
  return `W/"${createHash('sha256').update(payload).digest('base64url').slice(0, 27)}"`;
}

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

/**
 * Rate limit (429 PUBLIC_RATE_LIMITED with Retry-After) for every public route, and ETag /
 * If-None-Match → 304 plus Cache-Control for the cacheable ones. Fastify hooks rather than a
 * Nest guard: they run before routing, so unknown public paths count too.
 */
export function registerPublicHttp(fastify: FastifyInstance, options: PublicHttpOptions): void {
  const logger = new Logger('PublicHttp');

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isPublicPath(request.url)) return;
    const key = `${options.keyPrefix}:public-rate:${request.ip}`;
    let counted: [number, number];
    try {
      counted = (await options.redis.eval(COUNT_SCRIPT, 1, key, String(options.rateWindowSeconds))) as [number, number];
    } catch (error) {
      // Redis down: serve rather than refuse everyone; the database answers the reads.
      logger.warn(`Public rate limit unavailable: ${(error as Error).message}`);
      return;
    }
    const [count, ttl] = counted;
    reply.header('x-ratelimit-limit', String(options.rateLimit));
    reply.header('x-ratelimit-remaining', String(Math.max(0, options.rateLimit - count)));
    if (count <= options.rateLimit) return;
    const retryAfter = Math.max(1, ttl);
    return reply
      .code(429)
      .header('retry-after', String(retryAfter))
      .header('content-type', 'application/json; charset=utf-8')
      .send(errorBody(ErrorCode.PublicRateLimited, { retryAfterSeconds: retryAfter }, request, String(request.id)));
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (request.url.startsWith('/public/feedback/')) reply.header('cache-control', 'no-store');
    if (request.method !== 'GET' || reply.statusCode !== 200 || !isCacheablePath(request.url)) return payload;
    reply.header('cache-control', `public, max-age=${options.cacheMaxAgeSeconds}`);
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const etag = etagOf(payload);
    reply.header('etag', etag);
    const ifNoneMatch = request.headers['if-none-match'];
    if (!etagMatches(Array.isArray(ifNoneMatch) ? ifNoneMatch.join(',') : ifNoneMatch, etag)) return payload;
    reply.code(304);
    reply.removeHeader('content-length');
    reply.removeHeader('content-type');
    return '';
  });
}
