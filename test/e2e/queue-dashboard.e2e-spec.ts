import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { ALL_ROLES, Role } from '@dafu/platform/vocabulary';
import { bearer, TEST_PASSWORD, TestContext, TestUser } from '@dafu/testing';

const CHALLENGE = 'Basic realm="Dafu queues"';
const NOT_ADMINS = ALL_ROLES.filter((role) => role !== Role.Admin);

/**
 * The board's routes are Fastify routes of @bull-board/fastify, not Nest controllers, so the
 * access matrix (built from the OpenAPI document) does not list them; this file is their matrix.
 * Every kind of route: the page, the JSON API, a static file, a write action, and a
 * percent-encoded spelling that Fastify's router decodes to the same route.
 */
const READS = [
  '/admin/queues',
  '/admin/queues/',
  '/admin/queues/queue/system',
  '/admin/queues/api/queues',
  '/admin/queues/api/redis/stats',
  '/admin/queues/static/images/logo.svg',
  '/admin/%71ueues/api/queues',
];
const PAUSE_SYSTEM = '/admin/queues/api/queues/system/pause';

function basic(username: string, password = TEST_PASSWORD): [string, string] {
  return ['authorization', `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`];
}

describe('Queue dashboard (Bull Board) at /admin/queues', () => {
  let ctx: TestContext;
  let admin: TestUser;
  const others = new Map<Role, TestUser>();

  beforeAll(async () => {
    ctx = await TestContext.start();
    admin = await ctx.newUser(Role.Admin);
    for (const role of NOT_ADMINS) others.set(role, await ctx.newUser(role));
  });
  afterAll(() => ctx.close());

  const systemQueue = () => ctx.app.get<Queue>(getQueueToken(QueueName.System), { strict: false });

  it.each(READS)('asks an anonymous browser for a password on %s (401 with the Basic challenge)', async (path) => {
    const response = await ctx.http().get(path);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(CHALLENGE);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body).toEqual({
      code: 'AUTH_TOKEN_MISSING',
      message: '请先登录。',
      messages: { zh: '请先登录。', en: 'Please log in first.' },
      requestId: response.headers['x-request-id'],
    });
  });

  it('refuses anonymous writes and HEAD requests too', async () => {
    const pause = await ctx.http().put(PAUSE_SYSTEM);
    expect(pause.status).toBe(401);
    expect(pause.headers['www-authenticate']).toBe(CHALLENGE);
    expect(await systemQueue().isPaused()).toBe(false);
    const head = await ctx.http().head('/admin/queues');
    expect(head.status).toBe(401);
    expect(head.headers['www-authenticate']).toBe(CHALLENGE);
  });

  it('answers a wrong password, an unknown user, a bad token or another scheme with 401 and the challenge', async () => {
    const cases: [string, string][] = [
      [basic(admin.username, 'wrong-password')[1], 'AUTH_INVALID_CREDENTIALS'],
      [basic('ghost-admin')[1], 'AUTH_INVALID_CREDENTIALS'],
      ['Basic bm8tY29sb24=', 'AUTH_TOKEN_INVALID'],
      ['Bearer not-a-token', 'AUTH_TOKEN_INVALID'],
      ['Digest username="x"', 'AUTH_TOKEN_INVALID'],
    ];
    for (const [authorization, code] of cases) {
      const response = await ctx
        .http()
        .get('/admin/queues')
        .set('authorization', authorization)
        .set('accept-language', 'en');
      expect({
        authorization,
        status: response.status,
        code: response.body.code,
        challenge: response.headers['www-authenticate'],
      }).toEqual({ authorization, status: 401, code, challenge: CHALLENGE });
      expect(response.body.message).toMatch(/[A-Za-z]/);
    }
  });

  it.each(NOT_ADMINS)('refuses a %s with 403, by Bearer token and by Basic auth, everywhere', async (role) => {
    const user = others.get(role) as TestUser;
    for (const path of READS) {
      for (const credentials of [bearer(user), basic(user.username)]) {
        const response = await ctx
          .http()
          .get(path)
          .set(...credentials);
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 403,
          code: 'FORBIDDEN',
        });
        expect(response.headers['www-authenticate']).toBeUndefined();
      }
    }
    const pause = await ctx
      .http()
      .put(PAUSE_SYSTEM)
      .set(...bearer(user));
    expect(pause.status).toBe(403);
    expect(await systemQueue().isPaused()).toBe(false);
  });

  it('shows an admin the HTML page with a Bearer token', async () => {
    const response = await ctx
      .http()
      .get('/admin/queues')
      .set(...bearer(admin));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<base href="/admin/queues/" />');
    expect(response.text).toContain('<title>Dafu 答复 queues</title>');
  });

  it('shows an admin the page, its static files and its API with Basic auth, as a browser sends it', async () => {
    const page = await ctx
      .http()
      .get('/admin/queues')
      .set(...basic(admin.username));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const stylesheet = /href="(static\/css\/[^"]+\.css)"/.exec(page.text)?.[1];
    expect(stylesheet).toBeDefined();
    const css = await ctx
      .http()
      .get(`/admin/queues/${stylesheet}`)
      .set(...basic(admin.username));
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    const anonymousCss = await ctx.http().get(`/admin/queues/${stylesheet}`);
    expect(anonymousCss.status).toBe(401);
    const logo = await ctx
      .http()
      .get('/admin/queues/static/images/logo.svg')
      .set(...basic(admin.username));
    expect(logo.status).toBe(200);
  });

  it('lists every QueueName in its JSON API, reading the Redis keys QueueModule writes', async () => {
    const job = await systemQueue().add('dashboard.probe', { probe: true }, { delay: 60 * 60 * 1000 });
    try {
      for (const credentials of [bearer(admin), basic(admin.username)]) {
        const response = await ctx
          .http()
          .get('/admin/queues/api/queues')
          .set(...credentials);
        expect(response.status).toBe(200);
        const queues = response.body.queues as { name: string; counts: Record<string, number> }[];
        expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
        expect(queues.find((queue) => queue.name === QueueName.System)?.counts.delayed).toBe(1);
      }
      for (const role of NOT_ADMINS) {
        const refused = await ctx
          .http()
          .get('/admin/queues/api/queues')
          .set(...bearer(others.get(role) as TestUser));
        expect({ role, status: refused.status }).toEqual({ role, status: 403 });
        expect(refused.body.queues).toBeUndefined();
      }
    } finally {
      await job.remove();
    }
  });

  it('refuses a disabled admin by Basic auth and by the token issued before', async () => {
    const other = await ctx.newUser(Role.Admin);
    const disable = await ctx
      .http()
      .patch(`/users/${other.id}`)
      .set(...bearer(admin))
      .send({ disabled: true });
    expect(disable.status).toBe(200);
    for (const credentials of [bearer(other), basic(other.username)]) {
      const response = await ctx
        .http()
        .get('/admin/queues/api/queues')
        .set(...credentials);
      expect({ status: response.status, code: response.body.code }).toEqual({
        status: 403,
        code: 'AUTH_USER_DISABLED',
      });
    }
  });

  it('stays out of the OpenAPI document, so the access matrix is unchanged', async () => {
    const document = await ctx.http().get('/docs/openapi.json');
    expect(document.status).toBe(200);
    expect(Object.keys(document.body.paths).filter((path) => path.startsWith('/admin/queues'))).toEqual([]);
    expect(Object.keys(document.body.paths)).toContain('/admin/failed-jobs');
  });
});
