import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestLogFields } from '../src/operations/index.js';
import { projectBody } from './factories/project.factory.js';
import { signIn, startChildServer, type ChildServer } from './support/child-server.js';

/**
 * Request logs of the real server (its stdout): one line per request with method, route pattern,
 * status, duration, user and request id; never a password, token, cookie, query value or body.
 * JSON with LOG_FORMAT=json, text otherwise; a bad LOG_FORMAT stops the process naming it.
 */
const PASSWORD = 'log-test-admin-password-7731';
const QUERY_SECRET = 'query-secret-5f1e';
const BODY_SECRET = 'body-secret-9ab2';
const COOKIE_SECRET = 'cookie-secret-c0ffee';

type Line = RequestLogFields;

describe('request logs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-logs-'));
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  /** The HTTP lines a server has logged, once there is one for each of these request ids (a line is written when its response ends). */
  const httpLines = async (server: ChildServer, ids: string[], parse: (line: string) => Line | null): Promise<Line[]> => {
    for (let i = 0; i < 100; i++) {
      const lines = server.stdout().split('\n').map(parse).filter((l): l is Line => l !== null);
      if (ids.every((id) => lines.some((l) => l.requestId === id))) return lines;
      await sleep(50);
    }
    throw new Error(`expected request lines for ${ids.join(', ')} in:\n${server.stdout()}`);
  };

  it('LOG_FORMAT=json: one JSON line per request, the route as a pattern, no secret anywhere in the output', async () => {
    const server = await startChildServer({ DATABASE_URL: `sqlite:${join(dir, 'json.sqlite')}`, ADMIN_PASSWORD: PASSWORD, LOG_FORMAT: 'json' });
    servers.push(server);
    const token = await signIn(server.base, 'admin', PASSWORD);
    const send = (id: string, path: string, init: RequestInit = {}) => fetch(`${server.base}${path}`, { ...init, headers: { 'X-Request-Id': id, ...(init.headers ?? {}) } });
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const display = ((await (await fetch(`${server.base}/api/display-tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ name: '墙屏' }) })).json()) as { token: string }).token;
    const expected: Record<string, Omit<Line, 'durationMs' | 'requestId'>> = {
      'req-login': { method: 'POST', route: '/api/auth/login', status: 200, user: '-' },
      'req-missing': { method: 'GET', route: '/api/projects/:id', status: 404, user: 'admin' },
      'req-create': { method: 'POST', route: '/api/projects', status: 201, user: 'admin' },
      'req-cookie': { method: 'GET', route: '/api/regions', status: 401, user: '-' },
      'req-health': { method: 'GET', route: '/api/health', status: 200, user: '-' },
      'req-static': { method: 'GET', route: '/shared/api.js', status: 200, user: '-' },
      'req-display': { method: 'GET', route: '/api/dashboard/:year', status: 200, user: 'display:墙屏' },
    };
    const responses = [
      await send('req-login', '/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) }),
      await send('req-missing', `/api/projects/999999?password=${QUERY_SECRET}`, { headers: auth }),
      await send('req-create', '/api/projects', { method: 'POST', headers: auth, body: JSON.stringify(projectBody({ name: `项目${BODY_SECRET}` })) }),
      await send('req-cookie', '/api/regions', { headers: { Cookie: `tracker_session=${COOKIE_SECRET}` } }),
      await send('req-health', '/api/health'),
      await send('req-static', `/shared/api.js?token=${QUERY_SECRET}`),
      await send('req-display', '/api/dashboard/2024', { headers: { Authorization: `Bearer ${display}` } }),
    ];
    expect(responses.map((r) => r.status)).toEqual(Object.values(expected).map((e) => e.status));
    expect(responses.map((r) => r.headers.get('x-request-id'))).toEqual(Object.keys(expected));
    const fresh = (await responses[0].json()) as { accessToken: string };

    const lines = await httpLines(server, Object.keys(expected), (text) => {
      if (!text.includes('"context":"HTTP"')) return null;
      const parsed = JSON.parse(text) as { level: string; message: Line };
      expect(parsed.level).toBe('log');
      return parsed.message;
    });
    for (const [id, want] of Object.entries(expected)) {
      const mine = lines.filter((l) => l.requestId === id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject(want);
      expect(mine[0].durationMs).toBeGreaterThanOrEqual(0);
    }
    const output = server.stdout() + server.stderr();
    for (const secret of [PASSWORD, token, fresh.accessToken, display, QUERY_SECRET, BODY_SECRET, COOKIE_SECRET]) expect(output).not.toContain(secret);
  });

  it('text by default: one line per request with the same fields; an unsafe incoming request id is replaced', async () => {
    const server = await startChildServer({ DATABASE_URL: `sqlite:${join(dir, 'text.sqlite')}`, ADMIN_PASSWORD: PASSWORD });
    servers.push(server);
    const res = await fetch(`${server.base}/api/ready`, { headers: { 'X-Request-Id': 'not safe <script>' } });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const lines = await httpLines(server, [id], (text) => {
      const plain = text.replace(/\u001b\[[0-9;]*m/g, '').trim();
      const match = /\[HTTP\] (\S+) (\S+) (\d{3}) ([\d.]+)ms user=(\S+) id=(\S+)$/.exec(plain);
      return match ? { method: match[1], route: match[2], status: Number(match[3]), durationMs: Number(match[4]), user: match[5], requestId: match[6] } : null;
    });
    expect(lines.filter((l) => l.requestId === id)).toEqual([{ method: 'GET', route: '/api/ready', status: 200, durationMs: expect.any(Number), user: '-', requestId: id }]);
    expect(server.stdout()).not.toContain('<script>');
  });

  it('one request, one line: a newline in a display token name or a tried user name is escaped, and names with one are refused (422)', async () => {
    const file = join(dir, 'lines.sqlite');
    const server = await startChildServer({ DATABASE_URL: `sqlite:${file}`, ADMIN_PASSWORD: PASSWORD });
    servers.push(server);
    const token = await signIn(server.base, 'admin', PASSWORD);
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const FAKE = 'GET /api/users 200 1.0ms user=admin id=forged-line';
    // Names with line breaks or other controls are refused now (the probe's name was accepted before).
    for (const name of [`墙屏\n${FAKE}`, '墙屏\r', 'tab\there', '行\u2028分隔', 'bell\u0007', 'nel\u0085']) {
      const res = await fetch(`${server.base}/api/display-tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ name }) });
      expect([name, res.status, ((await res.json()) as { details: { code: string }[] }).details.map((d) => d.code)]).toEqual([name, 422, expect.arrayContaining(['controlCharacters'])]);
    }
    const project = await fetch(`${server.base}/api/projects`, { method: 'POST', headers: auth, body: JSON.stringify(projectBody({ name: `项目\n${FAKE}` })) });
    expect(project.status).toBe(422);
    // A token named like that before the rule existed: put in the table directly.
    const display = 'dsp_log-line-test-token-0123456789abcdefghijklmnop';
    const db = new Database(file);
    db.prepare('INSERT INTO display_token (name, token_hash, created_at, created_by, expires_at) VALUES (?, ?, ?, ?, ?)').run(
      `墙屏\n${FAKE}`,
      createHash('sha256').update(display, 'utf8').digest('hex'),
      '2024-01-01T00:00:00.000Z',
      'admin',
      '2099-01-01T00:00:00.000Z',
    );
    db.close();
    const board = await fetch(`${server.base}/api/dashboard/2024`, { headers: { Authorization: `Bearer ${display}`, 'X-Request-Id': 'req-evil-display' } });
    expect(board.status).toBe(200);
    const failed = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-evil-login' },
      body: JSON.stringify({ username: `ghost\n${FAKE}`, password: 'not-the-password' }),
    });
    expect(failed.status).toBe(401);
    const wrong = await fetch(`${server.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-wrong-admin' },
      body: JSON.stringify({ username: 'admin', password: 'not-the-password' }),
    });
    expect(wrong.status).toBe(401);
    for (let i = 0; i < 100 && !server.stdout().includes('req-wrong-admin'); i++) await sleep(50);
    const lines = server.stdout().split('\n');
    // No line of the output starts a forged request line, and each request is on exactly one line.
    expect(lines.filter((line) => line.includes('forged-line'))).toHaveLength(2);
    expect(lines.filter((line) => line.trimStart().startsWith('GET /api/users'))).toEqual([]);
    const displayLine = lines.find((line) => line.includes('id=req-evil-display'))!;
    expect(displayLine).toContain(`user="display:墙屏\\n${FAKE}"`);
    const loginLine = lines.find((line) => line.includes('id=req-evil-login'))!;
    expect(loginLine).toContain(`POST /api/auth/login 401`);
    expect(loginLine).toContain(`user=- tried="ghost\\n${FAKE}"`);
    // The request log names the account a failed sign-in tried.
    expect(lines.find((line) => line.includes('id=req-wrong-admin'))).toMatch(/POST \/api\/auth\/login 401 [\d.]+ms user=- tried=admin id=req-wrong-admin$/);
    expect(server.stdout() + server.stderr()).not.toContain('not-the-password');
  });

  it('a bad LOG_FORMAT stops the process, naming the variable', () => {
    const run = spawnSync(process.execPath, ['dist/src/main.js'], { env: { ...process.env, LOG_FORMAT: 'xml', DATABASE_URL: `sqlite:${join(dir, 'bad.sqlite')}` }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('LOG_FORMAT');
  });
});
