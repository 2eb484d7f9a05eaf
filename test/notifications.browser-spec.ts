/**
 * The bell (docs/notifications.md "The inbox"), in chromium at 1366×768 through the intranet host
 * name: a county operator's count rises when the county's June report goes missing (the rules
 * run by the city office at a fixed clock), the notice opens on the month form for June, and is
 * read after; the war room's header carries the same bell, on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectBody } from './factories/project.factory.js';
import { intranetBase, intranetChromium } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const LAPTOP = { width: 1366, height: 768 };

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  // Monday 1 July 2024, 10:00 in Liaocheng: June's report is due Friday 5 July; no reminder yet (it starts Tuesday).
  t = await startTestApp({ now: '2024-07-01T02:00:00.000Z', env: { NOTIFY_ALLOW_HTTP: 'true' } });
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
    // A script error the bell catches is logged (bell.js): counted here too; the browser's own notes about plain HTTP are not.
    page.on('console', (message) => void (message.type() === 'error' && !message.text().includes('Cross-Origin-Opener-Policy') && errors.push(message.text())));
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

  it('the city office adds a 企业微信 group on 通知, sends it a test message, and sees no key again', async () => {
    const got: string[] = [];
    const robot = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        got.push(`${req.url} ${text}`);
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
      });
    });
    await new Promise<void>((resolve) => robot.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(robot.address() as AddressInfo).port}/cgi-bin/webhook/send?key=browser-robot-key`;
    const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(`${base}/workbench/login.html?next=${encodeURIComponent('/workbench/notifications.html')}`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${base}/workbench/notifications.html`);
    await page.waitForSelector('body[data-state="ready"]');
    await within(page, '[data-testid="nav-notifications"]');
    await within(page, '[data-testid="bell"]');
    await within(page, '[data-testid="sign-out"]');

    await page.getByTestId('channel-unit-kind').selectOption('region');
    await page.getByTestId('channel-unit').selectOption({ label: '东昌府区' });
    await page.getByTestId('channel-type').selectOption('wecom');
    await page.getByTestId('channel-url').fill(hook);
    await page.getByTestId('channel-add').click();
    const row = page.locator('[data-testid^="channel-row-"]');
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('东昌府区');
    expect(rowText).toContain('企业微信群机器人');
    expect(rowText).not.toContain('browser-robot-key');
    expect(await page.content()).not.toContain('browser-robot-key');

    await page.locator('[data-testid^="channel-test-"]').click();
    await page.waitForSelector('#banner:has-text("测试消息已送达")');
    expect(got).toHaveLength(1);
    expect(got[0]).toContain('key=browser-robot-key');
    expect(JSON.parse(got[0].slice(got[0].indexOf(' ') + 1))).toMatchObject({ msgtype: 'markdown' });

    // The rules in words, no codes: the 月报催报 row with its due day.
    const rules = (await page.getByTestId('rules-table').textContent()) ?? '';
    expect(rules).toContain('月报催报');
    expect(rules).toContain('所在县（市、区）');
    expect(rules).not.toMatch(/report-missing|county|responsible/);
    await page.screenshot({ path: join(ARTIFACTS, 'notifications-admin.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
    await new Promise((resolve) => robot.close(resolve));
  });
});
