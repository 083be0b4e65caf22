import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { Role } from '@dafu/platform/vocabulary';
import { draftedReply, TEST_PASSWORD, TestContext, type TestUser } from '@dafu/testing';
import { MESSAGES } from '../../apps/web/src/i18n/messages';
import { confirmDialog } from './confirm-dialog';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, ensureWebBuild, WEB_DIST } from './web-build';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/web');
const zh = MESSAGES.zh;
/** apps/web/src/pages/review/messages.ts (a .tsx import chain the api project cannot load). */
const APPROVED = '已审核同意';

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/** A reply through review and sign-off in a real browser: preview pages, approve, sign off, the signed PDF. */
describeWithBrowser('Web app in Chromium: review, sign-off and the final documents', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let reviewer: TestUser;
  let signatory: TestUser;
  let replyId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await TestContext.start({ env: { WEB_DIST_DIR: WEB_DIST } });
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;
    const registrar = await ctx.newUser(Role.Registrar);
    const session = await ctx.newSession(registrar);
    const bureau = await ctx.newBureau();
    const clerk = await ctx.newUser(Role.Clerk, bureau);
    reviewer = await ctx.newUser(Role.Reviewer, bureau);
    signatory = await ctx.newUser(Role.Signatory, bureau);
    replyId = (await draftedReply(ctx, registrar, session.id, clerk, { submit: true })).replyId;
    await ctx.startWorker();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  async function loggedIn(user: TestUser): Promise<Page> {
    const page = await browser.newPage({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(`${base}/app/login`);
    await page.getByLabel(zh.username).fill(user.username);
    await page.getByLabel(zh.password).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  it('the reviewer sees the letter’s pages as they will print and approves', async () => {
    const page = await loggedIn(reviewer);
    await page.goto(`${base}/app/inbox`);
    await page.getByTestId(`review-link-${replyId}`).click();
    await page.waitForURL(`**/app/replies/${replyId}/review`);
    const firstPage = page.getByTestId('letter-page').first().locator('img');
    await firstPage.waitFor();
    // The SVG image really decodes: A4 proportions, one image per page.
    const size = await firstPage.evaluate((img) =>
      img.decode().then(() => ({ width: img.naturalWidth, height: img.naturalHeight })),
    );
    expect(size.width).toBeGreaterThan(0);
    const pages = await page.getByTestId('letter-page').count();
    expect(size.height / size.width).toBeCloseTo((842 * pages) / 596, 1);
    await page.screenshot({ path: join(ARTIFACTS, '10-review-preview.png'), fullPage: true });

    await page.getByTestId('approve').click();
    expect(await confirmDialog(page, 'approve-confirm', `/replies/${replyId}/approve`)).toBe('200 ');
    await page.getByText(APPROVED).first().waitFor();
    await page.close();
  });

  it('the signatory signs off, sees the number, and downloads the signed PDF once issued', async () => {
    const page = await loggedIn(signatory);
    await page.goto(`${base}/app/signing`);
    await page.getByTestId(`review-link-${replyId}`).click();
    await page.getByTestId('sign-off').click();
    expect(await confirmDialog(page, 'sign-off-confirm', `/replies/${replyId}/sign-off`)).toBe('200 ');
    const number = page.getByTestId('document-number');
    await number.waitFor();
    expect(await number.innerText()).toMatch(/^已签发，文号：.+〔\d{4}〕\d+号$/);
    const download = page.getByTestId('download-pdf');
    await download.waitFor({ timeout: 60_000 });
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/〔\d{4}〕\d+号\.pdf$/);
    await page.screenshot({ path: join(ARTIFACTS, '11-review-issued.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
