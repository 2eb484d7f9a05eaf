import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

describe('year lists (年度清单) over HTTP', () => {
  let t: TestApp;
  let projectId: number;
  beforeAll(async () => {
    t = await startTestApp();
    // A list belongs to a year that has a plan (a draft: its lists change without a reason).
    expect((await t.client.post('/api/targets/2025').send({ copyFrom: 2024 })).status).toBe(201);
    projectId = (await t.client.post('/api/projects').send(projectBody({ totalInvestment: 50000 }))).body.id;
  });
  afterAll(async () => t.close());

  it('a year without a plan has no list: 404 naming it, and nothing changes', async () => {
    const before = await databaseState(t.dataSource);
    const res = await t.client.put(`/api/lists/2031/entries/${projectId}`).send({ category: 'implementation', plannedInvestment: 1000 });
    expect(res.status).toBe(404);
    expect(res.body.details).toEqual([{ field: 'year', code: 'noPlan', message: expect.stringContaining('2031 年尚无年度计划') }]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  const put = (body: Record<string, unknown>, id = projectId) => t.client.put(`/api/lists/2025/entries/${id}`).send(body);

  it('adds an entry (201), treats the same entry again as no change (200), and reads it back', async () => {
    const plan = [1000, 1000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 1000, 1000];
    const total = plan.reduce((a, b) => a + b, 0);
    const first = await put({ category: 'implementation', plannedInvestment: total, monthlyPlan: plan });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ projectId, category: 'implementation', plannedInvestment: 20000, monthlyPlan: plan });
    const before = await databaseState(t.dataSource);
    const again = await put({ category: 'implementation', plannedInvestment: total, monthlyPlan: plan });
    expect(again.status).toBe(200);
    expect(await databaseState(t.dataSource)).toEqual(before);
    const list = await t.client.get('/api/lists/2025');
    expect(list.body).toEqual([expect.objectContaining({ projectId, category: 'implementation', plannedInvestment: 20000, monthlyPlan: plan })]);
    const filtered = await t.client.get('/api/projects?list=implementation&year=2025');
    expect(filtered.body.items.map((p: { id: number }) => p.id)).toEqual([projectId]);
  });

  it('keeps the old entry when it changes, and logs the change in the project history', async () => {
    const res = await put({ category: 'preparation', plannedInvestment: 8000, reason: '年中调整为准备类' });
    expect(res.status).toBe(200);
    const rows = await t.dataSource.query('SELECT category, planned_investment_wan, removed_at FROM list_entry WHERE project_id = ? ORDER BY id', [projectId]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ category: 'implementation', planned_investment_wan: 20000 });
    expect(rows[0].removed_at).not.toBeNull();
    expect(rows[1]).toMatchObject({ category: 'preparation', planned_investment_wan: 8000, removed_at: null });
    const history = await t.client.get(`/api/projects/${projectId}/history`);
    const change = history.body.filter((h: { kind: string }) => h.kind === 'list').at(-1);
    expect(change).toMatchObject({ reason: '年中调整为准备类', data: { year: 2025, action: 'changed', before: { category: 'implementation' }, after: { category: 'preparation' } } });
  });

  it('refuses a plan curve that does not add up, a plan above the total, and a withdrawn project, changing nothing', async () => {
    const before = await databaseState(t.dataSource);
    const mismatch = await put({ category: 'implementation', plannedInvestment: 12000, monthlyPlan: Array(12).fill(1000).map((v, i) => (i === 0 ? 999 : v)) });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.details[0].code).toBe('monthlyPlanSumMismatch');
    const eleven = await put({ category: 'implementation', plannedInvestment: 11000, monthlyPlan: Array(11).fill(1000) });
    expect(eleven.status).toBe(422);
    const above = await put({ category: 'implementation', plannedInvestment: 50001 });
    expect(above.status).toBe(422);
    expect(above.body.details[0].code).toBe('planAboveTotal');
    const unknown = await put({ category: 'implementation', plannedInvestment: 1 }, 999999);
    expect(unknown.status).toBe(404);
    const badCategory = await put({ category: 'reserve', plannedInvestment: 1 });
    expect(badCategory.status).toBe(400);
    expect(await databaseState(t.dataSource)).toEqual(before);

    const other = (await t.client.post('/api/projects').send(projectBody())).body.id;
    await t.client.post(`/api/projects/${other}/events`).send({ type: 'WITHDRAW', reason: '企业放弃' });
    const withdrawn = await put({ category: 'implementation', plannedInvestment: 1 }, other);
    expect(withdrawn.status).toBe(422);
    expect(withdrawn.body.details[0].code).toBe('projectWithdrawn');
  });

  it('removes an entry (204), logged with its reason; a second removal is 404', async () => {
    const res = await t.client.delete(`/api/lists/2025/entries/${projectId}?reason=${encodeURIComponent('项目调出清单')}`);
    expect(res.status).toBe(204);
    expect((await t.client.get('/api/lists/2025')).body).toEqual([]);
    const history = await t.client.get(`/api/projects/${projectId}/history`);
    expect(history.body.at(-1)).toMatchObject({ kind: 'list', reason: '项目调出清单', data: { action: 'removed', after: null } });
    expect((await t.client.delete(`/api/lists/2025/entries/${projectId}`)).status).toBe(404);
  });
});
