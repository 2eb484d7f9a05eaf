/**
 * 要素保障 in chromium, end to end on the illustrative demo (clock: 2024-11-20), the loop as the
 * documents run it (docs/domain/requests.md "The request machine"): a county raises a 用地 need
 * from its project page, the 市自然资源和规划局 accepts it from its inbox (list and promised date),
 * resolves it with what was granted and tells the enterprise (反馈); only then does the county
 * record the enterprise's 评价; the war room's 要素保障 counts follow each step (November's board:
 * requests as they stand on the 20th).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, watchedPage, workbenchSignIn } from './support/browser.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { listen } from './support/raw-http.js';

const REGION = '371522'; // 莘县
const COUNTY = [`region-${REGION}`, `demo-pass-${REGION}`] as const;
const DEPARTMENT = ['dept-natural-resources', 'demo-pass-natural-resources'] as const;

let t: TestApp;
let base: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

const newPage = (): Promise<Page> => watchedPage(browser, { width: 1600, height: 900 }, { contexts, problems });

async function requestRow(page: Page, id: number) {
  await page.waitForSelector('[data-testid="request-table"][data-status="ready"]');
  return page.locator(`[data-testid="request-row"][data-request-id="${id}"]`);
}

async function step(page: Page, id: number, type: string, fill: (form: ReturnType<Page['locator']>) => Promise<void>, status: string): Promise<void> {
  const row = await requestRow(page, id);
  await row.getByTestId(`act-${type}`).click();
  // the form is drawn and wired before anything is typed into it
  const form = page.locator(`[data-testid="step-form"][data-type="${type}"][data-ready="true"]`);
  await form.waitFor();
  await fill(form);
  await form.getByTestId('step-submit').click();
  await page.waitForSelector(`[data-testid="request-row"][data-request-id="${id}"][data-status="${status}"]`);
}

/** The war room's 要素保障 counts for November 2024 (signed in as the city office). */
async function warRoomCounts(page: Page): Promise<{ open: number; overdue: number; land: number }> {
  await page.goto(`${base}/?year=2024&month=11`);
  await page.waitForSelector('body[data-state="ready"], body[data-state="login"]');
  if ((await page.getAttribute('body', 'data-state')) === 'login') {
    const form = page.getByTestId('login-form');
    await form.getByLabel('用户名').fill('admin');
    await form.getByLabel('密码').fill(TEST_ADMIN_PASSWORD);
    await form.getByRole('button', { name: '登录' }).click();
    await page.waitForSelector('body[data-state="ready"]');
  }
  await page.waitForSelector('[data-testid="factor-panel"]:not([hidden])');
  const number = async (testId: string) => Number((await page.getByTestId(testId).textContent())?.trim());
  const landChip = page.locator('[data-testid="factor-kind"][data-kind="land"] b');
  return { open: await number('factor-open'), overdue: await number('factor-overdue'), land: (await landChip.count()) ? Number(await landChip.textContent()) : 0 };
}

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

describe('要素保障 in chromium', () => {
  it('a county raises a 用地 request, the department accepts, resolves and tells the enterprise (反馈), then the county records its 评价, and the war room’s counts change', async () => {
    const project = (await t.client.get(`/api/projects?region=${REGION}&stage=implementation.active&pageSize=1`)).body.items[0] as { id: number; name: string };
    const expected = (await t.client.get('/api/dashboard/2024?month=11')).body.factorGuarantee as { open: number; overdue: number; byKind: { kind: string; open: number }[] };
    const landBefore = expected.byKind.find((k) => k.kind === 'land')!.open;

    const wall = await newPage();
    const before = await warRoomCounts(wall);
    expect(before).toEqual({ open: expected.open, overdue: expected.overdue, land: landBefore });

    // The county raises 12.5 亩 from the project page.
    const county = await newPage();
    await workbenchSignIn(county, `${base}/workbench/project.html?id=${project.id}`, COUNTY);
    await county.waitForSelector('[data-testid="project-requests"][data-status="ready"]');
    const raise = county.getByTestId('raise-form');
    await raise.getByTestId('f-kind').selectOption('land');
    await raise.getByTestId('f-quantity').fill('12.5');
    await raise.getByTestId('f-description').fill('新建仓储用地 12.5 亩');
    await raise.getByTestId('raise-submit').click();
    await county.getByTestId('raise-status').filter({ hasText: '已提出' }).waitFor();
    expect(await county.getByTestId('raise-status').textContent()).toContain('市自然资源和规划局');
    const mine = (await t.client.get(`/api/requests?project=${project.id}&kind=land&status=raised`)).body.items as { id: number; quantity: string; acceptDue: string }[];
    expect(mine.map((r) => r.quantity)).toContain('12.50');
    const id = mine.find((r) => r.quantity === '12.50')!.id;
    await county.waitForSelector(`[data-testid="project-request"][data-request-id="${id}"][data-status="raised"]`);

    expect(await warRoomCounts(wall)).toEqual({ open: before.open + 1, overdue: before.overdue, land: before.land + 1 });

    // The department: its inbox (the workbench sends a department there), accept then resolve.
    const department = await newPage();
    await workbenchSignIn(department, `${base}/workbench/`, DEPARTMENT);
    await department.waitForURL(/\/workbench\/requests\.html/);
    await department.waitForSelector('body[data-state="ready"]');
    expect(await department.getByTestId('requests-title').textContent()).toContain('市自然资源和规划局');
    // Count the rows once the list has loaded (its table says so), never before.
    await department.waitForSelector('[data-testid="request-table"][data-status="ready"]');
    const rows = department.getByTestId('request-row');
    expect(await rows.count()).toBeGreaterThan(1);
    // Sorted by the date each waits on: overdue ones first, ours (due 11-27) after them.
    const dues = (await rows.locator('td:first-child').allTextContents()).filter((d) => d !== '—');
    expect(dues).toEqual([...dues].sort());
    await step(department, id, 'ACCEPT', async (form) => {
      await form.getByTestId('f-category').selectOption('simple');
      await form.getByTestId('f-promisedDate').fill('2024-11-29');
    }, 'accepted');
    // A refusal is shown in the form and changes nothing: granted finer than 亩 hundredths.
    const row = await requestRow(department, id);
    await row.getByTestId('act-RESOLVE').click();
    const resolve = department.locator('[data-testid="step-form"][data-type="RESOLVE"][data-ready="true"]');
    await resolve.getByTestId('f-granted').fill('12.505');
    await resolve.getByTestId('f-note').fill('已安排指标');
    await resolve.getByTestId('step-submit').click();
    // shown at the field it is about, in words
    const refusal = resolve.locator('[data-field="granted"] [data-testid="field-error"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('2 位小数');
    expect((await t.client.get(`/api/requests/${id}`)).body.status).toBe('accepted');
    await resolve.getByTestId('f-granted').fill('12.5');
    await resolve.getByTestId('step-submit').click();
    await department.waitForSelector(`[data-testid="request-row"][data-request-id="${id}"][data-status="resolved"]`);

    expect(await warRoomCounts(wall)).toEqual({ open: before.open, overdue: before.overdue, land: before.land });

    // Resolved is not yet for the county: the enterprise has not been told.
    await county.goto(`${base}/workbench/requests.html?request=${id}`);
    expect(await (await requestRow(county, id)).getAttribute('data-status')).toBe('resolved');
    expect(await (await requestRow(county, id)).getByTestId('act-EVALUATE').count()).toBe(0);

    // The department tells the enterprise (反馈): by phone, today.
    await step(department, id, 'FEEDBACK', async (form) => {
      await form.getByTestId('f-method').selectOption('phone');
      expect(await form.getByTestId('f-date').inputValue()).toBe('2024-11-20');
    }, 'answered');

    // The county records the enterprise's 评价: 满意 closes it.
    await county.reload();
    await step(county, id, 'EVALUATE', async (form) => {
      await form.getByTestId('f-rating').selectOption('satisfied');
    }, 'closed');
    const closed = (await t.client.get(`/api/requests/${id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', granted: '12.50', category: 'simple', promisedDate: '2024-11-29', rating: 'satisfied', feedback: { method: 'phone', date: '2024-11-20' } });
    expect(closed.transitions.map((s: { event: string; actor: string }) => `${s.event}@${s.actor}`)).toEqual([
      `RAISE@${COUNTY[0]}`,
      `ACCEPT@${DEPARTMENT[0]}`,
      `RESOLVE@${DEPARTMENT[0]}`,
      `FEEDBACK@${DEPARTMENT[0]}`,
      `EVALUATE@${COUNTY[0]}`,
    ]);
    expect(await warRoomCounts(wall)).toEqual({ open: before.open, overdue: before.overdue, land: before.land });

    // The project card on the war room shows approval statuses; the project page lists the closed request.
    await county.goto(`${base}/workbench/project.html?id=${project.id}`);
    await county.waitForSelector(`[data-testid="project-request"][data-request-id="${id}"][data-status="closed"]`);
    expect(problems).toEqual([]);
  });

  it('the city office sees the month’s lists and the card shows open requests and approval statuses', async () => {
    const page = await newPage();
    await workbenchSignIn(page, `${base}/workbench/requests.html`, ['admin', TEST_ADMIN_PASSWORD]);
    await page.waitForSelector('[data-testid="month-lists"][data-status="ready"]');
    const api = (await t.client.get('/api/requests/lists/2024-11')).body as { totals: { raised: number } };
    const total = page.locator('[data-testid="month-lists"] tr[data-list="total"] td');
    expect(Number(await total.nth(1).textContent())).toBe(api.totals.raised);

    // S050 has an escalated 用地 request (seeds/demo-requests.ts): its card lists it.
    const s050 = (await t.client.get('/api/projects?q=LC2024-S050')).body.items[0] as { id: number };
    const wall = await newPage();
    await warRoomCounts(wall);
    const item = wall.locator(`[data-testid="factor-overdue-item"][data-project-id="${s050.id}"] button`);
    await item.click();
    await wall.waitForSelector('[data-testid="project-card"][data-status="ready"]');
    expect(await wall.getByTestId('card-request').first().textContent()).toContain('用地');
    expect(await wall.getByTestId('card-request').first().getAttribute('data-status')).toBe('escalated');
    expect(await wall.locator('[data-testid="card-approvals"] li').count()).toBe(6);
    expect(problems).toEqual([]);
  });
});
