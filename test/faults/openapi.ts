import { createHmac, randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';
import type { Client } from 'pg';
import type { DatabaseSettings } from '@dafu/platform/config/dafu-config';
import type { OpenApi } from '@dafu/testing/malformed-requests';
import { completeContent } from '@dafu/testing/replies';
import { type Api, call, type Managed, PASSWORD, Run, sql } from './harness';

/**
 * What the two OpenAPI faults share: an API child with its OpenAPI document served and its
 * rate limits out of the way, users of every role in two bureaus, records of each bureau, raw
 * requests, and a fingerprint of the database.
 */

export interface Target {
  api: Api & { managed: Managed };
  redis: Managed;
  db: Client;
  settings: DatabaseSettings;
  env: Record<string, string>;
  doc: OpenApi;
}

/**
 * A fresh database, a private Redis and one API serving /docs/openapi.json. The login and public
 * rate limits are raised so requests reach validation and the guard instead of being answered 429
 * by the limiter (which answers before either and is not what these faults test).
 */
export async function startTarget(run: Run, label: string): Promise<Target> {
  const { settings } = await run.newDatabase(label);
  const redis = await run.startRedis(`${label}-redis`);
  const env = run.appEnv(settings, redis.url, label, {
    SWAGGER_ENABLED: 'true',
    LOGIN_RATE_LIMIT: '1000000',
    PUBLIC_RATE_LIMIT: '1000000',
  });
  const api = await run.startApi(`${label}-api`, env);
  const db = await sql(settings);
  const answer = await fetch(`${api.base}/docs/openapi.json`);
  if (!answer.ok) throw new Error(`/docs/openapi.json answered ${answer.status}`);
  const doc = (await answer.json()) as OpenApi;
  return { api: { base: api.base, managed: api.managed }, redis: redis.managed, db, settings, env, doc };
}

export async function stopTarget(run: Run, target: Target): Promise<void> {
  await target.db.end();
  await run.kill(target.api.managed);
  await run.kill(target.redis);
}

export interface RawAnswer {
  status: number;
  text: string;
  code?: string;
}

/** One request exactly as given (any method, headers and bytes); a network error is status 0. */
export async function rawRequest(
  api: Api,
  method: string,
  url: string,
  headers: Record<string, string>,
  payload?: string | Buffer,
): Promise<RawAnswer> {
  try {
    const response = await fetch(`${api.base}${url}`, {
      method,
      headers,
      body: payload,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    return { status: response.status, text, code };
  } catch (error) {
    return { status: 0, text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

/** An HS256 JSON Web Token, signed by hand so the faults can make expired and forged ones. */
export function jwt(payload: Record<string, unknown>, secret: string, header: Record<string, unknown> = {}): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = encode({ alg: 'HS256', typ: 'JWT', ...header });
  const body = encode(payload);
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

export interface User {
  id: string;
  username: string;
  role: string;
  organisationId: string;
  token: string;
  refreshToken: string;
}

let passwordHash: Promise<string> | undefined;

export async function newOrganisation(db: Client, kind: string, name: string, prefix: string | null = null) {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (name, kind, document_number_prefix) VALUES ($1, $2, $3) RETURNING id`,
    [name, kind, prefix],
  );
  return rows[0].id;
}

/** A user inserted directly (no admin exists to make one) and logged in through the API. */
export async function newUser(db: Client, api: Api, role: string, organisationId: string): Promise<User> {
  passwordHash ??= argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456 });
  const username = `${role}_${randomBytes(4).toString('hex')}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, organisation_id, roles, password_hash)
     VALUES ($1, $2, $3, ARRAY[$4]::user_role[], $5) RETURNING id`,
    [username, `故障${role}`, organisationId, role, await passwordHash],
  );
  const login = await call(api, 'POST', '/auth/login', undefined, { username, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login of ${username}: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    id: rows[0].id,
    username,
    role,
    organisationId,
    token: login.body.accessToken as string,
    refreshToken: login.body.refreshToken as string,
  };
}

async function ok(
  what: string,
  answer: Promise<{ status: number; body: Record<string, unknown> }>,
  status: number | number[] = 200,
) {
  const got = await answer;
  if (!(Array.isArray(status) ? status : [status]).includes(got.status))
    throw new Error(`${what}: ${got.status} ${JSON.stringify(got.body).slice(0, 300)}`);
  return got.body;
}

/** One bureau's staff and records: a signed reply with a review comment, a contact, a co-handled proposal. */
export interface BureauWorld {
  bureauId: string;
  clerk: User;
  reviewer: User;
  signatory: User;
  proposalId: string;
  assignmentId: string;
  replyId: string;
  commentId: string;
  contactId: string;
  /** A lead assignment of a second proposal that a third bureau co-handles, and that co assignment. */
  coLeadAssignmentId: string;
  coAssignmentId: string;
  attachmentId?: string;
  deliveryId?: string;
}

export interface World {
  registrar: User;
  supervisor: User;
  admin: User;
  sessionId: string;
  /** The third bureau, which only co-handles. */
  coBureauId: string;
  bureaus: [BureauWorld, BureauWorld];
  webhookId: string;
}

/**
 * Two bureaus, each with a clerk, a reviewer and a signatory, a proposal led by it whose reply was
 * sent back once (leaving a comment) and then signed, a logged contact, and a second proposal a
 * third bureau co-handles; a registrar, a supervisor and an administrator for the city.
 */
export async function buildWorld(db: Client, api: Api): Promise<World> {
  const tag = randomBytes(3).toString('hex');
  const committee = await newOrganisation(db, 'cppcc_committee', `故障政协提案委${tag}`);
  const office = await newOrganisation(db, 'supervision_office', `故障督查室${tag}`);
  const system = await newOrganisation(db, 'system', `故障系统${tag}`);
  const registrar = await newUser(db, api, 'registrar', committee);
  const supervisor = await newUser(db, api, 'supervisor', office);
  const admin = await newUser(db, api, 'admin', system);
  const coBureauId = await newOrganisation(db, 'bureau', `故障会办局${tag}`, `故会${tag}文`);
  const session = await ok(
    'creating the session',
    call(api, 'POST', '/sessions', registrar.token, {
      body: 'cppcc',
      term: 1 + Math.floor(Math.random() * 98),
      sitting: 1 + Math.floor(Math.random() * 19),
      year: 2023,
    }),
    201,
  );
  const sessionId = session.id as string;
  let number = 0;
  const bureau = async (letter: string): Promise<BureauWorld> => {
    const bureauId = await newOrganisation(db, 'bureau', `故障${letter}局${tag}`, `故${letter}${tag}文`);
    const clerk = await newUser(db, api, 'clerk', bureauId);
    const reviewer = await newUser(db, api, 'reviewer', bureauId);
    const signatory = await newUser(db, api, 'signatory', bureauId);
    await ok(
      'emptying the review chain',
      call(api, 'PUT', `/bureaus/${bureauId}/review-chain`, admin.token, { steps: [] }),
    );
    const proposal = async (co: boolean) => {
      number += 1;
      const made = await ok(
        'creating a proposal',
        call(api, 'POST', '/proposals', registrar.token, {
          sessionId,
          number,
          title: `关于故障测试第${number}号的提案`,
          proposers: [{ name: '张三' }],
        }),
        201,
      );
      const assigned = (await ok(
        'assigning',
        call(api, 'POST', `/proposals/${made.id as string}/assignments`, registrar.token, {
          assignments: [{ bureauId, role: 'lead' }, ...(co ? [{ bureauId: coBureauId, role: 'co' }] : [])],
          assignedOn: '2023-03-01',
        }),
        201,
      )) as unknown as { id: string; bureauId: string }[];
      return {
        proposalId: made.id as string,
        lead: assigned.find((a) => a.bureauId === bureauId)?.id as string,
        co: assigned.find((a) => a.bureauId === coBureauId)?.id,
      };
    };
    const main = await proposal(false);
    await ok('acknowledging', call(api, 'POST', `/assignments/${main.lead}/acknowledge`, clerk.token));
    const contact = await ok(
      'logging a contact',
      call(api, 'POST', `/assignments/${main.lead}/contacts`, clerk.token, {
        occurredOn: '2023-06-20',
        method: 'phone',
        participants: '张三委员',
        summary: '电话沟通办理思路',
      }),
      [200, 201],
    );
    const upload = new FormData();
    upload.append(
      'file',
      new Blob([Buffer.from('通话记录：张三委员同意办理思路。\n')], { type: 'text/plain' }),
      '通话记录.txt',
    );
    const attachment = await fetch(
      `${api.base}/assignments/${main.lead}/contacts/${contact.id as string}/attachments`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk.token}` },
        body: upload,
      },
    );
    if (attachment.status !== 201 && attachment.status !== 200) {
      throw new Error(`attaching a file: ${attachment.status} ${await attachment.text()}`);
    }
    const attachmentId = ((await attachment.json()) as { id: string }).id;
    const started = await ok(
      'starting the reply',
      call(api, 'POST', `/assignments/${main.lead}/replies`, clerk.token),
      201,
    );
    const replyId = started.id as string;
    const content = completeContent(started.content as Record<string, unknown>);
    await ok('saving the draft', call(api, 'PUT', `/replies/${replyId}/draft`, clerk.token, { version: 1, content }));
    await ok('submitting', call(api, 'POST', `/replies/${replyId}/submit`, clerk.token, { version: 2 }));
    await ok(
      'sending back',
      call(api, 'POST', `/replies/${replyId}/send-back`, signatory.token, {
        version: 2,
        comments: [{ anchor: 'general', body: '请补充办理措施' }],
      }),
    );
    const comments = (await ok('reading comments', call(api, 'GET', `/replies/${replyId}/comments`, clerk.token))) as
      Record<string, unknown> | { id: string }[];
    const commentId = (Array.isArray(comments) ? comments : ((comments.items as { id: string }[]) ?? []))[0]?.id;
    const version = async () =>
      (await ok('reading the reply', call(api, 'GET', `/replies/${replyId}`, clerk.token))).version as number;
    await ok(
      'saving again',
      call(api, 'PUT', `/replies/${replyId}/draft`, clerk.token, { version: await version(), content }),
    );
    await ok(
      'submitting again',
      call(api, 'POST', `/replies/${replyId}/submit`, clerk.token, { version: await version() }),
    );
    await ok(
      'signing off',
      call(api, 'POST', `/replies/${replyId}/sign-off`, signatory.token, { version: await version() }),
    );
    const co = await proposal(true);
    // The letter to post, as the worker lists it when it issues the reply (the worker does not run here).
    const { rows: deliveries } = await db.query<{ id: string }>(
      `INSERT INTO deliveries (reply_id, bureau_id, position, recipient_kind, recipient_name, postal_address, channel)
       VALUES ($1, $2, 1, 'proposer', '张三', '三门峡市湖滨区', 'mailroom') RETURNING id`,
      [replyId, bureauId],
    );
    return {
      bureauId,
      clerk,
      reviewer,
      signatory,
      proposalId: main.proposalId,
      assignmentId: main.lead,
      replyId,
      commentId: commentId ?? '00000000-0000-4000-8000-000000000001',
      contactId: contact.id as string,
      coLeadAssignmentId: co.lead,
      coAssignmentId: co.co as string,
      attachmentId,
      deliveryId: deliveries[0]?.id,
    };
  };
  const bureaus: [BureauWorld, BureauWorld] = [await bureau('甲'), await bureau('乙')];
  const webhook = await ok(
    'adding a webhook',
    call(api, 'POST', '/admin/notification-webhooks', admin.token, {
      name: '故障平台',
      url: 'https://im.example.gov.cn/hooks/dafu',
    }),
    201,
  );
  return { registrar, supervisor, admin, sessionId, coBureauId, bureaus, webhookId: webhook.id as string };
}

/**
 * Row count and an md5 of the rows of every table, in a stable order. Every table counts: no
 * request in these faults logs in, refreshes or is rate limited in PostgreSQL (the limiter keeps
 * its counters in Redis, and a refused login writes nothing), so nothing may change on its own.
 */
export async function fingerprint(db: Client): Promise<Map<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`,
  );
  const result = new Map<string, string>();
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: string; hash: string | null }>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS hash FROM "${name}" t`,
    );
    result.set(name, `${rows[0].n} rows, ${rows[0].hash}`);
  }
  return result;
}

/** What differs between two fingerprints, one line per table. */
export function fingerprintChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((name) => before.get(name) !== after.get(name))
    .map((name) => `table ${name} changed: ${before.get(name) ?? 'absent'} → ${after.get(name) ?? 'absent'}`);
}
