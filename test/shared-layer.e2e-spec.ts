import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as period from '../src/common/period.js';
import * as labels from '../src/web/labels.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The browser layer both pages share (/shared/): served without sign-in, with the right
 * content types, /shared/labels.js generated from every module's labels (src/web/labels.ts),
 * and /shared/period.js from the server's own month functions (src/common/period.ts).
 */
describe('the shared browser layer', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('serves /shared/labels.js to anyone as JavaScript, one export per label table, equal to the server\'s', async () => {
    const res = await request(t.http).get('/shared/labels.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const exported: Record<string, unknown> = {};
    for (const line of res.text.split('\n')) {
      const match = /^export const (\w+) = Object\.freeze\((.*)\);$/.exec(line);
      if (match) exported[match[1]] = JSON.parse(match[2]);
    }
    expect(Object.keys(exported).sort()).toEqual(Object.keys(labels).sort());
    for (const [name, value] of Object.entries(labels)) expect([name, exported[name]]).toEqual([name, JSON.parse(JSON.stringify(value))]);
    expect(exported.STAGE_LABELS).toMatchObject({ 'implementation.halted': '实施（停工）' });
  });

  it('serves /shared/period.js: the server\'s month functions and its calendar zone, computing as the server does', async () => {
    const res = await request(t.http).get('/shared/period.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const dir = mkdtempSync(join(tmpdir(), 'period-'));
    try {
      writeFileSync(join(dir, 'period.mjs'), res.text);
      const served = (await import(pathToFileURL(join(dir, 'period.mjs')).href)) as typeof period & { CALENDAR_ZONE: string };
      expect(served.CALENDAR_ZONE).toBe('Asia/Shanghai');
      expect(Object.keys(served).filter((name) => name !== 'CALENDAR_ZONE').sort()).toEqual(Object.keys(period).sort());
      for (const month of ['2024-01', '2024-02', '2024-12'])
        expect([served.previousMonth(month), served.nextMonth(month), served.monthEnd(month), served.monthLabel(month), served.periodParams(month)]).toEqual([
          period.previousMonth(month),
          period.nextMonth(month),
          period.monthEnd(month),
          period.monthLabel(month),
          period.periodParams(month),
        ]);
      expect(served.wallClockIn('2024-03-01T23:30:05Z', served.CALENDAR_ZONE)).toBe('2024-03-02 07:30');
      expect(served.boardMonthOf(2024, '2025-01-10')).toBe(12);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves the shared modules and both pages without sign-in', async () => {
    for (const [path, type] of [
      ['/shared/api.js', 'javascript'],
      ['/shared/format.js', 'javascript'],
      ['/shared/default-period.js', 'javascript'],
      ['/', 'text/html'],
      ['/js/app.js', 'javascript'],
      ['/workbench/', 'text/html'],
      ['/workbench/js/project-page.js', 'javascript'],
    ]) {
      const res = await request(t.http).get(path);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers['content-type']).toContain(type);
    }
  });

  it('does not serve the old page-local copies of the shared modules', async () => {
    for (const path of ['/js/api.js', '/js/format.js', '/workbench/js/api.js', '/workbench/js/labels.js']) {
      const res = await request(t.http).get(path);
      expect([path, res.status]).toEqual([path, 404]);
    }
  });
});
