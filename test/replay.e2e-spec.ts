import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Replay (issue 5): a board shown at an instant can be reproduced exactly later, however
 * the data changed since. The board computed live at T1 (from the current columns) must equal
 * the board asked for `asOf=T1` after corrections, transitions, list changes and overrides
 * (computed from the recorded history) — two different paths that must agree.
 */
describe('replay: the board as of an earlier instant equals the board shown then', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  });
  afterAll(async () => t.close());

  it('reproduces October and June after corrections, a start, a halt, a list change and an override', async () => {
    const shownOctober = (await t.client.get('/api/dashboard/2024?month=10')).body;
    const shownJune = (await t.client.get('/api/dashboard/2024?month=6')).body;
    const t1 = shownOctober.asOf as string;

    const listedBefore = (await t.client.get('/api/dashboard/2024/projects?month=10&list=implementation&pageSize=500')).body.items as { projectId: number; stage: string; actualStartDate: string }[];
    const prepBefore = (await t.client.get('/api/dashboard/2024/projects?month=10&list=preparation&pageSize=500')).body.items.find((p: { stage: string }) => p.stage === 'preparation');
    const watched = [...listedBefore.filter((p) => p.stage === 'implementation.active' && p.actualStartDate < '2024-01-01').slice(0, 4).map((p) => p.projectId), prepBefore.projectId];
    const shownProjects = await Promise.all(watched.map(async (id) => (await t.client.get(`/api/projects/${id}`)).body));
    const shownReports = await Promise.all(watched.map(async (id) => (await t.client.get(`/api/projects/${id}/reports`)).body));
    const shownHistory = await Promise.all(watched.map(async (id) => (await t.client.get(`/api/projects/${id}/history`)).body));

    t.setNow('2024-11-21T03:00:00.000Z');
    const listed = (await t.client.get('/api/dashboard/2024/projects?month=10&list=implementation&pageSize=500')).body.items as { projectId: number; stage: string; actualStartDate: string }[];
    const active = listed.filter((p) => p.stage === 'implementation.active' && p.actualStartDate < '2024-01-01');
    // Corrections of published-looking months and new figures.
    await t.client.put(`/api/projects/${active[0].projectId}/reports/2024-03`).send({ amount: 77_777, reason: '更正' });
    await t.client.put(`/api/projects/${active[1].projectId}/reports/2024-10`).send({ amount: 12_345 });
    // A halt dated in June, recorded now.
    await t.client.post(`/api/projects/${active[2].projectId}/events`).send({ type: 'HALT', date: '2024-06-10', reason: '补录停工' });
    // A preparation-list project starts, dated in September.
    const prep = (await t.client.get('/api/dashboard/2024/projects?month=10&list=preparation&pageSize=500')).body.items.find((p: { stage: string }) => p.stage === 'preparation');
    const project = (await t.client.get(`/api/projects/${prep.projectId}`)).body;
    await t.client.patch(`/api/projects/${prep.projectId}`).send({ version: project.version, approvals: { filing: '2024-01-02', land: '2024-01-02', planning: '2024-01-02', environment: '2024-01-02', energy: '2024-01-02', construction: '2024-01-02' } });
    expect((await t.client.post(`/api/projects/${prep.projectId}/events`).send({ type: 'START', date: '2024-09-15' })).status).toBe(200);
    // A list change and a manual colour.
    await t.client.put(`/api/lists/2024/entries/${active[3].projectId}`).send({ category: 'implementation', plannedInvestment: 1, reason: '调减计划' });
    await t.client.put('/api/ratings/2024/10/region/371502').send({ rating: 'red', reason: '督查发现问题' });

    const now = (await t.client.get('/api/dashboard/2024?month=10')).body;
    expect(now.investment.actual).not.toBe(shownOctober.investment.actual);
    expect(now.startRate.started).toBe(shownOctober.startRate.started + 1);

    const replayOctober = (await t.client.get(`/api/dashboard/2024?month=10&asOf=${encodeURIComponent(t1)}`)).body;
    const replayJune = (await t.client.get(`/api/dashboard/2024?month=6&asOf=${encodeURIComponent(t1)}`)).body;
    expect(replayOctober).toEqual(shownOctober);
    expect(replayJune).toEqual(shownJune);

    // Project reads replay too: the project, its reports and its history as they were at T1.
    const at = encodeURIComponent(t1);
    for (const [index, id] of watched.entries()) {
      const nowProject = (await t.client.get(`/api/projects/${id}`)).body;
      const thenProject = (await t.client.get(`/api/projects/${id}?asOf=${at}`)).body;
      expect(thenProject).toEqual(shownProjects[index]);
      expect((await t.client.get(`/api/projects/${id}/reports?asOf=${at}`)).body).toEqual(shownReports[index]);
      expect((await t.client.get(`/api/projects/${id}/history?asOf=${at}`)).body).toEqual(shownHistory[index]);
      if ([2, 3, 4].includes(index)) expect(nowProject).not.toEqual(shownProjects[index]); // halted, list changed, started
    }
    const before = (await t.client.get(`/api/projects/${watched[0]}?asOf=${encodeURIComponent('2020-01-01T00:00:00Z')}`));
    expect(before.status).toBe(404);
    expect((await t.client.get(`/api/projects/${watched[0]}?asOf=yesterday`)).status).toBe(400);
  });
});
