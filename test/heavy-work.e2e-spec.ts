import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthUnderHeavyLoad, timedGet } from '../src/bench/index.js';
import { signIn, startChildServer, type ChildServer } from './support/child-server.js';

/**
 * Heavy work off the request thread (docs/operations.md "Heavy work"), on the built server with the
 * demo data: boards replayed as of past instants, published bulletins' Word files and audit exports
 * run in worker threads, so `/api/health` keeps answering at once while 20 of them run; each caller
 * may have two in flight (429 beyond); a published bulletin's file is made once. The exact figures
 * are `npm run bench:heavy`'s (docs/benchmarks.md "Heavy work"); the checks here hold on a loaded
 * machine and still fail with the work on the request thread (the figures at each constant below).
 */
const PASSWORD = 'heavy-work-admin-password-5521';
/**
 * The bound on /api/health's p99 while heavy work runs. With the pool, on a loaded machine (the other
 * Jest process busy beside it), the tests below measured p99s of 291, 303 and 350 ms (2026-12-06): one
 * slow answer is the machine, not the server. With the exports on the request thread (HEAVY_THREADS=0)
 * the exports test measured ~11 s, so this bound keeps that failing by far.
 */
const HEALTH_P99_BOUND_MS = 1000;
/**
 * The replays are short (~200 ms each as answered), so on the request thread they hold /api/health
 * up by about as long: measured without the pool, health's median was 181 and 215 ms against the
 * replays' 203 and 210 (a ratio of ~1); with the pool, 1.4 and 1.5 ms against 213 and 201 (~0.007).
 * A load on the machine slows both alike, so the test holds health's median to under a quarter of
 * the replays'.
 */
const HEALTH_TO_REPLAY_MEDIAN = 1 / 4;
/**
 * The exports test reads /api/health every 25 ms, not the bench's every 5 ms (HEALTH_EVERY_MS): each
 * read is a new connection and a line of the request log. At 5 ms it sent ~1,300 reads in 7 s, at
 * 25 ms 279, and the file took ~8 % less CPU (31 against 33 core-seconds, 2026-12-07); with the
 * exports on the request thread its p99 was still 6.5 s. The replays' test keeps 5 ms: it lasts
 * ~0.3 s, and at 25 ms its median no longer told the request thread from the pool.
 */
const READ_EVERY_MS = 25;

describe('heavy work off the request thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-heavy-'));
  let server: ChildServer;
  let admin: string;
  const displays: string[] = [];
  const auditors: string[] = [];

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.base}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    server = await startChildServer({ DATABASE_URL: `sqlite:${join(dir, 'heavy.sqlite')}`, ADMIN_PASSWORD: PASSWORD, SEED: 'demo', HEAVY_THREADS: '1' }, { waitSeconds: 150 });
    admin = await signIn(server.base, 'admin', PASSWORD);
    expect((await post('/api/bulletins/2024/9', {})).status).toBe(201);
    for (let i = 0; i < 10; i++) displays.push((await post('/api/display-tokens', { name: `负载大屏${i}` })).body.token as string);
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/users', { username: `heavy-auditor-${i}`, password: `heavy-auditor-password-${i}`, role: 'auditor' })).status).toBe(201);
      auditors.push(await signIn(server.base, `heavy-auditor-${i}`, `heavy-auditor-password-${i}`));
    }
    // A token's first request of the hour writes its use to the audit log, and the worker thread starts
    // the app's services on its first task: neither is part of what is measured.
    for (const token of [...displays, ...auditors]) expect((await timedGet(server.base, '/api/auth/me', token)).status).toBe(200);
    expect((await timedGet(server.base, '/api/dashboard/2024?month=9&asOf=2024-10-01T00:00:00Z', admin)).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it(`/api/health is answered while 20 boards replay as of 20 past instants (ten wall-screen tokens, two each): its median under a quarter of the replays', its p99 under ${HEALTH_P99_BOUND_MS} ms`, async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({
      path: `/api/dashboard/2024?month=${(i % 9) + 1}&asOf=${new Date(Date.UTC(2024, 9, 2, i, 7)).toISOString()}`,
      token: displays[i % 10],
    }));
    const result = await healthUnderHeavyLoad(server.base, requests);
    expect(result.heavy.statuses).toEqual({ 200: 20 });
    expect(result.health.samples).toBeGreaterThanOrEqual(20);
    expect(result.health.p50).toBeLessThan(result.heavy.p50 * HEALTH_TO_REPLAY_MEDIAN);
    expect(result.health.p99).toBeLessThan(HEALTH_P99_BOUND_MS);
  }, 120_000);

  it(`/api/health p99 stays under ${HEALTH_P99_BOUND_MS} ms while auditors export the audit log ten times and wall screens fetch the Word bulletin ten times`, async () => {
    const requests = [
      ...Array.from({ length: 10 }, (_, i) => ({ path: `/api/audit/exports/history.${i % 2 ? 'csv' : 'xlsx'}`, token: auditors[i % 5] })),
      ...Array.from({ length: 10 }, (_, i) => ({ path: '/api/exports/bulletins/2024/9.docx', token: displays[i] })),
    ];
    const result = await healthUnderHeavyLoad(server.base, requests, READ_EVERY_MS);
    expect(result.heavy.statuses).toEqual({ 200: 20 });
    expect(result.health.p99).toBeLessThan(HEALTH_P99_BOUND_MS);
  }, 120_000);

  it('one caller may have two heavy requests in flight: a third at once answers 429 with Retry-After, and so a display token cannot stall the server', async () => {
    // Six at once: the first two are in flight while the others arrive. On a loaded machine one of the
    // first may be answered before the last arrives (with four, once: 200, 200, 200, 429), so the test
    // counts at least two answered and at least one refused, never anything else.
    const answers = await Promise.all(
      [0, 1, 2, 3, 4, 5].map((i) =>
        fetch(`${server.base}/api/dashboard/2024?month=6&asOf=${new Date(Date.UTC(2024, 10, 3, i)).toISOString()}`, { headers: { Authorization: `Bearer ${displays[0]}` } }),
      ),
    );
    const count = (status: number) => answers.filter((a) => a.status === status).length;
    expect(count(200) + count(429)).toBe(answers.length);
    expect(count(200)).toBeGreaterThanOrEqual(2);
    expect(count(429)).toBeGreaterThanOrEqual(1);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { details: { code: string }[] }).details[0].code).toBe('tooManyHeavy');
    // Another caller is not held back by it.
    expect((await fetch(`${server.base}/api/dashboard/2024?month=6&asOf=2024-11-03T09:00:00.000Z`, { headers: { Authorization: `Bearer ${displays[1]}` } })).status).toBe(200);
  }, 60_000);

  it('a published bulletin’s Word file is made once: 20 requests at once from one wall screen all get the same bytes, and a later one is served from the cache', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => timedGet(server.base, '/api/exports/bulletins/2024/9.docx', displays[2])));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(new Set(answers.map((a) => a.body.toString('base64'))).size).toBe(1);
    expect(answers[0].body.subarray(0, 2).toString()).toBe('PK');
    const later = await timedGet(server.base, '/api/exports/bulletins/2024/9.docx', displays[3]);
    expect(later.body.equals(answers[0].body)).toBe(true);
    // A bulletin not published is still a 404 with the usual body, answered through the worker.
    const missing = await timedGet(server.base, '/api/exports/bulletins/2024/10.docx', displays[3]);
    expect([missing.status, JSON.parse(missing.body.toString()).details]).toEqual([404, []]);
    expect(server.stderr()).not.toMatch(/ERROR|Error:/);
  }, 60_000);
});
