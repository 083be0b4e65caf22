import { Role } from '@dafu/platform/vocabulary';
import { bearer, TEST_PASSWORD, TestContext } from '@dafu/testing';

describe('Authentication', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.start({ env: { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(() => ctx.close());

  it('logs in with the right password and returns tokens and who the user is', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const response = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { id: clerk.id, roles: ['clerk'], organisation: { id: clerk.organisationId, kind: 'bureau' } },
    });
    const me = await ctx.http().get('/auth/me').set('authorization', `Bearer ${response.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe(clerk.username);
  });

  it('accepts the username in any letter case', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const response = await ctx
      .http()
      .post('/auth/login')
      .send({ username: clerk.username.toUpperCase(), password: TEST_PASSWORD });
    expect(response.status).toBe(200);
  });

  it('refuses a wrong password with a coded 401 in Chinese and English', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const response = await ctx
      .http()
      .post('/auth/login')
      .send({ username: clerk.username, password: 'wrong-password-1' });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'AUTH_INVALID_CREDENTIALS',
      message: '用户名或密码错误。',
      messages: { zh: '用户名或密码错误。', en: 'Wrong username or password.' },
    });
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('answers in English when the client asks for it', async () => {
    const response = await ctx
      .http()
      .post('/auth/login')
      .set('accept-language', 'en-GB,en;q=0.9')
      .send({ username: 'nobody-here', password: 'whatever-123' });
    expect(response.status).toBe(401);
    expect(response.body.message).toBe('Wrong username or password.');
  });

  it('refuses an unknown user exactly like a wrong password', async () => {
    const response = await ctx.http().post('/auth/login').send({ username: 'ghost-user', password: 'whatever-123' });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses a disabled user at login and on tokens issued before', async () => {
    const admin = await ctx.newUser(Role.Admin);
    const clerk = await ctx.newUser(Role.Clerk);
    const disable = await ctx
      .http()
      .patch(`/users/${clerk.id}`)
      .set(...bearer(admin))
      .send({ disabled: true });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);

    const login = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('AUTH_USER_DISABLED');

    const withOldToken = await ctx
      .http()
      .get('/assignments')
      .set(...bearer(clerk));
    expect(withOldToken.status).toBe(403);
    expect(withOldToken.body.code).toBe('AUTH_USER_DISABLED');

    const enable = await ctx
      .http()
      .patch(`/users/${clerk.id}`)
      .set(...bearer(admin))
      .send({ disabled: false });
    expect(enable.body.disabled).toBe(false);
    const again = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    expect(again.status).toBe(200);
  });

  it('rate-limits repeated failed logins, even with the right password afterwards', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const failed = await ctx
        .http()
        .post('/auth/login')
        .send({ username: clerk.username, password: 'wrong-password-1' });
      expect(failed.status).toBe(401);
    }
    const limited = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH_RATE_LIMITED');
    expect(limited.body.details.retryAfterSeconds).toBeGreaterThan(0);

    const otherUser = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const unaffected = await ctx
      .http()
      .post('/auth/login')
      .send({ username: otherUser.username, password: TEST_PASSWORD });
    expect(unaffected.status).toBe(200);
  });

  it('cannot be slipped past by claiming another address in X-Forwarded-For', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await ctx
        .http()
        .post('/auth/login')
        .set('x-forwarded-for', `10.0.0.${attempt}`)
        .send({ username: clerk.username, password: 'wrong-password-1' });
    }
    const limited = await ctx
      .http()
      .post('/auth/login')
      .set('x-forwarded-for', '10.0.0.99')
      .send({ username: clerk.username, password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
  });

  it('rotates refresh tokens and treats a replayed one as theft', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const login = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    const first = login.body.refreshToken as string;

    const refreshed = await ctx.http().post('/auth/refresh').send({ refreshToken: first });
    expect(refreshed.status).toBe(200);
    const second = refreshed.body.refreshToken as string;
    expect(second).not.toBe(first);

    const replay = await ctx.http().post('/auth/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH_TOKEN_INVALID');

    // The replay revoked every session of the user, including the newest one.
    const afterReplay = await ctx.http().post('/auth/refresh').send({ refreshToken: second });
    expect(afterReplay.status).toBe(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const login = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    const logout = await ctx.http().post('/auth/logout').send({ refreshToken: login.body.refreshToken });
    expect(logout.status).toBe(204);
    const refresh = await ctx.http().post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refresh.status).toBe(401);
  });

  it('tells a missing token from an invalid one', async () => {
    const missing = await ctx.http().get('/proposals');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH_TOKEN_MISSING');
    const invalid = await ctx.http().get('/proposals').set('authorization', 'Bearer not-a-token');
    expect(invalid.status).toBe(401);
    expect(invalid.body.code).toBe('AUTH_TOKEN_INVALID');
  });

  it('does not accept a refresh token as an access token', async () => {
    const clerk = await ctx.newUser(Role.Clerk, undefined, { login: false });
    const login = await ctx.http().post('/auth/login').send({ username: clerk.username, password: TEST_PASSWORD });
    const response = await ctx.http().get('/assignments').set('authorization', `Bearer ${login.body.refreshToken}`);
    expect(response.status).toBe(401);
  });
});
