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
