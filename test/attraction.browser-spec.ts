/**
 * 招商 on screen (docs/domain/attraction.md), in Debian's chromium driven by playwright-core
 * against the real app (demo data, "now" 2024-11-20 10:00 Shanghai): the 绿色化工 chain team
 * records a lead in the workbench, signs it, files its first 到位资金, and the war room's chain
 * page (click the chain's name) shows the lead signed, beside the chain's whole appendix row.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { launchChromium } from './support/browser.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

const ROOT = projectRoot(); // the tests run built, from dist/test: the repository's root by its package.json
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHAIN = 'green-chemical';
const USER = `chain-${CHAIN}`;
const PASSWORD = `demo-pass-${CHAIN}`;
const LEAD_NAME = '年产20万吨高端尼龙切片项目（浏览器测试）';

let t: TestApp;
let browser: Browser;
let base: string;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];

async function text(testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = await listen(t);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()}`));
  page.on('response', (response) => {
    // before signing in, the pages' first reads are refused (401): that is how they learn to ask
    if (response.status() >= 400 && response.status() !== 401) problems.push(`HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await t?.close();
});

describe('招商 in chromium: a chain team records and signs a lead; the war room\'s chain page shows it', () => {
  let leadId: number;

  it('the chain team records a lead in the workbench (its chain fixed), signs it and files 到位资金', async () => {
    await page.goto(`${base}/workbench/leads.html`);
    await page.waitForURL(/\/workbench\/login\.html\?next=/);
    await page.getByLabel('用户名').fill(USER);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/workbench/leads.html`);
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('[data-testid="lead-list"][data-status="ready"]');
    expect(await text('leads-scope')).toBe('绿色化工产业链');
    // the chain team sees its own chain's leads only (the demo's)
    const rows = page.getByTestId('lead-row');
    const own = (await t.clientWith(await t.login(USER, PASSWORD)).get('/api/leads?pageSize=500')).body;
    expect(await rows.count()).toBe(own.total);
    expect(own.items.every((l: { chain: string }) => l.chain === CHAIN)).toBe(true);
    // the chain is its own, fixed
    expect(await page.getByTestId('lead-chain').inputValue()).toBe(CHAIN);
    expect(await page.getByTestId('lead-chain').isDisabled()).toBe(true);

    await page.getByTestId('lead-name').fill(LEAD_NAME);
    await page.getByTestId('lead-investor').fill('浙江示例新材料集团');
    await page.getByTestId('lead-origin').selectOption('outOfProvince');
    await page.getByTestId('lead-region').selectOption('371522'); // 莘县
    await page.getByTestId('lead-intended').fill('180000');
    await page.getByTestId('lead-submit').click();
    await page.waitForSelector(`[data-testid="lead-detail"][data-status="ready"]`);
    expect(await text('lead-detail-name')).toBe(LEAD_NAME);
    expect(await text('lead-status')).toBe('在谈');
    leadId = Number(await page.getByTestId('lead-detail').getAttribute('data-lead-id'));
    expect(leadId).toBeGreaterThan(0);

    // 签约 without an amount is refused with the server's reason; then with one it is signed
    await page.getByTestId('lead-event-button-SIGN').click();
    await page.getByTestId('lead-event-SIGN-amount').fill('');
    await page.getByTestId('lead-event-confirm-SIGN').click();
    await page.waitForSelector('[data-testid="lead-event-error-SIGN"] li');
    expect(await text('lead-event-error-SIGN')).toContain('合同金额');
    expect(await text('lead-status')).toBe('在谈');
    expect(problems).toEqual([`HTTP 422 POST /api/leads/${leadId}/events`]); // the refusal this step asked for, and nothing else
    problems.length = 0;
    await page.getByTestId('lead-event-SIGN-amount').fill('150000');
    await page.getByTestId('lead-event-SIGN-date').fill('2024-11-18');
    await page.getByTestId('lead-event-SIGN-agreementNo').fill('LC-ZS-2024-GC-99');
    await page.getByTestId('lead-event-confirm-SIGN').click();
    await page.waitForFunction(() => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('[data-testid="lead-status"]')?.textContent === '签约');
    expect(await page.locator(`[data-testid="lead-row"][data-lead-id="${leadId}"]`).getAttribute('data-status')).toBe('signed');

    await page.getByTestId('fund-month').selectOption('2024-11');
    await page.getByTestId('fund-amount').fill('20000');
    await page.getByTestId('fund-submit').click();
    await page.waitForSelector('[data-testid="fund-row"][data-month="2024-11"]');

    const lead = (await t.client.get(`/api/leads/${leadId}`)).body;
    expect(lead).toMatchObject({ name: LEAD_NAME, chain: CHAIN, region: '371522', status: 'signed', signedAmount: 150_000, signedDate: '2024-11-18', agreementNo: 'LC-ZS-2024-GC-99', funded: 20_000, createdBy: USER });
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-leads.png') });
  });

  it('the war room\'s chain page (click the chain\'s name) shows the lead signed, beside the chain\'s targets and actuals', async () => {
    await page.goto(`${base}/?month=11`);
    await page.waitForSelector('body[data-state="ready"], body[data-state="login"]');
    if ((await page.getAttribute('body', 'data-state')) === 'login') {
      await page.getByTestId('login-username').fill(USER);
      await page.getByTestId('login-password').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.waitForSelector('body[data-state="ready"]');
    }
    // the 招商 strip: the city's 签约 and 到位 through November, with the new deal in them
    const board = (await t.client.get('/api/dashboard/2024?month=11')).body;
    const yi = (wan: number) => { const h = Math.floor((2 * wan + 100) / 200); return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, '0')}`; };
    expect(await text('attraction-signed-actual')).toBe(yi(board.attraction.signed.actual));
    expect(await text('attraction-funded-actual')).toBe(yi(board.attraction.funded.actual));

    await page.getByTestId(`chain-open-${CHAIN}`).click();
    await page.waitForSelector(`[data-testid="chain-page"][data-status="ready"][data-chain="${CHAIN}"]`);
    expect(await text('chain-page-title')).toContain('绿色化工');
    const row = page.locator(`[data-testid="chain-lead"][data-lead-id="${leadId}"]`);
    expect(await row.getAttribute('data-status')).toBe('signed');
    expect((await row.textContent()) ?? '').toContain(LEAD_NAME);
    expect((await row.textContent()) ?? '').toContain('15.00'); // 150,000 万元 = 15.00 亿元
    // the appendix row: targets beside actuals, as the API computes them
    const api = (await t.client.get(`/api/chains/${CHAIN}/page/2024?month=11`)).body;
    const cell = async (key: string, role: string) => ((await page.locator(`[data-testid="chain-target-${key}"] [data-role="${role}"]`).textContent()) ?? '').trim();
    expect(await cell('signed', 'actual')).toBe(yi(api.attraction.signed.actual));
    expect(await cell('signed', 'target')).toBe(yi(api.attraction.signed.target));
    expect(await cell('funded', 'actual')).toBe(yi(api.attraction.funded.actual));
    expect(await cell('investment', 'target')).toBe(yi(api.investment.target));
    expect(await cell('projects', 'actual')).toBe(String(api.projects.listed));
    expect(await page.getByTestId('chain-page').locator('[data-testid^="chain-target-"]').count()).toBe(4 + 7); // projects, 完成投资, 签约, 到位 + the other seven 通用指标
    expect(await text('chain-note-status')).toBe('已完成'); // the demo's 绿色化工 note
    await page.screenshot({ path: join(ARTIFACTS, 'war-room-chain-page.png') });
    // Escape closes it; clicking the row elsewhere still filters the board by the chain
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('chain-page').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });
});
