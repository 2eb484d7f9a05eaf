import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Health and readiness for a service manager or a balancer: without a sign-in, without data.
 * Readiness fails (503, the error shape) when a migration has not run and when the database is
 * gone (its connection closed); health answers as long as the process does. Every response
 * carries X-Request-Id, and error bodies carry the same id.
 */
describe('health and readiness', () => {
  let t: TestApp | null = null;
  afterEach(async () => {
    await t?.close();
    t = null;
  });

  it('answers health and readiness without a sign-in, saying nothing about the data', async () => {
    t = await startTestApp();
    const health = await request(t.http).get('/api/health');
    expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
    const ready = await request(t.http).get('/api/ready');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready' }]);
    expect(health.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
    expect(ready.headers['x-request-id']).not.toBe(health.headers['x-request-id']);
  });

  it('is not ready while a migration has not run, and ready again once it has', async () => {
    t = await startTestApp();
    const [last] = await t.dataSource.query('SELECT id, "timestamp", name FROM migrations ORDER BY id DESC LIMIT 1');
    await t.dataSource.query('DELETE FROM migrations WHERE id = ?', [last.id]);
    const ready = await request(t.http).get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', details: [{ code: 'migrationPending', message: expect.stringContaining(last.name) }] });
    expect(ready.body.requestId).toBe(ready.headers['x-request-id']);
    expect((await request(t.http).get('/api/health')).status).toBe(200);
    await t.dataSource.query('INSERT INTO migrations (id, "timestamp", name) VALUES (?, ?, ?)', [last.id, last.timestamp, last.name]);
    expect((await request(t.http).get('/api/ready')).status).toBe(200);
  });

  it('is not ready once the database is gone; health still answers', async () => {
    t = await startTestApp();
    await t.dataSource.destroy();
    const ready = await request(t.http).get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.details).toEqual([{ code: 'databaseUnavailable', message: expect.any(String) }]);
    expect((await request(t.http).get('/api/health')).body).toEqual({ status: 'ok' });
  });

  it('keeps a safe incoming request id, replaces an unsafe one, and puts it in error bodies', async () => {
    t = await startTestApp();
    const kept = await request(t.http).get('/api/projects/1').set('X-Request-Id', 'lb-7f3a.2');
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.2');
    expect(kept.body).toMatchObject({ statusCode: 401, requestId: 'lb-7f3a.2' });
    for (const unsafe of ['x'.repeat(65), 'a b', 'id"; DROP']) {
      const replaced = await request(t.http).get('/api/nowhere').set('X-Request-Id', unsafe);
      expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f]{16}$/);
      expect(replaced.body).toMatchObject({ statusCode: 404, requestId: replaced.headers['x-request-id'] });
    }
  });
});
