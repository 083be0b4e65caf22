import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser, uniqueName } from '@dafu/testing';

describe('Organisations and users (administration)', () => {
  let ctx: TestContext;
  let admin: TestUser;

  beforeAll(async () => {
    ctx = await TestContext.start();
    admin = await ctx.newUser(Role.Admin);
  });
  afterAll(() => ctx.close());

  it('creates a bureau with its 文号 prefix; only bureaus may have one; names are unique', async () => {
    const name = uniqueName('三门峡市民政局');
    const created = await ctx
      .http()
      .post('/organisations')
      .set(...bearer(admin))
      .send({ name, kind: 'bureau', documentNumberPrefix: '三民文' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name, kind: 'bureau', documentNumberPrefix: '三民文' });

    const again = await ctx
      .http()
      .post('/organisations')
      .set(...bearer(admin))
      .send({ name, kind: 'bureau' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORGANISATION_NAME_TAKEN');

    const committee = await ctx
      .http()
      .post('/organisations')
      .set(...bearer(admin))
      .send({ name: uniqueName('提案委'), kind: 'cppcc_committee', documentNumberPrefix: '提文' });
    expect(committee.status).toBe(422);
    expect(committee.body.code).toBe('DOCUMENT_NUMBER_PREFIX_NOT_ALLOWED');

    const renamed = await ctx
      .http()
      .patch(`/organisations/${created.body.id}`)
      .set(...bearer(admin))
      .send({ documentNumberPrefix: '三民函' });
    expect(renamed.body.documentNumberPrefix).toBe('三民函');
    const bureaus = await ctx
      .http()
      .get('/organisations')
      .query({ kind: 'bureau' })
      .set(...bearer(admin));
    expect(bureaus.body.every((o: { kind: string }) => o.kind === 'bureau')).toBe(true);
  });

  it('creates users who can log in, with roles that fit their organisation', async () => {
    const bureau = await ctx.newBureau();
    const username = uniqueName('wangli');
    const created = await ctx
      .http()
      .post('/users')
      .set(...bearer(admin))
      .send({
        username,
        displayName: '王丽',
        organisationId: bureau.id,
        roles: ['clerk', 'reviewer'],
        password: 'Strong-pass-2026',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username, roles: ['clerk', 'reviewer'], disabled: false });
    expect(created.body.passwordHash).toBeUndefined();
    const token = await ctx.login(username, 'Strong-pass-2026');
    expect(token).toEqual(expect.any(String));

    const misplaced = await ctx
      .http()
      .post('/users')
      .set(...bearer(admin))
      .send({
        username: uniqueName('x'),
        displayName: '某人',
        organisationId: bureau.id,
        roles: ['registrar'],
        password: 'Strong-pass-2026',
      });
    expect(misplaced.status).toBe(422);
    expect(misplaced.body).toMatchObject({
      code: 'ROLE_NOT_ALLOWED_IN_ORGANISATION',
      details: { roles: ['registrar'] },
    });

    const taken = await ctx
      .http()
      .post('/users')
      .set(...bearer(admin))
      .send({
        username: username.toUpperCase(),
        displayName: '王丽',
        organisationId: bureau.id,
        roles: ['clerk'],
        password: 'Strong-pass-2026',
      });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');

    const weak = await ctx
      .http()
      .post('/users')
      .set(...bearer(admin))
      .send({
        username: uniqueName('y'),
        displayName: '某人',
        organisationId: bureau.id,
        roles: ['clerk'],
        password: 'short',
      });
    expect(weak.status).toBe(400);
    expect(weak.body.details.fields.map((f: { field: string }) => f.field)).toContain('password');
  });

  it('changes roles and passwords; a new password ends old sessions', async () => {
    const clerk = await ctx.newUser(Role.Clerk);
    const login = await ctx
      .http()
      .post('/auth/login')
      .send({ username: clerk.username, password: 'Test-password-2026' });
    const roles = await ctx
      .http()
      .patch(`/users/${clerk.id}`)
      .set(...bearer(admin))
      .send({ roles: ['clerk', 'signatory'] });
    expect(roles.body.roles).toEqual(['clerk', 'signatory']);
    const password = await ctx
      .http()
      .patch(`/users/${clerk.id}`)
      .set(...bearer(admin))
      .send({ password: 'Another-pass-2026' });
    expect(password.status).toBe(200);
    const refresh = await ctx.http().post('/auth/refresh').send({ refreshToken: login.body.refreshToken });
    expect(refresh.status).toBe(401);
    await expect(ctx.login(clerk.username, 'Another-pass-2026')).resolves.toEqual(expect.any(String));

    const audit = await ctx
      .http()
      .get('/audit-events')
      .query({ entityType: 'user', entityId: clerk.id })
      .set(...bearer(admin));
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(['user.updated', 'user.updated']);
    expect(JSON.stringify(audit.body)).not.toContain('Another-pass-2026');
  });

  it('does not let an administrator lock themselves out', async () => {
    const response = await ctx
      .http()
      .patch(`/users/${admin.id}`)
      .set(...bearer(admin))
      .send({ disabled: true });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('USER_CANNOT_DISABLE_SELF');
  });

  it('lets everyone read the directory of organisations, but only admins list users', async () => {
    const supervisor = await ctx.newUser(
      Role.Supervisor,
      await ctx.newOrganisation(OrganisationKind.SupervisionOffice),
    );
    expect(
      (
        await ctx
          .http()
          .get('/organisations')
          .set(...bearer(supervisor))
      ).status,
    ).toBe(200);
    expect(
      (
        await ctx
          .http()
          .get('/users')
          .set(...bearer(supervisor))
      ).status,
    ).toBe(403);
    const users = await ctx
      .http()
      .get('/users')
      .set(...bearer(admin));
    expect(users.body.some((u: { id: string }) => u.id === supervisor.id)).toBe(true);
  });
});
