import { performance } from 'node:perf_hooks';
import {
  type Fault,
  type FaultResult,
  newBureau,
  repliesAwaitingSignOff,
  Run,
  say,
  seriesProblems,
  signOff,
  sql,
  summarize,
} from './harness';
import { rollupFigure, statisticsRollupCheck } from './statistics-check';

const REPLIES = 200;

/**
 * 签发 at once on two API processes: every reply of one bureau signed off concurrently, the
 * requests alternating between the processes. The bureau's 文号 series must come out 1..200,
 * each number once, each sign-off answered 200.
 */
export const concurrentSignOffs: Fault = {
  name: 'concurrent sign-offs',
  async run(run: Run): Promise<FaultResult> {
    const { settings } = await run.newDatabase('signoffs');
    const redis = await run.startRedis('signoffs-redis');
    const env = run.appEnv(settings, redis.url, 'signoffs');
    const apis = await Promise.all([run.startApi('signoffs-api-1', env), run.startApi('signoffs-api-2', env)]);
    const db = await sql(settings);
    try {
      const bureau = await newBureau(db, apis[0]);
      const madeAt = performance.now();
      const replies = await repliesAwaitingSignOff(apis, bureau, REPLIES);
      say(`  ${REPLIES} replies awaiting sign-off in ${Math.round(performance.now() - madeAt)} ms`);

      const started = performance.now();
      const answers = await Promise.all(
        replies.map((replyId, i) => signOff(apis[i % apis.length], bureau.signatory, replyId)),
      );
      const seconds = (performance.now() - started) / 1000;

      const problems: string[] = [];
      const notOk = answers.filter((a) => a.status !== 200);
      if (notOk.length) {
        const byStatus = new Map<string, number>();
        for (const a of notOk) {
          const key = `${a.status} ${a.body.code ?? ''}`.trim();
          byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
        }
        problems.push(`${notOk.length} sign-offs not answered 200: ${[...byStatus].map(([k, n]) => `${n}× ${k}`)}`);
      }
      const numbers = answers.filter((a) => a.status === 200).map((a) => a.body.documentNumber as string);
      const distinct = new Set(numbers).size;
      if (distinct !== numbers.length) problems.push(`${numbers.length - distinct} duplicate numbers in the answers`);
      const expected = new Set(
        Array.from({ length: REPLIES }, (_, i) => `${bureau.prefix}〔${yearOf(numbers)}〕${i + 1}号`),
      );
      const missing = [...expected].filter((n) => !numbers.includes(n));
      if (missing.length) problems.push(`${missing.length} numbers of 1..${REPLIES} not handed out`);
      problems.push(...(await seriesProblems(db, bureau, REPLIES)));
      const { rows } = await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM outbox_events WHERE event_name = 'reply.signed'`,
      );
      if (Number(rows[0].n) !== REPLIES) problems.push(`${rows[0].n} reply.signed outbox rows, not ${REPLIES}`);
      const rollup = await statisticsRollupCheck(db);
      problems.push(...rollup.problems);

      const duplicates = numbers.length - distinct;
      return {
        name: this.name,
        figure:
          `${REPLIES} sign-offs on 2 API processes in ${seconds.toFixed(1)} s ` +
          `(${Math.round(REPLIES / seconds)}/s, ${summarize(answers.map((a) => a.ms))}); ` +
          `${duplicates} duplicate, ${missing.length} missing 文号; ${answers.length - notOk.length}/${REPLIES} answered 200; ` +
          rollupFigure(rollup),
        problems,
      };
    } finally {
      await db.end();
      for (const api of apis) await run.kill(api.managed);
      await run.kill(redis.managed);
    }
  },
};

/** The year the numbers were issued in (the server's today in Asia/Shanghai), read from the answers. */
function yearOf(numbers: string[]): string {
  return /〔(\d{4})〕/.exec(numbers[0] ?? '')?.[1] ?? String(new Date().getFullYear());
}
