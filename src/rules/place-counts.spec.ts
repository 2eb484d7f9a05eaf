import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { countInRange, placeCountChecks, PLACE_SIZE_COUNTS_SQL } from './place-counts.js';

/**
 * Hand-worked: 冠县 (371525) as the 2025 demo had it — four projects over 10亿, none of them under
 * construction on the year's lists — and 东昌府区 (371502) with projects in 实施 of every kind.
 */
const WORLD = `
  CREATE TABLE project (id INTEGER, region_code TEXT, total_investment_wan INTEGER, stage TEXT, actual_completion_date TEXT);
  CREATE TABLE list_entry (project_id INTEGER, year INTEGER, added_at TEXT, removed_at TEXT);
  INSERT INTO project VALUES
    (1, '371525', 150000, 'reserve', NULL),                 -- 储备, not listed
    (2, '371525', 120000, 'reserve', NULL),                 -- 储备, not listed
    (3, '371525', 620000, 'preparation', NULL),             -- 准备 on the preparation list: not in 实施
    (4, '371525', 110000, 'completed', '2024-08-20'),       -- completed before 2025
    (10, '371502', 100000, 'implementation.active', NULL),  -- exactly 10亿, in construction
    (11, '371502', 99999, 'implementation.active', NULL),   -- one 万元 short of 10亿
    (12, '371502', 500000, 'implementation.halted', NULL),  -- halted is still 实施; exactly 50亿
    (13, '371502', 300000, 'completed', '2025-08-15'),      -- completed during the year: was under way in it
    (14, '371502', 700000, 'implementation.active', NULL),  -- under way but not on the 2025 lists
    (15, '371502', 200000, 'implementation.active', NULL),  -- removed from the list before the instant
    (16, '371502', 250000, 'implementation.active', NULL),  -- added to the list after the instant
    (17, '371502', 900000, 'withdrawn', NULL);              -- withdrawn
  INSERT INTO list_entry VALUES
    (3, 2025, '2025-02-01T00:00:00.000Z', NULL),
    (4, 2024, '2024-02-01T00:00:00.000Z', NULL),
    (10, 2025, '2025-02-01T00:00:00.000Z', NULL),
    (11, 2025, '2025-02-01T00:00:00.000Z', NULL),
    (12, 2025, '2025-02-01T00:00:00.000Z', NULL),
    (13, 2025, '2025-02-01T00:00:00.000Z', NULL),
    (14, 2024, '2024-02-01T00:00:00.000Z', NULL),
    (15, 2025, '2025-02-01T00:00:00.000Z', '2025-05-01T00:00:00.000Z'),
    (16, 2025, '2025-11-01T00:00:00.000Z', NULL),
    (17, 2025, '2025-02-01T00:00:00.000Z', NULL);`;

const params = { year: 2025, asOf: '2025-10-01T00:00:00.000Z', yearStart: '2025-01-01', keyThreshold: 100_000, bigThreshold: 500_000 };

describe('place count rules (rules/place-counts.ts)', () => {
  it('counts projects in 实施 on the year’s lists: started, not completed before the year, not 储备 or 准备', () => {
    const rows = runStatement(WORLD, PLACE_SIZE_COUNTS_SQL('p.stage', 'p.actual_completion_date'), params);
    const counts = Object.fromEntries(rows.map((r) => [r.region_code as string, [Number(r.over_key), Number(r.over_big)]]));
    // 冠县: nothing (two 储备, a 准备 one of 62亿, one completed in 2024). 东昌府区: 10, 12, 13 over 10亿; 12 over 50亿.
    expect(counts).toEqual({ '371502': [3, 1] });
  });

  it('below the lower bound falls short; above the upper bound is shown as above, not a failure', () => {
    expect(countInRange(4, 5, 10)).toEqual({ count: 4, min: 5, max: 10, ok: false, above: false });
    expect(countInRange(5, 5, 10)).toEqual({ count: 5, min: 5, max: 10, ok: true, above: false });
    expect(countInRange(10, 5, 10)).toEqual({ count: 10, min: 5, max: 10, ok: true, above: false });
    expect(countInRange(11, 5, 10)).toEqual({ count: 11, min: 5, max: 10, ok: true, above: true });
    expect(countInRange(3, 1, 2)).toEqual({ count: 3, min: 1, max: 2, ok: true, above: true });
    expect(countInRange(0, null, 2)).toEqual({ count: 0, min: null, max: 2, ok: true, above: false });
  });

  it('the places whose plan sets a range, each count against it (2025: 5–10 over 10亿, 1–2 over 50亿)', () => {
    const rule = (code: string, name: string) => ({ code, name, overKeyMin: 5, overKeyMax: 10, overBigMin: 1, overBigMax: 2 });
    const checks = placeCountChecks(
      [rule('371502', '东昌府区'), rule('371525', '冠县'), { code: '371573', name: '旅游度假区', overKeyMin: null, overKeyMax: null, overBigMin: null, overBigMax: null }],
      new Map([['371502', { overKey: 11, overBig: 3 }]]),
    );
    expect(checks).toEqual([
      { code: '371502', name: '东昌府区', overKey: { count: 11, min: 5, max: 10, ok: true, above: true }, overBig: { count: 3, min: 1, max: 2, ok: true, above: true } },
      { code: '371525', name: '冠县', overKey: { count: 0, min: 5, max: 10, ok: false, above: false }, overBig: { count: 0, min: 1, max: 2, ok: false, above: false } },
    ]);
  });
});
