import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import { TestContext, TestUser } from '@dafu/testing';
import { MATRIX } from '@dafu/testing/access-matrix';

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
