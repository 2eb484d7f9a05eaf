import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Numbered pages of a long project list (src/projects/project-list.ts): a numbered page starts from
 * a code the list keeps every 500 rows, so pages deeper than 500 rows must still hold exactly the
 * rows that reading by key gives, in code order, with the exact total.
 */
describe('the project list, page by number, past 500 rows', () => {
  let t: TestApp;
  const N = 1234;
  // Codes in an order of their own (not the insertion order): P0000 … P1233, every third in 临清 (371581).
  const code = (i: number) => `P${String((i * 7) % N).padStart(4, '0')}`;

  beforeAll(async () => {
    t = await startTestApp();
    const at = '2024-01-01T00:00:00.000Z';
    const postgres = t.dataSource.options.type === 'postgres';
    for (let from = 0; from < N; from += 200) {
      const rows = Array.from({ length: Math.min(200, N - from) }, (_, k) => from + k);
      let n = 0;
      const mark = () => (postgres ? `$${++n}` : '?');
      const values = rows.map(() => `(${[1, 2, 3, 4, 5].map(mark).join(', ')}, 1, ${mark()}, ${mark()})`).join(', ');
      await t.dataSource.query(
        `INSERT INTO project (code, name, region_code, stage, lifecycle_snapshot, version, created_at, updated_at) VALUES ${values}`,
        rows.flatMap((i) => [code(i), `项目${i}`, i % 3 === 0 ? '371581' : null, 'reserve', '{"value":"reserve","status":"active"}', at, at]),
      );
    }
  });
  afterAll(() => t.close());

  const all = Array.from({ length: N }, (_, i) => `P${String(i).padStart(4, '0')}`);
  const inLinqing = Array.from({ length: N }, (_, i) => i).filter((i) => i % 3 === 0).map(code);

  it('every numbered page holds its rows in code order, with the exact total, to an empty page past the end', async () => {
    const byNumber: string[] = [];
    for (let page = 1; page <= 25; page++) {
      const res = await t.client.get(`/api/projects?pageSize=50&page=${page}`);
      expect([res.status, res.body.total]).toEqual([200, N]);
      byNumber.push(...res.body.items.map((p: { code: string }) => p.code));
    }
    expect(byNumber).toEqual(all);
    const past = await t.client.get('/api/projects?pageSize=50&page=26');
    expect([past.body.items, past.body.total, past.body.next]).toEqual([[], N, null]);
    // A page across the 500th row: rows 497 to 503.
    const across = await t.client.get('/api/projects?pageSize=7&page=72');
    expect(across.body.items.map((p: { code: string }) => p.code)).toEqual(all.slice(497, 504));
  });

  it('with a filter: its own places, its own total', async () => {
    const expected = [...inLinqing].sort();
    const walked: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const res = await t.client.get(`/api/projects?region=371581&pageSize=200&page=${page}`);
      expect(res.body.total).toBe(expected.length);
      walked.push(...res.body.items.map((p: { code: string }) => p.code));
    }
    expect(walked).toEqual(expected);
  });
});
