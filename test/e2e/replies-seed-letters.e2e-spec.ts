import { parseLetterSections } from '@dafu/replies/domain/letter-text-parser';
import { chineseDate } from '@dafu/replies/domain/reply-text';
import JSZip from 'jszip';
import { bearer, TestContext } from '@dafu/testing';
import { binaryBody, until } from '@dafu/testing/letters';
import { pdfLines, readPdfText } from '@dafu/testing/pdf-text';
import { EXPECTED_LETTERS as EXPECTED, readSeedLetter } from '@dafu/testing/seed-letters';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { seedDemo } from '../../scripts/seed-demo';

/** Who works on each seed letter in the demo data, and on which date it was signed. */
const BUREAU_STAFF: Record<string, { clerk: string; reviewers: string[]; signatory: string; signedOn: string }> = {
  'sanmenxia-cppcc-8-1-146.txt': {
    clerk: 'clerk',
    reviewers: ['reviewer', 'office-reviewer'],
    signatory: 'signatory',
    signedOn: '2023-06-30',
  },
  'jiaozuo-cppcc-192.txt': {
    clerk: 'jiaozuo-clerk',
    reviewers: ['jiaozuo-reviewer'],
    signatory: 'jiaozuo-signatory',
    signedOn: '2023-07-13',
  },
  'puyang-npc-9-1-269.txt': {
    clerk: 'puyang-clerk',
    reviewers: ['puyang-reviewer'],
    signatory: 'puyang-signatory',
    signedOn: '2023-07-28',
  },
  'puyang-cppcc-9-2-228.txt': {
    clerk: 'puyang-clerk',
    reviewers: ['puyang-reviewer'],
    signatory: 'puyang-signatory',
    signedOn: '2024-06-04',
  },
  'benxi-cppcc-1014.txt': {
    clerk: 'benxi-clerk',
    reviewers: ['benxi-reviewer'],
    signatory: 'benxi-signatory',
    signedOn: '2022-02-14',
  },
};

/**
 * The whole path for each of the five seed proposals of the demo data: the clerk drafts the
 * letter's own text, a reviewer sends it back once with a comment on a section, the clerk
 * answers and fixes it, the review chain approves, the signatory signs; the plain-text letter
 * then carries what expected.json says the real letter carries, and the worker issues it as a
 * signed PDF and a DOCX whose text holds every paragraph of the real letter, in order.
 */
describe('Replies to the five seed proposals, from draft to signed letter', () => {
  let ctx: TestContext;
  const tokens = new Map<string, { token: string }>();

  async function as(username: string): Promise<{ token: string }> {
    if (!tokens.has(username)) tokens.set(username, { token: await ctx.login(username, DEMO_PASSWORD) });
    return tokens.get(username) as { token: string };
  }

  beforeAll(async () => {
    ctx = await TestContext.start();
    await seedDemo(ctx.app);
    // 三门峡 numbered its 2023 letters on paper up to 20 before Dafu; the next is 21.
    const admin = await as('admin');
    const series = await ctx
      .http()
      .put('/document-number-series')
      .set(...bearer(admin))
      .send({ prefix: '三民文', year: 2023, lastNumber: 20 });
    expect(series.status).toBe(200);
    await ctx.startWorker();
  });
  afterAll(async () => {
    ctx.pinToday(null);
    await ctx.close();
  });

  it.each(EXPECTED.map((letter) => [letter.file, letter] as const))('%s', async (file, expected) => {
    const staff = BUREAU_STAFF[file];
    const clerk = await as(staff.clerk);
    ctx.pinToday(staff.signedOn);

    const assignments = await ctx
      .http()
      .get('/assignments')
      .set(...bearer(clerk));
    const assignment = assignments.body.find(
      (a: { proposalNumber: number; role: string }) =>
        a.proposalNumber === expected.proposalNumber && a.role === 'lead',
    );
    expect(assignment).toBeDefined();
    if (assignment.status === 'assigned') {
      const acknowledged = await ctx
        .http()
        .post(`/assignments/${assignment.id}/acknowledge`)
        .set(...bearer(clerk));
      expect(acknowledged.status).toBe(200);
    }

    // 本溪's three co bureaus: 财政局 sends its opinion, the other two are waived by the lead.
    if (file.startsWith('benxi')) await settleCoOpinions(assignment.id, clerk);

    const started = await ctx
      .http()
      .post(`/assignments/${assignment.id}/replies`)
      .set(...bearer(clerk));
    expect(started.status).toBe(201);
    const reply = started.body;
    expect(reply.status).toBe('drafting');
    expect(reply.content.opening).toContain(expected.proposalTitle);

    const letter = parseLetterSections(readSeedLetter(file));
    const content = {
      ...reply.content,
      addressees: {
        ...reply.content.addressees,
        people: expected.addressees.people,
        title: expected.addressees.title,
        organisation: expected.addressees.organisation,
      },
      preamble: letter.preamble,
      sections: letter.sections.map((s) => ({ ...s, source: null })),
      closing: letter.closing.length > 0 ? letter.closing : reply.content.closing,
      contact: expected.contact ?? { name: '王丽', phone: '0398-2868001' },
      cc: expected.cc.length > 0 ? expected.cc : reply.content.cc,
      proposedGrade: { grade: expected.grade ?? 'B', justification: '所提建议已吸收到相关工作中' },
    };
    // A first draft without the last section, to be fixed after review.
    const firstDraft = { ...content, sections: content.sections.slice(0, -1) };
    const saved = await ctx
      .http()
      .put(`/replies/${reply.id}/draft`)
      .set(...bearer(clerk))
      .send({ version: 1, content: firstDraft });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);

    const submitted = await ctx
      .http()
      .post(`/replies/${reply.id}/submit`)
      .set(...bearer(clerk))
      .send({ version: 2 });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', currentStep: 0 });

    const firstReviewer = await as(staff.reviewers[0]);
    const sentBack = await ctx
      .http()
      .post(`/replies/${reply.id}/send-back`)
      .set(...bearer(firstReviewer))
      .send({ version: 2, comments: [{ anchor: 'section:0', body: '请补充最后一部分的工作安排' }] });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.status).toBe('drafting');

    const comments = await ctx
      .http()
      .get(`/replies/${reply.id}/comments`)
      .set(...bearer(clerk));
    expect(comments.body).toEqual([
      expect.objectContaining({
        anchor: 'section:0',
        body: '请补充最后一部分的工作安排',
        versionNumber: 2,
        answer: null,
      }),
    ]);
    const answered = await ctx
      .http()
      .post(`/replies/${reply.id}/comments/${comments.body[0].id}/answer`)
      .set(...bearer(clerk))
      .send({ answer: '已补充' });
    expect(answered.status).toBe(200);
    expect(answered.body.answer).toBe('已补充');

    const fixed = await ctx
      .http()
      .put(`/replies/${reply.id}/draft`)
      .set(...bearer(clerk))
      .send({ version: 2, content });
    expect(fixed.body.version).toBe(3);
    const resubmitted = await ctx
      .http()
      .post(`/replies/${reply.id}/submit`)
      .set(...bearer(clerk))
      .send({ version: 3 });
    expect(resubmitted.status).toBe(200);

    for (const username of staff.reviewers) {
      const approved = await ctx
        .http()
        .post(`/replies/${reply.id}/approve`)
        .set(...bearer(await as(username)))
        .send({ version: 3 });
      expect(approved.status).toBe(200);
    }
    const signatory = await as(staff.signatory);
    const inbox = await ctx
      .http()
      .get('/replies/inbox')
      .set(...bearer(signatory));
    expect(inbox.body.map((r: { id: string }) => r.id)).toContain(reply.id);

    const signed = await ctx
      .http()
      .post(`/replies/${reply.id}/sign-off`)
      .set(...bearer(signatory))
      .send({ version: 3 });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ status: 'signed', signedOn: staff.signedOn, signedVersion: 3 });
    if (expected.documentNumber) expect(signed.body.documentNumber).toBe(expected.documentNumber);
    if (expected.signatory) expect(signed.body.signatoryName).toBe(expected.signatory);
    if (expected.grade) expect(signed.body.grade).toBe(expected.grade);

    const text = await ctx
      .http()
      .get(`/replies/${reply.id}/text`)
      .set(...bearer(clerk));
    expect(text.status).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    const lines: string[] = text.text.split('\n').map((line: string) => line.trim());
    expected.sectionHeadings.forEach((heading, i) => {
      expect(lines.some((line) => line.startsWith(`${'一二三四五六七八九十'[i]}、${heading}`))).toBe(true);
    });
    const addressee =
      expected.addressees.organisation ?? `${expected.addressees.people.join('、')}${expected.addressees.title}`;
    expect(lines.some((line) => line.endsWith(`${addressee}：`))).toBe(true);
    expect(text.text).toContain(signed.body.documentNumber);
    expect(text.text).toContain(`办理结果：${signed.body.grade}`);
    if (expected.signatory) expect(text.text).toContain(`签发人：${expected.signatory}`);
    for (const entry of expected.cc) expect(text.text).toContain(`${entry.recipient}（${entry.copies}份）`);
    if (expected.contact) {
      expect(text.text).toMatch(new RegExp(`联系人：${expected.contact.name}\\s*联系电话：${expected.contact.phone}`));
    }
    if (expected.date) {
      const [y, m, d] = expected.date.split('-').map(Number);
      expect(text.text).toContain(`${y}年${m}月${d}日`);
    }

    const after = await ctx
      .http()
      .get(`/assignments/${assignment.id}`)
      .set(...bearer(clerk));
    expect(after.body.status).toBe('replied');

    // The worker issues the letter; both files carry the real letter's text in order.
    await issued(reply.id, clerk);
    const printed = [
      ...(file.startsWith('sanmenxia') ? [`办理结果：${signed.body.grade}`] : []),
      signed.body.documentNumber,
      `签发人：${signed.body.signatoryName}`,
      content.title,
      `${content.addressees.honorific}${addressee}：`,
      content.opening,
      ...content.preamble,
      ...content.sections.flatMap((section: { heading: string; paragraphs: string[] }, i: number) => [
        `${'一二三四五六七八九十'[i]}、${section.heading}`,
        ...section.paragraphs,
      ]),
      ...content.closing,
      content.issuer,
      chineseDate(signed.body.signedOn),
      ...(content.contact ? [`联系人：${content.contact.name}`, `联系电话：${content.contact.phone}`] : []),
      ...(content.cc.length > 0
        ? [`抄送：`, ...content.cc.map((c: { recipient: string; copies: number }) => `${c.recipient}（${c.copies}份）`)]
        : []),
    ];
    const pdf = await download(reply.id, 'pdf', clerk);
    const pdfText = await readPdfText(pdf);
    const pdfBody = pdfLines(pdfText)
      .map((line) => line.text)
      .filter((line) => !/^—\s*\d+\s*—$/.test(line.trim()))
      .join('');
    expectInOrder(pdfBody, printed, `${file} (PDF)`);
    expect(pdfText.info.Keywords ?? '').toContain(signed.body.documentNumber);
    expect(pdfText.pages[0].glyphs.some((g) => g.fontName.includes('FandolFang'))).toBe(true);

    const docx = await JSZip.loadAsync(await download(reply.id, 'docx', clerk));
    const documentXml = await docx.file('word/document.xml')!.async('string');
    expectInOrder(docxText(documentXml), printed, `${file} (DOCX)`);
    expect(documentXml).toContain('w:eastAsia="FandolFang"');
    expect(documentXml).toMatch(/w:eastAsia="Noto Sans CJK SC"/);
  });

  async function issued(replyId: string, user: { token: string }): Promise<void> {
    await until(async () => {
      const reply = await ctx
        .http()
        .get(`/replies/${replyId}`)
        .set(...bearer(user));
      return reply.body.status === 'issued';
    }, `reply ${replyId} to be issued`);
  }

  async function download(replyId: string, kind: 'pdf' | 'docx', user: { token: string }): Promise<Buffer> {
    const response = await ctx
      .http()
      .get(`/replies/${replyId}/documents/${kind}`)
      .set(...bearer(user))
      .buffer(true)
      .parse(binaryBody);
    expect(response.status).toBe(200);
    return response.body as Buffer;
  }

  async function settleCoOpinions(leadAssignmentId: string, leadClerk: { token: string }): Promise<void> {
    const financeClerk = await as('finance-clerk');
    const own = await ctx
      .http()
      .get('/assignments')
      .set(...bearer(financeClerk));
    const co = own.body.find(
      (a: { proposalNumber: number; role: string }) => a.proposalNumber === 1014 && a.role === 'co',
    );
    await ctx
      .http()
      .post(`/assignments/${co.id}/acknowledge`)
      .set(...bearer(financeClerk));
    await ctx
      .http()
      .put(`/assignments/${co.id}/opinion`)
      .set(...bearer(financeClerk))
      .send({ body: '市财政局将继续统筹资金支持养老机构建设。' });
    const sent = await ctx
      .http()
      .post(`/assignments/${co.id}/opinion/send`)
      .set(...bearer(await as('finance-reviewer')));
    expect(sent.status).toBe(200);
    const opinions = await ctx
      .http()
      .get(`/assignments/${leadAssignmentId}/co-opinions`)
      .set(...bearer(leadClerk));
    for (const opinion of opinions.body.filter((o: { status: string }) => o.status !== 'sent')) {
      const waived = await ctx
        .http()
        .post(`/assignments/${leadAssignmentId}/co-opinions/${opinion.assignmentId}/waive`)
        .set(...bearer(leadClerk))
        .send({ reason: '会办单位电话答复无补充意见' });
      expect(waived.status).toBe(200);
    }
  }
});

/** The text of word/document.xml: every w:t, paragraphs run together. */
function docxText(documentXml: string): string {
  return [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) =>
      m[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('');
}

/** Each needle appears after the one before it, whitespace aside. */
function expectInOrder(haystack: string, needles: string[], what: string): void {
  const text = haystack.replace(/\s+/g, '');
  let from = 0;
  for (const needle of needles) {
    const wanted = needle.replace(/\s+/g, '');
    const at = text.indexOf(wanted, from);
    if (at < 0) {
      throw new Error(
        `${what}: "${needle}" is missing after position ${from}; what follows: ${text.slice(from, from + 80)}`,
      );
    }
    from = at + wanted.length;
  }
}
