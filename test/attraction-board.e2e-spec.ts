import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { leadBody } from './factories/lead.factory.js';
import { readBook } from './factories/workbooks.js';
import { projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The board's 招商 block against figures worked out by hand (docs/domain/attraction.md "The
 * board's block"): eight leads recorded over late 2023 and the first half of 2024, each step at
 * its own instant, so the same world answers "as of" several instants. Targets are the 2024
 * appendix's, copied here from docs/domain/plan-2024.md (亿元 × 10,000 = 万元).
 *
 *  lead  chain           signed (万元)        landed      funds (万元, by month)
 *  L1    ferrous         2024-02-10  15,000   2024-04-15  02: 3,000 · 03: 2,000 then 2,500 (revised 04-20)
 *  L2    ferrous         2024-05-20   9,000   —           06: 1,000
 *  L3    ferrous         2024-03-01  30,000   —           03: 800 · terminated on 2024-06-05
 *  L4    health          2024-01-15  50,000   2024-03-10  01: 10,000 · 07: 4,000
 *  L5    health          2024-06-28  12,000   2024-06-30 (an existing project)
 *  L6    health          negotiating
 *  L7    green-chemical  2024-07-05  20,000
 *  L8    equipment       2023-12-20  40,000               2024-01: 5,000
 */
const TARGETS = {
  city: { signed: 9_000_000, funded: 3_000_000 },
  ferrous: { signed: 600_000, funded: 200_000 },
  health: { signed: 1_000_000, funded: 200_000 },
  equipment: { signed: 1_000_000, funded: 450_000 },
  'green-chemical': { signed: 1_000_000, funded: 320_000 },
};

/** 序时: target × M/12 rounded half up, and actual ÷ that to 4 decimals (docs/domain/figures.md). */
const expectedOf = (target: number, month: number) => Math.floor((2 * target * month + 12) / 24);
const ratioOf = (actual: number, target: number, month: number) => Math.round((actual * 12 * 10000) / (target * month)) / 10000;
const figure = (actual: number, target: number, month: number) => ({ target, actual, expected: expectedOf(target, month), ratio: ratioOf(actual, target, month), rating: 'red' });

type Body = Record<string, unknown>;
interface ChainRow {
  code: string;
  signed: Body;
  funded: Body;
  signedCount: number;
  signedOver100m: { count: number; target: number | null };
  landed: { count: number; target: number | null };
  attractedOver: { count: number; target: number | null; thresholdWan: number | null };
  indicators: { quarter: number; revenueGrowthPct: number | null; newAboveScale: number | null } | null;
  differentiated: { text: string | null; note: { status: string; note: string | null } | null };
}

describe('the board\'s 招商 block, worked out by hand', () => {
  let t: TestApp;
  const ids: Record<string, number> = {};

  const at = (instant: string) => t.setNow(instant);
  const ok = async (res: request.Response | Promise<request.Response>, status = [200, 201]) => {
    const r = await res;
    if (!status.includes(r.status)) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r.body as Body;
  };
  const lead = async (key: string, chain: string, signed?: { date: string; amount: number }) => {
    const created = await ok(t.client.post('/api/leads').send(leadBody({ name: `${key} 招商项目`, chain, region: '371502' })));
    ids[key] = created.id as number;
    if (signed) await ok(t.client.post(`/api/leads/${ids[key]}/events`).send({ type: 'SIGN', ...signed }));
  };
  const funds = (key: string, month: string, amount: number) => ok(t.client.put(`/api/leads/${ids[key]}/funds/${month}`).send({ amount }));
  const board = async (month: number, asOf?: string) => (await ok(t.client.get(`/api/dashboard/2024?month=${month}${asOf ? `&asOf=${asOf}` : ''}`))) as { attraction: { signed: Body; funded: Body; signedCount: number; landedCount: number; chains: ChainRow[] }; warnings: { code: string; message: string }[] };
  const chainOf = (b: Awaited<ReturnType<typeof board>>, code: string) => b.attraction.chains.find((c) => c.code === code)!;

  beforeAll(async () => {
    t = await startTestApp({ now: '2023-12-20T03:00:00.000Z' });
    await lead('L8', 'equipment', { date: '2023-12-20', amount: 40_000 });
    at('2024-01-15T03:00:00.000Z');
    await lead('L4', 'health', { date: '2024-01-15', amount: 50_000 });
    at('2024-02-05T03:00:00.000Z');
    await funds('L8', '2024-01', 5_000);
    await funds('L4', '2024-01', 10_000);
    at('2024-02-10T03:00:00.000Z');
    await lead('L1', 'ferrous', { date: '2024-02-10', amount: 15_000 });
    at('2024-03-01T03:00:00.000Z');
    await lead('L3', 'ferrous', { date: '2024-03-01', amount: 30_000 });
    await funds('L1', '2024-02', 3_000);
    at('2024-03-10T03:00:00.000Z');
    await ok(t.client.post(`/api/leads/${ids.L4}/events`).send({ type: 'LAND', date: '2024-03-10', project: { code: 'ZS-H-1' } }));
    at('2024-04-03T03:00:00.000Z');
    await funds('L1', '2024-03', 2_000);
    await funds('L3', '2024-03', 800);
    await ok(t.client.put('/api/chains/ferrous/indicators/2024/1').send({ revenueGrowthPct: 5.5, newAboveScale: 4 }));
    at('2024-04-15T03:00:00.000Z');
    await ok(t.client.post(`/api/leads/${ids.L1}/events`).send({ type: 'LAND', date: '2024-04-15', project: { code: 'ZS-F-1', totalInvestment: 15_000 } }));
    at('2024-04-20T03:00:00.000Z');
    await funds('L1', '2024-03', 2_500);
    at('2024-05-20T03:00:00.000Z');
    await lead('L2', 'ferrous', { date: '2024-05-20', amount: 9_000 });
    await ok(t.client.put('/api/chains/ferrous/notes/2024').send({ status: 'inProgress', note: '已签约过亿元项目 1 个' }));
    at('2024-06-05T03:00:00.000Z');
    await ok(t.client.post(`/api/leads/${ids.L3}/events`).send({ type: 'TERMINATE', reason: '投资方撤回' }));
    at('2024-06-28T03:00:00.000Z');
    await lead('L5', 'health', { date: '2024-06-28', amount: 12_000 });
    await lead('L6', 'health');
    const existing = await ok(t.client.post('/api/projects').send(projectBody({ chain: 'health', region: '371502' })));
    at('2024-06-30T03:00:00.000Z');
    await ok(t.client.post(`/api/leads/${ids.L5}/events`).send({ type: 'LAND', projectId: existing.id }));
    at('2024-07-05T03:00:00.000Z');
    await lead('L7', 'green-chemical', { date: '2024-07-05', amount: 20_000 });
    await funds('L2', '2024-06', 1_000);
    await funds('L4', '2024-07', 4_000);
    await ok(t.client.put('/api/chains/ferrous/indicators/2024/2').send({ revenueGrowthPct: 6.5, newAboveScale: 9, newQuality: 7 }));
    at('2024-07-10T03:00:00.000Z');
  });
  afterAll(async () => t.close());

  it('through June, now: 签约 and 到位 per chain and for the city, with 序时', async () => {
    const b = await board(6);
    // ferrous: L1 15,000 + L2 9,000 (L3 terminated on 06-05); funds 3,000 + 2,500 + 1,000 + L3's 800
    expect(chainOf(b, 'ferrous')).toMatchObject({
      signed: figure(24_000, 600_000, 6), // expected 300,000, ratio 0.08
      funded: figure(7_300, 200_000, 6), // expected 100,000, ratio 0.073
      signedCount: 2,
      signedOver100m: { count: 1, target: 10 },
      landed: { count: 1, target: null },
    });
    expect(chainOf(b, 'ferrous').signed).toEqual({ target: 600_000, actual: 24_000, expected: 300_000, ratio: 0.08, rating: 'red' });
    // health: L4 50,000 + L5 12,000, both landed; funds January 10,000 (July's 4,000 is after June)
    expect(chainOf(b, 'health')).toMatchObject({
      signed: { actual: 62_000, expected: 500_000, ratio: 0.124 },
      funded: { actual: 10_000, expected: 100_000, ratio: 0.1 },
      signedCount: 2,
      signedOver100m: { count: 2, target: null },
      landed: { count: 2, target: 10 },
    });
    // equipment: signed in 2023 (not this year's), but January 2024's money is this year's 到位
    expect(chainOf(b, 'equipment')).toMatchObject({ signed: { actual: 0 }, funded: figure(5_000, 450_000, 6), signedCount: 0 });
    expect(chainOf(b, 'equipment').funded.ratio).toBe(0.0222);
    expect(chainOf(b, 'green-chemical')).toMatchObject({ signed: { actual: 0 }, funded: { actual: 0 } });
    // the city: Σ chains against 900亿 / 300亿
    expect(b.attraction.signed).toEqual(figure(86_000, TARGETS.city.signed, 6));
    expect(b.attraction.signed).toMatchObject({ expected: 4_500_000, ratio: 0.0191 });
    expect(b.attraction.funded).toEqual(figure(22_300, TARGETS.city.funded, 6));
    expect(b.attraction.funded).toMatchObject({ expected: 1_500_000, ratio: 0.0149 });
    expect([b.attraction.signedCount, b.attraction.landedCount]).toEqual([4, 3]);
    expect(b.attraction.chains.map((c) => c.code)).toHaveLength(12);
  });

  it('through July: the July signing and July money count', async () => {
    const b = await board(7);
    expect(chainOf(b, 'green-chemical')).toMatchObject({ signed: figure(20_000, 1_000_000, 7), signedCount: 1, signedOver100m: { count: 1, target: null } });
    expect(chainOf(b, 'health').funded).toEqual(figure(14_000, 200_000, 7));
    expect(b.attraction.signed).toMatchObject({ actual: 106_000, expected: 5_250_000, ratio: 0.0202 });
    expect(b.attraction.funded).toMatchObject({ actual: 26_300, expected: 1_750_000, ratio: 0.015 });
  });

  it('replays by recorded instants: as of 1 May the terminated deal still counted and L2 did not exist', async () => {
    const b = await board(4, '2024-05-01T00:00:00.000Z');
    expect(chainOf(b, 'ferrous')).toMatchObject({
      signed: figure(45_000, 600_000, 4), // L1 15,000 + L3 30,000
      funded: figure(6_300, 200_000, 4), // 3,000 + 2,500 (revised 04-20) + 800
      signedCount: 2,
      signedOver100m: { count: 2, target: 10 },
      landed: { count: 1, target: null },
      indicators: { quarter: 1, revenueGrowthPct: 5.5, newAboveScale: 4 },
      differentiated: { note: null },
    });
    expect(b.attraction.signed).toMatchObject({ actual: 95_000, expected: 3_000_000, ratio: 0.0317 });
    expect(b.attraction.funded).toMatchObject({ actual: 21_300, expected: 1_000_000, ratio: 0.0213 });
    // as of 10 April, the March money was still its first filing, and L1 had not landed
    const april = await board(3, '2024-04-10T00:00:00.000Z');
    expect(chainOf(april, 'ferrous')).toMatchObject({ funded: { actual: 3_000 + 2_000 + 800 }, landed: { count: 0 } });
    // as of 1 June, before the termination was recorded, L3 still counted through June
    expect(chainOf(await board(6, '2024-06-01T00:00:00.000Z'), 'ferrous').signed).toMatchObject({ actual: 15_000 + 9_000 + 30_000 });
  });

  it('the latest indicator filing and the 差异化指标 note ride along, as recorded', async () => {
    const b = await board(6);
    expect(chainOf(b, 'ferrous')).toMatchObject({
      indicators: { quarter: 2, revenueGrowthPct: 6.5, newAboveScale: 9 },
      differentiated: { text: expect.stringContaining('签约至少 10 个过亿元'), note: { status: 'inProgress', note: '已签约过亿元项目 1 个' } },
    });
    expect(chainOf(b, 'health').indicators).toBeNull();
  });

  it('warns that the chains sign for 895亿 against 900亿 and bring 301亿 against 300亿 — from the plan, not hard-coded', async () => {
    const b = await board(6);
    expect(b.warnings.filter((w) => /^chain(Signed|Funded)Targets/.test(w.code))).toEqual([
      { code: 'chainSignedTargetsBelowCityTarget', message: '12条产业链招商引资签约目标合计 895 亿元，较全市目标 900 亿元少 5 亿元' },
      { code: 'chainFundedTargetsAboveCityTarget', message: '12条产业链招商引资到位资金目标合计 301 亿元，较全市目标 300 亿元多 1 亿元' },
    ]);
    // A plan whose city targets match the chains' sums warns of neither; one chain's change brings one back.
    await ok(t.client.patch('/api/targets/2024').send({ attractionSignedWan: 8_950_000, attractionFundedWan: 3_010_000 }));
    const fixed = await board(6);
    expect(fixed.warnings.map((w) => w.code).filter((c) => /^chain(Signed|Funded)Targets/.test(c))).toEqual([]);
    expect(fixed.attraction.signed).toMatchObject({ target: 8_950_000, expected: 4_475_000 });
    await ok(t.client.patch('/api/targets/2024').send({ chains: [{ code: 'ferrous', fundedWan: 210_000 }] }));
    expect((await board(6)).warnings.filter((w) => /^chain(Signed|Funded)Targets/.test(w.code))).toEqual([
      { code: 'chainFundedTargetsAboveCityTarget', message: '12条产业链招商引资到位资金目标合计 302 亿元，较全市目标 301 亿元多 1 亿元' },
    ]);
    await ok(t.client.patch('/api/targets/2024').send({ attractionSignedWan: 9_000_000, attractionFundedWan: 3_000_000, chains: [{ code: 'ferrous', fundedWan: 200_000 }] }));
  });

  it('the chain page: the appendix row, targets beside actuals, indicators by quarter, the note, the leads', async () => {
    const page = (await ok(t.client.get('/api/chains/ferrous/page/2024?month=6'))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const b = await board(6);
    expect(page).toMatchObject({
      year: 2024,
      month: 6,
      quarter: 2,
      chain: { code: 'ferrous', no: 1, name: '黑色金属', leadUnit: '市投资促进局' },
      projects: { target: 7, listed: 0 },
      investment: { target: 173_000, actual: 0, expected: 86_500, ratio: 0 },
      attraction: chainOf(b, 'ferrous'),
      differentiated: { signedOver100m: { count: 1, target: 10 }, landed: { count: 1, target: null }, note: { status: 'inProgress' } },
    });
    const indicator = (key: string) => page.indicators.find((i: { key: string }) => i.key === key);
    expect(indicator('revenueGrowthPct')).toEqual({ key: 'revenueGrowthPct', target: 6, actual: 6.5, quarter: 2, expected: null, ratio: null, met: true });
    expect(indicator('newAboveScale')).toEqual({ key: 'newAboveScale', target: 20, actual: 9, quarter: 2, expected: 10, ratio: 0.9, met: null });
    expect(indicator('newQuality')).toEqual({ key: 'newQuality', target: 16, actual: 7, quarter: 2, expected: 8, ratio: 0.875, met: null });
    expect(indicator('valueAddedGrowthPct')).toEqual({ key: 'valueAddedGrowthPct', target: 10, actual: null, quarter: null, expected: null, ratio: null, met: null });
    expect(page.filings.map((f: { quarter: number }) => f.quarter)).toEqual([1, 2]);
    expect(page.leads.map((l: Body) => [l.id, l.status, l.signedAmount, l.funded])).toEqual([
      [ids.L2, 'signed', 9_000, 1_000],
      [ids.L3, 'terminated', 30_000, 800],
      [ids.L1, 'landed', 15_000, 5_500],
    ]);
    // as of 1 May: L2 not recorded yet, L3 still signed, Q1's filing only
    const may = (await ok(t.client.get('/api/chains/ferrous/page/2024?month=4&asOf=2024-05-01T08:00:00%2B08:00'))) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(may.leads.map((l: Body) => [l.id, l.status])).toEqual([[ids.L3, 'signed'], [ids.L1, 'landed']]);
    expect(may.filings.map((f: { quarter: number }) => f.quarter)).toEqual([1]);
    expect(may.differentiated.note).toBeNull();
    // every signed-in role reads it; a chain that does not exist is 404
    expect((await t.client.get('/api/chains/steel/page/2024')).status).toBe(404);
  });

  it('the bulletin workbook carries the chain table with these columns', async () => {
    await ok(t.client.post('/api/bulletins/2024/6'));
    const res = await t.client.get('/api/exports/bulletins/2024/6.xlsx').buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    const workbook = await readBook(res.body as Buffer);
    const sheet = workbook.getWorksheet('产业链附表')!;
    expect(sheet).toBeDefined();
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.find((r) => r[0] === '序号')!;
    const ferrous = rows.find((r) => r[1] === '黑色金属')!;
    const cell = (head: string) => ferrous[header.findIndex((h) => h.startsWith(head))];
    expect(cell('签约（亿元）')).toBe('2.40');
    expect(cell('签约目标')).toBe('60.00');
    expect(cell('签约完成序时')).toBe('8.00%');
    expect(cell('到位（亿元）')).toBe('0.73');
    expect(cell('到位目标')).toBe('20.00');
    expect(cell('过亿元签约')).toBe('1/10');
    expect(cell('签约落地')).toBe('1');
    expect(cell('营收增幅')).toBe('6.5/6');
    expect(cell('新增规上企业')).toBe('9/20');
    expect(cell('增加值增幅')).toBe('—/10');
    expect(cell('指标所属季度')).toBe('第2季度');
    expect(cell('状态')).toBe('推进中');
    expect(cell('进展说明')).toBe('已签约过亿元项目 1 个');
    expect(rows.filter((r) => /^\d+$/.test(r[0]))).toHaveLength(12);
    const health = rows.find((r) => r[1] === '大健康★')!;
    expect(health[header.findIndex((h) => h.startsWith('签约落地'))]).toBe('2/10');
  });

  it('a 差异化指标 naming projects attracted over a size (招引投资过30亿元项目) is counted from the projects', async () => {
    // The plan row of 有色金属 asks for 2 projects attracted from outside of at least 30亿 (300,000 万元).
    await ok(t.client.patch('/api/targets/2024').send({ chains: [{ code: 'nonferrous', attractedOverTarget: 2, attractedOverThresholdWan: 300_000 }] }));
    const before = new Date(Date.parse('2024-07-10T03:00:00.000Z') - 1000).toISOString();
    const project = (code: string, chain: string, totalInvestment: number, origin: string, plannedAt: string) =>
      ok(t.client.post('/api/projects').send(projectBody({ code, chain, region: '371526', totalInvestment, origin, plannedAt })));
    await project('ZY-1', 'nonferrous', 300_000, 'attracted', '2024-05-01'); // exactly 30亿: counts
    await project('ZY-2', 'nonferrous', 299_999, 'attracted', '2024-05-01'); // one 万元 short
    await project('ZY-3', 'nonferrous', 500_000, 'expansion', '2024-05-01'); // a local expansion: not 招引
    await project('ZY-4', 'nonferrous', 400_000, 'attracted', '2024-07-01'); // counts from July
    await project('ZY-5', 'equipment', 400_000, 'attracted', '2024-05-01'); // a chain whose row names no such count
    const withdrawn = await project('ZY-6', 'nonferrous', 900_000, 'attracted', '2024-04-01');
    await ok(t.client.post(`/api/projects/${withdrawn.id as number}/events`).send({ type: 'WITHDRAW', reason: '投资方放弃' }));
    expect(chainOf(await board(6), 'nonferrous').attractedOver).toEqual({ count: 1, target: 2, thresholdWan: 300_000 });
    expect(chainOf(await board(7), 'nonferrous').attractedOver).toEqual({ count: 2, target: 2, thresholdWan: 300_000 });
    expect(chainOf(await board(7), 'equipment').attractedOver).toEqual({ count: 0, target: null, thresholdWan: null });
    // As recorded before the projects existed: none.
    expect(chainOf(await board(7, before), 'nonferrous').attractedOver).toEqual({ count: 0, target: 2, thresholdWan: 300_000 });
    const page = (await ok(t.client.get('/api/chains/nonferrous/page/2024?month=7'))) as { differentiated: Body };
    expect(page.differentiated.attractedOver).toEqual({ count: 2, target: 2, thresholdWan: 300_000 });
  });
});

describe('the illustrative demo\'s 招商 on the October 2024 board', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  });
  afterAll(async () => t.close());

  it('shows progress on 黑色金属\'s and 大健康\'s counts, the city near its 序时, and the chain page of every chain', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=10')).body;
    const chain = (code: string) => board.attraction.chains.find((c: { code: string }) => c.code === code);
    expect(chain('ferrous').signedOver100m).toEqual({ count: 7, target: 10 });
    expect(chain('health').landed).toEqual({ count: 7, target: 10 });
    expect(board.attraction.signed.ratio).toBeGreaterThan(0.9);
    expect(board.attraction.funded.ratio).toBeGreaterThan(0.8);
    expect(new Set(board.attraction.chains.map((c: { signed: { rating: string } }) => c.signed.rating))).toEqual(new Set(['blue', 'yellow', 'red']));
    expect(board.attraction.chains.every((c: { indicators: { quarter: number } | null; differentiated: { note: unknown } }) => c.indicators?.quarter === 3 && c.differentiated.note !== null)).toBe(true);
    const health = (await t.client.get('/api/chains/health/page/2024?month=10')).body;
    expect(health.leads.filter((l: { status: string }) => l.status === 'landed')).toHaveLength(7);
    const landed = health.leads.find((l: { status: string }) => l.status === 'landed');
    const project = (await t.client.get(`/api/projects/${landed.projectId}`)).body;
    expect(project).toMatchObject({ stage: 'reserve', origin: 'attracted', chain: 'health', lead: { id: landed.id } });
  });
});
