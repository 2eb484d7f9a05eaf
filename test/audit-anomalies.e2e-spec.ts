import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditService } from '../src/audit/index.js';
import { WriteQueue } from '../src/database/index.js';
import { projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The app's audit routes (the oversight module) and its audit service. */
async function auditApp(t: TestApp): Promise<{ audit: AuditService; client: ReturnType<typeof request.agent>; close(): Promise<void> }> {
  return { audit: t.app.get(AuditService), client: t.client, close: async () => undefined };
}

interface Item {
  rule: string;
  projectId: number;
  code: string;
  name: string;
  months: string[];
  figures: Record<string, unknown>;
  message: string;
}

/** A small RFC 4180 reader, written apart from the exporter, to read the files back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Supertest parser keeping the body as bytes (to see the BOM, and to read .xlsx). */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
};

async function readXlsx(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe('anomaly checks and audit exports', () => {
  let t: TestApp;
  let client: ReturnType<typeof request.agent>;
  let audit: AuditService;
  let closeAudit: () => Promise<void>;
  const ids: Record<string, number> = {};

  const file = async (id: number, month: string, amount: number, reason?: string) => {
    const res = await t.client.put(`/api/projects/${id}/reports/${month}`).send(reason ? { amount, reason } : { amount });
    if (res.status !== 200 && res.status !== 201) throw new Error(`filing ${month} for ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const fileMonths = async (id: number, amounts: Record<string, number>) => {
    for (const [month, amount] of Object.entries(amounts)) await file(id, month, amount);
  };
  const months = (from: number, to: number, amount: number) =>
    Object.fromEntries(Array.from({ length: to - from + 1 }, (_, i) => [`2024-${String(from + i).padStart(2, '0')}`, amount]));
  const event = async (id: number, body: Record<string, unknown>) => {
    const res = await t.client.post(`/api/projects/${id}/events`).send(body);
    if (res.status !== 200) throw new Error(`${body.type} for ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  /** A project created over HTTP, promoted, and started on `start` when given. */
  const project = async (key: string, overrides: Record<string, unknown>, start?: string) => {
    const res = await t.client.post('/api/projects').send(projectBody({ code: `AUD-${key}`, name: `审计测试-${key}`, ...overrides }));
    if (res.status !== 201) throw new Error(`creating ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    ids[key] = res.body.id;
    await event(ids[key], { type: 'PROMOTE' });
    if (start) await event(ids[key], { type: 'START', date: start });
    return ids[key];
  };
  /** A report revision the API would refuse, written straight into the table. */
  const insertRevision = (projectId: number, month: string, revision: number, amount: number, recordedAt: string, correction = false) =>
    t.dataSource.query(
      `INSERT INTO report_revision (project_id, month, revision, amount_wan, progress, problems, actor, recorded_at, correction, reason)
       VALUES (?, ?, ?, ?, NULL, NULL, 'direct', ?, ?, NULL)`,
      [projectId, month, revision, amount, recordedAt, correction ? 1 : 0],
    );

  beforeAll(async () => {
    // A project withdrawn in April 2024: it owes reports up to its withdrawal month only.
    t = await startTestApp({ now: '2024-04-15T02:00:00.000Z' });
    ({ audit, client, close: closeAudit } = await auditApp(t));
    await project('withdrawn', { totalInvestment: 120000 }, '2024-02-01');
    await fileMonths(ids.withdrawn, { '2024-02': 1000, '2024-03': 1000 });
    await event(ids.withdrawn, { type: 'WITHDRAW', reason: '企业主动退出' });

    t.setNow('2024-09-10T02:00:00.000Z'); // today 2024-09-10 in Asia/Shanghai: months through August have ended
    await project('clean', { totalInvestment: 100000 }, '2024-01-10');
    await fileMonths(ids.clean, months(1, 8, 1000));
    await project('over', { totalInvestment: 1000, name: '=HYPERLINK("http://example.invalid","点我")' }, '2024-01-10');
    await fileMonths(ids.over, months(1, 8, 200));
    await project('outside', { totalInvestment: 120000 }, '2024-04-05');
    await fileMonths(ids.outside, months(4, 8, 1000));
    await insertRevision(ids.outside, '2024-02', 1, 800, '2024-09-10T02:00:00.000Z');
    await project('completed', { totalInvestment: 120000 }, '2024-01-05');
    await fileMonths(ids.completed, months(1, 3, 1000));
    await event(ids.completed, { type: 'COMPLETE', date: '2024-03-20' });
    await insertRevision(ids.completed, '2024-05', 1, 500, '2024-09-10T02:00:00.000Z');
    await project('share', { totalInvestment: 10000 }, '2024-05-01');
    await fileMonths(ids.share, { '2024-05': 3100, '2024-06': 1100, '2024-07': 1100, '2024-08': 1100 });
    await project('jump', { totalInvestment: 100000 }, '2024-01-10');
    await fileMonths(ids.jump, { ...months(1, 8, 1000), '2024-06': 3500 });
    await project('few', { totalInvestment: 120000 }, '2024-06-03');
    await fileMonths(ids.few, { '2024-06': 100, '2024-07': 100, '2024-08': 5000 });
    await project('rev', { totalInvestment: 100000 }, '2024-01-10');
    await fileMonths(ids.rev, months(1, 8, 1000));
    await project('missing', { totalInvestment: 120000, region: '371526' }, '2024-03-01');
    await fileMonths(ids.missing, { '2024-03': 1000, '2024-04': 1000, '2024-06': 1000, '2024-08': 1000 });
    await project('idle', {}); // in preparation: owes nothing

    t.setNow('2024-09-11T02:00:00.000Z');
    expect((await t.client.post('/api/bulletins/2024/6')).status).toBe(201); // closes months 1–6
    t.setNow('2024-09-12T02:00:00.000Z');
    await file(ids.rev, '2024-05', 1200, '统计口径更正'); // a correction of a closed month
    await file(ids.rev, '2024-08', 1100); // August is not closed by the June bulletin
    await insertRevision(ids.rev, '2024-04', 2, 950, '2024-09-13T02:00:00.000Z'); // after the bulletin, not marked
    t.setNow('2024-09-15T02:00:00.000Z');
  });
  afterAll(async () => {
    await closeAudit();
    await t.close();
  });

  const anomalies = async (query = '') => {
    const res = await client.get(`/api/audit/anomalies?year=2024${query}`);
    expect(res.status).toBe(200);
    return res.body as { items: Item[]; counts: Record<string, number>; total: number; parameters: Record<string, unknown> };
  };
  const flagged = (items: Item[], rule: string) =>
    items
      .filter((item) => item.rule === rule)
      .map((item) => [Object.entries(ids).find(([, id]) => id === item.projectId)?.[0], item.months])
      .sort();

  describe('GET /api/audit/anomalies: each rule flags its fixture and leaves the others alone', () => {
    let items: Item[];
    beforeAll(async () => {
      ({ items } = await anomalies());
    });

    it('(a) cumulative reports above the total investment', () => {
      expect(flagged(items, 'cumulativeAboveTotal')).toEqual([['over', ['2024-06']]]);
      expect(items.find((item) => item.rule === 'cumulativeAboveTotal')?.figures).toEqual({ totalInvestment: 1000, cumulative: 1600, excess: 600, crossedMonth: '2024-06' });
    });

    it('(b) reports for months before the start or after the completion', () => {
      expect(flagged(items, 'reportOutsidePeriod')).toEqual([
        ['completed', ['2024-05']],
        ['outside', ['2024-02']],
      ]);
      expect(items.find((item) => item.rule === 'reportOutsidePeriod' && item.projectId === ids.outside)?.figures).toEqual({
        actualStartDate: '2024-04-05',
        actualCompletionDate: null,
        amountOutside: 800,
      });
      expect(items.find((item) => item.rule === 'reportOutsidePeriod' && item.projectId === ids.completed)?.figures).toMatchObject({
        actualCompletionDate: '2024-03-20',
        amountOutside: 500,
      });
    });

    it('(c) one month above 30% of the total', () => {
      expect(flagged(items, 'monthShareAboveLimit')).toEqual([['share', ['2024-05']]]);
      expect(items.find((item) => item.rule === 'monthShareAboveLimit')?.figures).toEqual({ amount: 3100, totalInvestment: 10000, sharePct: 31, limitPct: 30 });
    });

    it('(d) a month above 3 × the mean of the project’s other months (at least 3 of them)', () => {
      // few: 5000 after 100, 100 is a 50-fold jump, but against two months only.
      expect(flagged(items, 'suddenJump')).toEqual([['jump', ['2024-06']]]);
      expect(items.find((item) => item.rule === 'suddenJump')?.figures).toEqual({
        amount: 3500,
        otherMonths: 7,
        othersTotal: 7000,
        othersMean: 1000,
        multiple: 3.5,
        factor: 3,
      });
    });

    it('(e) revisions after the bulletin covering their month: marked corrections and unmarked late ones', () => {
      expect(flagged(items, 'revisionAfterBulletin')).toEqual([
        ['rev', ['2024-04']],
        ['rev', ['2024-05']],
      ]);
      const [april, may] = items.filter((item) => item.rule === 'revisionAfterBulletin');
      expect(april.figures).toMatchObject({ revision: 2, amount: 950, previousAmount: 1000, correction: false, bulletinMonth: 6, recordedAt: '2024-09-13T02:00:00.000Z' });
      expect(may.figures).toMatchObject({ revision: 2, amount: 1200, previousAmount: 1000, correction: true, reason: '统计口径更正', bulletinMonth: 6 });
    });

    it('(f) months without a report while in implementation, through the last ended month', () => {
      expect(flagged(items, 'missingMonths')).toEqual([
        ['missing', ['2024-05', '2024-07']],
        ['withdrawn', ['2024-04']],
      ]);
      expect(items.find((item) => item.rule === 'missingMonths' && item.projectId === ids.missing)?.figures).toMatchObject({ missing: 2, throughMonth: '2024-08' });
    });

    it('(g) a start date later than the first report', () => {
      expect(flagged(items, 'startAfterFirstReport')).toEqual([['outside', ['2024-02']]]);
      expect(items.find((item) => item.rule === 'startAfterFirstReport')?.figures).toEqual({ actualStartDate: '2024-04-05', firstReportMonth: '2024-02', monthsBeforeStart: 1 });
    });

    it('never flags the clean, the idle or the few-months project, and words every item in Chinese', () => {
      const flaggedIds = new Set(items.map((item) => item.projectId));
      for (const key of ['clean', 'idle', 'few']) expect(flaggedIds.has(ids[key])).toBe(false);
      for (const item of items) expect(item.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it('counts items per rule', async () => {
      const report = await anomalies();
      expect(report.counts).toEqual({
        cumulativeAboveTotal: 1,
        reportOutsidePeriod: 2,
        monthShareAboveLimit: 1,
        suddenJump: 1,
        revisionAfterBulletin: 2,
        missingMonths: 2,
        startAfterFirstReport: 1,
      });
      expect(report.total).toBe(10);
      expect(report.parameters).toEqual({ maxMonthSharePct: 30, jumpFactor: 3, minOtherMonths: 3, lastEndedMonth: '2024-08' });
    });
  });

  describe('parameters and other years', () => {
    it('the share limit is strict and configurable: 31% is not above 31%', async () => {
      expect(flagged((await anomalies('&maxMonthSharePct=31')).items, 'monthShareAboveLimit')).toEqual([]);
      // over reports 20% of its total each month, share 11% in June–August.
      expect(flagged((await anomalies('&maxMonthSharePct=20')).items, 'monthShareAboveLimit')).toEqual([['share', ['2024-05']]]);
      expect(flagged((await anomalies('&maxMonthSharePct=11')).items, 'monthShareAboveLimit')).toHaveLength(9);
      expect(flagged((await anomalies('&maxMonthSharePct=10')).items, 'monthShareAboveLimit')).toEqual([
        ['over', ['2024-01']],
        ['over', ['2024-02']],
        ['over', ['2024-03']],
        ['over', ['2024-04']],
        ['over', ['2024-05']],
        ['over', ['2024-06']],
        ['over', ['2024-07']],
        ['over', ['2024-08']],
        ['share', ['2024-05']],
        ['share', ['2024-06']],
        ['share', ['2024-07']],
        ['share', ['2024-08']],
      ]);
    });

    it('the jump factor is strict and configurable: 3.5 × the mean is not above 3.5 ×', async () => {
      expect(flagged((await anomalies('&jumpFactor=3.5')).items, 'suddenJump')).toEqual([]);
      expect(flagged((await anomalies('&jumpFactor=3.4')).items, 'suddenJump')).toEqual([['jump', ['2024-06']]]);
    });

    it('a year without reports has no anomalies; a future year has no ended months', async () => {
      expect((await client.get('/api/audit/anomalies?year=2023')).body.total).toBe(0);
      const future = (await client.get('/api/audit/anomalies?year=2025')).body;
      expect(future.total).toBe(0);
      expect(future.parameters.lastEndedMonth).toBeNull();
    });

    it.each([
      ['no year', '', 'isQueryInt'],
      ['a malformed year', '?year=24', 'isQueryInt'],
      ['a share of 0', '?year=2024&maxMonthSharePct=0', 'isQueryInt'],
      ['a share of 101', '?year=2024&maxMonthSharePct=101', 'isQueryInt'],
      ['a factor as text', '?year=2024&jumpFactor=abc', 'invalidJumpFactor'],
      ['a factor below 1', '?year=2024&jumpFactor=0.5', 'invalidJumpFactor'],
      ['a factor with two decimals', '?year=2024&jumpFactor=2.25', 'invalidJumpFactor'],
    ])('%s is 400', async (_name, query, code) => {
      const res = await client.get(`/api/audit/anomalies${query}`);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
    });
  });

  describe('exports stamped with the chain verification', () => {
    const writes = () => t.app.get(WriteQueue);
    let regionRatingSeq: number;
    beforeAll(async () => {
      // Entries of our own, besides whatever the app's write paths recorded.
      t.setNow('2024-09-15T03:00:00.000Z');
      await writes().run((m) => audit.append(m, { actor: 'admin', entity: 'project', entityId: ids.clean, action: 'update', before: { content: '旧' }, after: { content: '新' }, reason: '=1+1' }));
      t.setNow('2024-09-15T03:01:00.000Z');
      await writes().run((m) => audit.append(m, { actor: 'admin', entity: 'report', entityId: ids.missing, action: 'file', after: { month: '2024-08', amount: 1000 } }));
      t.setNow('2024-09-15T03:02:00.000Z');
      regionRatingSeq = (await writes().run((m) => audit.append(m, { actor: 'admin', entity: 'rating', entityId: 'region:371526', action: 'override', after: { rating: 'blue' }, reason: '核实' }))).seq;
      t.setNow('2024-09-15T03:03:00.000Z');
      await writes().run((m) => audit.append(m, { actor: '-admin', entity: 'user', entityId: 'county', action: 'create', after: { role: 'region' } }));
      t.setNow('2024-09-15T04:00:00.000Z');
    });

    const entries = async (where: string, params: unknown[] = []): Promise<number[]> =>
      (await t.dataSource.query(`SELECT seq FROM audit_entry ${where} ORDER BY seq`, params)).map((row: { seq: number }) => Number(row.seq));
    const csv = async (url: string) => {
      const res = await client.get(url).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const bytes = res.body as Buffer;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return { rows: parseCsv(bytes.subarray(3).toString('utf8')), headers: res.headers };
    };
    const xlsx = async (url: string) => {
      const res = await client.get(url).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return readXlsx(res.body as Buffer);
    };

    it("a project's history as CSV: BOM, the stamp, a header, its entries, formulas neutralised", async () => {
      const total = (await entries('')).length;
      const expected = await entries("WHERE entity IN ('project', 'report', 'list', 'comment') AND entity_id = ?", [String(ids.clean)]);
      const { rows, headers } = await csv(`/api/audit/exports/history.csv?projectId=${ids.clean}`);
      expect(headers['content-disposition']).toBe(`attachment; filename="audit-history-project-${ids.clean}.csv"`);
      expect(rows[0]).toHaveLength(1);
      expect(rows[0][0]).toMatch(new RegExp(`^审计链校验：通过（已校验 ${total} 条，最新条目 #${total}，哈希 [0-9a-f]{64}）；导出范围：项目 #${ids.clean}（AUD-clean 审计测试-clean）；生成时间 2024-09-15T04:00:00.000Z$`));
      expect(rows[1].slice(0, 3)).toEqual(['序号', '时刻（UTC）', '时间（北京）']);
      expect(rows.slice(2).map((row) => Number(row[0]))).toEqual(expected);
      const ours = rows.find((row) => row[9] === "'=1+1");
      expect(ours).toEqual([
        expect.any(String),
        '2024-09-15T03:00:00.000Z',
        '2024-09-15 11:00:00',
        'admin',
        '项目',
        String(ids.clean),
        'AUD-clean',
        '审计测试-clean',
        'update',
        "'=1+1",
        '{"content":"旧"}',
        '{"content":"新"}',
        expect.stringMatching(/^[0-9a-f]{64}$/),
        expect.stringMatching(/^[0-9a-f]{64}$/),
      ]);
    });

    it("a region's history holds its projects' entries and its manual colours, and nothing else", async () => {
      const regionProjects = (await t.dataSource.query("SELECT id FROM project WHERE region_code = '371526'")).map((row: { id: number }) => String(row.id));
      const all: { seq: number; entity: string; entity_id: string }[] = await t.dataSource.query('SELECT seq, entity, entity_id FROM audit_entry ORDER BY seq');
      const expected = all
        .filter((e) => (['project', 'report', 'list', 'comment'].includes(e.entity) && regionProjects.includes(e.entity_id)) || (e.entity === 'rating' && e.entity_id === 'region:371526'))
        .map((e) => Number(e.seq));
      expect(expected).toContain(regionRatingSeq);
      const { rows } = await csv('/api/audit/exports/history.csv?region=371526');
      expect(rows[0][0]).toContain('导出范围：县（市、区）371526 高唐县');
      expect(rows.slice(2).map((row) => Number(row[0]))).toEqual(expected);
    });

    it('a period’s history as .xlsx: the stamp in the first row, then the header and the entries', async () => {
      const from = '2024-09-15T11:01:00+08:00';
      const to = '2024-09-15T11:03:00+08:00';
      const expected = await entries(`WHERE "at" >= '2024-09-15T03:01:00.000Z' AND "at" <= '2024-09-15T03:03:00.000Z'`);
      expect(expected).toHaveLength(3);
      const rows = await xlsx(`/api/audit/exports/history.xlsx?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
      expect(String(rows[0][0])).toMatch(/^审计链校验：通过（已校验 \d+ 条/);
      expect(String(rows[0][0])).toContain('导出范围：时段 2024-09-15T03:01:00.000Z 至 2024-09-15T03:03:00.000Z');
      expect(rows[1][0]).toBe('序号');
      expect(rows.slice(2).map((row) => row[0])).toEqual(expected); // numbers stay numbers
      expect(rows.at(-1)?.[3]).toBe("'-admin"); // the actor "-admin" neutralised
    });

    it('the anomaly list as CSV and .xlsx: the same items as the API, formulas neutralised', async () => {
      const { items } = await anomalies();
      const { rows, headers } = await csv('/api/audit/exports/anomalies.csv?year=2024');
      expect(headers['content-disposition']).toBe('attachment; filename="audit-anomalies-2024.csv"');
      expect(rows[0][0]).toMatch(/^审计链校验：通过.*导出范围：2024 年异常清单（单月占比上限 30%，突增倍数 3，共 10 条）/);
      expect(rows[1]).toEqual(['规则', '规则说明', '项目ID', '项目编码', '项目名称', '县（市、区）', '月份', '数据', '说明']);
      expect(rows.slice(2).map((row) => [row[0], Number(row[2]), row[6]])).toEqual(items.map((item) => [item.rule, item.projectId, item.months.join('、')]));
      const over = rows.find((row) => row[0] === 'cumulativeAboveTotal');
      expect(over?.[4]).toBe('\'=HYPERLINK("http://example.invalid","点我")');
      expect(JSON.parse(over?.[7] ?? '')).toEqual({ crossedMonth: '2024-06', cumulative: 1600, excess: 600, totalInvestment: 1000 });

      const sheet = await xlsx('/api/audit/exports/anomalies.xlsx?year=2024&maxMonthSharePct=31');
      expect(String(sheet[0][0])).toContain('单月占比上限 31%');
      expect(sheet.slice(2).map((row) => row[0])).not.toContain('monthShareAboveLimit');
      expect(sheet.slice(2)).toHaveLength(items.length - 1);
      expect(sheet.find((row) => row[0] === 'cumulativeAboveTotal')?.[4]).toBe('\'=HYPERLINK("http://example.invalid","点我")');
    });

    it.each([
      ['an unknown project', '/api/audit/exports/history.csv?projectId=999999', 404],
      ['an unknown region', '/api/audit/exports/history.xlsx?region=999999', 404],
      ['a malformed instant', '/api/audit/exports/history.csv?from=yesterday', 400],
      ['from after to', '/api/audit/exports/history.csv?from=2024-09-16T00:00:00Z&to=2024-09-15T00:00:00Z', 400],
      ['no year', '/api/audit/exports/anomalies.csv', 400],
    ])('%s is refused as JSON', async (_name, url, status) => {
      const res = await client.get(url);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) });
    });

    it('after tampering, the stamp says 未通过 and names the first bad entry (CSV and .xlsx)', async () => {
      const [target] = await entries("WHERE entity = 'rating' AND entity_id = 'region:371526'");
      await t.dataSource.query(`UPDATE audit_entry SET reason = '改过' WHERE seq = ?`, [target]);
      const { rows } = await csv(`/api/audit/exports/history.csv?projectId=${ids.clean}`);
      expect(rows[0][0]).toMatch(new RegExp(`^审计链校验：未通过（已校验 ${target - 1} 条，首个异常 #${target}：`));
      const sheet = await xlsx('/api/audit/exports/anomalies.xlsx?year=2024');
      expect(String(sheet[0][0])).toMatch(new RegExp(`^审计链校验：未通过（已校验 ${target - 1} 条，首个异常 #${target}：`));
      expect((await client.get('/api/audit/verify')).body).toMatchObject({ ok: false, firstBad: { seq: target, reason: 'hashMismatch' } });
    });
  });
});
