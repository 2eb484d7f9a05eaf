import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { api, signIn, startChildServer, type ChildServer } from './support/child-server.js';
import { freshDatabase } from './support/test-app.js';

/**
 * Several app servers on one PostgreSQL (runs in the PostgreSQL run of the suite, `npm run test:pg`;
 * jest.config.js leaves *.pg-spec.ts out when there is no PostgreSQL). Two real server processes,
 * A and B, share the database and TOKEN_SECRET, as behind a load balancer.
 */
const PASSWORD = 'multi-server-admin-password';
const SECRET = 'multi-server-token-secret-0123456789abcdef';

describe('two servers, one PostgreSQL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-multi-'));
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let a: ChildServer;
  let b: ChildServer;
  let token: string;

  beforeAll(async () => {
    database = await freshDatabase(dir);
    const env = { DATABASE_URL: database.url, SEED: 'none', ADMIN_PASSWORD: PASSWORD, TOKEN_SECRET: SECRET };
    a = await startChildServer(env); // runs the migrations first
    b = await startChildServer(env);
    token = await signIn(a.base, 'admin', PASSWORD);
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
  const started = async (server: ChildServer) => {
    const created = await json<{ id: number }>(await api(server.base, '/api/projects', token, { method: 'POST', body: JSON.stringify(projectBody({ approvals: ALL_APPROVALS })) }));
    expect((await api(server.base, `/api/projects/${created.id}/events`, token, { method: 'POST', body: JSON.stringify({ type: 'PROMOTE' }) })).status).toBe(200);
    return created.id;
  };

  it('a token signed in on A works on B', async () => {
    expect((await api(b.base, '/api/auth/me', token)).status).toBe(200);
  });

  it('a write through A is on B’s board at once, though B had the board cached', async () => {
    const boardOnB = async () => json<{ investment: { actual: number; listed: number } }>(await api(b.base, '/api/dashboard/2024?month=6', token));
    const before = await boardOnB();
    expect(await boardOnB()).toEqual({ ...before, asOf: expect.anything() } as never); // served from B's cache
    const id = await started(a);
    expect((await api(a.base, `/api/projects/${id}/events`, token, { method: 'POST', body: JSON.stringify({ type: 'START', date: '2024-03-01' }) })).status).toBe(200);
    expect((await api(a.base, `/api/lists/2024/entries/${id}`, token, { method: 'PUT', body: JSON.stringify({ category: 'implementation', plannedInvestment: 6000 }) })).status).toBe(201);
    expect((await api(a.base, `/api/projects/${id}/reports/2024-04`, token, { method: 'PUT', body: JSON.stringify({ amount: 1234 }) })).status).toBe(201);
    const after = await boardOnB();
    expect(after.investment.listed).toBe(before.investment.listed + 1);
    expect(after.investment.actual).toBe(before.investment.actual + 1234);
  });

  it('20 concurrent STARTs of one project, split across A and B, apply exactly once', async () => {
    const id = await started(a);
    const start = (server: ChildServer) => api(server.base, `/api/projects/${id}/events`, token, { method: 'POST', body: JSON.stringify({ type: 'START', date: '2024-03-01' }) });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => start(i % 2 ? b : a)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    // The others see the new stage (409) or the version they read gone stale (412): never a second start, never a 500.
    expect(statuses.every((s) => s === 200 || s === 409 || s === 412)).toBe(true);
    const history = await json<{ event: string | null }[]>(await api(b.base, `/api/projects/${id}/history`, token));
    expect(history.filter((h) => h.event === 'START')).toHaveLength(1);
    const project = await json<{ stage: string }>(await api(a.base, `/api/projects/${id}`, token));
    expect(project.stage).toBe('implementation.active');
  });

  it('the audit chain stays valid under writes through both servers at once', async () => {
    const id = await started(b);
    const writes = Array.from({ length: 40 }, (_, i) =>
      api((i % 2 ? a : b).base, `/api/projects/${id}/comments`, token, { method: 'POST', body: JSON.stringify({ text: `评论${i}` }) }),
    );
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(40).fill(201));
    for (const server of [a, b]) {
      const verified = await json<{ ok: boolean; checked: number }>(await api(server.base, '/api/audit/verify', token));
      expect(verified.ok).toBe(true);
      const events = await json<{ total: number }>(await api(server.base, '/api/audit/events?pageSize=1', token));
      expect(verified.checked).toBe(events.total);
    }
    const comments = await json<unknown[]>(await api(a.base, `/api/projects/${id}/comments`, token));
    expect(comments).toHaveLength(40);
  });

  it('sign-in attempts are counted across both servers: a parallel burst split over A and B gets at most LOGIN_ATTEMPTS checks', async () => {
    const attempt = (server: ChildServer) =>
      fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'not-the-password-123' }) });
    const statuses = (await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i % 2 ? b : a)))).map((r) => r.status);
    // 10 (the default LOGIN_ATTEMPTS) wrong passwords are checked; every other attempt is refused before any check.
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 401 || s === 429 || s === 503)).toBe(true);
    const right = await fetch(`${b.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(right.status).toBe(429); // the right password too, once the places are taken, on either server
  });

  it('an import job started on A is seen on B, whichever runs it', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(join(projectRoot(), 'test/fixtures/ledgers/units-second-row.xlsx'))]), 'units-second-row.xlsx');
    const started = await fetch(`${a.base}/api/imports/ledger?async=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(started.status).toBe(202);
    const { jobId } = await json<{ jobId: string }>(started);
    let job: { phase: string; result?: { rows: number; errors: unknown[] } } = { phase: 'queued' };
    for (let poll = 0; poll < 200 && job.phase !== 'done' && job.phase !== 'failed'; poll++) {
      const res = await api(b.base, `/api/imports/jobs/${jobId}`, token);
      expect(res.status).toBe(200);
      job = await json(res);
      if (job.phase !== 'done') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job).toMatchObject({ phase: 'done', result: { rows: 3, errors: [] } });
  });
});
