import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedGet } from '../src/bench/index.js';
import { projectBody } from './factories/project.factory.js';
import { freePort, signIn, startChildServer, type ChildServer } from './support/child-server.js';

/**
 * A database outage under a running server (docs/operations.md "Health and readiness"): with its
 * PostgreSQL stopped, every data route answers 503 with Retry-After (reads and writes), /api/health
 * still 200 and /api/ready 503, the log holds warnings and no error or stack trace, and the same
 * server serves again once PostgreSQL is back. Runs in `npm run test:pg` only (it needs Debian's
 * postgresql): a throwaway cluster of its own, as scripts/with-postgres.sh makes one, so that
 * stopping it disturbs no other spec.
 */
const PASSWORD = 'outage-admin-password-6402';
const bin = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`;
const asPostgres = process.getuid?.() === 0;

function pg(tool: string, ...args: string[]): string {
  const [command, rest] = asPostgres ? ['runuser', ['-u', 'postgres', '--', `${bin}/${tool}`, ...args]] : [`${bin}/${tool}`, args];
  return execFileSync(command, rest, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('a database outage under a running server (PostgreSQL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-outage-'));
  const data = join(dir, 'data');
  let port = 0;
  let server: ChildServer;
  let token: string;
  const start = () => pg('pg_ctl', '-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off`, 'start');
  const stop = () => pg('pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop');
  const json = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${server.base}${path}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Connection: 'close' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { details?: { code: string }[] } };
  };

  beforeAll(async () => {
    if (asPostgres) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })));
    port = await freePort();
    pg('initdb', '-D', data, '-U', 'tracker', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8');
    start();
    server = await startChildServer({ DATABASE_URL: `postgres://tracker@127.0.0.1:${port}/postgres`, ADMIN_PASSWORD: PASSWORD, TOKEN_KEY_FILE: join(dir, 'token.key') });
    token = await signIn(server.base, 'admin', PASSWORD);
    expect((await json('/api/projects', { method: 'POST', body: projectBody() })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    try {
      stop();
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 with Retry-After to reads and writes while PostgreSQL is stopped, logs no error, and serves again once it is back', async () => {
    const logBefore = server.stdout().length;
    stop();
    const reads = [await json('/api/projects'), await json('/api/dashboard/2024?month=6'), await json('/api/auth/me')];
    const writes = [await json('/api/projects', { method: 'POST', body: projectBody() }), await json('/api/display-tokens', { method: 'POST', body: { name: '断库测试' } })];
    for (const answer of [...reads, ...writes]) {
      expect([answer.status, answer.retryAfter, answer.body.details?.map((d) => d.code)]).toEqual([503, '5', ['databaseUnavailable']]);
    }
    const signInDuring = await fetch(`${server.base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
    expect(signInDuring.status).toBe(503);
    expect((await timedGet(server.base, '/api/health')).status).toBe(200);
    expect((await timedGet(server.base, '/api/ready')).status).toBe(503);

    const during = server.stdout().slice(logBefore) + server.stderr();
    expect(during).toMatch(/WARN \[Errors\] database unavailable/);
    expect(during).not.toMatch(/ERROR|\n\s+at |QueryFailedError/);

    start();
    let ready = 0;
    for (let i = 0; i < 100 && ready !== 200; i++) {
      ready = (await timedGet(server.base, '/api/ready')).status;
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ready).toBe(200);
    expect((await json('/api/projects')).status).toBe(200);
    expect((await json('/api/projects', { method: 'POST', body: projectBody() })).status).toBe(201);
    token = await signIn(server.base, 'admin', PASSWORD);
    expect((await json('/api/auth/me')).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  }, 120_000);
});
