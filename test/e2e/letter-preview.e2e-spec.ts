import { Role } from '@dafu/platform/vocabulary';
import { chineseDate } from '@dafu/replies/domain/reply-text';
import { bearer, draftedReply, TestContext, TestUser } from '@dafu/testing';
import { binaryBody } from '@dafu/testing/letters';
import { pdfPlainText, readPdfText } from '@dafu/testing/pdf-text';

/** The letter as it will print, before sign-off: GET /replies/{id}/preview?format=svg|pdf. */
describe('Letter preview: a reply not yet issued, laid out as it will print', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let supervisor: TestUser;
  let clerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let outsiderClerk: TestUser;
  let sessionId: string;

  const DRAFT_PARAGRAPH = '我局已将养老服务设施建设列入年度重点工作。';
  const compact = (text: string) => text.replace(/\s+/g, '');
  /** The SVG's text layer (one run per line, selectable in a browser), read in order and compacted. */
  const svgText = (svg: Buffer) =>
    compact(
      [...svg.toString('utf8').matchAll(/<h5:div class="tsel"[^>]*>([^<]*)<\/h5:div>/g)]
        .map(([, run]) => run.replace(/&amp;/g, '&').replace(/&lt;/g, '<'))
        .join(''),
    );
  const todayInShanghai = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', dateStyle: 'short' }).format(new Date());

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    supervisor = await ctx.newUser(Role.Supervisor);
    sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    outsiderClerk = await ctx.newUser(Role.Clerk, await ctx.newBureau());
  });
  afterAll(() => ctx.close());

  const preview = (replyId: string, user: TestUser, format?: string) =>
    ctx
      .http()
      .get(`/replies/${replyId}/preview${format ? `?format=${format}` : ''}`)
      .set(...bearer(user))
      .buffer(true)
      .parse(binaryBody);

  async function draft(submit = false) {
    return draftedReply(ctx, registrar, sessionId, clerk, {
      submit,
      content: {
        sections: [{ heading: '加快设施建设，补齐服务短板', paragraphs: [DRAFT_PARAGRAPH], source: null }],
      },
    });
  }

  it('shows the latest draft as SVG pages, with the 文号 still to be taken and today’s date', async () => {
    const { replyId } = await draft();
    const response = await preview(replyId, clerk);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(response.headers['content-disposition']).toMatch(/^inline;/);
    const svg = (response.body as Buffer).toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toMatch(/class="typst-page"[^>]*data-page-width="596" data-page-height="842"/);
    const text = svgText(response.body);
    expect(text).toContain(DRAFT_PARAGRAPH);
    expect(text).toContain('〔文号待编〕');
    expect(text).toContain(chineseDate(todayInShanghai()));
  });

  it('prints the same letter as an unsigned PDF, and follows the draft as it is saved', async () => {
    const { replyId } = await draft();
    const pdf = await preview(replyId, clerk, 'pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.toString('latin1')).not.toContain('/ETSI.CAdES.detached');
    const text = compact(pdfPlainText(await readPdfText(bytes)));
    expect(text).toContain(compact(DRAFT_PARAGRAPH));
    expect(text).toContain('〔文号待编〕');
    expect(text).toContain('办理结果：A');

    const current = await ctx
      .http()
      .get(`/replies/${replyId}`)
      .set(...bearer(clerk));
    const revised = '修改后的段落：新建社区养老服务中心十二处。';
    const saved = await ctx
      .http()
      .put(`/replies/${replyId}/draft`)
      .set(...bearer(clerk))
      .send({
        version: current.body.version,
        content: { ...current.body.content, closing: [revised] },
      });
    expect(saved.status).toBe(200);
    expect(svgText((await preview(replyId, clerk)).body)).toContain(revised);
  });

  it('shows the reviewer the draft in review, and after sign-off the number and signatory it took', async () => {
    const { replyId } = await draft(true);
    const inReview = await preview(replyId, reviewer);
    expect(inReview.status).toBe(200);
    expect(svgText(inReview.body)).toContain(DRAFT_PARAGRAPH);

    const approve = (user: TestUser) =>
      ctx
        .http()
        .post(`/replies/${replyId}/approve`)
        .set(...bearer(user))
        .send({ version: 2 });
    expect((await approve(reviewer)).status).toBe(200);
    const signed = await ctx
      .http()
      .post(`/replies/${replyId}/sign-off`)
      .set(...bearer(signatory))
      .send({ version: 2 });
    expect(signed.status).toBe(200);
    const text = svgText((await preview(replyId, signatory)).body);
    expect(text).toContain(signed.body.documentNumber);
    expect(text).not.toContain('〔文号待编〕');
    expect(text).toContain(`签发人：${compact(signatory.displayName)}`);
  });

  it('refuses other bureaus and city readers without the grant as other reply reads do', async () => {
    const { replyId } = await draft();
    const foreign = await ctx
      .http()
      .get(`/replies/${replyId}/preview`)
      .set(...bearer(outsiderClerk));
    expect([foreign.status, foreign.body.code]).toEqual([404, 'REPLY_NOT_FOUND']);
    const hidden = await ctx
      .http()
      .get(`/replies/${replyId}/preview?format=pdf`)
      .set(...bearer(supervisor));
    expect([hidden.status, hidden.body.code]).toEqual([403, 'REPLY_DRAFT_HIDDEN']);
  });

  it('answers 404 for an unknown reply and 400 for an unknown format', async () => {
    const unknown = await ctx
      .http()
      .get('/replies/00000000-0000-4000-8000-000000000000/preview')
      .set(...bearer(clerk));
    expect([unknown.status, unknown.body.code]).toEqual([404, 'REPLY_NOT_FOUND']);
    const { replyId } = await draft();
    const badFormat = await ctx
      .http()
      .get(`/replies/${replyId}/preview?format=docx`)
      .set(...bearer(clerk));
    expect(badFormat.status).toBe(400);
  });
});
