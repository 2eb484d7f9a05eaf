import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The month's three lists (简单/高频/复杂) and the war room's 要素保障 block, against figures worked
 * out by hand for a small world (docs/domain/requests.md). The acceptance limit is 5 working days.
 * Every step happens at 10:00 in Liaocheng (02:00Z) on the day named.
 *
 *  R7  P1 东昌府区 land 100 亩      raised Fri 05-31 (accept due 06-07), never handled
 *  R1  P1 东昌府区 land 4000 亩     raised Mon 06-03; accepted 06-04 简单 (promise 06-14); resolved 06-07 granting 3551, told the same day; 满意 06-10 → closed (7 days)
 *  R2  P2 临清市   land 2200 亩     raised 06-03; accepted 06-04 复杂 (promise 06-28); resolved 06-12 granting 2000, told the same day; 满意 06-13 → closed (10 days)
 *  R3  P1 东昌府区 energy 3000 吨   raised 06-03; accepted 06-05 高频 (promise 06-10); never resolved
 *  R4  P2 临清市   environment COD 12.5 吨/年  raised 06-03 (accept due 06-10), never accepted
 *  R5  P1 东昌府区 funding 500 万元  raised Thu 06-20 (accept due 06-27); escalated 06-21
 *  R6  P2 临清市   other            raised 06-25; returned 06-26
 *
 * On Sunday 06-30: June's list has R1–R6 raised in it (新增) and R7 carried from May (结转). Lists:
 * 简单 R1; 高频 R3; 复杂 R2; 待研判 R7, R4, R5, R6. Open R7, R3, R4, R5, all overdue (due 06-07,
 * 06-10, 06-10, 06-27). Closed R1 (7 days) and R2 (10 days): mean 8.5 days. 用地 asked 6300.00 亩
 * (R7's 100 with R1's and R2's), granted 5551.00 亩.
 */
type Client = ReturnType<typeof request.agent>;
const at = (date: string) => `${date}T02:00:00.000Z`;

interface Counts {
  raised: number;
  carried: number;
  cumulative: number;
  accepted: number;
  resolved: number;
  closed: number;
  returned: number;
  escalated: number;
  open: number;
  overdue: number;
  meanDaysToClose: number | null;
}
/** 新增, 结转, 累计, 已受理, 已办结, 本月办结, 退回, 常务会, 待办, 逾期, 平均办结天数. */
const counts = (raised: number, carried: number, cumulative: number, accepted: number, resolved: number, closed: number, returned: number, escalated: number, open: number, overdue: number, meanDaysToClose: number | null): Counts => ({
  raised,
  carried,
  cumulative,
  accepted,
  resolved,
  closed,
  returned,
  escalated,
  open,
  overdue,
  meanDaysToClose,
});
const ZERO = counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

describe('the month lists and the 要素保障 block, hand-computed', () => {
  let t: TestApp;
  let dcf: Client;
  let lq: Client;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: at('2024-05-31') });
    for (const user of [
      { username: 'county-dcf', password: 'county-password-1', role: 'region', region: '371502' },
      { username: 'county-lq', password: 'county-password-2', role: 'region', region: '371581' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    dcf = t.clientWith(await t.login('county-dcf', 'county-password-1'));
    lq = t.clientWith(await t.login('county-lq', 'county-password-2'));
    const p1 = (await t.client.post('/api/projects').send(projectBody({ region: '371502', name: '东昌府甲项目', approvals: ALL_APPROVALS }))).body.id as number;
    const p2 = (await t.client.post('/api/projects').send(projectBody({ region: '371581', name: '临清乙项目', chain: 'bearings', approvals: ALL_APPROVALS }))).body.id as number;

    const raise = async (name: string, client: Client, project: number, body: Record<string, unknown>) => {
      const res = await client.post(`/api/projects/${project}/requests`).send(body);
      expect([name, res.status]).toEqual([name, 201]);
      ids[name] = res.body.id;
    };
    const step = async (name: string, body: Record<string, unknown>, client: Client = t.client) => {
      const res = await client.post(`/api/requests/${ids[name]}/events`).send(body);
      expect([name, body.type, res.status]).toEqual([name, body.type, 200]);
    };

    await raise('R7', dcf, p1, { kind: 'land', quantity: 100, description: '五月提出的用地' });
    t.setNow(at('2024-06-03'));
    await raise('R1', dcf, p1, { kind: 'land', quantity: 4000, description: '一期用地' });
    await raise('R2', lq, p2, { kind: 'land', quantity: '2200.00', description: '扩建用地' });
    await raise('R3', dcf, p1, { kind: 'energy', quantity: 3000, description: '用能指标' });
    await raise('R4', lq, p2, { kind: 'environment', pollutant: 'cod', quantity: '12.5', description: 'COD 总量指标' });
    t.setNow(at('2024-06-04'));
    await step('R1', { type: 'ACCEPT', category: 'simple', promisedDate: '2024-06-14' });
    await step('R2', { type: 'ACCEPT', category: 'complex', promisedDate: '2024-06-28' });
    t.setNow(at('2024-06-05'));
    await step('R3', { type: 'ACCEPT', category: 'frequent', promisedDate: '2024-06-10' });
    t.setNow(at('2024-06-07'));
    await step('R1', { type: 'RESOLVE', granted: 3551, note: '安排新增建设用地指标' });
    await step('R1', { type: 'FEEDBACK', method: 'phone', date: '2024-06-07' });
    t.setNow(at('2024-06-10'));
    await step('R1', { type: 'EVALUATE', rating: 'satisfied' }, dcf);
    t.setNow(at('2024-06-12'));
    await step('R2', { type: 'RESOLVE', granted: '2000', note: '安排指标' });
    await step('R2', { type: 'FEEDBACK', method: 'letter', date: '2024-06-12' });
    t.setNow(at('2024-06-13'));
    await step('R2', { type: 'EVALUATE', rating: 'satisfied' }, lq);
    t.setNow(at('2024-06-20'));
    await raise('R5', dcf, p1, { kind: 'funding', quantity: 500, description: '流动资金贷款' });
    t.setNow(at('2024-06-21'));
    await step('R5', { type: 'ESCALATE', reason: '涉及多家银行，一事一议' });
    t.setNow(at('2024-06-25'));
    await raise('R6', lq, p2, { kind: 'other', description: '员工公寓' });
    t.setNow(at('2024-06-26'));
    await step('R6', { type: 'RETURN', reason: '属企业自身事项' });
    t.setNow(at('2024-06-30'));
  });
  afterAll(async () => t.close());

  it('the city office’s June lists: counts, overdue, mean days to close, by list, department, kind and county; granted vs asked', async () => {
    const res = await t.client.get('/api/requests/lists/2024-06');
    expect(res.status).toBe(200);
    const lists = res.body;
    expect(lists.refDate).toBe('2024-06-30');
    expect(lists.totals).toEqual(counts(6, 1, 7, 3, 2, 2, 1, 1, 4, 4, 8.5));
    expect(lists.lists.map((l: { category: string; counts: Counts }) => [l.category, l.counts])).toEqual([
      ['simple', counts(1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 7)],
      ['frequent', counts(1, 0, 1, 1, 0, 0, 0, 0, 1, 1, null)],
      ['complex', counts(1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 10)],
      ['unsorted', counts(3, 1, 4, 0, 0, 0, 1, 1, 3, 3, null)],
    ]);
    const names = (l: { items: { id: number }[] }) => l.items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));
    expect(lists.lists.map(names)).toEqual([['R1'], ['R3'], ['R2'], ['R7', 'R4', 'R5', 'R6']]);
    expect(lists.lists[3].items.map((i: { carry: string }) => i.carry)).toEqual(['carried', 'new', 'new', 'new']);
    expect(lists.lists[0].items[0].carry).toBe('closed');
    const r3 = lists.lists[1].items[0];
    expect(r3).toMatchObject({ overdue: true, due: '2024-06-10', daysOverdue: 20, projectName: '东昌府甲项目', departmentName: '市发展改革委' });

    const byDepartment = Object.fromEntries(lists.byDepartment.map((d: { code: string; counts: Counts }) => [d.code, d.counts]));
    expect(byDepartment).toEqual({
      'natural-resources': counts(2, 1, 3, 2, 2, 2, 0, 0, 1, 1, 8.5),
      'development-reform': counts(1, 0, 1, 1, 0, 0, 0, 0, 1, 1, null),
      'ecology-environment': counts(1, 0, 1, 0, 0, 0, 0, 0, 1, 1, null),
      'financial-regulation': counts(1, 0, 1, 0, 0, 0, 0, 1, 1, 1, null),
      'administrative-approval': ZERO,
      'industry-it': ZERO,
      'chain-office': counts(1, 0, 1, 0, 0, 0, 1, 0, 0, 0, null),
    });
    const byKind = Object.fromEntries(lists.byKind.map((k: { kind: string; counts: Counts }) => [k.kind, k.counts]));
    expect(byKind).toEqual({
      land: counts(2, 1, 3, 2, 2, 2, 0, 0, 1, 1, 8.5),
      energy: counts(1, 0, 1, 1, 0, 0, 0, 0, 1, 1, null),
      environment: counts(1, 0, 1, 0, 0, 0, 0, 0, 1, 1, null),
      funding: counts(1, 0, 1, 0, 0, 0, 0, 1, 1, 1, null),
      approval: ZERO,
      utilities: ZERO,
      other: counts(1, 0, 1, 0, 0, 0, 1, 0, 0, 0, null),
    });
    expect(lists.byRegion.map((r: { code: string; name: string; counts: Counts }) => [r.code, r.name, r.counts])).toEqual([
      ['371502', '东昌府区', counts(3, 1, 4, 2, 1, 1, 0, 1, 3, 3, 7)],
      ['371581', '临清市', counts(3, 0, 3, 1, 1, 1, 1, 0, 1, 1, 10)],
    ]);
    expect(lists.grantedVsAsked).toEqual([
      { kind: 'land', pollutant: null, unit: 'mu', requests: 3, asked: '6300.00', granted: '5551.00' },
      { kind: 'energy', pollutant: null, unit: 'tce', requests: 1, asked: '3000', granted: '0' },
      { kind: 'environment', pollutant: 'cod', unit: 'tpa', requests: 1, asked: '12.500', granted: '0.000' },
      { kind: 'funding', pollutant: null, unit: 'wan', requests: 1, asked: '500', granted: '0' },
    ]);
  });

  it('a county sees its own county’s lists only', async () => {
    const res = await dcf.get('/api/requests/lists/2024-06');
    expect(res.body.totals).toEqual(counts(3, 1, 4, 2, 1, 1, 0, 1, 3, 3, 7));
    expect(res.body.byRegion.map((r: { code: string }) => r.code)).toEqual(['371502']);
    expect(res.body.grantedVsAsked[0]).toEqual({ kind: 'land', pollutant: null, unit: 'mu', requests: 2, asked: '4100.00', granted: '3551.00' });
  });

  it('replays the lists as recorded on the morning of 8 June', async () => {
    const res = await t.client.get(`/api/requests/lists/2024-06?asOf=${encodeURIComponent('2024-06-08T12:00:00+08:00')}`);
    // R1 told (not yet evaluated), R2 and R3 accepted, R4 raised (due 06-10: not yet overdue), R7 carried (due 06-07:
    // overdue); R5, R6 not raised yet.
    expect(res.body.refDate).toBe('2024-06-08');
    expect(res.body.totals).toEqual(counts(4, 1, 5, 3, 1, 0, 0, 0, 4, 1, null));
    expect(res.body.lists.map((l: { items: { status: string }[] }) => l.items.map((i) => i.status))).toEqual([['answered'], ['accepted'], ['accepted'], ['raised', 'raised']]);
  });

  it('May has R7 alone, as it stood on 31 May (not yet overdue); a month without requests has empty lists', async () => {
    const may = await t.client.get('/api/requests/lists/2024-05');
    expect(may.body.refDate).toBe('2024-05-31');
    expect(may.body.totals).toEqual(counts(1, 0, 1, 0, 0, 0, 0, 0, 1, 0, null));
    const april = await t.client.get('/api/requests/lists/2024-04');
    expect(april.body.totals).toEqual(ZERO);
    expect(april.body.lists.map((l: { items: unknown[] }) => l.items.length)).toEqual([0, 0, 0, 0]);
    expect(april.body.grantedVsAsked).toEqual([]);
    expect((await t.client.get('/api/requests/lists/2024-13')).status).toBe(400);
  });

  it('the war room’s block for June: open and overdue by kind and department, the longest overdue by name', async () => {
    const res = await t.client.get('/api/dashboard/2024?month=6');
    expect(res.status).toBe(200);
    const block = res.body.factorGuarantee;
    expect(block).toMatchObject({ refDate: '2024-06-30', open: 4, overdue: 4, awaitingEvaluation: 0, escalated: 1 });
    expect(Object.fromEntries(block.byKind.map((k: { kind: string; open: number; overdue: number }) => [k.kind, [k.open, k.overdue]]))).toEqual({
      land: [1, 1],
      energy: [1, 1],
      environment: [1, 1],
      funding: [1, 1],
      approval: [0, 0],
      utilities: [0, 0],
      other: [0, 0],
    });
    expect(block.byDepartment.filter((d: { open: number }) => d.open > 0).map((d: { name: string; open: number; overdue: number }) => [d.name, d.open, d.overdue])).toEqual([
      ['市自然资源和规划局', 1, 1],
      ['市发展改革委', 1, 1],
      ['市生态环境局', 1, 1],
      ['市地方金融监管局', 1, 1],
    ]);
    expect(block.longestOverdue.map((i: { requestId: number; projectName: string; due: string; daysOverdue: number }) => [i.requestId, i.projectName, i.due, i.daysOverdue])).toEqual([
      [ids.R7, '东昌府甲项目', '2024-06-07', 23],
      [ids.R3, '东昌府甲项目', '2024-06-10', 20],
      [ids.R4, '临清乙项目', '2024-06-10', 20],
      [ids.R5, '东昌府甲项目', '2024-06-27', 3],
    ]);
  });

  it('May’s board shows the requests as they stood on 31 May: R7 open, not yet overdue', async () => {
    const block = (await t.client.get('/api/dashboard/2024?month=5')).body.factorGuarantee;
    expect(block).toMatchObject({ refDate: '2024-05-31', open: 1, overdue: 0, escalated: 0, longestOverdue: [] });
  });

  it('the published June bulletin carries the block, and its workbook a 要素保障 section with the same figures', async () => {
    t.setNow(at('2024-07-01')); // a bulletin is published once its month is over; June's board still stands on 06-30
    const publish = await t.client.post('/api/bulletins/2024/6');
    t.setNow(at('2024-06-30'));
    expect(publish.status).toBe(201);
    const published = (await t.client.get('/api/bulletins/2024/6')).body.dashboard.factorGuarantee;
    expect(published).toMatchObject({ refDate: '2024-06-30', open: 4, overdue: 4, escalated: 1 });
    const res = await t.client.get('/api/exports/bulletins/2024/6.xlsx').buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0].getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const section = rows.findIndex((row) => row[0] === '五、要素保障');
    expect(section).toBeGreaterThan(0);
    expect(rows[section + 1][0]).toBe('截至 2024-06-30：待办需求 4 项，其中逾期 4 项；已办结待评价 0 项；提交市政府常务会 1 项');
    expect(rows).toContainEqual(['', '用地', 1, 1, '', '', '', '', '']);
    // the last column names the project's 包联领导 and 专员 (none here: docs/domain/responsibility.md "On the board")
    expect(rows).toContainEqual([1, '东昌府甲项目', '', '用地', '市自然资源和规划局', '2024-06-07', 23, '', '未指定']);
  });

  it('exports June’s lists for the 常务会: a summary, one sheet per list with each problem’s mark, the year to date; the same figures', async () => {
    const res = await t.client.get('/api/exports/requests/2024-06.xlsx').buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '简单问题清单', '高频问题清单', '复杂问题清单', '待研判', '年度累计']);
    const values = (sheet: ExcelJS.Worksheet) => sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const summary = values(workbook.getWorksheet('汇总')!);
    expect(summary).toContainEqual(['合计', 6, 1, 7, 3, 2, 2, 1, 1, 4, 4, '8.5']);
    expect(summary).toContainEqual(['用地', 3, '6300.00', '5551.00', '亩']);
    const unsorted = values(workbook.getWorksheet('待研判')!);
    expect(unsorted.filter((row) => typeof row[0] === 'number').map((row) => `${row[1]} ${row[4]}`)).toEqual(['结转 用地', '新增 环境容量（化学需氧量（COD））', '新增 资金', '新增 其他']);
    const frequent = values(workbook.getWorksheet('高频问题清单')!);
    expect(frequent.find((row) => row[0] === 1)).toEqual([1, '新增', '东昌府甲项目', '东昌府区', '能耗', '用能指标', '3000 吨标准煤', '市发展改革委', '已受理', '2024-06-03', '2024-06-10', 20, '', '', '其他']);
  });
});
