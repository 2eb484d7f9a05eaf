import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startedProject } from './factories/project.factory.js';
import { readBook, workbook } from './factories/workbooks.js';
import { binary } from './support/bulletin-figures.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The ledger carries each project's milestones in one 节点计划 column (docs/excel-import.md
 * "Milestones in the ledger"): the import reads the text into the project's milestones through the
 * same services as the API (history, audit, the derived plan curve, the board's 节点滞后), a blank cell
 * changes nothing, a cell it cannot read refuses the row (and a commit applies nothing); the export
 * writes the same text, and imports back unchanged. Expected figures worked by hand below.
 */
describe('Excel: 节点计划 in the ledger', () => {
  let t: TestApp;
  let id: number;
  let otherId: number;
  const CODE = 'MS-LEDGER-1';
  const OTHER = 'MS-LEDGER-2';
  const NAME = '节点台账测试项目';
  const OTHER_NAME = '节点台账测试项目二';
  const HEADER = ['项目编码', '项目名称', '县（市、区）', '节点计划'];
  const ledger = (...rows: (string | null)[][]) => workbook({ name: '2024年台账', rows: [HEADER, ...rows] });
  const mine = (cell: string | null) => [CODE, NAME, '东昌府区', cell];
  const importLedger = (buffer: Buffer, commit = true) => t.client.post(`/api/imports/ledger${commit ? '?commit=true' : ''}`).attach('file', buffer, 'ledger.xlsx');
  const milestones = async (projectId: number) => (await t.client.get(`/api/projects/${projectId}/milestones`)).body;
  const entryOf = async (projectId: number) =>
    ((await t.client.get('/api/lists/2024')).body as { projectId: number; monthlyPlan?: number[]; monthlyPlanSource?: string }[]).find((e) => e.projectId === projectId);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    // Started 2024-03-01, on the 2024 implementation list with 1,000 万元 planned.
    id = await startedProject(t.client, { code: CODE, name: NAME, region: '371502' }, 200, 1000);
    otherId = await startedProject(t.client, { code: OTHER, name: OTHER_NAME, region: '371502' }, 200, 600);
  });
  afterAll(async () => t.close());

  it('refuses a cell it cannot read, or milestones the API would refuse, at the 节点计划 cell; a commit then applies nothing', async () => {
    const before = await databaseState(t.dataSource);
    const unreadable = await importLedger(await ledger([OTHER, OTHER_NAME, '东昌府区', '开工 2024-03-01'], mine('开工 3月1日；主体完工')));
    expect(unreadable.body.committed).toBe(false);
    expect(unreadable.body.errors).toEqual([
      {
        row: 3,
        sheet: '2024年台账',
        column: '节点计划',
        message: expect.stringMatching(/^节点计划无法识别（第 1 项“开工 3月1日”不是“节点名称 计划日期”；第 2 项“主体完工”不是“节点名称 计划日期”）：请写成“节点名称 计划日期”.*开工 2025-03-01（实际 2025-03-05）；设备安装 2025-08-31/),
      },
    ]);
    const badDate = await importLedger(await ledger(mine('开工 2024-02-30')));
    expect(badDate.body.errors).toEqual([expect.objectContaining({ column: '节点计划', message: expect.stringContaining('计划日期：日期 2024-02-30 不存在') })]);
    const twice = await importLedger(await ledger(mine('开工 2024-03-01；开工 2024-05-01')));
    expect(twice.body.errors).toEqual([expect.objectContaining({ row: 2, column: '节点计划', message: expect.stringContaining('节点“开工”重复') })]);
    // Today is 2024-06-30: an actual date in July has not happened.
    const future = await importLedger(await ledger(mine('开工 2024-03-01（实际 2024-07-05）')));
    expect(future.body.errors).toEqual([expect.objectContaining({ column: '节点计划', message: expect.stringContaining('不能晚于今天（2024-06-30）') })]);
    expect(await databaseState(t.dataSource)).toEqual(before);
    expect(await milestones(otherId)).toEqual([]);
  });

  it('applies the milestones as the API does: history and audit, the derived curve, 节点滞后 on the board', async () => {
    const seqBefore = (await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq;
    const res = await importLedger(await ledger(mine('开工：2024/3/1（实际 2024年3月1日）;主体完工 2024-06-20\n竣工投产 2024年10月底')));
    expect(res.body).toMatchObject({ rows: 1, created: 0, updated: 1, unchanged: 0, errors: [], committed: true });
    expect(await milestones(id)).toEqual([
      { name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' },
      { name: '主体完工', plannedDate: '2024-06-20', actualDate: null },
      { name: '竣工投产', plannedDate: '2024-10-31', actualDate: null },
    ]);
    // March–October, 8 months: 1,000 ÷ 8 = 125 a month, no remainder.
    expect(await entryOf(id)).toMatchObject({ monthlyPlan: [0, 0, 125, 125, 125, 125, 125, 125, 125, 125, 0, 0], monthlyPlanSource: 'milestones' });
    const audit = (await t.dataSource.query('SELECT entity, action, reason FROM audit_entry WHERE seq > ? ORDER BY seq', [seqBefore])) as { entity: string; action: string; reason: string | null }[];
    expect(audit).toEqual([
      { entity: 'project', action: 'milestones', reason: '台账导入：ledger.xlsx' },
      { entity: 'list', action: 'change', reason: '按节点计划推算月度计划：台账导入：ledger.xlsx' },
      expect.objectContaining({ entity: 'import', action: 'import' }),
    ]);
    const history = (await t.client.get(`/api/projects/${id}/history`)).body as { data?: { milestones?: unknown; import?: { file: string } } }[];
    expect(history.filter((h) => h.data?.milestones)).toHaveLength(1);
    // 主体完工 was due 2024-06-20 and is not reached by 30 June: 节点滞后 on June's (kept) board.
    const red = ((await t.client.get('/api/dashboard/2024?month=6')).body.redList as { projectId: number; kind: string; reason: string }[]).filter((i) => i.projectId === id && i.kind === 'milestone');
    expect(red.map((i) => i.reason)).toEqual(['节点滞后：主体完工计划 2024-06-20 完成，尚未完成']);
  });

  it('a blank 节点计划 cell changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const res = await importLedger(await ledger(mine(null), [OTHER, OTHER_NAME, '东昌府区', '  ']));
    expect(res.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [], committed: true });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('the export writes the milestones as text, and imports back unchanged', async () => {
    const res = await t.client.get('/api/exports/ledger.xlsx?year=2024').buffer(true).parse(binary);
    const sheet = (await readBook(res.body)).worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
    const column = header.indexOf('节点计划');
    expect(column).toBeGreaterThan(0);
    const cells = new Map<string, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 3) cells.set(String(row.getCell(header.indexOf('项目编码')).value), row.getCell(column).value);
    });
    expect(cells.get(CODE)).toBe('开工 2024-03-01（实际 2024-03-01）；主体完工 2024-06-20；竣工投产 2024-10-31');
    expect(cells.get(OTHER)).toBeNull();
    const before = await databaseState(t.dataSource);
    const again = await importLedger(res.body);
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(before);

    // A changed cell in the exported file: the whole list is replaced (主体完工 reached, 设备安装 added).
    const changed = await ledger(mine('开工 2024-03-01（实际 2024-03-01）；主体完工 2024-06-20（实际 2024-06-28）；设备安装 2024-08-31；竣工投产 2024-10-31'));
    expect((await importLedger(changed)).body).toMatchObject({ updated: 1, errors: [] });
    expect((await milestones(id)).map((m: { name: string; actualDate: string | null }) => [m.name, m.actualDate])).toEqual([
      ['开工', '2024-03-01'],
      ['主体完工', '2024-06-28'],
      ['设备安装', null],
      ['竣工投产', null],
    ]);
  });
});
