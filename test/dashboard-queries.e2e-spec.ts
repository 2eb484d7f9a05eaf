import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { JobQueue } from '../src/jobs/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The dashboard's cost does not grow with the data in number of queries: it issues the
 * same, bounded number of SQL statements for 4 projects as for 40 (aggregates stay in SQL),
 * and none beyond the sign-in check when nothing was written since the last board (cache).
 */
describe('dashboard query count', () => {
  let t: TestApp;
  let queries = 0;
  const REGIONS = ['371502', '371503', '371521', '371522', '371524'];
  const CHAINS = ['ferrous', 'equipment', 'health', 'green-chemical'];

  const addProjects = async (count: number, offset: number) => {
    for (let i = 0; i < count; i++) {
      const n = offset + i;
      const body = projectBody({ region: REGIONS[n % REGIONS.length], chain: CHAINS[n % CHAINS.length], approvals: ALL_APPROVALS });
      const id = (await t.client.post('/api/projects').send(body)).body.id;
      await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
      if (n % 5 !== 4) {
        await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-01-10' });
        for (const month of ['2024-01', '2024-02', '2024-03', '2024-04']) await t.client.put(`/api/projects/${id}/reports/${month}`).send({ amount: 100 + n });
      }
      if (n % 7 === 3) await t.client.post(`/api/projects/${id}/events`).send({ type: 'HALT', date: '2024-04-20', reason: '整改' });
      await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: n % 5 === 4 ? 'preparation' : 'implementation', plannedInvestment: 1200 });
    }
  };
  const countBoard = async () => {
    queries = 0;
    const res = await t.client.get('/api/dashboard/2024?month=4');
    expect(res.status).toBe(200);
    return { count: queries, board: res.body };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-05-20T02:00:00.000Z' });
    // The job queue polls its table every second on the same connection; its statements are not
    // the board's, and counted they made this spec flaky (24 or 26). No job runs here: stop it.
    await t.app.get(JobQueue).onApplicationShutdown();
    const logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      queries++;
      return original(...args);
    };
  });
  afterAll(async () => t.close());

  it('issues the same number of queries for 4 listed projects as for 40', async () => {
    await addProjects(4, 0);
    const small = await countBoard();
    expect(small.board.investment.listed + small.board.startRate.listed).toBe(4);
    await addProjects(36, 4);
    const large = await countBoard();
    expect(large.board.investment.listed + large.board.startRate.listed).toBe(40);
    expect(large.board.redList.length).toBeGreaterThan(small.board.redList.length);
    expect(small.count).toBeGreaterThan(0);
    expect(large.count).toBe(small.count);
    // 17 statements before the responsibility block (docs/domain/responsibility.md "On the board"),
    // which adds three fixed ones: the coverage counts, the chains' "5个1", the names on the lists;
    // and the year-to-date 要素 (docs/domain/requests.md "Year to date") four: by kind, by
    // department, 到位 and the departments' names.
    expect(large.count).toBeLessThanOrEqual(24);
  });

  it('answers from the cache while nothing is written, and recomputes after a write', async () => {
    queries = 0;
    await t.client.get('/api/auth/me');
    const signInQueries = queries; // reading the signed-in user back on every request
    const any = (await t.client.get('/api/projects?stage=implementation.active&pageSize=1')).body.items[0];
    await t.client.put(`/api/projects/${any.id}/reports/2024-04`).send({ amount: 55_555 });
    const first = await countBoard();
    const again = await countBoard();
    // A cached board costs one read beyond signing in: the shared write counter (every server's writes bump it).
    expect(again.count).toBe(signInQueries + 1);
    expect(first.count).toBeGreaterThan(signInQueries);
    expect({ ...again.board, asOf: null }).toEqual({ ...first.board, asOf: null });
    await t.client.put(`/api/projects/${any.id}/reports/2024-04`).send({ amount: 99_999 });
    const after = await countBoard();
    expect(after.count).toBe(first.count);
    expect(after.board.investment.actual).not.toBe(first.board.investment.actual);
  });
});
