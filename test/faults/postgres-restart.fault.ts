import { performance } from 'node:perf_hooks';
import type { Client } from 'pg';
import { completeContent } from '@dafu/testing/replies';
import {
  type Api,
  call,
  type Fault,
  type FaultResult,
  type HttpAnswer,
  newBureau,
  repliesAwaitingSignOff,
  Run,
  say,
  seriesProblems,
  sleep,
  sql,
  startedReplies,
  until,
} from './harness';
import { rollupFigure, statisticsRollupCheck } from './statistics-check';

const SIGN_OFFS = 24;
const DRAFTS = 6;
const READERS = 2;
const SIGNERS = 2;
const BEFORE_MS = 4000;
const OUTAGE_MS = 4000;
const AFTER_MS = 4000;
/** How long after PostgreSQL is back the API may take to answer normally again. */
const RECOVERY_BOUND_MS = 15_000;
/** Requests already in flight when the API recovered may still fail; those started later may not. */
const GRACE_MS = 1000;

type Kind = 'save' | 'sign-off' | 'read' | 'health';

interface Attempt {
  kind: Kind;
  replyId?: string;
  /** The version a save was made on. */
  version?: number;
  startedAt: number;
  endedAt: number;
  status: number;
  code?: string;
  body: HttpAnswer['body'];
}

/**
 * PostgreSQL stopped (fast shutdown) and started again under a steady load: draft saves, sign-offs
 * and reads with 10 requests in flight, on an API and a worker attached to a private PostgreSQL
 * server of this fault's own (the shared one is never stopped). While the server is away every
 * failing answer must be 503 DATABASE_UNAVAILABLE (and /health 503); once it is back the same API
 * process must answer normally within a bound; and no request may be half-applied: each save
 * answered 200 is one reply version and one `reply.saved` audit event, each sign-off answered 200
 * one 文号, one audit event and one `reply.signed` outbox row, and a refused request none of these.
 */
export const postgresRestartedUnderLoad: Fault = {
  name: 'postgres restarted under load',
  async run(run: Run): Promise<FaultResult> {
    const label = 'pgrestart';
    const postgres = await run.startPostgres('pgrestart-postgres');
    try {
      const { settings } = await run.newDatabase(label, postgres.server);
      const redis = await run.startRedis('pgrestart-redis');
      const env = run.appEnv(settings, redis.url, label);
      const api = await run.startApi('pgrestart-api', env);
      const worker = run.startWorker('pgrestart-worker', env);
      try {
        // The setup's own connection would die with the server: it is closed before the outage.
        const setup = await sql(settings);
        setup.on('error', () => undefined);
        const bureau = await newBureau(setup, api);
        const signing = await repliesAwaitingSignOff([api], bureau, SIGN_OFFS);
        const drafts = await startedReplies(
          [api],
          bureau,
          Array.from({ length: DRAFTS }, (_, i) => 1001 + i),
        );
        await setup.end();

        const load = new Load(api, bureau.clerk, bureau.signatory);
        const loops = load.start(
          drafts.map((d) => ({ replyId: d.replyId, content: completeContent(d.content) })),
          signing,
        );
        await sleep(BEFORE_MS);
        const stopAt = performance.now();
        await postgres.stop('fast');
        const downAt = performance.now();
        await sleep(OUTAGE_MS);
        const startAt = performance.now();
        await postgres.start();
        const upAt = performance.now();
        const recoveredAt = await until(
          async () => load.attempts.find((a) => a.kind === 'save' && a.status === 200 && a.startedAt >= upAt)?.endedAt,
          'a draft save answered 200 after PostgreSQL returned',
          RECOVERY_BOUND_MS,
        ).catch(() => NaN);
        await sleep(AFTER_MS);
        load.stop();
        await loops;
        say(
          `  stopped in ${ms(downAt - stopAt)}, down ${ms(startAt - downAt)}, started in ${ms(upAt - startAt)}, ` +
            `API answered again ${ms(recoveredAt - upAt)} after`,
        );

        const problems: string[] = [];
        if (Number.isNaN(recoveredAt))
          problems.push(`the API did not save a draft within ${RECOVERY_BOUND_MS / 1000} s of PostgreSQL's return`);
        for (const child of [api.managed, worker])
          if (child.child.exitCode !== null || child.child.signalCode !== null)
            problems.push(`${child.name} exited (${child.child.exitCode ?? child.child.signalCode})`);

        // Every refusal is 503 DATABASE_UNAVAILABLE, and only while the server is away.
        const normalAgainAt = recoveredAt + GRACE_MS;
        const requests = load.attempts.filter((a) => a.kind !== 'health');
        const failed = requests.filter((a) => a.status < 200 || a.status >= 300);
        const unavailable = failed.filter((a) => a.status === 503 && a.code === 'DATABASE_UNAVAILABLE');
        const other = failed.filter((a) => !unavailable.includes(a));
        if (other.length) problems.push(`${other.length} requests failed otherwise than 503: ${tally(other)}`);
        const outside = unavailable.filter((a) => a.endedAt < stopAt || a.startedAt > normalAgainAt);
        if (outside.length) problems.push(`${outside.length} answers 503 with PostgreSQL up: ${tally(outside)}`);
        const worded = unavailable.filter((a) => {
          const messages = a.body.messages as { zh?: string; en?: string } | undefined;
          return /[\u4e00-\u9fff]/.test(messages?.zh ?? '') && /^[A-Z]/.test(messages?.en ?? '');
        });
        if (worded.length !== unavailable.length)
          problems.push(`${unavailable.length - worded.length} 503 answers without a Chinese and English message`);
        if (!unavailable.length) problems.push('no request was refused: the outage was not under load');

        // /health: 503 while the server is away, 200 once the API answers again.
        const health = load.attempts.filter((a) => a.kind === 'health');
        const healthDown = health.filter((a) => a.startedAt >= downAt && a.endedAt <= startAt);
        const healthWrong = [
          ...new Set([
            ...healthDown.filter((a) => a.status !== 503 || a.code !== 'SERVICE_UNAVAILABLE'),
            ...health.filter((a) => (a.endedAt < stopAt || a.startedAt > normalAgainAt) && a.status !== 200),
            ...health.filter((a) => a.status !== 200 && a.status !== 503),
          ]),
        ];
        if (!healthDown.length) problems.push('/health was not asked while PostgreSQL was down');
        if (healthWrong.length) problems.push(`${healthWrong.length} wrong /health answers: ${tally(healthWrong)}`);

        // Nothing half-applied: the database holds exactly what was answered 2xx.
        const db = await sql(settings);
        try {
          const halves = [
            ...(await savesProblems(
              db,
              load.attempts,
              drafts.map((d) => d.replyId),
            )),
            ...(await signOffProblems(db, load.attempts, signing)),
            ...(await seriesProblems(db, bureau, SIGN_OFFS)),
          ];
          problems.push(...halves);
          const relayed = await until(
            async () =>
              Number(
                (
                  await db.query<{ n: string }>(
                    `SELECT count(*) AS n FROM outbox_events WHERE published_at IS NULL AND event_name = 'reply.signed'`,
                  )
                ).rows[0].n,
              ) === 0,
            'the worker to relay every reply.signed row',
            60_000,
          ).catch((error: Error) => problems.push(error.message));
          const rollup = await statisticsRollupCheck(db);
          problems.push(...rollup.problems);

          const count = (kind: Kind, ok?: boolean) =>
            load.attempts.filter(
              (a) => a.kind === kind && (ok === undefined || (a.status >= 200 && a.status < 300) === ok),
            ).length;
          return {
            name: this.name,
            figure:
              `${requests.length} requests (${count('save')} draft saves, ${count('sign-off')} sign-offs, ` +
              `${count('read')} reads, 10 in flight); PostgreSQL down ${((startAt - downAt) / 1000).toFixed(1)} s: ` +
              `${unavailable.length} answered 503 DATABASE_UNAVAILABLE, ${other.length} other failures, ` +
              `/health 503 ×${healthDown.filter((a) => a.status === 503).length}; ` +
              `the same API answered again ${ms(recoveredAt - upAt)} after PostgreSQL was back; ` +
              `${halves.length ? halves.length : 'no'} half-applied (${count('save', true)} saves, ` +
              `${count('sign-off', true)}/${SIGN_OFFS} sign-offs checked)` +
              (relayed === true ? '; the worker relayed every sign-off' : '') +
              `; ${rollupFigure(rollup)}`,
            problems,
          };
        } finally {
          await db.end();
        }
      } finally {
        await run.kill(worker);
        await run.kill(api.managed);
        await run.kill(redis.managed);
      }
    } finally {
      await run.removePostgres(postgres);
    }
  },
};

/** The load: one loop per draft saving it again and again, sign-off loops on a queue, readers, and /health. */
class Load {
  readonly attempts: Attempt[] = [];
  private stopping = false;

  constructor(
    private readonly api: Api,
    private readonly clerk: string,
    private readonly signatory: string,
  ) {}

  stop() {
    this.stopping = true;
  }

  start(drafts: { replyId: string; content: Record<string, unknown> }[], signing: string[]): Promise<unknown> {
    const queue = [...signing];
    const all = [...signing, ...drafts.map((d) => d.replyId)];
    return Promise.all([
      ...drafts.map((draft) => this.saves(draft.replyId, draft.content)),
      ...Array.from({ length: SIGNERS }, () => this.signOffs(queue)),
      ...Array.from({ length: READERS }, () => this.reads(all)),
      this.health(),
    ]);
  }

  private async attempt(
    kind: Kind,
    request: () => Promise<HttpAnswer>,
    replyId?: string,
    version?: number,
  ): Promise<Attempt> {
    const startedAt = performance.now();
    const answer = await request().catch((error: unknown): HttpAnswer => ({
      status: 0,
      body: { error: String(error) },
    }));
    const attempt = {
      kind,
      replyId,
      version,
      startedAt,
      endedAt: performance.now(),
      status: answer.status,
      code: answer.body.code as string | undefined,
      body: answer.body,
    };
    this.attempts.push(attempt);
    return attempt;
  }

  /** Saves one draft on top of the version last answered; a conflict (a "failed" save that was applied) is counted and followed. */
  private async saves(replyId: string, content: Record<string, unknown>) {
    let version = 1;
    while (!this.stopping) {
      const answer = await this.attempt(
        'save',
        () => call(this.api, 'PUT', `/replies/${replyId}/draft`, this.clerk, { version, content }),
        replyId,
        version,
      );
      if (answer.status === 200) version = answer.body.version as number;
      const current = (answer.body.details as { currentVersion?: number } | undefined)?.currentVersion;
      if (answer.code === 'REPLY_VERSION_CONFLICT' && current) version = current;
      await sleep(answer.status === 200 ? 50 : 200);
    }
  }

  /** Signs the queue's replies off at a steady pace, putting a refused one back for later; ends once all are signed. */
  private async signOffs(queue: string[]) {
    const deadline = performance.now() + 120_000;
    while (performance.now() < deadline) {
      const replyId = queue.shift();
      if (!replyId) {
        if (this.stopping) return;
        await sleep(200);
        continue;
      }
      const answer = await this.attempt(
        'sign-off',
        () => call(this.api, 'POST', `/replies/${replyId}/sign-off`, this.signatory, { version: 2 }),
        replyId,
      );
      if (answer.status === 503 || answer.status === 0) queue.push(replyId);
      await sleep(answer.status === 200 ? 600 : 200);
    }
  }

  private async reads(replyIds: string[]) {
    while (!this.stopping) {
      const replyId = replyIds[Math.floor(Math.random() * replyIds.length)];
      await this.attempt('read', () => call(this.api, 'GET', `/replies/${replyId}`, this.clerk), replyId);
      await sleep(100);
    }
  }

  private async health() {
    while (!this.stopping) {
      await this.attempt('health', () => call(this.api, 'GET', '/health'));
      await sleep(250);
    }
  }
}

/**
 * Each draft's versions after the first, its `reply.saved` audit events and the versions answered
 * 200 must be the same list: a save refused but applied, or answered but lost, shows here.
 */
async function savesProblems(db: Client, attempts: Attempt[], replyIds: string[]): Promise<string[]> {
  let extra = 0;
  let lost = 0;
  let audit = 0;
  for (const replyId of replyIds) {
    const answered = attempts
      .filter((a) => a.kind === 'save' && a.replyId === replyId && a.status === 200)
      .map((a) => Number(a.body.version))
      .sort((a, b) => a - b);
    const { rows: versions } = await db.query<{ number: number }>(
      `SELECT number FROM reply_versions WHERE reply_id = $1 AND number > 1 ORDER BY number`,
      [replyId],
    );
    const { rows: events } = await db.query<{ version: string }>(
      `SELECT data->>'version' AS version FROM audit_events WHERE entity_id = $1 AND action = 'reply.saved'
       ORDER BY (data->>'version')::int`,
      [replyId],
    );
    const stored = versions.map((v) => Number(v.number));
    for (const v of stored.filter((n) => !answered.includes(n))) {
      extra += 1;
      const refused = attempts.filter(
        (a) => a.kind === 'save' && a.replyId === replyId && a.status !== 200 && Number(a.version) === v - 1,
      );
      say(
        `  version ${v} of ${replyId} stored, its save answered ${refused.map((a) => `${a.status} ${a.code ?? ''}`)}`,
      );
    }
    lost += answered.filter((v) => !stored.includes(v)).length;
    if (events.map((e) => Number(e.version)).join() !== stored.join()) audit += 1;
  }
  const problems: string[] = [];
  if (extra) problems.push(`${extra} reply versions stored for saves that were not answered 200`);
  if (lost) problems.push(`${lost} saves answered 200 without their version`);
  if (audit) problems.push(`${audit} drafts whose reply.saved audit events differ from their versions`);
  return problems;
}

/** Each reply signed off exactly when a sign-off was answered 200: one 文号, one audit event, one outbox row. */
async function signOffProblems(db: Client, attempts: Attempt[], replyIds: string[]): Promise<string[]> {
  const signed = new Set(
    attempts.filter((a) => a.kind === 'sign-off' && a.status === 200).map((a) => a.replyId as string),
  );
  const { rows } = await db.query<{ id: string; numbered: boolean; events: string; outbox: string }>(
    `SELECT r.id, r.document_number IS NOT NULL AS numbered,
       (SELECT count(*) FROM audit_events a WHERE a.entity_id = r.id AND a.action = 'reply.sign_off') AS events,
       (SELECT count(*) FROM outbox_events o WHERE o.aggregate_id = r.id AND o.event_name = 'reply.signed') AS outbox
     FROM replies r WHERE r.id = ANY($1)`,
    [replyIds],
  );
  const problems: string[] = [];
  const neverSigned = replyIds.filter((id) => !signed.has(id)).length;
  if (neverSigned) problems.push(`${neverSigned} replies never signed off (still refused after PostgreSQL returned)`);
  const half = rows.filter((r) => {
    const expected = signed.has(r.id) ? 1 : 0;
    return r.numbered !== signed.has(r.id) || Number(r.events) !== expected || Number(r.outbox) !== expected;
  });
  if (half.length)
    problems.push(
      `${half.length} replies whose 文号, sign-off audit event and reply.signed row disagree with the answers`,
    );
  return problems;
}

function tally(attempts: Attempt[]): string {
  const byKey = new Map<string, number>();
  for (const a of attempts) {
    const key = `${a.kind} ${a.status} ${a.code ?? String(a.body.error ?? '').slice(0, 80)}`.trim();
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }
  return [...byKey].map(([key, n]) => `${n}× ${key}`).join(', ');
}

function ms(value: number): string {
  return Number.isNaN(value) ? '—' : `${(value / 1000).toFixed(1)} s`;
}
