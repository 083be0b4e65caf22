import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { Role } from '@dafu/platform/vocabulary';
import { bearer, TEST_PASSWORD, TestContext, type TestUser } from '@dafu/testing';
import { urgencyOf } from '../../apps/web/src/pages/assignments/urgency';
import { MESSAGES } from '../../apps/web/src/i18n/messages';
import { draftMessages } from '../../apps/web/src/pages/draft/messages';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, ensureWebBuild, WEB_DIST } from './web-build';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/web');
const zh = MESSAGES.zh;
const en = MESSAGES.en;

interface ListItem {
  id: string;
  proposalNumber: number;
  proposalTitle: string;
  dueOn: string;
  daysLeft: number;
}

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * The whole path in a real browser: the API (per-run database and Redis prefix) serving the built
 * app, a clerk logging in by keyboard, their bureau's open items, English, logout, an expired session.
 */
describeWithBrowser('Web app in Chromium: the clerk and their assignments', () => {
  let ctx: TestContext;
  let browser: Browser;
  let page: Page;
  let base: string;
  let clerk: TestUser;
  let expected: ListItem[];
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
    const other = await ctx.newBureau();
    clerk = await ctx.newUser(Role.Clerk, bureau);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await ctx.newAssignedProposal(registrar, session.id, bureau.id, '2023-03-01');
    await ctx.newAssignedProposal(registrar, session.id, bureau.id, today);
    await ctx.newProposalAssignedTo(registrar, session.id, [
      { bureauId: other.id, role: 'lead' },
      { bureauId: bureau.id, role: 'co' },
    ]);
    await ctx.newAssignedProposal(registrar, session.id, other.id, today);
    const list = await ctx
      .http()
      .get('/assignments?open=true')
      .set(...bearer(clerk));
    expect(list.status).toBe(200);
    expected = [...(list.body as ListItem[])].sort(
      (a, b) => a.dueOn.localeCompare(b.dueOn) || a.proposalNumber - b.proposalNumber,
    );
    expect(expected).toHaveLength(3);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1366, height: 800 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('serves the app under /app/ with its CSP, / redirects there, API routes are untouched', async () => {
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const deep = await fetch(`${base}/app/assignments`);
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(deep.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${base}/app/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/health`)).headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${base}/auth/me`)).status).toBe(401);
  });

  it('the committed OpenAPI document is the one the running API serves', async () => {
    const served = (await (await fetch(`${base}/docs/openapi.json`)).json()) as unknown;
    const committed = JSON.parse(readFileSync(resolve(__dirname, '../../apps/web/src/api/openapi.json'), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('logs in by keyboard through labelled fields and lists the bureau items by due date', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL('**/app/login');
    await page.getByLabel(zh.username).waitFor();
    expect(await page.getByLabel(zh.password).count()).toBe(1);
    await shot('01-login');

    // The username field has the focus on arrival; Tab to the password, Enter submits.
    await page.keyboard.type(clerk.username);
    await page.keyboard.press('Tab');
    expect(await page.evaluate("document.activeElement?.getAttribute('type')")).toBe('password');
    await page.keyboard.type(TEST_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL('**/app/assignments');
    await page.getByText(zh.assignmentsTitle).waitFor();
    const rows = page.locator('tr[data-row-key]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(expected.length);
    for (const [index, item] of expected.entries()) {
      const row = rows.nth(index);
      expect(await row.getAttribute('data-row-key')).toBe(item.id);
      expect(await row.innerText()).toContain(item.proposalTitle);
      const tag = row.locator('[data-urgency]');
      expect(await tag.innerText()).toBe(zh.daysLeft(item.daysLeft));
      expect(await tag.getAttribute('data-urgency')).toBe(urgencyOf(item.daysLeft));
    }
    expect(await rows.first().locator('[data-urgency]').getAttribute('data-urgency')).toBe('overdue');
    // The clerk's menu: their pages, no registrar or admin ones.
    const menu = await page.locator('nav .ant-menu').innerText();
    expect(menu).toContain(zh['menu.assignments']);
    expect(menu).not.toContain(zh['menu.users']);
    expect(menu).not.toContain(zh['menu.import']);
    await shot('02-assignments-zh');
  });

  it('moves between pages by the side menu', async () => {
    await page.locator('nav .ant-menu').getByText(zh['menu.drafts']).click();
    await page.waitForURL('**/app/drafts');
    await page.getByRole('heading', { name: draftMessages.zh.draftsTitle }).waitFor();
    await page.locator('nav .ant-menu').getByText(zh['menu.assignments']).click();
    await page.waitForURL('**/app/assignments');
  });

  it('switches to English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByText(en.assignmentsTitle).waitFor();
    expect(await page.locator('tr[data-row-key] [data-urgency]').first().innerText()).toBe(
      en.daysLeft(expected[0].daysLeft),
    );
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await shot('03-assignments-en');
  });

  it('logs out back to the login page, which says so', async () => {
    await page.getByRole('button', { name: en.logout }).click();
    await page.waitForURL('**/app/login');
    await page.getByText(en.loggedOut).waitFor();
    await shot('04-logged-out');
  });

  it('an expired session returns to the login page with a message', async () => {
    // Tokens the API no longer honours: /auth/me is refused, and so is the refresh.
    const stale = JSON.stringify({ accessToken: 'expired', refreshToken: 'revoked' });
    await page.evaluate(`localStorage.setItem('dafu.session', ${JSON.stringify(stale)})`);
    await page.goto(`${base}/app/assignments`);
    await page.waitForURL('**/app/login');
    await page.getByText(en.sessionExpired).waitFor();
    await shot('05-session-expired');
    // The 401s of that attempt are expected; nothing else may have gone wrong in the page.
    expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
  });
});
