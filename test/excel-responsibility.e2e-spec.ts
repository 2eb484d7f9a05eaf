import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { personBody } from './factories/people.factory.js';
import { projectBody } from './factories/project.factory.js';
import { readBook, workbook } from './factories/workbooks.js';
import { binary } from './support/bulletin-figures.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The ledger carries who answers for each project (docs/domain/responsibility.md "In the ledger"):
 * 包联领导 (市级), 县级包联领导, 服务专员 by name, 项目联系人 and 联系电话. The import names people of the
 * register (one person in office of that name, else the row is refused and nothing is applied);
 * the export writes them, and imports back unchanged.
 */
describe('Excel: 包联领导, 服务专员 and 联系人 in the ledger', () => {
  let t: TestApp;
  let projectId: number;
  const CODE = 'RESP-LEDGER-1';
  const HEADER = ['项目编码', '项目名称', '县（市、区）', '包联领导', '县级包联领导', '服务专员', '项目联系人', '联系电话'];
  const ledger = (cells: (string | null)[]) => workbook({ name: '2024年台账', rows: [HEADER, [CODE, '包联台账测试项目', '东昌府区', ...cells]] });
  const importLedger = (buffer: Buffer, commit: boolean) => t.client.post(`/api/imports/ledger${commit ? '?commit=true' : ''}`).attach('file', buffer, 'ledger.xlsx');

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    for (const body of [
      { name: '（示例）甲', title: '副市长' },
      { name: '（示例）乙', title: '副区长', region: '371502' },
      { name: '（示例）丙', title: '服务专员' },
      { name: '（示例）同名', title: '科长' },
      { name: '（示例）同名', title: '副科长' },
    ])
      expect((await t.client.post('/api/people').send(personBody(body))).status).toBe(201);
    projectId = (await t.client.post('/api/projects').send(projectBody({ code: CODE, name: '包联台账测试项目', region: '371502' }))).body.id;
  });
  afterAll(async () => t.close());

  it('a name not in the register, or shared by two people, refuses the row at its cell; a commit then applies nothing', async () => {
    const before = await databaseState(t.dataSource);
    const unknown = await importLedger(await ledger(['（示例）甲', null, '（示例）不在名册', null, null]), true);
    expect(unknown.body.committed).toBe(false);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ row: 2, column: '服务专员', message: expect.stringContaining('不在人员名册中') })]);
    const shared = await importLedger(await ledger(['（示例）同名', null, null, null, null]), true);
    expect(shared.body.errors).toEqual([expect.objectContaining({ column: '包联领导', message: expect.stringContaining('有多位') })]);
    const county = await importLedger(await ledger(['（示例）乙', null, null, null, null]), true);
    expect(county.body.errors).toEqual([expect.objectContaining({ column: '包联领导', message: expect.stringContaining('须为市级人员') })]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('names people and the contact; a blank cell changes nothing; the change is in the project\'s history', async () => {
    const res = await importLedger(await ledger(['（示例）甲', '（示例）乙', '（示例）丙', '（示例）企业联系人', '13800000000']), true);
    expect(res.body).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0, errors: [], committed: true });
    const view = (await t.client.get(`/api/projects/${projectId}/responsibility`)).body;
    expect(view).toMatchObject({
      cityLeader: { name: '（示例）甲' },
      countyLeader: { name: '（示例）乙' },
      commissioner: { name: '（示例）丙' },
      commissionerKind: 'enterprise',
      contact: { name: '（示例）企业联系人', phone: '13800000000' },
      revision: 1,
    });
    // blank cells: nothing to change
    const blank = await importLedger(await ledger([null, null, null, null, null]), true);
    expect(blank.body).toMatchObject({ updated: 0, unchanged: 1 });
    expect((await t.client.get(`/api/projects/${projectId}/responsibility`)).body.revision).toBe(1);
    const history = (await t.client.get(`/api/projects/${projectId}/history`)).body.filter((h: { kind: string }) => h.kind === 'responsibility');
    expect(history).toHaveLength(1);
  });

  it('the export writes the names and the contact, and imports back unchanged', async () => {
    const res = await t.client.get('/api/exports/ledger.xlsx?year=2024').buffer(true).parse(binary);
    const sheet = (await readBook(res.body)).worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
    const row = sheet.getRow(4);
    const cell = (label: string) => row.getCell(header.indexOf(label)).value;
    expect(['市级包联领导', '县级包联领导', '服务专员', '项目联系人', '联系电话'].map(cell)).toEqual(['（示例）甲', '（示例）乙', '（示例）丙', '（示例）企业联系人', '13800000000']);
    const before = await databaseState(t.dataSource);
    const again = await importLedger(res.body, true);
    expect(again.body).toMatchObject({ rows: 1, created: 0, updated: 0, unchanged: 1, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});
