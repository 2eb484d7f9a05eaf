import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The war room and the workbench show the same 缺报 and the same colours for the same project
 * and month, because both use the rules in src/rules (reporting.ts, red-list.ts, progress.ts).
 * Before they shared them, a project completed mid-month was missing on one screen and not on
 * the other, and a past month's preparation project was coloured by today's date.
 *
 * The world, on 15 July 2024:
 *  - done:    started 1 March, reported March–May, completed 15 June, no June report
 *  - filing:  started 1 March, reported March–June, still building
 *  - waiting: on the preparation list, planned start 20 May, not started
 *  - late:    on the preparation list, planned start 20 May, started 10 June
 */
interface WorkbenchRow {
  id: number;
  report: { status: 'filed' | 'missing' | 'notDue' };
  rating: string | null;
  ratingReason: string | null;
}

describe('war room and workbench agree on 缺报 and colour', () => {
  let t: TestApp;
  const ids = {} as Record<'done' | 'filing' | 'waiting' | 'late', number>;

  const create = async (overrides: Record<string, unknown> = {}) => {
    const id = (await t.client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS, plannedStartDate: '2024-05-20', ...overrides }))).body.id as number;
    expect((await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' })).status).toBe(200);
    return id;
  };
  const ok = (status: number) => expect(status).toBeLessThan(300);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-15T02:00:00.000Z' });
    for (const name of ['done', 'filing'] as const) {
      ids[name] = await create({ plannedStartDate: '2024-03-01' });
      ok((await t.client.post(`/api/projects/${ids[name]}/events`).send({ type: 'START', date: '2024-03-01' })).status);
      ok((await t.client.put(`/api/lists/2024/entries/${ids[name]}`).send({ category: 'implementation', plannedInvestment: 12_000 })).status);
      for (const month of ['2024-03', '2024-04', '2024-05']) ok((await t.client.put(`/api/projects/${ids[name]}/reports/${month}`).send({ amount: 1_000 })).status);
    }
    ok((await t.client.put(`/api/projects/${ids.filing}/reports/2024-06`).send({ amount: 1_000 })).status);
    ok((await t.client.post(`/api/projects/${ids.done}/events`).send({ type: 'COMPLETE', date: '2024-06-15' })).status);
    ids.waiting = await create();
    ids.late = await create();
    for (const name of ['waiting', 'late'] as const) ok((await t.client.put(`/api/lists/2024/entries/${ids[name]}`).send({ category: 'preparation', plannedInvestment: 5_000 })).status);
    ok((await t.client.post(`/api/projects/${ids.late}/events`).send({ type: 'START', date: '2024-06-10' })).status);
  });
  afterAll(() => t.close());

  const warRoom = async (month: number) => {
    const key = `2024-${String(month).padStart(2, '0')}`;
    const missing = (await t.client.get(`/api/reports/missing?month=${key}`)).body as { total: number; regions: { projects: { projectId: number }[] }[] };
    const drill = (await t.client.get(`/api/dashboard/2024/projects?month=${month}&pageSize=500`)).body.items as { projectId: number; rating: string | null }[];
    const board = (await t.client.get(`/api/dashboard/2024?month=${month}`)).body as { redList: { projectId: number; kind: string }[] };
    return {
      missing: missing.regions.flatMap((r) => r.projects.map((p) => p.projectId)).sort(),
      missingTotal: missing.total,
      colours: new Map(drill.map((row) => [row.projectId, row.rating])),
      overdue: board.redList.filter((r) => r.kind === 'overdueStart').map((r) => r.projectId).sort(),
    };
  };
  const workbench = async (month: number) => {
    const page = (await t.client.get(`/api/workbench/projects?month=2024-${String(month).padStart(2, '0')}`)).body as { items: WorkbenchRow[]; reports: { missing: number } };
    return {
      missing: page.items.filter((row) => row.report.status === 'missing').map((row) => row.id).sort(),
      missingTotal: page.reports.missing,
      colours: new Map(page.items.map((row) => [row.id, row.rating])),
      overdue: page.items.filter((row) => row.ratingReason === 'overdueStart').map((row) => row.id).sort(),
    };
  };

  it('June: the project completed mid-June without a June report is missing on both screens (and the one started in June)', async () => {
    const [board, bench] = await Promise.all([warRoom(6), workbench(6)]);
    const expected = [ids.done, ids.late].sort();
    expect(board.missing).toEqual(expected);
    expect(bench.missing).toEqual(expected);
    expect([board.missingTotal, bench.missingTotal]).toEqual([2, 2]);
  });

  it('a past month (April) and the months around the planned start: same colours, same overdue starts', async () => {
    const expectedOverdue: Record<number, number[]> = {
      4: [], // planned 20 May: not yet due in April, whatever today is
      5: [ids.waiting, ids.late].sort(), // neither had started by 31 May
      6: [ids.waiting], // "late" started on 10 June
    };
    for (const month of [4, 5, 6]) {
      const [board, bench] = await Promise.all([warRoom(month), workbench(month)]);
      expect([month, board.overdue]).toEqual([month, expectedOverdue[month]]);
      expect([month, bench.overdue]).toEqual([month, expectedOverdue[month]]);
      for (const [id, colour] of board.colours) expect([month, id, bench.colours.get(id)]).toEqual([month, id, colour]);
      expect([month, board.missing]).toEqual([month, bench.missing]);
    }
  });

  it('April: nothing is missing (all reported), and the implementation projects are on plan', async () => {
    const [board, bench] = await Promise.all([warRoom(4), workbench(4)]);
    expect(board.missing).toEqual([]);
    expect(bench.missing).toEqual([]);
    // 2,000 reported for March–April against 12,000 × 4/12 = 4,000 expected: 50%, red.
    expect(board.colours.get(ids.filing)).toBe('red');
    expect(bench.colours.get(ids.filing)).toBe('red');
  });
});
