import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { YearTarget } from '../src/plans/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * GET /api/periods/default with the app's clock fixed (docs/default-period.md): last month in
 * Asia/Shanghai, its year when planned, else the latest planned year with a note; the
 * workbench's default month is the same last month.
 */
describe('GET /api/periods/default', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-11-15T04:00:00.000Z' });
  });
  afterAll(async () => t.close());

  const period = async () => {
    const res = await t.client.get('/api/periods/default');
    expect(res.status).toBe(200);
    return res.body as Record<string, unknown>;
  };

  it('in a planned year: last month of that year (2024-11-15 → 2024/10)', async () => {
    t.setNow('2024-11-15T04:00:00.000Z');
    expect(await period()).toEqual({ today: '2024-11-15', lastMonth: '2024-10', year: 2024, month: 10, years: [2024], fallback: false });
    const context = await t.client.get('/api/workbench/context');
    expect(context.body.defaultMonth).toBe('2024-10');
  });

  it('in January: December of the previous year (2025-01-10 → 2024/12)', async () => {
    t.setNow('2025-01-10T04:00:00.000Z');
    expect(await period()).toMatchObject({ today: '2025-01-10', lastMonth: '2024-12', year: 2024, month: 12, fallback: false });
    expect((await t.client.get('/api/workbench/context')).body.defaultMonth).toBe('2024-12');
  });

  it('counts days in Asia/Shanghai: 2024-12-31T16:30Z is already 1 January there', async () => {
    t.setNow('2024-12-31T16:30:00.000Z');
    expect(await period()).toMatchObject({ today: '2025-01-01', lastMonth: '2024-12', year: 2024, month: 12 });
    t.setNow('2024-11-30T15:59:00.000Z'); // 23:59 on 30 November in Shanghai
    expect(await period()).toMatchObject({ today: '2024-11-30', lastMonth: '2024-10', month: 10 });
  });

  it('in a year without a plan: the latest earlier planned year, flagged, with the note', async () => {
    const plan2024 = await t.dataSource.getRepository(YearTarget).findOneByOrFail({ year: 2024 });
    await t.dataSource.getRepository(YearTarget).insert({ ...plan2024, year: 2022 });
    t.setNow('2026-03-05T04:00:00.000Z');
    expect(await period()).toEqual({
      today: '2026-03-05',
      lastMonth: '2026-02',
      year: 2024,
      month: 12,
      years: [2022, 2024],
      fallback: true,
      note: '2026 年尚无年度计划，显示 2024 年',
    });
    // the workbench still collects last month
    expect((await t.client.get('/api/workbench/context')).body.defaultMonth).toBe('2026-02');
  });

  it('needs sign-in', async () => {
    const res = await request(t.http).get('/api/periods/default');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, details: expect.any(Array) });
  });
});
