import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listen, rawRequest } from './support/raw-http.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The security log (docs/access.md "The security log"): failed sign-ins with the name tried and
 * the address, lockouts, refused writes (403, 409, 422) with the caller; read and exported by the
 * city office and auditors, filtered by period and kind, and kept SECURITY_LOG_DAYS days.
 */
describe('security log', () => {
  let t: TestApp;
  let base: string;
  let auditor: Awaited<ReturnType<TestApp['clientWith']>>;
  let region: Awaited<ReturnType<TestApp['clientWith']>>;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_ATTEMPTS: '3', SECURITY_LOG_DAYS: '30' } });
    base = await listen(t);
    for (const user of [
      { username: 'sec-auditor', password: 'sec-auditor-password', role: 'auditor' },
      { username: 'sec-region', password: 'sec-region-password', role: 'region', region: '371502' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    auditor = t.clientWith(await t.login('sec-auditor', 'sec-auditor-password'));
    region = t.clientWith(await t.login('sec-region', 'sec-region-password'));
  });
  afterAll(async () => t.close());

  const signIn = (username: string, password: string, from: string) =>
    rawRequest(base, { path: '/api/auth/login', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }), from });
  /** The log as the auditor reads it, once `count` entries match (writing an entry does not hold up the answer it is about). */
  const entries = async (query: string, count: number) => {
    for (let i = 0; i < 50; i++) {
      const res = await auditor.get(`/api/audit/security${query}`);
      expect(res.status).toBe(200);
      if (res.body.length >= count) return res.body as Record<string, unknown>[];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fewer than ${count} entries for ${query}`);
  };

  it('keeps failed sign-ins with the name tried and the address, and the lockout that follows', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('sec-region', `wrong-${i}`, '127.0.5.1')).status).toBe(401);
    expect((await signIn('no-such-user', 'whatever-password', '127.0.5.2')).status).toBe(401);
    expect((await signIn('sec-region', 'sec-region-password', '127.0.5.1')).status).toBe(429);
    const failed = await entries('?kind=login-failed', 4);
    expect(failed).toEqual([
      ...Array(3).fill({ at: expect.any(String), kind: 'login-failed', username: 'sec-region', address: '127.0.5.1', route: 'POST /api/auth/login', status: 401 }),
      { at: expect.any(String), kind: 'login-failed', username: 'no-such-user', address: '127.0.5.2', route: 'POST /api/auth/login', status: 401 },
    ]);
    expect(await entries('?kind=locked', 1)).toEqual([{ at: expect.any(String), kind: 'locked', username: 'sec-region', address: '127.0.5.1' }]);
  });

  it('keeps refused writes (403, 409, 422) with the caller, and not refused reads or malformed requests', async () => {
    const project = (await t.client.post('/api/projects').send(projectBody({ region: '371502', approvals: ALL_APPROVALS }))).body.id as number;
    expect((await region.post('/api/users').send({ username: 'not-allowed', password: 'not-allowed-password', role: 'auditor' })).status).toBe(403);
    expect((await region.post(`/api/projects/${project}/events`).send({ type: 'RESUME', date: '2024-05-01' })).status).toBe(409);
    expect((await region.post(`/api/projects/${project}/events`).send({ type: 'START', date: '2024-05-01' })).status).toBe(409);
    expect((await t.client.post(`/api/projects/${project}/events`).send({ type: 'PROMOTE' })).status).toBe(200);
    expect((await t.client.put(`/api/projects/${project}/reports/2024-05`).send({ amount: 5 })).status).toBe(422);
    // Not kept: a refused read (a log of reads would be the access log), and a malformed body (400).
    expect((await region.get('/api/users')).status).toBe(403);
    expect((await region.post('/api/projects').send({ nonsense: true })).status).toBe(400);
    const refused = await entries('?kind=refused', 4);
    expect(refused.map(({ username, route, status }) => ({ username, route, status }))).toEqual([
      { username: 'sec-region', route: 'POST /api/users', status: 403 },
      { username: 'sec-region', route: 'POST /api/projects/:id/events', status: 409 },
      { username: 'sec-region', route: 'POST /api/projects/:id/events', status: 409 },
      { username: 'admin', route: 'PUT /api/projects/:id/reports/:month', status: 422 },
    ]);
    expect(refused.every((entry) => typeof entry.address === 'string')).toBe(true);
  });

  it('filters by period and kind, refuses a reversed period and an unknown kind, and is for the city office and auditors only', async () => {
    const all = await entries('', 9);
    const from = encodeURIComponent('2024-06-30T12:00:00+08:00');
    expect(await entries(`?from=${from}&to=${from}`, 9)).toEqual(all); // the clock is fixed at that instant
    expect((await auditor.get('/api/audit/security?to=2024-06-30T11:59:59%2B08:00')).body).toEqual([]);
    expect((await auditor.get('/api/audit/security?kind=unknown')).status).toBe(400);
    expect((await auditor.get('/api/audit/security?from=2024-07-01T00:00:00Z&to=2024-06-01T00:00:00Z')).status).toBe(400);
    expect((await region.get('/api/audit/security')).status).toBe(403);
    expect((await t.client.get('/api/audit/security')).status).toBe(200);
  });

  it('exports as CSV with the chain verification stamp first', async () => {
    const res = await auditor.get('/api/audit/exports/security.csv?kind=login-failed');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('审计链校验：通过');
    expect(lines[1]).toBe('时刻（UTC）,时间（北京）,类型,用户名,地址,接口,状态码');
    expect(lines.slice(2)).toHaveLength(4);
    expect(lines[2]).toContain('login-failed,sec-region,127.0.5.1,POST /api/auth/login,401');
  });

  it('keeps entries SECURITY_LOG_DAYS days: older ones go with the next entry written', async () => {
    expect((await entries('', 9)).length).toBeGreaterThanOrEqual(9);
    t.setNow('2024-07-30T05:00:00.000Z'); // 30 days and an hour later
    try {
      expect((await signIn('late-comer', 'whatever-password', '127.0.5.9')).status).toBe(401);
      const kept = await entries('', 1);
      expect(kept).toEqual([expect.objectContaining({ kind: 'login-failed', username: 'late-comer' })]);
    } finally {
      t.setNow('2024-06-30T04:00:00.000Z');
    }
  });
});
