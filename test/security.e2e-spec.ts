import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import request from 'supertest';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, TEST_ADMIN_PASSWORD, TEST_TOKEN_TTL_SECONDS, type TestApp } from './support/test-app.js';

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('sign-in, tokens and hostile input', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z', passwordCost: 'production' });
    token = await t.login('admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => t.close());

  const me = (bearer: string) => request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${bearer}`);

  it('signs in with the first admin from ADMIN_PASSWORD and knows who it is', async () => {
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'admin', role: 'admin' });
    const [user] = await t.dataSource.query("SELECT password_hash FROM app_user WHERE username = 'admin'");
    expect(user.password_hash).toMatch(/^scrypt\$16384\$8\$5\$/);
    expect(user.password_hash).not.toContain(TEST_ADMIN_PASSWORD);
  });

  it('refuses a wrong password and an unknown user alike (401)', async () => {
    const wrong = await request(t.http).post('/api/auth/login').send({ username: 'admin', password: 'nope' });
    const unknown = await request(t.http).post('/api/auth/login').send({ username: 'ghost', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  describe('tampered tokens are 401', () => {
    const parts = () => token.split('.');
    const cases: [string, () => string][] = [
      ['no token', () => ''],
      ['garbage', () => 'not.a.token'],
      ['edited payload (role claims do not exist, so: another user id)', () => {
        const [h, p, s] = parts();
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
        return `${h}.${b64({ ...claims, sub: claims.sub + 1 })}.${s}`;
      }],
      ['extended expiry', () => {
        const [h, p, s] = parts();
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
        return `${h}.${b64({ ...claims, exp: claims.exp + 3600 })}.${s}`;
      }],
      ['wrong signature', () => {
        const [h, p] = parts();
        return `${h}.${p}.${createHmac('sha256', 'guessed-secret').update(`${h}.${p}`).digest('base64url')}`;
      }],
      ['alg none', () => {
        const [, p] = parts();
        return `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`;
      }],
      ['alg none with the old signature', () => {
        const [, p, s] = parts();
        return `${b64({ alg: 'none', typ: 'JWT' })}.${p}.${s}`;
      }],
      ['alg HS512 header', () => {
        const [, p, s] = parts();
        return `${b64({ alg: 'HS512', typ: 'JWT' })}.${p}.${s}`;
      }],
    ];
    it.each(cases)('%s', async (_name, make) => {
      const res = await me(make());
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, details: [expect.objectContaining({ code: 'unauthenticated' })] });
    });

    it('expired', async () => {
      t.setNow(new Date(Date.parse('2024-06-30T04:00:00.000Z') + (TEST_TOKEN_TTL_SECONDS + 1) * 1000).toISOString());
      try {
        expect((await me(token)).status).toBe(401);
      } finally {
        t.setNow('2024-06-30T04:00:00.000Z');
      }
      expect((await me(token)).status).toBe(200);
    });
  });

  it('ends old tokens when a user\'s password or role changes, and refuses deactivated users', async () => {
    const created = await t.client.post('/api/users').send({ username: 'ops', password: 'first-password-1', role: 'region', region: '371522' });
    expect(created.status).toBe(201);
    const old = await t.login('ops', 'first-password-1');
    expect((await me(old)).body).toMatchObject({ role: 'region', region: '371522' });
    await t.client.patch(`/api/users/${created.body.id}`).send({ role: 'auditor' });
    expect((await me(old)).status).toBe(401);
    const fresh = await t.login('ops', 'first-password-1');
    expect((await me(fresh)).body.role).toBe('auditor');
    await t.client.patch(`/api/users/${created.body.id}`).send({ active: false });
    expect((await me(fresh)).status).toBe(401);
    const login = await request(t.http).post('/api/auth/login').send({ username: 'ops', password: 'first-password-1' });
    expect(login.status).toBe(401);
  });

  it('limits sign-in attempts (429) per user name', async () => {
    await t.client.post('/api/users').send({ username: 'target', password: 'target-password-1', role: 'auditor' });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await request(t.http).post('/api/auth/login').send({ username: 'target', password: `guess-${i}` })).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await request(t.http).post('/api/auth/login').send({ username: 'target', password: 'target-password-1' });
    expect(right.status).toBe(429);
    expect(right.body.details[0].code).toBe('tooManyAttempts');
    // After the window the right password works again.
    t.setNow('2024-06-30T04:16:00.000Z');
    try {
      expect((await request(t.http).post('/api/auth/login').send({ username: 'target', password: 'target-password-1' })).status).toBe(200);
    } finally {
      t.setNow('2024-06-30T04:00:00.000Z');
    }
  });

  it('refuses a body over the limit with 413 in the contract shape, storing nothing', async () => {
    const before = await databaseState(t.dataSource);
    const res = await t.client.post('/api/projects').send(projectBody({ content: '建'.repeat(600_000) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, details: [expect.objectContaining({ code: 'bodyTooLarge' })] });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('sends security headers', async () => {
    const res = await t.client.get('/api/regions');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('pages work over plain HTTP: no upgrade-insecure-requests, no HSTS unless the request came over HTTPS', async () => {
    for (const url of ['/', '/workbench/', '/api/regions']) {
      const res = await t.client.get(url);
      expect([url, res.headers['content-security-policy']]).toEqual([url, expect.not.stringContaining('upgrade-insecure-requests')]);
      expect([url, res.headers['strict-transport-security']]).toEqual([url, undefined]);
    }
    // Without TRUST_PROXY a client's own X-Forwarded-Proto is not believed.
    expect((await t.client.get('/').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toBeUndefined();
  });

  it('rejects mass assignment of fields the client may not set', async () => {
    for (const field of ['id', 'stage', 'version', 'actualStartDate', 'createdAt', 'lifecycleSnapshot']) {
      const res = await t.client.post('/api/projects').send(projectBody({ [field]: field === 'id' ? 1 : 'x' }));
      expect([field, res.status]).toEqual([field, 400]);
    }
    const user = await t.client.post('/api/users').send({ username: 'sneaky', password: 'sneaky-password', role: 'auditor', tokenVersion: 99 });
    expect(user.status).toBe(400);
  });
});

describe('HTTPS behind a reverse proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { TRUST_PROXY: 'loopback' } });
  });
  afterAll(async () => t.close());

  it('sends HSTS and a Secure session cookie when the trusted proxy says the browser used HTTPS; neither over plain HTTP', async () => {
    const secure = await request(t.http).post('/api/auth/session').set('X-Forwarded-Proto', 'https').send({ username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(secure.status).toBe(200);
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure/);
    const plain = await request(t.http).post('/api/auth/session').send({ username: 'admin', password: TEST_ADMIN_PASSWORD });
    expect(plain.status).toBe(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(String(plain.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});

/**
 * Page security headers on every response, the static pages and assets included (they are
 * served by middleware mounted before the API, so helmet must come first of all).
 */
describe('security headers on every page, asset and API answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const ROOT = projectRoot();
  /** Where each folder of static files is served (src/*.static.ts). */
  const MOUNTS: [string, string][] = [
    ['src/war-room/public', '/'],
    ['src/workbench/public', '/workbench/'],
    ['src/web/public', '/shared/'],
  ];
  const filesUnder = (dir: string): string[] =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(join(ROOT, dir), join(entry.parentPath, entry.name)).split('\\').join('/'));
  const urls = [
    '/',
    '/workbench/',
    ...MOUNTS.flatMap(([dir, prefix]) => filesUnder(dir).map((file) => `${prefix}${file}`)),
    '/vendor/echarts/echarts.min.js',
  ];

  /** The CSP as directive → sources. */
  const csp = (header: string | undefined): Record<string, string[]> =>
    Object.fromEntries((header ?? '').split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...sources]) => [name, sources]));

  function expectPageHeaders(url: string, res: request.Response): void {
    const policy = csp(res.headers['content-security-policy']);
    expect([url, policy['frame-ancestors'], policy['script-src'], policy['script-src-attr'], policy['default-src']]).toEqual([url, ["'none'"], ["'self'"], ["'none'"], ["'self'"]]);
    expect([url, res.headers['x-content-type-options'], res.headers['referrer-policy'], res.headers['x-frame-options']]).toEqual([url, 'nosniff', 'no-referrer', 'DENY']);
  }

  it('every static page and file (war room, workbench, shared helpers) and a vendor script', async () => {
    expect(urls.length).toBeGreaterThan(20);
    expect(urls.filter((url) => url.endsWith('.html')).length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      const res = await request(t.http).get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expectPageHeaders(url, res);
    }
  });

  it('API answers and errors carry them too; a missing page gets Express\'s stricter error-page policy', async () => {
    for (const [url, status] of [['/api/regions', 401], ['/api/no-such-route', 404]] as const) {
      const res = await request(t.http).get(url);
      expect([url, res.status]).toEqual([url, status]);
      expectPageHeaders(url, res);
    }
    const signedIn = await t.client.get('/api/regions');
    expect(signedIn.status).toBe(200);
    expectPageHeaders('/api/regions (signed in)', signedIn);
    // Outside /api an unknown path ends in Express's own 404 page, which replaces the policy
    // with `default-src 'none'` (nothing may load at all); helmet's other headers stay, and
    // X-Frame-Options DENY keeps it out of frames.
    for (const url of ['/workbench/no-such-page.html', '/shared/no-such.js', '/no-such-page']) {
      const res = await request(t.http).get(url);
      expect([url, res.status, res.headers['content-security-policy']]).toEqual([url, 404, "default-src 'none'"]);
      expect([url, res.headers['x-content-type-options'], res.headers['referrer-policy'], res.headers['x-frame-options']]).toEqual([url, 'nosniff', 'no-referrer', 'DENY']);
    }
  });
});
