/**
 * The operators' workbench (工作台, issue 8) in a real browser: Debian's chromium driven by
 * playwright-core against the real app (demo data, "now" fixed to 2024-11-20 10:00 Shanghai).
 * A county operator (莘县) signs in, sees only their county, starts a preparation-list project
 * (refused first with the missing approvals named, accepted after ticking them), files
 * November's reports (the war room then shows the new total), corrects a closed month with a
 * reason, and loses nothing to a stale edit in a second tab. Screenshots go to test-artifacts/
 * (the README's copies: npm run screenshots).
 *
 * The tests run in order and share the operator's browser context.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { CSRF_KEY, launchChromium, scriptVisibleStorage, SESSION_COOKIE, storedSession } from './support/browser.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

// Browser globals as seen inside page.evaluate callbacks (the project's tsconfig has no DOM lib).
declare const window: { innerWidth: number };
declare const document: { documentElement: { scrollWidth: number } };
declare const sessionStorage: { setItem(key: string, value: string): void };

const ROOT = projectRoot(); // the tests run built, from dist/test: the repository's root by its package.json
const ARTIFACTS = join(ROOT, 'test-artifacts');
const REGION = '371522'; // 莘县
const USER = `region-${REGION}`;
const PASSWORD = `demo-pass-${REGION}`;
const TODAY = '2024-11-20';
const COLLECTING = '2024-10'; // last month: the month the workbench collects by default
const NOVEMBER = '2024-11';

/** The server's approval labels (src/lifecycle/stages.ts), as its 422 names them. */
const APPROVAL_LABELS: Record<string, string> = {
  filing: '立项（备案/核准）',
  land: '用地',
  planning: '规划许可',
  environment: '环评',
  energy: '节能审查',
  construction: '施工许可',
};
const STAGE_LABELS: Record<string, string> = {
  reserve: '储备',
  preparation: '准备',
  'implementation.active': '实施（在建）',
  'implementation.halted': '实施（停工）',
  completed: '竣工',
  withdrawn: '退出',
};


// ------------------------------------------------------------------ API shapes the test reads

interface ProjectView {
  id: number;
  code: string;
  name: string;
  region: string;
  stage: string;
  stageLabel: string;
  approvals: Record<string, string | null>;
  actualStartDate: string | null;
  totalInvestment: number | null;
  content: string | null;
  version: number;
}
interface Page_<T> { items: T[]; total: number }
interface ListedRow { projectId: number; rating: string | null; ratio: number | null }
interface Dashboard {
  investment: { actual: number };
  startRate: { started: number };
  regions: { code: string; actual: number }[];
}
interface ReportView { month: string; amount: number; revisions: number; correction: boolean; reason: string | null }
interface SheetRow { projectId: number; listCategory: string | null; report: { amount: number } | null; previous: { amount: number } | null; yearToDateBefore: number }

// ------------------------------------------------------------------ harness

let t: TestApp;
let browser: Browser;
let base: string;
let regionToken: string;

async function asAdmin<T>(path: string): Promise<T> {
  const res = await t.client.get(path);
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

async function asOperator<T>(path: string): Promise<T> {
  const res = await t.clientWith(regionToken).get(path);
  if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** 万元 → "1,234" as the pages show it. */
function wan(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 万元 → 亿元 with two decimals, half up (the war room's headline). */
function yiOf(value: number): string {
  const hundredths = Math.floor((2 * value + 100) / 200);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

interface Watched {
  context: BrowserContext;
  pages: Page[];
  /** Console errors, page errors, failed requests and ≥ 400 responses the step did not expect. */
  problems: string[];
  /** The refusals a step expected (status and request), in order. */
  refusals: string[];
  /** Statuses the current step expects the server to answer (a refused transition, a stale save…). */
  allow: Set<number>;
}

function watch(w: Watched, page: Page): Page {
  w.pages.push(page);
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // chromium logs every 4xx as "Failed to load resource"; the refusals a step provokes are expected
    const status = /status of (\d{3})/.exec(message.text());
    if (status && w.allow.has(Number(status[1]))) return;
    // the log line can come after the step that provoked the refusal has ended: match it by its address
    const at = message.location().url;
    if (status && at && w.refusals.includes(`${status[1]} GET ${new URL(at).pathname}`)) return;
    w.problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => w.problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => w.problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const line = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
    if (w.allow.has(response.status())) w.refusals.push(line);
    else w.problems.push(`HTTP ${line}`);
  });
  return page;
}

async function newWatched(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const w: Watched = { context, pages: [], problems: [], refusals: [], allow: new Set() };
  watch(w, await context.newPage());
  return w;
}

/** Runs a step that expects the server to refuse with `status`; returns the refusals it saw. */
async function expectRefusal(w: Watched, status: number, step: () => Promise<void>): Promise<string[]> {
  const before = w.refusals.length;
  w.allow.add(status);
  try {
    await step();
  } finally {
    w.allow.delete(status);
  }
  return w.refusals.slice(before);
}

/**
 * Opens a workbench page in a browser without a session: the page asks the server for one
 * (401) and goes to the sign-in page; resolves to the refusals seen.
 */
async function openSignedOut(w: Watched, path: string): Promise<string[]> {
  return expectRefusal(w, 401, async () => {
    await w.pages[0].goto(`${base}${path}`);
    await w.pages[0].waitForURL(/\/workbench\/login\.html\?next=/);
  });
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** A screenshot in test-artifacts/ (the README's copies come from `npm run screenshots`, scripts/screenshots.mjs). */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, name) });
}

async function listReady(page: Page): Promise<void> {
  await ready(page);
  await page.waitForSelector('[data-testid="project-list"][data-status="ready"]');
}

async function sheetReady(page: Page, month: string): Promise<void> {
  await ready(page);
  await page.waitForSelector(`[data-testid="report-table"][data-status="ready"][data-month="${month}"]`);
}

let op: Watched; // the 莘县 operator's browser, shared by the tests in order
let prep: ProjectView; // the preparation-list project the operator starts
const filed: Record<number, number> = {}; // November amounts filed, by project

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = await listen(t);
  regionToken = await t.login(USER, PASSWORD);
  browser = await launchChromium();
});

afterAll(async () => {
  await op?.context.close();
  await browser?.close();
  await t?.close();
});

// ------------------------------------------------------------------ tests

describe('operators\' workbench (工作台) in chromium', () => {
  it('a county operator signs in and sees only their county: stages, this month\'s report status, 蓝黄红', async () => {
    op = await newWatched();
    const page = op.pages[0];
    expect(await openSignedOut(op, '/workbench/')).toEqual(['401 GET /api/auth/session']);
    expect(await page.title()).toContain('登录');
    await signIn(page, USER, PASSWORD);
    await page.waitForURL(`${base}/workbench/`);
    await listReady(page);

    // one session for both pages: an HttpOnly, SameSite=Strict cookie no page script can read;
    // the tab keeps only the session's CSRF token, in sessionStorage; nothing in localStorage
    const cookie = (await op.context.cookies(base)).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const visible = await scriptVisibleStorage(page);
    expect(visible.cookie).not.toContain(SESSION_COOKIE);
    expect(visible.cookie).not.toContain(cookie!.value);
    expect(visible.localStorage).toEqual({});
    expect(await storedSession(page)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await text(page, 'who-name')).toBe(USER);
    expect(await text(page, 'who-role')).toBe('县区操作员');
    expect(await text(page, 'who-scope')).toBe('莘县');

    const mine = await asOperator<Page_<ProjectView>>('/api/projects?pageSize=500');
    const all = await asAdmin<Page_<ProjectView>>('/api/projects?pageSize=500');
    expect(mine.total).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(mine.total);
    const rows = page.getByTestId('project-row');
    expect(await rows.count()).toBe(mine.total);
    expect(await text(page, 'list-total')).toBe(String(mine.total));
    expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-region'))))).toEqual(new Set([REGION]));
    // stage labels: 储备/准备/实施（在建/停工）/竣工/退出
    for (const p of mine.items) {
      const row = page.locator(`[data-testid="project-row"][data-project-id="${p.id}"]`);
      expect((await row.getByTestId('stage-label').textContent())?.trim()).toBe(STAGE_LABELS[p.stage]);
    }

    // this month (October, being collected) report status: every project in implementation filed in the demo
    expect(await text(page, 'report-col')).toBe('10月月报');
    const missing = await asOperator<{ total: number }>(`/api/reports/missing?month=${COLLECTING}`);
    expect(await text(page, 'missing-count')).toBe(String(missing.total));
    const inImplementation = mine.items.filter((p) => p.stage.startsWith('implementation')).map((p) => p.id);
    for (const id of inImplementation)
      expect(await page.locator(`[data-testid="project-row"][data-project-id="${id}"]`).getAttribute('data-report')).toBe('filed');

    // 蓝黄红 of the implementation-list projects, as the board's drill-down computes them
    const listed = await asOperator<Page_<ListedRow>>(`/api/dashboard/2024/projects?month=10&list=implementation&pageSize=500`);
    expect(listed.total).toBeGreaterThan(0);
    const colours = new Set<string>();
    for (const item of listed.items) {
      const row = page.locator(`[data-testid="project-row"][data-project-id="${item.projectId}"]`);
      expect(await row.getAttribute('data-rating')).toBe(item.rating ?? 'none');
      if (item.rating) {
        colours.add(item.rating);
        expect((await row.getByTestId('rating').textContent())?.trim()).toContain({ blue: '蓝', yellow: '黄', red: '红' }[item.rating]);
      }
    }
    expect(colours).toEqual(new Set(['blue', 'yellow', 'red']));
    await noHorizontalScroll(page);
    await screenshot(page, 'workbench-list-1366x768.png');

    // filters: stage, list, search
    await page.getByTestId('filter-stage').selectOption('preparation');
    await page.waitForSelector('[data-testid="project-list"][data-status="ready"][data-query*="stage=preparation"]');
    const preparing = await asOperator<Page_<ProjectView>>('/api/projects?stage=preparation&pageSize=500');
    expect(await rows.count()).toBe(preparing.total);
    await page.getByTestId('filter-list').selectOption('preparation');
    await page.waitForSelector('[data-testid="project-list"][data-status="ready"][data-query*="list=preparation"]');
    const onList = await asOperator<Page_<ProjectView>>('/api/projects?stage=preparation&list=preparation&year=2024&pageSize=500');
    expect(onList.total).toBeGreaterThan(0);
    expect(await rows.count()).toBe(onList.total);
    expect(new Set(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-stage'))))).toEqual(new Set(['preparation']));
    prep = onList.items[0];
    await page.getByTestId('filter-q').fill(prep.name.slice(2, 8));
    await page.waitForSelector(`[data-testid="project-list"][data-status="ready"][data-query*="q="]`);
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-project-id')).toBe(String(prep.id));
    // a preparation-list project past its planned start is red
    expect(await rows.first().getAttribute('data-rating')).toBe('red');
    expect(await rows.first().getByTestId('rating').textContent()).toContain('逾期未开工');
    expect(op.problems).toEqual([]);
  });

  it('starts a preparation project: refused with the missing approvals named, accepted after ticking them', async () => {
    const page = op.pages[0];
    const startedBefore = (await asAdmin<Dashboard>('/api/dashboard/2024?month=11')).startRate.started;
    await page.locator(`[data-testid="project-row"][data-project-id="${prep.id}"] [data-testid="project-link"]`).click();
    await page.waitForURL(`${base}/workbench/project.html?id=${prep.id}`);
    await ready(page);
    expect(await text(page, 'project-name')).toBe(prep.name);
    expect(await text(page, 'project-stage')).toBe('准备');
    expect(await page.getByTestId('timeline-preparation').getAttribute('data-status')).toBe('current');

    let project = await asOperator<ProjectView>(`/api/projects/${prep.id}`);
    // if the demo ever gives it every approval, take one away through the form first
    if (Object.values(project.approvals).every((date) => date !== null)) {
      await page.getByTestId('approval-check-construction').uncheck();
      await page.getByTestId('save').click();
      await page.waitForSelector('[data-testid="save-status"][data-kind="ok"]');
      project = await asOperator<ProjectView>(`/api/projects/${prep.id}`);
    }
    const missing = Object.keys(APPROVAL_LABELS).filter((key) => project.approvals[key] === null);
    expect(missing.length).toBeGreaterThan(0);
    for (const [key, date] of Object.entries(project.approvals)) {
      expect(await page.getByTestId(`approval-${key}`).getAttribute('data-status')).toBe(date ? 'done' : 'missing');
      expect(await page.getByTestId(`approval-date-${key}`).inputValue()).toBe(date ?? '');
    }

    // one button per allowedEvents entry, each asking only for what it needs
    const buttons = await page.locator('[data-testid^="event-button-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(buttons).toEqual(['DEFER', 'START', 'WITHDRAW'].map((e) => `event-button-${e}`));
    await page.getByTestId('event-button-START').click();
    const startForm = page.getByTestId('event-form-START');
    expect(await startForm.isVisible()).toBe(true);
    expect(await startForm.locator('input').count()).toBe(1);
    expect(await page.getByTestId('event-START-date').inputValue()).toBe(TODAY);
    await page.getByTestId('event-button-WITHDRAW').click();
    expect(await startForm.isHidden()).toBe(true);
    expect(await page.getByTestId('event-form-WITHDRAW').locator('input').count()).toBe(1);
    expect(await page.getByTestId('event-WITHDRAW-reason').isVisible()).toBe(true);
    await page.getByTestId('event-button-START').click();

    // refused: the server's reasons in Chinese next to the button, one per missing approval
    const refused = await expectRefusal(op, 422, async () => {
      await page.getByTestId('event-confirm-START').click();
      await page.waitForSelector('[data-testid="event-error-START"] li');
    });
    expect(refused).toEqual([`422 POST /api/projects/${prep.id}/events`]);
    const reasons = await page.getByTestId('event-error-START').locator('li').allTextContents();
    expect(reasons).toEqual(missing.map((key) => `缺少前期手续：${APPROVAL_LABELS[key]}`));
    expect(await text(page, 'project-stage')).toBe('准备');
    expect((await asOperator<ProjectView>(`/api/projects/${prep.id}`)).stage).toBe('preparation');
    await noHorizontalScroll(page);
    await screenshot(page, 'workbench-project-1366x768.png');

    // tick them, with their dates, and save (the version read goes with the save)
    for (const key of missing) {
      await page.getByTestId(`approval-check-${key}`).check();
      expect(await page.getByTestId(`approval-date-${key}`).inputValue()).toBe(TODAY);
      await page.getByTestId(`approval-date-${key}`).fill('2024-11-18');
    }
    await page.getByTestId('save').click();
    await page.waitForSelector('[data-testid="save-status"][data-kind="ok"]');
    expect(await text(page, 'save-status')).toContain('已保存');
    const saved = await asOperator<ProjectView>(`/api/projects/${prep.id}`);
    expect(saved.version).toBe(project.version + 1);
    for (const key of missing) expect(saved.approvals[key]).toBe('2024-11-18');
    // the change history names them as the server does (立项（备案/核准）, not a shortened 立项)
    const change = page.locator('[data-testid="project-history"] [data-testid="history-row"][data-kind="updated"]').first();
    for (const key of missing) expect(await change.textContent()).toContain(APPROVAL_LABELS[key]);

    // accepted
    await page.getByTestId('event-button-START').click();
    await page.getByTestId('event-confirm-START').click();
    await page.waitForSelector('[data-testid="project-stage"][data-stage="implementation.active"]');
    expect(await text(page, 'project-stage')).toBe('实施（在建）');
    expect(await text(page, 'event-result')).toContain('已开工');
    expect(await page.getByTestId('timeline-implementation').getAttribute('data-status')).toBe('current');
    expect(await page.getByTestId('timeline-implementation').getByTestId('timeline-date').textContent()).toBe(TODAY);
    expect(await page.locator('[data-testid^="event-button-"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-testid'))))
      .toEqual(['HALT', 'COMPLETE', 'WITHDRAW'].map((e) => `event-button-${e}`));
    await screenshot(page, 'workbench-project-started-1366x768.png');
    const started = await asOperator<ProjectView>(`/api/projects/${prep.id}`);
    expect(started.stage).toBe('implementation.active');
    expect(started.actualStartDate).toBe(TODAY);
    // the board's start rate counts it
    expect((await asAdmin<Dashboard>('/api/dashboard/2024?month=11')).startRate.started).toBe(startedBefore + 1);
    expect(op.problems).toEqual([]);
  });

  it('files a month\'s report (server validation inline, per row and all at once); the war room shows the new total', async () => {
    const page = op.pages[0];
    await page.getByTestId('nav-report').click();
    await page.waitForURL(`${base}/workbench/report.html`);
    await sheetReady(page, COLLECTING);
    // the month being collected by default is last month
    expect(await page.getByTestId('report-month').inputValue()).toBe(COLLECTING);
    const october = await asOperator<{ rows: SheetRow[] }>(`/api/workbench/reports/${COLLECTING}`);
    expect(await page.getByTestId('report-row').count()).toBe(october.rows.length);
    expect(await text(page, 'missing-count')).toBe('0');

    await page.getByTestId('report-month').selectOption(NOVEMBER);
    await sheetReady(page, NOVEMBER);
    const sheet = await asOperator<{ rows: SheetRow[] }>(`/api/workbench/reports/${NOVEMBER}`);
    const inImplementation = await asOperator<Page_<ProjectView>>('/api/projects?stage=implementation&pageSize=500');
    expect(sheet.rows.map((r) => r.projectId).sort((a, b) => a - b)).toEqual(inImplementation.items.map((p) => p.id).sort((a, b) => a - b));
    expect(sheet.rows.some((r) => r.projectId === prep.id)).toBe(true); // started today, reports this month
    const rows = page.getByTestId('report-row');
    expect(await rows.count()).toBe(sheet.rows.length);
    expect(await text(page, 'missing-count')).toBe(String(sheet.rows.length));
    // last month and the year to date beside the input
    for (const r of sheet.rows) {
      const row = page.locator(`[data-testid="report-row"][data-project-id="${r.projectId}"]`);
      expect((await row.getByTestId('previous').textContent())?.trim()).toBe(r.previous ? wan(r.previous.amount) : '—');
      expect((await row.getByTestId('ytd').textContent())?.trim()).toBe(wan(r.yearToDateBefore));
    }

    const before = await asAdmin<Dashboard>('/api/dashboard/2024?month=11');
    const regionBefore = before.regions.find((r) => r.code === REGION)!.actual;
    const listed = sheet.rows.filter((r) => r.listCategory === 'implementation');
    expect(listed.length).toBeGreaterThanOrEqual(2);
    const [a, b] = listed;
    const rowA = page.locator(`[data-testid="report-row"][data-project-id="${a.projectId}"]`);
    const rowB = page.locator(`[data-testid="report-row"][data-project-id="${b.projectId}"]`);
    const rowP = page.locator(`[data-testid="report-row"][data-project-id="${prep.id}"]`);

    // the server's validation, inline on the row
    await rowA.getByTestId('amount').fill('-5');
    const refusals = await expectRefusal(op, 422, async () => {
      await rowA.getByTestId('save-row').click();
      await page.waitForSelector(`[data-testid="report-row"][data-project-id="${a.projectId}"][data-state="error"]`);
    });
    expect(refusals).toEqual([`422 PUT /api/projects/${a.projectId}/reports/${NOVEMBER}`]);
    const msgA = page.locator(`[data-testid="report-row"][data-project-id="${a.projectId}"] + [data-testid="row-msg"]`);
    expect(await msgA.isVisible()).toBe(true);
    expect(await msgA.textContent()).toContain('金额不能为负数');
    expect((await asOperator<ReportView[]>(`/api/projects/${a.projectId}/reports`)).some((r) => r.month === NOVEMBER)).toBe(false);

    // save one row
    await rowA.getByTestId('amount').fill('1234');
    await rowA.getByTestId('progress').fill('主体结构施工');
    await rowA.getByTestId('problems').fill('用地指标待落实');
    expect((await rowA.getByTestId('ytd').textContent())?.trim()).toBe(wan(a.yearToDateBefore + 1234));
    await rowA.getByTestId('save-row').click();
    await page.waitForSelector(`[data-testid="report-row"][data-project-id="${a.projectId}"][data-state="saved"]`);
    expect(await msgA.isHidden()).toBe(true);
    filed[a.projectId] = 1234;

    // and the others all at once
    await rowB.getByTestId('amount').fill('866');
    await rowB.getByTestId('progress').fill('设备安装');
    await rowP.getByTestId('amount').fill('300');
    await rowP.getByTestId('progress').fill('场地平整');
    await page.getByTestId('save-all').click();
    await page.waitForSelector('[data-testid="save-all-status"][data-kind="ok"]');
    expect(await text(page, 'save-all-status')).toBe('已保存 2 行');
    filed[b.projectId] = 866;
    filed[prep.id] = 300;
    expect(await text(page, 'filed-count')).toBe('3');
    expect(await text(page, 'month-total')).toBe(wan(1234 + 866 + 300));
    for (const [id, amount] of Object.entries(filed)) {
      const november = (await asOperator<ReportView[]>(`/api/projects/${id}/reports`)).find((r) => r.month === NOVEMBER);
      expect(november?.amount).toBe(amount);
    }
    await noHorizontalScroll(page);
    await page.locator('.report-wrap').evaluate((el) => el.scrollTo(0, 0));
    await screenshot(page, 'workbench-report-1366x768.png');

    // the board: the implementation list's total and the county's grow by the listed projects' amounts
    const after = await asAdmin<Dashboard>('/api/dashboard/2024?month=11');
    expect(after.investment.actual).toBe(before.investment.actual + 1234 + 866);
    expect(after.regions.find((r) => r.code === REGION)!.actual).toBe(regionBefore + 1234 + 866);

    // and the war room page itself, in the same tab (signed in by the workbench)
    await page.goto(`${base}/?year=2024&month=11`);
    await ready(page);
    expect(await text(page, 'investment-actual')).toBe(yiOf(after.investment.actual));

    // the list shows November as filed for them
    await page.goto(`${base}/workbench/?month=${NOVEMBER}`);
    await listReady(page);
    for (const id of Object.keys(filed))
      expect(await page.locator(`[data-testid="project-row"][data-project-id="${id}"]`).getAttribute('data-report')).toBe('filed');
    expect(op.problems).toEqual([]);
  });

  it('a month closed by a published bulletin asks for a correction reason', async () => {
    const page = op.pages[0];
    expect((await t.client.post('/api/bulletins/2024/10')).status).toBe(201);
    await page.goto(`${base}/workbench/report.html?month=${COLLECTING}`);
    await sheetReady(page, COLLECTING);
    expect(await page.getByTestId('closed-banner').isVisible()).toBe(true);
    expect(await text(page, 'closed-banner')).toContain('2024年10月通报已发布');
    const sheet = await asOperator<{ rows: SheetRow[] }>(`/api/workbench/reports/${COLLECTING}`);
    const target = sheet.rows.find((r) => r.report && r.listCategory === 'implementation')!;
    const row = page.locator(`[data-testid="report-row"][data-project-id="${target.projectId}"]`);
    await row.getByTestId('amount').fill(String(target.report!.amount + 10));
    const refusals = await expectRefusal(op, 422, async () => {
      await row.getByTestId('save-row').click();
      await page.waitForSelector(`[data-testid="report-row"][data-project-id="${target.projectId}"][data-state="error"]`);
    });
    expect(refusals).toHaveLength(1);
    const msg = page.locator(`[data-testid="report-row"][data-project-id="${target.projectId}"] + [data-testid="row-msg"]`);
    expect(await msg.textContent()).toContain('更正原因');
    await row.getByTestId('reason').fill('补报漏填的设备购置款');
    await row.getByTestId('save-row').click();
    await page.waitForSelector(`[data-testid="report-row"][data-project-id="${target.projectId}"][data-state="saved"]`);
    expect(await row.getByTestId('row-status').textContent()).toContain('第2次修订');
    const october = (await asOperator<ReportView[]>(`/api/projects/${target.projectId}/reports`)).find((r) => r.month === COLLECTING)!;
    expect(october).toMatchObject({ amount: target.report!.amount + 10, revisions: 2, correction: true, reason: '补报漏填的设备购置款' });
    expect(op.problems).toEqual([]);
  });

  it('a stale edit in a second tab is refused with 已被他人修改 and not lost', async () => {
    const id = Object.keys(filed).map(Number).find((n) => n !== prep.id)!;
    const original = await asOperator<ProjectView>(`/api/projects/${id}`);
    const [first] = op.pages;
    const second = watch(op, await op.context.newPage()); // the same browser: already signed in
    await first.goto(`${base}/workbench/project.html?id=${id}`);
    await second.goto(`${base}/workbench/project.html?id=${id}`);
    await ready(first);
    await ready(second);
    expect(await text(second, 'who-name')).toBe(USER);

    // the first tab saves
    const contentA = `${original.content ?? ''}（第一个标签页补充：二期厂房封顶）`;
    await first.getByTestId('field-content').fill(contentA);
    await first.getByTestId('save').click();
    await first.waitForSelector('[data-testid="save-status"][data-kind="ok"]');

    // the second, still on the version it read, is refused and keeps its input
    const totalB = String((original.totalInvestment ?? 0) + 500);
    await second.getByTestId('field-totalInvestment').fill(totalB);
    const refusals = await expectRefusal(op, 412, async () => {
      await second.getByTestId('save').click();
      await second.waitForSelector('[data-testid="stale-banner"]:not([hidden])');
    });
    expect(refusals).toEqual([`412 PATCH /api/projects/${id}`]);
    expect(await text(second, 'stale-banner')).toContain('已被他人修改，请刷新');
    await screenshot(second, 'workbench-stale-1366x768.png');
    expect(await second.getByTestId('field-totalInvestment').inputValue()).toBe(totalB);
    let now = await asOperator<ProjectView>(`/api/projects/${id}`);
    expect(now.content).toBe(contentA); // nothing overwritten
    expect(now.totalInvestment).toBe(original.totalInvestment);
    expect(now.version).toBe(original.version + 1);

    // 刷新: the other tab's change comes in, this tab's unsaved change stays; then it saves
    await second.getByTestId('refresh').click();
    await second.waitForSelector('[data-testid="stale-banner"][hidden]', { state: 'attached' });
    expect(await second.getByTestId('field-content').inputValue()).toBe(contentA);
    expect(await second.getByTestId('field-totalInvestment').inputValue()).toBe(totalB);
    expect(await text(second, 'save-status')).toContain('保留');
    await second.getByTestId('save').click();
    await second.waitForSelector('[data-testid="save-status"][data-kind="ok"]');
    now = await asOperator<ProjectView>(`/api/projects/${id}`);
    expect(now.content).toBe(contentA);
    expect(now.totalInvestment).toBe(Number(totalB));
    expect(now.version).toBe(original.version + 2);
    await second.close();
    expect(op.problems).toEqual([]);
  });

  it('a refused API call shows the server\'s own message (the shared client\'s error)', async () => {
    const page = op.pages[0];
    const missing = await t.clientWith(regionToken).get('/api/projects/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, details: [] });
    expect(missing.body.message).toMatch(/[\u4e00-\u9fff]/);
    // the page reads the project, its history and its reports at once: the step waits for all three refusals
    const reads = ['/api/projects/999999', '/api/projects/999999/history', '/api/projects/999999/reports'];
    const refusals = await expectRefusal(op, 404, async () => {
      const answered = reads.map((path) => page.waitForResponse((response) => new URL(response.url()).pathname === path));
      await page.goto(`${base}/workbench/project.html?id=999999`);
      await page.waitForSelector('body[data-state="error"]');
      await Promise.all(answered);
    });
    expect([...refusals].sort()).toEqual(reads.map((path) => `404 GET ${path}`));
    expect(await page.locator('#banner').isVisible()).toBe(true);
    expect((await page.locator('#banner').textContent())?.trim()).toBe(missing.body.message);
    expect(op.problems).toEqual([]);
  });

  it('an auditor reads the same pages without anything to change', async () => {
    const w = await newWatched();
    try {
      const page = w.pages[0];
      const id = Object.keys(filed).map(Number)[0];
      await openSignedOut(w, `/workbench/project.html?id=${id}`);
      await signIn(page, 'auditor', 'demo-pass-auditor');
      await page.waitForURL(`${base}/workbench/project.html?id=${id}`);
      await ready(page);
      expect(await text(page, 'who-role')).toContain('审计');
      expect(await text(page, 'who-scope')).toBe('全市');
      expect(await page.getByTestId('field-content').isDisabled()).toBe(true);
      expect(await page.getByTestId('approval-check-land').isDisabled()).toBe(true);
      expect(await page.getByTestId('save').isVisible()).toBe(false);
      expect(await page.locator('[data-testid^="event-button-"]').count()).toBe(0);
      await page.getByTestId('nav-report').click();
      await sheetReady(page, COLLECTING);
      expect(await page.getByTestId('save-all').isVisible()).toBe(false);
      expect(await page.getByTestId('amount').first().isDisabled()).toBe(true);
      await screenshot(page, 'workbench-report-auditor-1366x768.png');
      await page.getByTestId('nav-list').click();
      await listReady(page);
      expect(await page.getByTestId('project-row').count()).toBe((await asAdmin<Page_<ProjectView>>('/api/projects?pageSize=500')).total);
      await page.getByTestId('sign-out').click();
      await page.waitForURL(/login\.html/);
      await noHorizontalScroll(page);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('Excel: downloads the ledger and a bulletin; a month sheet is dry-run as a table of row errors, then imported', async () => {
    const page = op.pages[0];
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.goto(`${base}/workbench/excel.html`);
    await ready(page);
    // a county imports month sheets; the ledger import is the city office's
    expect(await page.getByTestId('import-kind-ledger').isVisible()).toBe(false);

    const [ledger] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ledger').click()]);
    expect(ledger.suggestedFilename()).toMatch(/台账.*\.xlsx$/);
    await ledger.saveAs(join(ARTIFACTS, 'workbench-ledger.xlsx'));
    await page.waitForSelector('[data-testid="export-status"][data-kind="ok"]');
    // October's bulletin was published by the test before
    expect(await page.getByTestId('export-bulletin-month').inputValue()).toBe('2024-10');
    const [bulletin] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-bulletin').click()]);
    expect(bulletin.suggestedFilename()).toMatch(/月通报.*\.xlsx$/);

    // November's sheet with two bad rows: a project of another county, an amount that is no number
    const sheet = await asOperator<{ rows: SheetRow[] }>(`/api/workbench/reports/${NOVEMBER}`);
    const target = sheet.rows.find((r) => !r.report && r.listCategory === 'implementation')!;
    const own = (await asOperator<ProjectView>(`/api/projects/${target.projectId}`));
    const foreign = (await asAdmin<Page_<ProjectView>>('/api/projects?region=371581&stage=implementation&pageSize=1')).items[0];
    const other = sheet.rows.find((r) => !r.report && r.projectId !== target.projectId)!;
    const otherProject = await asOperator<ProjectView>(`/api/projects/${other.projectId}`);
    const workbook = async (rows: (string | number)[][]): Promise<Buffer> => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('月调度');
      ws.addRow(['莘县2024年11月制造业重点项目月调度表']);
      ws.addRow(['项目编码', '项目名称', '本月完成投资（万元）', '形象进度', '存在问题及要素需求']);
      for (const row of rows) ws.addRow(row);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await page.getByTestId('import-month').selectOption(NOVEMBER);
    await page.getByTestId('import-file').setInputFiles({
      name: '莘县11月调度.xlsx',
      mimeType: xlsx,
      buffer: await workbook([
        [own.code, own.name, 777, '厂房主体施工', ''],
        [foreign.code, foreign.name, 100, '', ''],
        [otherProject.code, otherProject.name, '很多', '', ''],
      ]),
    });
    expect(await text(page, 'import-file-name')).toContain('莘县11月调度.xlsx');
    await page.getByTestId('import-check').click();
    await page.waitForSelector('[data-testid="import-status"][data-kind="error"]');
    expect(await text(page, 'import-status')).toBe('检查未通过');
    const errorRows = page.getByTestId('import-error-row');
    expect(await errorRows.count()).toBe(2);
    const errors = await errorRows.allTextContents();
    expect(errors[0]).toMatch(/^4/); // Excel's row numbers: title 1, header 2, data from 3
    expect(errors[1]).toMatch(/^5/);
    for (const line of errors) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
    expect((await asOperator<ReportView[]>(`/api/projects/${own.id}/reports`)).some((r) => r.month === NOVEMBER)).toBe(false);
    await screenshot(page, 'workbench-excel-1366x768.png');

    // the corrected sheet: a clean dry run, then the import
    await page.getByTestId('import-file').setInputFiles({ name: '莘县11月调度-改.xlsx', mimeType: xlsx, buffer: await workbook([[own.code, own.name, 777, '厂房主体施工', '']]) });
    await page.getByTestId('import-check').click();
    await page.waitForSelector('[data-testid="import-status"][data-kind="ok"]');
    expect(await text(page, 'import-status')).toBe('检查通过，可以确认导入');
    expect(await text(page, 'count-created')).toBe('1');
    expect((await asOperator<ReportView[]>(`/api/projects/${own.id}/reports`)).some((r) => r.month === NOVEMBER)).toBe(false);
    await page.getByTestId('import-commit').click();
    await page.waitForSelector('[data-testid="import-status"]:text("导入完成")');
    expect((await asOperator<ReportView[]>(`/api/projects/${own.id}/reports`)).find((r) => r.month === NOVEMBER)?.amount).toBe(777);
    expect(op.problems).toEqual([]);
  });

  it('Excel (city office): a ledger dry run shows each row\'s stage and its evidence; unknown headers open the mapping editor', async () => {
    const w = await newWatched();
    try {
      const page = w.pages[0];
      await openSignedOut(w, '/workbench/excel.html');
      await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
      await page.waitForURL(`${base}/workbench/excel.html`);
      await ready(page);
      await page.getByTestId('import-kind-ledger').check();

      // test/fixtures/ledgers: written by openpyxl, expectations worked out in test/excel-ledgers.e2e-spec.ts
      await page.getByTestId('import-file').setInputFiles(join(ROOT, 'test/fixtures/ledgers/sheets-by-category.xlsx'));
      await page.getByTestId('import-check').click();
      await page.waitForSelector('[data-testid="import-status"][data-kind="ok"]');
      expect(await page.getByTestId('import-progress').getAttribute('data-phase')).toBe('done');
      const decisions = page.getByTestId('import-decision-row');
      expect(await decisions.evaluateAll((els) => els.map((el) => [el.getAttribute('data-evidence'), el.getAttribute('data-warning')]))).toEqual([
        ['startDate', 'false'],
        ['sheetName', 'true'],
        ['sheetName', 'false'],
        ['startDate', 'false'],
        ['sheetName', 'false'],
      ]);
      expect(await page.getByTestId('decision-evidence').allTextContents()).toEqual(['实际开工时间', '工作表名称', '工作表名称', '实际开工时间', '工作表名称']);
      expect(await page.getByTestId('decision-stage').allTextContents()).toEqual(['实施（在建）', '准备', '准备', '实施（在建）', '储备']);
      expect(await page.getByTestId('import-skipped-row').allTextContents()).toEqual([expect.stringMatching(/^说明—工作表：/)]);
      expect(await page.getByTestId('import-mapping').isVisible()).toBe(false);

      // headers the server does not know: a mapping is proposed, confirmed, and reads the file
      await page.getByTestId('import-file').setInputFiles(join(ROOT, 'test/fixtures/ledgers/unknown-headers.xlsx'));
      await page.getByTestId('import-check').click();
      await page.waitForSelector('[data-testid="import-status"][data-kind="error"]');
      expect(await text(page, 'import-status')).toContain('列对应待确认');
      expect(await page.getByTestId('import-mapping').isVisible()).toBe(true);
      const selects = page.getByTestId('mapping-select');
      expect(await selects.evaluateAll((els) => els.map((el) => [el.getAttribute('data-header'), (el as unknown as { value: string }).value]))).toEqual([
        ['项目代号', 'code'],
        ['工程名称', 'name'],
        ['项目业主', 'owner'],
        ['所属板块', 'region'],
        ['行业门类', 'chain'],
        ['投资额（万元）', 'total'],
        ['本年计划（万元）', 'planned'],
        ['预计开建', 'plannedStart'],
        ['开建日期', 'actualStart'],
        ['备忘', ''],
      ]);
      expect(await page.getByTestId('import-commit').isDisabled()).toBe(true);
      await screenshot(page, 'workbench-excel-mapping-1366x768.png');
      await page.getByTestId('mapping-apply').click();
      await page.waitForSelector('[data-testid="import-status"][data-kind="ok"]');
      expect(await decisions.evaluateAll((els) => els.map((el) => el.getAttribute('data-evidence')))).toEqual(['startDate', 'listCategory']);
      await page.getByTestId('import-commit').click();
      await page.waitForSelector('[data-testid="import-status"]:text("导入完成")');
      const imported = await asAdmin<Page_<ProjectView>>('/api/projects?q=UH-00&pageSize=10');
      expect(imported.items.map((p) => [p.code, p.region, p.stage]).sort()).toEqual([
        ['UH-001', '371522', 'implementation.active'],
        ['UH-002', '371522', 'preparation'],
      ]);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
  it('a write from the page carries the session\'s CSRF token; a stale token is refreshed once and the write goes through', async () => {
    const page = op.pages[0];
    const id = Object.keys(filed).map(Number).find((n) => n !== prep.id)!;
    await page.goto(`${base}/workbench/project.html?id=${id}`);
    await ready(page);
    const token = await storedSession(page);
    const sent: (string | undefined)[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'PATCH' && new URL(request.url()).pathname === `/api/projects/${id}`) sent.push(request.headers()['x-csrf-token']);
    };
    page.on('request', onRequest);
    try {
      const before = await asOperator<ProjectView>(`/api/projects/${id}`);
      await page.getByTestId('field-content').fill(`${before.content ?? ''}（页面写入一）`);
      await page.getByTestId('save').click();
      await page.waitForSelector(`[data-testid="save-status"][data-kind="ok"]:text("版本 ${before.version + 1}")`);
      expect(sent).toEqual([token]);

      // the tab's token no longer matches the session (as after signing in again in another tab)
      await page.evaluate(([key]) => sessionStorage.setItem(key, 'a-stale-csrf-token'), [CSRF_KEY]);
      await page.getByTestId('field-content').fill(`${before.content ?? ''}（页面写入二）`);
      const refusals = await expectRefusal(op, 403, async () => {
        await page.getByTestId('save').click();
        await page.waitForSelector(`[data-testid="save-status"][data-kind="ok"]:text("版本 ${before.version + 2}")`);
      });
      expect(refusals).toEqual([`403 PATCH /api/projects/${id}`]);
      expect(sent).toEqual([token, 'a-stale-csrf-token', token]);
      expect(await storedSession(page)).toBe(token);
      const after = await asOperator<ProjectView>(`/api/projects/${id}`);
      expect([after.content, after.version]).toEqual([`${before.content ?? ''}（页面写入二）`, before.version + 2]);
      expect(op.problems).toEqual([]);
    } finally {
      page.off('request', onRequest);
    }
  });

  it('退出登录 ends the session: the page goes to sign-in, a reload stays there, and the old cookie is refused', async () => {
    const w = await newWatched();
    try {
      const page = w.pages[0];
      await openSignedOut(w, '/workbench/report.html');
      await signIn(page, USER, PASSWORD);
      await page.waitForURL(`${base}/workbench/report.html`);
      await ready(page);
      const cookie = (await w.context.cookies(base)).find((c) => c.name === SESSION_COOKIE)!;
      const me = () => fetch(`${base}/api/auth/me`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie.value}` } });
      expect((await me()).status).toBe(200);
      const token = await storedSession(page);

      const [logout] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/logout'),
        page.getByTestId('sign-out').click(),
      ]);
      expect(logout.status()).toBe(204);
      expect(logout.request().headers()['x-csrf-token']).toBe(token);
      await page.waitForURL(`${base}/workbench/login.html`);
      expect(await storedSession(page)).toBeNull();
      expect((await w.context.cookies(base)).map((c) => c.name)).not.toContain(SESSION_COOKIE);

      // a reload finds no session and lands on sign-in again
      const refusals = await openSignedOut(w, '/workbench/report.html');
      expect(refusals).toEqual(['401 GET /api/auth/session']);
      // the cookie the browser had no longer opens anything
      expect((await me()).status).toBe(401);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });

  it('修改密码 from the header: the page checks the confirmation, the server\'s refusals show at their fields, then the password changes', async () => {
    const username = 'pages-password-user';
    const first = 'first-long-pass-7Qm';
    const second = 'second-long-pass-9Tz';
    expect((await t.client.post('/api/users').send({ username, password: first, role: 'auditor' })).status).toBe(201);
    const elsewhere = await t.login(username, first); // a session on another device
    const startSession = (password: string) =>
      fetch(`${base}/api/auth/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const w = await newWatched();
    try {
      const page = w.pages[0];
      await openSignedOut(w, '/workbench/');
      await signIn(page, username, first);
      await page.waitForURL(`${base}/workbench/`);
      await listReady(page);
      const posted: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/auth/password') posted.push(request.headers()['x-csrf-token'] ?? '(none)');
      });

      await page.getByTestId('change-password').click();
      const dialog = page.getByTestId('password-dialog');
      await dialog.waitFor();
      expect(await dialog.locator('label').allTextContents()).toEqual(['当前密码', '新密码', '确认新密码']);
      expect(await text(page, 'password-rule')).toBe('至少 12 个字符，不能是常见密码或用户名');
      const fill = async (current: string, next: string, confirmation: string) => {
        await page.getByTestId('password-currentPassword').fill(current);
        await page.getByTestId('password-newPassword').fill(next);
        await page.getByTestId('password-confirmPassword').fill(confirmation);
      };
      const errors = async () => ({
        currentPassword: await text(page, 'password-error-currentPassword'),
        newPassword: await text(page, 'password-error-newPassword'),
        confirmPassword: await text(page, 'password-error-confirmPassword'),
      });

      // the confirmation is the page's own check: nothing is sent
      await fill(first, second, `${second}x`);
      await page.getByTestId('password-submit').click();
      await page.waitForSelector('[data-testid="password-error-confirmPassword"]:text("两次输入的新密码不一致")');
      expect(posted).toEqual([]);

      // a wrong current password: the server's 422 at that field
      await fill('not-the-password-1', second, second);
      let refusals = await expectRefusal(w, 422, async () => {
        await page.getByTestId('password-submit').click();
        await page.waitForSelector('[data-testid="password-status"][data-kind="error"]');
      });
      expect(refusals).toEqual(['422 POST /api/auth/password']);
      expect(await errors()).toEqual({ currentPassword: '当前密码不正确', newPassword: '', confirmPassword: '' });
      expect(await page.getByTestId('password-currentPassword').getAttribute('aria-invalid')).toBe('true');

      // a weak new password: the server says why, at the new password
      await fill(first, 'abcdefghijkl', 'abcdefghijkl');
      refusals = await expectRefusal(w, 422, async () => {
        await page.getByTestId('password-submit').click();
        await page.waitForSelector('[data-testid="password-error-newPassword"]:text("密码不能是重复或连续的字符")');
      });
      expect(refusals).toEqual(['422 POST /api/auth/password']);
      expect(await errors()).toEqual({ currentPassword: '', newPassword: '密码不能是重复或连续的字符', confirmPassword: '' });

      // accepted: this session stays, the other device's ends
      await fill(first, second, second);
      await page.getByTestId('password-submit').click();
      await page.waitForSelector('[data-testid="password-status"][data-kind="ok"]');
      expect(await text(page, 'password-status')).toBe('密码已修改，其他设备上的登录已退出');
      expect(await errors()).toEqual({ currentPassword: '', newPassword: '', confirmPassword: '' });
      const token = await storedSession(page);
      expect(posted).toEqual([token, token, token]);
      await page.getByTestId('password-close').click();
      expect(await dialog.isHidden()).toBe(true);
      await page.reload();
      await listReady(page);
      expect(await text(page, 'who-name')).toBe(username);
      expect((await t.clientWith(elsewhere).get('/api/auth/me')).status).toBe(401);

      // the old password no longer signs in; the new one does
      expect((await startSession(first)).status).toBe(401);
      expect((await startSession(second)).status).toBe(200);
      expect(w.problems).toEqual([]);
    } finally {
      await w.context.close();
    }
  });
});
