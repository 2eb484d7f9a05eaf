/**
 * The war room (挂图作战, issue 4) in a real browser: Debian's chromium driven by
 * playwright-core against the real app (demo data, "now" fixed to 2024-11-20 10:00 Shanghai).
 * Screenshots go to test-artifacts/ (the README's copies: npm run screenshots).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { launchChromium, scriptVisibleStorage, SESSION_COOKIE, storedSession } from './support/browser.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

// Browser globals as seen inside page.evaluate callbacks (the project's tsconfig has no DOM lib).
declare const window: {
  innerWidth: number;
  print: () => void;
  dispatchEvent(event: unknown): boolean;
  printed?: number;
  injected?: number;
  echarts: { getInstanceByDom(el: unknown): { dispatchAction(action: Record<string, unknown>): void } };
};
declare const document: {
  documentElement: { scrollWidth: number; scrollHeight: number };
  body: { dataset: Record<string, string | undefined> };
  getElementById(id: string): { textContent: string | null } | null;
};
declare class Event {
  constructor(type: string);
}

const ROOT = projectRoot(); // the tests run built, from dist/test: the repository's root by its package.json
const ARTIFACTS = join(ROOT, 'test-artifacts');
const YEAR = 2024;
const MONTH = 10;

// ------------------------------------------------------------------ the test's own formatting (integer arithmetic)

/** 万元 → 亿元 with two decimals, half up: 1247980 → "124.80". */
function yiOf(wan: number): string {
  const whole = Math.floor(wan / 100);
  const rest = wan % 100;
  const hundredths = rest >= 50 ? whole + 1 : whole;
  return `${Math.floor(hundredths / 100)}.${(hundredths % 100).toString().padStart(2, '0')}`;
}

/** A 4-decimal ratio → percent with one decimal: 0.9076 → "90.8%". */
function pctOf(ratio: number | null): string {
  if (ratio === null) return '—';
  const basisPoints = Math.round(ratio * 10000);
  const tenths = Math.floor(basisPoints / 10) + (basisPoints % 10 >= 5 ? 1 : 0);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

// ------------------------------------------------------------------ API shapes the test reads

interface Rated { rating: string | null; computedRating: string | null; override: unknown }
interface Dashboard {
  year: number;
  month: number;
  asOf: string;
  investment: Rated & { target: number; actual: number; expected: number; ratio: number | null; planShare: number | null };
  implementationCounts: { listed: number; started: number; completed: number };
  startRate: { listed: number; started: number; rate: number | null; target: number; neededForTarget: number };
  bigProjects: {
    count: number;
    target: number;
    regions: { name: string; required: boolean; ok: boolean; attracted: { ok: boolean } }[];
    chains: { name: string; flagship: boolean; required: boolean; ok: boolean; attracted: { ok: boolean } }[];
    newThisYear: { projectId: number }[];
    continuing: unknown[];
  };
  keyProjects: Rated & { count: number; targetCount: number; investment: number; target: number; expected: number; ratio: number | null };
  chains: (Rated & { code: string; name: string; flagship: boolean; targetInvestment: number; actual: number; expected: number; ratio: number | null })[];
  regions: (Rated & { code: string; name: string; plan: number; actual: number; expected: number; ratio: number | null; rank: number | null })[];
  redList: { projectId: number; region: string | null; kind: string; reason: string }[];
}
interface ProjectView {
  id: number;
  name: string;
  stage: string;
  stageLabel: string;
  approvals: Record<string, string | null>;
  plannedStartDate: string | null;
}
interface HistoryEntry { kind: string; event: string | null; effectiveDate: string | null; recordedAt: string }
interface ReportView { month: string; amount: number }
interface Page_<T> { items: T[]; total: number }
interface DefaultPeriod { today: string; lastMonth: string; year: number; month: number; years: number[]; fallback: boolean; note?: string }

// ------------------------------------------------------------------ harness

let t: TestApp;
let browser: Browser;
let base: string;
/** The test's own bearer token, for its reads and writes beside the page's (null until it signs in by API). */
let token: string | null = null;

async function api<T>(path: string): Promise<T> {
  let response = await fetch(base + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (response.status === 401 && (await signInByApi())) response = await fetch(base + path, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path} → ${response.status}`);
  return (await response.json()) as T;
}

/** A write by the test itself, as admin. */
async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  if (!token) await signInByApi();
  return fetch(base + path, { method, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(body) });
}

/** The test's own API calls sign in as admin (POST /api/auth/login, a bearer token; the pages use the cookie session). */
async function signInByApi(): Promise<boolean> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: TEST_ADMIN_PASSWORD }),
  });
  if (!response.ok) return false;
  token = ((await response.json()) as { accessToken: string }).accessToken;
  return true;
}

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors, failed requests and ≥ 400 responses (a 401 before signing in is expected). */
  problems: string[];
  signedIn: boolean;
}

/** A fresh browser context at this size, watching for errors; signs in if the page asks. */
async function openWarRoom(width: number, height: number, path = '/'): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const watched: Watched = { context, page, problems: [], signedIn: false };
  watchProblems(watched);
  await page.goto(base + path);
  await signInIfAsked(watched);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
  await page.waitForSelector('#curve-chart[data-rendered="1"] canvas');
  await page.waitForLoadState('networkidle');
  return watched;
}

function watchProblems(w: Watched): void {
  w.page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // chromium logs every 4xx as "Failed to load resource": the one 401 before signing in is expected
    if (!w.signedIn && /status of 401/.test(message.text())) return;
    w.problems.push(`console error: ${message.text()}`);
  });
  w.page.on('pageerror', (error) => w.problems.push(`page error: ${error.message}`));
  w.page.on('requestfailed', (request) => w.problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  w.page.on('response', (response) => {
    if (response.status() < 400) return;
    if (response.status() === 401 && !w.signedIn && new URL(response.url()).pathname.startsWith('/api/')) return;
    w.problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
}

/** Signs in when the page shows its form; then waits for the board to reach `until` (ready, or error). */
async function signInIfAsked(w: Watched, until: 'ready' | 'error' = 'ready'): Promise<void> {
  await w.page.waitForSelector(`body[data-state="${until}"], body[data-state="login"]`, { timeout: 15000 });
  if ((await w.page.getAttribute('body', 'data-state')) !== 'login') return;
  const form = w.page.getByTestId('login-form');
  await form.getByLabel('用户名').fill('admin');
  await form.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
  w.signedIn = true;
  await form.getByRole('button', { name: '登录' }).click();
  await w.page.waitForSelector(`body[data-state="${until}"]`, { timeout: 15000 });
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

async function noHorizontalScroll(page: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
}

/** A screenshot in test-artifacts/ (the README's copies come from `npm run screenshots`, scripts/screenshots.mjs). */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = await listen(t);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

// ------------------------------------------------------------------ tests

describe('war room (挂图作战) in chromium', () => {
  it('loads at 1920×1080 with no console errors and no failed requests, all on one screen', async () => {
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      expect(await page.title()).toContain('挂图作战');
      // the page asked for sign-in exactly when the API needs it
      const anonymous = await fetch(`${base}/api/regions`);
      expect(w.signedIn).toBe(anonymous.status === 401);
      if (w.signedIn) expect(await storedSession(page)).toMatch(/^[A-Za-z0-9_-]{43}$/); // the page holds its session's CSRF token
      for (const id of ['kpi-investment', 'kpi-start', 'kpi-big', 'kpi-key', 'region-board', 'curve-chart', 'chain-table', 'redlist'])
        await expect(page.getByTestId(id).isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-testid^="region-3715"]').count()).resolves.toBe(11);
      await expect(page.locator('.chain-table tbody tr').count()).resolves.toBe(12);
      const { scrollWidth, innerWidth } = await noHorizontalScroll(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      // the wall layout needs no scrolling at all
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(1080);
      await screenshot(page, 'war-room-1920x1080.png');
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('shows the headline, region, chain and red-list figures of GET /api/dashboard/2024?month=10', async () => {
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
      expect(d.month).toBe(MONTH);

      expect(await text(page, 'investment-actual')).toBe(yiOf(d.investment.actual));
      expect(await text(page, 'investment-expected')).toBe(yiOf(d.investment.expected));
      expect(await text(page, 'investment-ratio')).toBe(pctOf(d.investment.ratio));
      expect(await text(page, 'investment-target')).toBe(String(d.investment.target / 10000));
      expect(await text(page, 'start-rate')).toBe(pctOf(d.startRate.rate));
      expect(await text(page, 'started-count')).toBe(String(d.startRate.started));
      expect(await text(page, 'listed-count')).toBe(String(d.startRate.listed));
      expect(await text(page, 'needed-starts')).toBe(String(d.startRate.neededForTarget));
      expect(await text(page, 'needed-starts-text')).toContain('还需开工');
      expect(await text(page, 'big-count')).toBe(String(d.bigProjects.count));
      expect(await text(page, 'big-target')).toBe(String(d.bigProjects.target));
      const lacking = d.bigProjects.regions.filter((r) => r.required && !r.ok).map((r) => r.name);
      expect(await page.getByTestId('big-missing-region').allTextContents()).toEqual(lacking);
      // 谋划: the flagship chains without a new one; 引进: every chain without an attracted one, each its own line.
      const lackingChains = d.bigProjects.chains.filter((c) => c.flagship && !c.ok).map((c) => `★${c.name}`);
      expect(await page.getByTestId('big-missing-chain').allTextContents()).toEqual(lackingChains);
      const notAttracted = d.bigProjects.regions.filter((r) => r.required && !r.attracted.ok).map((r) => r.name);
      expect(await page.getByTestId('big-missing-attracted-region').allTextContents()).toEqual(notAttracted);
      const chainsNotAttracted = d.bigProjects.chains.filter((c) => c.required && !c.attracted.ok).map((c) => `${c.flagship ? '★' : ''}${c.name}`);
      expect(await page.getByTestId('big-missing-attracted-chain').allTextContents()).toEqual(chainsNotAttracted);
      if (notAttracted.length || chainsNotAttracted.length) expect(await text(page, 'big-missing-attracted')).toMatch(/^引进尚缺：/);
      expect(await text(page, 'big-continuing')).toContain(`另有续建大项目 ${d.bigProjects.continuing.length} 个`);
      // The big-project panel: the year's new ones, then the continuing ones apart.
      expect((await page.getByTestId('big-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-project-id')))))).toEqual(d.bigProjects.newThisYear.map((p) => p.projectId));
      expect(await page.getByTestId('big-continuing-row').count()).toBe(d.bigProjects.continuing.length);
      // The warnings that each name a county are one line listing them all.
      expect(await page.getByTestId('warning-regionWithoutBigProject').count()).toBe(lacking.length ? 1 : 0);
      if (lacking.length) expect(await text(page, 'warning-regionWithoutBigProject')).toBe(`⚠本年尚无新谋划大项目的县（市、区）：${lacking.join('、')}`);
      // how the city itself reports it: 占年度计划, started and completed projects
      expect(await text(page, 'investment-plan-share')).toBe(pctOf(d.investment.planShare));
      expect(await text(page, 'impl-started')).toBe(String(d.implementationCounts.started));
      expect(await text(page, 'impl-listed')).toBe(String(d.implementationCounts.listed));
      expect(await text(page, 'impl-completed')).toBe(String(d.implementationCounts.completed));
      expect(await text(page, 'key-target-count')).toBe(String(d.keyProjects.targetCount));
      expect(await text(page, 'key-investment')).toBe(yiOf(d.keyProjects.investment));
      expect(await text(page, 'key-expected')).toBe(yiOf(d.keyProjects.expected));
      expect(await text(page, 'key-ratio')).toBe(pctOf(d.keyProjects.ratio));
      expect(await text(page, 'key-count')).toBe(String(d.keyProjects.count));
      // the as-of stamp is the dashboard's asOf in Asia/Shanghai (now = 02:00Z → 10:00)
      expect(d.asOf).toBe('2024-11-20T02:00:00.000Z');
      expect(await text(page, 'asof-stamp')).toBe('2024-11-20 10:00');
      expect(await text(page, 'freshness-badge')).toContain(`${MONTH}月`);

      for (const r of d.regions) {
        const tile = page.getByTestId(`region-${r.code}`);
        expect(await tile.getAttribute('data-rating')).toBe(r.rating ?? 'none');
        expect(await tile.getAttribute('title')).toContain(r.name);
        expect((await tile.getByTestId('region-actual').textContent())?.trim()).toBe(yiOf(r.actual));
        expect((await tile.getByTestId('region-expected').textContent())?.trim()).toBe(yiOf(r.expected));
        expect((await tile.getByTestId('region-plan').textContent())?.trim()).toBe(yiOf(r.plan));
        expect((await tile.getByTestId('region-ratio').textContent())?.trim()).toBe(pctOf(r.ratio));
        expect((await tile.getByTestId('region-rank').textContent())?.trim()).toBe(r.rank === null ? '未排名' : String(r.rank));
      }
      for (const c of d.chains) {
        const row = page.getByTestId(`chain-${c.code}`);
        expect((await row.getByTestId('chain-target').textContent())?.trim()).toBe(yiOf(c.targetInvestment));
        expect((await row.getByTestId('chain-actual').textContent())?.trim()).toBe(yiOf(c.actual));
        expect((await row.getByTestId('chain-expected').textContent())?.trim()).toBe(yiOf(c.expected));
        expect((await row.getByTestId('chain-ratio').textContent())?.trim()).toBe(pctOf(c.ratio));
        expect((await row.textContent())?.includes('★')).toBe(c.flagship);
      }
      // the appendix inconsistency is on screen: 12 chain targets sum to 159.45亿, not 165亿
      const chainSum = d.chains.reduce((sum, c) => sum + c.targetInvestment, 0);
      expect(await text(page, 'chain-target-sum')).toBe(yiOf(chainSum));
      expect(await page.getByTestId('warning-chainTargetsBelowCityTarget').isVisible()).toBe(true);

      expect(await text(page, 'redlist-count')).toBe(String(d.redList.length));
      expect(await page.getByTestId('redlist-item').count()).toBe(d.redList.length);
      const halted = d.redList.filter((i) => i.kind === 'halted');
      for (const item of halted)
        expect(await page.locator(`[data-testid="redlist-item"][data-kind="halted"][data-project-id="${item.projectId}"]`).textContent()).toContain(item.reason);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('clicking a region tile filters the page to that region; the chip clears it; a chain row filters too', async () => {
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
      const region = d.regions.find((r) => r.code === '371522') ?? d.regions[0];
      await page.getByTestId(`region-${region.code}`).click();
      const panel = page.locator(`[data-testid="filter-panel"][data-filter="region:${region.code}"][data-status="ready"]`);
      await panel.waitFor();
      expect(await text(page, 'filter-chip')).toContain(`筛选：${region.name}`);
      expect(await page.getByTestId(`region-${region.code}`).getAttribute('aria-pressed')).toBe('true');

      const listed = await api<Page_<{ projectId: number; region: string }>>(`/api/dashboard/${YEAR}/projects?month=${MONTH}&region=${region.code}&pageSize=500`);
      expect(listed.total).toBeGreaterThan(0);
      const rows = page.getByTestId('project-row');
      expect(await rows.count()).toBe(listed.total);
      expect(await text(page, 'project-total')).toBe(String(listed.total));
      expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-region'))))).toEqual(new Set([region.code]));
      expect((await rows.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-project-id'))))).sort((a, b) => a - b))
        .toEqual(listed.items.map((p) => p.projectId).sort((a, b) => a - b));
      // the red list follows the filter
      const redInRegion = d.redList.filter((i) => i.region === region.code);
      expect(await page.getByTestId('redlist-item').count()).toBe(redInRegion.length);
      await screenshot(page, 'war-room-filter-region.png');

      await page.getByTestId('filter-chip').click();
      await expect(page.getByTestId('filter-panel').isHidden()).resolves.toBe(true);
      expect(await page.getByTestId('redlist-item').count()).toBe(d.redList.length);

      const chain = d.chains.find((c) => c.code === 'green-chemical') ?? d.chains[0];
      await page.getByTestId(`chain-${chain.code}`).click();
      await page.locator(`[data-testid="filter-panel"][data-filter="chain:${chain.code}"][data-status="ready"]`).waitFor();
      const byChain = await api<Page_<{ projectId: number }>>(`/api/dashboard/${YEAR}/projects?month=${MONTH}&chain=${chain.code}&pageSize=500`);
      expect(await page.getByTestId('project-row').count()).toBe(byChain.total);
      expect(new Set(await page.getByTestId('project-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-chain'))))).toEqual(new Set([chain.code]));
      expect(await text(page, 'filter-chip')).toContain(chain.name);
      expect(new URL(page.url()).searchParams.get('chain')).toBe(chain.code);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('clicking a project opens its card: stage timeline with dates, six approvals, monthly bars, history', async () => {
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);

      // a halted project, from the red list
      const halted = d.redList.find((i) => i.kind === 'halted');
      expect(halted).toBeDefined();
      const id = halted!.projectId;
      await page.locator(`[data-testid="redlist-item"][data-kind="halted"][data-project-id="${id}"] button`).click();
      await page.locator(`[data-testid="project-card"][data-project-id="${id}"][data-status="ready"]`).waitFor();
      const [project, history, reports] = await Promise.all([
        api<ProjectView>(`/api/projects/${id}`),
        api<HistoryEntry[]>(`/api/projects/${id}/history`),
        api<ReportView[]>(`/api/projects/${id}/reports`),
      ]);
      const card = page.getByTestId('project-card');
      expect(await card.isVisible()).toBe(true);
      expect((await page.locator('#card-title').textContent())?.trim()).toBe(project.name);
      expect(await text(page, 'card-stage')).toBe(project.stageLabel);

      const steps = card.getByTestId('card-timeline').locator('li');
      expect(await steps.count()).toBe(4);
      expect((await steps.locator('.step-label').allTextContents()).map((s) => s.slice(0, 2))).toEqual(['储备', '准备', '实施', '竣工']);
      expect(await card.getByTestId('timeline-implementation').getAttribute('data-status')).toBe('halted');
      const start = history.find((h) => h.event === 'START');
      const promote = history.find((h) => h.event === 'PROMOTE');
      expect(await card.getByTestId('timeline-implementation').getByTestId('timeline-date').textContent()).toBe(start?.effectiveDate);
      expect(await card.getByTestId('timeline-preparation').getByTestId('timeline-date').textContent()).toBe(promote?.effectiveDate);
      expect(await card.getByTestId('timeline-completed').getAttribute('data-status')).toBe('future');
      expect(await card.textContent()).toContain('停工');

      // the server's words for the approvals, in full (the card once shortened 立项（备案/核准）)
      const labels = { filing: '立项（备案/核准）', land: '用地', planning: '规划许可', environment: '环评', energy: '节能审查', construction: '施工许可' };
      for (const [key, label] of Object.entries(labels)) {
        const item = card.getByTestId(`approval-${key}`);
        const shown = (await item.textContent()) ?? '';
        expect(shown).toContain(label);
        expect(shown).toContain(project.approvals[key] ?? '未取得');
      }
      expect(await card.locator('#card-chart canvas').count()).toBeGreaterThan(0);
      expect(await card.getByTestId('card-bars').getAttribute('data-months')).toBe(String(reports.filter((r) => r.month.startsWith(`${YEAR}-`)).length));
      expect(await card.getByTestId('history-row').count()).toBe(history.length);
      await screenshot(page, 'war-room-card.png');

      await page.keyboard.press('Escape');
      expect(await card.isHidden()).toBe(true);

      // a preparation project past its planned start, from the region's project table: missing approvals show
      const overdue = d.redList.find((i) => i.kind === 'overdueStart');
      expect(overdue).toBeDefined();
      await page.getByTestId(`region-${overdue!.region}`).click();
      await page.locator(`[data-testid="filter-panel"][data-filter="region:${overdue!.region}"][data-status="ready"]`).waitFor();
      await page.locator(`[data-testid="project-row"][data-project-id="${overdue!.projectId}"] button`).click();
      await page.locator(`[data-testid="project-card"][data-project-id="${overdue!.projectId}"][data-status="ready"]`).waitFor();
      const prep = await api<ProjectView>(`/api/projects/${overdue!.projectId}`);
      expect(await card.getByTestId('timeline-preparation').getAttribute('data-status')).toBe('current');
      expect(await card.getByTestId('timeline-implementation').getByTestId('timeline-date').textContent()).toBe(`计划 ${prep.plannedStartDate}`);
      const missing = Object.entries(prep.approvals).filter(([, date]) => date === null).map(([key]) => key);
      expect(missing.length).toBeGreaterThan(0);
      for (const key of missing) expect(await card.getByTestId(`approval-${key}`).textContent()).toContain('未取得');
      await card.getByTestId('card-close').click();
      expect(await card.isHidden()).toBe(true);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('reads on a 1366×768 laptop: no horizontal scrollbar, headline tiles in view, same figures', async () => {
    const w = await openWarRoom(1366, 768);
    try {
      const { page } = w;
      const { scrollWidth, innerWidth } = await noHorizontalScroll(page);
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      for (const id of ['kpi-investment', 'kpi-start', 'kpi-big', 'kpi-key']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
        expect(box!.y + box!.height).toBeLessThanOrEqual(768);
      }
      const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
      expect(await text(page, 'investment-actual')).toBe(yiOf(d.investment.actual));
      expect(await text(page, 'start-rate')).toBe(pctOf(d.startRate.rate));
      // every region tile is fully visible somewhere on the page and can be clicked
      for (const r of d.regions) {
        const box = await page.getByTestId(`region-${r.code}`).boundingBox();
        expect(box!.width).toBeGreaterThan(80);
        expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
      }
      await screenshot(page, 'war-room-1366x768.png');
      await page.screenshot({ path: join(ARTIFACTS, 'war-room-1366x768-full.png'), fullPage: true });
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('auto-refreshes for the wall (toggle), and prints the monthly bulletin layout', async () => {
    const w = await openWarRoom(1920, 1080, `/?year=${YEAR}&month=${MONTH}&refresh=2`);
    try {
      const { page } = w;
      const toggle = page.getByTestId('autorefresh');
      expect(await toggle.isChecked()).toBe(true);
      const first = await page.getAttribute('body', 'data-loaded-at');
      await page.waitForFunction((before) => document.body.dataset.loadedAt !== before, first, { timeout: 6000 });
      await toggle.uncheck();
      const afterOff = await page.getAttribute('body', 'data-loaded-at');
      await page.waitForTimeout(2600);
      expect(await page.getAttribute('body', 'data-loaded-at')).toBe(afterOff);
      expect(await page.getByTestId('freshness-badge').getAttribute('data-fresh')).toBe('fresh');

      // 打印月通报 calls window.print(); the print stylesheet drops the controls and unclips the red list
      await page.evaluate(() => {
        window.printed = 0;
        window.print = () => {
          window.printed = (window.printed ?? 0) + 1;
        };
      });
      await page.getByTestId('print').click();
      expect(await page.evaluate(() => window.printed)).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await page.locator('.controls').isVisible()).toBe(false);
      expect(await page.getByTestId('investment-actual').isVisible()).toBe(true);
      const clipped = await page.getByTestId('redlist').evaluate((el) => el.scrollHeight - el.clientHeight);
      expect(clipped).toBeLessThanOrEqual(1);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.pdf({ path: join(ARTIFACTS, 'war-room-bulletin.pdf'), format: 'A4', landscape: true, printBackground: true });
      await page.emulateMedia({ media: 'screen' });
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('signs in through the form with the cookie session (HttpOnly; the CSRF token in sessionStorage only); a new tab resumes it; 退出登录 ends it', async () => {
    const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const w: Watched = { context, page, problems: [], signedIn: false };
    watchProblems(w);
    try {
      await page.goto(`${base}/?year=${YEAR}&month=${MONTH}`);
      await page.waitForSelector('body[data-state="login"]');
      const form = page.getByTestId('login-form');
      expect(await form.isVisible()).toBe(true);
      const formText = (await form.textContent()) ?? '';
      for (const word of ['用户名', '密码', '登录']) expect(formText).toContain(word);
      expect(await page.getByTestId('account').isHidden()).toBe(true);

      // a wrong password is answered at the form
      await form.getByLabel('用户名').fill('admin');
      await form.getByLabel('密码').fill('not-the-admin-password');
      await form.getByRole('button', { name: '登录' }).click();
      await page.waitForSelector('[data-role="signin-error"]:text("用户名或密码错误")');
      expect(await storedSession(page)).toBeNull();

      await form.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
      w.signedIn = true;
      await form.getByRole('button', { name: '登录' }).click();
      await page.waitForSelector('body[data-state="ready"]');
      expect(await form.isHidden()).toBe(true);
      expect(await text(page, 'investment-actual')).toBe(yiOf(d.investment.actual));
      expect(await text(page, 'account-name')).toBe('admin');

      // the session is an HttpOnly, SameSite=Strict cookie; the page keeps only the CSRF token, in sessionStorage
      const cookie = (await context.cookies(base)).find((c) => c.name === SESSION_COOKIE);
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      const visible = await scriptVisibleStorage(page);
      expect(visible.cookie).not.toContain(SESSION_COOKIE);
      expect(visible.localStorage).toEqual({});
      const csrf = await storedSession(page);
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(csrf).not.toBe(cookie!.value);

      // a new tab of the same browser asks the server for the session: the board, no form
      const tab = await context.newPage();
      await tab.goto(`${base}/?year=${YEAR}&month=${MONTH}`);
      await tab.waitForSelector('body[data-state="ready"]');
      expect(await tab.getByTestId('login-form').isHidden()).toBe(true);
      expect(await storedSession(tab)).toBe(csrf);
      await tab.close();

      // 退出登录: a write with the CSRF token; the page reloads onto the sign-in form
      w.signedIn = false; // the reload after signing out meets a 401 again
      const [logout] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/logout'),
        page.getByTestId('sign-out').click(),
      ]);
      expect(logout.status()).toBe(204);
      expect(logout.request().headers()['x-csrf-token']).toBe(csrf);
      await page.waitForSelector('body[data-state="login"]');
      expect(await storedSession(page)).toBeNull();
      expect((await context.cookies(base)).map((c) => c.name)).not.toContain(SESSION_COOKIE);
      const me = await fetch(`${base}/api/auth/me`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie!.value}` } });
      expect(me.status).toBe(401);
      expect(w.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('修改密码 is reachable from the account area: its three fields, the rule, and the confirmation checked in the page', async () => {
    const w = await openWarRoom(1366, 768);
    try {
      const { page } = w;
      const posted: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/auth/password') posted.push(request.method());
      });
      await page.getByTestId('change-password').click();
      const dialog = page.getByTestId('password-dialog');
      await dialog.waitFor();
      expect(await dialog.locator('label').allTextContents()).toEqual(['当前密码', '新密码', '确认新密码']);
      expect(await text(page, 'password-rule')).toBe('至少 12 个字符，不能是常见密码或用户名');
      await page.getByTestId('password-currentPassword').fill(TEST_ADMIN_PASSWORD);
      await page.getByTestId('password-newPassword').fill('another-admin-pass-1');
      await page.getByTestId('password-confirmPassword').fill('another-admin-pass-2');
      await page.getByTestId('password-submit').click();
      await page.waitForSelector('[data-testid="password-error-confirmPassword"]:text("两次输入的新密码不一致")');
      expect(posted).toEqual([]);
      await screenshot(page, 'war-room-password-1366x768.png');
      await page.getByTestId('password-close').click();
      expect(await dialog.isHidden()).toBe(true);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('shows a manual colour override beside the computed colour (原:黄)', async () => {
    const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
    const region = d.regions.find((r) => r.computedRating === 'yellow') ?? d.regions[0];
    const put = await fetch(`${base}/api/ratings/${YEAR}/${MONTH}/region/${region.code}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ rating: 'blue', reason: '浏览器测试：人工调色' }),
    });
    expect([200, 201]).toContain(put.status);
    const w = await openWarRoom(1920, 1080);
    try {
      const tile = w.page.getByTestId(`region-${region.code}`);
      expect(await tile.getAttribute('data-rating')).toBe('blue');
      expect((await tile.getByTestId('region-rating').textContent())?.trim()).toBe('蓝');
      expect((await tile.getByTestId('region-original').textContent())?.trim()).toBe('原:黄');
      expect(await tile.getAttribute('title')).toContain('浏览器测试：人工调色');
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
  it('opens on the server\'s default period: last month of a year with a plan, without a note', async () => {
    const period = await api<DefaultPeriod>('/api/periods/default');
    // now = 2024-11-20 in Shanghai: last month is October 2024, and 2024 has a plan
    expect(period).toMatchObject({ today: '2024-11-20', year: 2024, month: 10, fallback: false });
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      expect(await page.locator('#year').inputValue()).toBe('2024');
      expect(await page.locator('#month').inputValue()).toBe('10');
      expect(await text(page, 'period')).toContain('2024年1–10月');
      expect(await page.getByTestId('period-note').isHidden()).toBe(true);
      const url = new URL(page.url());
      expect([url.searchParams.get('year'), url.searchParams.get('month')]).toEqual(['2024', '10']);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('in a year without a plan, opens on the latest planned year through December and says so on screen', async () => {
    t.setNow('2026-03-05T02:00:00.000Z');
    try {
      const period = await api<DefaultPeriod>('/api/periods/default');
      expect(period).toMatchObject({ today: '2026-03-05', lastMonth: '2026-02', year: 2024, month: 12, years: [2024], fallback: true });
      const w = await openWarRoom(1920, 1080);
      try {
        const { page } = w;
        expect(await text(page, 'period')).toContain('2024年1–12月');
        expect(await page.getByTestId('period-note').isVisible()).toBe(true);
        expect(await text(page, 'period-note')).toBe('2026 年尚无年度计划，显示 2024 年');
        expect(await page.locator('#year option').allTextContents()).toEqual(['2024年']);
        expect(await page.locator('#month').inputValue()).toBe('12');
        const d = await api<Dashboard>('/api/dashboard/2024?month=12');
        expect(await text(page, 'investment-actual')).toBe(yiOf(d.investment.actual));
        await screenshot(page, 'war-room-fallback-period.png');
        expect(w.problems).toEqual([]);
      } finally {
        await w.context.close();
      }
    } finally {
      t.setNow('2024-11-20T02:00:00.000Z');
    }
  });

  it('a refused API call shows the server\'s own message in the banner', async () => {
    await api('/api/regions'); // the test signed in
    const refused = await fetch(`${base}/api/dashboard/${YEAR}?month=13`, { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { statusCode: number; message: string; details: unknown[] };
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const w: Watched = { context, page: await context.newPage(), problems: [], signedIn: false };
    watchProblems(w);
    try {
      await w.page.goto(`${base}/?year=${YEAR}&month=13`);
      await signInIfAsked(w, 'error');
      expect(await w.page.locator('#banner').isVisible()).toBe(true);
      expect((await w.page.locator('#banner').textContent())?.trim()).toBe(`数据加载失败：${body.message}`);
      // the only problems are the refusals themselves
      expect(w.problems.length).toBeGreaterThan(0);
      expect(w.problems.filter((p) => !/\b400\b/.test(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the card names changed fields in the server\'s words, and its chart tooltip shows notes as text, never markup', async () => {
    const d = await api<Dashboard>(`/api/dashboard/${YEAR}?month=${MONTH}`);
    // A lagging project under construction (one that has not started, such as 齐鲁漆业 in its 前期手续, files no reports).
    let lagging: { id: number; project: ProjectView & { version: number } } | undefined;
    for (const item of d.redList.filter((i) => i.kind === 'lagging')) {
      const candidate = await api<ProjectView & { version: number }>(`/api/projects/${item.projectId}`);
      if (candidate.stage.startsWith('implementation')) {
        lagging = { id: item.projectId, project: candidate };
        break;
      }
    }
    expect(lagging).toBeDefined();
    const { id, project } = lagging!;
    const patched = await send('PATCH', `/api/projects/${id}`, { approvals: { filing: '2023-12-15' } }, { 'If-Match': `"${project.version}"` });
    expect(patched.status).toBe(200);
    // a new revision of October with the same amount (the board's figures stay), its progress note looking like markup
    const october = `${YEAR}-${String(MONTH).padStart(2, '0')}`;
    const amount = (await api<ReportView[]>(`/api/projects/${id}/reports`)).find((r) => r.month === october)?.amount ?? 0;
    const markup = '<img src=x onerror="window.injected=1">主体施工';
    const filed = await send('PUT', `/api/projects/${id}/reports/${october}`, { amount, progress: markup });
    expect([200, 201]).toContain(filed.status);

    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      await page.locator(`[data-testid="redlist-item"][data-project-id="${id}"] button`).click();
      await page.locator(`[data-testid="project-card"][data-project-id="${id}"][data-status="ready"]`).waitFor();
      const card = page.getByTestId('project-card');
      const updated = card.locator('[data-testid="history-row"][data-kind="updated"]').first();
      expect(await updated.textContent()).toContain('立项（备案/核准）');

      await page.evaluate((month) => {
        window.echarts.getInstanceByDom(document.getElementById('card-chart')).dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: month - 1 });
      }, MONTH);
      await page.waitForFunction(() => (document.getElementById('card-chart')?.textContent ?? '').includes('形象进度'));
      expect(await page.locator('#card-chart').textContent()).toContain(`形象进度：${markup}`);
      expect(await page.locator('#card-chart img').count()).toBe(0);
      expect(await page.evaluate(() => window.injected)).toBeUndefined();
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('switches years: a year created through the API shows its own targets; a year without a plan says so, with the way to create it for the city office', async () => {
    const created = await send('POST', '/api/targets/2025', { copyFrom: 2024, implementationInvestmentWan: 1_800_000, keyProjectCount: 20 });
    expect(created.status).toBe(201);
    const w = await openWarRoom(1920, 1080);
    try {
      const { page } = w;
      expect(await page.locator('#year option').allTextContents()).toEqual(['2024年', '2025年']);
      await page.locator('#year').selectOption('2025');
      await page.getByTestId('period').filter({ hasText: '2025年' }).waitFor();
      await page.waitForSelector('body[data-state="ready"]');
      const d = await api<Dashboard>('/api/dashboard/2025');
      expect(await text(page, 'investment-target')).toBe('180');
      expect(await text(page, 'investment-actual')).toBe(yiOf(d.investment.actual));
      expect(await text(page, 'key-target-count')).toBe('20');
      expect(new URL(page.url()).searchParams.get('year')).toBe('2025');

      await page.goto(`${base}/?year=2027`);
      await page.getByTestId('no-plan').waitFor();
      expect(await text(page, 'no-plan')).toContain('2027 年尚无年度计划');
      expect(await page.getByTestId('create-plan-link').getAttribute('href')).toBe('/workbench/plan.html?year=2027');
    } finally {
      await w.context.close();
    }
  });
});
