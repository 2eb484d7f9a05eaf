import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  buildFixture,
  CHAIN_REF,
  CITY,
  expectedBoard,
  expectRatio,
  expectRounded,
  FIXTURE_NOW,
  fullDatabaseState,
  ratioOf,
  REGION_REF,
  type ExpectedBoard,
  type Ledger,
} from './factories/dashboard-fixture.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The target board (issue 3) end to end: a fixture of 37 projects is built through the
 * API on a mocked clock, and every figure the board shows is checked against plain
 * arithmetic over the same data table (test/factories/dashboard-fixture.ts).
 */

/** The contract's error shape (docs/api.md "Errors"). */
function expectErrorShape(res: request.Response, status: number) {
  expect(res.headers['content-type']).toMatch(/application\/json/);
  expect(res.body).toEqual({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
    requestId: expect.any(String),
  });
}

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Replace a shown ratio by the exact one when it is the exact one given to 4 decimals, so one diff shows everything. */
function near(got: unknown, exact: number | null): unknown {
  if (exact === null || typeof got !== 'number') return got;
  return Math.abs(got - exact) <= 0.00005 + 1e-9 ? exact : got;
}
/** Replace a shown whole-万元 `expected` by e12/12 when it is the nearest integer to it. */
function nearWan(got: unknown, e12: number): unknown {
  return Number.isInteger(got) && Math.abs((got as number) - e12 / 12) <= 0.5 ? e12 / 12 : got;
}

/** What the board shows, reduced to the figures the arithmetic predicts (tolerances applied). */
function shown(body: Body, exp: ExpectedBoard) {
  const regionExp = new Map(exp.regions.map((r) => [r.code, r]));
  const chainExp = new Map(exp.chains.map((c) => [c.code, c]));
  return {
    year: body.year,
    investment: {
      target: body.investment?.target,
      actual: body.investment?.actual,
      expected: nearWan(body.investment?.expected, exp.investment.e12),
      ratio: near(body.investment?.ratio, ratioOf(exp.investment)),
      rating: body.investment?.rating,
      computedRating: body.investment?.computedRating,
      override: body.investment?.override,
      listed: body.investment?.listed,
      plan: body.investment?.plan,
      planShare: near(body.investment?.planShare, exp.investment.plan ? exp.investment.actual / exp.investment.plan : null),
    },
    implementationCounts: body.implementationCounts,
    startRate: {
      listed: body.startRate?.listed,
      started: body.startRate?.started,
      rate: near(body.startRate?.rate, exp.startRate.listed ? exp.startRate.started / exp.startRate.listed : null),
      target: body.startRate?.target,
      neededForTarget: body.startRate?.neededForTarget,
    },
    bigProjects: {
      threshold: body.bigProjects?.threshold,
      count: body.bigProjects?.count,
      target: body.bigProjects?.target,
      ok: body.bigProjects?.ok,
      projectIds: ((body.bigProjects?.newThisYear ?? []) as Body[]).map((p) => p.projectId).sort((a, b) => a - b),
      continuingIds: ((body.bigProjects?.continuing ?? []) as Body[]).map((p) => p.projectId).sort((a, b) => a - b),
      chains: ((body.bigProjects?.chains ?? []) as Body[]).map(({ code, name, flagship, required, count, ok, projectIds, attracted }) => ({ code, name, flagship, required, count, ok, projectIds, attracted })),
      regions: ((body.bigProjects?.regions ?? []) as Body[])
        .map((r) => ({ code: r.code, name: r.name, required: r.required, count: r.count, ok: r.ok, projectIds: [...(r.projectIds ?? [])].sort((a, b) => a - b), attracted: r.attracted }))
        .sort((a, b) => a.code.localeCompare(b.code)),
      flagshipChains: ((body.bigProjects?.flagshipChains ?? []) as Body[])
        .map((c) => ({ code: c.code, name: c.name, count: c.count, ok: c.ok, projectIds: [...(c.projectIds ?? [])].sort((a, b) => a - b) }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    },
    keyProjects: {
      threshold: body.keyProjects?.threshold,
      count: body.keyProjects?.count,
      targetCount: body.keyProjects?.targetCount,
      investment: body.keyProjects?.investment,
      target: body.keyProjects?.target,
      expected: nearWan(body.keyProjects?.expected, exp.key.e12),
      ratio: near(body.keyProjects?.ratio, ratioOf({ actual: exp.key.investment, e12: exp.key.e12 })),
      rating: body.keyProjects?.rating,
      computedRating: body.keyProjects?.computedRating,
    },
    chains: ((body.chains ?? []) as Body[])
      .map((c) => {
        const e = chainExp.get(c.code);
        return {
          code: c.code, no: c.no, name: c.name, flagship: c.flagship,
          targetProjects: c.targetProjects, listedProjects: c.listedProjects, targetInvestment: c.targetInvestment,
          actual: c.actual,
          expected: e ? nearWan(c.expected, e.e12) : c.expected,
          ratio: e ? near(c.ratio, ratioOf(e)) : c.ratio,
          rating: c.rating, computedRating: c.computedRating, override: c.override,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
    regions: ((body.regions ?? []) as Body[])
      .map((r) => {
        const e = regionExp.get(r.code);
        return {
          code: r.code, name: r.name, projects: r.projects, plan: r.plan, actual: r.actual,
          expected: e ? nearWan(r.expected, e.e12) : r.expected,
          ratio: e ? near(r.ratio, ratioOf(e)) : r.ratio,
          rating: r.rating, computedRating: r.computedRating, override: r.override,
          rank: r.rank, rankChange: r.rankChange,
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code)),
    redList: ((body.redList ?? []) as Body[])
      .map((item) => ({ projectId: item.projectId, kind: item.kind }))
      .sort((a, b) => a.projectId - b.projectId || a.kind.localeCompare(b.kind)),
    warningCodes: ((body.warnings ?? []) as Body[]).map((w) => w.code).sort(),
  };
}

/** What the arithmetic says the board must show (no overrides unless given). */
function wanted(exp: ExpectedBoard) {
  return {
    year: 2024,
    investment: {
      target: CITY.implementationInvestment,
      actual: exp.investment.actual,
      expected: exp.investment.e12 / 12,
      ratio: ratioOf(exp.investment),
      rating: exp.investment.rating,
      computedRating: exp.investment.rating,
      override: null,
      listed: exp.investment.listed,
      plan: exp.investment.plan,
      planShare: exp.investment.plan ? exp.investment.actual / exp.investment.plan : null,
    },
    implementationCounts: exp.counts,
    startRate: {
      listed: exp.startRate.listed,
      started: exp.startRate.started,
      rate: exp.startRate.listed ? exp.startRate.started / exp.startRate.listed : null,
      target: 0.8,
      neededForTarget: exp.startRate.neededForTarget,
    },
    bigProjects: {
      threshold: CITY.bigThreshold,
      count: exp.big.count,
      target: CITY.bigCityTarget,
      ok: exp.big.ok,
      projectIds: exp.big.ids,
      continuingIds: exp.big.continuingIds,
      chains: exp.big.chains,
      regions: [...exp.big.regions].sort((a, b) => a.code.localeCompare(b.code)),
      flagshipChains: [...exp.big.flagshipChains].sort((a, b) => a.code.localeCompare(b.code)),
    },
    keyProjects: {
      threshold: CITY.keyThreshold,
      count: exp.key.count,
      targetCount: CITY.keyCount,
      investment: exp.key.investment,
      target: CITY.keyInvestment,
      expected: exp.key.e12 / 12,
      ratio: ratioOf({ actual: exp.key.investment, e12: exp.key.e12 }),
      rating: exp.key.rating,
      computedRating: exp.key.rating,
    },
    chains: exp.chains
      .map((c) => ({
        code: c.code, no: c.no, name: c.name, flagship: CHAIN_REF.find((r) => r.code === c.code)!.flagship,
        targetProjects: c.targetProjects, listedProjects: c.listedProjects, targetInvestment: c.targetInvestment,
        actual: c.actual, expected: c.e12 / 12, ratio: ratioOf(c),
        rating: c.rating, computedRating: c.rating, override: null,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    regions: exp.regions
      .map((r) => ({
        code: r.code, name: r.name, projects: r.projects, plan: r.plan, actual: r.actual,
        expected: r.e12 / 12, ratio: ratioOf(r),
        rating: r.rating, computedRating: r.rating, override: null,
        rank: r.rank, rankChange: r.rankChange,
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    redList: [...exp.redList].sort((a, b) => a.projectId - b.projectId || a.kind.localeCompare(b.kind)),
    warningCodes: exp.warnings.map((w) => w.code).sort(),
  };
}

/** The whole board against the arithmetic, plus the warnings' messages. */
function expectBoard(body: Body, exp: ExpectedBoard, month: number, asOf: string | null) {
  expect(body.month).toBe(month);
  if (asOf !== null) expect(Date.parse(body.asOf)).toBe(Date.parse(asOf));
  expect(body.thresholds).toEqual({ bluePct: CITY.bluePct, yellowPct: CITY.yellowPct });
  expect(shown(body, exp)).toEqual(wanted(exp));
  for (const w of exp.warnings.filter((x) => x.mentionAnyOf)) {
    const messages = (body.warnings as Body[]).filter((x) => x.code === w.code).map((x) => x.message as string);
    expect({ code: w.code, mentioned: messages.some((m) => w.mentionAnyOf!.some((name) => m.includes(name))), messages })
      .toEqual({ code: w.code, mentioned: true, messages: expect.any(Array) });
  }
  for (const w of body.warnings as Body[]) expect(typeof w.message === 'string' && w.message.length > 0).toBe(true);
  // The types say ratios are given to 4 decimals, and `expected` in whole 万元.
  expectRatio(body.investment.ratio, ratioOf(exp.investment), 'investment.ratio');
  expectRounded(body.investment.expected, exp.investment.e12, 'investment.expected');
}

describe('the 2024 target board (挂图作战) over HTTP, against hand arithmetic', () => {
  let t: TestApp;
  let ledger: Ledger;

  beforeAll(async () => {
    t = await startTestApp({ now: '2022-01-05T00:00:00.000Z' });
    ledger = await buildFixture(t);
  }, 300_000);
  afterAll(async () => t?.close());

  const board = (month: number | string, asOf?: string) =>
    t.client.get(`/api/dashboard/2024?month=${month}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`);
  const file = (key: string, month: string, body: Record<string, unknown>) =>
    t.client.put(`/api/projects/${ledger.id(key)}/reports/${month}`).send(body);
  const regionRow = (body: Body, code: string): Body => (body.regions as Body[]).find((r) => r.code === code)!;
  const redKinds = (body: Body, key: string): string[] =>
    (body.redList as Body[]).filter((i) => i.projectId === ledger.id(key)).map((i) => i.kind).sort();

  describe('1. the board for June and October', () => {
    it.each([6, 10])('month %i: every block equals the arithmetic over the fixture', async (month) => {
      t.setNow(FIXTURE_NOW);
      const res = await board(month);
      expect(res.status).toBe(200);
      expect(res.body.year).toBe(2024);
      expectBoard(res.body, expectedBoard(ledger, month, FIXTURE_NOW), month, FIXTURE_NOW);
      expect(res.body.regions).toHaveLength(REGION_REF.length);
      expect(res.body.chains).toHaveLength(CHAIN_REF.length);
      expect(res.body.bigProjects.regions).toHaveLength(REGION_REF.length);
      expect(res.body.bigProjects.flagshipChains).toHaveLength(4);
    });

    it('anchors the arithmetic with figures worked out by hand', async () => {
      t.setNow(FIXTURE_NOW);
      const june = (await board(6)).body;
      const october = (await board(10)).body;
      // Σ implementation list, months 1–6, latest revisions (A1 and A5 March re-filed).
      expect(june.investment.actual).toBe(269_900);
      expect(june.investment.expected).toBe(825_000);
      expect(june.investment.listed).toBe(18);
      expect(june.investment.computedRating).toBe('red');
      // 13 on the preparation list; 6 started by 30 June, 7 by 31 October (C3 on 15 August).
      expect(june.startRate).toMatchObject({ listed: 13, started: 6, target: 0.8, neededForTarget: 5 });
      expect(october.startRate).toMatchObject({ listed: 13, started: 7, neededForTarget: 4 });
      expect(october.startRate.rate).toBeCloseTo(7 / 13, 4);
      // 3 big projects new in 2024: reserve B1, preparation A6 (exactly 50亿) and F1, all entered the library in 2024.
      // Continuing (in the library before 2024): A1, E1, G1 and K1 (completed in 2024); withdrawn D1 and 2023-completed C1 are neither.
      expect(october.bigProjects.count).toBe(3);
      const ids = (list: Body[]) => list.map((p) => p.projectId).sort((a, b) => a - b);
      const of = (keys: string[]) => keys.map((key) => ledger.id(key)).sort((a, b) => a - b);
      expect(ids(october.bigProjects.newThisYear)).toEqual(of(['A6', 'B1', 'F1']));
      expect(ids(october.bigProjects.continuing)).toEqual(of(['A1', 'E1', 'G1', 'K1']));
      // 10 designated key projects (E2 is exactly 10亿); G5 (11亿, on the preparation list) is not designated; X1 and A6 are on no list.
      expect(october.keyProjects.count).toBe(10);
      // The city's own headline counts: 18 on the implementation list; by 31 October 17 started (F2 and K1 included) and K1 completed.
      expect(october.implementationCounts).toEqual({ listed: 18, started: 18, completed: 1 });
      // D2 is exactly at 80% (yellow, not lagging); E2 at 60% is lagging; G2 has nothing expected in June.
      expect(redKinds(june, 'D2')).toEqual([]);
      expect(redKinds(june, 'E2')).toEqual(['lagging']);
      expect(redKinds(june, 'G2')).toEqual([]);
      expect(redKinds(october, 'G2')).toEqual(['lagging']);
      expect(redKinds(june, 'F2')).toEqual(['halted']);
      expect(redKinds(october, 'C3')).toEqual([]);
      expect(redKinds(october, 'E4')).toEqual(['overdueStart']);
      expect(redKinds(october, 'F4')).toEqual([]);
      const codes = (october.warnings as Body[]).map((w) => w.code);
      // Counties without a big project new in 2024: 阳谷县 (C1 completed in 2023), 莘县 (D1 withdrawn), 东阿县 (E1 continuing), 冠县, 高唐县 (X1 is 20亿).
      expect(codes.filter((c) => c === 'regionWithoutBigProject')).toHaveLength(5);
      // New ones are in 装备制造 (A6), 有色金属★ (B1), 高端轴承 (F1): the other three flagship chains have planned none (谋划).
      expect(codes.filter((c) => c === 'flagshipChainWithoutBigProject')).toHaveLength(3);
      // 引进: A6 and F1 are attracted, B1 is a local expansion: ten chains, and 茌平区 besides the five, have attracted none.
      expect(codes.filter((c) => c === 'chainWithoutAttractedBigProject')).toHaveLength(10);
      expect(codes.filter((c) => c === 'regionWithoutAttractedBigProject')).toHaveLength(6);
      for (const c of ['chainTargetsBelowCityTarget', 'implementationListCount', 'preparationListCount']) expect(codes).toContain(c);
      // A region with a plan curve: 东阿县 in June = (E1 28,000 + E2 6,000) / (curve 24,000 + 20,000 × 6/12).
      const dongE = regionRow(june, '371524');
      expect(dongE).toMatchObject({ projects: 2, plan: 80_000, actual: 34_000, expected: 34_000 });
      expect(dongE.ratio).toBeCloseTo(1, 4);
      expect(dongE.computedRating).toBe('blue');
      // A three-way tie at exactly 100% in June is broken by the larger actual: 东阿县 34,000, 度假区 12,000, 高新区 6,000.
      const tied = ['371524', '371573', '371572'].map((code) => regionRow(june, code));
      for (const row of tied) expect(row.computedRating).toBe('blue');
      expect(tied[1].rank).toBe(tied[0].rank + 1);
      expect(tied[2].rank).toBe(tied[1].rank + 1);
      // Regions without implementation-list projects are not ranked.
      for (const code of ['371525', '371526']) expect(regionRow(october, code)).toMatchObject({ projects: 0, rank: null, rankChange: null });
    });

    it('January: no rank changes; every block equals the arithmetic', async () => {
      t.setNow(FIXTURE_NOW);
      const january = (await board(1)).body;
      for (const r of january.regions as Body[]) expect(r.rankChange).toBeNull();
      expectBoard(january, expectedBoard(ledger, 1, FIXTURE_NOW), 1, FIXTURE_NOW);
    });

    it('rank changes compare with the month before (September and October)', async () => {
      t.setNow(FIXTURE_NOW);
      for (const month of [9, 10]) {
        const exp = expectedBoard(ledger, month, FIXTURE_NOW);
        const body = (await board(month)).body;
        expect(shown(body, exp).regions).toEqual(wanted(exp).regions);
      }
      // Regions really moved between September and October, and one tie (高新区 vs 度假区 in June) is broken by actual.
      const moved = (await board(10)).body.regions.filter((r: Body) => r.rankChange !== null && r.rankChange !== 0);
      expect(moved.length).toBeGreaterThan(0);
    });

    it('the red list of month M reflects each project as it stood at the end of M', async () => {
      t.setNow(FIXTURE_NOW);
      // The same board counts C3 (start 15 Aug) and G3 (start 2 Apr) as not started in June / March
      // (startRate), so they were past their planned start and not started then: overdue on those boards.
      const june = (await board(6)).body;
      expect(june.startRate.started).toBe(6);
      expect(redKinds(june, 'C3')).toEqual(['overdueStart']);
      const march = (await board(3)).body;
      expect(march.startRate.started).toBe(3);
      expect(redKinds(march, 'G3')).toEqual(['overdueStart']);
      // F2 halted on 20 May: not halted on the January board, halted from May on.
      expect(redKinds((await board(5)).body, 'F2')).toEqual(['halted']);
      expect(redKinds((await board(1)).body, 'F2')).toEqual([]);
    });
  });

  describe('2. revisions and asOf', () => {
    it('a re-filing changes the total; asOf between the two recordings shows the old total', async () => {
      const before = expectedBoard(ledger, 10, FIXTURE_NOW).investment.actual;
      t.setNow('2024-11-06T02:00:00.000Z');
      const res = await file('A1', '2024-09', { amount: 9000, progress: '更正：9月完成投资（示例）' });
      expect(res.status).toBe(200);
      ledger.addReport('A1', '2024-09', 9000, '2024-11-06T02:00:00.000Z');

      const live = await board(10);
      expect(live.body.investment.actual).toBe(before + 4000);
      expectBoard(live.body, expectedBoard(ledger, 10, '2024-11-06T02:00:00.000Z'), 10, '2024-11-06T02:00:00.000Z');

      const between = '2024-11-06T08:00:00+08:00'; // 2024-11-06T00:00Z: after the fixture, before the re-filing
      const old = await board(10, between);
      expect(old.status).toBe(200);
      expect(old.body.investment.actual).toBe(before);
      expectBoard(old.body, expectedBoard(ledger, 10, between), 10, between);
    });

    it('asOf between revision 1 and revision 2 of a fixture month shows revision 1', async () => {
      // A1 and A5 re-filed March on 5 May (4,000 → 5,000 and 1,600 → 800): +200 in all.
      const between = '2024-05-01T12:00:00+08:00';
      const then = await board(3, between);
      const now = await board(3);
      expect(then.status).toBe(200);
      expect(now.body.investment.actual - then.body.investment.actual).toBe(200);
      expect(regionRow(now.body, '371502').actual - regionRow(then.body, '371502').actual).toBe(200);
      expectBoard(then.body, expectedBoard(ledger, 3, between), 3, between);
    });

    it('asOf before a START shows the project not started (and overdue)', async () => {
      // C3 started on 15 August, recorded that day at 10:00 (Liaocheng).
      const beforeStart = await board(8, '2024-08-15T09:00:00+08:00');
      const afterStart = await board(8, '2024-08-15T12:00:00+08:00');
      expect(beforeStart.status).toBe(200);
      expect(afterStart.body.startRate.started - beforeStart.body.startRate.started).toBe(1);
      expect(redKinds(beforeStart.body, 'C3')).toEqual(['overdueStart']);
      expect(redKinds(afterStart.body, 'C3')).toEqual([]);
      expectBoard(beforeStart.body, expectedBoard(ledger, 8, '2024-08-15T09:00:00+08:00'), 8, '2024-08-15T09:00:00+08:00');
      expectBoard(afterStart.body, expectedBoard(ledger, 8, '2024-08-15T12:00:00+08:00'), 8, '2024-08-15T12:00:00+08:00');
    });

    it('a planned start after the asOf date is not yet overdue', async () => {
      // E4 plans to start on 20 October: not overdue as of 15 October, overdue by 31 October.
      const mid = await board(10, '2024-10-15T12:00:00+08:00');
      expect(redKinds(mid.body, 'E4')).toEqual([]);
      expect(redKinds((await board(10)).body, 'E4')).toEqual(['overdueStart']);
    });
  });

  describe('4. a manual override of a colour', () => {
    const overridePath = (code: string) => `/api/ratings/2024/10/region/${code}`;

    it('is refused without a reason (422, as for every other reason-bearing action), changing nothing', async () => {
      t.setNow('2024-11-06T04:00:00.000Z');
      const before = await fullDatabaseState(t.dataSource);
      const statuses: number[] = [];
      for (const body of [{ rating: 'blue' }, { rating: 'blue', reason: '' }, { rating: 'blue', reason: '   ' }]) {
        const refused = await t.client.put(overridePath('371502')).send(body);
        statuses.push(refused.status);
        expectErrorShape(refused, refused.status);
      }
      expect(await fullDatabaseState(t.dataSource)).toEqual(before);
      expect(statuses).toEqual([422, 422, 422]);
    });

    it('shows the override, the computed colour and the reason; per month; removable; reproducible as of', async () => {
      t.setNow('2024-11-06T05:00:00.000Z');
      const exp = expectedBoard(ledger, 10, '2024-11-06T05:00:00.000Z');
      const target = exp.regions.find((r) => r.rating === 'red' || r.rating === 'yellow')!;
      expect(target).toBeDefined();
      const path = overridePath(target.code);

      const reason = '该区受汛期影响，经市链长办研究调整为蓝色（示例）';
      const put = await t.client.put(path).send({ rating: 'blue', reason });
      expect([200, 201]).toContain(put.status);

      const res = await board(10);
      const row = regionRow(res.body, target.code);
      expect(row).toMatchObject({ rating: 'blue', computedRating: target.rating });
      expect(row.override).toMatchObject({ rating: 'blue', reason, actor: expect.any(String), at: expect.any(String) });
      for (const other of res.body.regions as Body[]) if (other.code !== target.code) expect(other.override).toBeNull();
      expect(regionRow((await board(9)).body, target.code).override).toBeNull();

      t.setNow('2024-11-06T06:00:00.000Z');
      const removed = await t.client.delete(path).send({ reason: '撤销调整（示例）' });
      expect([200, 204]).toContain(removed.status);
      const after = regionRow((await board(10)).body, target.code);
      expect(after).toMatchObject({ rating: target.rating, computedRating: target.rating, override: null });
      // The board as it was while the override stood still shows it.
      const during = regionRow((await board(10, '2024-11-06T13:30:00+08:00')).body, target.code);
      expect(during).toMatchObject({ rating: 'blue', computedRating: target.rating, override: expect.objectContaining({ reason }) });
    });
  });

  describe('3. the monthly bulletin (月通报)', () => {
    let published: request.Response;

    it('publishes October; GET returns exactly what was published', async () => {
      t.setNow('2024-11-07T02:00:00.000Z');
      published = await t.client.post('/api/bulletins/2024/10');
      expect(published.status).toBe(201);
      const snapshot: Body = published.body.dashboard ?? published.body;
      expectBoard(snapshot, expectedBoard(ledger, 10, '2024-11-07T02:00:00.000Z'), 10, null);
      const got = await t.client.get('/api/bulletins/2024/10');
      expect(got.status).toBe(200);
      expect(got.body).toEqual(published.body);
      expect(got.text).toBe(published.text);
    });

    it('a correction of a published month needs a reason; without one nothing changes', async () => {
      t.setNow('2024-11-08T02:00:00.000Z');
      const totalBefore = (await board(10)).body.investment.actual;
      const before = await fullDatabaseState(t.dataSource);
      for (const [month, amount] of [['2024-10', 8000], ['2024-05', 4000]] as const) {
        const refused = await file('A1', month, { amount, progress: '更正（示例）' });
        expect(refused.status).toBe(422);
        expectErrorShape(refused, 422);
      }
      expect(await fullDatabaseState(t.dataSource)).toEqual(before);
      expect((await board(10)).body.investment.actual).toBe(totalBefore);
    });

    it('a correction with a reason is stored as one; the live board changes, the bulletin does not', async () => {
      t.setNow('2024-11-08T03:00:00.000Z');
      const reason = '企业更正统计口径（示例）';
      const corrected = await file('A1', '2024-10', { amount: 8000, progress: '更正（示例）', reason });
      expect(corrected.status).toBe(200);
      ledger.addReport('A1', '2024-10', 8000, '2024-11-08T03:00:00.000Z');
      const rows: Body[] = await t.dataSource.query(
        "SELECT revision, amount_wan, correction, reason FROM report_revision WHERE project_id = ? AND month = '2024-10' ORDER BY revision",
        [ledger.id('A1')],
      );
      expect(rows.at(-1)).toMatchObject({ revision: rows.length, amount_wan: 8000, reason });
      expect(Boolean(rows.at(-1)!.correction)).toBe(true);
      expect(Boolean(rows[0].correction)).toBe(false);

      // A month after the published one is an ordinary filing.
      const november = await file('A1', '2024-11', { amount: 1000 });
      expect(november.status).toBe(201);
      ledger.addReport('A1', '2024-11', 1000, '2024-11-08T03:00:00.000Z');

      const live = await board(10);
      expectBoard(live.body, expectedBoard(ledger, 10, '2024-11-08T03:00:00.000Z'), 10, '2024-11-08T03:00:00.000Z');
      const snapshot: Body = published.body.dashboard ?? published.body;
      expect(live.body.investment.actual).toBe(snapshot.investment.actual + 3000);

      const got = await t.client.get('/api/bulletins/2024/10');
      expect(got.status).toBe(200);
      expect(got.text).toBe(published.text);
      expect(got.body).toEqual(published.body);
    });

    it('publishing the same month twice is a 409 and changes nothing', async () => {
      const before = await fullDatabaseState(t.dataSource);
      const again = await t.client.post('/api/bulletins/2024/10');
      expect(again.status).toBe(409);
      expectErrorShape(again, 409);
      expect(await fullDatabaseState(t.dataSource)).toEqual(before);
      expect((await t.client.get('/api/bulletins/2024/10')).text).toBe(published.text);
    });
  });

  describe('5. bad input for the new routes: 400/422/404 in the contract shape, database unchanged', () => {
    const id = (key: string) => ledger.id(key);
    const put = (key: string | number, month: string, body: unknown) =>
      t.client.put(`/api/projects/${typeof key === 'number' ? key : id(key)}/reports/${month}`).send(body as object);
    const cases: [string, () => request.Test, number | number[]][] = [
      ['dashboard month=13', () => board(13), 400],
      ['dashboard month=0', () => board(0), 400],
      ['dashboard month=abc', () => board('abc'), 400],
      ['dashboard month=6.5', () => board('6.5'), 400],
      ['dashboard asOf=yesterday', () => board(6, 'yesterday'), 400],
      ['dashboard asOf without an offset', () => board(6, '2024-10-01T10:00:00'), 400],
      ['dashboard asOf impossible date', () => board(6, '2024-02-30T10:00:00+08:00'), 400],
      ['dashboard of a year without targets (2030)', () => t.client.get('/api/dashboard/2030?month=6'), 404],
      // 1999: the brief says 404 (unknown year); the app's YearParam makes years outside 2000–2100 a 400.
      ['dashboard of 1999', () => t.client.get('/api/dashboard/1999?month=6'), [400, 404]],
      ['report month 2024-13', () => put('A1', '2024-13', { amount: 100 }), 400],
      ['report month 2024-1', () => put('A1', '2024-1', { amount: 100 }), 400],
      ['report amount -1', () => put('A1', '2024-11', { amount: -1 }), 422],
      ['report amount 1.5', () => put('A1', '2024-11', { amount: 1.5 }), 422],
      ["report amount '100'", () => put('A1', '2024-11', { amount: '100' }), 400],
      ['report without amount', () => put('A1', '2024-11', { progress: '施工中' }), 400],
      ['report unknown field', () => put('A1', '2024-11', { amount: 100, colour: 'red' }), 400],
      ['report for a month before the start', () => put('A2', '2024-02', { amount: 100, reason: '补报（示例）' }), 422],
      ['report for a future month', () => put('A1', '2024-12', { amount: 100 }), 422],
      ['report for a project never started', () => put('D3', '2024-10', { amount: 100, reason: '补报（示例）' }), 422],
      ['report for a reserve project', () => put('B1', '2024-11', { amount: 100 }), 422],
      ['report for a month after completion', () => put('K1', '2024-10', { amount: 100, reason: '补报（示例）' }), 422],
      ['report for an unknown project', () => put(999_999, '2024-10', { amount: 100 }), 404],
      ['override with an unknown colour', () => t.client.put('/api/ratings/2024/10/region/371502').send({ rating: 'green', reason: 'x' }), 400],
      ['override without a reason', () => t.client.put('/api/ratings/2024/10/region/371502').send({ rating: 'blue' }), 422],
      ['override for month 13', () => t.client.put('/api/ratings/2024/13/region/371502').send({ rating: 'blue', reason: 'x' }), 400],
      ['override for an unknown region', () => t.client.put('/api/ratings/2024/10/region/999999').send({ rating: 'blue', reason: 'x' }), [404, 422]],
      ['bulletin month 13', () => t.client.post('/api/bulletins/2024/13'), 400],
      ['bulletin not published', () => t.client.get('/api/bulletins/2024/9'), 404],
    ];
    it.each(cases)('%s', async (_name, send, status) => {
      t.setNow('2024-11-08T05:00:00.000Z');
      const before = await fullDatabaseState(t.dataSource);
      const res = await send();
      const statuses = Array.isArray(status) ? status : [status];
      if (!statuses.includes(res.status)) expect({ status: res.status, body: res.body }).toEqual({ status: statuses, body: 'an error in the contract shape' });
      expectErrorShape(res, res.status);
      expect(await fullDatabaseState(t.dataSource)).toEqual(before);
    });
  });
});
