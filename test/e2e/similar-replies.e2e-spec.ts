import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@dafu/platform/vocabulary';
import { SimilarRepliesService } from '@dafu/search/similar-replies.service';
import { bearer, draftedReply, TestContext, TestUser, undocumentedShape } from '@dafu/testing';
import { until } from '@dafu/testing/letters';
import { EXPECTED_LETTERS, SEEDS_DIR } from '@dafu/testing/seed-letters';

const PUYANG_2023 = 'puyang-npc-9-1-269.txt';
const PUYANG_2024 = 'puyang-cppcc-9-2-228.txt';

function seedText(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

interface Similar {
  kind: string;
  id: string;
  title: string;
  score: number;
  sharedTerms: string[];
  sections: { index: number; heading: string; paragraphs: string[] }[];
}

describe('Similar past replies beside a draft', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let clerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let otherClerk: TestUser;
  let sessionId: string;
  const letterIds = new Map<string, string>();

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    otherClerk = await ctx.newUser(Role.Clerk);
    sessionId = (await ctx.newSession(registrar)).id;
    const upload = ctx
      .http()
      .post('/archive/imports')
      .set(...bearer(registrar));
    for (const letter of EXPECTED_LETTERS) {
      upload.attach('files', readFileSync(join(SEEDS_DIR, letter.file)), { filename: letter.file });
    }
    const imported = await upload;
    for (const result of imported.body.results) letterIds.set(result.file, result.letterId);
    await ctx.startWorker();
  });
  afterAll(() => ctx.close());

  it('the two 濮阳 letters, answering near-identical questions a year apart, find each other first', async () => {
    const similar = ctx.app.get(SimilarRepliesService);
    for (const [from, to] of [
      [PUYANG_2024, PUYANG_2023],
      [PUYANG_2023, PUYANG_2024],
    ]) {
      const expected = EXPECTED_LETTERS.find((l) => l.file === from);
      const found = await similar.similarTo(
        {
          userId: registrar.id,
          username: registrar.username,
          organisationId: registrar.organisation.id,
          organisationKind: registrar.organisation.kind,
          roles: [Role.Registrar],
        },
        expected?.proposalTitle ?? '',
        seedText(from),
        { excludeArchivedLetterId: letterIds.get(from) },
      );
      expect({ from, first: found[0]?.id }).toEqual({ from, first: letterIds.get(to) });
      expect(found.map((f) => f.id)).not.toContain(letterIds.get(from));
    }
  });

  it('fills similarReplies in a draft\u2019s sources, ranked, with reusable sections', async () => {
    // This year's proposal asks what 濮阳's 2024 letter answers; the archive holds last year's answer.
    const { replyId, proposalId } = await draftedReply(ctx, registrar, sessionId, clerk);
    const proposal = await ctx
      .http()
      .get(`/proposals/${proposalId}`)
      .set(...bearer(registrar));
    await ctx
      .http()
      .patch(`/proposals/${proposalId}`)
      .set(...bearer(registrar))
      .send({
        version: proposal.body.version,
        title: '关于提高社区居家养老服务水平的提案',
        body: seedText(PUYANG_2024),
      })
      .expect(200);

    const sources = await ctx
      .http()
      .get(`/replies/${replyId}/sources`)
      .set(...bearer(clerk));
    expect(sources.status).toBe(200);
    const similar = sources.body.similarReplies as Similar[];
    expect(similar.length).toBeGreaterThanOrEqual(2);
    expect(similar[0]).toMatchObject({ kind: 'archived_letter', id: letterIds.get(PUYANG_2024) });
    expect(similar[1]).toMatchObject({ kind: 'archived_letter', id: letterIds.get(PUYANG_2023) });
    const scores = similar.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(similar[1].sharedTerms).toEqual(expect.arrayContaining(['养老']));
    expect(similar[1].sections.length).toBeGreaterThan(0);
    expect(similar[1].sections[0]).toMatchObject({ index: 0, heading: expect.any(String) });
    expect(similar[1].sections[0].paragraphs.length).toBeGreaterThan(0);
  });

  it('offers an earlier signed reply of the bureau, not another bureau\u2019s, and records where inserted text came from', async () => {
    const earlier = await draftedReply(ctx, registrar, sessionId, clerk, {
      submit: true,
      content: {
        sections: [
          { heading: '推进老年助餐服务', paragraphs: ['全市建成老年助餐点八十个，覆盖城乡社区。'], source: null },
        ],
        // Not public: other bureaus never read it (an issued public reply is everyone's to read).
        disclosure: { level: 'not_public', reason: '涉及内部工作安排' },
      },
    });
    const p = await ctx
      .http()
      .get(`/proposals/${earlier.proposalId}`)
      .set(...bearer(registrar));
    await ctx
      .http()
      .patch(`/proposals/${earlier.proposalId}`)
      .set(...bearer(registrar))
      .send({ version: p.body.version, title: '关于推进老年助餐服务的提案' })
      .expect(200);
    await ctx
      .http()
      .post(`/replies/${earlier.replyId}/approve`)
      .set(...bearer(reviewer))
      .send({ version: 2 })
      .expect(200);
    await ctx
      .http()
      .post(`/replies/${earlier.replyId}/sign-off`)
      .set(...bearer(signatory))
      .send({ version: 2 })
      .expect(200);
    await until(async () => {
      const rows = await ctx.dataSource.query(
        `SELECT title FROM search_documents WHERE source_id = $1 AND doc_kind = 'reply'`,
        [earlier.replyId],
      );
      return rows[0]?.title === '关于推进老年助餐服务的提案';
    }, 'the signed reply in the index');

    const current = await draftedReply(ctx, registrar, sessionId, clerk);
    const q = await ctx
      .http()
      .get(`/proposals/${current.proposalId}`)
      .set(...bearer(registrar));
    await ctx
      .http()
      .patch(`/proposals/${current.proposalId}`)
      .set(...bearer(registrar))
      .send({ version: q.body.version, title: '关于扩大老年助餐服务覆盖面的提案', body: '建议增加社区老年助餐点。' })
      .expect(200);
    const sources = await ctx
      .http()
      .get(`/replies/${current.replyId}/sources`)
      .set(...bearer(clerk));
    const similar = sources.body.similarReplies as Similar[];
    expect(similar[0]).toMatchObject({ kind: 'past_reply', id: earlier.replyId });
    expect(similar[0].sections[0].heading).toBe('推进老年助餐服务');
    expect(undocumentedShape(sources.body, 'GET', '/replies/{id}/sources')).toEqual([]);

    // Another bureau's clerk, drafting the same question, does not see this bureau's letter.
    const theirs = await draftedReply(ctx, registrar, sessionId, otherClerk);
    const r = await ctx
      .http()
      .get(`/proposals/${theirs.proposalId}`)
      .set(...bearer(registrar));
    await ctx
      .http()
      .patch(`/proposals/${theirs.proposalId}`)
      .set(...bearer(registrar))
      .send({ version: r.body.version, title: '关于扩大老年助餐服务覆盖面的提案' })
      .expect(200);
    const other = await ctx
      .http()
      .get(`/replies/${theirs.replyId}/sources`)
      .set(...bearer(otherClerk));
    expect((other.body.similarReplies as Similar[]).map((s) => s.id)).not.toContain(earlier.replyId);

    // Inserting sections: each records its source, and it survives the save.
    const draft = await ctx
      .http()
      .get(`/replies/${current.replyId}`)
      .set(...bearer(clerk));
    const archived = (
      await ctx
        .http()
        .get(`/archive/letters/${letterIds.get(PUYANG_2023)}`)
        .set(...bearer(clerk))
    ).body;
    const sections = [
      {
        heading: similar[0].sections[0].heading,
        paragraphs: similar[0].sections[0].paragraphs,
        source: { kind: 'past_reply', replyId: earlier.replyId, sectionIndex: 0 },
      },
      {
        heading: archived.sections[1].heading,
        paragraphs: archived.sections[1].paragraphs,
        source: { kind: 'archived_letter', archivedLetterId: letterIds.get(PUYANG_2023), sectionIndex: 1 },
      },
    ];
    const saved = await ctx
      .http()
      .put(`/replies/${current.replyId}/draft`)
      .set(...bearer(clerk))
      .send({ version: draft.body.version, content: { ...draft.body.content, sections } });
    expect(saved.status).toBe(200);
    expect(saved.body.content.sections.map((s: { source: unknown }) => s.source)).toEqual([
      { kind: 'past_reply', replyId: earlier.replyId, sectionIndex: 0 },
      { kind: 'archived_letter', archivedLetterId: letterIds.get(PUYANG_2023), sectionIndex: 1 },
    ]);
  });
});
