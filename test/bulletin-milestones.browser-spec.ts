import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { intranetBase, intranetChromium } from './support/browser.js';
import { startedProject } from './factories/project.factory.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

/**
 * The bulletin's words and the milestones in chromium, opened through a host name other than
 * localhost (tracker.intranet, as on the city's intranet), at a county operator's 1366×768:
 * the city office edits the drafted words beside the figures, publishes, then corrects with a
 * reason; a county operator keeps a project's milestones and records one reached from the month
 * form; the war room's card marks the late milestone and its print carries the words.
 */
declare const window: { innerWidth: number; dispatchEvent(event: unknown): boolean };
declare const document: { documentElement: { scrollWidth: number } };
declare const Event: new (type: string) => unknown;

let t: TestApp;
let browser: Browser;
let base: string;
let late: number;
const REGION_USER = 'region-gt';
const REGION_PASSWORD = 'region-password-gt-27';

beforeAll(async () => {
  t = await startTestApp({ now: '2024-07-05T02:00:00.000Z' });
  base = intranetBase(await listen(t));
  browser = await intranetChromium();
  // 高唐县: a project behind its 主体完工 milestone (planned 20 June); 临清市 ahead of 序时.
  late = await startedProject(t.client, { region: '371526', name: '示例高端装备制造项目' }, 200, 1200);
  await t.client.put(`/api/projects/${late}/milestones`).send([
    { name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' },
    { name: '主体完工', plannedDate: '2024-06-20' },
    { name: '竣工投产', plannedDate: '2024-10-31' },
  ]);
  await startedProject(t.client, { region: '371581' }, 900, 1200);
  expect((await t.client.post('/api/users').send({ username: REGION_USER, password: REGION_PASSWORD, role: 'region', region: '371526' })).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function open(path: string, username: string, password: string): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const problems: string[] = [];
  let signedIn = false;
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !(response.status() === 401 && !signedIn)) problems.push(`HTTP ${response.status()} ${response.url()}`);
  });
  await page.goto(`${base}${path}`);
  await page.waitForSelector('[data-testid="login-form"]');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  signedIn = true;
  await page.getByRole('button', { name: '登录' }).click();
  return { page, problems, close: () => context.close() };
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
const noHorizontalScroll = async (page: Page) => {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
};

describe('the bulletin page and the milestones in chromium', () => {
  it('the city office edits the drafted words beside the figures, publishes, and corrects with a reason', async () => {
    const { page, problems, close } = await open('/workbench/bulletin.html?year=2024&month=6', 'admin', TEST_ADMIN_PASSWORD);
    try {
      await page.waitForURL(/\/workbench\/bulletin\.html/);
      await page.waitForSelector('body[data-state="ready"]');
      await page.waitForSelector('[data-testid="bulletin-figures"][data-status="ready"]');
      // The figures beside the words: every region, and the 节点滞后 project named with its reason.
      expect(await page.locator('[data-testid="figures-regions"] tbody tr').count()).toBe(11);
      expect(await text(page, 'figures-red')).toContain('节点滞后 · 高唐县 示例高端装备制造项目');
      // The draft from the figures, not yet saved; it names the lagging county and the late project.
      expect(await text(page, 'bulletin-status')).toBe('2024年6月 · 草稿，尚未保存');
      const problemsText = await page.getByTestId('words-problems').inputValue();
      expect(problemsText).toContain('高唐县（');
      expect(problemsText).toContain('节点滞后的项目1个：高唐县“示例高端装备制造项目”（主体完工计划 2024-06-20 完成，尚未完成）');
      await noHorizontalScroll(page);
      for (const id of ['words-overview', 'words-problems', 'words-next-steps', 'words-save', 'bulletin-publish']) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
      }

      await page.getByTestId('words-next-steps').fill('高唐县7月15日前报送主体完工整改计划。\n各县（市、区）对照节点计划逐项销号。');
      await page.getByTestId('words-save').click();
      await page.getByTestId('words-status').filter({ hasText: '已保存第 1 版' }).waitFor();
      expect((await t.client.get('/api/bulletins/2024/6/commentary')).body.current.nextSteps).toEqual(['高唐县7月15日前报送主体完工整改计划。', '各县（市、区）对照节点计划逐项销号。']);

      await page.getByTestId('bulletin-publish').click();
      await page.getByTestId('bulletin-publish-confirm').click();
      await page.getByTestId('words-status').filter({ hasText: '通报已发布' }).waitFor();
      expect(await text(page, 'bulletin-status')).toContain('已发布（发布时为第 1 版）');
      expect(await page.getByTestId('bulletin-word').isVisible()).toBe(true);

      // A change now needs a reason: refused without one, saved as a correction with one.
      await page.getByTestId('words-next-steps').fill('高唐县7月20日前报送主体完工整改计划。');
      await page.getByTestId('words-save').click();
      expect(await text(page, 'words-errors')).toBe('通报已发布：修改须填写更正原因');
      await page.getByTestId('words-reason').fill('整改期限调整');
      await page.getByTestId('words-save').click();
      await page.getByTestId('words-status').filter({ hasText: '已保存第 2 版' }).waitFor();
      const view = (await t.client.get('/api/bulletins/2024/6/commentary')).body;
      expect([view.publishedRevision, view.current.revision, view.current.reason, view.revisions[0].nextSteps.length]).toEqual([1, 2, '整改期限调整', 2]);
      expect(await text(page, 'bulletin-status')).toContain('现为第 2 版（更正：整改期限调整）');
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('a county operator keeps the milestones on the project page and records one reached from the month form', async () => {
    const { page, problems, close } = await open(`/workbench/project.html?id=${late}`, REGION_USER, REGION_PASSWORD);
    try {
      // The sign-in page is `ready` too: wait for the project page first.
      await page.waitForURL(/\/workbench\/project\.html/);
      await page.waitForSelector('body[data-state="ready"]');
      await page.waitForSelector('[data-testid="milestones"][data-status="ready"]');
      expect(await page.locator('[data-testid="milestone-row"]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-name'), r.getAttribute('data-status')]))).toEqual([
        ['开工', 'done'],
        ['主体完工', 'late'],
        ['竣工投产', 'ahead'],
      ]);
      await noHorizontalScroll(page);
      // Add 设备安装 and save the whole list.
      await page.getByTestId('milestone-add').click();
      const added = page.getByTestId('milestone-edit-row').last();
      await added.getByLabel('节点名称').fill('设备安装');
      await added.getByLabel('计划日期').fill('2024/8/31');
      await page.getByTestId('milestone-save').click();
      await page.getByTestId('milestone-status').filter({ hasText: '已保存节点计划' }).waitFor();
      await page.locator('[data-testid="milestone-row"][data-name="设备安装"]').waitFor();
      expect((await t.client.get(`/api/projects/${late}/milestones`)).body.map((m: { name: string }) => m.name)).toEqual(['开工', '主体完工', '竣工投产', '设备安装']);

      // The month form: 主体完工 (late) under the project's row; reached on 3 July, sent with June's report.
      await page.goto(`${base}/workbench/report.html?month=2024-06`);
      await page.waitForSelector('[data-testid="report-table"][data-status="ready"]');
      const entry = page.locator(`[data-testid="milestone-entry"][data-project-id="${late}"]`);
      expect(await entry.textContent()).toContain('主体完工（计划 2024-06-20，滞后）');
      const row = page.locator(`[data-testid="report-row"][data-project-id="${late}"]`);
      await row.getByTestId('amount').fill('300');
      // June's bulletin was published above: a change to the month needs its reason.
      await row.getByTestId('reason').fill('补报6月完成投资');
      await entry.locator('[data-testid="milestone-actual"][data-name="主体完工"]').fill('2024-07-03');
      await row.getByTestId('save-row').click();
      await row.locator('[data-testid="row-status"]').filter({ hasText: '已保存' }).waitFor();
      expect((await t.client.get(`/api/projects/${late}/milestones`)).body[1]).toEqual({ name: '主体完工', plannedDate: '2024-06-20', actualDate: '2024-07-03' });
      await noHorizontalScroll(page);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the war room’s card shows the milestones, and its print carries the published words', async () => {
    // A second late project, so the red list names it and the card has a late milestone to show.
    const id = await startedProject(t.client, { region: '371502', name: '示例节点滞后项目' }, 100, 1200);
    await t.client.put(`/api/projects/${id}/milestones`).send([{ name: '设备安装', plannedDate: '2024-06-10' }, { name: '试生产', plannedDate: '2024-09-30' }]);
    const { page, problems, close } = await open('/?year=2024&month=6', 'admin', TEST_ADMIN_PASSWORD);
    try {
      await page.waitForSelector('body[data-state="ready"]');
      const item = page.locator(`[data-testid="redlist-item"][data-kind="milestone"][data-project-id="${id}"]`);
      expect(await item.textContent()).toContain('节点滞后：设备安装计划 2024-06-10 完成，尚未完成');
      await item.locator('button').click();
      await page.locator(`[data-testid="project-card"][data-project-id="${id}"][data-status="ready"]`).waitFor();
      expect(await page.locator('[data-testid="card-milestone"]').evaluateAll((chips) => chips.map((c) => [c.getAttribute('data-name'), c.className, c.textContent]))).toEqual([
        ['设备安装', 'late', '设备安装计划 2024-06-10滞后'],
        ['试生产', 'ahead', '试生产计划 2024-09-30未到期'],
      ]);
      await page.getByTestId('card-close').click();

      // On the wall the words are not shown; in print they follow the board.
      const words = page.getByTestId('bulletin-words');
      await page.locator('[data-testid="bulletin-words"] h2').waitFor({ state: 'attached' });
      expect(await words.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      expect(await words.isVisible()).toBe(true);
      const printed = (await words.textContent()) ?? '';
      const current = (await t.client.get('/api/bulletins/2024/6/commentary')).body.current;
      expect(printed).toContain(current.overview);
      expect(printed).toContain(`（一）${current.nextSteps[0]}`);
      expect(printed).toContain('更正说明：本通报文字于2024-07-05更正（第2版，原因：整改期限调整）；发布时的文字为第1版');
      await page.emulateMedia({ media: 'screen' });
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
