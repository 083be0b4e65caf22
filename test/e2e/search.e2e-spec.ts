import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@dafu/platform/vocabulary';
import { RepliesService } from '@dafu/replies/replies.service';
import { bearer, draftedReply, TestContext, TestUser } from '@dafu/testing';
import { until } from '@dafu/testing/letters';
import { EXPECTED_LETTERS, SEEDS_DIR } from '@dafu/testing/seed-letters';

interface Hit {
  type: string;
  id: string;
  title: string;
  documentNumber: string | null;
  names: string;
  rank: number;
  snippet: { text: string; marks: { start: number; end: number }[]; html: string };
}

describe('Search over proposals, signed replies and the archive', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let supervisor: TestUser;
  let clerkA: TestUser;
  let reviewerA: TestUser;
  let signatoryA: TestUser;
  let clerkB: TestUser;
  let sessionId: string;
  const letterIds = new Map<string, string>();

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(Role.Supervisor);
    const bureauA = await ctx.newBureau();
    const bureauB = await ctx.newBureau();
    clerkA = await ctx.newUser(Role.Clerk, bureauA);
    reviewerA = await ctx.newUser(Role.Reviewer, bureauA);
    signatoryA = await ctx.newUser(Role.Signatory, bureauA);
    clerkB = await ctx.newUser(Role.Clerk, bureauB);
    sessionId = (await ctx.newSession(registrar)).id;
    const upload = ctx
      .http()
      .post('/archive/imports')
      .set(...bearer(registrar));
    for (const letter of EXPECTED_LETTERS) {
      upload.attach('files', readFileSync(join(SEEDS_DIR, letter.file)), { filename: letter.file });
    }
    const imported = await upload;
    expect(imported.body.importedCount).toBe(5);
    for (const result of imported.body.results) letterIds.set(result.file, result.letterId);
    await ctx.startWorker();
  });
  afterAll(() => ctx.close());

  async function search(user: TestUser, query: Record<string, string>): Promise<{ items: Hit[]; total: number }> {
    const response = await ctx
      .http()
      .get('/search')
      .query(query)
      .set(...bearer(user));
    expect(response.status).toBe(200);
    return response.body;
  }

  function indexed(sourceId: string, state?: string) {
    return until(async () => {
      const rows = await ctx.dataSource.query(`SELECT state FROM search_documents WHERE source_id = $1`, [sourceId]);
      return rows.length > 0 && (state === undefined || rows[0].state === state);
    }, `${sourceId} in the search index`);
  }

  it('finds every letter that mentions 日间照料, the one about community care first, with highlighted snippets', async () => {
    const page = await search(clerkA, { q: '日间照料' });
    expect(page.total).toBe(5);
    const files = page.items.map((hit) => [...letterIds.entries()].find(([, id]) => id === hit.id)?.[0]);
    // 关于提高社区养老服务水平的几点建议 speaks of 日间照料 seven times; 本溪's letter once, in passing.
    expect(files[0]).toBe('puyang-npc-9-1-269.txt');
    expect(files[files.length - 1]).toBe('benxi-cppcc-1014.txt');
    const ranks = page.items.map((hit) => hit.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    for (const hit of page.items) {
      expect(hit.type).toBe('archived_letter');
      expect(hit.snippet.html).toContain('<mark>日间照料</mark>');
      expect(hit.snippet.marks.length).toBeGreaterThan(0);
      for (const mark of hit.snippet.marks) expect(hit.snippet.text.slice(mark.start, mark.end)).toMatch(/日间|照料/);
    }
  });

  it('narrows by kind, grade and type, and pages', async () => {
    const suggestions = await search(clerkA, { q: '日间照料', kind: 'suggestion' });
    expect(suggestions.items.map((h) => h.id)).toEqual([letterIds.get('puyang-npc-9-1-269.txt')]);
    const gradeA = await search(clerkA, { q: '养老', grade: 'A', type: 'archived_letter' });
    expect(gradeA.items.map((h) => h.id)).toEqual([letterIds.get('sanmenxia-cppcc-8-1-146.txt')]);
    const second = await search(clerkA, { q: '日间照料', page: '2', pageSize: '2' });
    expect(second).toMatchObject({ total: 5 });
    expect(second.items).toHaveLength(2);
    const none = await search(clerkA, { q: '日间照料', type: 'reply' });
    expect(none.total).toBe(0);
  });

  it('looks up a 文号 however its brackets are typed, and names by substring', async () => {
    const sanmenxia = letterIds.get('sanmenxia-cppcc-8-1-146.txt');
    for (const q of ['三民文〔2023〕21号', '三民文[2023]21号', '（2023）21']) {
      const page = await search(clerkA, { q });
      expect({ q, first: page.items[0]?.id }).toEqual({ q, first: sanmenxia });
    }
    expect((await search(clerkA, { documentNumber: '三民文' })).items.map((h) => h.id)).toEqual([sanmenxia]);
    const byName = await search(clerkA, { name: '晓静' });
    expect(byName.items.map((h) => h.id)).toEqual([letterIds.get('puyang-cppcc-9-2-228.txt')]);
    // Two characters make no trigram: the name grams serve them, as a name= filter or as q.
    expect((await search(clerkA, { q: '韩冰' })).items[0].id).toBe(sanmenxia);
    expect((await search(clerkA, { name: '民盟' })).items.map((h) => h.id)).toEqual([
      letterIds.get('benxi-cppcc-1014.txt'),
    ]);
    const leader = await search(clerkA, { q: '左锋杰' });
    expect(leader.items[0].id).toBe(sanmenxia);
    expect(leader.items[0].names).toContain('左锋杰');
  });

  it('indexes proposals through the outbox, visible to their bureaus and the city only', async () => {
    const { proposal } = await ctx.newAssignedProposal(registrar, sessionId, clerkA.organisation.id);
    await ctx
      .http()
      .patch(`/proposals/${proposal.id}`)
      .set(...bearer(registrar))
      .send({ version: proposal.version + 1, title: '关于开办老年助餐点的提案', body: '建议在社区开办老年助餐点。' })
      .expect(200);
    await until(async () => {
      const rows = await ctx.dataSource.query(`SELECT title FROM search_documents WHERE source_id = $1`, [proposal.id]);
      return rows[0]?.title === '关于开办老年助餐点的提案';
    }, 'the edited proposal in the index');

    const own = await search(clerkA, { q: '助餐点' });
    expect(own.items.map((h) => [h.type, h.id])).toEqual([['proposal', proposal.id]]);
    expect(own.items[0].snippet.html).toContain('<mark>助餐点</mark>');
    expect((await search(clerkB, { q: '助餐点', type: 'reply' })).total).toBe(0);
    expect((await search(supervisor, { q: '助餐点', sessionId })).total).toBe(1);
    expect((await search(registrar, { q: '助餐点', bureauId: clerkA.organisation.id })).total).toBe(1);
    expect((await search(registrar, { q: '助餐点', bureauId: clerkB.organisation.id })).total).toBe(0);
  });

  it('never shows drafts; a signed reply is found by its bureau and the city, not by another bureau', async () => {
    const { replyId, proposalId } = await draftedReply(ctx, registrar, sessionId, clerkA, {
      submit: true,
      content: {
        sections: [{ heading: '建设银发食堂', paragraphs: ['全市建成银发食堂十二家。'], source: null }],
        // Not public: once issued, a public reply is everyone's to read; this one stays its bureau's.
        disclosure: { level: 'not_public', reason: '涉及内部工作安排' },
      },
    });
    await indexed(proposalId);
    expect((await search(clerkA, { q: '银发食堂' })).total).toBe(0);
    expect((await search(registrar, { q: '银发食堂' })).total).toBe(0);

    await ctx
      .http()
      .post(`/replies/${replyId}/approve`)
      .set(...bearer(reviewerA))
      .send({ version: 2 })
      .expect(200);
    const signed = await ctx
      .http()
      .post(`/replies/${replyId}/sign-off`)
      .set(...bearer(signatoryA))
      .send({ version: 2 });
    expect(signed.status).toBe(200);
    await indexed(replyId);

    const own = await search(clerkA, { q: '银发食堂' });
    expect(own.items.map((h) => [h.type, h.id])).toEqual([['reply', replyId]]);
    expect(own.items[0].documentNumber).toBe(signed.body.documentNumber);
    expect((await search(supervisor, { q: '银发食堂' })).total).toBe(1);
    expect((await search(clerkB, { q: '银发食堂' })).total).toBe(0);
    expect((await search(clerkA, { documentNumber: signed.body.documentNumber })).items[0].id).toBe(replyId);

    // A voided letter leaves the index.
    await ctx
      .http()
      .post(`/replies/${replyId}/void`)
      .set(...bearer(signatoryA))
      .send({ reason: '文号错误，重新签发' })
      .expect(200);
    await until(async () => {
      const rows = await ctx.dataSource.query(`SELECT 1 FROM search_documents WHERE source_id = $1`, [replyId]);
      return rows.length === 0;
    }, 'the voided reply gone from the index');
    expect((await search(clerkA, { q: '银发食堂' })).total).toBe(0);
  });

  it('shows another bureau’s public reply once published, as /public does, and not before', async () => {
    const { replyId, proposalId } = await draftedReply(ctx, registrar, sessionId, clerkA, {
      submit: true,
      content: {
        sections: [{ heading: '建设助餐点', paragraphs: ['全市建成老年助餐点三十家。'], source: null }],
        disclosure: { level: 'public', reason: null },
      },
    });
    await indexed(proposalId);
    await ctx
      .http()
      .post(`/replies/${replyId}/approve`)
      .set(...bearer(reviewerA))
      .send({ version: 2 })
      .expect(200);
    await ctx
      .http()
      .post(`/replies/${replyId}/sign-off`)
      .set(...bearer(signatoryA))
      .send({ version: 2 })
      .expect(200);
    await expect(ctx.app.get(RepliesService).issue(replyId, async () => ({}))).resolves.toEqual({ issued: true });
    await indexed(replyId, 'issued');

    const admin = await ctx.newUser(Role.Admin);
    const delay = (days: number) =>
      ctx
        .http()
        .put('/handling-rules/cppcc')
        .set(...bearer(admin))
        .send({ publicationDelayWorkingDays: days })
        .expect(200);
    await delay(20);
    expect((await search(clerkB, { q: '助餐点', type: 'reply' })).total).toBe(0);
    expect((await search(clerkA, { q: '助餐点', type: 'reply' })).total).toBe(1);
    await delay(0);
    expect((await search(clerkB, { q: '助餐点', type: 'reply' })).items.map((h) => [h.type, h.id])).toEqual([
      ['reply', replyId],
    ]);
  });

  it('validates its query', async () => {
    const response = await ctx
      .http()
      .get('/search')
      .query({ type: 'draft', pageSize: '1000' })
      .set(...bearer(clerkA));
    expect(response.status).toBe(400);
    for (const query of [{ q: '刘\u0000晓静' }, { name: '刘\u0000晓静' }, { documentNumber: '三\u0000民' }]) {
      const nul = await ctx
        .http()
        .get('/search')
        .query(query)
        .set(...bearer(clerkA));
      expect(nul.status).toBe(400);
      expect(nul.body.code).toBe('VALIDATION_FAILED');
    }
  });
});
