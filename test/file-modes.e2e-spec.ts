import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timedGet } from '../src/bench/index.js';
import { BackupSchedule } from '../src/operations/index.js';
import { signIn, startChildServer, type ChildServer } from './support/child-server.js';

/**
 * The server's files are its own (docs/operations.md "Files and their modes"): the database, its
 * WAL and SHM, the CLI's and the scheduled backups, and the token key file are 0600 in 0700
 * folders whatever the umask (000 here, the most permissive); the signing key is not in the
 * database, so a token forged from everything a backup holds is refused; `npm run token:rotate`
 * writes a new key and ends every session.
 */
const PASSWORD = 'file-modes-admin-password-3307';
const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8).padStart(3, '0');

/** An HS256 JWT as the app makes them (src/auth/token.ts), signed with `key`. */
function forge(claims: Record<string, number>, key: Buffer): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${header}.${payload}.${createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url')}`;
}

describe('file modes and the token key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-modes-'));
  const servers: ChildServer[] = [];
  afterAll(async () => {
    for (const server of servers) await server.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const data = join(dir, 'data');
  const database = join(data, 'tracker.sqlite');
  const env = { DATABASE_URL: `sqlite:${database}`, ADMIN_PASSWORD: PASSWORD, BACKUP_DIR: join(dir, 'scheduled'), BACKUP_EVERY: '24h' };
  let server: ChildServer;
  let token: string;
  /** A GET on a connection of its own (a pooled one the server has since closed would fail the test, not the server). */
  const get = (path: string, bearer: string) => timedGet(server.base, path, bearer);

  it('after start under umask 000: the data folder 0700; the database, its WAL and SHM, and the key file 0600; the backup folder 0700', async () => {
    server = await startChildServer(env, { umask: '000' });
    servers.push(server);
    token = await signIn(server.base, 'admin', PASSWORD);
    const created = await fetch(`${server.base}/api/display-tokens`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: '权限测试' }) });
    expect(created.status).toBe(201);
    expect(existsSync(`${database}-wal`) && existsSync(`${database}-shm`)).toBe(true);
    expect({
      data: modeOf(data),
      database: modeOf(database),
      wal: modeOf(`${database}-wal`),
      shm: modeOf(`${database}-shm`),
      key: modeOf(join(data, 'token.key')),
      scheduled: modeOf(join(dir, 'scheduled')),
    }).toEqual({ data: '700', database: '600', wal: '600', shm: '600', key: '600', scheduled: '700' });
  });

  it('a CLI backup under umask 000 is 0600 in a 0700 folder it makes', () => {
    const destination = join(dir, 'copies', 'nightly', 'tracker-copy.sqlite');
    const run = spawnSync('/bin/sh', ['-c', 'umask 000 && exec "$0" dist/src/cli/backup.js "$1"', process.execPath, destination], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect([modeOf(join(dir, 'copies')), modeOf(join(dir, 'copies', 'nightly')), modeOf(destination)]).toEqual(['700', '700', '600']);
  });

  it('a scheduled backup under umask 000 is 0600 in a 0700 folder', async () => {
    const previous = process.umask(0o000);
    try {
      const folder = join(dir, 'schedule-test');
      const schedule = new BackupSchedule({ source: database, dir: folder, everyMs: 60 * 60_000, keep: 2 }, () => new Date('2024-06-30T04:00:00Z'), { repeat: () => () => {} }, { log: () => {}, error: () => {} });
      schedule.start();
      const name = await schedule.tick();
      expect(name).toBe('tracker-20240630T040000Z.sqlite');
      expect([modeOf(folder), modeOf(join(folder, name!))]).toEqual(['700', '600']);
    } finally {
      process.umask(previous);
    }
  });

  it('a token forged from everything a backup holds is refused: the signing key is not in it', async () => {
    const copy = join(dir, 'stolen.sqlite');
    expect(spawnSync(process.execPath, ['dist/src/cli/backup.js', copy], { env: { ...process.env, ...env }, encoding: 'utf8' }).status).toBe(0);
    const stolen = new Database(copy, { readonly: true });
    const settings = stolen.prepare('SELECT key, value FROM app_setting').all() as { key: string; value: string }[];
    const sessions = stolen.prepare('SELECT id FROM auth_session').all() as { id: number }[];
    const admin = stolen.prepare("SELECT id, token_version FROM app_user WHERE username = 'admin'").get() as { id: number; token_version: number };
    stolen.close();
    expect(settings.map((s) => s.key)).not.toContain('token-secret');
    expect(sessions.length).toBeGreaterThan(0);
    // Every value the copy holds in its settings, read as base64 and as text, tried as the key for every session.
    const keys = settings.flatMap((s) => [Buffer.from(s.value, 'base64'), Buffer.from(s.value, 'utf8')]);
    const now = Math.floor(Date.now() / 1000);
    for (const key of keys)
      for (const { id } of sessions) {
        const forged = forge({ sub: admin.id, tv: admin.token_version, sid: id, iat: now, exp: now + 3600 }, key);
        expect((await get('/api/users', forged)).status).toBe(401);
      }
    // The key file's own key does make a token the server takes: the forgery above failed for want of it.
    const real = Buffer.from(readFileSync(join(data, 'token.key'), 'utf8').trim(), 'base64');
    expect((await get('/api/users', forge({ sub: admin.id, tv: admin.token_version, sid: sessions[0].id, iat: now, exp: now + 3600 }, real))).status).toBe(200);
  });

  it('npm run token:rotate writes a new key (0600) and ends every session on the running server; a new sign-in works', async () => {
    const before = readFileSync(join(data, 'token.key'), 'utf8');
    expect((await get('/api/auth/me', token)).status).toBe(200);
    const run = spawnSync(process.execPath, ['dist/src/cli/rotate-token-key.js'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/session\(s\) ended/);
    expect(readFileSync(join(data, 'token.key'), 'utf8')).not.toBe(before);
    expect(modeOf(join(data, 'token.key'))).toBe('600');
    expect((await get('/api/auth/me', token)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the server looks at the key file again within a second
    const fresh = await signIn(server.base, 'admin', PASSWORD);
    expect((await get('/api/auth/me', fresh)).status).toBe(200);
    // With TOKEN_SECRET the key is the environment's: the CLI changes nothing and says what to do.
    const refused = spawnSync(process.execPath, ['dist/src/cli/rotate-token-key.js'], { env: { ...process.env, ...env, TOKEN_SECRET: 'x'.repeat(40) }, encoding: 'utf8' });
    expect([refused.status, refused.stderr]).toEqual([2, expect.stringContaining('TOKEN_SECRET')]);
  });

  it('an older installation’s 0644 database is made 0600 at start', async () => {
    const legacy = join(dir, 'legacy');
    mkdirSync(legacy, { mode: 0o755 });
    const file = join(legacy, 'tracker.sqlite');
    writeFileSync(file, '', { mode: 0o644 });
    const old = await startChildServer({ DATABASE_URL: `sqlite:${file}`, ADMIN_PASSWORD: PASSWORD }, { umask: '022' });
    servers.push(old);
    expect([modeOf(file), modeOf(join(legacy, 'token.key'))]).toEqual(['600', '600']);
  });
});
