import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Year plans as data (docs/domain/figures.md "Year plans"): a year created through the API
 * answers the board with its own targets; publishing freezes the plan and its lists; key
 * projects are designated; next year's lists are proposed by the rollover; big projects are
 * counted as the 2024 plan counts them (new in the year, continuing apart). Every expected
 * figure below is worked out by hand in the comments.
 */
type Client = TestApp['client'];

async function project(client: Client, overrides: Record<string, unknown> = {}, start?: string): Promise<number> {
  const created = await client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS, plannedCompletionDate: '2029-12-31', ...overrides }));
  expect([created.status, created.body]).toEqual([201, expect.anything()]);
  const id = created.body.id as number;
  expect((await client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' })).status).toBe(200);
  if (start) expect((await client.post(`/api/projects/${id}/events`).send({ type: 'START', date: start })).status).toBe(200);
  return id;
}

const ok = (res: { status: number; body: unknown }) => expect([res.status < 300, res.body]).toEqual([true, res.body]);

/** The 2026 plan used below, from scratch: small numbers so that the board can be worked out by hand. */
const PLAN_2026 = {
  implementationListSize: 2,
  implementationInvestmentWan: 12_000,
  preparationListSize: 1,
  startRateTargetPct: 100,
  bigProjectThresholdWan: 300_000,
  bigProjectCityTarget: 1,
  keyProjectThresholdWan: 50_000,
  keyProjectCount: 1,
  keyProjectInvestmentWan: 6_000,
  ratingBluePct: 100,
  ratingYellowPct: 80,
  attractionSignedWan: 0,
  attractionFundedWan: 0,
  chains: [{ code: 'green-chemical', projects: 2, investmentWan: 10_000 }],
};

describe('a year created through the API: its own targets on the board; publication freezes it', () => {
  let t: TestApp;
  const ids = {} as Record<'p1' | 'p2' | 'p3', number>;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-07-10T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('a year without a plan: 404 on the board, saying so', async () => {
    const res = await t.client.get('/api/dashboard/2026?month=6');
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual([{ field: 'year', code: 'noPlan', message: expect.stringContaining('2026 年尚无年度计划') }]);
  });

  it('creates the plan from scratch (a draft); a second create is 409; a partial one without copyFrom is 400', async () => {
    const created = await t.client.post('/api/targets/2026').send(PLAN_2026);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2026, status: 'draft', publishedAt: null, implementationInvestmentWan: 12_000, keyProjectCount: 1 });
    expect(created.body.chains).toHaveLength(12);
    expect(created.body.chains.find((c: { code: string }) => c.code === 'green-chemical')).toMatchObject({ projects: 2, investmentWan: 10_000, bigProjectRequired: true });
    expect(created.body.places.find((p: { code: string }) => p.code === '371571')).toMatchObject({ bigProjectRequired: false });
    expect((await t.client.post('/api/targets/2026').send({ copyFrom: 2024 })).status).toBe(409);
    const before = await databaseState(t.dataSource);
    const partial = await t.client.post('/api/targets/2027').send({ implementationListSize: 3 });
    expect(partial.status).toBe(400);
    expect(partial.body.details.map((d: { field: string }) => d.field)).toContain('keyProjectCount');
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('builds the year: lists, key designation (422 under the threshold), reports', async () => {
    ids.p1 = await project(t.client, { totalInvestment: 60_000, chain: 'green-chemical', region: '371502' }, '2026-02-01');
    ids.p2 = await project(t.client, { totalInvestment: 20_000, chain: 'green-chemical', region: '371521' }, '2026-01-15');
    ids.p3 = await project(t.client, { totalInvestment: 10_000, chain: 'bearings', region: '371502', plannedStartDate: '2026-05-01' });
    const under = await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_000, keyProject: true });
    expect(under.status).toBe(422);
    expect(under.body.details.map((d: { code: string }) => d.code)).toEqual(['belowKeyThreshold']);
    ok(await t.client.put(`/api/lists/2026/entries/${ids.p1}`).send({ category: 'implementation', plannedInvestment: 8_000, keyProject: true }));
    ok(await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_000 }));
    for (const [id, month, amount] of [
      [ids.p1, '2026-02', 1_000],
      [ids.p1, '2026-03', 2_000],
      [ids.p2, '2026-01', 500],
      [ids.p2, '2026-06', 700],
    ] as const)
      ok(await t.client.put(`/api/projects/${id}/reports/${month}`).send({ amount }));
  });

  it('publishing names every list whose size differs from the plan, and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const res = await t.client.post('/api/targets/2026/publish');
    expect(res.status).toBe(422);
    // Implementation list: 2 of 2 (fine); preparation list: 0 of 1.
    expect(res.body.details).toEqual([{ field: 'preparationListSize', code: 'preparationListSizeDiffers', message: '准备类清单现有 0 个项目，计划为 1 个' }]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('before publication changes need no reason; publication then freezes the plan and the lists', async () => {
    ok(await t.client.put(`/api/lists/2026/entries/${ids.p3}`).send({ category: 'preparation', plannedInvestment: 1_000 }));
    ok(await t.client.patch('/api/targets/2026').send({ ratingYellowPct: 80 })); // no change, no reason needed
    const published = await t.client.post('/api/targets/2026/publish');
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: '2026-07-10T02:00:00.000Z', publishedBy: 'admin' });
    expect((await t.client.post('/api/targets/2026/publish')).status).toBe(409);

    const before = await databaseState(t.dataSource);
    const refusals = [
      await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_500 }),
      await t.client.delete(`/api/lists/2026/entries/${ids.p3}`),
      await t.client.patch('/api/targets/2026').send({ keyProjectCount: 2 }),
      await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_500, reason: '   ' }),
    ];
    expect(refusals.map((r) => [r.status, r.body.details?.[0]?.code])).toEqual([
      [422, 'reasonRequired'],
      [422, 'reasonRequired'],
      [422, 'reasonRequired'],
      [422, 'reasonRequired'],
    ]);
    expect(await databaseState(t.dataSource)).toEqual(before);

    t.setNow('2026-07-11T02:00:00.000Z');
    ok(await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_000, monthlyPlan: null, reason: '同一内容再提交' })); // same entry: no adjustment
    ok(await t.client.patch('/api/targets/2026').send({ keyProjectInvestmentWan: 6_000, reason: '无变化' })); // same value: no adjustment
    ok(await t.client.put(`/api/lists/2026/entries/${ids.p2}`).send({ category: 'implementation', plannedInvestment: 4_000, reason: '纳入倒排工期', monthlyPlan: [500, 0, 0, 0, 0, 700, 400, 400, 500, 500, 500, 500] }));
    ok(await t.client.patch('/api/targets/2026').send({ attractionSignedWan: 50_000, reason: '补充招商目标' }));
    const plan = (await t.client.get('/api/targets/2026')).body;
    expect(plan.adjustments.map((a: { kind: string; action: string; projectId: number | null; reason: string }) => [a.kind, a.action, a.projectId, a.reason])).toEqual([
      ['list', 'change', ids.p2, '纳入倒排工期'],
      ['plan', 'update', null, '补充招商目标'],
    ]);
    expect(plan.adjustments[1]).toMatchObject({ before: { attractionSignedWan: 0 }, after: { attractionSignedWan: 50_000 } });
    const audit = (await t.client.get('/api/audit/events?entity=target&entityId=2026')).body.items.map((e: { action: string; reason: string | null }) => [e.action, e.reason]);
    expect(audit).toEqual([
      ['create', null],
      ['publish', null],
      ['update', '补充招商目标'],
    ]);
  });

  it('the board for June answers with the year’s own targets, worked out by hand', async () => {
    const res = await t.client.get('/api/dashboard/2026?month=6');
    expect(res.status).toBe(200);
    const board = res.body;
    // Implementation list: 1,000 + 2,000 + 500 + 700 = 4,200 against 12,000 × 6/12 = 6,000 → 70%, red.
    expect(board.investment).toMatchObject({ target: 12_000, actual: 4_200, expected: 6_000, ratio: 0.7, rating: 'red', listed: 2, plan: 12_000, planShare: 0.35 });
    expect(board.implementationCounts).toEqual({ listed: 2, started: 2, completed: 0 });
    // Preparation list: 1 listed, none started, 100% wanted → 1 more start.
    expect(board.startRate).toEqual({ listed: 1, started: 0, rate: 0, target: 1, neededForTarget: 1 });
    // Key projects: p1 designated; 3,000 against 6,000 × 6/12 = 3,000 → 100%.
    expect(board.keyProjects).toMatchObject({ threshold: 50_000, count: 1, targetCount: 1, investment: 3_000, target: 6_000, expected: 3_000, ratio: 1, rating: 'blue' });
    // 绿色化工: 4,200 against its 10,000 × 6/12 = 5,000 → 84%, yellow.
    expect(board.chains.find((c: { code: string }) => c.code === 'green-chemical')).toMatchObject({ targetProjects: 2, listedProjects: 2, targetInvestment: 10_000, actual: 4_200, expected: 5_000, ratio: 0.84, rating: 'yellow' });
    // Red list: p1 3,000 of its 8,000 × 6/12 = 4,000 (75%); p2 1,200 of 4,000 curve Jan–Jun = 1,200 → 100%, not red; p3 planned 1 May, not started.
    expect(board.redList.map((r: { projectId: number; kind: string }) => [r.projectId, r.kind])).toEqual([
      [ids.p1, 'lagging'],
      [ids.p3, 'overdueStart'],
    ]);
    expect(board.plan).toMatchObject({ status: 'published', publishedAt: '2026-07-10T02:00:00.000Z', adjustments: { count: 2 } });
    expect(board.warnings.map((w: { code: string }) => w.code)).toContain('chainTargetsBelowCityTarget');
    // The board as of before publication: a draft, no adjustments.
    const earlier = (await t.client.get('/api/dashboard/2026?month=6&asOf=2026-07-09T00:00:00Z')).body;
    expect(earlier.plan).toEqual({ status: 'draft', publishedAt: null, adjustments: { count: 0, items: [] } });
  });
});

describe('rollover: next year’s lists proposed from this year’s', () => {
  let t: TestApp;
  const ids = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', number>;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-11-20T02:00:00.000Z' });
    ok(await t.client.post('/api/targets/2027').send({ copyFrom: 2024, implementationListSize: 3, preparationListSize: 3 }));
    ids.a = await project(t.client, { code: 'R-A', totalInvestment: 50_000 }, '2027-02-01'); // building: continues
    ids.b = await project(t.client, { code: 'R-B' }, '2027-02-01'); // completed: leaves
    ids.c = await project(t.client, { code: 'R-C' }); // not started: stays on the preparation list
    ids.d = await project(t.client, { code: 'R-D' }, '2027-06-01'); // started: moves to the implementation list
    ids.e = await project(t.client, { code: 'R-E' }); // withdrawn: leaves
    ids.f = await project(t.client, { code: 'R-F', totalInvestment: 150_000 }, '2027-03-01'); // halted: continues
    for (const [id, category, planned, key] of [
      [ids.a, 'implementation', 20_000, false],
      [ids.b, 'implementation', 9_000, false],
      [ids.f, 'implementation', 30_000, true],
      [ids.c, 'preparation', 5_000, false],
      [ids.d, 'preparation', 6_000, false],
      [ids.e, 'preparation', 7_000, false],
    ] as const)
      ok(await t.client.put(`/api/lists/2027/entries/${id}`).send({ category, plannedInvestment: planned, keyProject: key }));
    ok(await t.client.put(`/api/projects/${ids.a}/reports/2027-03`).send({ amount: 12_000 }));
    ok(await t.client.put(`/api/projects/${ids.b}/reports/2027-03`).send({ amount: 9_000 }));
    ok(await t.client.post(`/api/projects/${ids.b}/events`).send({ type: 'COMPLETE', date: '2027-10-01' }));
    ok(await t.client.post(`/api/projects/${ids.e}/events`).send({ type: 'WITHDRAW', reason: '企业放弃' }));
    ok(await t.client.post(`/api/projects/${ids.f}/events`).send({ type: 'HALT', date: '2027-09-01', reason: '资金未到位' }));
    // 储备 projects on no list: R-G is ready to prepare in 2028 (立项 and 用地 obtained, start planned in 2028);
    // R-H lacks 用地; R-I is planned to start in 2029; R-J lacks an owner enterprise (promotion facts).
    const reserve = async (code: string, plannedStartDate: string, approvals: Record<string, string>, more: Record<string, unknown> = {}) =>
      ok(await t.client.post('/api/projects').send(projectBody({ code, name: `储备项目${code}`, totalInvestment: 80_000, plannedStartDate, plannedCompletionDate: '2030-12-31', approvals, ...more })));
    await reserve('R-G', '2028-04-01', { filing: '2027-05-01', land: '2027-06-01' });
    await reserve('R-H', '2028-04-01', { filing: '2027-05-01' });
    await reserve('R-I', '2029-03-01', { filing: '2027-05-01', land: '2027-06-01' });
    await reserve('R-J', '2028-02-01', { filing: '2027-05-01', land: '2027-06-01' }, { ownerEnterprise: null });
  });
  afterAll(() => t.close());

  it('proposes: 续建 for unfinished implementation projects, not-started preparation projects stay, started ones move, ready reserve projects move up; completed and withdrawn leave', async () => {
    const res = await t.client.get('/api/targets/2027/rollover');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fromYear: 2027, toYear: 2028 });
    expect(res.body.entries.map((e: Record<string, unknown>) => [e.code, e.kind, e.category, e.previousCategory, e.previousPlannedInvestment, e.remainingInvestment, e.keyProject, e.plannedInvestment])).toEqual([
      ['R-A', 'continuing', 'implementation', 'implementation', 20_000, 38_000, false, null], // 50,000 − 12,000 reported
      ['R-F', 'continuing', 'implementation', 'implementation', 30_000, 150_000, true, null],
      ['R-C', 'notStarted', 'preparation', 'preparation', 5_000, 120_000, false, null],
      ['R-D', 'moved', 'implementation', 'preparation', 6_000, 120_000, false, null],
      ['R-G', 'fromReserve', 'preparation', null, 0, 80_000, false, null], // up from the reserve: ready to prepare
    ]);
    expect(res.body.leaving.map((l: { code: string; reason: string }) => [l.code, l.reason])).toEqual([
      ['R-B', 'completed'],
      ['R-E', 'withdrawn'],
    ]);
  });

  it('applies the edited proposal to next year’s lists, once next year has a plan', async () => {
    const entries = [
      { projectId: ids.a, category: 'implementation', plannedInvestment: 30_000 },
      { projectId: ids.f, category: 'implementation', plannedInvestment: 40_000, keyProject: true },
      { projectId: ids.d, category: 'implementation', plannedInvestment: 8_000 },
      { projectId: ids.c, category: 'preparation', plannedInvestment: 2_000 },
    ];
    const noPlan = await t.client.post('/api/targets/2027/rollover').send({ entries });
    expect([noPlan.status, noPlan.body.details[0].code]).toEqual([422, 'noPlan']);
    ok(await t.client.post('/api/targets/2028').send({ copyFrom: 2027 }));
    const applied = await t.client.post('/api/targets/2027/rollover').send({ entries });
    expect(applied.body).toEqual({ year: 2028, added: 4, changed: 0, unchanged: 0 });
    const lists = (await t.client.get('/api/lists/2028')).body.map((e: Record<string, unknown>) => [e.projectCode, e.category, e.plannedInvestment, e.keyProject]);
    expect(lists).toEqual([
      ['R-A', 'implementation', 30_000, false],
      ['R-D', 'implementation', 8_000, false],
      ['R-F', 'implementation', 40_000, true],
      ['R-C', 'preparation', 2_000, false],
    ]);
    // The copy carries the 2027 plan's values.
    expect((await t.client.get('/api/targets/2028')).body).toMatchObject({ status: 'draft', implementationListSize: 3, implementationInvestmentWan: 1_650_000 });
  });
});

describe('big projects counted as the 2024 plan counts them: new in the year, continuing apart', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2026-07-10T02:00:00.000Z' });
    ok(await t.client.post('/api/targets/2026').send({ copyFrom: 2024 }));
    const big = async (code: string, region: string, chain: string, totalInvestment: number, plannedAt: string, origin = 'attracted') =>
      (await t.client.post('/api/projects').send(projectBody({ code, region, chain, totalInvestment, plannedAt, origin }))).body.id as number;
    await big('B1', '371502', 'green-chemical', 600_000, '2026-03-01');
    await big('B2', '371521', 'ferrous', 550_000, '2026-01-01', 'expansion'); // the year's first day
    await big('B3', '371525', 'health', 800_000, '2025-12-31'); // continuing (the day before)
    const b4 = await big('B4', '371522', 'equipment', 500_000, '2026-05-01');
    ok(await t.client.post(`/api/projects/${b4}/events`).send({ type: 'WITHDRAW', reason: '项目取消' }));
    await big('B5', '371571', 'new-energy', 700_000, '2026-02-02'); // a zone: not required, still counted
    await big('B6', '371503', 'bearings', 499_999, '2026-02-02'); // one 万元 under 50亿
  });
  afterAll(() => t.close());

  it('counts, places, all twelve chains, flagship marks and the warnings that name them', async () => {
    const board = (await t.client.get('/api/dashboard/2026?month=6')).body;
    const codes = (projects: { code: string }[]) => projects.map((p) => p.code);
    expect(board.bigProjects).toMatchObject({ threshold: 500_000, count: 3, target: 10, ok: false });
    expect(codes(board.bigProjects.newThisYear)).toEqual(['B5', 'B1', 'B2']); // largest first
    expect(codes(board.bigProjects.continuing)).toEqual(['B3']);
    const counties = board.bigProjects.regions.filter((r: { required: boolean }) => r.required).map((r: { name: string; count: number; ok: boolean }) => [r.name, r.count, r.ok]);
    expect(counties).toEqual([
      ['东昌府区', 1, true],
      ['茌平区', 0, false],
      ['阳谷县', 1, true],
      ['莘县', 0, false],
      ['东阿县', 0, false],
      ['冠县', 0, false], // only a continuing one
      ['高唐县', 0, false],
      ['临清市', 0, false],
    ]);
    expect(board.bigProjects.chains.map((c: { code: string; flagship: boolean; count: number }) => [c.code, c.flagship, c.count])).toEqual([
      ['ferrous', false, 1],
      ['equipment', false, 0],
      ['nonferrous', true, 0],
      ['auto-parts', false, 0],
      ['new-energy', true, 1],
      ['new-it', false, 0],
      ['light-textile', false, 0],
      ['building-materials', false, 0],
      ['health', true, 0],
      ['green-chemical', true, 1],
      ['bearings', false, 0],
      ['agri-food', false, 0],
    ]);
    expect(board.bigProjects.flagshipChains.map((c: { code: string; ok: boolean }) => [c.code, c.ok])).toEqual([
      ['nonferrous', false],
      ['new-energy', true],
      ['health', false],
      ['green-chemical', true],
    ]);
    const named = board.warnings.filter((w: { code: string }) => /bigproject/i.test(w.code)).map((w: { code: string; message: string }) => [w.code, w.message.slice(0, w.message.indexOf('本年'))]);
    // 谋划 (any origin): the counties and flagship chains without a new one, the city short of ten.
    // 引进 (origin attracted): B2 is a local expansion, so 阳谷县 and 黑色金属 have planned one but attracted none.
    expect(named).toEqual([
      ['regionWithoutBigProject', '茌平区'],
      ['regionWithoutBigProject', '莘县'],
      ['regionWithoutBigProject', '东阿县'],
      ['regionWithoutBigProject', '冠县'],
      ['regionWithoutBigProject', '高唐县'],
      ['regionWithoutBigProject', '临清市'],
      ['flagshipChainWithoutBigProject', '标志性产业链“有色金属”'],
      ['flagshipChainWithoutBigProject', '标志性产业链“大健康”'],
      ['bigProjectsBelowTarget', '全市'],
      ['regionWithoutAttractedBigProject', '茌平区'],
      ['regionWithoutAttractedBigProject', '阳谷县'],
      ['regionWithoutAttractedBigProject', '莘县'],
      ['regionWithoutAttractedBigProject', '东阿县'],
      ['regionWithoutAttractedBigProject', '冠县'],
      ['regionWithoutAttractedBigProject', '高唐县'],
      ['regionWithoutAttractedBigProject', '临清市'],
      ['chainWithoutAttractedBigProject', '产业链“黑色金属”'],
      ['chainWithoutAttractedBigProject', '产业链“装备制造”'],
      ['chainWithoutAttractedBigProject', '标志性产业链“有色金属”'],
      ['chainWithoutAttractedBigProject', '产业链“汽车及零部件”'],
      ['chainWithoutAttractedBigProject', '产业链“新一代信息技术”'],
      ['chainWithoutAttractedBigProject', '产业链“轻工纺织”'],
      ['chainWithoutAttractedBigProject', '产业链“绿色建材”'],
      ['chainWithoutAttractedBigProject', '标志性产业链“大健康”'],
      ['chainWithoutAttractedBigProject', '产业链“高端轴承”'],
      ['chainWithoutAttractedBigProject', '产业链“农副产品加工”'],
    ]);
    const attracted = board.bigProjects.regions.filter((r: { required: boolean }) => r.required).map((r: { name: string; attracted: { count: number; ok: boolean } }) => [r.name, r.attracted.count, r.attracted.ok]);
    expect(attracted.slice(0, 3)).toEqual([
      ['东昌府区', 1, true],
      ['茌平区', 0, false],
      ['阳谷县', 0, false], // B2: planned, not attracted
    ]);
  });

  it('a place rule on counts (the three-year plan’s 5–10 over 10亿, 1–2 over 50亿) counts projects in 实施 only', async () => {
    ok(await t.client.patch('/api/targets/2026').send({ places: [{ code: '371502', overKeyMin: 5, overKeyMax: 10, overBigMin: 1, overBigMax: 2 }] }));
    // Two 东昌府区 projects on the 2026 implementation list: P1 (12亿) started, P2 (15亿) still in 准备.
    const listed = async (code: string, totalInvestment: number, start: boolean) => {
      const { id } = (await t.client.post('/api/projects').send(projectBody({ code, region: '371502', totalInvestment, approvals: ALL_APPROVALS }))).body;
      ok(await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' }));
      if (start) ok(await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2026-03-01' }));
      ok(await t.client.put(`/api/lists/2026/entries/${id}`).send({ category: 'implementation', plannedInvestment: 20_000 }));
    };
    await listed('P1', 120_000, true);
    await listed('P2', 150_000, false);
    const board = (await t.client.get('/api/dashboard/2026?month=6')).body;
    // 东昌府区: P1 alone is in 实施 on the year's lists; B1 (60亿) is in reserve and on no list, P2 in preparation.
    expect(board.placeCounts).toEqual([
      { code: '371502', name: '东昌府区', overKey: { count: 1, min: 5, max: 10, ok: false, above: false }, overBig: { count: 0, min: 1, max: 2, ok: false, above: false } },
    ]);
    expect(board.warnings.filter((w: { code: string }) => w.code === 'placeCountBelowRange').map((w: { message: string }) => w.message)).toEqual([
      '东昌府区实施10亿元以上项目 1 个，少于计划（5–10 个）',
      '东昌府区实施50亿元以上项目 0 个，少于计划（1–2 个）',
    ]);
  });
});

describe('a plan read inside its write transaction', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: '2026-07-10T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  // A transaction has one connection: its reads go one after another (src/database/read-together.ts).
  // pg queues a query sent to a client while another one runs there, with a deprecation warning
  // (refused from pg 9): counted here by pg's own test, a query arriving with the client's queue not empty.
  it('sends one statement at a time on the transaction’s connection (PostgreSQL): copying, creating and changing a plan', async () => {
    const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const query = client.query;
    let sent = 0;
    let queuedBehindAnother = 0;
    client.query = function (this: { _queryQueue?: unknown[] }, ...args: unknown[]) {
      sent += 1;
      if ((this._queryQueue?.length ?? 0) > 0) queuedBehindAnother += 1;
      return query.apply(this, args);
    };
    try {
      ok(await t.client.post('/api/targets/2026').send({ copyFrom: 2024 }));
      ok(await t.client.patch('/api/targets/2026').send({ ratingYellowPct: 85 }));
      ok(await t.client.patch('/api/targets/2026').send({ places: [{ code: '371502', overKeyMin: 1, overKeyMax: 3 }] }));
    } finally {
      client.query = query;
    }
    expect((await t.client.get('/api/targets/2026')).body).toMatchObject({ year: 2026, ratingYellowPct: 85 });
    if (t.dataSource.options.type === 'postgres') expect(sent).toBeGreaterThan(10);
    expect(queuedBehindAnother).toBe(0);
  });
});
