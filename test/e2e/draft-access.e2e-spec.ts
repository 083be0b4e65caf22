import { Role } from '@dafu/platform/vocabulary';
import { bearer, draftedReply, TestContext, TestUser } from '@dafu/testing';

/** City readers see drafts' status, not their text, unless an admin grants mayReadDrafts. */
describe('Draft access: supervisors read unsigned replies only when granted', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let registrar: TestUser;
  let supervisor: TestUser;
  let clerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let outsiderClerk: TestUser;
  let sessionId: string;
  let draft: { replyId: string; assignmentId: string };
  let signedId: string;

  const get = (path: string, user: TestUser) =>
    ctx
      .http()
      .get(path)
      .set(...bearer(user));
  const patch = (path: string, user: TestUser, body: object) =>
    ctx
      .http()
      .patch(path)
      .set(...bearer(user))
      .send(body);
  const post = (path: string, user: TestUser, body: object = {}) =>
    ctx
      .http()
      .post(path)
      .set(...bearer(user))
      .send(body);

  const TEXT_ENDPOINTS = (id: string) => [
    `/replies/${id}`,
    `/replies/${id}/text`,
    `/replies/${id}/versions`,
    `/replies/${id}/versions/2`,
    `/replies/${id}/diff?from=1&to=2`,
    `/replies/${id}/comments`,
    `/replies/${id}/completeness`,
    `/replies/${id}/sources`,
    `/replies/${id}/attachments`,
    `/replies/${id}/documents/pdf`,
    `/replies/${id}/preview`,
  ];

  beforeAll(async () => {
    ctx = await TestContext.start();
    admin = await ctx.newUser(Role.Admin);
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(Role.Supervisor);
    sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    outsiderClerk = await ctx.newUser(Role.Clerk, await ctx.newBureau());
    draft = await draftedReply(ctx, registrar, sessionId, clerk, {
      content: { preamble: ['尚未定稿的草稿段落'] },
    });
    const toSign = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });
    expect((await post(`/replies/${toSign.replyId}/approve`, reviewer, { version: 2 })).status).toBe(200);
    expect((await post(`/replies/${toSign.replyId}/sign-off`, signatory, { version: 2 })).status).toBe(200);
    signedId = toSign.replyId;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('refuses a supervisor without the grant every text of a draft with 403 REPLY_DRAFT_HIDDEN', async () => {
    for (const path of TEXT_ENDPOINTS(draft.replyId)) {
      const response = await get(path, supervisor);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 403,
        code: 'REPLY_DRAFT_HIDDEN',
      });
      expect(JSON.stringify(response.body)).not.toContain('尚未定稿');
    }
  });

  it('still shows the supervisor the draft’s status in the list and the timeline, without notes', async () => {
    const list = await get(`/assignments/${draft.assignmentId}/replies`, supervisor);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ id: draft.replyId, status: 'drafting' })]);
    const history = await get(`/replies/${draft.replyId}/history`, supervisor);
    expect(history.status).toBe(200);
    expect(history.body.map((e: { action: string }) => e.action)).toContain('reply.saved');
    expect(history.body.every((e: { data: object; reason: unknown }) => Object.keys(e.data).length === 0)).toBe(true);
    expect(JSON.stringify(history.body)).not.toContain('尚未定稿');
    // The raw audit trail would carry the notes: a reply's trail is read through its history only.
    const audit = await get(`/audit-events?entityType=reply&entityId=${draft.replyId}`, supervisor);
    expect(audit.status).toBe(400);
    expect(audit.body.code).toBe('AUDIT_REPLY_TRAIL_ELSEWHERE');
  });

  it('lets the supervisor read the draft once an admin grants it, audited, and not after it is revoked', async () => {
    expect((await patch(`/users/${supervisor.id}`, supervisor, { mayReadDrafts: true })).status).toBe(403);
    const granted = await patch(`/users/${supervisor.id}`, admin, { mayReadDrafts: true });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ id: supervisor.id, mayReadDrafts: true });
    expect((await patch(`/users/${supervisor.id}`, admin, { mayReadDrafts: 'yes' })).status).toBe(400);

    const view = await get(`/replies/${draft.replyId}`, supervisor);
    expect(view.status).toBe(200);
    expect(view.body.content.preamble).toEqual(['尚未定稿的草稿段落']);
    const text = await get(`/replies/${draft.replyId}/text`, supervisor);
    expect([text.status, text.text.includes('尚未定稿的草稿段落')]).toEqual([200, true]);
    expect((await get(`/replies/${draft.replyId}/versions/2`, supervisor)).status).toBe(200);

    const [audit] = await ctx.dataSource.query(
      `SELECT actor_user_id, data FROM audit_events WHERE entity_type = 'user' AND entity_id = $1 AND action = 'user.updated'`,
      [supervisor.id],
    );
    expect(audit).toEqual({
      actor_user_id: admin.id,
      data: { mayReadDrafts: true, previousMayReadDrafts: false },
    });

    expect((await patch(`/users/${supervisor.id}`, admin, { mayReadDrafts: false })).body.mayReadDrafts).toBe(false);
    const hidden = await get(`/replies/${draft.replyId}`, supervisor);
    expect([hidden.status, hidden.body.code]).toEqual([403, 'REPLY_DRAFT_HIDDEN']);
  });

  it('shows signed letters to the city always', async () => {
    for (const reader of [supervisor, registrar]) {
      const view = await get(`/replies/${signedId}`, reader);
      expect([view.status, view.body.status]).toEqual([200, 'signed']);
      expect((await get(`/replies/${signedId}/text`, reader)).status).toBe(200);
    }
  });

  it('keeps a bureau reading its own drafts and refuses another bureau, grant or not', async () => {
    expect((await get(`/replies/${draft.replyId}/text`, clerk)).status).toBe(200);
    expect((await get(`/replies/${draft.replyId}`, reviewer)).status).toBe(200);
    for (const grant of [false, true]) {
      expect((await patch(`/users/${outsiderClerk.id}`, admin, { mayReadDrafts: grant })).status).toBe(200);
      for (const id of [draft.replyId, signedId]) {
        const foreign = await get(`/replies/${id}`, outsiderClerk);
        expect([foreign.status, foreign.body.code]).toEqual([404, 'REPLY_NOT_FOUND']);
        expect((await get(`/replies/${id}/text`, outsiderClerk)).status).toBe(404);
        expect((await get(`/replies/${id}/history`, outsiderClerk)).status).toBe(404);
      }
    }
  });

  it('hides a draft’s files from the supervisor in the assignment’s list and on download, until granted', async () => {
    const uploaded = await ctx
      .http()
      .post(`/replies/${draft.replyId}/attachments`)
      .set(...bearer(clerk))
      .attach('file', Buffer.from('草稿附件：内部测算数据'), '测算.txt');
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.id as string;
    const listed = async (user: TestUser) =>
      (await get(`/assignments/${draft.assignmentId}/attachments`, user)).body.map((a: { id: string }) => a.id);

    expect(await listed(clerk)).toContain(fileId);
    expect(await listed(supervisor)).not.toContain(fileId);
    const refused = await get(`/attachments/${fileId}`, supervisor);
    expect([refused.status, refused.body.code]).toEqual([403, 'REPLY_DRAFT_HIDDEN']);
    expect((await get(`/attachments/${fileId}`, outsiderClerk)).status).toBe(404);

    await patch(`/users/${supervisor.id}`, admin, { mayReadDrafts: true });
    try {
      expect(await listed(supervisor)).toContain(fileId);
      expect((await get(`/attachments/${fileId}`, supervisor)).status).toBe(200);
    } finally {
      await patch(`/users/${supervisor.id}`, admin, { mayReadDrafts: false });
    }
  });
});
