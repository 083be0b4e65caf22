import { Role } from '@dafu/platform/vocabulary';
import {
  bearer,
  completeContent,
  draftedReply,
  TEST_PASSWORD,
  TestContext,
  TestUser,
  undocumentedShape,
  uniqueName,
} from '@dafu/testing';

describe('Replies: drafts, review, sign-off, voiding', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let admin: TestUser;
  let sessionId: string;
  let clerk: TestUser;
  let secondClerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let outsider: { clerk: TestUser; reviewer: TestUser; signatory: TestUser };

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    admin = await ctx.newUser(Role.Admin);
    sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    secondClerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    const other = await ctx.newBureau();
    outsider = {
      clerk: await ctx.newUser(Role.Clerk, other),
      reviewer: await ctx.newUser(Role.Reviewer, other),
      signatory: await ctx.newUser(Role.Signatory, other),
    };
  });
  afterAll(() => ctx.close());

  const get = (path: string, user: TestUser) =>
    ctx
      .http()
      .get(path)
      .set(...bearer(user));
  const post = (path: string, user: TestUser, body: object = {}) =>
    ctx
      .http()
      .post(path)
      .set(...bearer(user))
      .send(body);
  const put = (path: string, user: TestUser, body: object) =>
    ctx
      .http()
      .put(path)
      .set(...bearer(user))
      .send(body);

  async function awaitingSignoff(): Promise<{ replyId: string; assignmentId: string; proposalId: string }> {
    const drafted = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });
    const approved = await post(`/replies/${drafted.replyId}/approve`, reviewer, { version: 2 });
    expect(approved.body.status).toBe('awaiting_signoff');
    return drafted;
  }

  describe('starting a draft', () => {
    it('prefills the title, addressees, opening and cc list from the proposal and the templates', async () => {
      const { proposal, assignment } = await ctx.newAssignedProposal(registrar, sessionId, clerk.organisation.id);
      await post(`/assignments/${assignment.id}/acknowledge`, clerk);
      const started = await post(`/assignments/${assignment.id}/replies`, clerk);
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({ status: 'drafting', version: 1, round: 1, waitingFor: 'clerk' });
      const content = started.body.content;
      expect(content.title).toMatch(new RegExp(`第${proposal.number}号提案的答复$`));
      expect(content.addressees).toMatchObject({ people: ['张三'], title: '委员', organisation: null });
      expect(content.opening).toContain('关于测试的提案');
      expect(content.cc).toEqual([
        { recipient: '市政协提案委', copies: 2 },
        { recipient: '市委市政府督查局', copies: 2 },
      ]);
      expect(content.issuer).toBe(clerk.organisation.name);

      const again = await post(`/assignments/${assignment.id}/replies`, secondClerk);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('REPLY_EXISTS');
    });

    it('adds the co bureaus to the lead reply cc list, and shows their opinions beside the draft', async () => {
      const coBureau = await ctx.newBureau();
      const { assignments } = await ctx.newProposalAssignedTo(registrar, sessionId, [
        { bureauId: clerk.organisation.id, role: 'lead' },
        { bureauId: coBureau.id, role: 'co' },
      ]);
      await post(`/assignments/${assignments[0].id}/acknowledge`, clerk);
      const started = await post(`/assignments/${assignments[0].id}/replies`, clerk);
      expect(started.body.content.cc).toContainEqual({ recipient: coBureau.name, copies: 1 });
      const sources = await get(`/replies/${started.body.id}/sources`, clerk);
      expect(sources.body).toEqual({
        coOpinions: [expect.objectContaining({ bureauName: coBureau.name, status: 'missing' })],
        similarReplies: [],
      });
      expect(undocumentedShape(sources.body, 'GET', '/replies/{id}/sources')).toEqual([]);

      const coClerk = await ctx.newUser(Role.Clerk, coBureau);
      await post(`/assignments/${assignments[1].id}/acknowledge`, coClerk);
      const coReply = await post(`/assignments/${assignments[1].id}/replies`, coClerk);
      expect(coReply.status).toBe(422);
      expect(coReply.body.code).toBe('REPLY_NOT_APPLICABLE');
    });

    it('refuses before the assignment is acknowledged, and to another bureau', async () => {
      const { assignment } = await ctx.newAssignedProposal(registrar, sessionId, clerk.organisation.id);
      const early = await post(`/assignments/${assignment.id}/replies`, clerk);
      expect(early.status).toBe(409);
      expect(early.body.code).toBe('ASSIGNMENT_CLOSED_FOR_WORK');
      const foreign = await post(`/assignments/${assignment.id}/replies`, outsider.clerk);
      expect(foreign.status).toBe(404);
    });
  });

  describe('versions and optimistic locking', () => {
    it('keeps every save as a version, refuses a stale edit naming who changed it, and compares versions', async () => {
      const drafted = await draftedReply(ctx, registrar, sessionId, clerk);
      const current = await get(`/replies/${drafted.replyId}`, clerk);
      const edited = { ...current.body.content, opening: `${current.body.content.opening}（修改）` };

      const stale = await put(`/replies/${drafted.replyId}/draft`, secondClerk, { version: 1, content: edited });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('REPLY_VERSION_CONFLICT');
      expect(stale.body.details).toMatchObject({ currentVersion: 2, savedByName: clerk.displayName });
      expect(stale.body.messages.zh).toContain(clerk.displayName);

      const saved = await put(`/replies/${drafted.replyId}/draft`, secondClerk, { version: 2, content: edited });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 3, lastSavedByName: secondClerk.displayName });

      const versions = await get(`/replies/${drafted.replyId}/versions`, clerk);
      expect(versions.body.map((v: { number: number; savedByName: string }) => [v.number, v.savedByName])).toEqual([
        [1, clerk.displayName],
        [2, clerk.displayName],
        [3, secondClerk.displayName],
      ]);
      const diff = await get(`/replies/${drafted.replyId}/diff?from=2&to=3`, clerk);
      expect(diff.status).toBe(200);
      expect(diff.body).toHaveLength(1);
      expect(diff.body[0]).toMatchObject({ kind: 'changed', path: 'opening' });
      expect(diff.body[0].segments).toContainEqual({ op: 'insert', text: '（修改）' });
      expect(undocumentedShape(diff.body, 'GET', '/replies/{id}/diff')).toEqual([]);
      const missing = await get(`/replies/${drafted.replyId}/versions/9`, clerk);
      expect(missing.status).toBe(404);
    });
  });

  describe('bad input', () => {
    it('refuses cc copies below 1 and recipients that would break the 抄送 line, saving nothing', async () => {
      const drafted = await draftedReply(ctx, registrar, sessionId, clerk);
      const current = (await get(`/replies/${drafted.replyId}`, clerk)).body;
      for (const cc of [
        [{ recipient: '市政协提案委', copies: 0 }],
        [{ recipient: '市政协提案委（2份）', copies: 2 }],
        [{ recipient: '', copies: 1 }],
      ]) {
        const refused = await put(`/replies/${drafted.replyId}/draft`, clerk, {
          version: 2,
          content: { ...current.content, cc },
        });
        expect(refused.status).toBe(400);
        expect(refused.body.details.problems[0].field).toMatch(/^cc\[0\]/);
      }
      const wrongType = await put(`/replies/${drafted.replyId}/draft`, clerk, {
        version: 2,
        content: { ...current.content, cc: [{ recipient: '市政协提案委', copies: 'two' }] },
      });
      expect(wrongType.status).toBe(400);
      expect((await get(`/replies/${drafted.replyId}`, clerk)).body.version).toBe(2);
    });

    it('answers 413 with the limit when the text is too long', async () => {
      const drafted = await draftedReply(ctx, registrar, sessionId, clerk);
      const current = (await get(`/replies/${drafted.replyId}`, clerk)).body;
      const tooLong = await put(`/replies/${drafted.replyId}/draft`, clerk, {
        version: 2,
        content: { ...current.content, preamble: ['养'.repeat(50_001)] },
      });
      expect(tooLong.status).toBe(413);
      expect(tooLong.body).toMatchObject({ code: 'REPLY_TOO_LONG', details: { limit: 50_000 } });
      expect((await get(`/replies/${drafted.replyId}`, clerk)).body.version).toBe(2);
    });
  });

  describe('submitting for review', () => {
    it('lists everything missing, in words a clerk reads', async () => {
      const { assignment } = await ctx.newAssignedProposal(registrar, sessionId, clerk.organisation.id);
      await post(`/assignments/${assignment.id}/acknowledge`, clerk);
      const started = await post(`/assignments/${assignment.id}/replies`, clerk);
      const check = await get(`/replies/${started.body.id}/completeness`, clerk);
      const items = check.body.map((m: { item: string }) => m.item);
      expect(items).toEqual(expect.arrayContaining(['grade', 'body', 'contact_name', 'contact_phone']));
      expect(undocumentedShape(check.body, 'GET', '/replies/{id}/completeness')).toEqual([]);
      const refused = await post(`/replies/${started.body.id}/submit`, clerk, { version: 1 });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('REPLY_INCOMPLETE');
      expect(refused.body.details.missing.map((m: { item: string }) => m.item)).toEqual(items);
      expect(refused.body.details.missing[0].zh).toEqual(expect.any(String));
    });

    it('requires a logged talk where the rules say so, and every co opinion received or waived', async () => {
      const strict = await put('/handling-rules/cppcc', admin, { talkRequiredBeforeReview: true });
      expect(strict.status).toBe(200);
      try {
        const coBureau = await ctx.newBureau();
        const { assignments } = await ctx.newProposalAssignedTo(registrar, sessionId, [
          { bureauId: clerk.organisation.id, role: 'lead' },
          { bureauId: coBureau.id, role: 'co' },
        ]);
        const lead = assignments[0].id;
        await post(`/assignments/${lead}/acknowledge`, clerk);
        const started = await post(`/assignments/${lead}/replies`, clerk);
        await put(`/replies/${started.body.id}/draft`, clerk, {
          version: 1,
          content: completeContent(started.body.content),
        });
        const refused = await post(`/replies/${started.body.id}/submit`, clerk, { version: 2 });
        expect(refused.status).toBe(422);
        expect(refused.body.details.missing).toEqual([
          expect.objectContaining({ item: 'talk' }),
          expect.objectContaining({ item: 'co_opinion', detail: coBureau.name }),
        ]);

        await post(`/assignments/${lead}/contacts`, clerk, {
          occurredOn: '2023-05-10',
          method: 'phone',
          participants: '张三委员',
          summary: '电话沟通办理思路',
        });
        await post(`/assignments/${lead}/co-opinions/${assignments[1].id}/waive`, clerk, { reason: '会办单位无意见' });
        const accepted = await post(`/replies/${started.body.id}/submit`, clerk, { version: 2 });
        expect(accepted.status).toBe(200);
        expect(accepted.body).toMatchObject({
          status: 'in_review',
          currentStepName: '科室审核',
          waitingFor: 'reviewer',
        });
      } finally {
        await put('/handling-rules/cppcc', admin, { talkRequiredBeforeReview: false });
      }
    });
  });

  describe('review', () => {
    it('lets only the current step role of the same bureau act, and never on their own draft', async () => {
      const drafted = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });
      expect((await post(`/replies/${drafted.replyId}/approve`, signatory, { version: 2 })).status).toBe(403);
      expect((await post(`/replies/${drafted.replyId}/approve`, clerk, { version: 2 })).status).toBe(403);
      expect((await post(`/replies/${drafted.replyId}/approve`, outsider.reviewer, { version: 2 })).status).toBe(404);

      // A section chief who also drafts: the text they wrote needs someone else's approval.
      const both = await post('/users', admin, {
        username: uniqueName('both'),
        displayName: '既起草又审核的科长',
        organisationId: clerk.organisation.id,
        roles: [Role.Clerk, Role.Reviewer],
        password: TEST_PASSWORD,
      });
      expect(both.status).toBe(201);
      const author = { ...clerk, token: await ctx.login(both.body.username) };
      const own = await draftedReply(ctx, registrar, sessionId, author, { submit: true });
      const refused = await post(`/replies/${own.replyId}/approve`, author, { version: 2 });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('REPLY_OWN_DRAFT');
      expect((await post(`/replies/${own.replyId}/approve`, reviewer, { version: 2 })).status).toBe(200);
    });

    it('sends back with anchored comments the clerk sees and answers, and walks a configured chain', async () => {
      const chain = await put(`/bureaus/${clerk.organisation.id}/review-chain`, signatory, {
        steps: [
          { name: '科室审核', role: 'reviewer' },
          { name: '分管领导审核', role: 'signatory' },
        ],
      });
      expect(chain.status).toBe(200);
      expect(chain.body.description).toBe('科室审核 → 分管领导审核 → 签发');
      try {
        const drafted = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true });
        const back = await post(`/replies/${drafted.replyId}/send-back`, reviewer, {
          version: 2,
          comments: [
            { anchor: 'section:1', body: '请写明资金数额' },
            { anchor: 'cc', body: '抄送应加市财政局' },
          ],
        });
        expect(back.body).toMatchObject({ status: 'drafting', currentStep: null });
        const comments = await get(`/replies/${drafted.replyId}/comments`, clerk);
        expect(comments.body.map((c: { anchor: string; stepName: string }) => [c.anchor, c.stepName])).toEqual([
          ['section:1', '科室审核'],
          ['cc', '科室审核'],
        ]);
        const answer = await post(`/replies/${drafted.replyId}/comments/${comments.body[0].id}/answer`, clerk, {
          answer: '已写明',
        });
        expect(answer.body).toMatchObject({ answer: '已写明', answeredBy: clerk.id });
        expect((await post(`/replies/${drafted.replyId}/submit`, clerk, { version: 2 })).status).toBe(200);
        const first = await post(`/replies/${drafted.replyId}/approve`, reviewer, { version: 2 });
        expect(first.body).toMatchObject({
          status: 'in_review',
          currentStepName: '分管领导审核',
          waitingFor: 'signatory',
        });
        expect((await post(`/replies/${drafted.replyId}/approve`, reviewer, { version: 2 })).status).toBe(403);
        const second = await post(`/replies/${drafted.replyId}/approve`, signatory, { version: 2 });
        expect(second.body.status).toBe('awaiting_signoff');
        const badAnchor = await post(`/replies/${drafted.replyId}/send-back`, signatory, {
          version: 2,
          comments: [{ anchor: 'page 3', body: '?' }],
        });
        expect(badAnchor.status).toBe(400);
      } finally {
        await put(`/bureaus/${clerk.organisation.id}/review-chain`, signatory, {
          steps: [{ name: '科室审核', role: 'reviewer' }],
        });
      }
    });

    it('keeps review chains to their bureau and refuses a malformed one', async () => {
      expect((await get(`/bureaus/${clerk.organisation.id}/review-chain`, outsider.clerk)).status).toBe(404);
      expect(
        (await put(`/bureaus/${clerk.organisation.id}/review-chain`, outsider.signatory, { steps: [] })).status,
      ).toBe(404);
      const blank = await put(`/bureaus/${clerk.organisation.id}/review-chain`, signatory, {
        steps: [{ name: ' ', role: 'reviewer' }],
      });
      expect(blank.status).toBe(400);
      expect(blank.body.code).toBe('REVIEW_CHAIN_INVALID');
    });
  });

  describe('sign-off', () => {
    it('numbers the letter, fixes the signatory and grade, answers the assignment and proposal, and freezes the text', async () => {
      const { replyId, assignmentId, proposalId } = await awaitingSignoff();
      const unexplained = await post(`/replies/${replyId}/sign-off`, signatory, { version: 2, grade: 'B' });
      expect(unexplained.status).toBe(400);
      const signed = await post(`/replies/${replyId}/sign-off`, signatory, {
        version: 2,
        grade: 'B',
        gradeChangeReason: '部分措施尚在推进',
      });
      expect(signed.status).toBe(200);
      const year = new Date().getFullYear();
      expect(signed.body).toMatchObject({
        status: 'signed',
        grade: 'B',
        signatoryName: signatory.displayName,
        signedVersion: 2,
        documentNumber: expect.stringMatching(new RegExp(`^.+〔${year}〕\\d+号$`)),
      });
      expect((await get(`/assignments/${assignmentId}`, clerk)).body.status).toBe('replied');
      expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('replied');

      const history = await get(`/replies/${replyId}/history`, clerk);
      expect(history.body.at(-1)).toMatchObject({
        action: 'reply.sign_off',
        toState: 'signed',
        reason: '部分措施尚在推进',
        data: expect.objectContaining({ grade: 'B', proposedGrade: 'A', gradeChanged: true }),
      });
      expect(undocumentedShape(history.body, 'GET', '/replies/{id}/history')).toEqual([]);
      const outbox = await ctx.dataSource.query(
        `SELECT event_name FROM outbox_events WHERE aggregate_type = 'reply' AND aggregate_id = $1`,
        [replyId],
      );
      expect(outbox).toEqual([{ event_name: 'reply.signed' }]);

      const edit = await put(`/replies/${replyId}/draft`, clerk, {
        version: 2,
        content: completeContent(signed.body.content, { opening: '改' }),
      });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('REPLY_FINAL');
      expect((await post(`/replies/${replyId}/submit`, clerk, { version: 2 })).body.code).toBe('REPLY_FINAL');
      await expect(ctx.dataSource.query(`UPDATE replies SET grade = 'C' WHERE id = $1`, [replyId])).rejects.toThrow(
        /signed and cannot change/,
      );
      await expect(
        ctx.dataSource.query(`UPDATE reply_versions SET content = '{}'::jsonb WHERE reply_id = $1`, [replyId]),
      ).rejects.toThrow(/append-only/);

      // The city reads signed letters; of a draft only its status, unless an admin granted drafts.
      expect((await get(`/replies/${replyId}`, registrar)).status).toBe(200);
      const draft = await draftedReply(ctx, registrar, sessionId, clerk);
      const hidden = await get(`/replies/${draft.replyId}`, registrar);
      expect([hidden.status, hidden.body.code]).toEqual([403, 'REPLY_DRAFT_HIDDEN']);
    });

    it('refuses another bureau, the wrong role, and a stale version', async () => {
      const { replyId } = await awaitingSignoff();
      expect((await post(`/replies/${replyId}/sign-off`, outsider.signatory, { version: 2 })).status).toBe(404);
      expect((await post(`/replies/${replyId}/sign-off`, reviewer, { version: 2 })).status).toBe(403);
      expect((await get(`/replies/${replyId}`, outsider.clerk)).status).toBe(404);
      expect((await get(`/replies/${replyId}/text`, outsider.signatory)).status).toBe(404);
      const stale = await post(`/replies/${replyId}/sign-off`, signatory, { version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('REPLY_VERSION_CONFLICT');
    });

    it('voids a wrong letter: the number stays taken and the next letter gets a new one', async () => {
      const { replyId, assignmentId, proposalId } = await awaitingSignoff();
      const signed = await post(`/replies/${replyId}/sign-off`, signatory, { version: 2 });
      const voided = await post(`/replies/${replyId}/void`, signatory, { reason: '答复对象有误' });
      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({
        status: 'voided',
        voidReason: '答复对象有误',
        documentNumber: signed.body.documentNumber,
      });
      expect((await get(`/assignments/${assignmentId}`, clerk)).body.status).toBe('acknowledged');
      expect((await get(`/proposals/${proposalId}`, registrar)).body.status).toBe('assigned');

      const restarted = await post(`/assignments/${assignmentId}/replies`, clerk);
      expect(restarted.status).toBe(201);
      await put(`/replies/${restarted.body.id}/draft`, clerk, {
        version: 1,
        content: completeContent(restarted.body.content),
      });
      await post(`/replies/${restarted.body.id}/submit`, clerk, { version: 2 });
      await post(`/replies/${restarted.body.id}/approve`, reviewer, { version: 2 });
      const again = await post(`/replies/${restarted.body.id}/sign-off`, signatory, { version: 2 });
      expect(again.status).toBe(200);
      const sequenceOf = (n: string) => Number(/(\d+)号$/.exec(n)?.[1]);
      expect(sequenceOf(again.body.documentNumber)).toBeGreaterThan(sequenceOf(signed.body.documentNumber));
      expect((await post(`/replies/${replyId}/void`, signatory, { reason: '再次作废' })).body.code).toBe('REPLY_FINAL');
    });
  });

  describe('attachments on drafts', () => {
    it('keeps supporting files with the draft, and none once signed', async () => {
      const { replyId } = await awaitingSignoff();
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
      const early = await ctx
        .http()
        .post(`/replies/${replyId}/attachments`)
        .set(...bearer(clerk))
        .attach('file', pdf, '床位统计表.pdf');
      expect(early.status).toBe(409);
      const drafted = await draftedReply(ctx, registrar, sessionId, clerk);
      const added = await ctx
        .http()
        .post(`/replies/${drafted.replyId}/attachments`)
        .set(...bearer(clerk))
        .attach('file', pdf, '床位统计表.pdf');
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ ownerType: 'reply', ownerId: drafted.replyId, filename: '床位统计表.pdf' });
      const listed = await get(`/replies/${drafted.replyId}/attachments`, reviewer);
      expect(listed.body.map((a: { id: string }) => a.id)).toEqual([added.body.id]);
      expect((await get(`/replies/${drafted.replyId}/attachments`, outsider.clerk)).status).toBe(404);
    });
  });

  describe('configuration', () => {
    it('lets admins add a fourth grade class to one body only', async () => {
      const scale = await put('/grade-scales/npc', admin, {
        classes: [
          { grade: 'A', label: '已解决或基本解决', meaning: '' },
          { grade: 'B', label: '正在解决或列入计划解决', meaning: '' },
          { grade: 'C', label: '因条件限制暂时不能解决', meaning: '' },
          { grade: 'D', label: '留作参考', meaning: '' },
        ],
      });
      expect(scale.status).toBe(200);
      const scales = await get('/grade-scales', clerk);
      const grades = (body: string) =>
        scales.body.find((s: { body: string }) => s.body === body).classes.map((c: { grade: string }) => c.grade);
      expect(grades('npc')).toEqual(['A', 'B', 'C', 'D']);
      expect(grades('cppcc')).toEqual(['A', 'B', 'C']);

      const cppccDraft = await draftedReply(ctx, registrar, sessionId, clerk);
      const current = (await get(`/replies/${cppccDraft.replyId}`, clerk)).body;
      const d = await put(`/replies/${cppccDraft.replyId}/draft`, clerk, {
        version: 2,
        content: { ...current.content, proposedGrade: { grade: 'D', justification: '留作参考' } },
      });
      expect(d.status).toBe(400);
      expect(d.body.details.problems[0].field).toBe('proposedGrade.grade');
      const repeated = await put('/grade-scales/npc', admin, {
        classes: [
          { grade: 'A', label: '甲', meaning: '' },
          { grade: 'A', label: '乙', meaning: '' },
        ],
      });
      expect(repeated.status).toBe(400);
      expect((await put('/grade-scales/npc', clerk, { classes: [] })).status).toBe(403);
    });

    it('starts drafts from the bureau template an admin saved, and refuses unknown placeholders', async () => {
      const base = {
        body: 'cppcc',
        bureauId: clerk.organisation.id,
        titleTemplate: '关于对{session}第{number}号{kind}的答复',
        openingTemplate: '您提出的“{title}”已收悉。现答复如下：',
        organisationOpeningTemplate: '您单位提出的“{title}”已收悉。现答复如下：',
        closing: ['欢迎各位委员对我们的工作多提宝贵意见。'],
        defaultCc: [{ recipient: '市政协提案委', copies: 3 }],
        headingsOnOwnLine: true,
        honorific: '尊敬的',
      };
      const unknown = await put('/reply-templates', admin, { ...base, titleTemplate: '第{numero}号' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.problems[0].field).toBe('titleTemplate');
      const saved = await put('/reply-templates', admin, base);
      expect(saved.status).toBe(200);
      try {
        const drafted = await draftedReply(ctx, registrar, sessionId, clerk);
        const first = (await get(`/replies/${drafted.replyId}/versions/1`, clerk)).body.content;
        expect(first).toMatchObject({
          headingsOnOwnLine: true,
          closing: ['欢迎各位委员对我们的工作多提宝贵意见。'],
          cc: [{ recipient: '市政协提案委', copies: 3 }],
          addressees: expect.objectContaining({ honorific: '尊敬的' }),
        });
        expect(first.title).toMatch(/^关于对.+第\d+号提案的答复$/);
        expect(
          (await get('/reply-templates', outsider.clerk)).body.map((t: { bureauId: string }) => t.bureauId),
        ).not.toContain(clerk.organisation.id);
      } finally {
        await put('/reply-templates', admin, {
          ...base,
          headingsOnOwnLine: false,
          honorific: '',
          closing: [],
          defaultCc: [],
        });
      }
    });

    it('continues a 文号 series begun on paper, only forward', async () => {
      const prefix = `${uniqueName('续')}文`;
      const set = await put('/document-number-series', admin, { prefix, year: 2023, lastNumber: 20 });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ prefix, year: 2023, lastNumber: 20 });
      const back = await put('/document-number-series', admin, { prefix, year: 2023, lastNumber: 19 });
      expect(back.status).toBe(409);
      expect(back.body.code).toBe('DOCUMENT_NUMBER_SERIES_BACKWARDS');
      expect((await put('/document-number-series', signatory, { prefix, year: 2023, lastNumber: 30 })).status).toBe(
        403,
      );
    });
  });
});
