/**
 * 用户管理 in the workbench (issue 23), in chromium at 1366×768 on the demo data: the city office
 * creates a county operator on the page (the server's rules printed at the fields, a refusal shown
 * at the field it names), resets its password to one the server generates and shows once; the new
 * operator signs in with it and sees only its county, and histories name offices, not login names;
 * the city office deactivates the operator, whose open page is sent to sign in. The last admin's
 * row says why it cannot be deactivated.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

declare const window: { innerWidth: number };
declare const document: { documentElement: { scrollWidth: number } };

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const SHENXIAN = '371522';

let t: TestApp;
let browser: Browser;
let base: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = await listen(t);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await t?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

async function signIn(page: Page, path: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/workbench/login.html?next=${encodeURIComponent(path)}`);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${base}${path}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

const row = (page: Page, username: string) => page.locator(`[data-testid="user-row"][data-username="${username}"]`);

describe('用户管理 (city office) in chromium', () => {
  let admin: Page;
  let issued: string;

  it('the city office opens 用户管理 from the nav: every user listed, the rules at the fields, the last admin explained', async () => {
    admin = await newPage();
    await signIn(admin, '/workbench/', 'admin', TEST_ADMIN_PASSWORD);
    await admin.getByTestId('nav-users').click();
    await admin.waitForURL(`${base}/workbench/users.html`);
    await admin.waitForSelector('body[data-state="ready"]');
    await admin.waitForSelector('[data-testid="user-table"][data-status="ready"]');
    const users = (await t.client.get('/api/users')).body as { username: string }[];
    expect(await admin.getByTestId('user-row').count()).toBe(users.length);
    // the roles are the server's, in its words
    const rules = (await t.client.get('/api/users/rules')).body as { roles: { label: string }[]; password: { rule: string } };
    expect(await admin.getByTestId('user-role').locator('option').allTextContents()).toEqual(rules.roles.map((r) => r.label));
    expect(await admin.locator('[data-rule="password"]').textContent()).toBe(rules.password.rule);
    // the one admin: badged, and its 停用 disabled with the rule as its reason
    const adminRow = row(admin, 'admin');
    expect(await adminRow.getByTestId('last-admin').textContent()).toBe('最后一个管理员');
    expect(await adminRow.getByTestId('user-toggle').isDisabled()).toBe(true);
    expect(await admin.getByTestId('last-admin-rule').textContent()).toContain('最后一个启用的管理员');
    await noHorizontalScroll(admin);
    mkdirSync(ARTIFACTS, { recursive: true });
    await admin.screenshot({ path: join(ARTIFACTS, 'users-1366.png'), fullPage: true });
  });

  it('creates a county operator: a weak password is refused at its field and creates nothing; then created', async () => {
    await admin.getByTestId('user-username').fill('shen-fgj');
    await admin.getByTestId('user-office').fill('莘县发展和改革局');
    await admin.getByTestId('user-role').selectOption('region');
    await admin.getByTestId('user-scope').selectOption(SHENXIAN);
    await admin.getByTestId('user-password').fill('short');
    await admin.getByTestId('user-create').click();
    await admin.waitForSelector('[data-error="password"]:not(:empty)');
    expect(await admin.locator('[data-error="password"]').textContent()).toContain('12');
    expect((await t.client.get('/api/users')).body.some((u: { username: string }) => u.username === 'shen-fgj')).toBe(false);

    await admin.getByTestId('user-password').fill('shen-initial-password-1');
    await admin.getByTestId('user-create').click();
    await row(admin, 'shen-fgj').waitFor();
    const cells = await row(admin, 'shen-fgj').locator('td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['shen-fgj', '莘县发展和改革局', '县区操作员', '莘县', '启用']);
  });

  it('creates a leader\'s user for a person of the register: without the person refused at the field, then listed by the person\'s name', async () => {
    const people: { id: number; name: string; title: string; active: boolean }[] = (await t.client.get('/api/people')).body;
    const person = people.find((p) => p.active);
    if (!person) throw new Error('the demo has no person in office');
    await admin.getByTestId('user-username').fill('leader-demo');
    await admin.getByTestId('user-role').selectOption('leader');
    await admin.getByTestId('user-password').fill('leader-initial-password-1');
    await admin.getByTestId('user-create').click();
    await admin.waitForSelector('[data-error="scope"]:not(:empty)');
    expect((await t.client.get('/api/users')).body.some((u: { username: string }) => u.username === 'leader-demo')).toBe(false);

    await admin.getByTestId('user-scope').selectOption(String(person.id));
    await admin.getByTestId('user-create').click();
    await row(admin, 'leader-demo').waitFor();
    const cells = await row(admin, 'leader-demo').locator('td').allTextContents();
    expect(cells[3]).toBe(`${person.name}（${person.title}）`);
    const made = (await t.client.get('/api/users')).body.find((u: { username: string }) => u.username === 'leader-demo');
    expect(made).toMatchObject({ role: 'leader', personId: person.id });
  });

  it('resets its password: the server\'s password is shown once; the operator signs in with it and sees only its county', async () => {
    await row(admin, 'shen-fgj').getByTestId('user-reset').click();
    await admin.waitForSelector('[data-testid="user-issued"]:not([hidden])');
    issued = ((await admin.getByTestId('issued-password').textContent()) ?? '').trim();
    expect(issued).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);

    const operator = await newPage();
    await signIn(operator, '/workbench/', 'shen-fgj', issued);
    await operator.waitForSelector('[data-testid="project-list"][data-status="ready"]');
    expect(await operator.getByTestId('who-scope').textContent()).toBe('莘县');
    expect(await operator.getByTestId('nav-users').count()).toBe(0);
    const own = await t.clientWith(await t.login('shen-fgj', issued)).get('/api/projects?pageSize=500');
    const all = await t.client.get('/api/projects?pageSize=500');
    expect(own.body.total).toBeGreaterThan(0);
    expect(all.body.total).toBeGreaterThan(own.body.total);
    expect(own.body.items.every((p: { region: string }) => p.region === SHENXIAN)).toBe(true);
    expect(await operator.getByTestId('project-row').count()).toBe(own.body.total);

    // A project's history names offices: the demo's loader as 演示数据, never a login name.
    await operator.getByTestId('project-row').first().locator('a').first().click();
    await operator.waitForSelector('[data-testid="project-history"] [data-testid="history-row"]');
    const actors = await operator.locator('[data-testid="project-history"] td.actor').allTextContents();
    expect(actors.length).toBeGreaterThan(0);
    expect(actors.filter((actor) => /^[a-z0-9.:_-]+$/i.test(actor))).toEqual([]);
    expect(actors).toContain('演示数据');

    // Deactivated by the city office, the operator's session ends: the next page asks for sign-in.
    await row(admin, 'shen-fgj').getByTestId('user-toggle').click();
    await admin.waitForSelector('[data-testid="user-row"][data-username="shen-fgj"] [data-testid="user-state"]:has-text("已停用")');
    await operator.goto(`${base}/workbench/`);
    await operator.waitForURL(/\/workbench\/login\.html\?next=/);
    expect((await t.clientWith(await t.login('admin', TEST_ADMIN_PASSWORD)).get('/api/users')).body.find((u: { username: string }) => u.username === 'shen-fgj').active).toBe(false);
  });
});
