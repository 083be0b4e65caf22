import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { QueueName } from '@dafu/platform/queue/queue-names';
import { OrganisationKind, Role, SessionBody } from '@dafu/platform/vocabulary';
import { bearer, completeContent, TestContext, TestUser } from '@dafu/testing';
import { binaryBody, until } from '@dafu/testing/letters';

/**
 * 公开 leak tests: a reply in every state and disclosure level, with everything the public must
 * never see (the proposer's phone, e-mail and address, a talk's notes, review comments, a co
 * opinion, staff names) written next to it; the public routes show exactly the published ones.
 */
describe('Public disclosure: the feed, pages and PDFs of published replies, and nothing else', () => {
  let ctx: TestContext;
  let admin: TestUser;
  let registrar: TestUser;
  let npcRegistrar: TestUser;
  let cppccSession: { id: string; name: string };
  let npcSession: { id: string; name: string };
  type Staff = { clerk: TestUser; reviewer: TestUser; signatory: TestUser };
  let bureauA: Staff;
  let bureauB: Staff;
  let coBureau: Staff;

  const SECRETS = {
    proposerPhone: '13912345678',
    proposerEmail: 'proposer-secret@example.cn',
    proposerAddress: '幸福路88号3单元501室',
    talkNotes: '电话沟通：委员私下透露的情况TALK-SECRET',
    talkParticipants: '委员本人及家属PARTICIPANT-SECRET',
    reviewComment: '请删去这段REVIEW-SECRET',
    coOpinion: '我局意见：内部数据暂不宜公开CO-SECRET',
    clerkName: '承办人甲CLERK-NAME',
    reviewerName: '审核人乙REVIEWER-NAME',
    draftText: '草稿里尚未定稿的一段DRAFT-SECRET',
    bureauContactPhone: '0398-2868001',
  };

  // Each public request comes from its own address (X-Forwarded-For, one trusted hop), so the
  // low rate limit of this file only bites where a test means it to.
  let addresses = 0;
  const nextAddress = () => `10.7.${Math.floor(addresses / 250)}.${(addresses++ % 250) + 1}`;
  const pub = (path: string, address = nextAddress()) => ctx.http().get(path).set('x-forwarded-for', address);
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

  async function staff(): Promise<Staff> {
    const bureau = await ctx.newBureau();
    return {
      clerk: await ctx.newUser(Role.Clerk, bureau),
      reviewer: await ctx.newUser(Role.Reviewer, bureau),
      signatory: await ctx.newUser(Role.Signatory, bureau),
    };
  }

  /** A lead assignment (with a co bureau when asked), acknowledged, drafted and submitted. */
  async function submitted(
    by: Staff,
    options: { disclosure?: object; grade?: string; session?: string; reg?: TestUser; co?: boolean } = {},
  ) {
    const reg = options.reg ?? registrar;
    const { proposal, assignments } = await ctx.newProposalAssignedTo(
      reg,
      options.session ?? cppccSession.id,
      [
        { bureauId: by.clerk.organisation.id, role: 'lead' },
        ...(options.co ? [{ bureauId: coBureau.clerk.organisation.id, role: 'co' as const }] : []),
      ],
      '2026-09-01',
    );
    await ctx.dataSource.query(`UPDATE proposers SET phone = $2, email = $3, address = $4 WHERE proposal_id = $1`, [
      proposal.id,
      SECRETS.proposerPhone,
      SECRETS.proposerEmail,
      SECRETS.proposerAddress,
    ]);
    const [lead, co] = assignments;
    expect((await post(`/assignments/${lead.id}/acknowledge`, by.clerk)).status).toBe(200);
    if (co) {
      expect((await post(`/assignments/${co.id}/acknowledge`, coBureau.clerk)).status).toBe(200);
      expect((await put(`/assignments/${co.id}/opinion`, coBureau.clerk, { body: SECRETS.coOpinion })).status).toBe(
        200,
      );
      expect((await post(`/assignments/${co.id}/opinion/send`, coBureau.reviewer)).status).toBe(200);
    }
    const talk = await post(`/assignments/${lead.id}/contacts`, by.clerk, {
      occurredOn: '2026-10-10',
      method: 'phone',
      participants: SECRETS.talkParticipants,
      summary: SECRETS.talkNotes,
    });
    expect(talk.status).toBe(201);
    const started = await post(`/assignments/${lead.id}/replies`, by.clerk);
    expect(started.status).toBe(201);
    const replyId = started.body.id as string;
    const saved = await put(`/replies/${replyId}/draft`, by.clerk, {
      version: 1,
      content: completeContent(started.body.content, {
        disclosure: options.disclosure ?? { level: 'public', reason: null },
        proposedGrade: { grade: options.grade ?? 'A', justification: '所提问题已基本解决' },
      }),
    });
    expect(saved.status).toBe(200);
    expect((await post(`/replies/${replyId}/submit`, by.clerk, { version: 2 })).status).toBe(200);
    return { replyId, proposal, assignmentId: lead.id };
  }

  /** Submitted, sent back once with a review comment, resubmitted, approved and signed off. */
  async function signed(by: Staff, options: Parameters<typeof submitted>[1] = {}) {
    const drafted = await submitted(by, options);
    const back = await post(`/replies/${drafted.replyId}/send-back`, by.reviewer, {
      version: 2,
      comments: [{ anchor: 'general', body: SECRETS.reviewComment }],
    });
    expect(back.status).toBe(200);
    expect((await post(`/replies/${drafted.replyId}/submit`, by.clerk, { version: 2 })).status).toBe(200);
    expect((await post(`/replies/${drafted.replyId}/approve`, by.reviewer, { version: 2 })).status).toBe(200);
    const signOff = await post(`/replies/${drafted.replyId}/sign-off`, by.signatory, { version: 2 });
    expect(signOff.status).toBe(200);
    return { ...drafted, documentNumber: signOff.body.documentNumber as string };
  }

  async function issued(replyId: string, by: Staff) {
    let last: unknown = null;
    await until(
      async () => {
        const reply = await get(`/replies/${replyId}`, by.clerk);
        last = reply.body.status;
        return reply.body.status === 'issued' ? reply.body : null;
      },
      `reply ${replyId} to be issued`,
      120_000,
    ).catch(async (error: Error) => {
      const outbox = await ctx.dataSource.query(`SELECT * FROM outbox_events ORDER BY 1 DESC LIMIT 5`).catch(() => []);
      throw new Error(`${error.message} (status ${String(last)}; outbox ${JSON.stringify(outbox)})`);
    });
  }

  const replies: Record<string, { replyId: string; documentNumber?: string; proposal: { number: number } }> = {};

  beforeAll(async () => {
    ctx = await TestContext.start({
      env: { PUBLIC_RATE_LIMIT: '5', PUBLIC_RATE_WINDOW_SECONDS: '60', TRUST_PROXY_HOPS: '1' },
    });
    admin = await ctx.newUser(Role.Admin);
    registrar = await ctx.newUser(Role.Registrar);
    npcRegistrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.NpcCommittee));
    cppccSession = await ctx.newSession(registrar);
    npcSession = await ctx.newSession(npcRegistrar, SessionBody.Npc);
    [bureauA, bureauB, coBureau] = [await staff(), await staff(), await staff()];
    for (const person of [bureauA, bureauB, coBureau]) {
      await ctx.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
        person.clerk.id,
        SECRETS.clerkName,
      ]);
      await ctx.dataSource.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [
        person.reviewer.id,
        SECRETS.reviewerName,
      ]);
    }
    // NPC suggestions' public replies wait 20 working days; CPPCC's appear at once (the default).
    const rules = await put('/handling-rules/npc', admin, { publicationDelayWorkingDays: 20 });
    expect([rules.status, rules.body.rules.publicationDelayWorkingDays]).toEqual([200, 20]);

    const worker = await ctx.startWorker();
    replies.publicA = await signed(bureauA, { co: true, grade: 'A' });
    replies.publicB = await signed(bureauB, { grade: 'B' });
    replies.onRequest = await signed(bureauA, { disclosure: { level: 'on_request', reason: '依申请公开' } });
    replies.notPublic = await signed(bureauA, { disclosure: { level: 'not_public', reason: '涉及个人信息' } });
    replies.voided = await signed(bureauA);
    replies.delayed = await signed(bureauA, { session: npcSession.id, reg: npcRegistrar });
    for (const name of ['publicA', 'publicB', 'onRequest', 'notPublic', 'voided', 'delayed']) {
      await issued(replies[name].replyId, name === 'publicB' ? bureauB : bureauA);
    }
    const voided = await post(`/replies/${replies.voided.replyId}/void`, bureauA.signatory, { reason: '答复对象有误' });
    expect(voided.body.status).toBe('voided');
    // The documents queue paused: this one stays signed, its letter not yet made nor sent.
    const config = worker.get(DafuConfig);
    const documents = new Queue(QueueName.Documents, {
      connection: { url: config.redis.url },
      prefix: `${config.redis.prefix}:bull`,
    });
    try {
      await documents.pause();
      replies.signedOnly = await signed(bureauA);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await get(`/replies/${replies.signedOnly.replyId}`, bureauA.clerk)).body.status).toBe('signed');
    } finally {
      await documents.close();
    }
    replies.inReview = await submitted(bureauA);
    replies.draft = await submitted(bureauA);
    await post(`/replies/${replies.draft.replyId}/send-back`, bureauA.reviewer, {
      version: 2,
      comments: [{ anchor: 'general', body: SECRETS.reviewComment }],
    });
    const current = await get(`/replies/${replies.draft.replyId}`, bureauA.clerk);
    const redrafted = await put(`/replies/${replies.draft.replyId}/draft`, bureauA.clerk, {
      version: 2,
      content: { ...current.body.content, preamble: [SECRETS.draftText] },
    });
    expect(redrafted.body.status).toBe('drafting');
  }, 300_000);
  afterAll(async () => {
    for (const key of ['PUBLIC_RATE_LIMIT', 'PUBLIC_RATE_WINDOW_SECONDS', 'TRUST_PROXY_HOPS']) delete process.env[key];
    await ctx.close();
  });

  /** The two published replies in the feed's order; the worker issued them in its own order. */
  async function newestFirst(): Promise<string[]> {
    const rows = await ctx.dataSource.query<{ id: string }[]>(
      `SELECT id FROM replies WHERE id = ANY($1) ORDER BY issued_at DESC, id`,
      [[replies.publicA.replyId, replies.publicB.replyId]],
    );
    return rows.map((row) => row.id);
  }

  function assertNoLeak(response: { text?: string; body: unknown }) {
    const serialized = response.text ?? JSON.stringify(response.body);
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect({ what, leaked: serialized.includes(secret) }).toEqual({ what, leaked: false });
    }
    for (const field of ['phone', 'email', 'address', 'contact', 'content', 'disclosure', 'comments', 'savedBy']) {
      expect(serialized).not.toContain(`"${field}"`);
    }
  }

  it('lists exactly the issued public replies past the delay, newest first, with nothing else', async () => {
    const feed = await pub('/public/replies');
    expect(feed.status).toBe(200);
    expect(feed.body.items.map((item: { id: string }) => item.id)).toEqual(await newestFirst());
    expect(feed.body).toMatchObject({ page: 1, pageSize: 20, total: 2 });
    expect(Object.keys(feed.body.items[0]).sort()).toEqual(
      [
        'id',
        'documentNumber',
        'sessionId',
        'sessionName',
        'body',
        'proposalKind',
        'proposalNumber',
        'proposalTitle',
        'bureauId',
        'bureauName',
        'grade',
        'letterDate',
        'issuedOn',
      ].sort(),
    );
    expect(feed.body.items.find((item: { id: string }) => item.id === replies.publicA.replyId)).toMatchObject({
      documentNumber: replies.publicA.documentNumber,
      sessionId: cppccSession.id,
      sessionName: cppccSession.name,
      proposalNumber: replies.publicA.proposal.number,
      bureauId: bureauA.clerk.organisation.id,
      grade: 'A',
    });
    assertNoLeak(feed);
  });

  it('filters by session, bureau and grade and pages', async () => {
    const ids = async (query: string) =>
      (await pub(`/public/replies?${query}`)).body.items.map((item: { id: string }) => item.id);
    expect(await ids(`bureauId=${bureauA.clerk.organisation.id}`)).toEqual([replies.publicA.replyId]);
    expect(await ids('grade=B')).toEqual([replies.publicB.replyId]);
    expect(await ids(`sessionId=${npcSession.id}`)).toEqual([]);
    const second = await pub('/public/replies?page=2&pageSize=1');
    expect(second.body).toMatchObject({ page: 2, pageSize: 1, total: 2 });
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([(await newestFirst())[1]]);
    // The total is counted apart from the page: a full first page, and a page past the end.
    expect((await pub('/public/replies?page=1&pageSize=1')).body).toMatchObject({ total: 2 });
    expect((await pub('/public/replies?page=3&pageSize=1')).body).toMatchObject({ items: [], total: 2 });
    expect((await pub('/public/replies?pageSize=1000')).status).toBe(400);
    expect((await pub('/public/replies?phone=1')).status).toBe(400);
  });

  it('searches the published replies by the letter’s words, the title and the 文号, and finds nothing else', async () => {
    const ids = async (q: string) =>
      (await pub(`/public/replies?q=${encodeURIComponent(q)}`)).body.items.map((item: { id: string }) => item.id);
    // Every reply here carries the heading 完善政策配套; only the two published ones may be found,
    // once the worker has indexed the signed letters.
    const published = await newestFirst();
    await until(async () => ((await ids('政策配套')).length === 2 ? true : null), 'the letters to be indexed');
    expect(await ids('政策配套')).toEqual(published);
    expect(await ids('政策配套 并不存在的词')).toEqual([]);
    const titleOf = async (replyId: string) =>
      (
        await ctx.dataSource.query<{ title: string }[]>(
          `SELECT p.title FROM replies r JOIN proposals p ON p.id = r.proposal_id WHERE r.id = $1`,
          [replyId],
        )
      )[0].title;
    expect(await ids(await titleOf(replies.publicA.replyId))).toEqual([replies.publicA.replyId]);
    expect(await ids(await titleOf(replies.notPublic.replyId))).toEqual([]);
    expect(await ids(await titleOf(replies.onRequest.replyId))).toEqual([]);
    expect(await ids(replies.publicB.documentNumber!)).toEqual([replies.publicB.replyId]);
    expect(await ids(replies.voided.documentNumber!)).toEqual([]);
    expect(await ids('100%_')).toEqual([]);
    expect((await pub(`/public/replies?q=${'长'.repeat(101)}`)).status).toBe(400);
  });

  it('shows a published reply’s page with the letter text and PDF link, without the contact line', async () => {
    const page = await pub(`/public/replies/${replies.publicA.replyId}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      id: replies.publicA.replyId,
      documentNumber: replies.publicA.documentNumber,
      grade: 'A',
      pdfUrl: expect.stringMatching(new RegExp(`/public/replies/${replies.publicA.replyId}/pdf$`)),
    });
    expect(page.body.text).toContain(replies.publicA.documentNumber);
    expect(page.body.text).toContain('完善政策配套，健全工作机制');
    expect(page.body.text).not.toContain('联系人');
    assertNoLeak(page);
  });

  it('answers 404 PUBLIC_REPLY_NOT_FOUND for every reply that is not published, and unknown ids', async () => {
    for (const name of ['onRequest', 'notPublic', 'voided', 'delayed', 'signedOnly', 'inReview', 'draft']) {
      const page = await pub(`/public/replies/${replies[name].replyId}`);
      expect({ name, status: page.status, code: page.body.code }).toEqual({
        name,
        status: 404,
        code: 'PUBLIC_REPLY_NOT_FOUND',
      });
      assertNoLeak(page);
      const pdf = await pub(`/public/replies/${replies[name].replyId}/pdf`);
      expect({ name, status: pdf.status, code: pdf.body.code }).toEqual({
        name,
        status: 404,
        code: 'PUBLIC_REPLY_NOT_FOUND',
      });
    }
    const unknown = await pub('/public/replies/00000000-0000-4000-8000-000000000000');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'PUBLIC_REPLY_NOT_FOUND']);
  });

  it('serves the signed PDF of a published reply only', async () => {
    const pdf = await pub(`/public/replies/${replies.publicA.replyId}/pdf`).buffer(true).parse(binaryBody);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pub(`/public/replies/${replies.publicA.replyId}/docx`)).status).toBe(404);
  });

  it('lists the sessions that have published replies', async () => {
    const sessions = await pub('/public/sessions');
    expect(sessions.status).toBe(200);
    expect(sessions.body).toEqual([
      expect.objectContaining({ id: cppccSession.id, name: cppccSession.name, body: 'cppcc', publishedReplies: 2 }),
    ]);
    assertNoLeak(sessions);
  });

  it('answers If-None-Match with 304 and tells caches how long to keep the answer', async () => {
    const first = await pub('/public/replies');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await pub('/public/replies').set('if-none-match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const other = await pub('/public/replies').set('if-none-match', 'W/"something-else"');
    expect(other.status).toBe(200);
    const page = await pub(`/public/replies/${replies.publicA.replyId}`);
    expect(
      (await pub(`/public/replies/${replies.publicA.replyId}`).set('if-none-match', page.headers.etag)).status,
    ).toBe(304);
  });

  it('caches under this app’s Redis prefix only: another deployment’s (or test run’s) entries are never read', async () => {
    const prefix = process.env.REDIS_PREFIX as string;
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      await redis.del(...(await redis.keys(`${prefix}:public-cache:*`)));
      const fresh = await pub('/public/replies?grade=A');
      const ours = await redis.keys(`${prefix}:public-cache:*`);
      expect(ours).toHaveLength(1);
      // The same entry under another prefix, poisoned: this app must not see it.
      const foreign = ours[0].replace(`${prefix}:`, `${prefix}-other:`);
      await redis.set(foreign, JSON.stringify({ items: [], page: 1, pageSize: 20, total: 999 }), 'EX', 60);
      await redis.del(ours[0]);
      const again = await pub('/public/replies?grade=A');
      expect(again.body).toEqual(fresh.body);
      expect(again.body.total).toBe(1);
      await redis.del(foreign);
      expect(await redis.ttl(ours[0])).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('publishes a delayed reply once its working days have passed', async () => {
    expect((await pub(`/public/replies/${replies.delayed.replyId}`)).status).toBe(404);
    ctx.pinToday('2027-03-31');
    try {
      const page = await pub(`/public/replies/${replies.delayed.replyId}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({ sessionId: npcSession.id, body: 'npc', proposalKind: 'suggestion' });
      assertNoLeak(page);
      const feed = await pub(`/public/replies?sessionId=${npcSession.id}`);
      expect(feed.body.items.map((item: { id: string }) => item.id)).toEqual([replies.delayed.replyId]);
    } finally {
      ctx.pinToday(null);
    }
  });

  it('rate-limits every public route per client address with 429 PUBLIC_RATE_LIMITED and Retry-After', async () => {
    const address = '10.99.0.1';
    const paths = ['/public/replies', '/public/sessions', '/verify/unknown', '/public/future-route', '/public/replies'];
    for (const path of paths) expect((await pub(path, address)).status).not.toBe(429);
    const limited = await pub('/public/replies', address).set('accept-language', 'en');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      code: 'PUBLIC_RATE_LIMITED',
      message: 'Too many requests; please try again later.',
      messages: { zh: '访问过于频繁，请稍后再试。' },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await pub('/verify/unknown', address)).status).toBe(429);
    expect((await pub('/public/feedback/some-token', address)).status).toBe(429);
    // Another address is not affected, nor are the authenticated routes.
    expect((await pub('/public/replies', '10.99.0.2')).status).toBe(200);
    expect((await get('/handling-rules', registrar).set('x-forwarded-for', address)).status).toBe(200);
  });

  it('drops a reply voided after publication at once: the worker moves the cache generation on', async () => {
    const before = await pub('/public/replies');
    expect(before.body.items.map((item: { id: string }) => item.id)).toContain(replies.publicB.replyId);
    expect((await pub(`/public/replies/${replies.publicB.replyId}`)).status).toBe(200);
    const voided = await post(`/replies/${replies.publicB.replyId}/void`, bureauB.signatory, { reason: '答复有误' });
    expect(voided.body.status).toBe('voided');
    // The PDF is checked on every download; the cached feed and page follow the event, well within the TTL.
    expect((await pub(`/public/replies/${replies.publicB.replyId}/pdf`)).status).toBe(404);
    await until(
      async () => {
        const feed = await pub('/public/replies');
        return !feed.body.items.some((item: { id: string }) => item.id === replies.publicB.replyId);
      },
      'the voided reply to leave the feed',
      15_000,
    );
    expect((await pub(`/public/replies/${replies.publicB.replyId}`)).status).toBe(404);
  });
});
