import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { workbook, yiText, type CellInput } from './factories/workbooks.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The month-sheet import (月调度表): the same rules as PUT /api/projects/:id/reports/:month,
 * all rows or none, a county operator only for their own county's projects.
 */
describe('monthly report import (月调度导入)', () => {
  let t: TestApp;
  let region: ReturnType<TestApp['clientWith']>;
  const p: Record<string, { id: number; code: string; name: string }> = {};

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-11-20T02:00:00.000Z' });
    const make = async (key: string, regionCode: string, started: boolean) => {
      const body = projectBody({ region: regionCode, approvals: ALL_APPROVALS, name: `月报测试项目${key}` });
      const created = (await t.client.post('/api/projects').send(body)).body;
      await t.client.post(`/api/projects/${created.id}/events`).send({ type: 'PROMOTE' });
      if (started) expect((await t.client.post(`/api/projects/${created.id}/events`).send({ type: 'START', date: '2024-03-01' })).status).toBe(200);
      p[key] = { id: created.id, code: created.code, name: created.name };
    };
    await make('own1', '371502', true);
    await make('own2', '371502', true);
    await make('other', '371581', true);
    await make('notStarted', '371502', false);
    await t.client.post('/api/users').send({ username: 'region-r', password: 'region-password-r', role: 'region', region: '371502' });
    region = t.clientWith(await t.login('region-r', 'region-password-r'));
  });
  afterAll(() => t.close());

  const sheet = (title: string, unit: '万元' | '亿元', rows: CellInput[][]) =>
    workbook({
      rows: [[title], ['项目编码', '项目名称', `本月完成投资（${unit}）`, '形象进度', '存在问题及要素需求'], ...rows],
      merges: ['A1:E1'],
    });
  const importMonth = (client: ReturnType<TestApp['clientWith']>, month: string, buffer: Buffer, query = '') =>
    client.post(`/api/imports/reports/${month}${query}`).attach('file', buffer, '月调度.xlsx');
  const reportOf = async (key: string, month: string) =>
    (await t.client.get(`/api/projects/${p[key].id}/reports`)).body.find((r: { month: string }) => r.month === month);

  it('files every row, by code or by name, 万元 or 亿元; the same sheet again changes nothing', async () => {
    const buffer = await sheet('东昌府区2024年10月制造业重点项目月调度表', '万元', [
      [p.own1.code, p.own1.name, 1200, '主体结构施工', '用地指标待落实'],
      [null, p.own2.name, 0, '设备安装', null],
    ]);
    const before = await databaseState(t.dataSource);
    const dry = await importMonth(region, '2024-10', buffer);
    expect(dry.body).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [], committed: false, month: '2024-10' });
    expect(await databaseState(t.dataSource)).toEqual(before);

    const commit = await importMonth(region, '2024-10', buffer, '?commit=true');
    expect(commit.body).toMatchObject({ rows: 2, created: 2, errors: [], committed: true });
    expect(await reportOf('own1', '2024-10')).toMatchObject({ amount: 1200, progress: '主体结构施工', problems: '用地指标待落实', revision: 1, actor: 'region-r' });
    expect(await reportOf('own2', '2024-10')).toMatchObject({ amount: 0, progress: '设备安装', problems: null });

    const settled = await databaseState(t.dataSource);
    const again = await importMonth(region, '2024-10', buffer, '?commit=true');
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(settled);

    const yi = await sheet('东昌府区2024年9月月调度表', '亿元', [[p.own1.code, null, yiText(2345), '屋面施工', null]]);
    const sept = await importMonth(t.client, '2024-09', yi, '?commit=true');
    expect(sept.body).toMatchObject({ created: 1, errors: [], committed: true });
    expect((await reportOf('own1', '2024-09')).amount).toBe(2345);
  });

  it('a changed figure is a new revision', async () => {
    const buffer = await sheet('2024年10月', '万元', [[p.own1.code, null, 1500, '主体结构封顶', null]]);
    const res = await importMonth(t.client, '2024-10', buffer, '?commit=true');
    expect(res.body).toMatchObject({ created: 0, updated: 1, unchanged: 0, errors: [] });
    expect(await reportOf('own1', '2024-10')).toMatchObject({ amount: 1500, revision: 2, revisions: 2 });
  });

  it("a county's sheet naming another county's project applies nothing", async () => {
    const buffer = await sheet('2024年10月', '万元', [
      [p.own2.code, null, 800, '设备调试', null],
      [p.other.code, null, 900, '主体施工', null],
    ]);
    const before = await databaseState(t.dataSource);
    const res = await importMonth(region, '2024-10', buffer, '?commit=true');
    expect(res.body.committed).toBe(false);
    expect(res.body.errors).toEqual([{ row: 4, sheet: 'Sheet1', column: '项目编码', message: `项目“${p.other.code}”不存在或不属于本县（市、区）` }]);
    expect(await databaseState(t.dataSource)).toEqual(before);
    // The city office may file it.
    const admin = await importMonth(t.client, '2024-10', buffer);
    expect(admin.body.errors).toEqual([]);
  });

  it('applies the API rules: started projects only, no future month, whole non-negative 万元', async () => {
    const rows: CellInput[][] = [
      [p.notStarted.code, null, 100, null, null],
      [p.own1.code, null, -5, null, null],
      [p.own2.code, null, '12.5', null, null],
      ['NO-SUCH-CODE', null, 10, null, null],
      [p.own1.code, null, { formula: '1+1', result: 2 }, null, null],
    ];
    const res = await importMonth(t.client, '2024-10', await sheet('2024年10月', '万元', rows), '?commit=true');
    expect(res.body.committed).toBe(false);
    // Not started: a rule about the project and the month, not about one cell (column null).
    expect(res.body.errors.map((e: { row: number; column: string | null }) => [e.row, e.column])).toEqual([
      [3, null],
      [4, '本月完成投资（万元）'],
      [5, '本月完成投资（万元）'],
      [6, '项目编码'],
      [7, '本月完成投资（万元）'],
    ]);
    expect(res.body.errors[0].message).toContain('尚未开工');

    const future = await importMonth(t.client, '2024-12', await sheet('2024年12月', '万元', [[p.own1.code, null, 10, null, null]]));
    expect(future.body.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining('尚未到来') })]);
  });

  it('a month closed by a published bulletin needs a correction reason (?reason=)', async () => {
    expect((await t.client.post('/api/bulletins/2024/10')).status).toBe(201);
    const buffer = await sheet('2024年10月', '万元', [[p.own1.code, null, 1600, '主体结构封顶', null]]);
    const refused = await importMonth(t.client, '2024-10', buffer, '?commit=true');
    expect(refused.body.errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining('更正原因') })]);
    const res = await importMonth(t.client, '2024-10', buffer, `?commit=true&reason=${encodeURIComponent('企业补报统计口径调整')}`);
    expect(res.body).toMatchObject({ updated: 1, errors: [], committed: true });
    const revisions = (await t.client.get(`/api/projects/${p.own1.id}/reports/2024-10/revisions`)).body;
    expect(revisions[revisions.length - 1]).toMatchObject({ amount: 1600, correction: true, reason: '企业补报统计口径调整' });
  });

  it('a sheet titled with another month is refused as a whole', async () => {
    const res = await importMonth(t.client, '2024-10', await sheet('东昌府区2024年9月月调度表', '万元', [[p.own1.code, null, 1, null, null]]));
    expect(res.status).toBe(422);
    expect(res.body.details[0].code).toBe('monthMismatch');
  });

  it('chain teams and auditors may not import reports', async () => {
    await t.client.post('/api/users').send({ username: 'auditor-r', password: 'auditor-password-r', role: 'auditor' });
    const auditor = t.clientWith(await t.login('auditor-r', 'auditor-password-r'));
    const res = await importMonth(auditor, '2024-10', await sheet('2024年10月', '万元', [[p.own1.code, null, 1, null, null]]));
    expect(res.status).toBe(403);
  });
});
