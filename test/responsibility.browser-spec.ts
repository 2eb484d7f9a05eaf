/**
 * 链长制 and 包联 on screen (docs/domain/responsibility.md), in Debian's chromium driven by
 * playwright-core against the real app (demo data, "now" 2024-11-20 10:00 Shanghai), through a
 * host name other than localhost: the city office registers a person in 人员名册, names him 链长 of
 * a chain on the 链长制 page and 市级包联领导 of one of that chain's red-list projects on the project
 * page; he signs in on a 375×812 phone and finds his chain and his project on 我的 and on the
 * project's card, nothing wider than the screen; the war room's red list names him.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { DEMO_CHAIN_DUTIES } from '../seeds/demo-people.js';
import { intranetBase, intranetChromium } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

const ROOT = projectRoot(); // the tests run built, from dist/test: the repository's root by its package.json
const ARTIFACTS = join(ROOT, 'test-artifacts');
const LEADER = { name: '（示例）浏览器测试领导', title: '副市长', organisation: '聊城市人民政府', username: 'leader-browser', password: 'leader-browser-pass-1' };

let t: TestApp;
let browser: Browser;
let base: string;
const problems: string[] = [];
let chain: { code: string; name: string };
let project: { id: number; name: string; ownerEnterprise: string };
let personId: number;

function watch(page: Page, expected: string[] = []): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(base) && !request.url().startsWith('data:')) problems.push(`left the host: ${request.url()}`);
  });
  page.on('response', (response) => {
    const line = `HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
    if (response.status() >= 400 && response.status() !== 401 && !expected.includes(line)) problems.push(line);
  });
}

async function signIn(page: Page, path: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.waitForURL(/\/workbench\/login\.html/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // The sign-in page is "ready" too: wait to have left it before waiting for the page's own readiness.
  await page.waitForURL((url) => !url.pathname.endsWith('/login.html'));
}

/** Every element's right edge and the page's scroll width, against the viewport's width. */
async function widest(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<{ getBoundingClientRect(): { right: number; width: number }; tagName: string; className: string; textContent: string | null }> } }).document;
    const width = doc.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of Array.from(doc.querySelectorAll('body *'))) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) offenders.push(`${el.tagName}.${el.className}: ${(el.textContent ?? '').slice(0, 30)} (${Math.round(box.right)})`);
    }
    return { scrollWidth: doc.documentElement.scrollWidth, offenders };
  });
}

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  // opened by a host name other than localhost, as an office opens the server (mapped to 127.0.0.1)
  base = intranetBase(await listen(t));
  browser = await intranetChromium();
  // A chain no demo 链长 leads, and one of its projects on October's red list (found through the API).
  const board = (await t.client.get('/api/dashboard/2024?month=10')).body as { redList: { projectId: number }[]; chains: { code: string; name: string }[] };
  const led = new Set(DEMO_CHAIN_DUTIES.map((d) => d.chain));
  for (const item of board.redList) {
    const p = (await t.client.get(`/api/projects/${item.projectId}`)).body;
    if (!led.has(p.chain) && p.ownerEnterprise) {
      project = { id: p.id, name: p.name, ownerEnterprise: p.ownerEnterprise };
      chain = board.chains.find((c) => c.code === p.chain)!;
      break;
    }
  }
  expect(project).toBeDefined();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('链长制 and 包联 in chromium: set by the city office, read by the leader on a phone', () => {
  it('the city office registers the person, names him 链长 and 市级包联领导', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    watch(page);
    await signIn(page, '/workbench/people.html', 'admin', TEST_ADMIN_PASSWORD);
    await page.waitForSelector('body[data-state="ready"]');
    await page.getByTestId('person-name').fill(LEADER.name);
    await page.getByTestId('person-title').fill(LEADER.title);
    await page.getByTestId('person-organisation').fill(LEADER.organisation);
    await page.getByTestId('person-phone').fill('0635-8888888');
    await page.getByTestId('person-save').click();
    const row = page.locator('[data-testid="person-row"]', { hasText: LEADER.name });
    await row.waitFor();
    personId = Number(await row.getAttribute('data-person-id'));
    expect(personId).toBeGreaterThan(0);

    // 链长制: the chain's "5个1" for 2024, with him as 链长
    await page.goto(`${base}/workbench/duty.html?chain=${chain.code}&year=2024`);
    await page.waitForSelector('body[data-state="ready"]');
    expect(await page.getByTestId('five-status').getAttribute('data-complete')).toBe('false');
    await page.getByTestId('five-leader').selectOption(String(personId));
    await page.getByTestId('five-plan-title').fill(`${chain.name}产业链工作方案（浏览器测试）`);
    await page.getByTestId('five-measures').fill('一企一策包联\n专项资金支持');
    await page.getByTestId('five-anchors').fill(project.ownerEnterprise);
    await page.getByTestId('five-save').click();
    await page.waitForSelector('[data-testid="five-status"][data-complete="true"]');
    expect((await t.client.get(`/api/chains/${chain.code}/responsibility/2024`)).body).toMatchObject({ leaderId: personId, complete: true });

    // the project page: him as 市级包联领导; the change shows in the project's history
    await page.goto(`${base}/workbench/project.html?id=${project.id}`);
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('[data-testid="duty-form"]');
    await page.getByTestId('duty-city-select').selectOption(String(personId));
    await page.getByTestId('duty-save').click();
    await page.waitForFunction((name) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-testid="duty-city-leader"]')?.textContent?.includes(name), LEADER.name);
    await page.waitForSelector('[data-testid="history-row"][data-kind="responsibility"]');
    expect(await page.locator('[data-testid="history-row"][data-kind="responsibility"]').first().textContent()).toContain(LEADER.name);
    expect((await t.client.get(`/api/projects/${project.id}/responsibility`)).body.cityLeaderId).toBe(personId);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('he signs in on a 375×812 phone: his chain and his project on 我的, and the project\'s card, nothing wider than the screen', async () => {
    expect((await t.client.post('/api/users').send({ username: LEADER.username, password: LEADER.password, role: 'leader', personId })).status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    watch(page);
    await signIn(page, '/workbench/', LEADER.username, LEADER.password);
    await page.waitForURL(`${base}/workbench/home.html`);
    await page.waitForSelector('body[data-state="ready"]');
    expect(await page.getByTestId('home-person').textContent()).toContain(LEADER.name);
    const chainTile = page.locator(`[data-testid="home-chain"][data-code="${chain.code}"]`);
    expect(await chainTile.textContent()).toContain(chain.name);
    const tile = page.locator(`[data-testid="home-project"][data-project-id="${project.id}"]`);
    expect(await tile.textContent()).toContain(project.name);
    expect(await tile.textContent()).toContain('市级包联领导');
    // the home agrees with the API: October's colour and 完成序时 of the project
    const home = (await t.clientWith(await t.login(LEADER.username, LEADER.password)).get('/api/me/home')).body;
    const mine = home.projects.find((p: { projectId: number }) => p.projectId === project.id);
    expect(mine).toMatchObject({ rating: 'red', roles: ['cityLeader'] });
    expect(mine.red.length).toBeGreaterThan(0);
    expect(await tile.locator('[data-testid="home-project-red"]').textContent()).toContain(mine.red[0].reason);
    let width = await widest(page);
    expect(width).toEqual({ scrollWidth: 375, offenders: [] });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'leader-home-375.png'), fullPage: true });

    await tile.locator('a').click();
    await page.waitForURL(/\/workbench\/card\.html\?id=/);
    await page.waitForSelector('body[data-state="ready"]');
    expect(await page.getByTestId('card-name').textContent()).toBe(project.name);
    expect(await page.getByTestId('card-city-leader').textContent()).toContain(LEADER.name);
    width = await widest(page);
    expect(width).toEqual({ scrollWidth: 375, offenders: [] });
    await page.screenshot({ path: join(ARTIFACTS, 'leader-card-375.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the war room\'s red list names him beside the county, and his chain\'s row its 链长', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    watch(page);
    await page.goto(`${base}/?year=2024&month=10`);
    await page.waitForSelector('body[data-state="login"]');
    await page.getByTestId('login-username').fill(LEADER.username);
    await page.getByTestId('login-password').fill(LEADER.password);
    await page.getByTestId('login-submit').click();
    await page.waitForSelector('body[data-state="ready"]');
    await page.locator('[data-testid="redlist-item"]').first().waitFor();
    const item = page.locator(`[data-testid="redlist-item"][data-project-id="${project.id}"]`).first();
    expect(await item.locator('[data-testid="redlist-responsible"]').textContent()).toContain(`包联 ${LEADER.name}`);
    expect(await page.locator(`[data-testid="chain-${chain.code}"] [data-testid="chain-leader"]`).textContent()).toBe(LEADER.name);
    // the coverage warning is the city office's, not a leader's
    expect(await page.getByTestId('coverage-warning').isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'war-room-red-list-named.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
