import { createHash } from 'node:crypto';
import { Queue } from 'bullmq';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { LetterProductionService } from '@dafu/documents/letter-production.service';
import { bearer, draftedReply, TestContext, TestUser } from '@dafu/testing';
import { binaryBody, smtpSink, until } from '@dafu/testing/letters';
import { pdfPlainText, readPdfText } from '@dafu/testing/pdf-text';

describe('Final letters: sign-off → worker → issued, documents, verification, delivery', () => {
  let ctx: TestContext;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let registrar: TestUser;
  let admin: TestUser;
  let clerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let outsiderClerk: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    sink = await smtpSink();
    ctx = await TestContext.start({ env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}` } });
    admin = await ctx.newUser(Role.Admin);
    // The cc list's recipients: the committee by e-mail, the supervision office by post.
    const committee = await ctx.newOrganisation(OrganisationKind.CppccCommittee, '市政协提案委');
    await ctx.newOrganisation(OrganisationKind.SupervisionOffice, '市委市政府督查局');
    const updated = await ctx
      .http()
      .patch(`/organisations/${committee.id}`)
      .set(...bearer(admin))
      .send({ email: 'taw@zx.example.cn' });
    expect(updated.body).toMatchObject({ email: 'taw@zx.example.cn' });
    registrar = await ctx.newUser(Role.Registrar, committee);
    sessionId = (await ctx.newSession(registrar)).id;
    const bureau = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    outsiderClerk = await ctx.newUser(Role.Clerk, await ctx.newBureau());
    await ctx.startWorker();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await ctx.close();
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
  });

  const get = (path: string, user?: TestUser) => {
    const request = ctx.http().get(path);
    return user ? request.set(...bearer(user)) : request;
  };

  /** Drafted, approved and signed off; the proposer 张三 has an e-mail address. */
  async function signedReply(content: Record<string, unknown> = {}) {
    const drafted = await draftedReply(ctx, registrar, sessionId, clerk, { submit: true, content });
    await ctx.dataSource.query(`UPDATE proposers SET email = 'zhangsan@example.cn' WHERE proposal_id = $1`, [
      drafted.proposalId,
    ]);
    await ctx
      .http()
      .post(`/replies/${drafted.replyId}/approve`)
      .set(...bearer(reviewer))
      .send({ version: 2 });
    const signed = await ctx
      .http()
      .post(`/replies/${drafted.replyId}/sign-off`)
      .set(...bearer(signatory))
      .send({ version: 2 });
    expect(signed.status).toBe(200);
    return { ...drafted, documentNumber: signed.body.documentNumber as string };
  }

  async function issued(replyId: string) {
    return until(async () => {
      const reply = await get(`/replies/${replyId}`, clerk);
      return reply.body.status === 'issued' ? reply.body : null;
    }, `reply ${replyId} to be issued`);
  }

  async function download(replyId: string, kind: 'pdf' | 'docx', user: TestUser) {
    return get(`/replies/${replyId}/documents/${kind}`, user).buffer(true).parse(binaryBody);
  }

  it('issues the signed reply with its DOCX and signed PDF, and e-mails each recipient with an address once', async () => {
    const { replyId, documentNumber } = await signedReply();
    const reply = await issued(replyId);
    expect(reply.issuedAt).toEqual(expect.any(String));

    const pdf = await download(replyId, 'pdf', clerk);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(encodeURIComponent(`${documentNumber}.pdf`));
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).toString('latin1')).toContain('/ETSI.CAdES.detached');
    const docx = await download(replyId, 'docx', registrar);
    expect(docx.status).toBe(200);
    expect((docx.body as Buffer).subarray(0, 2).toString()).toBe('PK');

    const deliveries = await until(async () => {
      const list = await get(`/replies/${replyId}/deliveries`, clerk);
      return list.body.every((d: { channel: string; status: string }) => d.channel !== 'email' || d.status === 'sent')
        ? list.body
        : null;
    }, 'the e-mails to go out');
    expect(
      deliveries.map((d: Record<string, unknown>) => [d.recipientKind, d.recipientName, d.channel, d.copies, d.status]),
    ).toEqual([
      ['proposer', '张三', 'email', 1, 'sent'],
      ['cc', '市政协提案委', 'email', 2, 'sent'],
      ['cc', '市委市政府督查局', 'mailroom', 2, 'pending'],
    ]);
    const toProposer = sink.received.filter((m) => m.to.includes('zhangsan@example.cn'));
    const toCommittee = sink.received.filter((m) => m.to.includes('taw@zx.example.cn'));
    expect([toProposer.length, toCommittee.length]).toEqual([1, 1]);
    expect(toProposer[0].raw).toContain('application/pdf');
    // The text part is quoted-printable: soft line breaks may split the hash.
    const text = toProposer[0].raw.replace(/=\r?\n/g, '');
    expect(text).toContain(
      createHash('sha256')
        .update(pdf.body as Buffer)
        .digest('hex'),
    );
    expect(text).toContain(`Message-ID: <delivery-${deliveries[0].id}@dafu>`);
    // The proposer, and only the proposer, gets the one-time link to the feedback form.
    const feedbackLink = /\/public\/feedback\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(text);
    expect(feedbackLink).not.toBeNull();
    const feedbackPage = await ctx.http().get(`/public/feedback/${feedbackLink![1]}`);
    expect(feedbackPage.status).toBe(200);
    expect(feedbackPage.body).toMatchObject({ documentNumber, answered: false });
    expect(toCommittee[0].raw.replace(/=\r?\n/g, '')).not.toContain('/public/feedback/');

    // The mailroom prints the supervision office's two copies and marks them posted.
    const mailroom = await get('/mailroom', clerk);
    const item = mailroom.body.find((m: { replyId: string }) => m.replyId === replyId);
    expect(item).toMatchObject({ recipientName: '市委市政府督查局', copies: 2, documentNumber });
    const printed = await get('/mailroom/print', clerk).buffer(true).parse(binaryBody);
    expect(printed.headers['content-type']).toBe('application/pdf');
    const list = pdfPlainText(await readPdfText(printed.body as Buffer)).replace(/\s+/g, '');
    expect(list).toContain(`${clerk.organisation.name}答复函邮寄清单`);
    expect(list).toContain(`${documentNumber}市委市政府督查局2份`);
    expect(list).toContain('2份');
    const posted = await ctx
      .http()
      .post(`/deliveries/${item.id}/posted`)
      .set(...bearer(clerk));
    expect(posted.body).toMatchObject({ status: 'sent' });
    const again = await ctx
      .http()
      .post(`/deliveries/${item.id}/posted`)
      .set(...bearer(clerk));
    expect([again.status, again.body.code]).toEqual([409, 'DELIVERY_NOT_POSTABLE']);
    expect((await get('/mailroom', clerk)).body.map((m: { id: string }) => m.id)).not.toContain(item.id);
  });

  it('tells anyone whether a PDF is the one the bureau signed: authentic, altered or unknown', async () => {
    const { replyId, documentNumber } = await signedReply();
    await issued(replyId);
    const pdf = (await download(replyId, 'pdf', clerk)).body as Buffer;
    const sha256 = createHash('sha256').update(pdf).digest('hex');

    const byNumber = await get(`/verify/${encodeURIComponent(documentNumber)}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toMatchObject({
      documentNumber,
      bureauName: clerk.organisation.name,
      signatoryName: signatory.displayName,
      voided: false,
    });
    expect(byNumber.body.documents).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'pdf', sha256, sizeBytes: pdf.length })]),
    );
    expect((await get(`/verify/${sha256}`)).body.documentNumber).toBe(documentNumber);
    const unknown = await get(`/verify/${encodeURIComponent('无此文〔2023〕1号')}`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'LETTER_UNKNOWN']);

    const upload = (content: Buffer) =>
      ctx.http().post('/verify').attach('file', content, { filename: 'letter.pdf', contentType: 'application/pdf' });
    const authentic = await upload(pdf);
    expect(authentic.body).toMatchObject({ verdict: 'authentic', sha256, letter: { documentNumber } });

    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Producer');
    tampered[at + 3] = tampered[at + 3] ^ 0x01;
    const altered = await upload(tampered);
    expect(altered.body).toMatchObject({ verdict: 'altered', letter: { documentNumber } });
    expect(altered.body.zh).toContain('不是原件');

    const appended = Buffer.concat([pdf, Buffer.from('\n% appended after signing\n')]);
    expect((await upload(appended)).body.verdict).toBe('altered');
    expect((await upload(Buffer.from('%PDF-1.7\nnot a letter\n%%EOF'))).body).toMatchObject({
      verdict: 'unknown',
      letter: null,
    });
    const empty = await ctx.http().post('/verify');
    expect([empty.status, empty.body.code]).toEqual([400, 'VERIFY_FILE_MISSING']);
  });

  it('makes the files once, however often the job runs', async () => {
    const { replyId } = await signedReply();
    await issued(replyId);
    const before = await ctx.dataSource.query(
      `SELECT kind, sha256, storage_key FROM reply_documents WHERE reply_id = $1 ORDER BY kind`,
      [replyId],
    );
    const worker = await ctx.startWorker();
    expect(await worker.get(LetterProductionService).produce(replyId)).toBe('already_issued');
    const config = worker.get(DafuConfig);
    const queue = new Queue(QueueName.Documents, {
      connection: { url: config.redis.url },
      prefix: `${config.redis.prefix}:bull`,
    });
    try {
      await queue.add(JobName.RenderLetter, { replyId }, { jobId: `again-${replyId}` });
      await until(async () => (await queue.getJob(`again-${replyId}`))?.isCompleted(), 'the duplicate job');
    } finally {
      await queue.close();
    }
    const after = await ctx.dataSource.query(
      `SELECT kind, sha256, storage_key FROM reply_documents WHERE reply_id = $1 ORDER BY kind`,
      [replyId],
    );
    expect(after).toEqual(before);
    const deliveries = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM deliveries WHERE reply_id = $1`, [
      replyId,
    ]);
    expect(deliveries[0].n).toBe(3);
    const [{ n: audits }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'reply.issue'`,
      [replyId],
    );
    expect(audits).toBe(1);
  });

  it('lets the public download only issued replies marked public, and other bureaus nothing', async () => {
    const open = await signedReply({ disclosure: { level: 'public', reason: null } });
    const closed = await signedReply({ disclosure: { level: 'not_public', reason: '涉及个人信息' } });
    await issued(open.replyId);
    await issued(closed.replyId);
    const publicPdf = await get(`/public/replies/${open.replyId}/pdf`).buffer(true).parse(binaryBody);
    expect(publicPdf.status).toBe(200);
    expect((publicPdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await get(`/public/replies/${closed.replyId}/pdf`)).status).toBe(404);
    expect((await get(`/public/replies/${open.replyId}/docx`)).status).toBe(404);

    const foreign = await get(`/replies/${open.replyId}/documents/pdf`, outsiderClerk);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'REPLY_NOT_FOUND']);
    expect((await get(`/replies/${open.replyId}/deliveries`, outsiderClerk)).status).toBe(404);
    expect((await get(`/replies/${open.replyId}/documents/xlsx`, clerk)).status).toBe(400);
  });
});
