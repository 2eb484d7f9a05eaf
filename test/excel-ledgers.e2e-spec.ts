import { Clock, projectRoot } from '../src/common/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * County ledgers as offices keep them, written by another program (openpyxl:
 * test/fixtures/make-ledgers.py), one workbook per layout trait. For each, the outcome of every
 * row was worked out by hand from the workbook's cells and is written below as a literal table:
 * created or updated, the stage and the evidence that decided it, the stored money in 万元, the
 * dates, the list place and the 形象进度. The dry run and the commit must both equal it, and
 * importing the same file again must change nothing at all (audit log included).
 * Today is 2024-06-30 (Asia/Shanghai).
 */
const fixture = (name: string) => readFileSync(join(projectRoot(), 'test/fixtures/ledgers', name));

type Evidence = 'completionDate' | 'startDate' | 'stageText' | 'listCategory' | 'sheetName' | 'recorded' | 'none';
type Stage = 'reserve' | 'preparation' | 'implementation.active' | 'implementation.halted' | 'completed';
type List = { year: number; category: 'implementation' | 'preparation'; plannedInvestment: number };

interface Expected {
  sheet: string;
  row: number;
  code: string;
  outcome: 'created' | 'updated';
  stage: Stage;
  evidence: Evidence;
  /** The decision carries a warning (实施类 without a start date). */
  warning?: true;
  name: string;
  owner: string;
  region: string;
  chain: string;
  totalWan: number;
  plannedStart: string;
  actualStart: string | null;
  lists: List[];
  progress?: string | null;
  plannedCompletion?: string | null;
  actualCompletion?: string | null;
}

const impl = (plannedInvestment: number): List[] => [{ year: 2024, category: 'implementation', plannedInvestment }];
const prep = (plannedInvestment: number): List[] => [{ year: 2024, category: 'preparation', plannedInvestment }];

describe('county ledgers written by another program (fixtures)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
  });
  afterAll(() => t.close());

  const post = (file: string, query = '') => t.client.post(`/api/imports/ledger${query}`).attach('file', fixture(file), file);
  const withCommit = (query: string) => `${query}${query ? '&' : '?'}commit=true`;

  async function projectByCode(code: string) {
    const list = await t.client.get(`/api/projects?q=${encodeURIComponent(code)}`);
    const item = list.body.items.find((p: { code: string }) => p.code === code);
    expect([code, item === undefined]).toEqual([code, false]);
    return (await t.client.get(`/api/projects/${item.id}`)).body;
  }

  /** The result's rows as the table lists them. */
  const decisionsOf = (body: { decisions: { sheet: string; row: number; stage: string; evidence: string; warning: string | null }[] }) =>
    body.decisions.map((d) => [d.sheet, d.row, d.stage, d.evidence, d.warning !== null]);
  const expectedDecisions = (rows: Expected[]) => rows.map((r) => [r.sheet, r.row, r.stage, r.evidence, r.warning === true]);
  const counts = (rows: Expected[]) => ({
    rows: rows.length,
    created: rows.filter((r) => r.outcome === 'created').length,
    updated: rows.filter((r) => r.outcome === 'updated').length,
    unchanged: 0,
    errors: [],
  });

  /**
   * Dry run (equal to the table, nothing written), commit (equal again), every project as the
   * table says, then the same file again: every row unchanged and not one row of any table,
   * the audit log included, different.
   */
  async function importsAsExpected(file: string, rows: Expected[], options: { skipped?: [string, number | null, string][]; sheets?: string[]; query?: string } = {}) {
    const query = options.query ?? '';
    const before = await databaseState(t.dataSource);
    const dry = await post(file, query);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ...counts(rows), committed: false });
    expect(decisionsOf(dry.body)).toEqual(expectedDecisions(rows));
    expect(dry.body.skipped.map((s: { sheet: string; row: number | null; kind: string }) => [s.sheet, s.row, s.kind])).toEqual(options.skipped ?? []);
    if (options.sheets) expect(dry.body.sheets).toEqual(options.sheets);
    expect(await databaseState(t.dataSource)).toEqual(before);

    const commit = await post(file, withCommit(query));
    expect(commit.body).toMatchObject({ ...counts(rows), committed: true });
    expect(decisionsOf(commit.body)).toEqual(expectedDecisions(rows));

    for (const row of rows) {
      const p = await projectByCode(row.code);
      const actual = {
        code: p.code,
        name: p.name,
        ownerEnterprise: p.ownerEnterprise,
        region: p.region,
        chain: p.chain,
        totalInvestment: p.totalInvestment,
        plannedStartDate: p.plannedStartDate,
        actualStartDate: p.actualStartDate,
        stage: p.stage,
        lists: p.lists,
        progress: p.progress,
        ...(row.plannedCompletion !== undefined ? { plannedCompletionDate: p.plannedCompletionDate } : {}),
        ...(row.actualCompletion !== undefined ? { actualCompletionDate: p.actualCompletionDate } : {}),
      };
      expect(actual).toEqual({
        code: row.code,
        name: row.name,
        ownerEnterprise: row.owner,
        region: row.region,
        chain: row.chain,
        totalInvestment: row.totalWan,
        plannedStartDate: row.plannedStart,
        actualStartDate: row.actualStart,
        stage: row.stage,
        lists: row.lists,
        progress: row.progress ?? null,
        ...(row.plannedCompletion !== undefined ? { plannedCompletionDate: row.plannedCompletion } : {}),
        ...(row.actualCompletion !== undefined ? { actualCompletionDate: row.actualCompletion } : {}),
      });
    }

    const settled = await databaseState(t.dataSource);
    const again = await post(file, withCommit(query));
    expect(again.body).toMatchObject({ rows: rows.length, created: 0, updated: 0, unchanged: rows.length, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(settled);
    return dry.body;
  }

  it('several sheets 实施类 / 准备类 / 储备 without a 项目类别 column: the sheet gives the list', async () => {
    const common = { outcome: 'created' as const };
    await importsAsExpected(
      'sheets-by-category.xlsx',
      [
        { ...common, sheet: '实施类', row: 3, code: 'SC-001', stage: 'implementation.active', evidence: 'startDate', name: '鲁西新材料扩产项目（分表一）', owner: '聊城示例新材料有限公司', region: '371502', chain: 'green-chemical', totalWan: 80000, plannedStart: '2024-02-01', actualStart: '2024-03-05', lists: impl(20000) },
        { ...common, sheet: '实施类', row: 4, code: 'SC-002', stage: 'preparation', evidence: 'sheetName', warning: true, name: '智能装备产业园项目（分表二）', owner: '聊城示例装备有限公司', region: '371581', chain: 'equipment', totalWan: 60000, plannedStart: '2024-09-01', actualStart: null, lists: impl(15000) },
        { ...common, sheet: '准备类', row: 3, code: 'SC-003', stage: 'preparation', evidence: 'sheetName', name: '高端轴承数字化车间（分表三）', owner: '聊城示例轴承有限公司', region: '371581', chain: 'bearings', totalWan: 30000, plannedStart: '2024-10-01', actualStart: null, lists: prep(5000) },
        { ...common, sheet: '准备类', row: 4, code: 'SC-004', stage: 'implementation.active', evidence: 'startDate', name: '新能源电池材料项目（分表四）', owner: '聊城示例新能源有限公司', region: '371572', chain: 'new-energy', totalWan: 45000, plannedStart: '2024-05-01', actualStart: '2024-05-20', lists: prep(9000) },
        { ...common, sheet: '储备', row: 3, code: 'SC-005', stage: 'reserve', evidence: 'sheetName', name: '大健康产业园储备项目（分表五）', owner: '聊城示例健康有限公司', region: '371524', chain: 'health', totalWan: 120000, plannedStart: '2025-03-01', actualStart: null, lists: [] },
      ],
      { sheets: ['实施类', '准备类', '储备'], skipped: [['说明', null, 'sheet']] },
    );
  });

  it('县（市、区）and 产业链 merged down over groups of rows', async () => {
    const common = { outcome: 'created' as const, sheet: '台账' };
    await importsAsExpected('merged-groups.xlsx', [
      { ...common, row: 4, code: 'MG-001', stage: 'implementation.active', evidence: 'startDate', name: '阿胶产业园扩建项目（合并一）', owner: '聊城示例阿胶有限公司', region: '371524', chain: 'health', totalWan: 56000, plannedStart: '2024-03-01', actualStart: '2024-04-10', lists: impl(12000) },
      { ...common, row: 5, code: 'MG-002', stage: 'preparation', evidence: 'listCategory', name: '中药饮片加工项目（合并二）', owner: '聊城示例中药有限公司', region: '371524', chain: 'health', totalWan: 18000, plannedStart: '2024-11-01', actualStart: null, lists: prep(4000) },
      { ...common, row: 6, code: 'MG-003', stage: 'preparation', evidence: 'listCategory', name: '粮油深加工项目（合并三）', owner: '聊城示例粮油有限公司', region: '371524', chain: 'agri-food', totalWan: 26000, plannedStart: '2024-12-01', actualStart: null, lists: prep(6000) },
      { ...common, row: 7, code: 'MG-004', stage: 'implementation.active', evidence: 'startDate', name: '果蔬冷链物流加工项目（合并四）', owner: '聊城示例冷链有限公司', region: '371525', chain: 'agri-food', totalWan: 22000, plannedStart: '2024-01-01', actualStart: '2024-01-15', lists: impl(7000) },
      { ...common, row: 8, code: 'MG-005', stage: 'reserve', evidence: 'none', name: '面粉精深加工储备项目（合并五）', owner: '聊城示例面业有限公司', region: '371525', chain: 'agri-food', totalWan: 15000, plannedStart: '2025-05-01', actualStart: null, lists: [] },
    ]);
  });

  it('section rows, 小计 and 合计 rows and blank rows are skipped and reported', async () => {
    const common = { outcome: 'created' as const, sheet: '推进表', owner: '', region: '371522' };
    await importsAsExpected(
      'totals-and-blanks.xlsx',
      [
        { ...common, row: 5, code: 'TB-001', stage: 'implementation.active', evidence: 'startDate', name: '纺织智能化改造项目（合计一）', owner: '聊城示例纺织有限公司', chain: 'light-textile', totalWan: 20000, plannedStart: '2024-02-01', actualStart: '2024-03-01', lists: impl(6000) },
        { ...common, row: 6, code: 'TB-002', stage: 'implementation.active', evidence: 'startDate', name: '食品包装材料项目（合计二）', owner: '聊城示例包装有限公司', chain: 'light-textile', totalWan: 14000, plannedStart: '2024-02-01', actualStart: '2024-02-20', lists: impl(5000) },
        { ...common, row: 10, code: 'TB-003', stage: 'preparation', evidence: 'listCategory', name: '绿色建材产业园项目（合计三）', owner: '聊城示例建材有限公司', chain: 'building-materials', totalWan: 40000, plannedStart: '2024-09-01', actualStart: null, lists: prep(8000) },
        { ...common, row: 13, code: 'TB-004', stage: 'preparation', evidence: 'listCategory', name: '汽车零部件铸造项目（合计四）', owner: '聊城示例铸造有限公司', chain: 'auto-parts', totalWan: 25000, plannedStart: '2024-10-15', actualStart: null, lists: prep(3000) },
      ],
      {
        skipped: [
          ['推进表', 4, 'section'],
          ['推进表', 7, 'total'],
          ['推进表', 8, 'blank'],
          ['推进表', 9, 'section'],
          ['推进表', 11, 'blank'],
          ['推进表', 14, 'total'],
          ['推进表', 15, 'total'],
        ],
      },
    );
  });

  it('units in a second header row (总投资 over 亿元, 年度计划投资 over 万元)', async () => {
    const common = { outcome: 'created' as const, sheet: '台账' };
    const body = await importsAsExpected('units-second-row.xlsx', [
      { ...common, row: 4, code: 'US-001', stage: 'implementation.active', evidence: 'startDate', name: '有色金属精深加工项目（单位一）', owner: '聊城示例铝业有限公司', region: '371503', chain: 'nonferrous', totalWan: 52000, plannedStart: '2024-03-01', actualStart: '2024-04-01', lists: impl(8000) },
      { ...common, row: 5, code: 'US-002', stage: 'preparation', evidence: 'listCategory', name: '新一代信息技术产业园（单位二）', owner: '聊城示例电子有限公司', region: '371571', chain: 'new-it', totalWan: 3500, plannedStart: '2024-11-01', actualStart: null, lists: prep(1200) },
      { ...common, row: 6, code: 'US-003', stage: 'implementation.active', evidence: 'startDate', name: '黑色金属材料升级项目（单位三）', owner: '聊城示例钢铁有限公司', region: '371581', chain: 'ferrous', totalWan: 123456, plannedStart: '2024-06-01', actualStart: '2024-06-18', lists: impl(2500) },
    ]);
    const headers = body.mapping.columns.map((c: { header: string; field: string | null }) => [c.header, c.field]);
    expect(headers).toEqual(expect.arrayContaining([['总投资（亿元）', 'total'], ['年度计划投资（万元）', 'planned']]));
  });

  it('money as text with units and separators: 12.5亿元, 3,000, １２，０００, 800万元, 5000000元, 1.35亿', async () => {
    const common = { outcome: 'created' as const, sheet: '台账' };
    await importsAsExpected('money-text.xlsx', [
      { ...common, row: 3, code: 'MT-001', stage: 'implementation.active', evidence: 'startDate', name: '化工新材料一体化项目（金额一）', owner: '聊城示例化工有限公司', region: '371502', chain: 'green-chemical', totalWan: 125000, plannedStart: '2024-03-01', actualStart: '2024-03-10', lists: impl(3000) },
      { ...common, row: 4, code: 'MT-002', stage: 'preparation', evidence: 'listCategory', name: '特种装备制造项目（金额二）', owner: '聊城示例重工有限公司', region: '371521', chain: 'equipment', totalWan: 12000, plannedStart: '2024-12-01', actualStart: null, lists: prep(800) },
      { ...common, row: 5, code: 'MT-003', stage: 'preparation', evidence: 'listCategory', name: '农产品烘干设备项目（金额三）', owner: '聊城示例农机有限公司', region: '371521', chain: 'equipment', totalWan: 500, plannedStart: '2024-12-01', actualStart: null, lists: prep(200) },
      { ...common, row: 6, code: 'MT-004', stage: 'implementation.active', evidence: 'startDate', name: '轴承保持架项目（金额四）', owner: '聊城示例保持架有限公司', region: '371581', chain: 'bearings', totalWan: 13500, plannedStart: '2024-05-01', actualStart: '2024-05-06', lists: impl(2000) },
    ]);
  });

  it('dates as offices write them: 2024年3月中旬, 3月底 (the year from the sheet name), 2024.03, ２０２６年３月, 5月下旬', async () => {
    const common = { outcome: 'created' as const, sheet: '2024年实施类', region: '371526' };
    await importsAsExpected('dates-text.xlsx', [
      { ...common, row: 3, code: 'DT-001', stage: 'implementation.active', evidence: 'startDate', name: '高唐纺织产业园项目（日期一）', owner: '聊城示例棉纺有限公司', chain: 'light-textile', totalWan: 33000, plannedStart: '2024-03-11', actualStart: '2024-03-31', plannedCompletion: '2025-12-01', lists: impl(9000) },
      { ...common, row: 4, code: 'DT-002', stage: 'implementation.active', evidence: 'startDate', name: '高唐食品加工项目（日期二）', owner: '聊城示例食品有限公司', chain: 'agri-food', totalWan: 17000, plannedStart: '2024-03-01', actualStart: '2024-04-08', plannedCompletion: '2025-06-30', lists: impl(5000) },
      { ...common, row: 5, code: 'DT-003', stage: 'preparation', evidence: 'listCategory', name: '高唐新材料项目（日期三）', owner: '聊城示例材料有限公司', chain: 'green-chemical', totalWan: 28000, plannedStart: '2024-10-01', actualStart: null, plannedCompletion: '2026-03-01', lists: prep(4000) },
      { ...common, row: 6, code: 'DT-004', stage: 'implementation.active', evidence: 'startDate', name: '高唐机械加工项目（日期四）', owner: '聊城示例机械有限公司', chain: 'equipment', totalWan: 9000, plannedStart: '2024-05-20', actualStart: '2024-05-21', plannedCompletion: null, lists: impl(3000) },
    ]);
  });

  it('full-width characters and spaces: names kept as written (trimmed), places, codes, dates and headers read through them', async () => {
    const common = { outcome: 'created' as const, sheet: '台账' };
    await importsAsExpected('fullwidth-names.xlsx', [
      { ...common, row: 3, code: 'FW-001', stage: 'preparation', evidence: 'listCategory', name: '聊城ＡＢＣ新材料（一期）项目', owner: '聊城 示例 科技有限公司', region: '371502', chain: 'green-chemical', totalWan: 42000, plannedStart: '2024-11-01', actualStart: null, lists: prep(10000) },
      { ...common, row: 4, code: 'FW-002', stage: 'preparation', evidence: 'listCategory', name: '年产１０万吨\u3000精细化工项目', owner: '聊城示例精化有限公司', region: '371502', chain: 'green-chemical', totalWan: 36000, plannedStart: '2024-12-01', actualStart: null, lists: prep(8000) },
      { ...common, row: 5, code: 'FW-003', stage: 'implementation.active', evidence: 'startDate', name: '高新区 新能源 电池 项目', owner: '聊城示例电池有限公司', region: '371572', chain: 'new-energy', totalWan: 51000, plannedStart: '2024-03-01', actualStart: '2024-04-02', lists: impl(12000) },
    ]);
  });

  it('characters outside the Basic Multilingual Plane, matched by name on re-import (no code column: 冠县\'s sequence)', async () => {
    const common = { outcome: 'created' as const, sheet: '台账', region: '371525' };
    await importsAsExpected('astral-names.xlsx', [
      { ...common, row: 3, code: 'LC2024-371525-001', stage: 'preparation', evidence: 'listCategory', name: '\u{20BB7}野家食品加工项目', owner: '聊城\u{20BB7}祥食品有限公司', chain: 'agri-food', totalWan: 11000, plannedStart: '2024-10-01', actualStart: null, lists: prep(3000), progress: '土地摘牌' },
      { ...common, row: 4, code: 'LC2024-371525-002', stage: 'implementation.active', evidence: 'startDate', name: '\u{2123D}壤修复材料（\u{24B62}窑）项目', owner: '聊城\u{2123D}源环保有限公司', chain: 'building-materials', totalWan: 24000, plannedStart: '2024-01-10', actualStart: '2024-02-02', lists: impl(7000), progress: '设备安装调试' },
    ]);
    // Stored as the characters themselves (four UTF-8 bytes each), not as replacement marks.
    const [row] = await t.dataSource.query(`SELECT name FROM project WHERE code = 'LC2024-371525-001'`);
    expect(Array.from(row.name as string)[0].codePointAt(0)).toBe(0x20bb7);
  });

  it('notes below the table (填报说明：…, 填表人：…) end it and are reported', async () => {
    const common = { outcome: 'created' as const, sheet: '台账', region: '371521' };
    await importsAsExpected(
      'notes-below.xlsx',
      [
        { ...common, row: 3, code: 'NB-001', stage: 'implementation.active', evidence: 'startDate', name: '阳谷电缆智能制造项目（说明一）', owner: '聊城示例电缆有限公司', chain: 'equipment', totalWan: 38000, plannedStart: '2024-02-01', actualStart: '2024-03-03', lists: impl(9000) },
        { ...common, row: 4, code: 'NB-002', stage: 'preparation', evidence: 'listCategory', name: '阳谷铜材深加工项目（说明二）', owner: '聊城示例铜业有限公司', chain: 'nonferrous', totalWan: 27000, plannedStart: '2024-10-01', actualStart: null, lists: prep(6000) },
      ],
      {
        skipped: [
          ['台账', 6, 'note'],
          ['台账', 7, 'note'],
          ['台账', 8, 'note'],
        ],
      },
    );
  });

  it('free-text 当前进展 is kept as 形象进度; the stage comes from the dates and the list, or a stage word', async () => {
    // PT-003 is already in the system, started 2023-10-01 with a month report: the ledger's
    // completion date completes it (COMPLETE needs one report).
    const created = await t.client.post('/api/projects').send(
      projectBody({ code: 'PT-003', name: '光伏组件扩产项目（进展三）', ownerEnterprise: '聊城示例光伏有限公司', region: '371502', chain: 'new-energy', totalInvestment: 48000, plannedStartDate: '2023-09-01', approvals: { ...ALL_APPROVALS, filing: '2023-06-01', land: '2023-06-01', planning: '2023-07-01', environment: '2023-07-01', energy: '2023-08-01', construction: '2023-09-20' } }),
    );
    expect(created.status).toBe(201);
    expect((await t.client.post(`/api/projects/${created.body.id}/events`).send({ type: 'PROMOTE' })).status).toBe(200);
    expect((await t.client.post(`/api/projects/${created.body.id}/events`).send({ type: 'START', date: '2023-10-01' })).status).toBe(200);
    expect((await t.client.put(`/api/projects/${created.body.id}/reports/2024-01`).send({ amount: 500 })).status).toBe(201);

    const common = { outcome: 'created' as const, sheet: '台账', region: '371502' };
    await importsAsExpected('progress-text.xlsx', [
      { ...common, row: 3, code: 'PT-001', stage: 'implementation.active', evidence: 'startDate', name: '化工园区热电联产项目（进展一）', owner: '聊城示例热电有限公司', chain: 'green-chemical', totalWan: 66000, plannedStart: '2024-02-01', actualStart: '2024-03-01', lists: impl(15000), progress: '主体施工' },
      { ...common, row: 4, code: 'PT-002', stage: 'implementation.active', evidence: 'startDate', name: '汽车线束生产线项目（进展二）', owner: '聊城示例线束有限公司', region: '371571', chain: 'auto-parts', totalWan: 21000, plannedStart: '2024-02-01', actualStart: '2024-02-10', lists: impl(6000), progress: '设备安装调试' },
      { ...common, outcome: 'updated', row: 5, code: 'PT-003', stage: 'completed', evidence: 'completionDate', name: '光伏组件扩产项目（进展三）', owner: '聊城示例光伏有限公司', chain: 'new-energy', totalWan: 48000, plannedStart: '2023-09-01', actualStart: '2023-10-01', actualCompletion: '2024-05-30', lists: impl(9000), progress: '试生产' },
      { ...common, row: 6, code: 'PT-004', stage: 'preparation', evidence: 'listCategory', name: '精密铸件项目（进展四）', owner: '聊城示例精铸有限公司', chain: 'equipment', totalWan: 19000, plannedStart: '2024-09-01', actualStart: null, lists: prep(3000), progress: '土地摘牌' },
      { ...common, row: 7, code: 'PT-005', stage: 'preparation', evidence: 'listCategory', name: '生物基材料项目（进展五）', owner: '聊城示例生物有限公司', chain: 'green-chemical', totalWan: 35000, plannedStart: '2024-10-01', actualStart: null, lists: prep(5000), progress: '环评公示' },
      { ...common, row: 8, code: 'PT-006', stage: 'preparation', evidence: 'listCategory', name: '医用敷料项目（进展六）', owner: '聊城示例医疗有限公司', chain: 'health', totalWan: 12000, plannedStart: '2024-11-01', actualStart: null, lists: prep(2000), progress: '手续办理' },
      { ...common, row: 9, code: 'PT-007', stage: 'reserve', evidence: 'none', name: '智慧农机项目（进展七）', owner: '聊城示例农装有限公司', chain: 'equipment', totalWan: 16000, plannedStart: '2025-04-01', actualStart: null, lists: [], progress: '前期工作' },
      { ...common, row: 10, code: 'PT-008', stage: 'preparation', evidence: 'listCategory', warning: true, name: '特钢棒材项目（进展八）', owner: '聊城示例特钢有限公司', chain: 'ferrous', totalWan: 52000, plannedStart: '2024-08-01', actualStart: null, lists: impl(10000), progress: '前期工作' },
      { ...common, row: 11, code: 'PT-009', stage: 'preparation', evidence: 'stageText', name: '纸浆模塑项目（进展九）', owner: '聊城示例模塑有限公司', chain: 'light-textile', totalWan: 13000, plannedStart: '2024-12-01', actualStart: null, lists: prep(2500), progress: '准备' },
      { ...common, row: 12, code: 'PT-010', stage: 'implementation.active', evidence: 'startDate', name: '铝型材挤压项目（进展十）', owner: '聊城示例铝材有限公司', chain: 'nonferrous', totalWan: 27000, plannedStart: '2024-01-01', actualStart: '2024-01-08', lists: impl(8000), progress: '在建' },
    ]);
  });

  it('evidence that contradicts itself, and 1.2万, are row errors: nothing is applied', async () => {
    const sheet = '台账';
    const before = await databaseState(t.dataSource);
    for (const query of ['', '?commit=true']) {
      const res = await post('contradictions.xlsx', query);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 7, created: 1, updated: 0, unchanged: 0, committed: false });
      expect(res.body.errors).toEqual([
        { row: 3, sheet, column: '竣工时间', message: expect.stringContaining('早于开工时间') },
        { row: 4, sheet, column: '实际开工时间', message: expect.stringContaining('晚于今天') },
        { row: 5, sheet, column: '当前进展', message: expect.stringContaining('矛盾') },
        { row: 6, sheet, column: '总投资（万元）', message: expect.stringContaining('1.2 万元') },
        { row: 7, sheet, column: '当前进展', message: expect.stringContaining('没有实际开工时间') },
        { row: 8, sheet, column: '竣工时间', message: expect.stringContaining('月报') },
      ]);
      expect(decisionsOf(res.body)).toEqual([[sheet, 9, 'preparation', 'listCategory', false]]);
    }
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  // -------------------------------------------------------------------------------------------
  // Column mapping: headers the import does not know.

  /** The mapping a user confirms in the workbench for unknown-headers.xlsx (the proposals, and 备忘 not read). */
  const CONFIRMED = {
    项目代号: 'code',
    工程名称: 'name',
    项目业主: 'owner',
    所属板块: 'region',
    行业门类: 'chain',
    '投资额（万元）': 'total',
    '本年计划（万元）': 'planned',
    预计开建: 'plannedStart',
    开建日期: 'actualStart',
    备忘: null,
  };
  const unknownRows: Expected[] = [
    { sheet: '莘县项目表', row: 3, code: 'UH-001', outcome: 'created', stage: 'implementation.active', evidence: 'startDate', name: '莘县冷链物流加工项目（表头一）', owner: '聊城示例冷链物流有限公司', region: '371522', chain: 'agri-food', totalWan: 30000, plannedStart: '2024-05-01', actualStart: '2024-05-10', lists: impl(6000) },
    { sheet: '莘县项目表', row: 4, code: 'UH-002', outcome: 'created', stage: 'preparation', evidence: 'listCategory', name: '莘县新型建材项目（表头二）', owner: '聊城示例新型建材有限公司', region: '371522', chain: 'building-materials', totalWan: 18000, plannedStart: '2024-11-01', actualStart: null, lists: prep(4000) },
  ];
  const mappingRows = (body: { mapping: { columns: { header: string; field: string | null; source: string; proposal: unknown }[] } }) =>
    body.mapping.columns.map((c) => [c.header, c.field, c.source, c.proposal]);

  it('unknown headers: the dry run proposes a mapping and asks for it; nothing is read or written without one', async () => {
    const before = await databaseState(t.dataSource);
    for (const query of ['', '?commit=true']) {
      const res = await post('unknown-headers.xlsx', query);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 0, created: 0, committed: false, sheets: [], mapping: { required: true, saved: false, region: null } });
      expect(res.body.errors).toEqual([{ row: 2, sheet: '莘县项目表', column: null, message: expect.stringContaining('列对应') }]);
      // Worked out by hand: 2 × shared characters ÷ both lengths against each field's words
      // (项目代号 ~ 项目代码: 6/8), values that are places or chains raise a proposal to 0.9.
      expect(mappingRows(res.body)).toEqual([
        ['序号', 'seq', 'rules', null],
        ['项目代号', null, 'none', { field: 'code', confidence: 0.75 }],
        ['工程名称', null, 'none', { field: 'name', confidence: 1 }],
        ['项目业主', null, 'none', { field: 'owner', confidence: 1 }],
        ['所属板块', null, 'none', { field: 'region', confidence: 0.9 }],
        ['行业门类', null, 'none', { field: 'chain', confidence: 0.9 }],
        ['投资额（万元）', null, 'none', { field: 'total', confidence: 1 }],
        ['本年计划（万元）', null, 'none', { field: 'planned', confidence: 0.8 }],
        ['预计开建', null, 'none', { field: 'plannedStart', confidence: 1 }],
        ['开建日期', null, 'none', { field: 'actualStart', confidence: 1 }],
        ['清单类型', 'category', 'rules', null],
        ['备忘', null, 'none', null],
      ]);
      expect(res.body.mapping.fields).toEqual(expect.arrayContaining([{ field: 'name', label: '项目名称' }, { field: 'progress', label: '形象进度（当前进展）' }]));
    }
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('a confirmed mapping (query or form field) reads the file; committed, it is kept for the region, audited once, and used next time', async () => {
    const json = JSON.stringify(CONFIRMED);
    const before = await databaseState(t.dataSource);
    const dry = await post('unknown-headers.xlsx', `?mapping=${encodeURIComponent(json)}`);
    expect(dry.body).toMatchObject({ ...counts(unknownRows), committed: false, mapping: { required: false } });
    expect(decisionsOf(dry.body)).toEqual(expectedDecisions(unknownRows));
    expect(mappingRows(dry.body).map(([header, field, source]) => [header, field, source])).toEqual([
      ['序号', 'seq', 'rules'],
      ...Object.entries(CONFIRMED).slice(0, 9).map(([header, field]) => [header, field, 'given']),
      ['清单类型', 'category', 'rules'],
      ['备忘', null, 'given'],
    ]);
    expect(await databaseState(t.dataSource)).toEqual(before);

    const commit = await t.client.post('/api/imports/ledger?commit=true&region=371522').field('mapping', json).attach('file', fixture('unknown-headers.xlsx'), 'unknown-headers.xlsx');
    expect(commit.body).toMatchObject({ ...counts(unknownRows), committed: true, mapping: { region: '371522', saved: true } });
    for (const row of unknownRows) expect((await projectByCode(row.code)).stage).toBe(row.stage);
    const kept = await t.dataSource.query(`SELECT kind, region_code, mapping FROM import_mapping`);
    expect(kept.map((k: { kind: string; region_code: string; mapping: string }) => [k.kind, k.region_code, JSON.parse(k.mapping)])).toEqual([
      ['ledger', '371522', { ...Object.fromEntries(Object.entries(CONFIRMED).map(([header, field]) => [header.replace('（', '(').replace('）', ')'), field])) }],
    ]);
    const audit = await t.dataSource.query(`SELECT entity_id, action FROM audit_entry WHERE entity = 'import' AND action = 'mapping'`);
    expect(audit).toEqual([{ entity_id: 'mapping:ledger:371522', action: 'mapping' }]);

    // The same file from the same county, no mapping given: the kept one reads it; nothing changes.
    const settled = await databaseState(t.dataSource);
    const again = await post('unknown-headers.xlsx', '?commit=true&region=371522');
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [], mapping: { saved: false } });
    expect(mappingRows(again.body).filter(([, , source]) => source === 'saved').length).toBe(10);
    // Given again, equal to the kept one: no write, no second audit entry.
    const same = await t.client.post('/api/imports/ledger?commit=true&region=371522').field('mapping', json).attach('file', fixture('unknown-headers.xlsx'), 'u.xlsx');
    expect(same.body).toMatchObject({ unchanged: 2, errors: [], mapping: { saved: false } });
    expect(await databaseState(t.dataSource)).toEqual(settled);

    // From the city office (no region) or another county, the mapping is not theirs.
    for (const query of ['', '?region=371502']) expect((await post('unknown-headers.xlsx', query)).body.mapping.required).toBe(true);
  });

  it('refuses a malformed mapping, an unknown field, a header not in the file and an unknown region, changing nothing', async () => {
    const before = await databaseState(t.dataSource);
    const cases: [string, number, string][] = [
      ['?mapping=%7B', 400, 'invalidMapping'],
      [`?mapping=${encodeURIComponent('["name"]')}`, 400, 'invalidMapping'],
      [`?mapping=${encodeURIComponent('{"工程名称":"projectName"}')}`, 400, 'unknownField'],
      [`?mapping=${encodeURIComponent('{"不在文件中的表头":"name"}')}`, 400, 'headerNotInFile'],
      ['?region=999999', 400, 'unknownRegion'],
      // The query's own rules (a six-digit code), as every query parameter in the app: 422.
      ['?region=abc', 422, 'matches'],
    ];
    for (const [query, status, code] of cases) {
      const res = await post('unknown-headers.xlsx', `${query}&commit=true`);
      expect([query, res.status, res.body.details[0].code]).toEqual([query, status, code]);
    }
    const both = await t.client.post(`/api/imports/ledger?mapping=${encodeURIComponent('{"工程名称":"name"}')}`).field('mapping', '{"工程名称":"name"}').attach('file', fixture('unknown-headers.xlsx'), 'u.xlsx');
    expect(both.status).toBe(400);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  // -------------------------------------------------------------------------------------------
  // The month sheet (月调度表) with the same tolerance.

  it('a county month sheet laid out the same ways imports its reports, and again changes nothing', async () => {
    const names = { 'MR-001': '东昌府区月报示例一', 'MR-002': '东昌府区月报示例二', 'MR-003': '东昌府区\u3000月报示例三（二期）', 'MR-004': '\u{20BB7}祥月报示例四' };
    const ids: Record<string, number> = {};
    for (const [code, name] of Object.entries(names)) {
      const created = await t.client.post('/api/projects').send(projectBody({ code, name, region: '371502', approvals: ALL_APPROVALS }));
      ids[code] = created.body.id;
      await t.client.post(`/api/projects/${created.body.id}/events`).send({ type: 'PROMOTE' });
      expect((await t.client.post(`/api/projects/${created.body.id}/events`).send({ type: 'START', date: '2024-03-01' })).status).toBe(200);
    }
    await t.client.post('/api/users').send({ username: 'region-mr', password: 'region-password-mr', role: 'region', region: '371502' });
    const county = t.clientWith(await t.login('region-mr', 'region-password-mr'));
    const send = (query: string) => county.post(`/api/imports/reports/2024-06${query}`).attach('file', fixture('month-report.xlsx'), 'month-report.xlsx');

    const before = await databaseState(t.dataSource);
    const dry = await send('');
    expect(dry.body).toMatchObject({ rows: 4, created: 4, updated: 0, unchanged: 0, errors: [], committed: false, month: '2024-06', sheets: ['实施类', '准备类'], ignoredColumns: ['下步打算'] });
    expect(dry.body.skipped.map((s: { sheet: string; row: number; kind: string }) => [s.sheet, s.row, s.kind])).toEqual([
      ['实施类', 6, 'total'],
      ['准备类', 7, 'total'],
      ['准备类', 8, 'note'],
    ]);
    expect(await databaseState(t.dataSource)).toEqual(before);

    // 下步打算 is confirmed as "not read": kept for 东昌府区's month sheets.
    const commit = await send(`?commit=true&mapping=${encodeURIComponent('{"下步打算":null}')}`);
    expect(commit.body).toMatchObject({ rows: 4, created: 4, errors: [], committed: true, mapping: { region: '371502', saved: true } });
    const expected: Record<string, { amount: number; progress: string; problems: string | null }> = {
      'MR-001': { amount: 1200, progress: '主体施工', problems: '用地指标待落实' },
      'MR-002': { amount: 1500, progress: '设备安装调试', problems: null },
      'MR-003': { amount: 300, progress: '试生产', problems: null },
      'MR-004': { amount: 0, progress: '手续办理', problems: '环评批复待办' },
    };
    for (const [code, report] of Object.entries(expected)) {
      const reports = (await t.client.get(`/api/projects/${ids[code]}/reports`)).body;
      expect([code, reports.find((r: { month: string }) => r.month === '2024-06')]).toEqual([code, expect.objectContaining({ ...report, revision: 1 })]);
    }
    const kept = await t.dataSource.query(`SELECT mapping FROM import_mapping WHERE kind = 'reports' AND region_code = '371502'`);
    expect(JSON.parse(kept[0].mapping)).toEqual({ 下步打算: null });

    const settled = await databaseState(t.dataSource);
    const again = await send('?commit=true');
    expect(again.body).toMatchObject({ rows: 4, created: 0, updated: 0, unchanged: 4, errors: [], ignoredColumns: ['下步打算'] });
    expect(again.body.mapping.columns.find((c: { header: string }) => c.header === '下步打算')).toMatchObject({ field: null, source: 'saved' });
    expect(await databaseState(t.dataSource)).toEqual(settled);

    // A county operator's mapping is their county's: asking for another one's is refused.
    expect((await send('?region=371581')).status).toBe(403);
  });

  // -------------------------------------------------------------------------------------------
  // Large files: the import as a job whose progress the workbench polls.

  /** Polls a job until it has ended (the import is short; the bound only stops a broken job from hanging the test). */
  async function ended(client: ReturnType<TestApp['clientWith']>, jobId: string) {
    for (let poll = 0; poll < 400; poll++) {
      const res = await client.get(`/api/imports/jobs/${jobId}`);
      expect(res.status).toBe(200);
      if (res.body.phase === 'done' || res.body.phase === 'failed') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${jobId} did not end`);
  }

  it('?async=true answers 202 with a job whose end holds the same result; only its starter sees it', async () => {
    const sync = await post('units-second-row.xlsx');
    expect(sync.body).toMatchObject({ rows: 3, errors: [] });
    const started = await post('units-second-row.xlsx', '?async=true');
    expect(started.status).toBe(202);
    expect(Object.keys(started.body)).toEqual(['jobId']);
    const job = await ended(t.client, started.body.jobId);
    expect(job).toEqual({ id: started.body.jobId, phase: 'done', done: 3, total: 3, result: sync.body });

    await t.client.post('/api/users').send({ username: 'region-job', password: 'region-password-job', role: 'region', region: '371502' });
    const county = t.clientWith(await t.login('region-job', 'region-password-job'));
    expect((await county.get(`/api/imports/jobs/${started.body.jobId}`)).status).toBe(404);
    expect((await t.client.get('/api/imports/jobs/00000000-0000-0000-0000-000000000000')).status).toBe(404);

    // A county's month-sheet job is theirs alone, the city office's included.
    const theirs = await county.post('/api/imports/reports/2024-06?async=true').attach('file', fixture('month-report.xlsx'), 'm.xlsx');
    expect(theirs.status).toBe(202);
    expect((await ended(county, theirs.body.jobId)).result).toMatchObject({ rows: 4, month: '2024-06', committed: false });
    expect((await t.client.get(`/api/imports/jobs/${theirs.body.jobId}`)).status).toBe(404);
  });

  it('a job cut short by a restart is run again by the next server to look, from the file and options it kept', async () => {
    const sync = await post('units-second-row.xlsx');
    // What a server that stopped mid-import leaves: the job running, its heartbeat 31 s old.
    const quiet = new Date(t.app.get(Clock).now().getTime() - 31_000).toISOString();
    const payload = JSON.stringify({ commit: false, actor: 'admin', name: 'units-second-row.xlsx', mapping: null });
    await t.dataSource.query(
      `INSERT INTO job (id, kind, owner, status, phase, done, total, payload, file, attempts, claimed_by, heartbeat_at, created_at)
       VALUES ('00000000-0000-4000-8000-00000000cafe', 'import.ledger', 'admin', 'running', 'validating', 1, 3, ?, ?, 1, 'gone:1', ?, ?)`,
      [payload, fixture('units-second-row.xlsx').toString('base64'), quiet, quiet],
    );
    const job = await ended(t.client, '00000000-0000-4000-8000-00000000cafe');
    expect(job).toEqual({ id: '00000000-0000-4000-8000-00000000cafe', phase: 'done', done: 3, total: 3, result: sync.body });
  });

  it('a job whose file is refused ends failed, with the error the import would answer, and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const started = await t.client.post('/api/imports/ledger?async=true&commit=true').attach('file', Buffer.from('这不是表格'), 'x.xlsx');
    expect(started.status).toBe(202);
    const job = await ended(t.client, started.body.jobId);
    expect(job).toMatchObject({ phase: 'failed', error: { statusCode: 400, details: [{ field: 'file', code: 'notXlsx' }] } });
    expect(job.result).toBeUndefined();
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});
