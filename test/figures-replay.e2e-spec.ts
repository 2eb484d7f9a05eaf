import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';
import { BoardFigures } from '../src/board/index.js';
import { WriteQueue } from '../src/database/index.js';

/**
 * The current board reads the figures kept with every report revision (src/reports/report-figures.ts);
 * a board as of a past instant replays the revisions. For random histories of filings, re-filings,
 * corrections and list changes, every board shown at a recorded instant equals the board replayed
 * as of that instant, month by month: the two paths cannot drift apart.
 */
type Action =
  | { kind: 'file'; project: number; month: number; amount: number }
  | { kind: 'list'; project: number; planned: number }
  | { kind: 'advance'; days: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('file' as const), project: fc.integer({ min: 0, max: 3 }), month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: 0, max: 5000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('list' as const), project: fc.integer({ min: 0, max: 3 }), planned: fc.integer({ min: 1, max: 40 }).map((n) => n * 1000) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 60 }) }) },
);

const MONTHS = [1, 4, 7, 12];

describe('maintained figures and replay agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-01-02T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  it('every board shown at a recorded instant equals the board replayed as of that instant', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 3, maxLength: 14 }), async (actions) => {
        const year = 2025 + run++;
        let now = Date.parse(`${year}-01-02T02:00:00.000Z`);
        const tick = (ms = 60_000) => t.setNow(new Date((now += ms)).toISOString());
        tick(0);
        // A session of this run's own time (the clock moves years ahead between runs).
        const client = t.clientWith(await t.login('admin', TEST_ADMIN_PASSWORD));
        expect((await client.post(`/api/targets/${year}`).send({ copyFrom: 2024 })).status).toBe(201);
        const ids: number[] = [];
        for (let i = 0; i < 4; i++) {
          const id = (await client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS, plannedStartDate: `${year}-01-01`, plannedCompletionDate: `${year + 3}-12-31` }))).body.id as number;
          await client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
          await client.post(`/api/projects/${id}/events`).send({ type: 'START', date: `${year}-01-01` });
          // three on the implementation list, one on the preparation list
          await client.put(`/api/lists/${year}/entries/${id}`).send({ category: i < 3 ? 'implementation' : 'preparation', plannedInvestment: 12_000 });
          ids.push(id);
        }
        const shown: { at: string; month: number; board: unknown }[] = [];
        const snapshot = async () => {
          tick();
          const at = new Date(now).toISOString();
          for (const month of MONTHS) {
            const res = await client.get(`/api/dashboard/${year}?month=${month}`);
            expect(res.status).toBe(200);
            shown.push({ at, month, board: { ...res.body, asOf: null } });
          }
        };
        for (const step of actions) {
          tick();
          if (step.kind === 'advance') now += step.days * 86_400_000;
          else if (step.kind === 'list') await client.put(`/api/lists/${year}/entries/${ids[step.project]}`).send({ category: 'implementation', plannedInvestment: step.planned });
          else {
            const current = new Date(now).getUTCMonth() + 1;
            const month = `${year}-${String(Math.min(step.month, current)).padStart(2, '0')}`;
            const res = await client.put(`/api/projects/${ids[step.project]}/reports/${month}`).send({ amount: step.amount });
            expect([200, 201]).toContain(res.status);
          }
          await snapshot();
        }
        tick(86_400_000);
        for (const { at, month, board } of shown) {
          const replayed = await client.get(`/api/dashboard/${year}?month=${month}&asOf=${encodeURIComponent(at)}`);
          expect({ at, month, board: { ...replayed.body, asOf: null } }).toEqual({ at, month, board });
        }
      }),
      { numRuns: 8, endOnFailure: true },
    );
  }, 600_000);

  /**
   * The board's kept figures (src/board/board-figures.ts) after random histories of every kind of
   * change they follow equal the figures built again from the data, row by row, and the current
   * board equals the board replayed as of the same instant.
   */
  type Change =
    | { kind: 'file'; project: number; month: number; amount: number }
    | { kind: 'list'; project: number; category: 'implementation' | 'preparation'; planned: number; key: boolean; curve: boolean }
    | { kind: 'unlist'; project: number }
    | { kind: 'halt' | 'resume'; project: number; day: number }
    | { kind: 'region'; project: number; region: number }
    | { kind: 'conditional'; project: number; days: number }
    | { kind: 'yellow'; pct: number }
    | { kind: 'milestones'; project: number; days: number; reached: boolean }
    | { kind: 'advance'; days: number };
  const project = fc.integer({ min: 0, max: 4 });
  const change: fc.Arbitrary<Change> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('file' as const), project, month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: 0, max: 6000 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), project, category: fc.constantFrom('implementation' as const, 'preparation' as const), planned: fc.integer({ min: 1, max: 60 }).map((n) => n * 1000), key: fc.boolean(), curve: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlist' as const), project }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('halt' as const, 'resume' as const), project, day: fc.integer({ min: 0, max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('region' as const), project, region: fc.integer({ min: 0, max: 2 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('conditional' as const), project, days: fc.integer({ min: 0, max: 40 }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('yellow' as const), pct: fc.integer({ min: 10, max: 99 }) }) },
    // 节点滞后 and the curve derived from milestones (docs/domain/milestones.md)
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('milestones' as const), project, days: fc.integer({ min: -60, max: 90 }), reached: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 75 }) }) },
  );
  const REGIONS = ['371502', '371521', '371526'];

  /** The kept tables as plain rows (numbers as numbers on both databases), groups that hold no project left out. */
  const keptTables = async () => {
    const rows = async (text: string) =>
      ((await t.dataSource.query(text)) as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+$/.test(v) && !/^0\d/.test(v) && k !== 'code' ? Number(v) : v])),
      );
    return {
      members: await rows('SELECT * FROM board_member ORDER BY project_id, year'),
      groups: await rows('SELECT * FROM board_group WHERE projects <> 0 ORDER BY year, region_code, chain_code, category, is_key'),
      red: await rows('SELECT * FROM board_red ORDER BY project_id, year, month'),
    };
  };

  it('the kept board figures equal the figures built again from the data, after any history of changes', async () => {
    const figures = t.app.get(BoardFigures);
    const writes = t.app.get(WriteQueue);
    let run = 0;
    let redSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 4, maxLength: 16 }), async (changes) => {
        const year = 2040 + run++;
        let now = Date.parse(`${year}-01-02T02:00:00.000Z`);
        const tick = (ms = 60_000) => t.setNow(new Date((now += ms)).toISOString());
        const today = () => new Date(now).toISOString().slice(0, 10);
        tick(0);
        const client = t.clientWith(await t.login('admin', TEST_ADMIN_PASSWORD));
        expect((await client.post(`/api/targets/${year}`).send({ copyFrom: 2024 })).status).toBe(201);
        const ids: number[] = [];
        for (let i = 0; i < 5; i++) {
          const body = projectBody({ region: REGIONS[i % 3], approvals: ALL_APPROVALS, plannedStartDate: `${year}-0${1 + i}-10`, plannedCompletionDate: `${year + 3}-12-31` });
          const id = (await client.post('/api/projects').send(body)).body.id as number;
          await client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
          // four started, one left in preparation past its planned start (逾期未开工 once the date passes)
          if (i < 4) await client.post(`/api/projects/${id}/events`).send({ type: 'START', date: `${year}-01-01` });
          await client.put(`/api/lists/${year}/entries/${id}`).send({ category: i < 4 ? 'implementation' : 'preparation', plannedInvestment: 12_000 });
          ids.push(id);
        }
        for (const step of changes) {
          tick();
          const id = 'project' in step ? ids[step.project] : 0;
          const month = new Date(now).getUTCMonth() + 1;
          if (step.kind === 'advance') now += step.days * 86_400_000;
          else if (step.kind === 'file') await client.put(`/api/projects/${id}/reports/${year}-${String(Math.min(step.month, month)).padStart(2, '0')}`).send({ amount: step.amount });
          else if (step.kind === 'list') {
            const monthlyPlan = step.curve ? Array.from({ length: 12 }, (_, m) => (m === 11 ? step.planned - 11 * Math.floor(step.planned / 12) : Math.floor(step.planned / 12))) : null;
            await client.put(`/api/lists/${year}/entries/${id}`).send({ category: step.category, plannedInvestment: step.planned, keyProject: step.key, monthlyPlan });
          } else if (step.kind === 'unlist') await client.delete(`/api/lists/${year}/entries/${id}`);
          else if (step.kind === 'halt') await client.post(`/api/projects/${id}/events`).send({ type: 'HALT', date: today(), reason: '整改' });
          else if (step.kind === 'resume') await client.post(`/api/projects/${id}/events`).send({ type: 'RESUME', date: today() });
          else if (step.kind === 'region') {
            const version = (await client.get(`/api/projects/${id}`)).body.version as number;
            await client.patch(`/api/projects/${id}`).send({ version, region: REGIONS[step.region] });
          } else if (step.kind === 'conditional') {
            const commitmentDate = new Date(now + step.days * 86_400_000).toISOString().slice(0, 10);
            await client.put(`/api/projects/${id}/approvals/land`).send({ status: 'conditional', commitmentDate });
          } else if (step.kind === 'milestones') {
            const plannedDate = new Date(now + step.days * 86_400_000).toISOString().slice(0, 10);
            const res = await client.put(`/api/projects/${id}/milestones`).send([
              { name: '开工', plannedDate: `${year}-01-01`, actualDate: `${year}-01-01` },
              { name: '主体完工', plannedDate, ...(step.reached ? { actualDate: today() } : {}) },
            ]);
            expect(res.status).toBe(200);
          } else if (step.kind === 'yellow') {
            const blue = (await client.get(`/api/targets/${year}`)).body.ratingBluePct as number;
            expect((await client.patch(`/api/targets/${year}`).send({ ratingYellowPct: Math.min(step.pct, blue - 1) })).status).toBe(200);
          }
        }
        tick();
        const kept = await keptTables();
        redSeen += kept.red.length;
        await writes.run((manager) => figures.rebuild(manager));
        expect(await keptTables()).toEqual(kept);
        // and the current board is the board replayed as of this instant
        const at = new Date(now).toISOString();
        for (const month of [3, 12]) {
          const current = (await client.get(`/api/dashboard/${year}?month=${month}`)).body;
          tick();
          const replayed = (await client.get(`/api/dashboard/${year}?month=${month}&asOf=${encodeURIComponent(at)}`)).body;
          expect({ month, board: { ...replayed, asOf: null } }).toEqual({ month, board: { ...current, asOf: null } });
        }
      }),
      { numRuns: 10, endOnFailure: true },
    );
    expect(redSeen).toBeGreaterThan(0);
  }, 600_000);

  it('the figures equal the latest revision of every month, project by project', async () => {
    const figures = (await t.dataSource.query('SELECT * FROM project_year_figure ORDER BY project_id, year')) as Record<string, number>[];
    const latest = (await t.dataSource.query(
      `SELECT r.project_id, r.month, r.amount_wan FROM report_revision r
        WHERE NOT EXISTS (SELECT 1 FROM report_revision l WHERE l.project_id = r.project_id AND l.month = r.month AND l.revision > r.revision)`,
    )) as { project_id: number; month: string; amount_wan: number }[];
    expect(latest.length).toBeGreaterThan(10);
    const expected = new Map<string, number>();
    for (const r of latest) expected.set(`${r.project_id}|${r.month}`, Number(r.amount_wan));
    const actual = new Map<string, number>();
    for (const f of figures)
      for (let m = 1; m <= 12; m++) {
        const value = Number(f[`m${String(m).padStart(2, '0')}`]);
        if (value !== 0 || expected.has(`${f.project_id}|${f.year}-${String(m).padStart(2, '0')}`)) actual.set(`${f.project_id}|${f.year}-${String(m).padStart(2, '0')}`, value);
      }
    expect(actual).toEqual(expected);
  });
});
