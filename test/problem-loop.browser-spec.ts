/**
 * The problem loop on the workbench's requests page, in chromium at 1366×768 on the illustrative
 * demo (clock 2024-11-20), docs/domain/requests.md "The request machine", "Problems from every
 * channel", "共性问题", "常务会" and "Year to date": a county registers an enterprise's problem from
 * 企业热线 (through the intranet host name, as on a county's network), the department records the
 * 反馈 naming the 专员 who brought it in, the county records the enterprise's 评价 (a 不满意 without
 * a reason is refused at its field), the city office records the 常务会's decision on an escalated
 * problem (a deadline already passed is refused at its field) and confirms a 共性 group; the
 * year-to-date figures are shown as the API gives them. Nothing cut off, no code or id on screen.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { intranetBase, intranetChromium, launchChromium, watchedPage, workbenchSignIn } from './support/browser.js';
import { listen } from './support/raw-http.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

const REGION = '371522'; // 莘县
const COUNTY = [`region-${REGION}`, `demo-pass-${REGION}`] as const;
const DEPARTMENT = ['dept-natural-resources', 'demo-pass-natural-resources'] as const;
const ADMIN = ['admin', TEST_ADMIN_PASSWORD] as const;
/** Codes and words of the API that must never reach the screen as such. */
const RAW = /\b(hotline|appeal|patrol|commissioner|natural-resources|financial-regulation|land|funding|proposed|confirmed|decided|answered|resolved|escalated|undefined|null|NaN)\b/;

let t: TestApp;
let base: string;
let browser: Browser;
let intranet: Browser;
const contexts: BrowserContext[] = [];
const problems: string[] = [];

const newPage = (on: Browser = browser): Promise<Page> => watchedPage(on, { width: 1366, height: 768 }, { contexts, problems });

async function requestRow(page: Page, id: number): Promise<Locator> {
  await page.waitForSelector('[data-testid="request-table"][data-status="ready"]');
  return page.locator(`[data-testid="request-row"][data-request-id="${id}"]`);
}

/** Opens a step's form on a request's row, once it is drawn and wired. */
async function openStep(page: Page, id: number, type: string): Promise<Locator> {
  await (await requestRow(page, id)).getByTestId(`act-${type}`).click();
  const form = page.locator(`[data-testid="step-form"][data-type="${type}"][data-ready="true"]`);
  await form.waitFor();
  return form;
}

/** Nothing wider than the window, and no code or id among what the page shows (the header names the signed-in user by login name, which is the user's own). */
async function expectReadable(page: Page): Promise<void> {
  const { scrollWidth, text } = await page.evaluate(() => {
    const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number }; querySelector(s: string): { innerText: string } } }).document;
    return { scrollWidth: d.documentElement.scrollWidth, text: d.querySelector('main').innerText };
  });
  expect(scrollWidth).toBeLessThanOrEqual(1366);
  const raw = RAW.exec(text);
  expect(raw ? text.slice(Math.max(0, raw.index - 80), raw.index + 40) : null).toBeNull();
}

beforeAll(async () => {
  t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  base = await listen(t);
  browser = await launchChromium();
  intranet = await intranetChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await intranet?.close();
  await t?.close();
});

describe('the problem loop on the requests page (1366×768)', () => {
  it('a county registers an enterprise problem from 企业热线; the department records the 反馈 naming the 专员; the county records the 评价', async () => {
    const person = ((await t.client.get('/api/people')).body as { id: number; name: string; active: boolean }[]).find((p) => p.active)!;

    // The county, through the intranet host name: 登记问题 about an enterprise not on any list.
    const county = await newPage(intranet);
    await workbenchSignIn(county, `${intranetBase(base)}/workbench/requests.html`, COUNTY);
    await county.getByTestId('problem-open').click();
    const form = county.locator('[data-testid="problem-form"][data-ready="true"]');
    await form.waitFor();
    // without a channel nothing is sent: the form says what to choose, at the field
    await form.getByTestId('problem-submit').click();
    const channelError = form.locator('[data-field="channel"] [data-testid="field-error"]');
    await channelError.waitFor();
    expect(await channelError.textContent()).toBe('请选择收集渠道（问题从哪里来）');
    await form.getByTestId('f-channel').selectOption('hotline');
    await form.getByTestId('f-about').selectOption('enterprise');
    // A refusal at its field, in words: the enterprise's name is missing.
    await form.getByTestId('f-kind').selectOption('land');
    await form.getByTestId('f-quantity').fill('8');
    await form.getByTestId('f-description').fill('扩建仓库用地 8 亩');
    await form.getByTestId('problem-submit').click();
    const nameError = form.locator('[data-field="enterprise-name"] [data-testid="field-error"]');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe('企业名称不能为空');
    await form.getByTestId('f-enterprise-name').fill('莘县鑫源包装有限公司');
    await form.getByTestId('f-enterprise-contact').fill('王经理');
    await form.getByTestId('f-commissionerId').selectOption(String(person.id));
    await form.getByTestId('problem-submit').click();
    await county.getByTestId('problem-status').filter({ hasText: '已登记' }).waitFor();
    expect(await county.getByTestId('problem-status').textContent()).toBe('已登记：莘县鑫源包装有限公司，分派至市自然资源和规划局');
    const raised = ((await t.client.get(`/api/requests?region=${REGION}&kind=land&status=raised`)).body.items as { id: number; subject: string; channel: string; projectId: number | null; commissioner: { id: number } | null; enterprise: { contact: string } | null }[])
      .find((r) => r.subject === '莘县鑫源包装有限公司')!;
    expect(raised).toMatchObject({ channel: 'hotline', projectId: null, commissioner: { id: person.id }, enterprise: { contact: '王经理' } });
    // its row names the enterprise (no project link) and how it came in
    const row = await requestRow(county, raised.id);
    await row.waitFor();
    expect(await row.locator('td.name').innerText()).toContain('莘县鑫源包装有限公司');
    expect(await row.getByTestId('request-channel').textContent()).toBe('莘县 · 企业热线');
    expect(await row.locator('td.name a').count()).toBe(0);
    await expectReadable(county);

    // The department accepts and resolves it (its inbox), then tells the enterprise.
    const department = await newPage();
    await workbenchSignIn(department, `${base}/workbench/requests.html`, DEPARTMENT);
    let step = await openStep(department, raised.id, 'ACCEPT');
    await step.getByTestId('f-category').selectOption('simple');
    await step.getByTestId('f-promisedDate').fill('2024-11-29');
    await step.getByTestId('step-submit').click();
    await department.waitForSelector(`[data-testid="request-row"][data-request-id="${raised.id}"][data-status="accepted"]`);
    step = await openStep(department, raised.id, 'RESOLVE');
    await step.getByTestId('f-granted').fill('8');
    await step.getByTestId('f-note').fill('已安排用地指标 8 亩');
    await step.getByTestId('step-submit').click();
    await department.waitForSelector(`[data-testid="request-row"][data-request-id="${raised.id}"][data-status="resolved"]`);

    // 反馈: the 专员 who brought it in is offered first; a date after today is refused at its field.
    step = await openStep(department, raised.id, 'FEEDBACK');
    expect(await step.getByTestId('f-commissionerId').inputValue()).toBe(String(person.id));
    expect(await step.locator('[data-field="commissionerId"] option:checked').textContent()).toContain(person.name);
    await step.getByTestId('f-method').selectOption('visit');
    await step.getByTestId('f-date').fill('2024-11-21');
    await step.getByTestId('step-submit').click();
    const dateError = step.locator('[data-field="date"] [data-testid="field-error"]');
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(/不能晚于今天/);
    expect((await t.client.get(`/api/requests/${raised.id}`)).body.status).toBe('resolved');
    await step.getByTestId('f-date').fill('2024-11-20');
    await step.getByTestId('step-submit').click();
    await department.waitForSelector(`[data-testid="request-row"][data-request-id="${raised.id}"][data-status="answered"]`);
    expect(await (await requestRow(department, raised.id)).getByTestId('request-status').innerText()).toContain('2024-11-20 上门告知');
    await expectReadable(department);

    // The county records the enterprise's 评价: 不满意 needs a reason (refused at its field), then 满意.
    await county.reload();
    step = await openStep(county, raised.id, 'EVALUATE');
    await step.getByTestId('f-rating').selectOption('dissatisfied');
    await step.getByTestId('step-submit').click();
    const reasonError = step.locator('[data-field="reason"] [data-testid="field-error"]');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toBe('不满意需填写原因');
    await step.getByTestId('f-rating').selectOption('satisfied');
    await step.getByTestId('f-respondent').fill('王经理');
    await step.getByTestId('step-submit').click();
    await county.waitForSelector(`[data-testid="request-row"][data-request-id="${raised.id}"][data-status="closed"]`);

    const closed = (await t.client.get(`/api/requests/${raised.id}`)).body;
    expect(closed).toMatchObject({ status: 'closed', rating: 'satisfied', granted: '8.00', feedback: { method: 'visit', date: '2024-11-20' } });
    const steps = closed.transitions as { event: string; actor: string; personId?: number | null }[];
    expect(steps.map((s) => `${s.event}@${s.actor}`)).toEqual([`RAISE@${COUNTY[0]}`, `ACCEPT@${DEPARTMENT[0]}`, `RESOLVE@${DEPARTMENT[0]}`, `FEEDBACK@${DEPARTMENT[0]}`, `EVALUATE@${COUNTY[0]}`]);
    expect(steps.find((s) => s.event === 'FEEDBACK')!.personId).toBe(person.id);
    expect(problems).toEqual([]);
  });

  it('the city office records the 常务会 decision with its deadline, confirms a 共性 group, and reads the year to date', async () => {
    const escalated = ((await t.client.get('/api/requests?status=escalated')).body.items as { id: number; departmentName: string }[])[0];
    // Three enterprises' 资金 problems under one policy within 90 days: proposed as one group.
    const names = ['东阿阿胶配套印务有限公司', '阳谷华泰纸业有限公司', '茌平信发铝材加工厂'];
    const regions = ['371524', '371521', '371503'];
    const ids: number[] = [];
    for (const [i, name] of names.entries()) {
      const res = await t.client.post('/api/requests').send({ channel: 'appeal', enterprise: { name }, region: regions[i], kind: 'funding', quantity: 500 * (i + 1), description: '技改设备贷款贴息', policyTag: '技改贴息' });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const group = ((await t.client.get('/api/requests/groups?status=proposed')).body as { id: number; memberIds: number[]; policyTag: string }[]).find((g) => g.policyTag === '技改贴息')!;
    expect([...group.memberIds].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));

    const page = await newPage();
    await workbenchSignIn(page, `${base}/workbench/requests.html`, ADMIN);

    // 常务会议定: a deadline already passed is refused at its field; then recorded.
    const step = await openStep(page, escalated.id, 'DECIDE');
    expect(await step.getByTestId('f-responsibleUnit').inputValue()).toBe(escalated.departmentName);
    await step.getByTestId('f-decision').fill('同意调整基本农田布局，年底前完成用地报批');
    await step.getByTestId('f-deadline').fill('2024-11-19');
    await step.getByTestId('step-submit').click();
    const deadlineError = step.locator('[data-field="deadline"] [data-testid="field-error"]');
    await deadlineError.waitFor();
    expect(await deadlineError.textContent()).toBe('办理时限 2024-11-19 不能早于今天（2024-11-20）');
    await step.getByTestId('f-deadline').fill('2024-12-31');
    await step.getByTestId('step-submit').click();
    await page.waitForSelector(`[data-testid="request-row"][data-request-id="${escalated.id}"][data-status="decided"]`);
    expect((await t.client.get(`/api/requests/${escalated.id}`)).body).toMatchObject({
      status: 'decided',
      decision: { decision: '同意调整基本农田布局，年底前完成用地报批', responsibleUnit: escalated.departmentName, deadline: '2024-12-31' },
    });
    const decidedStatus = await (await requestRow(page, escalated.id)).getByTestId('request-status').innerText();
    expect(decidedStatus).toContain('2024-12-31');
    expect(decidedStatus).toContain(`责任单位 ${escalated.departmentName}`);

    // 共性问题: the proposed group lists its three enterprises by name; the city office confirms it.
    const groupRow = page.locator(`[data-testid="group-row"][data-group-id="${group.id}"]`);
    await page.waitForSelector('[data-testid="request-groups"][data-status="ready"]');
    expect(await groupRow.getByTestId('group-status').textContent()).toBe('待确认');
    for (const name of names) expect(await groupRow.innerText()).toContain(name);
    await groupRow.getByTestId('group-CONFIRM').click();
    const confirm = page.locator('[data-testid="group-form"][data-type="CONFIRM"][data-ready="true"]');
    await confirm.getByTestId('step-submit').click();
    await page.waitForSelector(`[data-testid="group-row"][data-group-id="${group.id}"][data-status="confirmed"]`);
    expect(await groupRow.getByTestId('group-status').textContent()).toBe('已确认');
    expect(((await t.client.get('/api/requests/groups?status=confirmed')).body as { id: number }[]).map((g) => g.id)).toContain(group.id);
    // the 高频 list now carries the confirmed group (the month's lists are read again)
    const frequent = ((await t.client.get('/api/requests/lists/2024-11')).body as { lists: { category: string; groups: { id: number }[] }[] }).lists.find((l) => l.category === 'frequent')!;
    expect(frequent.groups.map((g) => g.id)).toContain(group.id);
    await page.locator('[data-testid="month-lists"] tr[data-list="frequent"] [data-testid="list-groups"]').filter({ hasText: `（含共性问题 ${frequent.groups.length} 组）` }).waitFor();

    // 要素保障年度累计: the page shows the API's year to date, per kind, and 资金's 授信 vs 到位.
    await page.waitForSelector('[data-testid="factor-totals"][data-status="ready"]');
    const totals = (await t.client.get('/api/requests/totals/2024-11')).body as { kinds: { kind: string; pollutant: string | null; requests: number; projects: number }[]; funding: { credit: number; disbursed: number } };
    const funding = totals.kinds.find((k) => k.kind === 'funding')!;
    const cells = await page.locator('[data-testid="factor-totals"] tr[data-kind="funding"] td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['资金', String(funding.requests), String(funding.projects)]);
    // the three problems above ask 500 + 1,000 + 1,500 万元 this month, on top of what was asked before
    expect(funding.requests).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('funding-totals').textContent()).toMatch(/^资金：授信 .+，到位 .+。$/);
    await expectReadable(page);
    expect(problems).toEqual([]);
  });
});
