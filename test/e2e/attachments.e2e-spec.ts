import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TestContext, TestUser, today } from '@dafu/testing';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

describe('Attachments on opinions and talks', () => {
  let ctx: TestContext;
  let registrar: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    ctx = await TestContext.start();
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(() => ctx.close());

  /** Files in the test's storage directory: the bytes that were kept. */
  async function storedFileCount(): Promise<number> {
    const folders = await readdir(join(ctx.storageDir, 'attachments')).catch(() => []);
    return (await Promise.all(folders.map((d) => readdir(join(ctx.storageDir, 'attachments', d))))).flat().length;
  }

  async function setUp() {
    const leadBureau = await ctx.newBureau();
    const coBureau = await ctx.newBureau();
    const lead = { clerk: await ctx.newUser(Role.Clerk, leadBureau) };
    const co = { clerk: await ctx.newUser(Role.Clerk, coBureau), reviewer: await ctx.newUser(Role.Reviewer, coBureau) };
    const { assignments } = await ctx.newProposalAssignedTo(registrar, sessionId, [
      { bureauId: leadBureau.id, role: 'lead' },
      { bureauId: coBureau.id, role: 'co' },
    ]);
    const [leadId, coId] = assignments.map((a) => a.id);
    await ctx
      .http()
      .post(`/assignments/${leadId}/acknowledge`)
      .set(...bearer(lead.clerk));
    await ctx
      .http()
      .post(`/assignments/${coId}/acknowledge`)
      .set(...bearer(co.clerk));
    return { lead, co, leadId, coId };
  }

  it('stores a file with its SHA-256 and gives it back byte for byte to those who may read it', async () => {
    const { lead, co, leadId, coId } = await setUp();
    const uploaded = await ctx
      .http()
      .post(`/assignments/${coId}/opinion/attachments`)
      .set(...bearer(co.clerk))
      .attach('file', PDF, { filename: '财政局会办意见.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      filename: '财政局会办意见.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      ownerType: 'co_opinion',
    });

    const download = await ctx
      .http()
      .get(`/attachments/${uploaded.body.id}`)
      .set(...bearer(co.clerk))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('财政局会办意见.pdf'));
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);

    // The lead bureau sees the file only once the opinion is sent.
    expect(
      (
        await ctx
          .http()
          .get(`/attachments/${uploaded.body.id}`)
          .set(...bearer(lead.clerk))
      ).status,
    ).toBe(404);
    await ctx
      .http()
      .put(`/assignments/${coId}/opinion`)
      .set(...bearer(co.clerk))
      .send({ body: '详见附件。' });
    await ctx
      .http()
      .post(`/assignments/${coId}/opinion/send`)
      .set(...bearer(co.reviewer));
    expect(
      (
        await ctx
          .http()
          .get(`/attachments/${uploaded.body.id}`)
          .set(...bearer(lead.clerk))
      ).status,
    ).toBe(200);

    const stranger = await ctx.newUser(Role.Clerk);
    const refused = await ctx
      .http()
      .get(`/attachments/${uploaded.body.id}`)
      .set(...bearer(stranger));
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('ATTACHMENT_NOT_FOUND');
    void leadId;
  });

  it('attaches minutes to a talk record of the bureau’s own item', async () => {
    const { lead, co, leadId } = await setUp();
    const contact = await ctx
      .http()
      .post(`/assignments/${leadId}/contacts`)
      .set(...bearer(lead.clerk))
      .send({ occurredOn: today(), method: 'meeting', participants: '岳益民委员', summary: '座谈' });
    const attached = await ctx
      .http()
      .post(`/assignments/${leadId}/contacts/${contact.body.id}/attachments`)
      .set(...bearer(lead.clerk))
      .attach('file', Buffer.from('座谈纪要：委员对办理方案表示认可。'), { filename: '座谈纪要.txt' });
    expect(attached.status).toBe(201);
    const list = await ctx
      .http()
      .get(`/assignments/${leadId}/attachments`)
      .set(...bearer(registrar));
    expect(list.body).toEqual([expect.objectContaining({ ownerType: 'contact', ownerId: contact.body.id })]);
    const byOther = await ctx
      .http()
      .post(`/assignments/${leadId}/contacts/${contact.body.id}/attachments`)
      .set(...bearer(co.clerk))
      .attach('file', Buffer.from('x'), { filename: 'x.txt' });
    expect(byOther.status).toBe(404);
    const timeline = await ctx
      .http()
      .get(`/assignments/${leadId}/timeline`)
      .set(...bearer(lead.clerk));
    expect(timeline.body.at(-1).text.zh).toBe('上传附件“座谈纪要.txt”');
  });

  it('refuses disguised, unknown and empty files and keeps nothing of them', async () => {
    const { co, coId } = await setUp();
    const cases: [string, Buffer, number, string][] = [
      ['invoice.pdf', Buffer.from('MZ\x90\x00 this is an exe'), 415, 'ATTACHMENT_CONTENT_MISMATCH'],
      ['tool.exe', Buffer.from('MZ\x90\x00'), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED'],
      ['empty.pdf', Buffer.alloc(0), 400, 'ATTACHMENT_EMPTY'],
    ];
    for (const [filename, content, status, code] of cases) {
      const response = await ctx
        .http()
        .post(`/assignments/${coId}/opinion/attachments`)
        .set(...bearer(co.clerk))
        .attach('file', content, { filename });
      expect({ filename, status: response.status, code: response.body.code }).toEqual({ filename, status, code });
    }
    const list = await ctx
      .http()
      .get(`/assignments/${coId}/attachments`)
      .set(...bearer(co.clerk));
    expect(list.body).toEqual([]);
    const recorded = await ctx.dataSource.query(`SELECT storage_key FROM attachments`);
    expect(await storedFileCount()).toBe(recorded.length);
  });

  it('removes the stored bytes when the record is refused', async () => {
    const { co, coId } = await setUp();
    await ctx
      .http()
      .put(`/assignments/${coId}/opinion`)
      .set(...bearer(co.clerk))
      .send({ body: '意见' });
    await ctx
      .http()
      .post(`/assignments/${coId}/opinion/send`)
      .set(...bearer(co.reviewer));
    const before = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attachments`);
    const late = await ctx
      .http()
      .post(`/assignments/${coId}/opinion/attachments`)
      .set(...bearer(co.clerk))
      .attach('file', PDF, { filename: '迟到.pdf' });
    expect(late.status).toBe(409);
    const after = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM attachments`);
    expect(after[0].n).toBe(before[0].n);
    expect(await storedFileCount()).toBe(after[0].n);
  });
});
