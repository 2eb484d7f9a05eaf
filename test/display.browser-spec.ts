/**
 * The wall screen's link in a real browser (Debian chromium via playwright-core): the admin
 * makes a display token on the workbench page and copies its link; a browser with no session
 * opens `/#display=…` and shows the board without signing in, the token gone from the address
 * bar; a write from that page is refused; revoked on the workbench, the next read asks for a
 * sign-in. The footer names the published bulletin's audit checkpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { projectBody, startedProject } from './factories/project.factory.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

// Browser globals as seen inside page.evaluate callbacks (the project's tsconfig has no DOM lib).
declare const window: { location: { href: string; hash: string } };
declare const sessionStorage: { getItem(key: string): string | null };

let t: TestApp;
let base: string;
let browser: Browser;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
  await startedProject(t.client, { region: '371502' }, 12345, 60000);
  expect((await t.client.post('/api/bulletins/2024/5')).status).toBe(201);
  base = await listen(t);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function adminPage(): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  await page.goto(`${base}/workbench/displays.html`);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(/displays\.html/);
  await page.waitForSelector('body[data-state="ready"]');
  return page;
}

describe('the wall screen link (/#display=…)', () => {
  it('shows the board without signing in, refuses a write, and stops at once when revoked', async () => {
    const admin = await adminPage();
    await admin.getByTestId('display-name').fill('指挥部大屏');
    await admin.getByTestId('display-create').click();
    await admin.waitForSelector('[data-testid="display-issued"]:not([hidden])');
    const link = await admin.getByTestId('display-link').inputValue();
    expect(link).toMatch(new RegExp(`^${base}/#display=dsp_[A-Za-z0-9_-]{43}$`));
    await admin.waitForSelector('[data-testid="display-table"] tr[data-status="active"]');
    expect(await admin.getByTestId('display-table').textContent()).toContain('指挥部大屏');

    const wallContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const wall = await wallContext.newPage();
    const refusals: string[] = [];
    wall.on('response', (response) => {
      if (response.status() >= 400) refusals.push(`${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
    });
    await wall.goto(link);
    await wall.waitForSelector('body[data-state="ready"]', { timeout: 15000 });
    expect(await wall.getByTestId('login-form').isHidden()).toBe(true);
    const address = await wall.evaluate(() => ({ href: window.location.href, hash: window.location.hash }));
    expect(address.hash).toBe('');
    expect(address.href).not.toContain('display');
    const kept = await wall.evaluate(() => sessionStorage.getItem('tracker.display'));
    expect(link.endsWith(`#display=${kept}`)).toBe(true);
    const board = (await t.client.get('/api/dashboard/2024?month=5')).body;
    const yi = (wan: number) => `${Math.floor(Math.round(wan / 100) / 100)}.${String(Math.round(wan / 100) % 100).padStart(2, '0')}`;
    expect(((await wall.getByTestId('investment-actual').textContent()) ?? '').trim()).toBe(yi(board.investment.actual));
    expect(board.investment.actual).toBe(12345);

    // The footer names the month's bulletin and its checkpoint; the Word copy is offered.
    const bulletin = (await t.client.get('/api/bulletins/2024/5')).body;
    await wall.waitForSelector('[data-testid="bulletin-checkpoint"]:not([hidden])');
    expect(await wall.getByTestId('bulletin-checkpoint').textContent()).toContain(`审计检查点：第 ${bulletin.checkpoint.seq} 条，哈希 ${bulletin.checkpoint.hash}`);
    expect(await wall.getByTestId('bulletin-docx').isEnabled()).toBe(true);
    const [download] = await Promise.all([wall.waitForEvent('download'), wall.getByTestId('bulletin-docx').click()]);
    expect(download.suggestedFilename()).toBe('聊城市制造业重点项目月通报-2024年5月.docx');

    // A write from the wall screen's own API client is refused, and nothing changes.
    const projects = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM project'))[0].n);
    const write = await wall.evaluate(async (body) => {
      const { api } = await import('/shared/api.js' as string);
      try {
        await api('/api/projects', { method: 'POST', body });
        return 'accepted';
      } catch (error) {
        return (error as { status: number }).status;
      }
    }, projectBody());
    expect(write).toBe(403);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM project'))[0].n)).toBe(projects);
    expect(refusals).toEqual(['403 POST /api/projects']);

    // Revoked on the workbench: the wall's next read is refused and it asks for a sign-in.
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.locator('[data-testid^="display-revoke-"]').first().click();
    await admin.waitForSelector('[data-testid="display-table"] tr[data-status="revoked"]');
    await wall.reload();
    await wall.waitForSelector('body[data-state="login"]', { timeout: 15000 });
    expect(await wall.getByTestId('login-form').isVisible()).toBe(true);
    expect(await wall.evaluate(() => sessionStorage.getItem('tracker.display'))).toBeNull();
    await wallContext.close();
  });
});
