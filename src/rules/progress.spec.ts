import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { compareRatioDesc, expected12OfTarget, expectedWan, progressAgainstTarget, projectExpected12Sql, ratingOf, ratioOf } from './progress.js';

const thresholds = { bluePct: 100, yellowPct: 80 };

describe('序时进度 and 蓝黄红 (rules/progress.ts)', () => {
  it('expected through month M of an annual target is target × M/12 (×12 kept whole)', () => {
    // 165亿 = 1,650,000 万元; through October: 1,650,000 × 10 / 12 = 1,375,000.
    expect(expected12OfTarget(1_650_000, 10)).toBe(16_500_000);
    expect(expectedWan({ expected12: 16_500_000 })).toBe(1_375_000);
    // 17.3亿 (黑色金属) through May: 173,000 × 5 / 12 = 72,083.33 → 72,083.
    expect(expectedWan(progressAgainstTarget(0, 173_000, 5))).toBe(72_083);
    // 7 × 1 / 12 = 0.5833 → 1; 6 / 12 = 0.5 rounds half up → 1; 5 / 12 → 0.
    expect(expectedWan({ expected12: 7 })).toBe(1);
    expect(expectedWan({ expected12: 6 })).toBe(1);
    expect(expectedWan({ expected12: 5 })).toBe(0);
  });

  it('exactly 100% is blue, exactly 80% is yellow, a hair below 80% is red', () => {
    // expected 1,000 (×12 = 12,000): actual 1,000 → 100%; 800 → 80%; 799 → 79.9%.
    expect(ratingOf({ actual12: 12_000, expected12: 12_000 }, thresholds)).toBe('blue');
    expect(ratingOf({ actual12: 11_988, expected12: 12_000 }, thresholds)).toBe('yellow'); // 99.9%
    expect(ratingOf({ actual12: 9_600, expected12: 12_000 }, thresholds)).toBe('yellow');
    expect(ratingOf({ actual12: 9_588, expected12: 12_000 }, thresholds)).toBe('red');
    // 80% of an expected that is not a whole number of 万元: 165亿 × 1/12 expected, actual exactly 80% of it.
    expect(ratingOf({ actual12: 110_000 * 12, expected12: 1_650_000 }, thresholds)).toBe('yellow');
    expect(ratingOf({ actual12: 110_000 * 12 - 1, expected12: 1_650_000 }, thresholds)).toBe('red');
  });

  it('nothing expected: no rating and no ratio', () => {
    expect(ratingOf({ actual12: 1_200, expected12: 0 }, thresholds)).toBeNull();
    expect(ratioOf({ actual12: 1_200, expected12: 0 })).toBeNull();
  });

  it('the ratio is given to 4 decimals on the unrounded expected', () => {
    // 1,248,000 / 1,375,000 = 0.907636… → 0.9076.
    expect(ratioOf(progressAgainstTarget(1_248_000, 1_650_000, 10))).toBe(0.9076);
    expect(ratioOf({ actual12: 2 * 12, expected12: 3 * 12 })).toBe(0.6667);
  });

  it('orders by exact ratio, ties equal', () => {
    const a = { actual12: 12 * 90, expected12: 12 * 100 }; // 90%
    const b = { actual12: 12 * 45, expected12: 12 * 50 }; // 90%
    const c = { actual12: 12 * 91, expected12: 12 * 100 }; // 91%
    expect(compareRatioDesc(a, b)).toBe(0);
    expect(compareRatioDesc(c, a)).toBeLessThan(0);
    expect(compareRatioDesc(a, c)).toBeGreaterThan(0);
  });

  it("a project's expected: its monthly curve for months ≤ M, else plan × M/12", () => {
    const setup = `CREATE TABLE l (planned_investment_wan INTEGER, ${Array.from({ length: 12 }, (_, i) => `plan_m${String(i + 1).padStart(2, '0')} INTEGER`).join(', ')});
      INSERT INTO l (planned_investment_wan) VALUES (1200);
      INSERT INTO l VALUES (1200, 0, 0, 300, 300, 300, 300, 0, 0, 0, 0, 0, 0);`;
    const at = (month: number) => runStatement(setup, `SELECT ${projectExpected12Sql(month)} AS e FROM l ORDER BY rowid`).map((r) => r.e);
    // Plan 1,200 without a curve: 1,200 × 3 = 3,600 (= 12 × 300). With the curve: 12 × (0 + 0 + 300) = 3,600.
    expect(at(3)).toEqual([3_600, 3_600]);
    // Month 2: 1,200 × 2 = 2,400 vs the curve's 0 (nothing planned yet).
    expect(at(2)).toEqual([2_400, 0]);
    // Month 12: the whole plan either way (×12).
    expect(at(12)).toEqual([14_400, 14_400]);
    expect(projectExpected12Sql(0)).toBe('0');
    expect(() => projectExpected12Sql(13)).toThrow();
  });
});
