import { performance } from 'node:perf_hooks';
import { rolesWith, Permission } from '@dafu/platform/auth/access';
import { ALL_ROLES, type Role } from '@dafu/platform/vocabulary';
import { expectation, expectedAccess, MATRIX, namesBureauRecord, recordKindOf } from '@dafu/testing/access-matrix';
import { fillPath, type OperationEntry, operationsOf, plausible } from '@dafu/testing/malformed-requests';
import { type Api, call, type Fault, type FaultResult, PASSWORD, Run, say } from './harness';
import {
  type BureauWorld,
  buildWorld,
  newUser,
  rawRequest,
  startTarget,
  stopTarget,
  type User,
  type World,
} from './openapi';

/** Done last, in this order: they move, void or delete the records the other requests name. */
const DESTRUCTIVE = [
  'POST /assignments/{id}/reassignment-request/approve',
  'POST /assignments/{id}/reassign',
  'POST /replies/{id}/withdraw',
  'POST /replies/{id}/void',
  'DELETE /proposals/{id}',
  'DELETE /sessions/{id}',
];

/**
 * 404s that mean the record in the path was reached and what it was asked for is absent in this
 * world (feedback needs a letter sent, which needs the worker): an answer past the scope check.
 */
const REACHED_BUT_ABSENT: Readonly<Record<string, string>> = {
  'GET /replies/{id}/feedback': 'FEEDBACK_NOT_FOUND',
};

interface Outcome {
  operation: string;
  caller: string;
  side: 'own' | 'other';
  expected: 'allow' | 'refuse';
  status: number;
  code?: string;
  text: string;
  /** The path named real records (so a 404 is a refusal, not a missing record). */
  real: boolean;
}

/**
 * The authorization matrix from the OpenAPI document: every operation, called by every role and
 * anonymously, on records of the caller's own bureau and of another bureau, with a well-formed
 * request; each answer compared with the access matrix (libs/testing/src/access-matrix.ts, whose
 * role lists are checked against the permission table, rolesWith). An allow the matrix does not
 * give is a loss; a refusal it does not expect is counted and listed for investigation.
 */
export const authorizationMatrix: Fault = {
  name: 'authorization matrix',
  async run(run: Run): Promise<FaultResult> {
    const target = await startTarget(run, 'authz');
    const { api, db, doc } = target;
    const problems: string[] = [];
    try {
      const operations = operationsOf(doc);
      const missing = operations.filter((o) => !(o.key in MATRIX)).map((o) => o.key);
      const stale = Object.keys(MATRIX).filter((key) => !operations.some((o) => o.key === key));
      if (missing.length) problems.push(`operations without a row in the access matrix: ${missing.join(', ')}`);
      if (stale.length) problems.push(`access matrix rows for no operation: ${stale.join(', ')}`);
      problems.push(...rowsNoPermissionGives());

      const world = await buildWorld(db, api);
      const [own, other] = world.bureaus;
      const spare = await newUser(db, api, 'clerk', world.coBureauId);
      const callers: [string, User | null][] = [
        ['anonymous', null],
        ['registrar', world.registrar],
        ['supervisor', world.supervisor],
        ['admin', world.admin],
        ['clerk', own.clerk],
        ['reviewer', own.reviewer],
        ['signatory', own.signatory],
      ];
      const reply = await call(api, 'GET', `/replies/${own.replyId}`, own.clerk.token);
      const replyContent = reply.body.content;
      let serial = 0;
      const unique = () => `${Date.now().toString(36)}${(serial += 1)}`;

      const ordered = [
        ...operations.filter((o) => o.method === 'get'),
        ...operations.filter((o) => o.method !== 'get' && !DESTRUCTIVE.includes(o.key)),
        ...DESTRUCTIVE.flatMap((key) => operations.filter((o) => o.key === key)),
      ];
      const outcomes: Outcome[] = [];
      const started = performance.now();
      for (const entry of ordered) {
        const sides: ('own' | 'other')[] = namesBureauRecord(entry.path) ? ['other', 'own'] : ['own'];
        // Those the matrix refuses first, so an allowed call's change cannot decide their answer.
        const byExpectation = [...callers].sort(
          ([, a], [, b]) => Number(allowedFor(entry.key, a)) - Number(allowedFor(entry.key, b)),
        );
        for (const side of sides) {
          for (const [name, user] of byExpectation) {
            const bureau = side === 'own' ? own : other;
            const request = await wellFormed(entry, bureau, world, { api, spare, replyContent, unique });
            const answer = await rawRequest(
              api,
              entry.method.toUpperCase(),
              request.url,
              { ...(user ? { authorization: `Bearer ${user.token}` } : {}), ...request.headers },
              request.payload,
            );
            outcomes.push({
              operation: entry.key,
              caller: name,
              side,
              expected: expectedAccess(entry.key, (user?.role as Role | undefined) ?? null, side),
              status: answer.status,
              code: answer.code,
              text: answer.text.slice(0, 200),
              real: request.real,
            });
          }
        }
      }
      const seconds = (performance.now() - started) / 1000;

      const refused = (o: Outcome) =>
        o.status === 401 ||
        o.status === 403 ||
        (o.status === 404 && (o.real || o.expected === 'refuse') && REACHED_BUT_ABSENT[o.operation] !== o.code);
      const guardRefusal = (o: Outcome) => o.status === 401 || o.status === 403;
      const show = (o: Outcome) =>
        `${o.caller} ${o.operation} (${o.side} bureau): ${o.status} ${o.code ?? ''} ${o.text.slice(0, 120)}`;
      const unexpectedAllows = outcomes.filter((o) => {
        const expected = expectation(o.operation, callerRole(o.caller), o.side);
        if (expected.expect === 'allow') return false;
        if (o.status >= 500 || o.status === 0) return true;
        switch (expected.by) {
          // The role lacks the permission: only the guard's 401 or 403 will do.
          case 'guard':
            return !guardRefusal(o);
          // Another bureau's record: 403, or 404 (hidden); a 400 VALIDATION_FAILED stopped before any record was read.
          case 'bureau':
            return !(refused(o) || (o.status === 400 && o.code === 'VALIDATION_FAILED'));
          // The work rules refuse the role on its own bureau's record, possibly after a state check (409).
          case 'step':
            return o.status >= 200 && o.status < 300;
        }
      });
      const unexpectedRefusals = outcomes.filter((o) => o.expected === 'allow' && refused(o));
      const errors = outcomes.filter((o) => o.status >= 500 || o.status === 0);
      const validationStopped = outcomes.filter(
        (o) => o.expected === 'refuse' && o.status === 400 && o.code === 'VALIDATION_FAILED',
      );
      if (unexpectedAllows.length) {
        problems.push(`${unexpectedAllows.length} unexpected allows:`, ...unexpectedAllows.slice(0, 40).map(show));
      }
      if (errors.length) problems.push(`${errors.length} answers 5xx or none:`, ...errors.slice(0, 20).map(show));
      if (unexpectedRefusals.length) {
        say(`  ${unexpectedRefusals.length} unexpected refusals (not a loss; investigate):`);
        for (const o of unexpectedRefusals) say(`    ${show(o)}`);
      }
      if (validationStopped.length) {
        say(`  ${validationStopped.length} refusals expected by bureau ended at validation instead:`);
        for (const o of validationStopped) say(`    ${show(o)}`);
      }
      const allows = outcomes.filter((o) => !refused(o)).length;
      const by = (kind: string) =>
        outcomes.filter((o) => {
          const e = expectation(o.operation, callerRole(o.caller), o.side);
          return e.expect === 'refuse' && e.by === kind;
        }).length;
      const lackingOperations = new Set(outcomes.filter((o) => !o.real).map((o) => o.operation));
      const lacking = lackingOperations.size;
      say(
        `  records this world lacks (an unknown id; the guard is checked, a 404 either way): ${[...lackingOperations].join(', ')}`,
      );
      const twoSided = ordered.filter((o) => namesBureauRecord(o.path)).length;
      return {
        name: this.name,
        figure:
          `${operations.length} operations × ${callers.length} callers (6 roles + anonymous) × own/other bureau ` +
          `where the path names a bureau's record (${twoSided} operations): ${outcomes.length} requests in ` +
          `${seconds.toFixed(1)} s; ${allows} allowed, ${outcomes.length - allows} refused ` +
          `(expected refusals: ${by('guard')} by role, ${by('bureau')} by bureau, ${by('step')} by work step); ` +
          `${lacking} operations name records this world lacks; ` +
          `${unexpectedAllows.length} unexpected allows, ${unexpectedRefusals.length} unexpected refusals`,
        problems,
      };
    } finally {
      await stopTarget(run, target);
    }
  },
};

function callerRole(name: string): Role | null {
  return name === 'anonymous' ? null : (name as Role);
}

function allowedFor(operation: string, user: User | null): boolean {
  return expectedAccess(operation, (user?.role as Role | undefined) ?? null, 'own') === 'allow';
}

/** Every row of the matrix must be a set of roles some permission of the permission table gives. */
function rowsNoPermissionGives(): string[] {
  const same = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));
  const grants = [ALL_ROLES, ...Object.values(Permission).map((p) => rolesWith(p))];
  return Object.entries(MATRIX)
    .filter(([, roles]) => roles !== 'public' && !grants.some((g) => same(g, roles)))
    .map(([operation, roles]) => `${operation}: no permission gives exactly ${(roles as Role[]).join(', ')}`);
}

interface Extras {
  api: Api;
  spare: User;
  replyContent: unknown;
  unique: () => string;
}

/**
 * A well-formed request for the operation on one bureau's records: real ids in the path and a
 * body that passes validation where the operation reaches a bureau's record (so the scope is
 * what answers); elsewhere the guard answers first, so `{}` is enough.
 */
async function wellFormed(
  entry: OperationEntry,
  bureau: BureauWorld,
  world: World,
  extras: Extras,
): Promise<{ url: string; headers: Record<string, string>; payload?: string | Buffer; real: boolean }> {
  let real = true;
  const idOf = (name: string): string => {
    const kind = recordKindOf(entry.path, name);
    const value = {
      assignment: entry.path.includes('/co-opinions/') ? bureau.coLeadAssignmentId : bureau.assignmentId,
      'co-assignment': bureau.coAssignmentId,
      contact: bureau.contactId,
      reply: bureau.replyId,
      comment: bureau.commentId,
      proposal: bureau.proposalId,
      bureau: bureau.bureauId,
      delivery: bureau.deliveryId,
      attachment: bureau.attachmentId,
      organisation: bureau.bureauId,
      user: bureau.clerk.id,
      session: world.sessionId,
      webhook: world.webhookId,
      // Published only once the worker issues the letter, which this fault does not run.
      'public-reply': undefined,
      other: undefined,
    }[kind];
    if (value === undefined) {
      if (!['year', 'date', 'body', 'number', 'kind'].includes(name)) real = false;
      return name === 'kind' ? 'pdf' : plausible(name);
    }
    return value;
  };
  let url = fillPath(entry.path, idOf);
  const json = (body: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
  const file = (name: string, type: string, content: Buffer) => {
    const boundary = '----dafu-authorization-matrix';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, payload };
  };
  const text = file('说明.txt', 'text/plain', Buffer.from('故障测试附件\n'));
  const bodies: Record<string, () => Promise<{ headers: Record<string, string>; payload?: string | Buffer }>> = {
    'POST /auth/login': async () => json({ username: extras.spare.username, password: PASSWORD }),
    'POST /auth/refresh': async () => json({ refreshToken: await freshRefreshToken(extras) }),
    'POST /auth/logout': async () => json({ refreshToken: await freshRefreshToken(extras) }),
    'POST /proposals/{id}/assignments': async () =>
      json({ assignments: [{ bureauId: world.coBureauId, role: 'separate' }], assignedOn: '2023-03-01' }),
    'POST /assignments/{id}/reassignment-request': async () => json({ reason: '该事项属其他部门职责' }),
    'POST /assignments/{id}/reassignment-request/approve': async () => json({}),
    'POST /assignments/{id}/reassignment-request/reject': async () => json({ reason: '仍由原单位办理' }),
    'POST /assignments/{id}/reassign': async () => json({ bureauId: world.coBureauId, reason: '调整承办单位' }),
    'POST /assignments/{id}/extension-request': async () =>
      json({ reason: '需要更多时间', requestedDueOn: '2023-08-13' }),
    'POST /assignments/{id}/extension-request/approve': async () => json({}),
    'POST /assignments/{id}/extension-request/reject': async () => json({ reason: '不同意延期' }),
    'PUT /assignments/{id}/opinion': async () => json({ body: '我单位同意主办单位意见。' }),
    'POST /assignments/{id}/co-opinions/{coAssignmentId}/waive': async () => json({ reason: '已电话沟通同意' }),
    'POST /assignments/{id}/contacts': async () =>
      json({ occurredOn: '2023-06-20', method: 'phone', participants: '张三委员', summary: '电话沟通' }),
    'POST /assignments/{id}/opinion/attachments': async () => text,
    'POST /assignments/{id}/contacts/{contactId}/attachments': async () => text,
    'PUT /replies/{id}/draft': async () => json({ version: 1, content: extras.replyContent }),
    'POST /replies/{id}/submit': async () => json({ version: 1 }),
    'POST /replies/{id}/approve': async () => json({ version: 1 }),
    'POST /replies/{id}/send-back': async () => json({ version: 1, comments: [{ anchor: 'general', body: '请补充' }] }),
    'POST /replies/{id}/comments/{commentId}/answer': async () => json({ answer: '已补充' }),
    'POST /replies/{id}/sign-off': async () => json({ version: 1 }),
    'POST /replies/{id}/void': async () => json({ reason: '答复对象有误' }),
    'POST /replies/{id}/withdraw': async () => json({ reason: '重新答复' }),
    'POST /replies/{id}/attachments': async () => text,
    'POST /replies/{id}/feedback': async () =>
      json({ workRating: 'satisfied', resultRating: 'satisfied', talkedBeforeReply: true }),
    'POST /replies/{id}/follow-ups': async () => json({ body: '已落实', sentOn: '2024-03-01', solved: false }),
    'PUT /bureaus/{id}/review-chain': async () => json({ steps: [] }),
    'PUT /bureaus/{id}/letter-settings': async () =>
      json({ format: 'document', headerTitle: '故障测试局文件', printsGradeMark: true, version: 0 }),
    'PUT /bureaus/{id}/letter-settings/seal': async () =>
      file('seal.png', 'image/png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')),
    'POST /bureaus/{id}/signing-credentials': async () => json({ certificatePem: 'x', privateKeyPem: 'x' }),
    'POST /bureaus/{id}/urges': async () => json({ message: '请于本周内答复。' }),
    'PATCH /proposals/{id}': async () => json({ version: 1, title: '关于故障测试的提案' }),
    'PUT /calendar/days/{date}': async () => json({ kind: 'holiday', name: '故障测试日' }),
  };
  // A record of its own for each delete, so an allowed one cannot take the others' records with it.
  if (entry.key === 'DELETE /sessions/{id}') url = `/sessions/${await freshSession(extras, world)}`;
  if (entry.key === 'DELETE /proposals/{id}') url = `/proposals/${await freshProposal(extras, world)}`;
  if (entry.path === '/proposals/import' || entry.path === '/proposals/import/preview') {
    url += `?sessionId=${world.sessionId}`;
  }
  if (entry.path === '/replies/{id}/diff') url += '?from=1&to=2';
  if (entry.path === '/audit-events') url += `?entityType=reply&entityId=${bureau.replyId}`;
  const body = bodies[entry.key];
  if (body) return { url, ...(await body()), real };
  if (['post', 'put', 'patch'].includes(entry.method) && entry.operation.requestBody) {
    const form = entry.operation.requestBody.content?.['multipart/form-data'];
    if (form) return { url, ...text, real };
    return { url, ...json({}), real };
  }
  return { url, headers: {}, real };
}

async function freshRefreshToken(extras: Extras): Promise<string> {
  const login = await call(extras.api, 'POST', '/auth/login', undefined, {
    username: extras.spare.username,
    password: PASSWORD,
  });
  if (login.status !== 200) throw new Error(`login of the spare user: ${login.status}`);
  return login.body.refreshToken as string;
}

async function freshSession(extras: Extras, world: World): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const made = await call(extras.api, 'POST', '/sessions', world.registrar.token, {
      body: 'cppcc',
      term: 1 + Math.floor(Math.random() * 98),
      sitting: 1 + Math.floor(Math.random() * 19),
      year: 2024,
    });
    if (made.status === 201) return made.body.id as string;
  }
  throw new Error('could not make a session to delete');
}

let proposalsMade = 0;

async function freshProposal(extras: Extras, world: World): Promise<string> {
  const number = 1000 + (proposalsMade += 1);
  const made = await call(extras.api, 'POST', '/proposals', world.registrar.token, {
    sessionId: world.sessionId,
    number,
    title: `关于故障测试第${number}号的提案`,
    proposers: [{ name: '李四' }],
  });
  if (made.status !== 201) throw new Error(`making a proposal to delete: ${made.status} ${JSON.stringify(made.body)}`);
  return made.body.id as string;
}
