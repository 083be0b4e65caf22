import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { MATRIX } from '@dafu/testing/access-matrix';
import { malformedRequests, operationsOf, STATE_CHANGING } from '@dafu/testing/malformed-requests';
import { type Fault, type FaultResult, inParallel, Run, say } from './harness';
import {
  buildWorld,
  fingerprint,
  fingerprintChanges,
  jwt,
  newUser,
  rawRequest,
  startTarget,
  stopTarget,
} from './openapi';

const REQUESTS = 10_000;
const SEED = 20261206;
const CONCURRENCY = 8;

/**
 * 10,000 malformed requests generated (seeded, so every run sends the same ones) from the
 * OpenAPI document the API serves, spread evenly over its operations: wrong types, missing and
 * unknown fields, huge strings, odd Unicode, SQL and script fragments, broken JSON and multipart,
 * bad path ids and query values, sent with valid tokens of every role and with missing, garbage,
 * expired, forged and refresh tokens. No answer may be a 5xx; no state-changing request may be
 * answered 2xx (each is malformed in a way the API must refuse); no table may change.
 */
export const malformedRequestsFault: Fault = {
  name: 'malformed requests',
  async run(run: Run): Promise<FaultResult> {
    const target = await startTarget(run, 'malformed');
    const { api, db, doc, env } = target;
    try {
      const world = await buildWorld(db, api);
      const [own] = world.bureaus;
      const disabled = await newUser(db, api, 'clerk', own.bureauId);
      await db.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);

      const secret = env.JWT_ACCESS_SECRET;
      const now = Math.floor(Date.now() / 1000);
      const access = (sub: unknown, extra: Record<string, unknown> = {}) =>
        jwt({ sub, typ: 'access', iat: now, exp: now + 3600, ...extra }, secret);
      const bearer = (token: string) => `Bearer ${token}`;
      const badTokens: Record<string, string | null> = {
        missing: null,
        garbage: bearer('garbage'),
        'empty bearer': 'Bearer ',
        basic: 'Basic dXNlcjpwYXNz',
        latin1: bearer('\u00ff\u00fe.\u00e9'),
        huge: bearer('x'.repeat(16_000)),
        expired: bearer(access(own.clerk.id, { iat: now - 7200, exp: now - 3600 })),
        'wrong secret': bearer(jwt({ sub: own.clerk.id, typ: 'access', exp: now + 3600 }, 'not-the-secret')),
        'alg none': bearer(
          `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
            JSON.stringify({ sub: own.clerk.id, typ: 'access', exp: now + 3600 }),
          ).toString('base64url')}.`,
        ),
        'refresh token': bearer(own.clerk.refreshToken),
        'refresh typ': bearer(jwt({ sub: own.clerk.id, typ: 'refresh', jti: randomUUID(), exp: now + 3600 }, secret)),
        'unknown user': bearer(access(randomUUID())),
        'sub not a uuid': bearer(access("1' OR '1'='1")),
        'sub a number': bearer(access(42)),
        'sub missing': bearer(jwt({ typ: 'access', exp: now + 3600 }, secret)),
        'disabled user': bearer(disabled.token),
      };
      const users = [world.registrar, world.supervisor, world.admin, own.clerk, own.reviewer, own.signatory];
      const validTokens = Object.fromEntries(users.map((u) => [u.role, bearer(u.token)]));
      const recordOf = (path: string, name: string): string | undefined => {
        if (name === 'coAssignmentId') return own.coAssignmentId;
        if (name === 'contactId') return own.contactId;
        if (name === 'commentId') return own.commentId;
        if (name !== 'id') return undefined;
        if (/^\/(assignments)\//.test(path)) return own.assignmentId;
        if (/^\/replies\//.test(path)) return own.replyId;
        if (/^\/proposals\//.test(path)) return own.proposalId;
        if (/^\/(sessions|supervision\/sessions)\//.test(path)) return world.sessionId;
        if (/^\/(bureaus|organisations)\//.test(path)) return own.bureauId;
        if (/^\/users\//.test(path)) return own.clerk.id;
        if (/^\/deliveries\//.test(path)) return own.deliveryId;
        if (/^\/public\/replies\//.test(path)) return own.replyId;
        if (/^\/admin\/notification-webhooks\//.test(path)) return world.webhookId;
        return undefined;
      };
      const requests = malformedRequests(doc, {
        count: REQUESTS,
        seed: SEED,
        validTokens,
        badTokens,
        admitted: (operation) => MATRIX[operation] ?? [],
        record: recordOf,
      });

      const before = await fingerprint(db);
      const started = performance.now();
      const byClass = new Map<string, number>();
      const covered = new Set<string>();
      const problems: string[] = [];
      const fivexx: string[] = [];
      const accepted: string[] = [];
      let done = 0;
      await inParallel(requests, CONCURRENCY, async (request) => {
        const answer = await rawRequest(api, request.method, request.url, request.headers, request.payload);
        const statusClass = answer.status === 0 ? 'no answer' : `${Math.floor(answer.status / 100)}xx`;
        byClass.set(statusClass, (byClass.get(statusClass) ?? 0) + 1);
        covered.add(request.operation);
        const shown = () =>
          `${request.method} ${request.url.slice(0, 160)} [${request.malformations.join(', ')}] ` +
          `body ${JSON.stringify(String(request.payload ?? '').slice(0, 200))} → ${answer.status} ${answer.text.slice(0, 200)}`;
        if (answer.status >= 500 || answer.status === 0) fivexx.push(shown());
        if (answer.status >= 200 && answer.status < 300 && STATE_CHANGING.has(request.method.toLowerCase())) {
          accepted.push(shown());
        }
        done += 1;
        if (done % 2000 === 0) say(`  ${done}/${requests.length} sent`);
      });
      const seconds = (performance.now() - started) / 1000;
      const changes = fingerprintChanges(before, await fingerprint(db));

      const operations = operationsOf(doc).length;
      if (fivexx.length) problems.push(`${fivexx.length} answers 5xx or none:`, ...fivexx.slice(0, 30));
      if (accepted.length)
        problems.push(`${accepted.length} state-changing requests answered 2xx:`, ...accepted.slice(0, 30));
      if (changes.length) problems.push(...changes);
      if (covered.size !== operations) problems.push(`only ${covered.size} of ${operations} operations covered`);
      const classes = ['2xx', '3xx', '4xx', '5xx', 'no answer']
        .filter((c) => byClass.has(c))
        .map((c) => `${byClass.get(c)} ${c}`)
        .join(', ');
      return {
        name: this.name,
        figure:
          `${requests.length} requests over ${covered.size}/${operations} operations in ${seconds.toFixed(1)} s ` +
          `(${Math.round(requests.length / seconds)}/s, ${CONCURRENCY} at a time): ${classes}; ` +
          `${accepted.length} state-changing 2xx; ${changes.length} of ${before.size} tables changed`,
        problems,
      };
    } finally {
      await stopTarget(run, target);
    }
  },
};
