import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { addCalendarMonths } from '@dafu/deadlines/domain/local-date';
import { LetterDeliveryService } from '@dafu/documents/letter-delivery.service';
import { signFeedbackToken } from '@dafu/feedback/domain/feedback-link';
import { RepliesService } from '@dafu/replies/replies.service';
import { bearer, completeContent, draftedReply, TestContext, TestUser, today } from '@dafu/testing';

/**
 * 反馈 / 重新办理 / 跟踪办理 through the real API on Postgres: the registrar's and the proposer's
 * feedback, the re-handling it triggers, closing, and the follow-up list of B and C replies.
 * Issuing (the worker's step once the final documents exist) is called on the service directly.
 */
describe('Proposer feedback, re-handling and follow-ups', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let supervisor: TestUser;
  let sessionId: string;
  let bureau: { clerk: TestUser; reviewer: TestUser; signatory: TestUser };
  let other: { clerk: TestUser; reviewer: TestUser; signatory: TestUser };

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(Role.Supervisor);
    sessionId = (await ctx.newSession(registrar)).id;
    bureau = await staffOf(await ctx.newBureau());
    other = await staffOf(await ctx.newBureau());
  });
  afterAll(() => ctx.close());

  async function staffOf(org: Awaited<ReturnType<TestContext['newBureau']>>) {
    return {
      clerk: await ctx.newUser(Role.Clerk, org),
      reviewer: await ctx.newUser(Role.Reviewer, org),
      signatory: await ctx.newUser(Role.Signatory, org),
    };
  }

  const post = (path: string, user: TestUser | null, body: unknown = {}) => {
    const req = ctx.http().post(path);
    if (user) req.set(...bearer(user));
    return req.send(body as object);
  };
  const get = (path: string, user: TestUser | null) => {
    const req = ctx.http().get(path);
    if (user) req.set(...bearer(user));
    return req;
  };

  /** Approve, sign off, and (optionally) issue a submitted reply. */
  async function signAndIssue(replyId: string, version: number, issue = true) {
    const approved = await post(`/replies/${replyId}/approve`, bureau.reviewer, { version });
    expect(approved.status).toBe(200);
    const signed = await post(`/replies/${replyId}/sign-off`, bureau.signatory, { version });
    expect(signed.status).toBe(200);
    if (issue) {
      await expect(ctx.app.get(RepliesService).issue(replyId, async () => ({}))).resolves.toEqual({ issued: true });
    }
  }

  async function issuedReply(grade = 'A', issue = true) {
    const drafted = await draftedReply(ctx, registrar, sessionId, bureau.clerk, {
      submit: true,
      content: { proposedGrade: { grade, justification: '按办理情况拟定' } },
    });
    await signAndIssue(drafted.replyId, drafted.version, issue);
    return drafted;
  }

  const UNSATISFIED = {
    workRating: 'satisfied',
    resultRating: 'unsatisfied',
    talkedBeforeReply: true,
    comments: '希望落实运营补贴。',
  };
  const SATISFIED = { workRating: 'satisfied', resultRating: 'basically_satisfied', talkedBeforeReply: true };

  it('不满意 reopens the assignment for re-handling; the new reply, once issued and 满意, closes it and the proposal', async () => {
    const { replyId, assignmentId, proposalId } = await issuedReply();
    const firstDueOn = (await get(`/assignments/${assignmentId}`, bureau.clerk)).body.dueOn;
    expect((await get(`/replies/${replyId}`, bureau.clerk)).body.dueOn).toBe(firstDueOn);

    const recorded = await post(`/replies/${replyId}/feedback`, registrar, UNSATISFIED);
    expect(recorded.status).toBe(201);
    const dueOn = addCalendarMonths(today(), 1);
    expect(recorded.body).toMatchObject({
      replyId,
      assignmentId,
      workRating: 'satisfied',
      resultRating: 'unsatisfied',
      talkedBeforeReply: true,
      comments: '希望落实运营补贴。',
      channel: 'registrar',
      recordedBy: registrar.id,
      outcome: 'rehandle',
      assignmentStatus: 'rehandling',
      rehandlingDueOn: dueOn,
      newReplyId: expect.any(String),
    });

    // One feedback per letter.
    const again = await post(`/replies/${replyId}/feedback`, registrar, SATISFIED);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('FEEDBACK_ALREADY_RECORDED');

    const assignment = await get(`/assignments/${assignmentId}`, bureau.clerk);
    expect(assignment.body).toMatchObject({ status: 'rehandling', dueOn });
    // The first letter is still judged against the due date it answered.
    expect((await get(`/replies/${replyId}`, bureau.clerk)).body.dueOn).toBe(firstDueOn);

    // A later change of the rules leaves the re-handling's due date alone: it counts from the feedback.
    const admin = await ctx.newUser(Role.Admin);
    const rules = await ctx
      .http()
      .put('/handling-rules/cppcc')
      .set(...bearer(admin))
      .send({ replyMonths: 4 });
    expect(rules.status).toBe(200);
    expect((await get(`/assignments/${assignmentId}`, bureau.clerk)).body.dueOn).toBe(dueOn);
    await ctx
      .http()
      .put('/handling-rules/cppcc')
      .set(...bearer(admin))
      .send({ replyMonths: 3 });
    expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('assigned');

    // The reminders follow the new due date through the outbox.
    const events = await ctx.dataSource.query(
      `SELECT event_name, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY created_at, id`,
      [assignmentId],
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { event_name: 'assignment.due_date_changed', payload: expect.objectContaining({ dueOn }) },
        { event_name: 'notifications.created', payload: expect.objectContaining({ count: expect.any(Number) }) },
      ]),
    );

    // Supervisors and the bureau's clerks hear of it; another bureau's clerk does not.
    for (const user of [supervisor, bureau.clerk]) {
      const notifications = await get('/notifications', user);
      expect(notifications.status).toBe(200);
      const rehandling = (notifications.body as { kind: string; assignmentId: string; title: string }[]).filter(
        (n) => n.kind === 'rehandling' && n.assignmentId === assignmentId,
      );
      expect(rehandling).toHaveLength(1);
      expect(rehandling[0].title).toContain('重新办理');
    }
    const outsider = (await get('/notifications', other.clerk)).body as { assignmentId: string }[];
    expect(outsider.filter((n) => n.assignmentId === assignmentId)).toEqual([]);

    // The bureau has a new draft, round 2; starting another is refused.
    const newReplyId = recorded.body.newReplyId as string;
    const draft = await get(`/replies/${newReplyId}`, bureau.clerk);
    expect(draft.body).toMatchObject({ status: 'drafting', round: 2, assignmentId, version: 1 });
    expect((await post(`/assignments/${assignmentId}/replies`, bureau.clerk)).body.code).toBe('REPLY_EXISTS');

    const saved = await ctx
      .http()
      .put(`/replies/${newReplyId}/draft`)
      .set(...bearer(bureau.clerk))
      .send({ version: 1, content: completeContent(draft.body.content) });
    expect(saved.status).toBe(200);
    expect((await post(`/replies/${newReplyId}/submit`, bureau.clerk, { version: 2 })).status).toBe(200);
    await signAndIssue(newReplyId, 2);
    expect((await get(`/assignments/${assignmentId}`, bureau.clerk)).body.status).toBe('replied');
    expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('replied');

    const satisfied = await post(`/replies/${newReplyId}/feedback`, registrar, SATISFIED);
    expect(satisfied.status).toBe(201);
    expect(satisfied.body).toMatchObject({ outcome: 'close', assignmentStatus: 'closed', newReplyId: null });
    expect((await get(`/assignments/${assignmentId}`, bureau.clerk)).body.status).toBe('closed');
    expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('closed');

    // Each reader of the reply reads the feedback; the timeline tells the story in Chinese.
    for (const user of [registrar, supervisor, bureau.clerk, bureau.signatory]) {
      const feedback = await get(`/replies/${replyId}/feedback`, user);
      expect(feedback.status).toBe(200);
      expect(feedback.body).toMatchObject({ resultRating: 'unsatisfied', channel: 'registrar' });
    }
    const timeline = await get(`/assignments/${assignmentId}/timeline`, bureau.clerk);
    const texts = (timeline.body as { action: string; text: { zh: string } }[]).map((e) => e.text.zh);
    expect(texts).toEqual(
      expect.arrayContaining([
        '提案委（选工委）登记提出人反馈：办理工作满意，办理结果不满意',
        expect.stringMatching(new RegExp(`^提出人不满意，重新办理，办理期限由\\d{4}-\\d{2}-\\d{2}改为${dueOn}$`)),
        '提出人满意（基本满意），办结',
      ]),
    );
  });

  it('the proposer answers once through the link e-mailed with the letter; bad, expired and reused links are refused', async () => {
    const { replyId, assignmentId, proposalId } = await issuedReply();
    const url = ctx.app.get(LetterDeliveryService).feedbackUrl(replyId, new Date());
    const token = url.split('/public/feedback/')[1];
    expect(url.startsWith(ctx.app.get(DafuConfig).publicBaseUrl)).toBe(true);

    const page = await get(`/public/feedback/${token}`, null);
    expect(page.status).toBe(200);
    expect(Object.keys(page.body).sort()).toEqual(
      [
        'answered',
        'bureauName',
        'documentNumber',
        'expiresAt',
        'proposalKind',
        'proposalNumber',
        'proposalTitle',
        'sessionName',
        'signedOn',
      ].sort(),
    );
    const proposal = (await get(`/proposals/${proposalId}`, registrar)).body;
    expect(page.body).toMatchObject({
      proposalNumber: proposal.number,
      proposalTitle: proposal.title,
      bureauName: bureau.clerk.organisation.name,
      documentNumber: expect.stringContaining('〔'),
      answered: false,
    });
    // Nothing of the proposers or the handling.
    expect(JSON.stringify(page.body)).not.toContain('张三');
    // A personal page that changes once answered: no shared cache may keep it.
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers.etag).toBeUndefined();

    const invalid = await post(`/public/feedback/${token}`, null, { workRating: 'great', talkedBeforeReply: 'yes' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    // A NUL would reach PostgreSQL, which cannot store it: refused before anything is written.
    const nul = await post(`/public/feedback/${token}`, null, { ...SATISFIED, comments: '很好\u0000' });
    expect(nul.status).toBe(400);
    expect(nul.body.details.fields).toEqual([expect.objectContaining({ field: 'comments' })]);

    const answered = await post(`/public/feedback/${token}`, null, SATISFIED);
    expect(answered.status).toBe(201);
    expect(Object.keys(answered.body).sort()).toEqual(['recorded', 'recordedAt']);
    expect((await get(`/assignments/${assignmentId}`, registrar)).body.status).toBe('closed');
    expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('closed');

    const reused = await post(`/public/feedback/${token}`, null, UNSATISFIED);
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('FEEDBACK_ALREADY_RECORDED');
    expect((await get(`/public/feedback/${token}`, null)).body.answered).toBe(true);
    // The registrar cannot answer a second time either.
    expect((await post(`/replies/${replyId}/feedback`, registrar, UNSATISFIED)).body.code).toBe(
      'FEEDBACK_ALREADY_RECORDED',
    );

    const stored = await get(`/replies/${replyId}/feedback`, registrar);
    expect(stored.body).toMatchObject({
      channel: 'proposer_link',
      recordedBy: null,
      resultRating: 'basically_satisfied',
    });

    const [payload, signature] = token.split('.');
    const tampered = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const secret = ctx.app.get(DafuConfig).feedbackLink.secret;
    const expired = signFeedbackToken(replyId, new Date(Date.now() - 1000), secret);
    const forged = signFeedbackToken(
      replyId,
      new Date(Date.now() + 86_400_000),
      'someone-elses-secret-32-characters-long',
    );
    for (const [bad, status, code] of [
      [tampered, 404, 'FEEDBACK_LINK_INVALID'],
      ['abc', 404, 'FEEDBACK_LINK_INVALID'],
      [forged, 404, 'FEEDBACK_LINK_INVALID'],
      [expired, 410, 'FEEDBACK_LINK_EXPIRED'],
    ] as const) {
      for (const response of [
        await get(`/public/feedback/${bad}`, null),
        await post(`/public/feedback/${bad}`, null, SATISFIED),
      ]) {
        expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      }
    }

    // A letter signed but not yet sent takes no feedback.
    const signedOnly = await issuedReply('A', false);
    const early = signFeedbackToken(signedOnly.replyId, new Date(Date.now() + 86_400_000), secret);
    const notYet = await post(`/public/feedback/${early}`, null, SATISFIED);
    expect({ status: notYet.status, code: notYet.body.code }).toEqual({
      status: 409,
      code: 'FEEDBACK_REPLY_NOT_ISSUED',
    });
  });

  it('refuses other bureaus, the other body’s registrar, unsent letters and bad input', async () => {
    const { replyId } = await issuedReply();
    // Another bureau does not learn the reply exists.
    for (const user of [other.clerk, other.signatory]) {
      const response = await get(`/replies/${replyId}/feedback`, user);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 404, code: 'REPLY_NOT_FOUND' });
    }
    // The NPC's registrar does not record feedback on a CPPCC proposal.
    const npcRegistrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.NpcCommittee));
    const foreign = await post(`/replies/${replyId}/feedback`, npcRegistrar, SATISFIED);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });

    const missing = await get(`/replies/${replyId}/feedback`, registrar);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'FEEDBACK_NOT_FOUND' });

    for (const body of [
      {},
      { ...SATISFIED, workRating: 'very_satisfied' },
      { ...SATISFIED, talkedBeforeReply: undefined },
      { ...SATISFIED, extra: 1 },
    ]) {
      const response = await post(`/replies/${replyId}/feedback`, registrar, body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await post(`/replies/not-a-uuid/feedback`, registrar, SATISFIED)).status).toBe(400);

    const signedOnly = await issuedReply('A', false);
    const early = await post(`/replies/${signedOnly.replyId}/feedback`, registrar, SATISFIED);
    expect({ status: early.status, code: early.body.code }).toEqual({ status: 409, code: 'FEEDBACK_REPLY_NOT_ISSUED' });
  });

  it('keeps a B reply on the follow-up list until the bureau’s follow-up letter reports it solved', async () => {
    const { replyId, assignmentId } = await issuedReply('B');
    const graded = await issuedReply('A');
    const listed = async (user: TestUser, query = '') => {
      const response = await get(`/follow-ups?pageSize=500${query}`, user);
      expect(response.status).toBe(200);
      return (response.body.items as { replyId: string; grade: string; letters: number }[]).filter(
        (i) => i.replyId === replyId || i.replyId === graded.replyId,
      );
    };
    for (const user of [supervisor, registrar, bureau.clerk, bureau.signatory]) {
      expect(await listed(user)).toEqual([expect.objectContaining({ replyId, grade: 'B', letters: 0 })]);
    }
    expect(await listed(supervisor, `&sessionId=${sessionId}&bureauId=${bureau.clerk.organisation.id}`)).toHaveLength(
      1,
    );
    expect(await listed(supervisor, `&bureauId=${other.clerk.organisation.id}`)).toEqual([]);
    // Another bureau sees nothing of it, even when it asks for that bureau.
    expect(await listed(other.clerk)).toEqual([]);
    expect(await listed(other.clerk, `&bureauId=${bureau.clerk.organisation.id}`)).toEqual([]);
    const bad = await get('/follow-ups?bureauId=nope&page=0', supervisor);
    expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });

    const letter = { body: '该项目已列入明年计划，正在推进。', sentOn: today(), solved: false };
    const foreign = await post(`/replies/${replyId}/follow-ups`, other.clerk, letter);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'REPLY_NOT_FOUND' });
    const future = await post(`/replies/${replyId}/follow-ups`, bureau.clerk, {
      ...letter,
      sentOn: addCalendarMonths(today(), 1),
    });
    expect({ status: future.status, code: future.body.code }).toEqual({ status: 400, code: 'FOLLOW_UP_IN_THE_FUTURE' });
    const invalid = await post(`/replies/${replyId}/follow-ups`, bureau.clerk, { body: '', sentOn: '2024-13-01' });
    expect({ status: invalid.status, code: invalid.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const notListed = await post(`/replies/${graded.replyId}/follow-ups`, bureau.clerk, letter);
    expect({ status: notListed.status, code: notListed.body.code }).toEqual({
      status: 409,
      code: 'FOLLOW_UP_NOT_APPLICABLE',
    });

    const progress = await post(`/replies/${replyId}/follow-ups`, bureau.clerk, letter);
    expect(progress.status).toBe(201);
    expect(progress.body).toMatchObject({ replyId, solved: false, recordedBy: bureau.clerk.id });
    expect(await listed(supervisor)).toEqual([expect.objectContaining({ replyId, letters: 1 })]);

    const solved = await post(`/replies/${replyId}/follow-ups`, bureau.clerk, {
      body: '项目已建成投用，所提问题已解决。',
      sentOn: today(),
      solved: true,
    });
    expect(solved.status).toBe(201);
    expect(await listed(supervisor)).toEqual([]);
    expect(await listed(bureau.clerk)).toEqual([]);
    const after = await post(`/replies/${replyId}/follow-ups`, bureau.clerk, letter);
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 409, code: 'FOLLOW_UP_ALREADY_SOLVED' });

    const letters = await get(`/replies/${replyId}/follow-ups`, supervisor);
    expect(letters.body.map((l: { solved: boolean }) => l.solved)).toEqual([false, true]);
    expect((await get(`/replies/${replyId}/follow-ups`, other.clerk)).status).toBe(404);

    const timeline = await get(`/assignments/${assignmentId}/timeline`, bureau.clerk);
    const texts = (timeline.body as { text: { zh: string } }[]).map((e) => e.text.zh);
    expect(texts).toEqual(
      expect.arrayContaining([
        `报送跟踪办理情况（${today()}），继续跟踪办理`,
        `报送跟踪办理情况（${today()}），所提问题已解决，移出跟踪办理名单`,
      ]),
    );
  });
});
