import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { OrganisationKind, Role } from '@dafu/platform/vocabulary';
import { draftedReply, TEST_PASSWORD, TestContext, type TestUser } from '@dafu/testing';
import { MESSAGES } from '../../apps/web/src/i18n/messages';
import { menuFor } from '../../apps/web/src/navigation/navigation';
import { CHROMIUM, CHROMIUM_ARGS, chromiumAvailable, ensureWebBuild, WEB_DIST } from './web-build';

const ARTIFACTS = resolve(__dirname, '../../test-artifacts/web/tour');
const zh = MESSAGES.zh;

const describeWithBrowser = chromiumAvailable() ? describe : describe.skip;

/**
 * Runs in the page: the form controls and buttons a screen reader could not name (no label,
 * aria-label, aria-labelledby, title or text), described so a failure says which.
 */
const UNNAMED_CONTROLS = `(() => {
  const visible = (el) => {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && (box.width > 0 || box.height > 0);
  };
  const nameOf = (el) => {
    const label = el.getAttribute('aria-label') || el.getAttribute('title');
    if (label && label.trim()) return label;
    const by = el.getAttribute('aria-labelledby');
    if (by) {
      const text = by.split(/\\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
      if (text) return text;
    }
    if (el.id) {
      const forLabel = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (forLabel && forLabel.textContent.trim()) return forLabel.textContent;
    }
    const wrapping = el.closest('label');
    if (wrapping && wrapping.textContent.trim()) return wrapping.textContent;
    if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.getAttribute('role') === 'button') {
      const text = el.textContent.trim();
      if (text) return text;
      const img = el.querySelector('img[alt]');
      if (img && img.getAttribute('alt').trim()) return img.getAttribute('alt');
      // An icon button: the icon's own label names it (antd's icons carry one).
      const icon = el.querySelector('[role=img][aria-label]');
      if (icon && icon.getAttribute('aria-label').trim()) return icon.getAttribute('aria-label');
    }
    if (el.tagName === 'INPUT' && el.getAttribute('placeholder')) return el.getAttribute('placeholder');
    return '';
  };
  const controls = [...document.querySelectorAll(
    'input:not([type=hidden]), textarea, select, button, a[href], [role=combobox], [role=switch], [role=checkbox], [role=radio]'
  )].filter(visible);
  return controls
    .filter((el) => !nameOf(el).trim())
    .map((el) => el.outerHTML.slice(0, 160));
})()`;

/**
 * Every page of every role's menu, in a real browser on real data: it opens without an error in
 * the page, every control has a name a screen reader can say, the menu works by keyboard, and a
 * screenshot of each page is kept.
 */
describeWithBrowser('Web app in Chromium: every page of every role', () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  const users: Partial<Record<Role, TestUser>> = {};

  beforeAll(async () => {
    ensureWebBuild();
    mkdirSync(ARTIFACTS, { recursive: true });
    ctx = await TestContext.start({ env: { WEB_DIST_DIR: WEB_DIST } });
    await ctx.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(ctx.app.getHttpServer().address() as AddressInfo).port}`;

    const registrar = await ctx.newUser(Role.Registrar, await ctx.newOrganisation(OrganisationKind.CppccCommittee));
    const session = await ctx.newSession(registrar);
    const bureau = await ctx.newBureau();
    users.registrar = registrar;
    users.clerk = await ctx.newUser(Role.Clerk, bureau);
    users.reviewer = await ctx.newUser(Role.Reviewer, bureau);
    users.signatory = await ctx.newUser(Role.Signatory, bureau);
    users.supervisor = await ctx.newUser(Role.Supervisor);
    users.admin = await ctx.newUser(Role.Admin);
    // Something on each list: an item to acknowledge, a draft in review, an overdue one.
    await ctx.newAssignedProposal(registrar, session.id, bureau.id, '2023-03-01');
    await draftedReply(ctx, registrar, session.id, users.clerk, { submit: true });
    await draftedReply(ctx, registrar, session.id, users.clerk);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  async function loggedIn(user: TestUser, problems: string[]): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.goto(`${base}/app/login`);
    await page.getByLabel(zh.username).fill(user.username);
    await page.getByLabel(zh.password).fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    return page;
  }

  it.each(['clerk', 'reviewer', 'signatory', 'registrar', 'supervisor', 'admin'] as const)(
    'as %s: every menu page opens, names its controls, and the menu works by keyboard',
    async (role) => {
      const user = users[role]!;
      const problems: string[] = [];
      const unnamed: Record<string, string[]> = {};
      const page = await loggedIn(user, problems);
      const items = menuFor([role]);
      for (const [index, item] of items.entries()) {
        await page.goto(`${base}/app${item.path}`);
        await page.locator('main, .ant-layout-content').first().waitFor();
        // Lists and charts load after the page: wait until nothing is loading.
        await page.waitForLoadState('networkidle');
        await page
          .locator('.ant-spin-spinning, .ant-skeleton-active')
          .first()
          .waitFor({ state: 'detached', timeout: 15_000 })
          .catch(() => undefined);
        expect(await page.locator('nav .ant-menu-item-selected').innerText()).toBe(zh[item.label]);
        const missing = (await page.evaluate(UNNAMED_CONTROLS)) as string[];
        if (missing.length > 0) unnamed[item.path] = missing;
        await page.screenshot({
          path: join(ARTIFACTS, `${role}-${String(index + 1).padStart(2, '0')}-${item.key}.png`),
          fullPage: true,
        });
      }
      expect(unnamed).toEqual({});

      // Keyboard: from the page, Tab reaches the menu's items and Enter opens one.
      if (items.length > 1) {
        await page.goto(`${base}/app${items[0].path}`);
        await page.locator('nav .ant-menu-item-selected').waitFor();
        const target = page.locator('nav .ant-menu-item').nth(1);
        await target.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL(`**/app${items[1].path}`);
      }
      // A 401 from an expired token is not a problem; nothing else may have gone wrong.
      expect(problems.filter((p) => !p.includes('401'))).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
