import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { projectBody, startedProject } from './factories/project.factory.js';
import { servedRoutes } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Display tokens for wall screens: made, listed and revoked by the admin; a token reads the
 * board's routes (200) and nothing else (403), walked over the app's own route list; revoked or
 * expired it is refused at once (401). Creation, revocation and use are audited, use at most once
 * per token per hour; `lastUsedAt` is written at most once a minute.
 */

/** The board's routes as the war room reads them, with a request that succeeds for each. */
const BOARD: Record<string, string> = {
  'GET /api/auth/me': '/api/auth/me',
  'GET /api/users/names': '/api/users/names',
  'GET /api/regions': '/api/regions',
  'GET /api/chains': '/api/chains',
  'GET /api/periods/default': '/api/periods/default',
  'GET /api/dashboard/:year': '/api/dashboard/2024?month=5',
  'GET /api/dashboard/:year/curve': '/api/dashboard/2024/curve?month=5',
  'GET /api/dashboard/:year/projects': '/api/dashboard/2024/projects?month=5',
  'GET /api/reports/missing': '/api/reports/missing?month=2024-05',
  'GET /api/projects/:id': '/api/projects/:project',
  'GET /api/projects/:id/history': '/api/projects/:project/history',
  'GET /api/projects/:id/reports': '/api/projects/:project/reports',
  'GET /api/bulletins': '/api/bulletins',
  'GET /api/bulletins/:year/:month': '/api/bulletins/2024/4',
  'GET /api/bulletins/:year/:month/commentary': '/api/bulletins/2024/4/commentary',
  'GET /api/exports/bulletins/:year/:month.xlsx': '/api/exports/bulletins/2024/4.xlsx',
  'GET /api/exports/bulletins/:year/:month.docx': '/api/exports/bulletins/2024/4.docx',
};
const PUBLIC = ['POST /api/auth/login', 'POST /api/auth/session', 'GET /api/health', 'GET /api/ready'];

describe('display tokens (大屏令牌)', () => {
  let t: TestApp;
  let project: number;
  const auditAfter = async (seq: number) =>
    ((await t.dataSource.query('SELECT entity, entity_id, action, actor FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as Record<string, string>[]).map((r) => ({ ...r }));
  const lastSeq = async () => Number((await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq ?? 0);
  const make = async (body: Record<string, unknown>) => {
    const res = await t.client.post('/api/display-tokens').send(body);
    expect(res.status).toBe(201);
    return res.body as { id: number; name: string; token: string; expiresAt: string };
  };
  const asDisplay = (token: string) => t.clientWith(token);

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    project = await startedProject(t.client, { region: '371502' });
    expect((await t.client.post('/api/bulletins/2024/4')).status).toBe(201);
  });
  afterAll(async () => t.close());

  it('is made by the admin only, shown once, stored as a hash, valid for the chosen days (365 by default)', async () => {
    const made = await make({ name: '指挥部大屏' });
    expect(made.token).toMatch(/^dsp_[A-Za-z0-9_-]{43}$/);
    expect(made.expiresAt).toBe('2025-06-30T04:00:00.000Z');
    expect((await make({ name: '会议室', days: 30 })).expiresAt).toBe('2024-07-30T04:00:00.000Z');
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM display_token WHERE id = ?', [made.id]);
    expect(JSON.stringify(rows)).not.toContain(made.token);
    expect(rows[0].token_hash).toBe(createHash('sha256').update(made.token).digest('hex'));
    const listed = (await t.client.get('/api/display-tokens')).body as Record<string, unknown>[];
    expect(listed.find((row) => row.id === made.id)).toEqual({
      id: made.id,
      name: '指挥部大屏',
      createdAt: '2024-06-30T04:00:00.000Z',
      createdBy: 'admin',
      expiresAt: '2025-06-30T04:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
      status: 'active',
    });
  });

  it('refuses bad input (400 malformed, 422 out of range) and every role but admin (403), changing nothing', async () => {
    const before = (await t.client.get('/api/display-tokens')).body.length;
    const cases: [Record<string, unknown>, number][] = [
      [{}, 400],
      [{ name: 7 }, 400],
      [{ name: 'a', days: '30' }, 400],
      [{ name: 'a', colour: 'red' }, 400],
      [{ name: '' }, 422],
      [{ name: '   ' }, 422],
      [{ name: 'x'.repeat(49) }, 422],
      [{ name: 'a', days: 0 }, 422],
      [{ name: 'a', days: 1.5 }, 422],
      [{ name: 'a', days: 3651 }, 422],
    ];
    for (const [body, status] of cases)
      expect([JSON.stringify(body), (await t.client.post('/api/display-tokens').send(body)).status]).toEqual([JSON.stringify(body), status]);
    await t.client.post('/api/users').send({ username: 'region-d', password: 'region-password-d', role: 'region', region: '371502' });
    const region = t.clientWith(await t.login('region-d', 'region-password-d'));
    expect((await region.post('/api/display-tokens').send({ name: '县区大屏' })).status).toBe(403);
    expect((await region.get('/api/display-tokens')).status).toBe(403);
    expect((await request(t.http).post('/api/display-tokens').send({ name: '匿名' })).status).toBe(401);
    expect((await t.client.get('/api/display-tokens')).body.length).toBe(before);
  });

  it('reads every board route (200) and is refused on every other route the app serves (403)', async () => {
    const { token } = await make({ name: '巡检大屏' });
    const display = asDisplay(token);
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const route of servedRoutes(t.app)) {
      const [method, pattern] = route.split(' ');
      const path = (BOARD[route] ?? pattern).replace(':project', String(project)).replace(/:id\b/, String(project)).replace(/:[A-Za-z]+/g, '1');
      const send = (client: ReturnType<typeof request>) => (client as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()](path);
      const res = await send(display as unknown as ReturnType<typeof request>).send(method === 'GET' ? undefined : {});
      outcome.push(`${route}: ${res.status}`);
      if (PUBLIC.includes(route)) expected.push(`${route}: ${(await send(request(t.http)).send(method === 'GET' ? undefined : {})).status}`);
      else expected.push(`${route}: ${route in BOARD ? 200 : 403}`);
    }
    expect(outcome).toEqual(expected);
    expect(Object.keys(BOARD).filter((route) => !servedRoutes(t.app).includes(route))).toEqual([]);
    expect((await display.get('/api/auth/me')).body).toEqual({ id: 0, username: 'display:巡检大屏', role: 'display', region: null, chain: null, department: null });
  });

  it('changes nothing when it tries to write', async () => {
    const { token } = await make({ name: '只读大屏' });
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM project'))[0].n);
    const before = await count();
    const res = await asDisplay(token).post('/api/projects').send(projectBody());
    expect([res.status, res.body.details[0].code]).toEqual([403, 'displayReadOnly']);
    expect(await count()).toBe(before);
  });

  it('is refused at once once revoked (401), and revoking twice is a conflict', async () => {
    const { id, token } = await make({ name: '待撤销' });
    expect((await asDisplay(token).get('/api/dashboard/2024?month=5')).status).toBe(200);
    const seq = await lastSeq();
    expect((await t.client.delete(`/api/display-tokens/${id}`)).status).toBe(204);
    expect(await auditAfter(seq)).toEqual([{ entity: 'display', entity_id: String(id), action: 'revoke', actor: 'admin' }]);
    expect((await asDisplay(token).get('/api/dashboard/2024?month=5')).status).toBe(401);
    expect((await t.client.delete(`/api/display-tokens/${id}`)).status).toBe(409);
    expect((await t.client.delete('/api/display-tokens/999999')).status).toBe(404);
    expect((await t.client.get('/api/display-tokens')).body.find((row: { id: number }) => row.id === id)).toMatchObject({ status: 'revoked', revokedBy: 'admin' });
  });

  it('expires after its days (401)', async () => {
    const { token } = await make({ name: '一天', days: 1 });
    t.setNow('2024-07-01T03:59:59.999Z');
    expect((await asDisplay(token).get('/api/regions')).status).toBe(200);
    t.setNow('2024-07-01T04:00:00.000Z');
    expect((await asDisplay(token).get('/api/regions')).status).toBe(401);
    t.setNow('2024-06-30T04:00:00.000Z');
  });

  it('audits creation, and use at most once per hour; lastUsedAt is written at most once a minute', async () => {
    let seq = await lastSeq();
    const { id, token } = await make({ name: '计时大屏' });
    expect(await auditAfter(seq)).toEqual([{ entity: 'display', entity_id: String(id), action: 'create', actor: 'admin' }]);
    const lastUsed = async () => ((await t.client.get('/api/display-tokens')).body as { id: number; lastUsedAt: string | null }[]).find((row) => row.id === id)!.lastUsedAt;
    const use = async (at: string) => {
      t.setNow(at);
      expect((await asDisplay(token).get('/api/regions')).status).toBe(200);
    };
    seq = await lastSeq();
    await use('2024-06-30T05:10:00.000Z');
    await use('2024-06-30T05:10:30.000Z');
    expect(await lastUsed()).toBe('2024-06-30T05:10:00.000Z');
    await use('2024-06-30T05:11:00.000Z');
    expect(await lastUsed()).toBe('2024-06-30T05:11:00.000Z');
    await use('2024-06-30T05:59:59.000Z');
    expect(await auditAfter(seq)).toEqual([{ entity: 'display', entity_id: String(id), action: 'use', actor: 'display:计时大屏' }]);
    // The first use of the next hour is audited, even 2 seconds after the last one.
    await use('2024-06-30T06:00:01.000Z');
    await use('2024-06-30T06:20:00.000Z');
    expect((await auditAfter(seq)).map((e) => e.action)).toEqual(['use', 'use']);
    expect(await lastUsed()).toBe('2024-06-30T06:20:00.000Z');
    t.setNow('2024-06-30T04:00:00.000Z');
  });
});
