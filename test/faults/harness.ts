import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import type { DatabaseSettings } from '@dafu/platform/config/dafu-config';
import { completeContent } from '@dafu/testing/replies';
import {
  createEmptyDatabase,
  dropDatabasesOfRun,
  migrate,
  newRunId,
  templateDatabaseName,
} from '@dafu/testing/test-database';

/**
 * The fault suite's plumbing: the built API and worker as child processes, private Redis servers,
 * a database per fault cloned from one migrated template on the shared PostgreSQL (or migrated on
 * a private PostgreSQL server, for a fault that stops it), and cleanup that runs whatever happens.
 * Nothing here stops or restarts a shared service.
 */

export const ROOT = join(__dirname, '../..');
export const PASSWORD = 'Fault-password-2026';

export function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` gives something truthy. */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/** A TCP port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `work` on `items` with at most `limit` in flight. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index], index);
      }
    }),
  );
  return results;
}

const FANDOL = '/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol';
const NOTO = '/usr/share/fonts/opentype/noto';

/**
 * The letters' Debian faces; where Fandol (texlive-lang-chinese) is missing, Noto Serif CJK
 * stands in for FangSong and Kai so the worker can still render (the layout is not under test here).
 */
function letterFontEnv(): Record<string, string> {
  if (existsSync(`${FANDOL}/FandolFang-Regular.otf`)) return {};
  const serif = `${NOTO}/NotoSerifCJK-Regular.ttc`;
  if (!existsSync(serif)) return {};
  return { LETTER_FONT_BODY: `Noto Serif CJK SC=${serif}`, LETTER_FONT_KAI: `Noto Serif CJK SC=${serif}` };
}

export interface Managed {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** PostgreSQL's programs: DAFU_FAULTS_PG_BIN, or the newest Debian install under /usr/lib/postgresql. */
function pgBin(): string {
  if (process.env.DAFU_FAULTS_PG_BIN) return process.env.DAFU_FAULTS_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`no initdb under ${root}: install PostgreSQL or set DAFU_FAULTS_PG_BIN`);
  return join(root, newest, 'bin');
}

/** The command line for a PostgreSQL tool: as the postgres user when we are root (initdb and postgres refuse root). */
function pgCommand(tool: string, args: string[]): [string, string[]] {
  const command = join(pgBin(), tool);
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function pgTool(tool: string, args: string[], timeoutMs = 120_000): Promise<string> {
  const [file, argv] = pgCommand(tool, args);
  return new Promise((resolve, reject) =>
    execFile(file, argv, { timeout: timeoutMs }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${tool} ${args[args.length - 1]}: ${stderr.trim() || error.message}`))
        : resolve(stdout),
    ),
  );
}

/** uid and gid of the postgres account, which must own a private server's directory when we are root. */
function postgresAccount(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root, but there is no postgres account to run a private PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A PostgreSQL server of one fault's own, in a temporary directory on a free port (trust auth, its
 * socket in that directory, fsync off), which the fault may stop and start as it likes.
 */
export class PrivatePostgres {
  /** The server's `postgres` database; `withDatabase` points it elsewhere. */
  readonly server: DatabaseSettings;
  constructor(
    readonly name: string,
    readonly dir: string,
    readonly port: number,
  ) {
    this.server = { url: `postgres://postgres@127.0.0.1:${port}/postgres` };
  }

  get dataDir() {
    return join(this.dir, 'data');
  }

  get logFile() {
    return join(this.dir, 'postgres.log');
  }

  async init(): Promise<void> {
    await pgTool('initdb', ['-D', this.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  }

  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c full_page_writes=off',
      '-c shared_buffers=32MB',
    ].join(' ');
    await pgTool('pg_ctl', ['-D', this.dataDir, '-l', this.logFile, '-o', options, '-w', '-t', '60', 'start']);
  }

  /** `fast` ends every session at once (their transactions roll back) and shuts down cleanly. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await pgTool('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** For cleanup: stops the server if it may be running, and never throws. */
  async stopQuietly(): Promise<void> {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    await this.stop('immediate').catch((error: unknown) => say(`could not stop ${this.name}: ${String(error)}`));
  }

  /** Synchronous, for a signal: at least the server does not outlive the run. */
  stopNow(): void {
    if (!existsSync(join(this.dataDir, 'postmaster.pid'))) return;
    const [file, argv] = pgCommand('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']);
    spawnSync(file, argv, { stdio: 'ignore', timeout: 30_000 });
  }
}

/** Everything the run started, so that it can all be stopped on any exit. */
export class Run {
  readonly runId = newRunId();
  private readonly children = new Set<Managed>();
  private readonly postgresServers = new Set<PrivatePostgres>();
  private templateName?: string;
  private cleaned = false;
  logDir = '';
  storageRoot = '';

  async start(): Promise<void> {
    this.logDir = await mkdtemp(join(tmpdir(), 'dafu-faults-logs-'));
    this.storageRoot = await mkdtemp(join(tmpdir(), 'dafu-faults-storage-'));
    // Migrate once; each fault clones the template (the name carries "test" and the run id, so the
    // test suite's guard and its stale-database sweep both apply).
    this.templateName = `${templateDatabaseName(this.runId)}_faults`;
    await migrate(await createEmptyDatabase(this.templateName));
  }

  /**
   * A fresh migrated database for one fault: cloned from the run's template on the shared server,
   * or, on another `server` (a private PostgreSQL), created and migrated there.
   */
  async newDatabase(label: string, server?: DatabaseSettings): Promise<{ name: string; settings: DatabaseSettings }> {
    const name = `dafu_test_${this.runId}_faults_${label}`;
    if (!server) return { name, settings: await createEmptyDatabase(name, this.templateName) };
    const settings = await createEmptyDatabase(name, 'template0', server);
    await migrate(settings);
    return { name, settings };
  }

  /**
   * A private PostgreSQL server, started. The run stops it and removes its directory at cleanup,
   * whatever happened; its log is copied to the run's logs first.
   */
  async startPostgres(name: string): Promise<PrivatePostgres> {
    const dir = await mkdtemp(join(tmpdir(), 'dafu-faults-pg-'));
    const account = postgresAccount();
    if (account) await chown(dir, account.uid, account.gid);
    const postgres = new PrivatePostgres(name, dir, await freePort());
    this.postgresServers.add(postgres);
    await postgres.init();
    await postgres.start();
    return postgres;
  }

  /** Stops a private PostgreSQL for good and removes its directory (also done at cleanup). */
  async removePostgres(postgres: PrivatePostgres): Promise<void> {
    if (!this.postgresServers.delete(postgres)) return;
    await postgres.stopQuietly();
    if (existsSync(postgres.logFile))
      await copyFile(postgres.logFile, join(this.logDir, `${postgres.name}.log`)).catch(() => undefined);
    await rm(postgres.dir, { recursive: true, force: true });
  }

  spawn(name: string, args: string[], env: Record<string, string>): Managed {
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    const child = spawn(args[0], args.slice(1), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const managed: Managed = {
      name,
      child,
      exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
    };
    this.children.add(managed);
    void managed.exited.then(() => this.children.delete(managed));
    return managed;
  }

  async kill(managed: Managed, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (managed.child.exitCode !== null || managed.child.signalCode !== null) return;
    managed.child.kill(signal);
    const timer = setTimeout(() => managed.child.kill('SIGKILL'), graceMs);
    await managed.exited;
    clearTimeout(timer);
  }

  /** A private Redis, so that stopping it touches no one else. Durable (AOF, fsync always) as BullMQ asks. */
  async startRedis(name: string, port?: number): Promise<{ managed: Managed; port: number; url: string }> {
    const chosen = port ?? (await freePort());
    const dir = join(this.logDir, `${name}-data`);
    await mkdir(dir, { recursive: true });
    const managed = this.spawn(
      name,
      [
        'redis-server',
        '--port',
        String(chosen),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--dir',
        dir,
      ],
      {},
    );
    const url = `redis://127.0.0.1:${chosen}`;
    await until(
      async () => {
        if (managed.child.exitCode !== null) throw new Error(`${name} exited; see ${this.logDir}/${name}.log`);
        return (await tcpOpen(chosen)) ? true : null;
      },
      `${name} to listen`,
      10_000,
    );
    return { managed, port: chosen, url };
  }

  /** Environment both apps read, for one fault's database and Redis. */
  appEnv(settings: DatabaseSettings, redisUrl: string, label: string, extra: Record<string, string> = {}) {
    return {
      NODE_ENV: 'production',
      DATABASE_URL: settings.url as string,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: `dafu_faults:${this.runId}:${label}`,
      JWT_ACCESS_SECRET: 'faults-access-secret-0123456789abcdef0123456789',
      JWT_REFRESH_SECRET: 'faults-refresh-secret-0123456789abcdef012345678',
      SIGNING_KEY_SECRET: 'faults-signing-key-secret-0123456789abcdef0123',
      ARGON2_MEMORY_KIB: '19456',
      LOG_LEVEL: 'warn',
      SWAGGER_ENABLED: 'false',
      TIMEZONE: 'Asia/Shanghai',
      STORAGE_DIR: join(this.storageRoot, label),
      SMTP_URL: '',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      QUIET_HOURS: '00:00-00:00',
      ...letterFontEnv(),
      ...extra,
    };
  }

  /** The built API (dist) on a free port; resolves once /health answers. */
  async startApi(name: string, env: Record<string, string>): Promise<{ managed: Managed; base: string }> {
    const port = await freePort();
    const managed = this.spawn(name, [process.execPath, join(ROOT, 'dist/apps/api/main.js')], {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
    });
    const base = `http://127.0.0.1:${port}`;
    await until(
      async () => {
        if (managed.child.exitCode !== null) throw new Error(`${name} exited; see ${this.logDir}/${name}.log`);
        try {
          return (await fetch(`${base}/health`)).ok;
        } catch {
          return false;
        }
      },
      `${name} to answer /health`,
      60_000,
    );
    return { managed, base };
  }

  /** The built worker (dist); it has no HTTP server, so the caller waits on what it does. */
  startWorker(name: string, env: Record<string, string>): Managed {
    return this.spawn(name, [process.execPath, join(ROOT, 'dist/apps/worker/main.js')], env);
  }

  /** Files under one fault's storage directory. */
  async storedFiles(label: string): Promise<string[]> {
    const dir = join(this.storageRoot, label);
    if (!existsSync(dir)) return [];
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  }

  /**
   * Stops every child and private PostgreSQL, drops every database of the run, removes the
   * temporary directories. Idempotent.
   */
  async cleanup(keepLogs: boolean): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await Promise.all([...this.children].map((managed) => this.kill(managed, 'SIGKILL', 1000)));
    for (const postgres of [...this.postgresServers]) await this.removePostgres(postgres);
    try {
      await dropDatabasesOfRun(this.runId);
    } catch (error) {
      say(`could not drop the databases of run ${this.runId}: ${String(error)}`);
    }
    await rm(this.storageRoot, { recursive: true, force: true });
    if (!keepLogs) await rm(this.logDir, { recursive: true, force: true });
  }

  /** Synchronous last resort for a signal or an uncaught error: at least no process is left. */
  killAllNow(): void {
    for (const managed of this.children) managed.child.kill('SIGKILL');
    for (const postgres of this.postgresServers) postgres.stopNow();
  }
}

function tcpOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A client on one fault's database, for setup the API has no endpoint for and for the checks. */
export async function sql(settings: DatabaseSettings): Promise<Client> {
  const client = new Client({ connectionString: settings.url });
  await client.connect();
  return client;
}

export interface Api {
  base: string;
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown> & { code?: string };
}

export async function call(
  api: Api,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<HttpAnswer> {
  const response = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A request that hangs (waiting on a dead Redis, say) is a failure, not a stuck run.
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new Error(`${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
}

async function expectStatus(answer: Promise<HttpAnswer>, status: number, what: string) {
  const got = await answer;
  if (got.status !== status) throw new Error(`${what}: ${got.status} ${JSON.stringify(got.body).slice(0, 300)}`);
  return got.body;
}

export interface Bureau {
  bureauId: string;
  prefix: string;
  registrar: string;
  clerk: string;
  signatory: string;
  sessionId: string;
}

/**
 * A committee with a registrar and a bureau with a clerk and a signatory (inserted directly:
 * there is no admin yet to make them), logged in through the API, with a session and no review
 * steps, so a submitted reply waits for sign-off at once. Its 文号 prefix is new, so its series starts at 1.
 */
export async function newBureau(db: Client, api: Api): Promise<Bureau> {
  const tag = randomBytes(3).toString('hex');
  const prefix = `故障${tag}文`;
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456 });
  const org = async (name: string, kind: string, documentPrefix: string | null) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO organisations (name, kind, document_number_prefix) VALUES ($1, $2, $3) RETURNING id`,
        [name, kind, documentPrefix],
      )
    ).rows[0].id;
  const user = async (role: string, organisationId: string) => {
    const username = `${role}_${tag}`;
    await db.query(
      `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
       VALUES ($1, $2, $3, ARRAY[$4]::user_role[], $5)`,
      [username, `故障${role}`, organisationId, role, hash],
    );
    const login = await expectStatus(
      call(api, 'POST', '/auth/login', undefined, { username, password: PASSWORD }),
      200,
      `login of ${username}`,
    );
    return login.accessToken as string;
  };
  const committeeId = await org(`故障政协提案委${tag}`, 'cppcc_committee', null);
  const bureauId = await org(`故障测试局${tag}`, 'bureau', prefix);
  const registrar = await user('registrar', committeeId);
  const clerk = await user('clerk', bureauId);
  const signatory = await user('signatory', bureauId);
  await expectStatus(
    call(api, 'PUT', `/bureaus/${bureauId}/review-chain`, signatory, { steps: [] }),
    200,
    'emptying the review chain',
  );
  const session = await expectStatus(
    call(api, 'POST', '/sessions', registrar, {
      body: 'cppcc',
      term: 1 + Math.floor(Math.random() * 98),
      sitting: 1 + Math.floor(Math.random() * 19),
      year: 2023,
    }),
    201,
    'creating the session',
  );
  return { bureauId, prefix, registrar, clerk, signatory, sessionId: session.id as string };
}

export interface StartedReply {
  replyId: string;
  /** The template's content of version 1, which `completeContent` fills in. */
  content: Record<string, unknown>;
}

/**
 * Replies started as draftedReply starts them, one per proposal number: proposal, lead
 * assignment, acknowledgement, reply started (version 1, status drafting). Spread over the given
 * APIs, `parallel` at a time.
 */
export async function startedReplies(
  apis: readonly Api[],
  bureau: Bureau,
  numbers: readonly number[],
  parallel = 12,
): Promise<StartedReply[]> {
  return inParallel(numbers, parallel, async (number, i) => {
    const api = apis[i % apis.length];
    const proposal = await expectStatus(
      call(api, 'POST', '/proposals', bureau.registrar, {
        sessionId: bureau.sessionId,
        number,
        title: `关于故障测试第${number}号的提案`,
        proposers: [{ name: '张三' }],
      }),
      201,
      'creating a proposal',
    );
    const [assignment] = (await expectStatus(
      call(api, 'POST', `/proposals/${proposal.id as string}/assignments`, bureau.registrar, {
        assignments: [{ bureauId: bureau.bureauId, role: 'lead' }],
        assignedOn: '2023-03-01',
      }),
      201,
      'assigning',
    )) as unknown as { id: string }[];
    await expectStatus(
      call(api, 'POST', `/assignments/${assignment.id}/acknowledge`, bureau.clerk),
      200,
      'acknowledging',
    );
    const started = await expectStatus(
      call(api, 'POST', `/assignments/${assignment.id}/replies`, bureau.clerk),
      201,
      'starting the reply',
    );
    return { replyId: started.id as string, content: started.content as Record<string, unknown> };
  });
}

/**
 * `count` replies waiting for sign-off (version 2), made through the API as draftedReply makes
 * them: started (proposals 1..count), completed draft, submission. Spread over the given APIs,
 * `parallel` at a time.
 */
export async function repliesAwaitingSignOff(
  apis: readonly Api[],
  bureau: Bureau,
  count: number,
  parallel = 12,
): Promise<string[]> {
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  const started = await startedReplies(apis, bureau, numbers, parallel);
  return inParallel(started, parallel, async ({ replyId, content }, i) => {
    const api = apis[i % apis.length];
    await expectStatus(
      call(api, 'PUT', `/replies/${replyId}/draft`, bureau.clerk, { version: 1, content: completeContent(content) }),
      200,
      'saving the draft',
    );
    await expectStatus(
      call(api, 'POST', `/replies/${replyId}/submit`, bureau.clerk, { version: 2 }),
      200,
      'submitting',
    );
    return replyId;
  });
}

/** One sign-off through HTTP, timed. */
export async function signOff(api: Api, token: string, replyId: string) {
  const started = performance.now();
  try {
    const answer = await call(api, 'POST', `/replies/${replyId}/sign-off`, token, { version: 2 });
    return { replyId, ...answer, ms: performance.now() - started };
  } catch (error) {
    return { replyId, status: 0, body: { error: String(error) }, ms: performance.now() - started };
  }
}

/** The 文号 sequences of a bureau's signed replies, and what is wrong with the series 1..expected. */
export async function seriesProblems(db: Client, bureau: Bureau, expected: number): Promise<string[]> {
  const { rows } = await db.query<{ seq: number; n: string }>(
    `SELECT document_number_sequence AS seq, count(*) AS n FROM replies
     WHERE bureau_id = $1 AND document_number IS NOT NULL GROUP BY 1`,
    [bureau.bureauId],
  );
  const problems: string[] = [];
  const seen = new Map(rows.map((r) => [Number(r.seq), Number(r.n)]));
  const duplicates = rows.filter((r) => Number(r.n) > 1).length;
  const missing = Array.from({ length: expected }, (_, i) => i + 1).filter((s) => !seen.has(s));
  const extra = [...seen.keys()].filter((s) => s < 1 || s > expected);
  if (duplicates) problems.push(`${duplicates} duplicate numbers`);
  if (missing.length) problems.push(`${missing.length} missing numbers (${missing.slice(0, 5).join(',')}…)`);
  if (extra.length) problems.push(`${extra.length} numbers beyond ${expected}`);
  return problems;
}

export function summarize(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return `p50 ${Math.round(at(50))} ms, p99 ${Math.round(at(99))} ms`;
}

export interface FaultResult {
  name: string;
  figure: string;
  problems: string[];
}

export type Fault = { name: string; run: (run: Run) => Promise<FaultResult> };
