import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/index.js';
import { projectBody } from './factories/project.factory.js';
import { databaseState, freshDatabase, startTestApp, TEST_TOKEN_TTL_SECONDS, type TestApp } from './support/test-app.js';
import { useOpenApiDocument } from './support/openapi-validator.js';

/**
 * Sessions: the pages' cookie (HttpOnly, SameSite=Strict) with its CSRF token, bearer
 * tokens for API clients, logout, one's own password change, the last active admin, and
 * recovery with `npm run admin:reset` (run as built, on a database of its own).
 */
const COOKIE = 'tracker_session';

/** The session cookie's value from a Set-Cookie header, and its attributes. */
function sessionCookie(res: request.Response): { value: string; attributes: string[] } {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((line) => line.startsWith(`${COOKIE}=`));
  if (!header) throw new Error(`no ${COOKIE} cookie in ${JSON.stringify(res.headers['set-cookie'])}`);
  const [pair, ...attributes] = header.split(';').map((part) => part.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes };
}

describe('sessions, logout and own password', () => {
  let t: TestApp;
  const users = {
    region: { username: 'region-s', password: 'region-s-password-1', role: 'region', region: '371502' },
    chain: { username: 'chain-s', password: 'chain-s-password-1', role: 'chain', chain: 'green-chemical' },
    auditor: { username: 'auditor-s', password: 'auditor-s-password-1', role: 'auditor' },
    admin: { username: 'admin-s', password: 'admin-s-password-1', role: 'admin' },
  } as const;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    for (const user of Object.values(users)) expect((await t.client.post('/api/users').send(user)).status).toBe(201);
  });
  afterAll(async () => t.close());

  const startSession = (username: string, password: string) => request(t.http).post('/api/auth/session').send({ username, password });
  const withCookie = (value: string) => ({ Cookie: `${COOKIE}=${value}` });
  const auditOf = async (username: string, action: string) =>
    t.dataSource.query("SELECT actor, action, after FROM audit_entry WHERE entity = 'user' AND entity_id = ? AND action = ? ORDER BY seq", [username, action]);

  describe('the pages\' cookie session', () => {
    it('POST /api/auth/session sets an HttpOnly, SameSite=Strict cookie holding a token, and answers the CSRF token and the user', async () => {
      const res = await startSession('REGION-S', users.region.password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), user: { username: 'region-s', role: 'region', region: '371502', chain: null } });
      const cookie = sessionCookie(res);
      expect(cookie.attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${TEST_TOKEN_TTL_SECONDS}`]));
      expect(cookie.attributes).not.toContain('Secure'); // plain http here; see the https test
      // The same kind of token as a bearer token.
      expect((await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${cookie.value}`)).body).toMatchObject({ username: 'region-s' });

      const again = await request(t.http).get('/api/auth/session').set(withCookie(cookie.value));
      expect(again.status).toBe(200);
      expect(again.body).toEqual(res.body);
      const none = await request(t.http).get('/api/auth/session');
      expect(none.status).toBe(401);
      const forged = await request(t.http).get('/api/auth/session').set(withCookie(`${cookie.value.slice(0, -2)}xx`));
      expect(forged.status).toBe(401);
    });

    it('a write authenticated by the cookie needs the session\'s X-CSRF-Token (403 otherwise, nothing changed); reads do not; bearer clients never do', async () => {
      const one = await startSession('region-s', users.region.password);
      const two = await startSession('region-s', users.region.password);
      const cookie = sessionCookie(one).value;
      expect(two.body.csrfToken).not.toBe(one.body.csrfToken);

      const before = await databaseState(t.dataSource);
      const create = () => request(t.http).post('/api/projects').set(withCookie(cookie)).send(projectBody({ region: undefined }));
      for (const [name, header] of [
        ['no header', undefined],
        ['another session\'s token', two.body.csrfToken],
        ['an empty token', ''],
        ['a token one character off', `${one.body.csrfToken.slice(0, -1)}${one.body.csrfToken.endsWith('A') ? 'B' : 'A'}`],
      ] as const) {
        const res = header === undefined ? await create() : await create().set('X-CSRF-Token', header);
        expect([name, res.status, res.body.details?.[0]?.code]).toEqual([name, 403, 'csrfTokenInvalid']);
      }
      expect(await databaseState(t.dataSource)).toEqual(before);

      expect((await request(t.http).get('/api/projects').set(withCookie(cookie))).status).toBe(200);
      const created = await create().set('X-CSRF-Token', one.body.csrfToken);
      expect(created.status).toBe(201);
      expect(created.body.region).toBe('371502');

      const bearer = await t.login('region-s', users.region.password);
      expect((await t.clientWith(bearer).post('/api/projects').send(projectBody({ region: undefined }))).status).toBe(201);
      // With an Authorization header only that header counts: a bad one is 401 even next to a good cookie.
      expect((await request(t.http).get('/api/auth/me').set(withCookie(cookie)).set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    });

    it('adds Secure to the cookie when the request came over https', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tracker-tls-'));
      try {
        const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { encoding: 'utf8' });
        expect(made.status).toBe(0);
        const server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, t.app.getHttpAdapter().getInstance());
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        try {
          const body = JSON.stringify({ username: 'region-s', password: users.region.password });
          const setCookie = await new Promise<string[]>((resolve, reject) => {
            const req = https.request(
              { host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/api/auth/session', method: 'POST', rejectUnauthorized: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
              (res) => {
                res.resume();
                res.on('end', () => (res.statusCode === 200 ? resolve(res.headers['set-cookie'] ?? []) : reject(new Error(`status ${res.statusCode}`))));
              },
            );
            req.on('error', reject);
            req.end(body);
          });
          const line = setCookie.find((l) => l.startsWith(`${COOKIE}=`))!;
          expect(line.split(';').map((p) => p.trim())).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']));
        } finally {
          await new Promise((resolve) => server.close(resolve));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('logout', () => {
    it('ends the bearer token it is called with at once, and only that one', async () => {
      const first = await t.login('auditor-s', users.auditor.password);
      const second = await t.login('auditor-s', users.auditor.password);
      const logouts = (await auditOf('auditor-s', 'logout')).length;
      const res = await t.clientWith(first).post('/api/auth/logout');
      expect(res.status).toBe(204);
      expect((await t.clientWith(first).get('/api/auth/me')).status).toBe(401);
      expect((await t.clientWith(first).post('/api/auth/logout')).status).toBe(401);
      expect((await t.clientWith(second).get('/api/auth/me')).status).toBe(200);
      expect(await auditOf('auditor-s', 'logout')).toHaveLength(logouts + 1);
    });

    it('ends a cookie session and clears the cookie; without the CSRF token it is refused', async () => {
      const session = await startSession('chain-s', users.chain.password);
      const cookie = sessionCookie(session).value;
      expect((await request(t.http).post('/api/auth/logout').set(withCookie(cookie))).status).toBe(403);
      expect((await request(t.http).get('/api/auth/session').set(withCookie(cookie))).status).toBe(200);

      const res = await request(t.http).post('/api/auth/logout').set(withCookie(cookie)).set('X-CSRF-Token', session.body.csrfToken);
      expect(res.status).toBe(204);
      const cleared = sessionCookie(res);
      expect(cleared.value).toBe('');
      expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Strict', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT']));
      // A browser would drop it; one that kept sending it gets nothing.
      expect((await request(t.http).get('/api/auth/session').set(withCookie(cookie))).status).toBe(401);
      expect((await request(t.http).get('/api/projects').set(withCookie(cookie))).status).toBe(401);
    });
  });

  describe('own password change', () => {
    const NEW = 'A-new-and-longer-passphrase';

    it.each(Object.keys(users) as (keyof typeof users)[])('%s: changes its own password, keeps this session, ends its other sessions', async (role) => {
      const { username, password } = users[role];
      const current = await t.login(username, password);
      const other = await t.login(username, password);
      const page = sessionCookie(await startSession(username, password)).value;
      const sessionsOf = async () =>
        Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM auth_session s JOIN app_user u ON u.id = s.user_id WHERE u.username = ?', [username]))[0].n);
      const open = await sessionsOf(); // these three, and any left by earlier tests

      const res = await t.clientWith(current).post('/api/auth/password').send({ currentPassword: password, newPassword: `${NEW}-${role}` });
      expect(res.status).toBe(204);
      expect((await t.clientWith(current).get('/api/auth/me')).body).toMatchObject({ username, role });
      expect((await t.clientWith(other).get('/api/auth/me')).status).toBe(401);
      expect((await request(t.http).get('/api/auth/session').set(withCookie(page))).status).toBe(401);
      expect((await request(t.http).post('/api/auth/login').send({ username, password })).status).toBe(401);
      expect((await request(t.http).post('/api/auth/login').send({ username, password: `${NEW}-${role}` })).status).toBe(200);

      const [entry] = (await auditOf(username, 'password')).slice(-1);
      expect(entry.actor).toBe(username);
      expect(JSON.parse(entry.after)).toEqual({ passwordChanged: true, self: true, otherSessionsEnded: open - 1 });
      expect(open).toBeGreaterThanOrEqual(3);
      expect(await sessionsOf()).toBe(2); // the kept one, and the sign-in just above
      const [stored] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE username = ?', [username]);
      expect(stored.password_hash).not.toContain(NEW);

      // And back, from a cookie session with its CSRF token (which the change keeps working).
      const session = await startSession(username, `${NEW}-${role}`);
      const back = await request(t.http)
        .post('/api/auth/password')
        .set(withCookie(sessionCookie(session).value))
        .set('X-CSRF-Token', session.body.csrfToken)
        .send({ currentPassword: `${NEW}-${role}`, newPassword: password });
      expect(back.status).toBe(204);
      expect((await request(t.http).get('/api/auth/session').set(withCookie(sessionCookie(session).value))).status).toBe(200);
    });

    it('refuses a wrong current password, a weak or unchanged new one, and a malformed body, changing nothing', async () => {
      const { username, password } = users.auditor;
      const client = t.clientWith(await t.login(username, password));
      const before = await t.dataSource.query('SELECT password_hash, token_version FROM app_user WHERE username = ?', [username]);
      const cases: [object, number, string][] = [
        [{ currentPassword: 'not-my-password-1', newPassword: NEW }, 422, 'wrongPassword'],
        [{ currentPassword: password, newPassword: 'short' }, 422, 'weakPassword'],
        [{ currentPassword: password, newPassword: ' '.repeat(14) }, 422, 'weakPassword'],
        [{ currentPassword: password, newPassword: 'password1234' }, 422, 'weakPassword'],
        [{ currentPassword: password, newPassword: `${username}2024!` }, 422, 'weakPassword'],
        [{ currentPassword: password, newPassword: password }, 422, 'samePassword'],
        [{ newPassword: NEW }, 400, 'isDefined'],
        [{ currentPassword: password, newPassword: NEW, role: 'admin' }, 400, 'unknownField'],
      ];
      for (const [body, status, code] of cases) {
        const res = await client.post('/api/auth/password').send(body);
        expect([JSON.stringify(body), res.status, res.body.details.map((d: { code: string }) => d.code)]).toEqual([JSON.stringify(body), status, expect.arrayContaining([code])]);
      }
      expect(await t.dataSource.query('SELECT password_hash, token_version FROM app_user WHERE username = ?', [username])).toEqual(before);
      expect((await request(t.http).post('/api/auth/login').send({ username, password })).status).toBe(200);
    });

    it('counts wrong current passwords like failed sign-ins (429 past LOGIN_ATTEMPTS)', async () => {
      await t.client.post('/api/users').send({ username: 'guessed-s', password: 'guessed-s-password-1', role: 'auditor' });
      const client = t.clientWith(await t.login('guessed-s', 'guessed-s-password-1'));
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await client.post('/api/auth/password').send({ currentPassword: `guess-${i}`, newPassword: NEW })).status);
      expect(statuses).toEqual([...Array(10).fill(422), 429]);
      const right = await client.post('/api/auth/password').send({ currentPassword: 'guessed-s-password-1', newPassword: NEW });
      expect(right.status).toBe(429);
    });
  });

  describe('the last active admin', () => {
    it('cannot be demoted or deactivated (422, nothing changed); with a second admin it can, and then that one is the last', async () => {
      const adminId = Number((await t.dataSource.query("SELECT id FROM app_user WHERE username = 'admin'"))[0].id);
      const adminS = Number((await t.dataSource.query("SELECT id FROM app_user WHERE username = 'admin-s'"))[0].id);
      // Two active admins to begin with (admin, admin-s): take admin-s out first.
      expect((await t.client.patch(`/api/users/${adminS}`).send({ active: false })).status).toBe(200);

      const before = await databaseState(t.dataSource);
      for (const change of [{ role: 'auditor' }, { active: false }, { role: 'region', region: '371502' }, { role: 'chain', chain: 'green-chemical' }]) {
        const res = await t.client.patch(`/api/users/${adminId}`).send(change);
        expect([JSON.stringify(change), res.status, res.body.details?.map((d: { code: string }) => d.code)]).toEqual([JSON.stringify(change), 422, ['lastAdmin']]);
      }
      expect(await databaseState(t.dataSource)).toEqual(before);
      // Editing the last admin in other ways still works.
      expect((await t.client.patch(`/api/users/${adminId}`).send({ active: true })).status).toBe(200);

      // An inactive admin does not count; reactivated, it does, and the first may step down.
      expect((await t.client.patch(`/api/users/${adminS}`).send({ active: true })).status).toBe(200);
      expect((await t.client.patch(`/api/users/${adminId}`).send({ role: 'auditor' })).status).toBe(200);
      const second = t.clientWith(await t.login('admin-s', users.admin.password));
      const self = await second.patch(`/api/users/${adminS}`).send({ role: 'auditor' });
      expect(self.status).toBe(422);
      expect(self.body.details[0].code).toBe('lastAdmin');
      expect((await second.patch(`/api/users/${adminId}`).send({ role: 'admin' })).status).toBe(200);
    });
  });
});

describe('start-up with no active admin, and npm run admin:reset', () => {
  const CLI = 'dist/src/cli/admin-reset.js';
  const PASSWORD = 'restart-admin-password';
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const config = () => loadConfig({ DATABASE_URL: database.url, SEED: 'none', ADMIN_PASSWORD: PASSWORD });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracker-admin-'));
    database = await freshDatabase(dir);
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the app on the test database, runs `use` against it, closes it. */
  async function withApp<T>(use: (http: ReturnType<Awaited<ReturnType<typeof createApp>>['getHttpServer']>, dataSource: DataSource) => Promise<T>): Promise<T> {
    const app = await createApp(config(), { logger: false });
    await app.init();
    // Its answers are checked against the OpenAPI document too, as the test app's are.
    await useOpenApiDocument(app.getHttpServer());
    try {
      return await use(app.getHttpServer(), app.get(DataSource));
    } finally {
      await app.close();
    }
  }
  const signIn = (http: Parameters<typeof request>[0], username: string, password: string) => request(http).post('/api/auth/login').send({ username, password });
  const resetAdmin = (args: string[], env: Record<string, string> = {}) => {
    const { ADMIN_PASSWORD: _ignored, ...inherited } = process.env;
    return spawnSync(process.execPath, [CLI, ...args], { env: { ...inherited, DATABASE_URL: database.url, SEED: 'none', ...env }, encoding: 'utf8', timeout: 60_000 });
  };

  it('starts on a database whose `admin` was demoted or deactivated (as the app used to allow), and admin:reset restores it', async () => {
    let oldToken = '';
    await withApp(async (http, dataSource) => {
      oldToken = (await signIn(http, 'admin', PASSWORD)).body.accessToken;
      // What PATCH /api/users/1 {"role":"auditor"} did before the last-admin rule.
      await dataSource.query("UPDATE app_user SET role = 'auditor' WHERE username = 'admin'");
    });
    // The next start used to crash creating `admin` again; now it starts and says what to do.
    await withApp(async (http, dataSource) => {
      expect((await request(http).get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`)).body).toMatchObject({ username: 'admin', role: 'auditor' });
      expect(Number((await dataSource.query("SELECT COUNT(*) AS n FROM app_user WHERE role = 'admin'"))[0].n)).toBe(0);
      await dataSource.query("UPDATE app_user SET role = 'admin', active = FALSE WHERE username = 'admin'");
    });
    await withApp(async (http) => {
      expect((await signIn(http, 'admin', PASSWORD)).status).toBe(401); // deactivated
    });

    const before = await withApp((_http, dataSource) => databaseState(dataSource));
    const weak = resetAdmin(['admin'], { ADMIN_PASSWORD: 'admin123' });
    expect(weak.status).toBe(1);
    expect(weak.stderr).toContain('refused');
    expect(resetAdmin(['not a name!']).status).toBe(2);
    expect(await withApp((_http, dataSource) => databaseState(dataSource))).toEqual(before);

    const reset = resetAdmin(['ADMIN']);
    expect(reset.status).toBe(0);
    const generated = /password \(shown once\): (\S+)/.exec(reset.stdout)?.[1];
    expect(generated).toBeDefined();
    await withApp(async (http, dataSource) => {
      const login = await signIn(http, 'admin', generated!);
      expect(login.status).toBe(200);
      const admin = request(http).get('/api/users').set('Authorization', `Bearer ${login.body.accessToken}`);
      expect((await admin).status).toBe(200);
      expect((await signIn(http, 'admin', PASSWORD)).status).toBe(401);
      expect((await request(http).get('/api/auth/me').set('Authorization', `Bearer ${oldToken}`)).status).toBe(401);
      const entries = await dataSource.query("SELECT actor, action, before, after FROM audit_entry WHERE entity = 'user' AND entity_id = 'admin' AND action = 'reset'");
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry.actor).toBe('cli');
      expect(JSON.parse(entry.before)).toEqual({ role: 'admin', region: null, chain: null, active: false });
      expect(JSON.parse(entry.after)).toMatchObject({ role: 'admin', active: true, passwordChanged: true });
    });
  });

  it('admin:reset creates a missing admin with the password in ADMIN_PASSWORD', async () => {
    const created = resetAdmin(['rescue'], { ADMIN_PASSWORD: 'rescue-strong-passphrase' });
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('created admin "rescue"');
    expect(created.stdout).not.toContain('rescue-strong-passphrase');
    await withApp(async (http, dataSource) => {
      const login = await signIn(http, 'rescue', 'rescue-strong-passphrase');
      expect(login.status).toBe(200);
      expect((await request(http).get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`)).body.role).toBe('admin');
      const [entry] = await dataSource.query("SELECT actor, action FROM audit_entry WHERE entity = 'user' AND entity_id = 'rescue' ORDER BY seq");
      expect(entry).toEqual({ actor: 'cli', action: 'create' });
    });
  });

  it('a fresh start refuses an ADMIN_PASSWORD that breaks the password rules, naming it', async () => {
    const otherDir = mkdtempSync(join(tmpdir(), 'tracker-admin-'));
    const other = await freshDatabase(otherDir);
    try {
      await expect(createApp(loadConfig({ DATABASE_URL: other.url, SEED: 'none', ADMIN_PASSWORD: 'aaaaaaaaaaaa' }), { logger: false })).rejects.toThrow(/ADMIN_PASSWORD/);
    } finally {
      await other.drop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
