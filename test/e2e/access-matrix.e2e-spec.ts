import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import { TestContext, TestUser } from '@dafu/testing';

const { Registrar, Clerk, Reviewer, Signatory, Supervisor, Admin } = Role;
const EVERYONE = ALL_ROLES;
const READERS = [Registrar, Clerk, Reviewer, Signatory, Supervisor];
/** The guard lets bureau staff in; the assignment lifecycle then decides which of them may take the step. */
const BUREAU_STAFF = [Clerk, Reviewer, Signatory];

/**
 * Every endpoint and the roles that may call it. The first test fails when an endpoint exists
 * that this table does not name, so a new endpoint cannot ship without its row.
 * The queue dashboard (Bull Board, /admin/queues) is a Fastify plugin rather than a Nest controller,
 * so the OpenAPI document leaves it out; queue-dashboard.e2e-spec.ts checks it for every role.
 */
const MATRIX: Record<string, readonly Role[] | 'public'> = {
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/refresh': 'public',
  'POST /auth/logout': 'public',
  'GET /auth/me': EVERYONE,
  'GET /organisations': EVERYONE,
  'GET /organisations/{id}': EVERYONE,
  'POST /organisations': [Admin],
  'PATCH /organisations/{id}': [Admin],
  'GET /users': [Admin],
  'POST /users': [Admin],
  'PATCH /users/{id}': [Admin],
  'GET /sessions': EVERYONE,
  'GET /sessions/{id}': EVERYONE,
  'POST /sessions': [Registrar],
  'PATCH /sessions/{id}': [Registrar],
  'DELETE /sessions/{id}': [Registrar],
  'GET /proposals': READERS,
  'GET /proposals/{id}': READERS,
  'POST /proposals': [Registrar],
  'PATCH /proposals/{id}': [Registrar],
  'DELETE /proposals/{id}': [Registrar],
  'POST /proposals/import': [Registrar],
  'POST /proposals/import/preview': [Registrar],
  'POST /proposals/{id}/assignments': [Registrar],
  'GET /proposals/{id}/assignments': READERS,
  'GET /assignments': READERS,
  'GET /assignments/{id}': READERS,
  'GET /assignments/{id}/requests': READERS,
  'GET /assignments/{id}/timeline': READERS,
  'POST /assignments/{id}/acknowledge': BUREAU_STAFF,
  'POST /assignments/{id}/reassignment-request': BUREAU_STAFF,
  'POST /assignments/{id}/reassignment-request/approve': [Registrar, Supervisor],
  'POST /assignments/{id}/reassignment-request/reject': [Registrar, Supervisor],
  'POST /assignments/{id}/reassign': [Registrar, Supervisor],
  'POST /assignments/{id}/extension-request': BUREAU_STAFF,
  'POST /assignments/{id}/extension-request/approve': [Registrar, Supervisor],
  'POST /assignments/{id}/extension-request/reject': [Registrar, Supervisor],
  'GET /assignments/{id}/opinion': READERS,
  'PUT /assignments/{id}/opinion': BUREAU_STAFF,
  'POST /assignments/{id}/opinion/send': BUREAU_STAFF,
  'GET /assignments/{id}/co-opinions': READERS,
  'POST /assignments/{id}/co-opinions/{coAssignmentId}/waive': BUREAU_STAFF,
  'GET /assignments/{id}/contacts': READERS,
  'POST /assignments/{id}/contacts': BUREAU_STAFF,
  'POST /assignments/{id}/opinion/attachments': BUREAU_STAFF,
  'POST /assignments/{id}/contacts/{contactId}/attachments': BUREAU_STAFF,
  'GET /assignments/{id}/attachments': READERS,
  'GET /attachments/{id}': READERS,
  'GET /audit-events': [Registrar, Supervisor, Admin],
  'GET /calendar/status': EVERYONE,
  'GET /calendar/{year}': EVERYONE,
  'PUT /calendar/days/{date}': [Admin],
  'DELETE /calendar/days/{date}': [Admin],
  'PUT /calendar/years/{year}': [Admin],
  'GET /handling-rules': EVERYONE,
  'PUT /handling-rules/{body}': [Admin],
  'POST /assignments/{id}/replies': [Clerk],
  'GET /assignments/{id}/replies': READERS,
  'GET /replies/inbox': READERS,
  'GET /replies/{id}': READERS,
  'PUT /replies/{id}/draft': [Clerk],
  'GET /replies/{id}/versions': READERS,
  'GET /replies/{id}/versions/{number}': READERS,
  'GET /replies/{id}/diff': READERS,
  'GET /replies/{id}/completeness': READERS,
  'GET /replies/{id}/sources': READERS,
  'POST /replies/{id}/submit': [Clerk],
  'POST /replies/{id}/approve': [Reviewer, Signatory],
  'POST /replies/{id}/send-back': [Reviewer, Signatory],
  'GET /replies/{id}/comments': READERS,
  'POST /replies/{id}/comments/{commentId}/answer': [Clerk],
  'POST /replies/{id}/sign-off': [Signatory],
  'POST /replies/{id}/void': [Signatory],
  'POST /replies/{id}/withdraw': [Clerk],
  'GET /replies/{id}/text': READERS,
  'GET /replies/{id}/history': READERS,
  'POST /replies/{id}/attachments': [Clerk],
  'GET /replies/{id}/attachments': READERS,
  'GET /bureaus/{id}/review-chain': [...BUREAU_STAFF, Admin],
  'PUT /bureaus/{id}/review-chain': [Signatory, Admin],
  'GET /reply-templates': [...BUREAU_STAFF, Admin],
  'PUT /reply-templates': [Admin],
  'GET /grade-scales': EVERYONE,
  'PUT /grade-scales/{body}': [Admin],
  'GET /document-number-series': [Admin],
  'PUT /document-number-series': [Admin],
  'GET /replies/{id}/documents/{kind}': READERS,
  'GET /replies/{id}/preview': READERS,
  'GET /replies/{id}/deliveries': READERS,
  'GET /mailroom': BUREAU_STAFF,
  'GET /mailroom/print': BUREAU_STAFF,
  'POST /deliveries/{id}/posted': [Clerk],
  'GET /verify/{reference}': 'public',
  'POST /verify': 'public',
  'GET /public/replies': 'public',
  'GET /public/replies/{id}': 'public',
  'GET /public/replies/{id}/pdf': 'public',
  'GET /public/sessions': 'public',
  'GET /bureaus/{id}/letter-settings': [...BUREAU_STAFF, Admin],
  'PUT /bureaus/{id}/letter-settings': [Signatory, Admin],
  'PUT /bureaus/{id}/letter-settings/seal': [Signatory, Admin],
  'DELETE /bureaus/{id}/letter-settings/seal': [Signatory, Admin],
  'GET /bureaus/{id}/signing-credentials': [Admin],
  'POST /bureaus/{id}/signing-credentials': [Admin],
  'GET /admin/failed-jobs': [Admin],
  'POST /admin/failed-jobs/{queue}/{id}/retry': [Admin],
  'GET /notifications': EVERYONE,
  'GET /notifications/unread-count': EVERYONE,
  'POST /notifications/read-all': EVERYONE,
  'POST /notifications/{id}/read': EVERYONE,
  'GET /me/notification-preferences': EVERYONE,
  'PUT /me/notification-preferences': EVERYONE,
  'POST /bureaus/{id}/urges': [Supervisor],
  'GET /admin/notification-webhooks': [Admin],
  'POST /admin/notification-webhooks': [Admin],
  'DELETE /admin/notification-webhooks/{id}': [Admin],
  'GET /search': READERS,
  'POST /archive/imports': [Registrar, Admin],
  'GET /archive/imports/{id}': [Registrar, Admin],
  'GET /archive/letters': EVERYONE,
  'GET /archive/letters/{id}': EVERYONE,
  'GET /admin/notification-deliveries/failed': [Admin],
  'POST /replies/{id}/feedback': [Registrar],
  'GET /replies/{id}/feedback': READERS,
  'GET /replies/{id}/follow-ups': READERS,
  'POST /replies/{id}/follow-ups': [Clerk],
  'GET /follow-ups': READERS,
  'GET /public/feedback/{token}': 'public',
  'POST /public/feedback/{token}': 'public',
  'GET /supervision/statistics': READERS,
  'GET /supervision/ranking': READERS,
  'GET /supervision/overdue': READERS,
  'GET /supervision/overdue-trend': READERS,
  'GET /supervision/export': READERS,
  'GET /supervision/sessions/{id}/report': READERS,
};

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('Authorization matrix: every role against every endpoint', () => {
  let ctx: TestContext;
  const users = new Map<Role, TestUser>();
  let operations: string[];

  beforeAll(async () => {
    ctx = await TestContext.start();
    for (const role of ALL_ROLES) users.set(role, await ctx.newUser(role));
    const document = await ctx.http().get('/docs/openapi.json');
    const paths = document.body.paths as Record<string, Record<string, unknown>>;
    operations = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => ctx.close());

  function call(operation: string, token?: string) {
    const [method, path] = operation.split(' ');
    const url = path
      .replace('{year}', '2026')
      .replace('{date}', '2026-11-23')
      .replace('{body}', 'npc')
      .replace('{number}', '1')
      .replace(/\{[^}]+\}/g, UNKNOWN_ID);
    const agent = ctx.http();
    const byMethod = { GET: agent.get, POST: agent.post, PATCH: agent.patch, PUT: agent.put, DELETE: agent.delete };
    const send = byMethod[method as keyof typeof byMethod];
    if (!send) throw new Error(`The matrix cannot call ${method} yet`);
    const req = send.call(agent, url);
    if (token) req.set('authorization', `Bearer ${token}`);
    return method === 'GET' || method === 'DELETE' ? req : req.send({});
  }

  it('names every endpoint the API serves, and only those', () => {
    expect([...operations].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  it('refuses every non-public endpoint without a token', async () => {
    for (const [operation, allowed] of Object.entries(MATRIX)) {
      if (allowed === 'public') continue;
      const response = await call(operation);
      expect({ operation, status: response.status, code: response.body.code }).toEqual({
        operation,
        status: 401,
        code: 'AUTH_TOKEN_MISSING',
      });
    }
  });

  it.each(ALL_ROLES)('gives %s exactly the endpoints of its role', async (role) => {
    const token = (users.get(role) as TestUser).token;
    for (const [operation, allowed] of Object.entries(MATRIX)) {
      if (allowed === 'public') continue;
      const response = await call(operation, token);
      const refused = response.status === 403 && response.body.code === 'FORBIDDEN';
      expect({ operation, role, refused }).toEqual({ operation, role, refused: !allowed.includes(role) });
      expect(response.status).toBeLessThan(500);
    }
  });
});
