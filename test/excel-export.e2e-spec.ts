import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type ExcelJS from 'exceljs';
import { readBook } from './factories/workbooks.js';
import { projectBody } from './factories/project.factory.js';
import { binary, pct, rankedRegionRows, WORD, yi } from './support/bulletin-figures.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The exports, on the demo data (184 projects: 154 of the lists and the reserve, 30 from landed 招商
 * deals; reports January–October 2024): the ledger
 * export imports back unchanged; the bulletin workbook shows the published bulletin's figures.
 */
type Client = ReturnType<TestApp['clientWith']>;

const text = (cell: ExcelJS.Cell) => (cell.value === null || cell.value === undefined ? '' : String(cell.value));

describe('Excel exports', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  const download = (client: Client, url: string) => client.get(url).buffer(true).parse(binary);
  const importLedger = (buffer: Buffer, query = '?commit=true') => t.client.post(`/api/imports/ledger${query}`).attach('file', buffer, 'export.xlsx');
  const allProjects = async (client: Client = t.client) => (await client.get('/api/projects?pageSize=500')).body.items as { id: number; code: string; name: string; totalInvestment: number; region: string; stage: string }[];

  /** The ledger sheet as { header → text } rows keyed by project code. */
  async function ledgerRows(buffer: Buffer) {
    const sheet = (await readBook(buffer)).worksheets[0];
    const header = (sheet.getRow(3).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
    const rows = new Map<string, Record<string, ExcelJS.CellValue>>();
    sheet.eachRow((row, number) => {
      if (number <= 3) return;
      const record: Record<string, ExcelJS.CellValue> = {};
      header.forEach((label, col) => label && (record[label] = row.getCell(col).value));
      rows.set(String(record['项目编码']), record);
    });
    return { sheet, header, rows };
  }

  it('the ledger export imports back unchanged: every project, nothing written', async () => {
    const res = await download(t.client, '/api/exports/ledger.xlsx?year=2024');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('attachment');
    const projects = await allProjects();
    expect(projects.length).toBe(184);

    const before = await databaseState(t.dataSource);
    const dry = await importLedger(res.body, '');
    expect(dry.body).toMatchObject({ rows: 184, created: 0, updated: 0, unchanged: 184, errors: [], year: 2024 });
    const commit = await importLedger(res.body);
    expect(commit.body).toMatchObject({ rows: 184, created: 0, updated: 0, unchanged: 184, errors: [], committed: true });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('holds what the API holds: fields, list place and stage of every project', async () => {
    const { rows } = await ledgerRows((await download(t.client, '/api/exports/ledger.xlsx?year=2024')).body);
    const list = (await t.client.get('/api/lists/2024')).body as { projectId: number; category: string; plannedInvestment: number }[];
    const regions = new Map(((await t.client.get('/api/regions')).body as { code: string; name: string }[]).map((r) => [r.code, r.name]));
    const words: Record<string, string> = { reserve: '储备', preparation: '准备', 'implementation.active': '在建', 'implementation.halted': '停工', completed: '竣工', withdrawn: '退出' };
    for (const project of await allProjects()) {
      const row = rows.get(project.code)!;
      const entry = list.find((e) => e.projectId === project.id);
      expect([row['项目名称'], row['县（市、区）'], row['总投资（万元）'], row['项目类别'] ?? null, row['年度计划投资（万元）'] ?? null, row['当前阶段']]).toEqual([
        project.name,
        regions.get(project.region),
        project.totalInvestment,
        entry ? { implementation: '实施类', preparation: '准备类' }[entry.category] : null,
        entry ? entry.plannedInvestment : null,
        words[project.stage],
      ]);
    }
  });

  it('a change made in the exported workbook comes back as an update of that project only', async () => {
    const buffer = (await download(t.client, '/api/exports/ledger.xlsx?year=2024')).body;
    const { sheet, header, rows } = await ledgerRows(buffer);
    const target = (await allProjects()).find((p) => p.stage === 'implementation.active')!;
    const rowNumber = [...rows.keys()].indexOf(target.code) + 4;
    sheet.getRow(rowNumber).getCell(header.indexOf('总投资（万元）')).value = target.totalInvestment + 1000;
    sheet.getRow(rowNumber).getCell(header.indexOf('建设内容')).value = '调整后的建设内容';
    const edited = Buffer.from(await sheet.workbook.xlsx.writeBuffer());
    const res = await importLedger(edited);
    expect(res.body).toMatchObject({ rows: 184, created: 0, updated: 1, unchanged: 183, errors: [], committed: true });
    const after = (await t.client.get(`/api/projects/${target.id}`)).body;
    expect([after.totalInvestment, after.content]).toEqual([target.totalInvestment + 1000, '调整后的建设内容']);
  });

  it('writes 形象进度 and reads it back: export → import changes nothing', async () => {
    const target = (await allProjects()).find((p) => p.stage === 'preparation')!;
    const read = (await t.client.get(`/api/projects/${target.id}`)).body;
    const patched = await t.client.patch(`/api/projects/${target.id}`).set('If-Match', `"${read.version}"`).send({ progress: '环评公示，土地摘牌' });
    expect([patched.status, patched.body.progress]).toEqual([200, '环评公示，土地摘牌']);
    const buffer = (await download(t.client, '/api/exports/ledger.xlsx?year=2024')).body;
    const { rows } = await ledgerRows(buffer);
    expect(rows.get(target.code)!['形象进度']).toBe('环评公示，土地摘牌');
    expect([...rows.values()].filter((row) => row['形象进度'] !== null && row['形象进度'] !== undefined).length).toBe(1);
    const before = await databaseState(t.dataSource);
    const res = await importLedger(buffer);
    expect(res.body).toMatchObject({ created: 0, updated: 0, errors: [], committed: true });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it("gives a county operator their own county's projects only", async () => {
    const region = t.clientWith(await t.login('region-371502', 'demo-pass-371502'));
    const { rows } = await ledgerRows((await download(region, '/api/exports/ledger.xlsx?year=2024')).body);
    const own = await allProjects(region);
    expect(own.length).toBeGreaterThan(0);
    expect([...rows.keys()].sort()).toEqual(own.map((p) => p.code).sort());
    expect([...rows.values()].every((row) => row['县（市、区）'] === '东昌府区')).toBe(true);
  });

  it('neutralises text starting with = + - @ and still imports it back unchanged', async () => {
    const names = ['=HYPERLINK("http://example.com","点击")', '+86 项目', '-负号开头', '@提及'];
    for (const [i, name] of names.entries()) {
      const res = await t.client.post('/api/projects').send(projectBody({ code: `INJ-${i}`, name, content: `=1+${i}` }));
      expect(res.status).toBe(201);
    }
    const buffer = (await download(t.client, '/api/exports/ledger.xlsx?year=2024')).body;
    const { rows } = await ledgerRows(buffer);
    for (const [i, name] of names.entries()) {
      const row = rows.get(`INJ-${i}`)!;
      expect(row['项目名称']).toBe(`'${name}`);
      expect(row['建设内容']).toBe(`'=1+${i}`);
    }
    const before = await databaseState(t.dataSource);
    const res = await importLedger(buffer);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 188, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it("the bulletin workbook's figures equal the dashboard's for the month (October, published)", async () => {
    expect((await download(t.client, '/api/exports/bulletins/2024/10.xlsx')).status).toBe(404);
    expect((await t.client.post('/api/bulletins/2024/10')).status).toBe(201);
    const board = (await t.client.get('/api/dashboard/2024?month=10')).body;
    const published = (await t.client.get('/api/bulletins/2024/10')).body.dashboard;
    expect(published.investment).toEqual(board.investment);

    const auditor = t.clientWith(await t.login('auditor', 'demo-pass-auditor'));
    const res = await download(auditor, '/api/exports/bulletins/2024/10.xlsx');
    expect(res.status).toBe(200);
    const sheet = (await readBook(res.body)).worksheets[0];
    const grid: ExcelJS.Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => (grid[n] = Array.from({ length: 9 }, (_, c) => row.getCell(c + 1))));
    const rowOf = (first: string) => grid.findIndex((cells) => cells && text(cells[0]) === first);
    /** The data rows under a section heading (after its header row, up to the next blank row). */
    const section = (heading: string) => {
      const rows: ExcelJS.Cell[][] = [];
      for (let n = grid.findIndex((cells) => cells && text(cells[0]).startsWith(heading)) + 2; grid[n] && text(grid[n][0]) + text(grid[n][1]) !== ''; n++) rows.push(grid[n]);
      return rows;
    };

    expect(text(grid[1][0])).toBe('聊城市制造业重点项目月通报');
    expect(text(grid[2][0])).toBe('2024年10月');
    expect(text(grid[3][0])).toContain('数据截至');

    const invest = grid[rowOf('实施类项目完成投资（亿元）')];
    expect(invest.slice(2, 7).map(text)).toEqual([yi(board.investment.actual), yi(board.investment.target), yi(board.investment.expected), pct(board.investment.ratio), WORD[board.investment.rating as keyof typeof WORD]]);
    const start = grid[rowOf('准备类项目开工率')];
    expect([text(start[2]), text(start[5])]).toEqual([`${board.startRate.started}/${board.startRate.listed}`, pct(board.startRate.rate)]);
    expect(text(start[8])).toContain(String(board.startRate.neededForTarget));
    expect(Number(text(grid[rowOf('本年新谋划50亿元以上大项目（个）')][2]))).toBe(board.bigProjects.count);
    expect(text(invest[8])).toContain(`占年度计划 ${pct(board.investment.planShare)}`);
    expect(text(invest[8])).toContain(`已开工 ${board.implementationCounts.started} 个、竣工投产 ${board.implementationCounts.completed} 个`);
    const key = grid[rowOf('10亿元以上重点项目完成投资（亿元）')];
    expect([text(key[2]), text(key[5])]).toEqual([yi(board.keyProjects.investment), pct(board.keyProjects.ratio)]);

    const regionRows = section('二、');
    expect(regionRows.map((cells) => cells.slice(0, 8).map(text))).toEqual(rankedRegionRows(board.regions));
    // 蓝黄红 fills: one fill per colour, the same for every cell of that colour.
    const fills = new Map<string, string>();
    for (const cells of regionRows) {
      const word = text(cells[7]);
      if (word === '—') continue;
      const argb = (cells[7].fill as ExcelJS.FillPattern).fgColor!.argb!;
      expect(fills.get(word) ?? argb).toBe(argb);
      fills.set(word, argb);
    }
    expect(new Set(fills.values()).size).toBe(fills.size);
    expect(fills.size).toBeGreaterThanOrEqual(2);

    const chainRows = section('三、');
    expect(chainRows.map((cells) => [text(cells[1]).replace('★', ''), text(cells[5]), text(cells[6]), text(cells[7])])).toEqual(
      board.chains.map((c: { name: string; actual: number; ratio: number | null; rating: keyof typeof WORD | null }) => [c.name, yi(c.actual), pct(c.ratio), c.rating ? WORD[c.rating] : '—']),
    );

    const red = section('四、');
    expect(red.map((cells) => [text(cells[1]), text(cells[2])])).toEqual(board.redList.map((item: { code: string; name: string }) => [item.code, item.name]));
    expect(board.redList.length).toBeGreaterThan(0);
  });

  it('a month not published is 404 in the contract shape', async () => {
    const res = await t.client.get('/api/exports/bulletins/2024/9.xlsx');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String), details: [] });
  });
});
