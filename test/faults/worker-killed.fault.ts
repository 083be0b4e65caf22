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
  signOff,
  sql,
  until,
} from './harness';

const REPLIES = 30;

/**
 * The worker SIGKILLed while it renders letters: 30 replies are signed off with no worker
 * running, a worker starts on them and is killed as soon as the first letters are issued (so
 * others are mid-render), and a new worker takes over. Every letter must come out once: issued
 * once, one DOCX and one PDF, one issue audit event and one `reply.issued` row.
 */
export const workerKilledMidRender: Fault = {
  name: 'worker killed mid-render',
  async run(run: Run): Promise<FaultResult> {
    const label = 'kill';
    const { settings } = await run.newDatabase(label);
    const redis = await run.startRedis('kill-redis');
    // Short locks, so the dead worker's jobs are taken up again within seconds. Not 1 s: a PDF
    // render blocks the event loop that long on a busy 2-core machine, the live worker's own
    // locks then lapse, and jobs stalled twice fail for good (BullMQ's maxStalledCount is 1).
    const env = run.appEnv(settings, redis.url, label, { WORKER_STALLED_INTERVAL_MS: '5000' });
    const api = await run.startApi('kill-api', env);
    const db = await sql(settings);
    const workers: ReturnType<Run['startWorker']>[] = [];
    try {
      const bureau = await newBureau(db, api);
      const replies = await repliesAwaitingSignOff([api], bureau, REPLIES);
      const signed = await inParallel(replies, 10, (id) => signOff(api, bureau.signatory, id));
      const refused = signed.filter((a) => a.status !== 200).length;

      const startedAt = performance.now();
      workers.push(run.startWorker('kill-worker-1', env));
      await until(async () => (await progress(db, bureau)).issued > 0, 'the first letter to be issued', 90_000);
      await run.kill(workers[0], 'SIGKILL');
      const atKill = await progress(db, bureau);
      const inFlight = await countRendersInFlight(db, bureau);
      say(`  worker killed with ${atKill.issued}/${REPLIES} issued`);

      workers.push(run.startWorker('kill-worker-2', env));
      await until(
        async () => {
          const now = await progress(db, bureau);
          return now.issued === REPLIES && now.unpublished === 0;
        },
        `all ${REPLIES} letters to be issued by the second worker`,
        120_000,
      ).catch((error: Error) => say(`  ${error.message}`));
      const seconds = (performance.now() - startedAt) / 1000;
      // Let a late duplicate (a stalled job run again) show itself before counting.
      await new Promise((resolve) => setTimeout(resolve, 2500));

      const outcome = await lettersOutcome(run, db, bureau, REPLIES, label, {
        url: redis.url,
        prefix: env.REDIS_PREFIX,
      });
      const problems = [...outcome.problems];
      if (refused) problems.push(`${refused} sign-offs refused`);
      if (atKill.issued >= REPLIES) problems.push('the worker finished before it was killed: nothing was mid-render');
      return {
        name: this.name,
        figure:
          `killed with ${atKill.issued}/${REPLIES} letters issued (${inFlight} still to render); ` +
          `all ${outcome.issued}/${REPLIES} issued ${seconds.toFixed(1)} s after the first worker started; ` +
          `${outcome.documents} documents, ${outcome.files - outcome.documents} orphan files from killed renders, ` +
          `${outcome.domainJobs.startedTwice} domain-event jobs started twice`,
        problems,
      };
    } finally {
      await db.end();
      for (const worker of workers) await run.kill(worker);
      await run.kill(api.managed);
      await run.kill(redis.managed);
    }
  },
};

async function countRendersInFlight(db: Awaited<ReturnType<typeof sql>>, bureau: { bureauId: string }) {
  const { rows } = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM replies WHERE bureau_id = $1 AND status = 'signed'`,
    [bureau.bureauId],
  );
  return Number(rows[0].n);
}
