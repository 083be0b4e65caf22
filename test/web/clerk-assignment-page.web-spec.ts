import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { Role } from '@dafu/platform/vocabulary';
import { TEST_PASSWORD, TestContext, type TestUser, today } from '@dafu/testing';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, ensureWebBuild, WEB_DIST } from './web-build';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/web');

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The assignment page in a real browser against the real API: from the list to the page,
 * acknowledge, the co bureau's missing opinion, a talk logged in the drawer, and starting the reply.
 * (The words are the page's Chinese dictionary, apps/web/src/pages/assignment/messages.ts.)
 */
describeWithBrowser('Web app in Chromium: the clerk on one assignment', () => {
  let ctx: TestContext;
  let browser: Browser;
  let page: Page;
  let base: string;
  let clerk: TestUser;
  let title: string;
  let assignmentId: string;
  const problems: string[] = [];

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await TestContext.start({ env: { WEB_DIST_DIR: WEB_DIST } });
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;

    const registrar = await ctx.newUser(Role.Registrar);
    const session = await ctx.newSession(registrar);
    const bureau = await ctx.newBureau();
    const co = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    const { proposal, assignments } = await ctx.newProposalAssignedTo(
      registrar,
      session.id,
      [
        { bureauId: bureau.id, role: 'lead' },
        { bureauId: co.id, role: 'co' },
      ],
      today(),
    );
    assignmentId = assignments[0].id;
    title = (
      (await ctx.http().get(`/proposals/${proposal.id}`).set('authorization', `Bearer ${registrar.token}`)).body as {
        title: string;
      }
    ).title;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('opens the assignment from the list and acknowledges it', async () => {
    await page.goto(`${base}/app/login`);
    await page.getByLabel('用户名').fill(clerk.username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/app/assignments');

    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/app/assignments/${assignmentId}`);
    await page.getByRole('heading', { name: title }).waitFor();
    await page.getByText('交办，办理期限', { exact: false }).waitFor();
    expect(await page.getByTestId('assignment-status').innerText()).toBe('待签收');
    expect(await page.getByRole('button', { name: '申请调整' }).count()).toBe(1);
    await shot('11-assignment-assigned');

    await page.getByRole('button', { name: /签\s*收/ }).click();
    await page.getByTestId('assignment-status').getByText('办理中').waitFor();
    await page.getByRole('button', { name: '申请延期' }).waitFor();
    expect(await page.getByRole('button', { name: /^签\s*收$/ }).count()).toBe(0);
    // The trail says who acknowledged.
    await page.getByTestId('timeline-entry').filter({ hasText: clerk.displayName }).waitFor();
    // The co bureau has not sent its opinion yet.
    expect(await page.getByTestId('co-opinion').innerText()).toContain('未提交');
  });

  it('logs a talk with the proposer in the drawer', async () => {
    await page.getByRole('button', { name: /沟通记录（0）/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('参加人员').fill('张三委员；承办人');
    await drawer.getByLabel('沟通情况').fill('电话沟通办理思路，委员表示认可');
    await drawer.getByRole('button', { name: '记录一次沟通' }).click();
    await drawer.getByTestId('contact').getByText('电话沟通办理思路，委员表示认可').waitFor();
    await shot('12-assignment-contacts');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /沟通记录（1）/ }).waitFor();
    await shot('13-assignment-acknowledged');
  });

  it('starts the reply and goes to its draft', async () => {
    await page.getByRole('button', { name: '开始起草答复' }).click();
    await page.waitForURL(/\/app\/replies\/[0-9a-f-]+\/draft$/);
    await page.goBack();
    await page.getByTestId('reply').getByText('起草中').waitFor();
    expect(await page.getByRole('button', { name: '开始起草答复' }).count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
