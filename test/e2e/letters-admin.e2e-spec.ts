import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, Worker } from 'bullmq';
import JSZip from 'jszip';
import { DafuConfig } from '@dafu/platform/config/dafu-config';
import { jobIdOf } from '@dafu/platform/queue/job-registry';
import { JobName, QueueName } from '@dafu/platform/queue/queue-names';
import { Role } from '@dafu/platform/vocabulary';
import type { Organisation } from '@dafu/identity/identity.types';
import { verifyPdfSignature } from '@dafu/documents/signing/pdf-verifier';
import {
  generateSelfSignedCredential,
  parseCertificate,
  SELF_SIGNED_LABEL,
} from '@dafu/documents/signing/signing-credential';
import { bearer, draftedReply, TestContext, TestUser, uniqueName } from '@dafu/testing';
import { binaryBody, sealPng, smtpSink, until } from '@dafu/testing/letters';
import { pdfLines, readPdfText } from '@dafu/testing/pdf-text';

const run = promisify(execFile);

/** The images `pdfimages -list` (poppler) finds in a PDF: Typst may keep them in compressed object streams. */
async function pdfImages(pdf: Buffer): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'dafu-letters-admin-'));
  try {
    const file = join(dir, 'letter.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfimages', ['-list', file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const compact = (text: string) => text.replace(/\s+/g, '');
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;
/** GB/T 9704-2012: the text block ends 28 + 156 mm from the left edge. */
const BLOCK_RIGHT_MM = 184;

/** Enough text for a letter of two pages or more. */
function longSections() {
  const sentence = '我局认真研究了提案所提的意见和建议，结合本市实际，会同有关部门逐项加以落实，取得了阶段性成效。';
  return [1, 2, 3].map((n) => ({
    heading: `第${n}方面的工作情况`,
    paragraphs: Array.from({ length: 4 }, () => sentence.repeat(3)),
    source: null,
  }));
}

interface Staff {
  bureau: Organisation;
  clerk: TestUser;
  reviewer: TestUser;
  signatory: TestUser;
}

describe('Letters administration: settings, seal, signing keys, failed jobs, stalled jobs', () => {
  let ctx: TestContext;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  let admin: TestUser;
  let registrar: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    sink = await smtpSink();
    ctx = await TestContext.start({
      env: { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, WORKER_STALLED_INTERVAL_MS: '1000' },
    });
    admin = await ctx.newUser(Role.Admin);
    registrar = await ctx.newUser(Role.Registrar);
    sessionId = (await ctx.newSession(registrar)).id;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    delete process.env.WORKER_STALLED_INTERVAL_MS;
    await ctx?.close();
    await new Promise<void>((resolve) => sink.server.close(() => resolve()));
  });

  const get = (path: string, user?: TestUser) => {
    const request = ctx.http().get(path);
    return user ? request.set(...bearer(user)) : request;
  };

  async function bureauStaff(): Promise<Staff> {
    const bureau = await ctx.newBureau();
    return {
      bureau,
      clerk: await ctx.newUser(Role.Clerk, bureau),
      reviewer: await ctx.newUser(Role.Reviewer, bureau),
      signatory: await ctx.newUser(Role.Signatory, bureau),
    };
  }

  /** Drafted, approved and signed off in the staff's bureau; the proposer gets `email` if given. */
  async function signedReply(staff: Staff, options: { content?: Record<string, unknown>; email?: string } = {}) {
    const drafted = await draftedReply(ctx, registrar, sessionId, staff.clerk, {
      submit: true,
      content: options.content ?? {},
    });
    if (options.email) {
      await ctx.dataSource.query(`UPDATE proposers SET email = $2 WHERE proposal_id = $1`, [
        drafted.proposalId,
        options.email,
      ]);
    }
    const approved = await ctx
      .http()
      .post(`/replies/${drafted.replyId}/approve`)
      .set(...bearer(staff.reviewer))
      .send({ version: 2 });
    expect(approved.status).toBe(200);
    const signed = await ctx
      .http()
      .post(`/replies/${drafted.replyId}/sign-off`)
      .set(...bearer(staff.signatory))
      .send({ version: 2 });
    expect(signed.status).toBe(200);
    return { ...drafted, documentNumber: signed.body.documentNumber as string };
  }

  async function issued(replyId: string, reader: TestUser) {
    return until(async () => {
      const reply = await get(`/replies/${replyId}`, reader);
      return reply.body.status === 'issued' ? reply.body : null;
    }, `reply ${replyId} to be issued`);
  }

  async function download(replyId: string, kind: 'pdf' | 'docx', user: TestUser): Promise<Buffer> {
    const response = await get(`/replies/${replyId}/documents/${kind}`, user).buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    return response.body as Buffer;
  }

  // First: the real worker must not be running yet, or it would take the job before the doomed one.
  it('runs a letter job again when the worker that took it dies, and makes its files once', async () => {
    const staff = await bureauStaff();
    const { replyId } = await signedReply(staff);
    const config = ctx.app.get(DafuConfig);
    const documents = ctx.app.get<Queue>(getQueueToken(QueueName.Documents), { strict: false });
    const jobId = jobIdOf(replyId, JobName.RenderLetter);

    // A worker that takes the job and then hangs; force-closing it stops its lock renewal without
    // giving the job back, as a killed process would.
    let took: (id: string) => void = () => undefined;
    const taken = new Promise<string>((resolve) => (took = resolve));
    const doomed = new Worker(
      QueueName.Documents,
      async (job) => {
        took(String(job.id));
        await new Promise(() => undefined);
      },
      {
        connection: { url: config.redis.url, maxRetriesPerRequest: null },
        prefix: `${config.redis.prefix}:bull`,
        lockDuration: 1000,
        stalledInterval: 1000,
      },
    );
    doomed.on('error', () => undefined);
    await doomed.waitUntilReady();
    await documents.add(JobName.RenderLetter, { replyId }, { jobId });
    expect(await taken).toBe(jobId);
    await doomed.close(true);

    const job = await documents.getJob(jobId);
    expect(await job?.getState()).toBe('active');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await get(`/replies/${replyId}`, staff.clerk)).body.status).toBe('signed');
    const [{ n: before }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM reply_documents WHERE reply_id = $1`,
      [replyId],
    );
    expect(before).toBe(0);

    // The real worker finds the lock lapsed, moves the job back and runs it. Its relay also
    // publishes the sign-off, whose render job has the same id and so is not added again.
    await ctx.startWorker();
    await issued(replyId, staff.clerk);
    const recovered = await until(async () => {
      const again = await documents.getJob(jobId);
      return again && (await again.isCompleted()) ? again : null;
    }, 'the recovered job to complete');
    expect(recovered.stalledCounter).toBeGreaterThanOrEqual(1);

    const files = await ctx.dataSource.query(`SELECT kind FROM reply_documents WHERE reply_id = $1 ORDER BY kind`, [
      replyId,
    ]);
    expect(files.map((f: { kind: string }) => f.kind)).toEqual(['docx', 'pdf']);
    const [{ n: audits }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1 AND action = 'reply.issue'`,
      [replyId],
    );
    expect(audits).toBe(1);
  });

  it('lets the signatory and admins set the letter format, refuses stale, foreign and invalid changes, and audits them', async () => {
    const { bureau, clerk, signatory } = await bureauStaff();
    const other = await bureauStaff();
    const path = `/bureaus/${bureau.id}/letter-settings`;

    const defaults = await get(path, clerk);
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      bureauId: bureau.id,
      format: 'document',
      headerTitle: `${bureau.name}文件`,
      printsGradeMark: true,
      hasSeal: false,
      version: 0,
      configured: false,
      updatedAt: null,
    });

    const put = (user: TestUser, body: Record<string, unknown>, target = path) =>
      ctx
        .http()
        .put(target)
        .set(...bearer(user))
        .send(body);
    const letterFormat = { format: 'letter', headerTitle: `${bureau.name}信函`, printsGradeMark: false };
    const changed = await put(signatory, { ...letterFormat, version: 0 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ...letterFormat, hasSeal: false, version: 1, configured: true });
    expect(changed.body.updatedAt).toEqual(expect.any(String));

    const stale = await put(signatory, { ...letterFormat, headerTitle: '另一个标题', version: 0 });
    expect([stale.status, stale.body.code, stale.body.details]).toEqual([409, 'STALE_VERSION', { currentVersion: 1 }]);

    // Another bureau's signatory may not even see that the bureau exists.
    const foreign = await put(other.signatory, { ...letterFormat, version: 1 });
    expect([foreign.status, foreign.body.code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
    expect(foreign.body.messages).toEqual({ zh: '单位不存在。', en: 'Organisation not found.' });
    expect((await get(path, other.clerk)).status).toBe(404);
    const byClerk = await put(clerk, { ...letterFormat, version: 1 });
    expect([byClerk.status, byClerk.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(byClerk.body.messages).toEqual({
      zh: '您的角色无权进行此操作。',
      en: 'Your role does not allow this action.',
    });

    const invalid: [Record<string, unknown>, string, string][] = [
      [{ ...letterFormat, headerTitle: '' }, 'headerTitle', '不能为空'],
      [{ ...letterFormat, headerTitle: '局'.repeat(41) }, 'headerTitle', '内容过长'],
      [{ ...letterFormat, headerTitle: '   ' }, 'headerTitle', '格式不正确'],
      [{ ...letterFormat, format: 'memo' }, 'format', '取值不在允许范围内'],
    ];
    for (const [body, field, zh] of invalid) {
      const refused = await put(signatory, { ...body, version: 1 });
      expect([refused.status, refused.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(refused.body.messages).toEqual({
        zh: '提交的内容有误，请按提示修改。',
        en: 'Some fields are invalid; see details.',
      });
      expect(refused.body.details.fields).toEqual([
        expect.objectContaining({ field, zh: expect.stringContaining(zh), en: expect.any(String) }),
      ]);
    }
    expect((await get(path, clerk)).body).toEqual(changed.body);
    const forty = await put(signatory, { ...letterFormat, headerTitle: '局'.repeat(40), version: 1 });
    expect([forty.status, forty.body.version]).toEqual([200, 2]);
    const unchanged = await get(path, clerk);
    expect(unchanged.body).toMatchObject({ format: 'letter', headerTitle: '局'.repeat(40), version: 2 });

    // An admin may change any bureau's settings.
    const byAdmin = await put(admin, { ...letterFormat, version: 2 });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({ ...letterFormat, version: 3 });
    const otherByAdmin = await put(
      admin,
      { format: 'document', headerTitle: '别的标题', printsGradeMark: true, version: 0 },
      `/bureaus/${other.bureau.id}/letter-settings`,
    );
    expect([otherByAdmin.status, otherByAdmin.body.version]).toEqual([200, 1]);
    expect((await get(`/bureaus/${other.bureau.id}/letter-settings`, other.clerk)).body.headerTitle).toBe('别的标题');
    expect((await get(path, clerk)).body).toMatchObject({ ...letterFormat, version: 3 });

    const audit = await get(`/audit-events?entityType=letter_settings&entityId=${bureau.id}`, admin);
    expect(audit.status).toBe(200);
    expect(
      audit.body.map((e: { action: string; actorUserId: string; data: Record<string, unknown> }) => [
        e.action,
        e.actorUserId,
        e.data,
      ]),
    ).toEqual([
      ['letter_settings.updated', signatory.id, letterFormat],
      ['letter_settings.updated', signatory.id, { ...letterFormat, headerTitle: '局'.repeat(40) }],
      ['letter_settings.updated', admin.id, letterFormat],
    ]);
  });

  it('prints the bureau’s seal and 信函格式 on its letters, refuses a file that is not an image, and removes the seal', async () => {
    const staff = await bureauStaff();
    const { bureau, clerk, signatory } = staff;
    const sealPath = `/bureaus/${bureau.id}/letter-settings/seal`;
    const upload = (content: Buffer, filename: string, contentType: string, user = signatory) =>
      ctx
        .http()
        .put(sealPath)
        .set(...bearer(user))
        .attach('file', content, { filename, contentType });

    const notImage = await upload(Buffer.from('this is not a seal\n'), 'seal.png', 'image/png');
    expect([notImage.status, notImage.body.code]).toEqual([400, 'SEAL_IMAGE_INVALID']);
    expect(notImage.body.messages.zh).toContain('PNG或JPEG');
    expect((await upload(sealPng(16, false), 'seal.png', 'image/png', clerk)).status).toBe(403);
    const outsider = await ctx.newUser(Role.Signatory, await ctx.newBureau());
    const foreign = await upload(sealPng(16, false), 'seal.png', 'image/png', outsider);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'ORGANISATION_NOT_FOUND']);
    expect((await get(`/bureaus/${bureau.id}/letter-settings`, clerk)).body).toMatchObject({
      hasSeal: false,
      version: 0,
    });

    const sealed = await upload(sealPng(16, false), 'seal.png', 'image/png');
    expect(sealed.status).toBe(200);
    expect(sealed.body).toMatchObject({ hasSeal: true, version: 1, format: 'document' });
    // Changing the format afterwards keeps the seal.
    const headerTitle = `${bureau.name}函`;
    const letterFormat = await ctx
      .http()
      .put(`/bureaus/${bureau.id}/letter-settings`)
      .set(...bearer(signatory))
      .send({ format: 'letter', headerTitle, printsGradeMark: false, version: 1 });
    expect(letterFormat.body).toMatchObject({
      format: 'letter',
      headerTitle,
      printsGradeMark: false,
      hasSeal: true,
      version: 2,
    });

    await ctx.startWorker();
    const { replyId, documentNumber } = await signedReply(staff, { content: { sections: longSections() } });
    await issued(replyId, clerk);
    const pdf = await download(replyId, 'pdf', clerk);
    expect(await pdfImages(pdf)).not.toHaveLength(0);
    const docx = await JSZip.loadAsync(await download(replyId, 'docx', clerk));
    expect(Object.keys(docx.files).filter((name) => name.startsWith('word/media/'))).not.toHaveLength(0);
    // The red name sits in the first page's header part.
    const parts = await Promise.all(docx.file(/^word\/header\d*\.xml$/).map((part) => part.async('string')));
    expect(parts.some((xml) => xml.includes(headerTitle))).toBe(true);

    // 信函格式: the number flush right under the name, and no page number on page 1.
    const lines = pdfLines(await readPdfText(pdf));
    const pageOne = lines.filter((line) => line.page === 1);
    expect(pageOne.some((line) => compact(line.text).includes(headerTitle))).toBe(true);
    expect(pageOne.some((line) => compact(line.text).includes('办理结果'))).toBe(false);
    const numberLine = pageOne.find((line) => compact(line.text) === compact(documentNumber));
    expect(numberLine).toBeDefined();
    expect(Math.abs((numberLine?.xEndMm ?? 0) - BLOCK_RIGHT_MM)).toBeLessThan(0.5);
    const pageNumbers = lines.filter((line) => PAGE_NUMBER.test(line.text));
    expect(pageNumbers.length).toBeGreaterThanOrEqual(1);
    expect(pageNumbers.map((line) => line.page)).not.toContain(1);
    expect(pageNumbers.find((line) => line.page === 2)?.text).toMatch(/^—\s*2\s*—$/);

    const removed = await ctx
      .http()
      .delete(sealPath)
      .set(...bearer(signatory));
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ hasSeal: false, format: 'letter', headerTitle, version: 3 });
    expect((await get(`/bureaus/${bureau.id}/letter-settings`, clerk)).body.hasSeal).toBe(false);
    const next = await signedReply(staff);
    await issued(next.replyId, clerk);
    expect(await pdfImages(await download(next.replyId, 'pdf', clerk))).toHaveLength(0);

    const audit = await get(`/audit-events?entityType=letter_settings&entityId=${bureau.id}`, admin);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      'letter_settings.seal_set',
      'letter_settings.updated',
      'letter_settings.seal_removed',
    ]);
  });

  // A broken image accepted here would make every letter of the bureau fail in the worker.
  it('refuses a seal that only starts like a PNG or JPEG, which no letter could print', async () => {
    const { bureau, clerk, signatory } = await bureauStaff();
    const truncated = sealPng(16, false).subarray(0, 40);
    const fakes: [Buffer, string, string][] = [
      [Buffer.concat([truncated.subarray(0, 8), Buffer.from('not really a picture')]), 'seal.png', 'image/png'],
      [truncated, 'seal.png', 'image/png'],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), 'seal.jpg', 'image/jpeg'],
    ];
    for (const [content, filename, contentType] of fakes) {
      const refused = await ctx
        .http()
        .put(`/bureaus/${bureau.id}/letter-settings/seal`)
        .set(...bearer(signatory))
        .attach('file', content, { filename, contentType });
      expect([filename, refused.status, refused.body.code]).toEqual([filename, 400, 'SEAL_IMAGE_INVALID']);
    }
    expect((await get(`/bureaus/${bureau.id}/letter-settings`, clerk)).body).toMatchObject({
      hasSeal: false,
      version: 0,
    });
  });

  it('signs with a self-signed key first, then with the key an admin uploads, and never gives a key out', async () => {
    const staff = await bureauStaff();
    const { bureau, clerk, signatory } = staff;
    const path = `/bureaus/${bureau.id}/signing-credentials`;
    const noKey = (body: unknown) => {
      const json = JSON.stringify(body);
      expect(json).not.toContain('PRIVATE KEY');
      expect(json).not.toMatch(/privateKey|sealedPrivateKey/i);
    };

    expect((await get(path, admin)).body).toEqual([]);
    for (const user of [clerk, signatory, staff.reviewer]) {
      const refused = await get(path, user);
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }

    await ctx.startWorker();
    const first = await signedReply(staff);
    await issued(first.replyId, clerk);
    const generated = await get(path, admin);
    noKey(generated.body);
    expect(generated.body).toHaveLength(1);
    const [selfSigned] = generated.body;
    expect(selfSigned).toMatchObject({ bureauId: bureau.id, selfSigned: true, retiredAt: null });
    expect(selfSigned.subject).toContain(bureau.name);
    expect(selfSigned.subject).toContain('自签名');
    expect(parseCertificate(selfSigned.certificatePem).organisationalUnit).toBe(SELF_SIGNED_LABEL);
    const firstCheck = await verifyPdfSignature(await download(first.replyId, 'pdf', clerk));
    expect(firstCheck.status).toBe('valid');
    if (firstCheck.status === 'valid')
      expect(firstCheck.certificate.sha256Fingerprint).toBe(selfSigned.fingerprintSha256);

    const validFrom = new Date(Date.now() - 60_000);
    const own = await generateSelfSignedCredential(
      { organisation: bureau.name, commonName: `${bureau.name}电子印章` },
      validFrom,
    );
    const stranger = await generateSelfSignedCredential(
      { organisation: '别的单位', commonName: '别的单位' },
      validFrom,
    );
    const post = (user: TestUser, body: Record<string, unknown>) =>
      ctx
        .http()
        .post(path)
        .set(...bearer(user))
        .send(body);

    const mismatch = await post(admin, { certificatePem: own.certificatePem, privateKeyPem: stranger.privateKeyPem });
    expect([mismatch.status, mismatch.body.code, mismatch.body.details]).toEqual([
      400,
      'SIGNING_CREDENTIAL_INVALID',
      { reason: 'key-mismatch' },
    ]);
    expect(mismatch.body.message).toBe('私钥与证书不匹配');
    const garbled = await post(admin, {
      certificatePem: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n',
      privateKeyPem: own.privateKeyPem,
    });
    expect([garbled.status, garbled.body.code, garbled.body.details?.reason]).toEqual([
      400,
      'SIGNING_CREDENTIAL_INVALID',
      'unreadable',
    ]);
    const garbage = await post(admin, { certificatePem: 'garbage', privateKeyPem: 'garbage' });
    expect([garbage.status, garbage.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    for (const user of [clerk, signatory]) {
      const refused = await post(user, { certificatePem: own.certificatePem, privateKeyPem: own.privateKeyPem });
      expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    expect((await get(path, admin)).body).toHaveLength(1);

    const uploaded = await post(admin, { certificatePem: own.certificatePem, privateKeyPem: own.privateKeyPem });
    expect(uploaded.status).toBe(201);
    noKey(uploaded.body);
    const fingerprint = parseCertificate(own.certificatePem).sha256Fingerprint;
    expect(uploaded.body).toMatchObject({
      bureauId: bureau.id,
      fingerprintSha256: fingerprint,
      subject: expect.stringContaining(`CN=${bureau.name}电子印章`),
      retiredAt: null,
    });
    const both = await get(path, admin);
    noKey(both.body);
    expect(both.body.map((c: { id: string }) => c.id)).toEqual([uploaded.body.id, selfSigned.id]);
    expect(both.body[1].retiredAt).toEqual(expect.any(String));

    const second = await signedReply(staff);
    await issued(second.replyId, clerk);
    const check = await verifyPdfSignature(await download(second.replyId, 'pdf', clerk));
    expect(check.status).toBe('valid');
    if (check.status === 'valid') expect(check.certificate.sha256Fingerprint).toBe(fingerprint);

    const sealed: { sealed_private_key: string }[] = await ctx.dataSource.query(
      `SELECT sealed_private_key FROM signing_credentials WHERE bureau_id = $1`,
      [bureau.id],
    );
    expect(sealed).toHaveLength(2);
    for (const row of sealed) {
      expect(row.sealed_private_key.startsWith('v1:')).toBe(true);
      expect(row.sealed_private_key).not.toContain('PRIVATE KEY');
    }
    const audit = await get(`/audit-events?entityType=signing_credential&entityId=${uploaded.body.id}`, admin);
    expect(audit.body).toEqual([
      expect.objectContaining({ action: 'signing_credential.uploaded', actorUserId: admin.id }),
    ]);
  });

  it('lists a delivery that failed for good to admins, and sends it exactly once when retried', async () => {
    const staff = await bureauStaff();
    const { clerk, signatory } = staff;
    const email = `${uniqueName('refused')}@example.cn`.toLowerCase();
    sink.refused.add(email);
    await ctx.startWorker();
    const { replyId } = await signedReply(staff, { email });
    await issued(replyId, clerk);

    const emailDelivery = async () => {
      const list = await get(`/replies/${replyId}/deliveries`, clerk);
      return list.body.find((d: { email: string | null }) => d.email === email) as
        { id: string; status: string; attempts: number; lastError: string | null } | undefined;
    };
    const refused = await until(async () => {
      const d = await emailDelivery();
      return d && d.attempts >= 1 && d.lastError ? d : null;
    }, 'the first refused attempt');
    expect(refused.status).toBe('pending');
    expect(refused.lastError).toContain('mailbox unavailable');

    // The worker's own job backs off for 2, 4, 8 and 16 s; a copy with one attempt fails for good at once.
    const deliveries = ctx.app.get<Queue>(getQueueToken(QueueName.Deliveries), { strict: false });
    const originalId = jobIdOf(refused.id, JobName.DeliverLetter);
    const onceId = `${refused.id}--once`;
    await deliveries.add(JobName.DeliverLetter, { deliveryId: refused.id }, { jobId: onceId, attempts: 1 });
    await until(async () => (await deliveries.getJob(onceId))?.isFailed(), 'the one-attempt job to fail');
    await until(async () => (await emailDelivery())?.status === 'failed', 'the delivery to be marked failed');

    const failed = await get('/admin/failed-jobs', admin);
    expect(failed.status).toBe(200);
    expect(failed.body.find((j: { id: string }) => j.id === onceId)).toMatchObject({
      queue: 'deliveries',
      name: 'letter.deliver',
      data: { deliveryId: refused.id },
      attemptsMade: 1,
      failedReason: expect.stringContaining('mailbox unavailable'),
      failedAt: expect.any(String),
    });
    for (const user of [clerk, signatory]) {
      const forbidden = await get('/admin/failed-jobs', user);
      expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
      const retryForbidden = await ctx
        .http()
        .post(`/admin/failed-jobs/deliveries/${onceId}/retry`)
        .set(...bearer(user));
      expect(retryForbidden.status).toBe(403);
    }

    // The mailbox works again. The retry and the worker's own job, woken from its backoff, race
    // for the same delivery: the row lock and the status check must make it one e-mail.
    sink.refused.delete(email);
    const original = await deliveries.getJob(originalId);
    expect(original).toBeDefined();
    const retried = await ctx
      .http()
      .post(`/admin/failed-jobs/deliveries/${onceId}/retry`)
      .set(...bearer(admin));
    expect(retried.status).toBe(204);
    // It may have left the delayed set on its own a moment ago; then it is running already.
    if (await original?.isDelayed()) await original?.promote().catch(() => undefined);

    await until(async () => (await emailDelivery())?.status === 'sent', 'the delivery to be sent');
    await until(async () => (await deliveries.getJob(onceId))?.isCompleted(), 'the retried job to complete');
    await until(async () => (await deliveries.getJob(originalId))?.isCompleted(), 'the original job to complete');
    const mails = sink.received.filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0].raw).toContain(`Message-ID: <delivery-${refused.id}@dafu>`);
    expect(await emailDelivery()).toMatchObject({ status: 'sent', lastError: null });
    expect((await get('/admin/failed-jobs', admin)).body.map((j: { id: string }) => j.id)).not.toContain(onceId);

    const retry = (queue: string, id: string) =>
      ctx
        .http()
        .post(`/admin/failed-jobs/${queue}/${encodeURIComponent(id)}/retry`)
        .set(...bearer(admin));
    const notFailed = await retry('deliveries', onceId);
    expect([notFailed.status, notFailed.body.code]).toEqual([409, 'JOB_NOT_FAILED']);
    const missing = await retry('deliveries', 'no-such-job');
    expect([missing.status, missing.body.code]).toEqual([404, 'JOB_NOT_FOUND']);
    const unknownQueue = await retry('no-such-queue', onceId);
    expect([unknownQueue.status, unknownQueue.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
