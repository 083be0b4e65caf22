import { loadavg } from 'node:os';
import Redis from 'ioredis';
import { performance } from 'node:perf_hooks';
import type { Actor } from '@dafu/platform/auth/actor';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import type { BenchRow } from './bench-result';

/** The supervisor the in-process benches call the supervision service as (the service reads only its role). */
export const SUPERVISOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000001',
  username: 'bench_supervisor',
  organisationId: '00000000-0000-4000-8000-000000000002',
  organisationKind: OrganisationKind.SupervisionOffice,
  roles: [Role.Supervisor],
};

/** The data size: BENCH_SIZE, default 100,000. */
export function benchSize(defaultSize = 100_000): number {
  const raw = process.env.BENCH_SIZE;
  if (raw === undefined || raw === '') return defaultSize;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 100) throw new Error(`BENCH_SIZE must be a whole number ≥ 100, got ${raw}`);
  return n;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** Runs `fn` `warmup` times untimed, then `samples` times timed, one after another. */
export async function measure(
  row: { group: string; name: string; size: number; note?: string },
  fn: () => Promise<unknown>,
  options: { samples?: number; warmup?: number } = {},
): Promise<BenchRow> {
  const samples = options.samples ?? 20;
  for (let i = 0; i < (options.warmup ?? 2); i += 1) await fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result: BenchRow = {
    ...row,
    samples,
    p50Ms: round(percentile(times, 50)),
    p99Ms: round(percentile(times, 99)),
  };
  log(`  ${row.name}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
  return result;
}

/** Progress on stderr, so stdout stays clean. */
export function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The machine's 1-minute load average now, for the note beside a figure (others share the machine). */
export function loadNote(): string {
  return `load ${loadavg()[0].toFixed(1)}`;
}

/** Deletes every Redis key under the bench's own prefix (queues the run filled, cached answers). */
export async function dropRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  await redis.connect();
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
