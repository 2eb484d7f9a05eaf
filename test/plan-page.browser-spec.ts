import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { projectBody } from './factories/project.factory.js';
import { launchChromium } from './support/browser.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

/**
 * The workbench's 年度计划 page, in chromium: the city office creates next year's plan as a copy,
 * edits it, is told exactly why it cannot publish yet, rolls this year's lists over into it, and
 * publishes; a county operator reads the plan without anything to change.
 */
let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-12-20T02:00:00.000Z' });
  base = await listen(t);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(username: string, password: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${base}${path}`);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  // The sign-in page is itself "ready": wait for the plan page to have come back and loaded.
  await page.waitForURL(/\/workbench\/plan\.html/, { timeout: 20000 });
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20000 });
  return page;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

describe('年度计划 page', () => {
  it('creates 2025 as a copy of 2024, saves a change, names what blocks publication, rolls the lists over and publishes', async () => {
    const page = await signedIn('admin', TEST_ADMIN_PASSWORD, '/workbench/plan.html?year=2025');
    try {
      expect(await text(page, 'plan-status')).toBe('2025年 · 尚无年度计划');
      await page.getByTestId('plan-copy-from').selectOption('2024');
      await page.getByTestId('plan-create-submit').click();
      await page.getByTestId('plan-form').waitFor();
      expect(await text(page, 'plan-status')).toBe('2025年 · 草案');
      expect(await page.locator('input[name="city.implementationInvestmentWan"]').inputValue()).toBe('1650000');

      // A change to the draft needs no reason.
      await page.locator('input[name="city.keyProjectCount"]').fill('20');
      await page.locator('input[name="city.preparationListSize"]').fill('10');
      await page.getByTestId('plan-save').click();
      await page.getByTestId('plan-result').filter({ hasText: /^已保存$/ }).waitFor();
      const saved = (await t.client.get('/api/targets/2025')).body;
      expect([saved.keyProjectCount, saved.preparationListSize]).toEqual([20, 10]);

      // Publishing an empty year is refused, naming both lists.
      await page.getByTestId('plan-publish').click();
      await page.locator('[data-testid="plan-result"][data-kind="error"]').waitFor();
      const reasons = await page.locator('[data-testid="plan-result"] li').allTextContents();
      expect(reasons).toEqual(['实施类清单现有 0 个项目，计划为 100 个', '准备类清单现有 0 个项目，计划为 10 个']);

      // A reserve project ready to prepare in 2025 (立项 and 用地 obtained, start planned in 2025): proposed, not imposed.
      const ready = await t.client.post('/api/projects').send(projectBody({ code: 'PP-R1', name: '储备待转项目（示例）', plannedStartDate: '2025-06-01', approvals: { filing: '2024-10-10', land: '2024-11-20' } }));
      expect(ready.status).toBe(201);

      // Rollover from 2024: the proposal as the API gives it, amounts filled in, applied.
      await page.getByTestId('plan-year').selectOption('2024');
      await page.getByTestId('plan-form').waitFor();
      await page.getByTestId('rollover-load').click();
      await page.getByTestId('rollover-row').first().waitFor();
      const proposal = (await t.client.get('/api/targets/2024/rollover')).body as { entries: { projectId: number; category: string; kind: string }[] };
      expect(await page.getByTestId('rollover-row').count()).toBe(proposal.entries.length);
      expect(proposal.entries.filter((e) => e.kind === 'fromReserve').map((e) => e.projectId)).toContain(ready.body.id);
      const reserveRow = page.locator(`[data-testid="rollover-row"][data-project="${ready.body.id as number}"]`);
      expect(await reserveRow.textContent()).toContain('储备转入准备类');
      expect(await reserveRow.locator('input[name="include"]').isChecked()).toBe(false);
      const rows = page.getByTestId('rollover-row');
      for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('input[name="plannedInvestment"]').fill('1000');
      await page.getByTestId('rollover-apply').click();
      await page.getByTestId('rollover-status').filter({ hasText: '已列入 2025 年清单' }).waitFor();
      // The unticked reserve project stays off the lists.
      const taken = proposal.entries.filter((e) => e.kind !== 'fromReserve');
      const implementation = taken.filter((e) => e.category === 'implementation').length;
      expect(await text(page, 'rollover-status')).toBe(`已列入 2025 年清单：新增 ${taken.length} 个，调整 0 个，无变化 0 个`);

      // With the list sizes set to what the rollover gave, 2025 publishes.
      const patched = await t.client.patch('/api/targets/2025').send({ implementationListSize: implementation, preparationListSize: taken.length - implementation });
      expect(patched.status).toBe(200);
      await page.getByTestId('plan-year').selectOption('2025');
      await page.getByTestId('plan-publish').waitFor();
      await page.getByTestId('plan-publish').click();
      await page.getByTestId('plan-status').filter({ hasText: '已发布' }).waitFor();
      expect(await page.getByTestId('plan-reason').isVisible()).toBe(true);
      expect((await t.client.get('/api/targets/2025')).body.status).toBe('published');
    } finally {
      await page.context().close();
    }
  });

  it('a county operator reads the plan without anything to change', async () => {
    const page = await signedIn('region-371502', 'demo-pass-371502', '/workbench/plan.html?year=2024');
    try {
      await page.getByTestId('plan-form').waitFor();
      expect(await page.locator('input[name="city.implementationInvestmentWan"]').isDisabled()).toBe(true);
      expect(await page.getByTestId('plan-save').isHidden()).toBe(true);
      expect(await page.getByTestId('plan-publish').isHidden()).toBe(true);
      expect(await page.getByTestId('rollover').isHidden()).toBe(true);
    } finally {
      await page.context().close();
    }
  });
});
