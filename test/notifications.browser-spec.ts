/**
 * The bell (docs/notifications.md "The inbox"), in chromium at 1366×768 through the intranet host
 * name: a county operator's count rises when the county's June report goes missing (the rules
 * run by the city office at a fixed clock), the notice opens on the month form for June, and is
 * read after; the war room's header carries the same bell, on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectBody } from './factories/project.factory.js';
import { intranetBase, intranetChromium } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const LAPTOP = { width: 1366, height: 768 };

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  // Monday 1 July 2024, 10:00 in Liaocheng: June's report is due Friday 5 July; no reminder yet (it starts Tuesday).
  t = await startTestApp({ now: '2024-07-01T02:00:00.000Z' });
  await t.client.post('/api/users').send({ username: 'county-bell', password: 'county-bell-password', role: 'region', region: '371502' });
  const id = (await t.client.post('/api/projects').send(projectBody({ name: '铃铛测试在建项目', region: '371502' }))).body.id;
  await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
  await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-04-10' });
  for (const month of ['2024-04', '2024-05']) await t.client.put(`/api/projects/${id}/reports/${month}`).send({ amount: 100 });
  base = intranetBase(await listen(t));
  browser = await intranetChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function within(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(LAPTOP.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(LAPTOP.height);
}

describe('the bell', () => {
  it('rises when the county’s report goes missing, opens on the month form, and is read after', async () => {
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/workbench/login.html?next=${encodeURIComponent('/workbench/')}`);
    await page.getByLabel('用户名').fill('county-bell');
    await page.getByLabel('密码').fill('county-bell-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/workbench/`);
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('[data-testid="bell-count"][data-unread="0"]');
    await within(page, '[data-testid="bell"]');

    expect((await t.client.post('/api/notifications/run')).body.created).toBe(0);
    t.setNow('2024-07-06T02:00:00.000Z'); // Saturday: the day after the due day
    expect((await t.client.post('/api/notifications/run')).body.created).toBe(1);

    await page.reload();
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('[data-testid="bell-count"][data-unread="1"]');
    expect(await page.locator('[data-testid="bell-count"]').textContent()).toBe('1');

    await page.getByTestId('bell').click();
    const item = page.getByTestId('bell-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('月报催报');
    expect(text).toContain('东昌府区：2024年6月月报缺报 1 个项目');
    expect(text).toContain('铃铛测试在建项目');
    expect(text).not.toMatch(/report-missing|371502/); // no raw code shown
    await within(page, '[data-testid="bell-panel"]');
    await page.screenshot({ path: join(ARTIFACTS, 'notifications-bell.png') });

    await item.click();
    await page.waitForURL((url) => url.pathname === '/workbench/report.html');
    await page.waitForSelector('body[data-state="ready"]');
    await page.waitForSelector('[data-testid="report-table"][data-month="2024-06"]');
    expect(await page.locator('#month').inputValue()).toBe('2024-06');
    // The project's June amount, ready to type.
    expect(await page.getByLabel('铃铛测试在建项目 本月完成投资（万元）').isEditable()).toBe(true);
    await page.waitForSelector('[data-testid="bell-count"][data-unread="0"]');

    // The war room's header: the same bell, on screen beside the account.
    await page.goto(`${base}/`);
    await page.waitForSelector('[data-testid="bell"]');
    await page.waitForSelector('[data-testid="bell-count"][data-unread="0"]');
    await within(page, '[data-testid="bell"]');
    await within(page, '[data-testid="sign-out"]');
    await page.screenshot({ path: join(ARTIFACTS, 'notifications-war-room.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
