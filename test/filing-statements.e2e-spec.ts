import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectBody } from './factories/project.factory.js';
import { JobQueue } from '../src/jobs/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * A report filing's own statements (docs/architecture.md "Round trips in a write"): every one
 * a round trip on PostgreSQL, inside the write queue, so each adds to every filing's wait. And the
 * answer's cumulative total, now worked out from the figures read before the write, checked on
 * hand-worked filings across two years.
 */
describe('a report filing: its statements, and the total it answers', () => {
  let t: TestApp;
  let id: number;
  let log: string[] = [];
  let postgres = false;
  beforeAll(async () => {
    t = await startTestApp({ now: '2025-02-20T02:00:00.000Z' });
    postgres = t.dataSource.options.type === 'postgres';
    // The job queue polls its table on the same connection: not the filing's statements.
    await t.app.get(JobQueue).onApplicationShutdown();
    id = (await t.client.post('/api/projects').send(projectBody({ totalInvestment: 1000 }))).body.id;
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-11-05' });
    const logger = t.dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      log.push(args[0].trim());
      return original(...args);
    };
  });
  afterAll(async () => t.close());

  const file = async (month: string, amount: number) => {
    log = [];
    const res = await t.client.put(`/api/projects/${id}/reports/${month}`).send({ amount });
    const begin = log.findIndex((s) => /^(START TRANSACTION|BEGIN)/.test(s));
    return { res, transaction: log.slice(begin), afterCommit: log.slice(log.indexOf('COMMIT') + 1) };
  };
  /** The filing's own work: from the transaction's start to its audit entry (then the write queue's followers, the write counter, COMMIT). */
  const ownWork = (transaction: string[]) => transaction.slice(0, transaction.findIndex((s) => s.includes('INSERT INTO "audit_entry"')) + 1);

  it('files a new month in 3 statements after START on PostgreSQL (5 on SQLite), reading nothing after COMMIT', async () => {
    const { res, transaction, afterCommit } = await file('2024-11', 300);
    expect(res.status).toBe(201);
    expect(res.body.cumulative).toBe(300);
    const own = ownWork(transaction);
    // PostgreSQL: START; the project with the month's latest revision, closing bulletin and kept
    // figures; the audit lock and the chain's end; the revision, its year figure and the entry.
    // SQLite (in process, no round trips): no lock, and the three writes one by one.
    expect(own.length).toBe(postgres ? 4 : 6);
    expect(own.filter((s) => s.includes('INSERT INTO "report_revision"')).length).toBe(1);
    expect(own.filter((s) => s.startsWith('SELECT "p"."id"')).length).toBe(1);
    expect(afterCommit).toEqual([]);
  });

  it('answers the total over every year, a revision counting instead of the figure it replaces', async () => {
    // 2024-11: 300 (above). 2024-12: 500 → 800. 2025-01: 700 → 1500 (another year's row).
    expect((await file('2024-12', 500)).res.body).toMatchObject({ revision: 1, cumulative: 800, flags: [] });
    expect((await file('2025-01', 700)).res.body).toMatchObject({ revision: 1, cumulative: 1500, flags: ['cumulativeAboveTotal'] });
    // 2024-12 revised to 200: 300 + 200 + 700 = 1200 (still above the total of 1000).
    const revised = await file('2024-12', 200);
    expect(revised.res.status).toBe(200);
    expect(revised.res.body).toMatchObject({ revision: 2, amount: 200, cumulative: 1200, created: false, flags: ['cumulativeAboveTotal'] });
    expect(ownWork(revised.transaction).length).toBe(postgres ? 4 : 6);
    // 2024-11 revised to 0: 0 + 200 + 700 = 900, under the total again.
    expect((await file('2024-11', 0)).res.body).toMatchObject({ revision: 2, cumulative: 900, flags: [] });
    // What the project's reports say, read back: the same total.
    const months = (await t.client.get(`/api/projects/${id}/reports`)).body as { amount: number }[];
    expect(months.reduce((sum, m) => sum + m.amount, 0)).toBe(900);
  });

  it('files the same report again with one read and the write counter, nothing else', async () => {
    const { res, transaction } = await file('2025-01', 700);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision: 1, cumulative: 900, created: false });
    expect(transaction.length).toBe(4); // START/BEGIN, the read, the write counter, COMMIT
  });
});
