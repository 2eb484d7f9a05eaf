import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { dateCell, workbook, yiText, type CellInput, type DateStyle, type SheetLayout } from './factories/workbooks.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The ledger import (台账): workbooks laid out the ways offices lay them out, built here from a
 * list of "truth" projects, import to exactly those projects; a bad row makes the whole file
 * apply nothing and is named; re-importing changes nothing; a changed row updates by code.
 */
interface Truth {
  code: string;
  name: string;
  owner: string;
  /** Region code, and the way the sheet writes it. */
  region: string;
  regionText: string;
  chain: string;
  chainText: string;
  totalWan: number;
  category: 'implementation' | 'preparation' | null;
  plannedWan: number | null;
  plannedStart: string;
  actualStart: string | null;
  stage: string;
  stageText: string | null;
  /** null: the layout has no 建设内容 column. */
  content: string | null;
}

const FIRST_DAY_APPROVALS = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'];

describe('ledger import (台账导入)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
  });
  afterAll(() => t.close());

  const importLedger = (buffer: Buffer, query = '', name = '台账.xlsx') => t.client.post(`/api/imports/ledger${query}`).attach('file', buffer, name);
  const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

  async function projectByCode(code: string) {
    const list = await t.client.get(`/api/projects?q=${encodeURIComponent(code)}`);
    const item = list.body.items.find((p: { code: string }) => p.code === code);
    expect(item).toBeDefined();
    return (await t.client.get(`/api/projects/${item.id}`)).body;
  }

  /** Every truth project exists with exactly the truth's data, list place and stage. */
  async function expectProjects(truths: Truth[], year = 2024) {
    for (const truth of truths) {
      const p = await projectByCode(truth.code);
      expect({
        name: p.name,
        ownerEnterprise: p.ownerEnterprise,
        region: p.region,
        chain: p.chain,
        totalInvestment: p.totalInvestment,
        content: p.content,
        plannedStartDate: p.plannedStartDate,
        actualStartDate: p.actualStartDate,
        stage: p.stage,
        lists: p.lists,
      }).toEqual({
        name: truth.name,
        ownerEnterprise: truth.owner,
        region: truth.region,
        chain: truth.chain,
        totalInvestment: truth.totalWan,
        content: truth.content,
        plannedStartDate: truth.plannedStart,
        actualStartDate: truth.actualStart,
        stage: truth.stage,
        lists: truth.category ? [{ year, category: truth.category, plannedInvestment: truth.plannedWan }] : [],
      });
      // Started without approval columns: the six approvals are taken as obtained on the start date.
      if (truth.actualStart) expect(Object.values(p.approvals)).toEqual(FIRST_DAY_APPROVALS.map(() => truth.actualStart));
    }
  }

  /** Dry run (nothing changes), commit (all created), history names the file, re-import changes nothing. */
  async function importsExactly(buffer: Buffer, truths: Truth[], options: { query?: string; year?: number } = {}) {
    const query = options.query ?? '';
    const before = await databaseState(t.dataSource);
    const dry = await importLedger(buffer, query);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ rows: truths.length, created: truths.length, updated: 0, unchanged: 0, errors: [], committed: false });
    expect(await databaseState(t.dataSource)).toEqual(before);

    const commit = await importLedger(buffer, `${query}${query ? '&' : '?'}commit=true`);
    expect(commit.body).toMatchObject({ rows: truths.length, created: truths.length, updated: 0, unchanged: 0, errors: [], committed: true });
    await expectProjects(truths, options.year);

    const first = await projectByCode(truths[0].code);
    const history = (await t.client.get(`/api/projects/${first.id}/history`)).body;
    const record = history.find((h: { data: { import?: unknown } }) => h.data && h.data.import);
    expect(record.data.import).toMatchObject({ kind: 'ledger', file: '台账.xlsx', sha256: sha256(buffer), action: 'created' });

    const settled = await databaseState(t.dataSource);
    const again = await importLedger(buffer, `${query}${query ? '&' : '?'}commit=true`);
    expect(again.body).toMatchObject({ rows: truths.length, created: 0, updated: 0, unchanged: truths.length, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(settled);
  }

  // -------------------------------------------------------------------------------------------
  // Layout A: one title row (merged), 单位：万元 in the second row, a one-row header, the
  // contract's header words, numbers as numbers, dates as Excel dates and ISO text.
  const layoutA: Truth[] = [
    { code: 'XA-001', name: '鲁西化工有机硅（示例A1）', owner: '聊城示例化工有限公司', region: '371502', regionText: '东昌府区', chain: 'green-chemical', chainText: '绿色化工', totalWan: 520000, category: 'implementation', plannedWan: 120000, plannedStart: '2024-03-01', actualStart: '2024-03-15', stage: 'implementation.active', stageText: '已开工', content: '建设有机硅单体装置' },
    { code: 'XA-002', name: '精品钢管产业园（示例A2）', owner: '聊城示例钢管有限公司', region: '371581', regionText: '临清市', chain: 'ferrous', chainText: '黑色金属', totalWan: 86000, category: 'preparation', plannedWan: 20000, plannedStart: '2024-09-20', actualStart: null, stage: 'preparation', stageText: '准备', content: '新建钢管生产线' },
    { code: 'XA-003', name: '轴承产业大脑（示例A3）', owner: '聊城示例轴承有限公司', region: '371581', regionText: '371581', chain: 'bearings', chainText: '高端轴承', totalWan: 9000, category: null, plannedWan: null, plannedStart: '2025-03-01', actualStart: null, stage: 'reserve', stageText: '储备', content: '产业互联网平台' },
  ];
  const sheetA = (truths: Truth[], planStyle: DateStyle = 'excel'): SheetLayout => ({
    rows: [
      ['聊城市2024年制造业重点项目台账'],
      ['单位：万元'],
      ['序号', '项目编码', '项目名称', '建设单位', '县（市、区）', '产业链', '总投资', '年度计划投资', '计划开工时间', '开工时间', '项目类别', '当前阶段', '建设内容'],
      ...truths.map((p, i): CellInput[] => [
        i + 1,
        p.code,
        p.name,
        p.owner,
        p.regionText,
        p.chainText,
        p.totalWan,
        p.plannedWan,
        dateCell(p.plannedStart, planStyle),
        p.actualStart ? dateCell(p.actualStart, 'iso') : null,
        p.category === 'implementation' ? '实施类' : p.category === 'preparation' ? '准备类' : null,
        p.stageText,
        p.content,
      ]),
    ],
    merges: ['A1:M1', 'A2:M2'],
  });

  it('layout A: title rows, one header row, 万元 from the title, Excel and ISO dates', async () => {
    await importsExactly(await workbook(sheetA(layoutA)), layoutA);
  });

  it('a changed row updates the project by its code, and the history names the file and its hash', async () => {
    const changed = layoutA.map((p) => (p.code === 'XA-002' ? { ...p, owner: '聊城示例钢管集团有限公司', totalWan: 90000, plannedWan: 25000 } : p));
    const buffer = await workbook(sheetA(changed));
    const res = await importLedger(buffer, '?commit=true', '台账-修订.xlsx');
    expect(res.body).toMatchObject({ rows: 3, created: 0, updated: 1, unchanged: 2, errors: [], committed: true });
    await expectProjects(changed);
    const p = await projectByCode('XA-002');
    const history = (await t.client.get(`/api/projects/${p.id}/history`)).body;
    const last = history[history.length - 1];
    expect(last.data.import).toMatchObject({ kind: 'ledger', file: '台账-修订.xlsx', sha256: sha256(buffer), action: 'updated', row: 5 });
    const edit = history.find((h: { kind: string; data: Record<string, unknown> }) => h.kind === 'updated' && 'totalInvestmentWan' in h.data);
    expect(edit.data.totalInvestmentWan).toEqual({ from: 86000, to: 90000 });
    const audit = await t.dataSource.query(`SELECT entity, entity_id, action, "after" FROM audit_entry WHERE entity = 'import' ORDER BY seq DESC LIMIT 1`);
    expect(audit[0].entity_id).toBe(`ledger:${sha256(buffer).slice(0, 16)}`);
    expect(JSON.parse(audit[0].after)).toMatchObject({ file: '台账-修订.xlsx', sha256: sha256(buffer), updated: 1 });
  });

  // -------------------------------------------------------------------------------------------
  // Layout B: two title rows, a two-row header with merged cells (序号…merged down; 开工时间
  // across 计划/实际), 亿元 in the header, region and chain short names, dates as text forms.
  const layoutB: Truth[] = [
    { code: 'XB-001', name: '新泉林纸浆模塑（示例B1）', owner: '聊城示例纸业有限公司', region: '371503', regionText: '茌平县', chain: 'light-textile', chainText: '轻工纺织产业链', totalWan: 123456, category: 'implementation', plannedWan: 35000, plannedStart: '2024-02-01', actualStart: '2024-04-08', stage: 'implementation.active', stageText: '在建', content: '年产8000吨纸浆模塑' },
    { code: 'XB-002', name: '汽车零部件智造（示例B2）', owner: '聊城示例汽配有限公司', region: '371571', regionText: '经开区', chain: 'auto-parts', chainText: '汽车零部件', totalWan: 15000, category: 'implementation', plannedWan: 5000, plannedStart: '2024-01-01', actualStart: '2024-01-20', stage: 'implementation.active', stageText: '已开工', content: '=新建冲压线（以等号开头的文本）' },
    { code: 'XB-003', name: '新能源电池材料（示例B3）', owner: '聊城示例新能源有限公司', region: '371572', regionText: '高新区', chain: 'new-energy', chainText: '新能源', totalWan: 505000, category: 'preparation', plannedWan: 100000, plannedStart: '2024-08-01', actualStart: null, stage: 'preparation', stageText: '前期手续办理中', content: '正极材料项目' },
    { code: 'XB-004', name: '大健康产业园（示例B4）', owner: '聊城示例健康有限公司', region: '371573', regionText: '度假区', chain: 'health', chainText: '大健康', totalWan: 30001, category: 'preparation', plannedWan: 8000, plannedStart: '2024-11-01', actualStart: null, stage: 'preparation', stageText: '未开工', content: '康养中心' },
  ];
  const planStylesB: DateStyle[] = ['dotMonth', 'numberMonth', 'cnMonth', 'compact'];
  const startStylesB: DateStyle[] = ['slash', 'cnDay', 'serial', 'serial'];
  const sheetB = (truths: Truth[]): SheetLayout => ({
    name: '2024年清单',
    rows: [
      ['2024年聊城市制造业重点项目清单'],
      ['填报单位：市链长办'],
      ['序号', '项目编码', '项目名称', '项目单位', '县市区', '产业链', '总投资（亿元）', '年度计划投资（亿元）', '开工时间', null, '项目类别', '进展', '建设内容'],
      [null, null, null, null, null, null, null, null, '计划', '实际', null, null, null],
      ...truths.map((p, i): CellInput[] => [
        i + 1,
        p.code,
        p.name,
        p.owner,
        p.regionText,
        p.chainText,
        i % 2 === 0 ? yiText(p.totalWan) : Number(yiText(p.totalWan)),
        p.plannedWan === null ? null : i % 2 === 0 ? Number(yiText(p.plannedWan)) : yiText(p.plannedWan),
        dateCell(p.plannedStart, planStylesB[i]),
        p.actualStart ? dateCell(p.actualStart, startStylesB[i]) : null,
        p.category === 'implementation' ? '实施类' : '准备类',
        p.stageText,
        p.content,
      ]),
    ],
    merges: ['A1:M1', 'A2:M2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:J3', 'K3:K4', 'L3:L4', 'M3:M4'],
  });

  it('layout B: two-row merged header, 亿元 converted exactly, short names, text and number date forms', async () => {
    await importsExactly(await workbook(sheetB(layoutB)), layoutB, { query: '?year=2024' });
  });

  // -------------------------------------------------------------------------------------------
  // Layout C: no code column (matched by name within the county, new codes from each county's
  // sequence LC{year}-{county}-{n}: three counties, so each the first of its own), section rows giving
  // the list (一、实施类项目), a total row, 万元 in each header, a drop-down on whole columns.
  const layoutC: Truth[] = [
    { code: 'LC2024-371526-001', name: '鑫昌纺织气流纺（示例C1）', owner: '聊城示例纺织有限公司', region: '371526', regionText: '高唐县', chain: 'light-textile', chainText: '轻工纺织', totalWan: 60000, category: 'implementation', plannedWan: 20000, plannedStart: '2024-03-01', actualStart: '2024-03-10', stage: 'implementation.active', stageText: null, content: null },
    { code: 'LC2024-371522-001', name: '农副产品深加工（示例C2）', owner: '聊城示例食品有限公司', region: '371522', regionText: '莘县', chain: 'agri-food', chainText: '农副产品加工', totalWan: 12000, category: 'implementation', plannedWan: 6000, plannedStart: '2024-04-01', actualStart: '2024-04-02', stage: 'implementation.active', stageText: null, content: null },
    { code: 'LC2024-371524-001', name: '绿色建材产业园（示例C3）', owner: '聊城示例建材有限公司', region: '371524', regionText: '东阿', chain: 'building-materials', chainText: '绿色建材', totalWan: 40000, category: 'preparation', plannedWan: 10000, plannedStart: '2024-10-01', actualStart: null, stage: 'preparation', stageText: null, content: null },
  ];
  const rowC = (p: Truth, seq: number): CellInput[] => [seq, p.name, p.owner, p.regionText, p.chainText, p.totalWan, p.plannedWan, dateCell(p.plannedStart, 'iso'), p.actualStart ? dateCell(p.actualStart, 'excel') : null];
  const sheetC = (truths: Truth[]): SheetLayout => ({
    rows: [
      ['聊城市制造业重点项目推进情况表'],
      ['序号', '项目名称', '建设单位', '所在县区', '产业链', '总投资（万元）', '年度计划投资（万元）', '计划开工时间', '实际开工时间'],
      ['一、实施类项目（2个）'],
      rowC(truths[0], 1),
      rowC(truths[1], 2),
      ['二、准备类项目（1个）'],
      rowC(truths[2], 3),
      ['合计', null, null, null, null, truths.reduce((s, p) => s + p.totalWan, 0), truths.reduce((s, p) => s + (p.plannedWan ?? 0), 0)],
    ],
    merges: ['A1:I1', 'A3:I3', 'A6:I6', 'A8:E8'],
    lists: [{ range: 'D3:D1048576', values: ['东昌府区', '高唐县', '莘县'] }],
  });

  it('layout C: no code column, section rows set the list, total row skipped, whole-column drop-downs', async () => {
    await importsExactly(await workbook(sheetC(layoutC)), layoutC);
  });

  // -------------------------------------------------------------------------------------------
  it('a bad row makes the whole file apply nothing, and every problem names its row and column', async () => {
    const good: Truth = { ...layoutA[0], code: 'XD-001', name: '好的一行（示例D1）' };
    const rows = sheetA([good]).rows;
    const bad = (over: Record<number, CellInput>): CellInput[] => {
      const row = [...rows[3]];
      for (const [index, value] of Object.entries(over)) row[Number(index)] = value;
      return row;
    };
    const layout: SheetLayout = {
      rows: [
        ...rows,
        bad({ 1: 'XD-002', 2: '未知县区（示例D2）', 4: '火星区' }),
        bad({ 1: 'XD-003', 2: '金额过细（示例D3）', 6: '12.5' }),
        bad({ 1: 'XD-004', 2: '公式（示例D4）', 6: { formula: '100*2', result: 200 } }),
        bad({ 1: 'XD-005', 2: '未来开工（示例D5）', 9: '2024-07-15' }),
        bad({ 1: 'XD-006', 2: '竣工无月报（示例D6）', 11: '已竣工' }),
        bad({ 1: 'XD-001', 2: '重复编码（示例D7）' }),
        bad({ 1: 'XD-008', 2: '日期无法识别（示例D8）', 8: '明年春天' }),
      ],
      merges: ['A1:M1', 'A2:M2'],
    };
    const before = await databaseState(t.dataSource);
    const res = await importLedger(await workbook(layout), '?commit=true');
    expect(res.status).toBe(200);
    expect(res.body.committed).toBe(false);
    expect(res.body.rows).toBe(8);
    const byRow = (row: number) => res.body.errors.filter((e: { row: number }) => e.row === row);
    expect(res.body.errors.every((e: { row: number }) => e.row >= 5)).toBe(true);
    expect(byRow(4)).toEqual([]);
    const sheet = 'Sheet1';
    expect(byRow(5)).toEqual([{ row: 5, sheet, column: '县（市、区）', message: expect.stringContaining('火星区') }]);
    expect(byRow(6)).toEqual([{ row: 6, sheet, column: '总投资', message: expect.stringContaining('1 万元以下') }]);
    expect(byRow(7)).toEqual([{ row: 7, sheet, column: '总投资', message: expect.stringContaining('公式') }]);
    expect(byRow(8)).toEqual([{ row: 8, sheet, column: '开工时间', message: expect.stringMatching(/2024-07-15 晚于今天/) }]);
    expect(byRow(9)).toEqual([expect.objectContaining({ row: 9, sheet, message: expect.stringContaining('竣工') })]);
    expect(byRow(10)).toEqual([{ row: 10, sheet, column: '项目编码', message: expect.stringContaining('第 4 行') }]);
    expect(byRow(11)).toEqual([{ row: 11, sheet, column: '计划开工时间', message: expect.stringContaining('明年春天') }]);
    // Nothing at all was applied, not even the good row.
    expect(await databaseState(t.dataSource)).toEqual(before);
    expect((await t.client.get('/api/projects?q=XD-001')).body.total).toBe(0);
  });

  it('refuses a stage move the ledger cannot make (停工 needs a reason), naming the row', async () => {
    const halted = layoutA.map((p) => (p.code === 'XA-001' ? { ...p, stageText: '停工' } : p));
    const before = await databaseState(t.dataSource);
    const res = await importLedger(await workbook(sheetA(halted)), '?commit=true');
    expect(res.body.committed).toBe(false);
    expect(res.body.errors).toEqual([{ row: 4, sheet: 'Sheet1', column: '当前阶段', message: expect.stringContaining('停工需要原因') }]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('a money column without a unit is refused as a whole (422), naming the column', async () => {
    const layout = sheetA(layoutA);
    layout.rows[1] = ['填报日期：2024-06-30'];
    const res = await importLedger(await workbook(layout));
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['总投资', '年度计划投资']);
  });

  it('only the city office imports the ledger', async () => {
    await t.client.post('/api/users').send({ username: 'region-x', password: 'region-password-x', role: 'region', region: '371502' });
    const region = t.clientWith(await t.login('region-x', 'region-password-x'));
    const res = await region.post('/api/imports/ledger').attach('file', await workbook(sheetA(layoutA)), 'a.xlsx');
    expect(res.status).toBe(403);
  });
});
