import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

describe('monthly reports (月调度) over HTTP', () => {
  let t: TestApp;
  let started: number; // started 2024-03-10, total 10,000 万元
  let idle: number; // in preparation, never started
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-20T02:00:00.000Z' });
    started = (await t.client.post('/api/projects').send(projectBody({ totalInvestment: 10000, region: '371526' }))).body.id;
    await t.client.post(`/api/projects/${started}/events`).send({ type: 'PROMOTE' });
    await t.client.post(`/api/projects/${started}/events`).send({ type: 'START', date: '2024-03-10' });
    idle = (await t.client.post('/api/projects').send(projectBody())).body.id;
    await t.client.post(`/api/projects/${idle}/events`).send({ type: 'PROMOTE' });
  });
  afterAll(async () => t.close());

  const file = (month: string, body: Record<string, unknown>, id = started) =>
    t.client.put(`/api/projects/${id}/reports/${month}`).send(body);

  it('files a month (201), re-files it as a new revision (200), and keeps every revision with who and when', async () => {
    const first = await file('2024-03', { amount: 1200, progress: '场地平整', problems: '用地指标待落实' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ month: '2024-03', revision: 1, amount: 1200, progress: '场地平整', problems: '用地指标待落实', actor: 'admin', correction: false, cumulative: 1200, flags: [] });
    t.setNow('2024-06-21T03:00:00.000Z');
    const second = await file('2024-03', { amount: 1500, progress: '场地平整完成' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ revision: 2, amount: 1500, cumulative: 1500, recordedAt: '2024-06-21T03:00:00.000Z' });

    const monthly = await t.client.get(`/api/projects/${started}/reports`);
    expect(monthly.body).toEqual([expect.objectContaining({ month: '2024-03', revision: 2, amount: 1500, revisions: 2 })]);
    const revisions = await t.client.get(`/api/projects/${started}/reports/2024-03/revisions`);
    expect(revisions.body.map((r: { revision: number; amount: number; recordedAt: string }) => [r.revision, r.amount, r.recordedAt])).toEqual([
      [1, 1200, '2024-06-20T02:00:00.000Z'],
      [2, 1500, '2024-06-21T03:00:00.000Z'],
    ]);
  });

  it('treats the same report sent twice as one revision', async () => {
    const before = await databaseState(t.dataSource);
    const again = await file('2024-03', { amount: 1500, progress: '场地平整完成' });
    expect(again.status).toBe(200);
    expect(again.body.revision).toBe(2);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('accepts but flags a report that takes cumulative investment above the total', async () => {
    const res = await file('2024-04', { amount: 9000 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ cumulative: 10500, flags: ['cumulativeAboveTotal'] });
  });

  describe('refuses, changing nothing', () => {
    const cases: [string, () => request.Test, number, string][] = [
      ['a future month', () => file('2024-07', { amount: 1 }), 422, 'monthInFuture'],
      ['a month before the start', () => file('2024-02', { amount: 1 }), 422, 'monthBeforeStart'],
      ['a project never started', () => file('2024-05', { amount: 1 }, idle), 422, 'projectNotStarted'],
      ['a negative amount', () => file('2024-05', { amount: -5 }), 422, 'min'],
      ['a fractional amount', () => file('2024-05', { amount: 10.5 }), 422, 'isInt'],
      ['an amount as text', () => file('2024-05', { amount: '10' }), 400, 'isNumber'],
      ['no amount', () => file('2024-05', { progress: '无' }), 400, 'isDefined'],
      ['an unknown field', () => file('2024-05', { amount: 1, approvedBy: 'me' }), 400, 'unknownField'],
      ['a malformed month', () => file('2024-5', { amount: 1 }), 400, 'isMonth'],
      ['month 13', () => file('2024-13', { amount: 1 }), 400, 'isMonth'],
      ['an unknown project', () => file('2024-05', { amount: 1 }, 999999), 404, ''],
    ];
    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await databaseState(t.dataSource);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ statusCode: status, error: expect.any(String), message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) });
      if (code) expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });
  });

  it('refuses a month after completion', async () => {
    const id = (await t.client.post('/api/projects').send(projectBody())).body.id;
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-01-05' });
    expect((await file('2024-01', { amount: 100 }, id)).status).toBe(201);
    expect((await t.client.post(`/api/projects/${id}/events`).send({ type: 'COMPLETE', date: '2024-02-28' })).status).toBe(200);
    const res = await file('2024-03', { amount: 100 }, id);
    expect(res.status).toBe(422);
    expect(res.body.details[0].code).toBe('monthAfterCompletion');
  });

  it('lists projects in implementation that have not filed a month, by region, until they file', async () => {
    const missing = await t.client.get('/api/reports/missing?month=2024-05');
    const names = missing.body.regions.flatMap((r: { projects: { projectId: number }[] }) => r.projects.map((p) => p.projectId));
    expect(names).toContain(started);
    expect(names).not.toContain(idle);
    expect(missing.body.regions.find((r: { code: string }) => r.code === '371526').name).toBe('高唐县');
    await file('2024-05', { amount: 300 });
    const after = await t.client.get('/api/reports/missing?month=2024-05');
    expect(after.body.regions.flatMap((r: { projects: { projectId: number }[] }) => r.projects.map((p) => p.projectId))).not.toContain(started);
    expect((await t.client.get('/api/reports/missing?month=May')).status).toBe(400);
  });

  it('after a bulletin closes the month, a revision needs a reason and is marked as a correction', async () => {
    t.setNow('2024-07-05T02:00:00.000Z');
    expect((await t.client.post('/api/bulletins/2024/6')).status).toBe(201);
    const before = await databaseState(t.dataSource);
    const noReason = await file('2024-05', { amount: 400 });
    expect(noReason.status).toBe(422);
    expect(noReason.body.details[0].code).toBe('correctionReasonRequired');
    expect(await databaseState(t.dataSource)).toEqual(before);
    const corrected = await file('2024-05', { amount: 400, reason: '统计口径更正' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ revision: 2, amount: 400, correction: true, reason: '统计口径更正' });
    // July is not closed by the June bulletin.
    expect((await file('2024-07', { amount: 10 })).body.correction).toBe(false);
  });
});
