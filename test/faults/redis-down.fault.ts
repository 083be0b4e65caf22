import { performance } from 'node:perf_hooks';
import { lettersOutcome, progress } from './letters-check';
import {
  type Fault,
  type FaultResult,
  inParallel,
  newBureau,
  repliesAwaitingSignOff,
  Run,
  say,
  seriesProblems,
  signOff,
  sleep,
  sql,
  until,
} from './harness';
import { rollupFigure, statisticsRollupCheck } from './statistics-check';

const REPLIES = 60;
const OUTAGE_MS = 3000;

/**
 * Redis killed while sign-offs go on: a third of the replies signed before, a third while Redis
 * is down (with two API processes and a worker attached to it), a third after it is back. The
 * API must answer every sign-off (the outbox is in PostgreSQL); once Redis returns, the worker's
 * relay publishes what piled up and every letter is issued once, with its documents made once.
 */
export const redisDownDuringSignOffs: Fault = {
  name: 'redis down during sign-offs',
  async run(run: Run): Promise<FaultResult> {
    const label = 'redis';
    const { settings } = await run.newDatabase(label);
    let redis = await run.startRedis('redis-redis');
    const env = run.appEnv(settings, redis.url, label, { WORKER_STALLED_INTERVAL_MS: '2000' });
    const apis = await Promise.all([run.startApi('redis-api-1', env), run.startApi('redis-api-2', env)]);
    const worker = run.startWorker('redis-worker', env);
    const db = await sql(settings);
    try {
      const bureau = await newBureau(db, apis[0]);
      const replies = await repliesAwaitingSignOff(apis, bureau, REPLIES);
      // Start from a drained outbox, so what is counted below is the fault's own work.
      await until(async () => (await progress(db, bureau)).unpublished === 0, 'the setup events to be relayed', 30_000);

      const thirds = [replies.slice(0, 20), replies.slice(20, 40), replies.slice(40)];
      const signThird = (ids: string[], offset: number) =>
        inParallel(ids, 10, (id, i) => signOff(apis[(offset + i) % 2], bureau.signatory, id));

      const before = await signThird(thirds[0], 0);
      await run.kill(redis.managed, 'SIGKILL');
      const downAt = performance.now();
      const during = await signThird(thirds[1], 1);
      const duringMs = performance.now() - downAt;
      await sleep(Math.max(0, OUTAGE_MS - duringMs));
      const stalled = await progress(db, bureau);
      redis = await run.startRedis('redis-redis', redis.port);
      const backAt = performance.now();
      const after = await signThird(thirds[2], 0);

      let relayedSeconds = NaN;
      await until(
        async () => {
          const now = await progress(db, bureau);
          if (now.unpublished === 0 && Number.isNaN(relayedSeconds))
            relayedSeconds = (performance.now() - backAt) / 1000;
          return now.issued === REPLIES && now.unpublished === 0;
        },
        `all ${REPLIES} letters to be issued after Redis returned`,
        120_000,
      ).catch((error: Error) => say(`  ${error.message}`));
      const drainSeconds = (performance.now() - backAt) / 1000;
      // Let a late duplicate (a stalled job run again) show itself before counting.
      await sleep(1500);

      const problems: string[] = [];
      const failedDuring = during.filter((a) => a.status !== 200);
      if (failedDuring.length)
        problems.push(
          `${failedDuring.length}/${during.length} sign-offs failed while Redis was down: ` +
            `${[...new Set(failedDuring.map((a) => `${a.status} ${a.body.code ?? ''}`))].join(', ')}`,
        );
      const failedOutside = [...before, ...after].filter((a) => a.status !== 200);
      if (failedOutside.length) problems.push(`${failedOutside.length} sign-offs failed with Redis up`);
      problems.push(...(await seriesProblems(db, bureau, REPLIES)));
      const outcome = await lettersOutcome(run, db, bureau, REPLIES, label, {
        url: redis.url,
        prefix: env.REDIS_PREFIX,
      });
      problems.push(...outcome.problems);
      const rollup = await statisticsRollupCheck(db);
      problems.push(...rollup.problems);

      return {
        name: this.name,
        figure:
          `${during.length - failedDuring.length}/${during.length} sign-offs answered 200 in ` +
          `${(duringMs / 1000).toFixed(1)} s with Redis down (${stalled.unpublished} outbox rows waiting); ` +
          `after Redis returned the outbox was drained in ${relayedSeconds.toFixed(1)} s ` +
          `and ${outcome.issued}/${REPLIES} letters issued in ${drainSeconds.toFixed(1)} s; ` +
          `${outcome.documents} documents (${outcome.files} files), ` +
          `${outcome.domainJobs.finished} domain-event jobs finished, ${outcome.domainJobs.startedTwice} started twice; ` +
          rollupFigure(rollup),
        problems,
      };
    } finally {
      await db.end();
      await run.kill(worker);
      for (const api of apis) await run.kill(api.managed);
      await run.kill(redis.managed);
    }
  },
};
