import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { SessionBody } from '@dafu/platform/vocabulary';
import { DisclosureRepository } from '@dafu/disclosure/disclosure.repository';
import { DeadlinesService } from '@dafu/deadlines/deadlines.service';
import { composeLetter, LetterFormat } from '@dafu/documents/domain/letter';
import { renderLetterDocx } from '@dafu/documents/docx/letter-docx';
import { LetterFontsProvider } from '@dafu/documents/letter-fonts.provider';
import { signPdf } from '@dafu/documents/signing/pdf-signer';
import { generateSelfSignedCredential } from '@dafu/documents/signing/signing-credential';
import { ReminderScheduler } from '@dafu/reminders/reminder-scheduler.service';
import { SupervisionRepository } from '@dafu/supervision/supervision.repository';
import { SupervisionService } from '@dafu/supervision/supervision.service';
import { StatisticsRollup } from '@dafu/supervision/statistics-rollup';
import { EXPECTED_LETTERS, seedSignedLetter } from '@dafu/testing/seed-letters';
import { Run, until } from '../test/faults/harness';
import type { BenchRow } from './bench-result';
import { dropRedisKeys, loadNote, log, percentile, SUPERVISOR } from './bench-support';
import { ACTIVE, benchDatabase, benchSizes, sizeLabel } from './data';

/**
 * The worker in-process, timed with plain timers: the worker's Nest context (the same module
 * `node dist/apps/worker/main.js` runs) on the database of each size.
 *
 * - letters: the final letter of a seed reply rendered to DOCX and PDF and the PDF signed
 *   (PAdES), BENCH_LETTERS times (default 30), one after another as one job does; letters/s and
 *   the process's peak RSS;
 * - reminders: the reconciliation (every open assignment's expected jobs added to Redis) timed
 *   with the queue paused (jobs scheduled per second), then the due ones fired by the worker's
 *   own reminder consumer (sent per second: notifications, audit, outbox, next milestone);
 * - growth: the reconciliation and the supervision queries at each size with the same number of
 *   items open (the last BENCH_ACTIVE proposals, default 10,000; the rest finished), so the
 *   table shows whether their cost follows what is due or the size of the tables.
 */

const LETTERS = Number(process.env.BENCH_LETTERS ?? 30);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const round = (n: number) => Math.round(n * 100) / 100;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function letters(context: INestApplicationContext): Promise<BenchRow[]> {
  const fonts = context.get(LetterFontsProvider);
  const credential = await generateSelfSignedCredential(
    { organisation: '基准测试局', commonName: '基准测试局（答复函签名）' },
    new Date('2026-01-01T00:00:00Z'),
  );
  const settings = { format: LetterFormat.Document, headerTitle: '基准测试局文件', printsGradeMark: true, seal: null };
  const one = async (i: number) => {
    const seed = EXPECTED_LETTERS[i % EXPECTED_LETTERS.length];
    const letter = composeLetter(
      { ...seedSignedLetter(seed), documentNumber: `基民文〔2026〕${i + 1}号`, signatoryName: '基准签发人' },
      settings,
    );
    const docx = await renderLetterDocx(letter, fonts.fonts);
    const unsigned = fonts.pdfRenderer.render(letter);
    const pdf = await signPdf(unsigned, credential, {
      reason: `答复函 ${letter.documentNumber}`,
      location: letter.issuer,
      name: '基准签发人',
      signedAt: new Date(),
    });
    return docx.length + pdf.length;
  };
  const rssBefore = rssMb();
  await one(0); // the faces load on first use
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 1; i <= LETTERS; i += 1) {
    const { ms, value } = await timed(() => one(i));
    times.push(ms);
    bytes += value;
  }
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const perSecond = round(LETTERS / seconds);
  log(`  letters: ${perSecond}/s, p50 ${round(percentile(times, 50))} ms, peak RSS ${rssMb()} MB`);
  return [
    {
      group: 'worker',
      name: 'letter rendered (DOCX + PDF) and signed (PAdES)',
      size: LETTERS,
      samples: LETTERS,
      rps: perSecond,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      note:
        `${EXPECTED_LETTERS.length} seed letters in turn, ${Math.round(bytes / LETTERS / 1024)} KB per letter; ` +
        `peak RSS ${rssMb()} MB (${rssBefore} MB before the faces loaded); one at a time; ${loadNote()}`,
    },
  ];
}

async function reminders(context: INestApplicationContext, size: number): Promise<BenchRow[]> {
  const scheduler = context.get(ReminderScheduler);
  const queue = context.get<Queue>(getQueueToken(QueueName.Reminders), { strict: false });
  const dataSource = context.get(DataSource);
  const notificationsBefore = Number((await dataSource.query(`SELECT count(*) AS n FROM notifications`))[0].n);
  await queue.pause();
  const reconciled = await timed(() => scheduler.reconcile());
  const [open] = await dataSource.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM assignments
      WHERE status IN ('assigned', 'acknowledged', 'reassignment_requested', 'extension_requested', 'rehandling')`,
  );
  const due = await queue.getWaitingCount();
  const delayed = await queue.getDelayedCount();
  const again = await timed(() => scheduler.reconcile());
  await queue.resume();
  const fired = await timed(() =>
    until(
      async () => (await queue.getWaitingCount()) + (await queue.getActiveCount()) === 0,
      'the due reminders to fire',
      30 * 60_000,
    ),
  );
  const notifications =
    Number((await dataSource.query(`SELECT count(*) AS n FROM notifications`))[0].n) - notificationsBefore;
  const scheduled = reconciled.value.scheduled;
  log(
    `  ${sizeLabel(size)} reconcile ${Math.round(reconciled.ms)} ms (${scheduled} jobs, ${open.n} open), again ${Math.round(again.ms)} ms; ` +
      `${due} due fired in ${Math.round(fired.ms)} ms, ${notifications} notifications`,
  );
  await queue.obliterate({ force: true });
  const note = `${open.n.toLocaleString('en-US')} open assignments; ${loadNote()}`;
  return [
    {
      group: 'growth',
      name: 'reminder reconciliation (Postgres → Redis, queue paused)',
      size,
      samples: 1,
      rps: round(scheduled / (reconciled.ms / 1000)),
      p50Ms: Math.round(reconciled.ms),
      p99Ms: Math.round(reconciled.ms),
      note: `${scheduled.toLocaleString('en-US')} jobs scheduled (per s column); ${note}`,
    },
    {
      group: 'growth',
      name: 'reminder reconciliation again (every job already in Redis)',
      size,
      samples: 1,
      rps: round(again.value.scheduled / (again.ms / 1000)),
      p50Ms: Math.round(again.ms),
      p99Ms: Math.round(again.ms),
      note,
    },
    {
      group: 'worker',
      name: 'due reminders fired and sent by the worker (concurrency 4)',
      size,
      samples: due,
      rps: round(due / (fired.ms / 1000)),
      p50Ms: Math.round(fired.ms),
      p99Ms: Math.round(fired.ms),
      note: `${due.toLocaleString('en-US')} jobs due now (${delayed.toLocaleString('en-US')} delayed), ${notifications.toLocaleString('en-US')} notifications; p50/p99 = whole run; peak RSS ${rssMb()} MB; ${note}`,
    },
  ];
}

async function supervision(context: INestApplicationContext, size: number): Promise<BenchRow[]> {
  const dataSource = context.get(DataSource);
  const config = context.get(DafuConfig);
  const service = new SupervisionService(
    new SupervisionRepository(dataSource),
    context.get(DeadlinesService),
    config,
    context.get(LetterFontsProvider),
  );
  const [{ id: sessionId }] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM sessions ORDER BY year DESC LIMIT 1`,
  );
  const rows: BenchRow[] = [];
  const time = async (name: string, work: () => Promise<unknown>, samples = 5) => {
    await work();
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) times.push((await timed(work)).ms);
    times.sort((a, b) => a - b);
    rows.push({
      group: 'growth',
      name,
      size,
      samples,
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      note: loadNote(),
    });
    log(`  ${sizeLabel(size)} ${name}: p50 ${round(percentile(times, 50))} ms`);
  };
  await time('overdue list, page 1 (most overdue first)', () => service.overdue(SUPERVISOR, {}));
  // The public feed's query as a cache miss runs it (the API serves it from Redis until a reply is issued).
  const disclosure = new DisclosureRepository(dataSource);
  const today = new Date().toISOString().slice(0, 10);
  const cutoffs = [
    { body: SessionBody.Cppcc, cutoff: today },
    { body: SessionBody.Npc, cutoff: today },
  ];
  await time(
    'public feed page 1, uncached (the SQL a cache miss runs)',
    () => disclosure.feed({ page: 1, pageSize: 20 }, cutoffs, config.timezone),
    3,
  );
  await time('statistics, latest session', () => service.statistics(SUPERVISOR, { sessionId }));
  await time('statistics, all sessions', () => service.statistics(SUPERVISOR, {}), 3);
  await time('overdue trend, 12 weeks, latest session', () => service.overdueTrend(SUPERVISOR, { sessionId }), 3);
  await time('overdue trend, 12 weeks, all sessions', () => service.overdueTrend(SUPERVISOR, {}), 3);
  // The statistics add what the worker has not folded into their rollup yet; then the fold itself.
  const changed = 1_000;
  await dataSource.query(
    `INSERT INTO statistics_stale (assignment_id) SELECT id FROM assignments ORDER BY id LIMIT $1`,
    [changed],
  );
  await time(
    `statistics, all sessions, ${changed.toLocaleString('en-US')} changes not yet folded`,
    () => service.statistics(SUPERVISOR, {}),
    3,
  );
  const fold = await timed(() => context.get(StatisticsRollup).fold());
  rows.push({
    group: 'growth',
    name: `statistics rollup: fold ${changed.toLocaleString('en-US')} changed assignments`,
    size,
    samples: 1,
    rps: round(fold.value.folded / (fold.ms / 1000)),
    p50Ms: Math.round(fold.ms),
    p99Ms: Math.round(fold.ms),
    note: loadNote(),
  });
  return rows;
}

/** The worker's context on one database, consuming only the reminders queue, under a Redis prefix of its own. */
async function workerContext(run: Run, settings: { url?: string }, label: string): Promise<INestApplicationContext> {
  const env = run.appEnv(settings as never, REDIS_URL, label, {
    REDIS_PREFIX: `dafu_bench:${run.runId}:${label}`,
    WORKER_QUEUES: QueueName.Reminders,
    LOG_LEVEL: 'error',
  });
  Object.assign(process.env, env);
  const { WorkerModule } = await import('../apps/worker/src/worker.module');
  const context = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await context.init();
  return context;
}

export async function run(): Promise<BenchRow[]> {
  const run = new Run();
  run.logDir = await mkdtemp(join(tmpdir(), 'dafu-bench-worker-'));
  run.storageRoot = run.logDir;
  const rows: BenchRow[] = [];
  try {
    for (const [i, size] of benchSizes().entries()) {
      const db = await benchDatabase(size, Math.min(ACTIVE, size));
      const context = await workerContext(run, db.settings, `worker-${sizeLabel(size)}`);
      try {
        if (i === 0 && process.env.BENCH_SKIP_LETTERS !== '1') rows.push(...(await letters(context)));
        rows.push(...(await reminders(context, size)));
        rows.push(...(await supervision(context, size)));
      } finally {
        await context.close();
      }
    }
  } finally {
    await rm(run.logDir, { recursive: true, force: true });
    await dropRedisKeys(REDIS_URL, `dafu_bench:${run.runId}:`);
  }
  return rows;
}
