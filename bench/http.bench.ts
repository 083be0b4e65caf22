import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { call, ROOT, Run, sleep, until } from '../test/faults/harness';
import type { BenchRow } from './bench-result';
import { dropRedisKeys, loadNote, log } from './bench-support';
import { ACTIVE, benchDatabase, benchReplyContent, benchSizes, PASSWORD, sizeLabel } from './data';

/**
 * The HTTP figures: the built API (dist, started as the fault suite starts it, rate limits raised)
 * on a database of each size, each endpoint hit by autocannon for BENCH_DURATION seconds (default
 * 10) over BENCH_CONNECTIONS connections (default 10). Beside each, the ceiling: a bare Node http
 * server with a `pg` Pool of the same size running the very statements the API ran for one warm
 * request of that endpoint, captured from the API's `pg` driver (bench/sql-capture.js), with the
 * same parameters, one after another on one connection (as the API's transactions do).
 */

const GROUP = 'http';
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const POOL_SIZE = 10;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

interface Statement {
  text: string;
  values: unknown[];
  /** The rows it returned, as JSON. */
  rows?: string;
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token?: string;
  body?: unknown;
  /** For a write that must change per request: the draft save. */
  rotate?: DraftRotation;
  note?: string;
}

interface Draft {
  id: string;
  version: number;
}

/** Drafts checked out one at a time, each saved over the version it is at. */
class DraftRotation {
  private readonly free: { id: string; version: number }[];

  constructor(drafts: { id: string; version: number }[]) {
    this.free = [...drafts];
  }

  take() {
    const draft = this.free.shift();
    if (!draft) throw new Error('No free draft: more connections than drafts');
    return draft;
  }

  give(draft: { id: string; version: number }) {
    this.free.push(draft);
  }
}

async function capture(pid: number, file: string, request: () => Promise<unknown>): Promise<Statement[]> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  await sleep(100);
  await request();
  await sleep(100);
  process.kill(pid, 'SIGWINCH');
  await until(async () => existsSync(file), 'the captured SQL', 10_000);
  await sleep(50);
  return JSON.parse(readFileSync(file, 'utf8')) as Statement[];
}

/** Ids an INSERT makes up (a uuid no earlier statement sent or returned), made afresh per replay. */
function freshIds(statements: Statement[]): Set<string> {
  const seen = new Set<string>();
  let returned = '';
  const fresh = new Set<string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  for (const s of statements) {
    for (const v of s.values) {
      if (typeof v !== 'string' || !uuid.test(v)) continue;
      if (/^\s*INSERT/i.test(s.text) && !seen.has(v) && !returned.includes(v)) fresh.add(v);
      seen.add(v);
    }
    returned += s.rows ?? '';
  }
  return fresh;
}

interface CeilingRoute {
  statements: Statement[];
  /** freshIds of the statements. */
  fresh?: Set<string>;
  /** Work the endpoint does in Node that no SQL shows (login's argon2 verification). */
  extra?: () => Promise<void>;
  /** The draft save: the captured reply id and version, replaced by the request's. */
  draft?: { replyId: string; version: number };
}

/** The bare server: POST /<route> runs that route's statements on one pooled connection. */
async function ceilingServer(pool: Pool, routes: Map<string, CeilingRoute>): Promise<{ server: Server; url: string }> {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes.get((req.url ?? '/').slice(1).split('?')[0]);
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const body =
      chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    const replaced = new Map<unknown, unknown>([...(route.fresh ?? [])].map((id) => [id, randomUUID()]));
    // The draft's versions are replaced only in the statements about versions (a 1 elsewhere is something else).
    const versions = new Map<unknown, unknown>();
    if (route.draft) {
      replaced.set(route.draft.replyId, body.replyId);
      versions.set(route.draft.version, body.version);
      versions.set(route.draft.version + 1, Number(body.version) + 1);
    }
    if (route.extra) await route.extra();
    const client = await pool.connect();
    try {
      let last: unknown[] = [];
      for (const s of route.statements) {
        const aboutVersions = /version/i.test(s.text);
        const values = s.values.map((v) =>
          replaced.has(v) ? replaced.get(v) : aboutVersions && versions.has(v) ? versions.get(v) : v,
        );
        last = (await client.query(s.text, values)).rows;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(route.draft ? { version: Number(body.version) + 1 } : last));
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      res.writeHead(500).end(String(error));
    } finally {
      client.release();
    }
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  bad: number;
}

async function hammer(url: string, endpoint: Endpoint, pathOverride?: string, method?: string): Promise<Measured> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (endpoint.token) headers.authorization = `Bearer ${endpoint.token}`;
  const rotate = endpoint.rotate;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    timeout: 120,
    headers,
    requests: [
      {
        method: (method ?? endpoint.method) as 'GET',
        path: pathOverride ?? endpoint.path,
        ...(rotate
          ? {
              setupRequest: (request, context) => {
                const draft = rotate.take();
                (context as { draft?: Draft }).draft = draft;
                return {
                  ...request,
                  path: pathOverride ?? endpoint.path.replace(':id', draft.id),
                  body: JSON.stringify(
                    pathOverride
                      ? { replyId: draft.id, version: draft.version }
                      : { version: draft.version, content: endpoint.body },
                  ),
                };
              },
              onResponse: (status, body, context) => {
                const draft = (context as { draft: Draft }).draft;
                if (status === 200) draft.version = (JSON.parse(body) as { version: number }).version;
                rotate.give(draft);
              },
            }
          : endpoint.body !== undefined
            ? { body: JSON.stringify(endpoint.body) }
            : {}),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bad: result.non2xx + result.errors + result.timeouts,
  };
}

/** Waits until the API has worked off what the last run left queued (a slow endpoint's backlog). */
async function settle(base: string): Promise<void> {
  await until(
    async () => {
      const started = performance.now();
      await fetch(`${base}/health`).catch(() => undefined);
      return performance.now() - started < 200;
    },
    'the API to settle',
    600_000,
  );
  await sleep(500);
}

async function login(base: string, username: string): Promise<string> {
  const answer = await call({ base }, 'POST', '/auth/login', undefined, { username, password: PASSWORD });
  if (answer.status !== 200) throw new Error(`login of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken as string;
}

async function sizeRows(run: Run, size: number): Promise<BenchRow[]> {
  const label = sizeLabel(size);
  const db = await benchDatabase(size, Math.min(ACTIVE, size));
  const captureFile = join(run.logDir, `sql-${label}.json`);
  const env = run.appEnv(db.settings, REDIS_URL, `bench-${label}`, {
    REDIS_PREFIX: `dafu_bench:${run.runId}:${label}`,
    LOGIN_RATE_LIMIT: '1000000000',
    PUBLIC_RATE_LIMIT: '1000000000',
    BENCH_SQL_CAPTURE: captureFile,
    NODE_OPTIONS: `--require ${join(__dirname, 'sql-capture.js')}`,
    PG_POOL_SIZE: String(POOL_SIZE),
  });
  const { managed, base } = await run.startApi(`api-${label}`, env);
  const pool = new Pool({ connectionString: db.settings.url, max: POOL_SIZE });
  const rows: BenchRow[] = [];
  let ceiling: { server: Server; url: string } | undefined;
  try {
    const clerk = await login(base, 'bench_clerk');
    const registrar = await login(base, 'bench_registrar');
    const supervisor = await login(base, 'bench_supervisor');
    const [one] = (
      await pool.query<{ proposal_id: string; assignment_id: string }>(
        `SELECT a.proposal_id, a.id AS assignment_id FROM assignments a JOIN organisations o ON o.id = a.bureau_id
          WHERE o.name = '基准测试局1' AND a.status = 'closed' AND a.role = 'lead' ORDER BY a.id LIMIT 1`,
      )
    ).rows;
    const drafts = (
      await pool.query<{ id: string; version: number }>(
        `SELECT r.id, r.version FROM replies r JOIN organisations o ON o.id = r.bureau_id
          WHERE o.name = '基准测试局1' AND r.status = 'drafting' ORDER BY r.id`,
      )
    ).rows;
    // Half the drafts for the API, half for the ceiling, so neither saves over the other's version.
    const half = Math.floor(drafts.length / 2);
    const apiDrafts = new DraftRotation(drafts.slice(0, half));
    const ceilingDrafts = new DraftRotation(drafts.slice(half));
    const content = benchReplyContent();
    const endpoints: Endpoint[] = [
      {
        name: 'login (argon2id)',
        method: 'POST',
        path: '/auth/login',
        body: { username: 'bench_clerk', password: PASSWORD },
      },
      { name: "clerk's assignment list (open)", method: 'GET', path: '/assignments?open=true', token: clerk },
      { name: 'proposal detail', method: 'GET', path: `/proposals/${one.proposal_id}`, token: clerk },
      { name: 'assignment timeline', method: 'GET', path: `/assignments/${one.assignment_id}/timeline`, token: clerk },
      {
        name: 'draft save',
        method: 'PUT',
        path: '/replies/:id/draft',
        token: clerk,
        body: content,
        rotate: apiDrafts,
        note: `${half} drafts in rotation`,
      },
      { name: 'search q=养老', method: 'GET', path: `/search?q=${encodeURIComponent('养老')}`, token: registrar },
      {
        name: 'supervision statistics, all sessions',
        method: 'GET',
        path: '/supervision/statistics',
        token: supervisor,
      },
      { name: 'public feed, page 1', method: 'GET', path: '/public/replies', note: 'served from the Redis cache' },
    ];
    const filter = process.env.BENCH_ENDPOINTS?.split(',');
    const routes = new Map<string, CeilingRoute>();
    const hash = (
      await pool.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'bench_clerk'`)
    ).rows[0].password_hash;
    const chosen = endpoints.filter((e) => !filter || filter.some((f) => e.name.includes(f)));
    ceiling = await ceilingServer(pool, routes);
    const bareUrl = ceiling.url;
    // Each endpoint in turn: a warm request, one captured, then the API and the ceiling hammered
    // (the warm request just before, so a cache with a TTL is as warm as it would be in use).
    const measureEndpoint = async (i: number, endpoint: Endpoint) => {
      const request = async () => {
        const draft = endpoint.rotate ? endpoint.rotate.take() : undefined;
        const answer = await call(
          { base },
          endpoint.method,
          draft ? endpoint.path.replace(':id', draft.id) : endpoint.path,
          endpoint.token,
          draft ? { version: draft.version, content: endpoint.body } : endpoint.body,
        );
        if (answer.status >= 300) throw new Error(`${endpoint.name}: ${answer.status} ${JSON.stringify(answer.body)}`);
        if (draft) {
          draft.version = answer.body.version as number;
          endpoint.rotate?.give(draft);
        }
      };
      await request(); // warm: caches filled, statements prepared
      const captured = await capture(managed.child.pid as number, captureFile, request);
      const route: CeilingRoute = { statements: captured, fresh: freshIds(captured) };
      if (endpoint.name.startsWith('login')) route.extra = async () => void (await argon2.verify(hash, PASSWORD));
      if (endpoint.rotate) {
        // The capture saved the draft that was next in line; its id and version are in the statements.
        const replyId = captured.flatMap((s) => s.values).find((v) => drafts.some((d) => d.id === v)) as string;
        const version = Number(
          captured
            .find((s) => /INSERT INTO "?reply_versions"?/i.test(s.text))
            ?.values.find((v) => typeof v === 'number'),
        );
        route.draft = { replyId, version: version - 1 };
      }
      routes.set(`r${i}`, route);
      log(`  ${label} ${endpoint.name}: ${route.statements.length} statements`);
      if (process.env.BENCH_SHOW_SQL === '1') {
        for (const s of route.statements) log(`      ${s.text.replace(/\s+/g, ' ').slice(0, 160)}`);
      }
      await settle(base);
      const api = await hammer(base, endpoint);
      await settle(base);
      const bare = await hammer(
        bareUrl,
        endpoint.rotate ? { ...endpoint, rotate: ceilingDrafts } : { ...endpoint, token: undefined },
        `/r${i}`,
        'POST',
      );
      const ratio = bare.rps > 0 ? Math.round((api.rps / bare.rps) * 100) / 100 : 0;
      log(
        `    api ${api.rps} req/s p50 ${api.p50} p99 ${api.p99} (bad ${api.bad}); ceiling ${bare.rps} req/s p50 ${bare.p50} p99 ${bare.p99} (bad ${bare.bad}); ratio ${ratio}`,
      );
      const flag = (m: Measured) =>
        m.requests === 0
          ? `**no request completed within ${DURATION} s**; `
          : m.bad > 0
            ? `**${m.bad} non-2xx/errors of ${m.requests}**; `
            : '';
      rows.push(
        {
          group: GROUP,
          name: endpoint.name,
          size,
          samples: api.requests,
          rps: api.rps,
          p50Ms: api.p50,
          p99Ms: api.p99,
          ceilingRps: bare.rps,
          ratio,
          note: `${flag(api)}${route.statements.length} SQL statements; ${endpoint.note ? `${endpoint.note}; ` : ''}${loadNote()}`,
        },
        {
          group: `${GROUP} ceiling`,
          name: `${endpoint.name}: bare node + pg, same SQL`,
          size,
          samples: bare.requests,
          rps: bare.rps,
          p50Ms: bare.p50,
          p99Ms: bare.p99,
          note: `${flag(bare)}API/ceiling ${ratio}${endpoint.name.startsWith('login') ? '; with argon2.verify' : ''}`,
        },
      );
    };
    for (const [i, endpoint] of chosen.entries()) {
      try {
        await measureEndpoint(i, endpoint);
      } catch (error) {
        // One endpoint that cannot be measured (a request slower than the timeout) is a finding, not the end.
        log(`    ${endpoint.name} failed: ${String(error)}`);
        rows.push({
          group: GROUP,
          name: endpoint.name,
          size,
          samples: 0,
          p50Ms: Number.NaN,
          p99Ms: Number.NaN,
          note: `**not measured: ${String(error).slice(0, 200)}**; ${loadNote()}`,
        });
      }
    }
  } finally {
    if (ceiling) await new Promise<void>((resolve) => ceiling?.server.close(() => resolve()));
    await pool.end();
    await run.kill(managed);
  }
  return rows;
}

export async function run(): Promise<BenchRow[]> {
  if (process.env.BENCH_SKIP_BUILD !== '1') {
    log('  npx nest build api');
    execFileSync('npx', ['nest', 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
  }
  const run = new Run();
  run.logDir = await mkdtemp(join(tmpdir(), 'dafu-bench-logs-'));
  run.storageRoot = await mkdtemp(join(tmpdir(), 'dafu-bench-storage-'));
  const rows: BenchRow[] = [];
  try {
    for (const size of benchSizes()) rows.push(...(await sizeRows(run, size)));
  } finally {
    await run.cleanup(process.env.BENCH_KEEP_LOGS === '1');
    await dropRedisKeys(REDIS_URL, `dafu_bench:${run.runId}:`);
  }
  return rows;
}
