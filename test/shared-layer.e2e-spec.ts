import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import * as labels from '../src/common/labels.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The browser layer both pages share (/shared/): served without sign-in, with the right
 * content types, and /shared/labels.js generated from src/common/labels.ts.
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

  it('serves the shared modules and both pages without sign-in', async () => {
    for (const [path, type] of [
      ['/shared/api.js', 'javascript'],
      ['/shared/format.js', 'javascript'],
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
