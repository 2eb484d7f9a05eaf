import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APPROVAL_KEYS, type PersistedLifecycle, stageInvariantFailures, stageOf } from '../src/lifecycle/index.js';
import { approvalsOf, Project, recordFactsOf } from '../src/project-records/index.js';
import { SeederService } from '../src/seeding/index.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/** 2024 work plan appendix (通用指标): implementation-list projects per chain, rows 1–12. */
const APPENDIX_PROJECTS = [7, 23, 4, 5, 2, 5, 9, 4, 10, 16, 6, 9];
/** …and investment per chain in 亿元 × 100 (hundredths of 亿 = 100 万元). */
const APPENDIX_INVESTMENT_HUNDREDTHS_YI = [1730, 3030, 1010, 403, 390, 790, 1100, 570, 1940, 3980, 390, 612];

describe('seeds: reference data and the illustrative 2024 demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  });
  afterAll(async () => t.close());

  it('loads the 11 regions with their statistical codes and the big-project flag', async () => {
    const res = await t.client.get('/api/regions');
    expect(res.body).toHaveLength(11);
    expect(res.body.filter((r: { kind: string }) => r.kind === 'county')).toHaveLength(8);
    expect(res.body.find((r: { code: string }) => r.code === '371581')).toEqual({ code: '371581', name: '临清市', kind: 'county', bigProjectRequired: true });
    expect(res.body.find((r: { code: string }) => r.code === '371503').name).toBe('茌平区');
  });

  it('loads the 12 chains with the appendix targets, flagships marked', async () => {
    const res = await t.client.get('/api/chains');
    const chains = res.body as { no: number; flagship: boolean; name: string; targets: Record<string, { projects: number; investment: number }> }[];
    expect(chains.map((c) => c.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(chains.map((c) => c.targets['2024'].projects)).toEqual(APPENDIX_PROJECTS);
    expect(chains.map((c) => c.targets['2024'].investment)).toEqual(APPENDIX_INVESTMENT_HUNDREDTHS_YI.map((h) => h * 100));
    expect(chains.filter((c) => c.flagship).map((c) => c.name).sort()).toEqual(['大健康', '新能源', '有色金属', '绿色化工'].sort());
    // The appendix sums to 159.45亿, 5.55亿 short of the city's 165亿.
    expect(chains.reduce((sum, c) => sum + c.targets['2024'].investment, 0)).toBe(1_594_500);
  });

  it('loads the 2024 city targets as data', async () => {
    const res = await t.client.get('/api/targets/2024');
    expect(res.body).toMatchObject({
      implementationListSize: 100,
      implementationInvestmentWan: 1_650_000,
      preparationListSize: 30,
      startRateTargetPct: 80,
      bigProjectThresholdWan: 500_000,
      bigProjectCityTarget: 10,
      keyProjectThresholdWan: 100_000,
      keyProjectCount: 22,
      keyProjectInvestmentWan: 750_000,
    });
  });

  it('lists 100 implementation and 30 preparation projects for 2024, per chain as the appendix says', async () => {
    const impl = await t.client.get('/api/projects?list=implementation&year=2024&pageSize=500');
    expect(impl.body.total).toBe(100);
    const prep = await t.client.get('/api/projects?list=preparation&year=2024&pageSize=500');
    expect(prep.body.total).toBe(30);
    const chains = (await t.client.get('/api/chains')).body as { code: string; no: number }[];
    for (const chain of chains) {
      const res = await t.client.get(`/api/projects?list=implementation&year=2024&chain=${chain.code}`);
      expect([chain.no, res.body.total]).toEqual([chain.no, APPENDIX_PROJECTS[chain.no - 1]]);
    }
    const reserve = await t.client.get('/api/projects?stage=reserve');
    expect(reserve.body.total).toBeGreaterThanOrEqual(20);
  });

  it('puts every seeded project in a stage whose guards it satisfies, with a consistent history', async () => {
    const projects = await t.dataSource.getRepository(Project).find();
    expect(projects.length).toBeGreaterThanOrEqual(150);
    const today = '2024-11-20';
    for (const project of projects) {
      const persisted = JSON.parse(project.lifecycleSnapshot) as PersistedLifecycle;
      expect([project.code, stageOf(persisted.value)]).toEqual([project.code, project.stage]);
      const [{ months }] = await t.dataSource.query('SELECT COUNT(DISTINCT month) AS months FROM report_revision WHERE project_id = ?', [project.id]);
      expect([project.code, stageInvariantFailures(project.stage, recordFactsOf(project))]).toEqual([project.code, []]);

      const started = project.stage.startsWith('implementation') || project.stage === 'completed';
      if (started) {
        expect(project.actualStartDate).not.toBeNull();
        expect(project.actualStartDate! <= today).toBe(true);
        for (const key of APPROVAL_KEYS) expect(approvalsOf(project)[key]! <= project.actualStartDate!).toBe(true);
      }
      if (project.stage === 'completed') {
        expect(project.actualCompletionDate! >= project.actualStartDate!).toBe(true);
        expect(Number(months)).toBeGreaterThan(0);
      }
      // Transitions chain: each starts where the previous ended, and the last ends at the stage.
      const transitions: { from_stage: string; to_stage: string }[] = await t.dataSource.query(
        "SELECT from_stage, to_stage FROM project_history WHERE project_id = ? AND kind = 'transition' ORDER BY id",
        [project.id],
      );
      let stage = 'reserve';
      for (const step of transitions) {
        expect(step.from_stage).toBe(stage);
        stage = step.to_stage;
      }
      expect(stage).toBe(project.stage);
    }
  });

  it('reports only months in which the project was under construction', async () => {
    const outside = await t.dataSource.query(`
      SELECT p.code, r.month FROM report_revision r JOIN project p ON p.id = r.project_id
      WHERE p.actual_start_date IS NULL
         OR r.month < substr(p.actual_start_date, 1, 7)
         OR (p.actual_completion_date IS NOT NULL AND r.month > substr(p.actual_completion_date, 1, 7))`);
    expect(outside).toEqual([]);
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM report_revision WHERE month BETWEEN '2024-01' AND '2024-10'");
    expect(Number(n)).toBeGreaterThan(900);
  });

  it('gives a sensible October 2024 board', async () => {
    const res = await t.client.get('/api/dashboard/2024?month=10');
    expect(res.status).toBe(200);
    const board = res.body;
    expect(board.investment).toMatchObject({ target: 1_650_000, expected: 1_375_000, listed: 100 });
    expect(board.investment.ratio).toBeGreaterThan(0.8);
    expect(board.investment.ratio).toBeLessThan(1);
    expect(board.startRate).toMatchObject({ listed: 30, target: 0.8 });
    expect(board.startRate.started + board.startRate.neededForTarget).toBe(24);
    expect(board.keyProjects.count).toBe(22);
    expect(board.regions.filter((r: { rank: number | null }) => r.rank !== null)).toHaveLength(11);
    expect(new Set(board.regions.map((r: { rating: string }) => r.rating))).toEqual(new Set(['blue', 'yellow', 'red']));
    expect(board.chains).toHaveLength(12);
    expect(board.warnings.map((w: { code: string }) => w.code)).toContain('chainTargetsBelowCityTarget');
    expect(new Set(board.redList.map((r: { kind: string }) => r.kind))).toEqual(new Set(['lagging', 'overdueStart', 'halted']));
  });

  it('shows the illustrative 要素保障 requests on the October board and to a department user (seeds/demo-requests.ts)', async () => {
    // Worked from seeds/demo-requests.ts as of 31 October 2024: open S050 (escalated), S010, S020, Z005 (reopened),
    // S031, S060, S013; overdue the first five (due 09-30, 10-15, 09-17, 10-20, 10-28); Z002 awaits evaluation.
    const block = (await t.client.get('/api/dashboard/2024?month=10')).body.factorGuarantee;
    expect(block).toMatchObject({ refDate: '2024-10-31', open: 7, overdue: 5, awaitingEvaluation: 1, escalated: 1 });
    const land = t.clientWith(await t.login('dept-natural-resources', 'demo-pass-natural-resources'));
    const mine = await land.get('/api/requests?pageSize=500');
    expect(mine.body.items.map((r: { projectCode: string; status: string }) => `${r.projectCode}:${r.status}`).sort()).toEqual([
      'LC2024-S004:closed',
      'LC2024-S013:raised',
      'LC2024-S050:escalated',
    ]);
    const z021 = (await t.client.get('/api/projects?q=LC2024-Z021')).body.items[0];
    const details = (await t.client.get(`/api/projects/${z021.id}`)).body.approvalDetails;
    expect(details.energy).toEqual({ status: 'conditional', date: '2024-10-10', commitmentDate: '2024-12-20', department: 'development-reform' });
  });

  it('is idempotent: seeding again adds nothing and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const result = await t.app.get(SeederService).run('demo');
    expect(result).toEqual({ referenceRowsAdded: 0, demoProjectsAdded: 0 });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});

/*
 * The demo opened on a later day (docs/demo.md "The demo runs up to the day it is loaded"): the illustrative years after
 * 2024 run up to last month of that day, and nothing is recorded after it. Expected months and dates are
 * worked out here from the day alone.
 */
const RECORDED: [table: string, column: string][] = [
  ['report_revision', 'recorded_at'],
  ['project_history', 'recorded_at'],
  ['factor_request_transition', 'recorded_at'],
  ['lead_transition', 'recorded_at'],
  ['lead_fund', 'recorded_at'],
  ['chain_indicator', 'recorded_at'],
  ['chain_note', 'recorded_at'],
  ['bulletin', 'published_at'],
  ['year_target', 'published_at'],
];
/** YYYY-MM from `from` to `to`, both included. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let [y, m] = from.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((y += 1), (m = 1)) : (m += 1))
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months;
}
/** Monday-to-Friday days after `from` up to and including `to` (0 when `to` is not after `from`). */
function weekdaysAfter(from: string, to: string): number {
  let count = 0;
  for (let day = Date.parse(`${from}T00:00:00Z`) + 86_400_000; day <= Date.parse(`${to}T00:00:00Z`); day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
/** An open request's date it waits on (docs/domain/requests.md "Overdue"). */
const OPEN_DUE = `SELECT id, raised_on, status, CASE WHEN status = 'raised' THEN accept_due WHEN status = 'accepted' THEN promised_date ELSE COALESCE(promised_date, accept_due) END AS due
                    FROM factor_request WHERE status IN ('raised', 'accepted', 'escalated')`;

describe.each([
  { now: '2026-12-05T02:00:00.000Z', today: '2026-12-05', lastMonth: '2026-11', years: [2024, 2025, 2026] },
  { now: '2025-07-15T02:00:00.000Z', today: '2025-07-15', lastMonth: '2025-06', years: [2024, 2025] },
])('seeds: the demo opened on $today', ({ now, today, lastMonth, years }) => {
  let t: TestApp;
  const year = Number(lastMonth.slice(0, 4));
  const month = Number(lastMonth.slice(5, 7));
  // Seeding the demo up to another day builds a template of its own: two and a half years of data,
  // about 25 s of CPU (docs/demo.md), more on a loaded machine.
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now });
  }, 240_000);
  afterAll(async () => t.close());

  it('opens on last month, in a year with a plan', async () => {
    const period = (await t.client.get('/api/periods/default')).body;
    expect(period).toMatchObject({ today, lastMonth, year, month, years, fallback: false });
    const plans = await t.dataSource.query('SELECT year, status FROM year_target ORDER BY year');
    expect(plans.map((p: { year: number; status: string }) => [Number(p.year), p.status])).toEqual(years.map((y) => [y, 'published']));
  });

  it('has reports for every month up to last month and none after; nothing is recorded after today', async () => {
    const counts = await t.dataSource.query("SELECT month, COUNT(*) AS n FROM report_revision WHERE month >= '2024-01' GROUP BY month ORDER BY month");
    expect(counts.map((c: { month: string }) => c.month)).toEqual(monthsBetween('2024-01', lastMonth));
    // At least the 2024 list's 73 projects under way since January 2024, every month since.
    for (const c of counts as { month: string; n: number }[]) expect([c.month, Number(c.n) >= 73]).toEqual([c.month, true]);
    for (const [table, column] of RECORDED) {
      const [{ latest }] = await t.dataSource.query(`SELECT MAX(${column}) AS latest FROM ${table}`);
      expect([table, latest === null || latest <= now]).toEqual([table, true]);
    }
    // The year's lists: about a hundred projects to implement, a preparation list filled from the reserve.
    const lists = await t.dataSource.query('SELECT category, COUNT(*) AS n FROM list_entry WHERE year = ? AND removed_at IS NULL GROUP BY category ORDER BY category', [year]);
    expect(lists.map((l: { category: string; n: number }) => [l.category, Number(l.n) >= (l.category === 'implementation' ? 90 : 20)])).toEqual([
      ['implementation', true],
      ['preparation', true],
    ]);
  });

  it('has a published bulletin (月通报) for every month from November 2024 to last month, and last month’s Word copy', async () => {
    const published = (await t.client.get('/api/bulletins')).body as { year: number; month: number }[];
    expect(published.map((b) => `${b.year}-${String(b.month).padStart(2, '0')}`)).toEqual(monthsBetween('2024-11', lastMonth));
    const docx = await t.client.get(`/api/exports/bulletins/${year}/${month}.docx`).buffer(true);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('officedocument.wordprocessingml');
  });

  it('has 招商 signed and funded in the current year, up to last month', async () => {
    // Signed from January to the end of last month, never terminated: what the board counts as 签约.
    const [{ deals, signed }] = await t.dataSource.query(
      "SELECT COUNT(*) AS deals, SUM(signed_amount_wan) AS signed FROM lead WHERE substr(signed_date, 1, 4) = ? AND substr(signed_date, 1, 7) <= ? AND status <> 'terminated'",
      [String(year), lastMonth],
    );
    expect(Number(deals)).toBeGreaterThanOrEqual(12 * 2);
    const funded = await t.dataSource.query("SELECT DISTINCT month FROM lead_fund WHERE month LIKE ? ORDER BY month", [`${year}-%`]);
    expect(funded.map((f: { month: string }) => f.month)).toEqual(monthsBetween(`${year}-01`, lastMonth));
    const board = (await t.client.get(`/api/dashboard/${year}?month=${month}`)).body;
    expect(board.attraction.signed.actual).toBe(Number(signed));
    expect(board.attraction.signed.ratio).toBeGreaterThan(0.8);
    expect(board.attraction.funded.ratio).toBeGreaterThan(0.8);
  });

  it('has 要素保障 requests that open and close at believable speeds: only recent ones open, none far past its date', async () => {
    const open = (await t.dataSource.query(OPEN_DUE)) as { raised_on: string; due: string }[];
    for (const r of open) {
      expect([r.raised_on, weekdaysAfter(r.due, today) <= 10]).toEqual([r.raised_on, true]);
      expect([r.raised_on, weekdaysAfter(r.raised_on, today) <= 60]).toEqual([r.raised_on, true]);
    }
    const [{ n }] = await t.dataSource.query("SELECT COUNT(*) AS n FROM factor_request WHERE substr(raised_on, 1, 4) = ?", [String(year)]);
    expect(Number(n)).toBeGreaterThanOrEqual(month);
    const block = (await t.client.get(`/api/dashboard/${year}?month=${month}`)).body.factorGuarantee;
    for (const item of block.longestOverdue as { daysOverdue: number }[]) expect(item.daysOverdue).toBeLessThanOrEqual(14);
  });

  it('ends 2024 in December as a city would see it: 24 of 30 started, the implementation list at 90–100% of 165亿', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=12')).body;
    expect(board.startRate).toMatchObject({ listed: 30, started: 24, neededForTarget: 0 });
    expect(board.investment.ratio).toBeGreaterThanOrEqual(0.9);
    expect(board.investment.ratio).toBeLessThan(1);
  });

  it('has the illustrative milestones (seeds/demo-milestones.ts): all reached by now, 节点滞后 on November 2024’s red list alone', async () => {
    const [{ id }] = await t.dataSource.query('SELECT id FROM project WHERE name = ?', ['年产1.2亿只高端电子元器件项目']);
    expect((await t.client.get(`/api/projects/${id}/milestones`)).body).toEqual([
      { name: '主体完工', plannedDate: '2024-06-30', actualDate: '2024-06-21' },
      { name: '设备安装', plannedDate: '2024-10-31', actualDate: '2024-10-28' },
      { name: '试生产', plannedDate: '2024-11-25', actualDate: '2024-12-06' },
    ]);
    const late = async (m: number) =>
      ((await t.client.get(`/api/dashboard/2024?month=${m}`)).body.redList as { projectId: number; kind: string; reason: string }[]).filter((r) => r.kind === 'milestone').map((r) => [r.projectId, r.reason]);
    expect(await late(10)).toEqual([]);
    expect(await late(11)).toEqual([[Number(id), '节点滞后：试生产计划 2024-11-25 完成，尚未完成']]);
    expect(await late(12)).toEqual([]);
  });

  it('keeps the board figures the seeding wrote as the history replays them (docs/board.md "Kept figures")', async () => {
    for (const [y, m] of [[2024, 12], [year, month]]) {
      const kept = (await t.client.get(`/api/dashboard/${y}?month=${m}`)).body;
      const replayed = (await t.client.get(`/api/dashboard/${y}?month=${m}&asOf=${encodeURIComponent(now)}`)).body;
      for (const block of ['investment', 'startRate', 'implementationCounts', 'bigProjects', 'keyProjects', 'regions', 'chains', 'redList'])
        expect([y, m, block, kept[block]]).toEqual([y, m, block, replayed[block]]);
    }
  });

  it('is idempotent: seeding again adds nothing and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    expect(await t.app.get(SeederService).run('demo')).toEqual({ referenceRowsAdded: 0, demoProjectsAdded: 0 });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});
