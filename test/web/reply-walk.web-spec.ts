import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { bearer, TEST_PASSWORD, TestContext, type TestUser } from '@dafu/testing';
import { binaryBody, until } from '@dafu/testing/letters';
import { pdfPlainText, readPdfText } from '@dafu/testing/pdf-text';
import { EXPECTED_LETTERS, readSeedLetter } from '@dafu/testing/seed-letters';
import { parseLetterSections } from '@dafu/replies/domain/letter-text-parser';
import { MESSAGES } from '../../apps/web/src/i18n/messages';
import { draftMessages } from '../../apps/web/src/pages/draft/messages';
import { reviewMessages } from '../../apps/web/src/pages/review/messages';
import { confirmDialog } from './confirm-dialog';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, ensureWebBuild, WEB_DIST } from './web-build';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/web/walk');
const zh = MESSAGES.zh;
const SEED = EXPECTED_LETTERS.find((letter) => letter.file === 'sanmenxia-cppcc-8-1-146.txt')!;
const SEED_TEXT = parseLetterSections(readSeedLetter(SEED.file));

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The whole path in a real browser, against the real API and worker on a per-run database:
 * a clerk drafts the reply to seed proposal 146 (三门峡, 人口老龄化), the reviewer sends it back
 * with a comment, the clerk fixes it, the reviewer approves, the signatory signs, the signed PDF
 * is produced by the worker and downloads, and the supervisor's dashboard counts it.
 */
describeWithBrowser('Web app in Chromium: a reply from draft to signed PDF', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let registrar: TestUser;
  let clerk: TestUser;
  let reviewer: TestUser;
  let signatory: TestUser;
  let supervisor: TestUser;
  let assignmentId: string;
  let sessionId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await TestContext.start({ env: { WEB_DIST_DIR: WEB_DIST } });
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    await ctx.startWorker();

    registrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.CppccCommittee));
    const session = await ctx
      .http()
      .post('/sessions')
      .set(...bearer(registrar))
      .send({ body: 'cppcc', term: 8, sitting: 1, year: 2023 });
    expect(session.status).toBe(201);
    sessionId = session.body.id;
    const bureau = await ctx.newBureau('三门峡市民政局');
    clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    supervisor = await ctx.newUser(Role.Supervisor);

    const proposal = await ctx.newProposal(registrar, sessionId, {
      number: SEED.proposalNumber,
      title: SEED.proposalTitle,
      proposers: SEED.addressees.people.map((name) => ({ name })),
    });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const assigned = await ctx
      .http()
      .post(`/proposals/${proposal.id}/assignments`)
      .set(...bearer(registrar))
      .send({ assignments: [{ bureauId: bureau.id, role: 'lead' }], assignedOn: today });
    expect(assigned.status).toBe(201);
    assignmentId = assigned.body[0].id;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  /** A fresh browser profile per person, logged in through the login page. */
  async function as(
    user: TestUser,
    name: string,
  ): Promise<{ page: Page; context: BrowserContext; shot: (s: string) => Promise<unknown> }> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`${name} pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${name} console: ${message.text()}`);
    });
    await page.goto(`${base}/app/login`);
    await page.getByLabel(zh.username).fill(user.username);
    await page.getByLabel(zh.password).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    let step = 0;
    const shot = (s: string) =>
      page.screenshot({ path: join(ARTIFACTS, `${name}-${String(++step).padStart(2, '0')}-${s}.png`), fullPage: true });
    return { page, context, shot };
  }

  const d = draftMessages.zh;
  const r = reviewMessages.zh;
  const REVIEW_COMMENT = '第二部分请写明2023年新建和改造养老设施的数量。';
  const FIX = '2023年，全市新建社区日间照料中心12个，改造提升敬老院8所。';
  let replyId: string;

  it('the clerk acknowledges the seed proposal, logs a talk, drafts the reply from the letter and submits it', async () => {
    const { page, shot, context } = await as(clerk, 'clerk');
    await page.getByRole('link', { name: SEED.proposalTitle }).click();
    await page.waitForURL(`**/app/assignments/${assignmentId}`);
    await page.getByRole('button', { name: /^签\s*收$/ }).click();
    await page.getByTestId('assignment-status').getByText('办理中').waitFor();
    await page.getByRole('button', { name: /沟通记录（0）/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('参加人员').fill('姚峥委员；承办人');
    await drawer.getByLabel('沟通情况').fill('电话沟通办理思路，委员表示认可');
    await drawer.getByRole('button', { name: '记录一次沟通' }).click();
    await drawer.getByTestId('contact').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await shot('assignment');

    await page.getByRole('button', { name: '开始起草答复' }).click();
    await page.waitForURL(/\/app\/replies\/[0-9a-f-]+\/draft$/);
    replyId = /replies\/([0-9a-f-]+)\/draft/.exec(page.url())![1];
    await page.getByTestId('draft-title').waitFor();
    // The draft starts from the proposal: its title and proposers are there already.
    expect(await page.getByLabel(d.title, { exact: true }).inputValue()).toContain(`第${SEED.proposalNumber}号`);
    expect(await page.getByLabel(d.person(0), { exact: true }).inputValue()).toBe(SEED.addressees.people[0]);

    await page.getByRole('radio', { name: /^A / }).check();
    await page.getByLabel(d.gradeJustification, { exact: true }).fill('所提建议已被采纳，相关工作已经落实。');
    for (const [index, paragraph] of SEED_TEXT.preamble.entries()) {
      if ((await page.getByLabel(d.preambleParagraph(index), { exact: true }).count()) === 0)
        await page.getByRole('button', { name: d.addPreamble }).click();
      await page.getByLabel(d.preambleParagraph(index), { exact: true }).fill(paragraph);
    }
    for (const [i, section] of SEED_TEXT.sections.entries()) {
      if ((await page.getByLabel(d.sectionHeading(i), { exact: true }).count()) === 0)
        await page.getByRole('button', { name: d.addSection }).click();
      await page.getByLabel(d.sectionHeading(i), { exact: true }).fill(section.heading);
      for (const [j, paragraph] of section.paragraphs.entries()) {
        if ((await page.getByLabel(d.sectionParagraph(i, j), { exact: true }).count()) === 0)
          await page.getByRole('button', { name: d.addParagraph(i), exact: true }).click();
        await page.getByLabel(d.sectionParagraph(i, j), { exact: true }).fill(paragraph);
      }
    }
    await page.getByLabel(d.contactName, { exact: true }).fill('王丽');
    await page.getByLabel(d.contactPhone, { exact: true }).fill('0398-2868001');
    if ((await page.getByLabel(d.ccRecipient(0), { exact: true }).count()) === 0)
      await page.getByRole('button', { name: d.addCc }).click();
    await page.getByLabel(d.ccRecipient(0), { exact: true }).fill('市政协提案委');
    await page.getByLabel(d.ccCopies(0), { exact: true }).fill('2');
    await page.getByRole('button', { name: d.save }).click();
    await page.getByTestId('dirty-state').getByText(d.allSaved).waitFor();
    await page.getByTestId('completeness').getByText(d.complete).waitFor();
    await shot('draft-complete');

    await page.getByRole('button', { name: d.submit }).click();
    await page.getByTestId('reply-status').getByText(zh['replyStatus.in_review']).waitFor();
    await page.getByTestId('read-only').waitFor();
    await shot('draft-submitted');
    await context.close();
  });

  it('the reviewer reads the letter as it will print and sends it back with a comment', async () => {
    const { page, shot, context } = await as(reviewer, 'reviewer');
    await page.goto(`${base}/app/inbox`);
    await page.getByTestId(`review-link-${replyId}`).click();
    await page.waitForURL(`**/app/replies/${replyId}/review`);
    await page.getByTestId('letter-page').first().locator('img').waitFor();
    await shot('preview');
    const preview = await ctx
      .http()
      .get(`/replies/${replyId}/preview?format=pdf`)
      .set(...bearer(reviewer))
      .buffer(true)
      .parse(binaryBody);
    const previewText = pdfPlainText(await readPdfText(preview.body as Buffer));
    // The letter prints the clerk's text: the seed's headings, the contact, the cc list.
    for (const heading of SEED.sectionHeadings) expect(previewText).toContain(heading);
    expect(previewText).toContain('市政协提案委（2份）');

    await page.getByTestId('send-back').click();
    await page.getByTestId('send-back-comment-0').fill(REVIEW_COMMENT);
    await page.getByTestId('send-back-confirm').click();
    await page.getByText(r.sentBack).first().waitFor();
    await shot('sent-back');
    await context.close();
  });

  it('the clerk sees the comment beside the text, fixes the second section, answers and submits again', async () => {
    const { page, shot, context } = await as(clerk, 'clerk-fix');
    await page.goto(`${base}/app/drafts`);
    await page.getByRole('link', { name: SEED.proposalTitle }).first().click();
    await page.waitForURL(`**/app/replies/${replyId}/draft`);
    await page.getByText(REVIEW_COMMENT).waitFor();
    const paragraph = page.getByLabel(d.sectionParagraph(1, 0), { exact: true });
    await paragraph.fill(`${await paragraph.inputValue()}${FIX}`);
    await page.getByLabel(d.answerLabel(0), { exact: true }).fill('已补充新建和改造设施的数量。');
    await page.getByRole('button', { name: d.answerSend }).click();
    await page.getByTestId('comment-answer').waitFor();
    await page.getByRole('button', { name: d.save }).click();
    await page.getByTestId('dirty-state').getByText(d.allSaved).waitFor();
    await shot('fixed');
    await page.getByRole('button', { name: d.submit }).click();
    await page.getByTestId('reply-status').getByText(zh['replyStatus.in_review']).waitFor();
    await context.close();
  });

  it('the reviewer approves and the signatory signs; the signed PDF downloads with the seed letter in it', async () => {
    const review = await as(reviewer, 'reviewer-approve');
    await review.page.goto(`${base}/app/replies/${replyId}/review`);
    await review.page.getByTestId('approve').click();
    expect(await confirmDialog(review.page, 'approve-confirm', `/replies/${replyId}/approve`)).toBe('200 ');
    await review.page.getByText(r.approved).first().waitFor();
    await review.context.close();

    const { page, shot, context } = await as(signatory, 'signatory');
    await page.goto(`${base}/app/signing`);
    await page.getByTestId(`review-link-${replyId}`).click();
    await page.getByTestId('letter-page').first().locator('img').waitFor();
    await page.getByTestId('sign-off').click();
    expect(await confirmDialog(page, 'sign-off-confirm', `/replies/${replyId}/sign-off`)).toBe('200 ');
    const numberText = await page.getByTestId('document-number').innerText();
    const documentNumber = /文号：(.+)$/.exec(numberText)![1];
    expect(documentNumber).toMatch(/^.+〔\d{4}〕1号$/);
    const button = page.getByTestId('download-pdf');
    // The worker renders and signs the letter; the page polls until it is issued.
    await button.waitFor({ timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(`${documentNumber}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/ETSI.CAdES.detached');
    // Lines wrap anywhere in Chinese text: compare without the line breaks.
    const text = pdfPlainText(await readPdfText(pdf)).replace(/\s+/g, '');
    expect(text).toContain(documentNumber);
    expect(text).toContain(FIX);
    for (const heading of SEED.sectionHeadings) expect(text).toContain(heading);
    await shot('issued');
    await context.close();
  }, 180_000);

  it("the supervisor's dashboard counts the reply", async () => {
    const statistics = await ctx
      .http()
      .get(`/supervision/statistics?sessionId=${sessionId}`)
      .set(...bearer(supervisor));
    expect(statistics.status).toBe(200);
    expect(statistics.body).toMatchObject({ total: 1, replied: 1 });
    const { page, shot, context } = await as(supervisor, 'supervisor');
    await page.waitForURL('**/app/supervision');
    const replied = page.getByTestId('kpi-replied');
    await replied.waitFor();
    await until(async () => ((await replied.getAttribute('data-value')) === '1' ? true : null), 'the reply counted');
    expect(await page.getByTestId('kpi-total').getAttribute('data-value')).toBe('1');
    await page.getByTestId('chart-on-time').locator('svg').first().waitFor();
    await shot('dashboard');
    await context.close();
    expect(problems).toEqual([]);
  });
});
