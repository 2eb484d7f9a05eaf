import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binary } from './support/bulletin-figures.js';
import { buildProblemWorld, type ProblemName, type ProblemWorld } from './factories/problem-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The month's lists carry over (docs/domain/requests.md "The month's three lists"): every problem
 * open at any time in the month, as it stood on the month's last day, marked 新增 / 结转 / 本月办结.
 * Expected figures are worked by hand from the world in test/factories/problem-world.ts:
 *
 *  August (on 08-31): A (answered, 简单, 新增), B (accepted, 复杂, 新增), C (returned, 待研判, 新增).
 *    H and G ended before August. Open: B. Overdue: none (B waits on 10-15).
 *  September (on 09-30): A 本月办结 (closed 09-03, carried from August; 29 days 08-05 → 09-03), B 结转,
 *    F 新增 (escalated; its promise 09-30 is today: in time), D 新增 (answered, 高频). C ended in August.
 *  October (on 10-31): B 结转 (overdue: promise 10-15, 16 days), F 结转 (decided, deadline 11-30),
 *    D 本月办结 (closed 10-21, carried; 41 days 09-10 → 10-21), E 新增 (never accepted, due 10-16:
 *    15 days overdue). A ended in September.
 */
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
const counts = (...v: [number, number, number, number, number, number, number, number, number, number, number | null]): Counts => ({
  raised: v[0],
  carried: v[1],
  cumulative: v[2],
  accepted: v[3],
  resolved: v[4],
  closed: v[5],
  returned: v[6],
  escalated: v[7],
  open: v[8],
  overdue: v[9],
  meanDaysToClose: v[10],
});
const ZERO = counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

interface Item {
  id: number;
  carry: string;
  status: string;
  overdue: boolean;
  daysOverdue: number | null;
}
interface List {
  category: string;
  counts: Counts;
  items: Item[];
}

let t: TestApp;
let world: ProblemWorld;
beforeAll(async () => {
  t = await startTestApp({ now: '2023-11-06T02:00:00.000Z' });
  world = await buildProblemWorld(t);
});
afterAll(async () => t.close());

describe('the month’s lists carry over: a hand-worked fixture of three months', () => {
  const read = async (month: string) => {
    const res = await t.client.get(`/api/requests/lists/${month}`);
    expect(res.status).toBe(200);
    return res.body as { refDate: string; totals: Counts; lists: List[]; byRegion: { code: string | null; counts: Counts }[] };
  };
  /** Each list's items as "name:mark:status", in name order. */
  const shown = (lists: List[]) =>
    Object.fromEntries(lists.map((l) => [l.category, l.items.map((i) => `${world.nameOf(i.id)}:${i.carry}:${i.status}`).sort()]));

  it('August: three raised in it, one open', async () => {
    const august = await read('2024-08');
    expect(august.refDate).toBe('2024-08-31');
    expect(shown(august.lists)).toEqual({ simple: ['A:new:answered'], frequent: [], complex: ['B:new:accepted'], unsorted: ['C:new:returned'] });
    expect(august.totals).toEqual(counts(3, 0, 3, 2, 1, 0, 1, 0, 1, 0, null));
    expect(august.lists.map((l) => l.counts)).toEqual([
      counts(1, 0, 1, 1, 1, 0, 0, 0, 0, 0, null),
      ZERO,
      counts(1, 0, 1, 1, 0, 0, 0, 0, 1, 0, null),
      counts(1, 0, 1, 0, 0, 0, 1, 0, 0, 0, null),
    ]);
    // B is an enterprise's problem in 东昌府区: counted there like a project's.
    expect(august.byRegion.map((r) => [r.code, r.counts.cumulative, r.counts.open])).toEqual([
      ['371502', 2, 1],
      ['371581', 1, 0],
    ]);
  });

  it('September: A carried over and closed in the month, B carried, F and D new; C is gone', async () => {
    const september = await read('2024-09');
    expect(september.refDate).toBe('2024-09-30');
    expect(shown(september.lists)).toEqual({ simple: ['A:closed:closed', 'F:new:escalated'], frequent: ['D:new:answered'], complex: ['B:carried:accepted'], unsorted: [] });
    expect(september.totals).toEqual(counts(2, 2, 4, 4, 2, 1, 0, 1, 2, 0, 29));
    expect(september.lists.map((l) => l.counts)).toEqual([
      counts(1, 1, 2, 2, 1, 1, 0, 1, 1, 0, 29),
      counts(1, 0, 1, 1, 1, 0, 0, 0, 0, 0, null),
      counts(0, 1, 1, 1, 0, 0, 0, 0, 1, 0, null),
      ZERO,
    ]);
    // D is about the whole chain: no county.
    expect(september.byRegion.map((r) => [r.code, r.counts.cumulative])).toEqual([
      ['371502', 3],
      [null, 1],
    ]);
  });

  it('October: B and F carried, D carried and closed, E new; open and overdue as on 31 October', async () => {
    const october = await read('2024-10');
    expect(october.refDate).toBe('2024-10-31');
    expect(shown(october.lists)).toEqual({ simple: ['F:carried:decided'], frequent: ['D:closed:closed'], complex: ['B:carried:accepted'], unsorted: ['E:new:raised'] });
    expect(october.totals).toEqual(counts(1, 3, 4, 3, 1, 1, 0, 1, 3, 2, 41));
    const items = october.lists.flatMap((l) => l.items);
    const late = Object.fromEntries(items.filter((i) => i.overdue).map((i) => [world.nameOf(i.id), i.daysOverdue]));
    expect(late).toEqual({ B: 16, E: 15 });
  });

  it('the October list’s open problems are the board’s open on 31 October, scope by scope', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=10')).body.factorGuarantee;
    expect(board).toMatchObject({ refDate: '2024-10-31', open: 3, overdue: 2 });
    // B is an enterprise's problem without a project: its row says so (null), never a project id it does not have.
    const e = (await t.client.get(`/api/requests/${world.ids.E}`)).body as { projectId: number };
    expect(e.projectId).toBeGreaterThan(0);
    expect(board.longestOverdue.map((i: { requestId: number; projectId: number | null; daysOverdue: number }) => [world.nameOf(i.requestId), i.projectId, i.daysOverdue])).toEqual([
      ['B', null, 16],
      ['E', e.projectId, 15],
    ]);
    expect((await read('2024-10')).totals.open).toBe(board.open);
    const county = (await world.dcf.get('/api/requests/lists/2024-10')).body;
    expect(county.totals).toEqual(counts(0, 2, 2, 2, 0, 0, 0, 1, 2, 1, null)); // B and F: the county's own
    const chainTeam = (await world.bearings.get('/api/requests/lists/2024-10')).body;
    // The chain team sees its chain's: E (on 临清乙项目, a 高端轴承 project) and D (the whole chain).
    expect(chainTeam.lists.flatMap((l: List) => l.items.map((i) => world.nameOf(i.id))).sort()).toEqual(['D', 'E']);
  });

  it('a month before anything was raised has empty lists; November carries B, F and E', async () => {
    expect((await read('2024-07')).totals).toEqual(ZERO);
    const november = await read('2024-11');
    expect(november.refDate).toBe('2024-11-05'); // the month is not over: today
    expect(shown(november.lists)).toEqual({ simple: ['F:carried:decided'], frequent: [], complex: ['B:carried:accepted'], unsorted: ['E:carried:raised'] });
  });

  it('replays September as recorded on 15 September: A closed, B carried, F accepted, D accepted', async () => {
    const res = await t.client.get(`/api/requests/lists/2024-09?asOf=${encodeURIComponent('2024-09-15T18:00:00+08:00')}`);
    expect(res.body.refDate).toBe('2024-09-15');
    const names = (res.body.lists as List[]).flatMap((l) => l.items.map((i) => `${world.nameOf(i.id)}:${i.carry}:${i.status}`)).sort();
    expect(names).toEqual(['A:closed:closed', 'B:carried:accepted', 'D:new:accepted', 'F:new:accepted']);
  });

  it('marks each problem’s channel and subject', async () => {
    const items = (await read('2024-09')).lists.flatMap((l) => l.items) as unknown as { id: number; channel: string; subject: string; enterprise: unknown; region: string | null; chain: string | null }[];
    const byName = (name: ProblemName) => items.find((i) => i.id === world.ids[name])!;
    expect(byName('B')).toMatchObject({ channel: 'hotline', subject: '聊城市甲机械有限公司', enterprise: { name: '聊城市甲机械有限公司', contact: '张经理', phone: '0635-0000000' }, region: '371502', chain: null });
    expect(byName('D')).toMatchObject({ channel: 'patrol', subject: '高端轴承产业链（全链）', enterprise: null, region: null, chain: 'bearings' });
    expect(byName('F')).toMatchObject({ channel: 'other', subject: '东昌府甲项目', region: '371502', chain: 'green-chemical' });
  });
});

/**
 * Year to date (docs/domain/requests.md "Year to date"), by hand from the same world:
 *  October 2024 — asked by what was raised in 2024: 用地 A 100 + E 50 = 150.00 亩 (2 requests);
 *  能耗 B 500; 资金 G 5000 + C 3000 + F 2000 = 10000 (3). Granted by what was 办结 in 2024: 用地
 *  A 80.00 (P1: 1 project served); 资金 G 4000 (P2; C returned, F not 办结; H was 办结 in 2023);
 *  其他 D 办结 (the chain: 1 served). 授信 4000; 到位 2024-01 H 600 + 04 G 1500 + 06 G 1200 (its latest
 *  revision) + 09 G 400 = 3700.
 *  June 2024 — raised by then: G only (5000, 1); granted G 4000; 到位 600 + 1500 + 1200 = 3300.
 */
describe('year-to-date 要素, hand-computed, with 授信 against 到位', () => {
  const row = (kind: string, requests: number, projects: number, asked: string | null, granted: string | null, unit: string | null) => ({ kind, pollutant: null, unit, requests, projects, asked, granted });
  const OCTOBER_KINDS = [
    row('land', 2, 1, '150.00', '80.00', 'mu'),
    row('energy', 1, 0, '500', '0', 'tce'),
    row('environment', 0, 0, '0.000', '0.000', 'tpa'),
    row('funding', 3, 1, '10000', '4000', 'wan'),
    row('approval', 0, 0, null, null, null),
    row('utilities', 0, 0, null, null, null),
    row('other', 1, 1, null, null, null),
  ];

  it('from January to October, per kind and per department', async () => {
    const res = await t.client.get('/api/requests/totals/2024-10');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month: '2024-10', refDate: '2024-10-31', funding: { credit: 4000, disbursed: 3700 } });
    expect(res.body.kinds).toEqual(OCTOBER_KINDS);
    expect(res.body.byDepartment.map((d: { code: string; kinds: { kind: string; requests: number }[] }) => [d.code, d.kinds.map((k) => `${k.kind}:${k.requests}`)])).toEqual([
      ['natural-resources', ['land:2']],
      ['development-reform', ['energy:1']],
      ['financial-regulation', ['funding:3']],
      ['chain-office', ['other:1']],
    ]);
  });

  it('from January to June: what was raised and filed by then', async () => {
    const res = await t.client.get('/api/requests/totals/2024-06');
    expect(res.body.funding).toEqual({ credit: 4000, disbursed: 3300 });
    expect(res.body.kinds.find((k: { kind: string }) => k.kind === 'funding')).toEqual(row('funding', 1, 1, '5000', '4000', 'wan'));
    expect(res.body.kinds.find((k: { kind: string }) => k.kind === 'land')).toEqual(row('land', 0, 0, '0.00', '0.00', 'mu'));
  });

  it('in the caller’s scope: 东昌府区 sees A, B, F and H only', async () => {
    const res = await world.dcf.get('/api/requests/totals/2024-10');
    // H's 到位 (2024-01, 600) counts in 2024; its 授信 was 2023's.
    expect(res.body.funding).toEqual({ credit: 0, disbursed: 600 });
    expect(res.body.kinds.filter((k: { requests: number }) => k.requests > 0).map((k: { kind: string; requests: number }) => [k.kind, k.requests])).toEqual([
      ['land', 1],
      ['energy', 1],
      ['funding', 1],
    ]);
  });

  it('on the board, and in the month’s problem-list workbook', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=10')).body.factorTotals;
    expect(board).toMatchObject({ month: '2024-10', refDate: '2024-10-31', funding: { credit: 4000, disbursed: 3700 } });
    expect(board.kinds).toEqual(OCTOBER_KINDS);
    const res = await t.client.get('/api/exports/requests/2024-10.xlsx').buffer(true).parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet('年度累计')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['用地', 2, 1, '150.00', '80.00', '亩']);
    expect(rows).toContainEqual(['资金授信（万元）', '', '', '', 4000, '万元']);
    expect(rows).toContainEqual(['资金到位（万元）', '', '', '', 3700, '万元']);
    expect(String(rows[1][0])).toContain('1个项目新增用地80.00亩');
    const g = workbook.getWorksheet('简单问题清单')!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(g.find((r) => r[2] === '东昌府甲项目')?.[1]).toBe('结转');
  });

  it('到位 is filed by the department against the 授信: more than the credit, or on a request without one, is refused', async () => {
    const over = await world.finance.put(`/api/requests/${world.ids.G}/disbursements/2024-10`).send({ amount: 1000 });
    expect(over.status).toBe(422); // 1500 + 1200 + 400 + 1000 = 4100 > 4000
    expect(over.body.details.map((d: { code: string }) => d.code)).toEqual(['exceedsCredit']);
    const decided = await world.finance.put(`/api/requests/${world.ids.F}/disbursements/2024-10`).send({ amount: 100 });
    expect(decided.body.details.map((d: { code: string }) => d.code)).toEqual(['noCredit']);
    expect((await world.dcf.put(`/api/requests/${world.ids.G}/disbursements/2024-10`).send({ amount: 100 })).status).toBe(403);
    const ok = await world.finance.put(`/api/requests/${world.ids.G}/disbursements/2024-10`).send({ amount: 900 });
    expect([ok.status, ok.body.credit, ok.body.disbursed]).toEqual([201, 4000, 4000]);
    const detail = await t.client.get(`/api/requests/${world.ids.G}`);
    expect(detail.body.disbursements).toEqual([
      { month: '2024-04', amount: 1500 },
      { month: '2024-06', amount: 1200 },
      { month: '2024-09', amount: 400 },
      { month: '2024-10', amount: 900 },
    ]);
  });
});

/** The 常务会 paper, read back by another program (python-docx from Debian). */
const READ_DOCX = `
import json, sys, docx
d = docx.Document(sys.argv[1])
print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables]}, ensure_ascii=False))
`;

describe('the 常务会 paper: the problems taken up in a month, one template, and the decisions recorded back', () => {
  const paper = async (month: string) => {
    const res = await t.client.get(`/api/requests/agenda/${month}.docx`).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const dir = mkdtempSync(join(tmpdir(), 'tracker-agenda-'));
    const file = join(dir, `agenda-${month}.docx`);
    writeFileSync(file, res.body as Buffer);
    const run = spawnSync('/usr/bin/python3', ['-c', READ_DOCX, file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    if (run.status !== 0) throw new Error(`python-docx could not read the paper (apt-get install python3-docx): ${run.stderr}`);
    return JSON.parse(run.stdout) as { paragraphs: string[]; tables: string[][][] };
  };

  it('September’s paper: F under the five parts, with what the 常务会 decided on 10 October', async () => {
    const { paragraphs, tables } = await paper('2024-09');
    expect(paragraphs[0]).toBe('2024年9月提请市政府常务会研究的企业问题');
    expect(paragraphs).toContain('议题一：关于东昌府甲项目技改贷款贴息的议题');
    const headings = paragraphs.filter((p) => /^（[一二三四五]）/.test(p));
    expect(headings).toEqual(['（一）基本情况', '（二）存在问题', '（三）部门意见', '（四）建议', '（五）议定事项']);
    const after = (heading: string) => paragraphs[paragraphs.indexOf(heading) + 1];
    expect(after('（一）基本情况')).toContain('东昌府甲项目（东昌府区，绿色化工产业链）经其他渠道于2024-09-02提出资金需求2000 万元：技改专项贷款。');
    expect(after('（一）基本情况')).toContain('2024-09-03受理研判');
    expect(after('（二）存在问题')).toBe('贷款贴息涉及市级财政资金，一事一议');
    expect(after('（三）部门意见')).toBe('市地方金融监管局：建议纳入技改贴息政策支持');
    expect(after('（四）建议')).toBe('由市财政按 50% 贴息');
    expect(tables[0]).toEqual([
      ['议定事项', '责任单位', '时限', '议定日期'],
      ['同意按 50% 贴息，由市财政局会同市地方金融监管局落实', '市财政局、市地方金融监管局', '2024-11-30', '2024-10-10'],
    ]);
    expect(tables[1]).toEqual([
      ['序号', '议题', '议定事项', '责任单位', '时限', '状态'],
      ['1', '关于东昌府甲项目技改贷款贴息的议题', '同意按 50% 贴息，由市财政局会同市地方金融监管局落实', '市财政局、市地方金融监管局', '2024-11-30', '常务会已议定（督办中）'],
    ]);
  });

  it('a month without escalations says so; only the city office and auditors fetch it', async () => {
    const { paragraphs, tables } = await paper('2024-08');
    expect(paragraphs).toContain('2024年8月没有提交市政府常务会研究的企业问题。');
    expect(tables).toEqual([]);
    expect((await world.dcf.get('/api/requests/agenda/2024-09.docx')).status).toBe(403);
  });
});
