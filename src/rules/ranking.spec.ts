import { describe, expect, it } from '@jest/globals';
import { rankChange, rankRegions } from './ranking.js';

const region = (code: string, actual: number, expected: number, projects = 1) => ({ code, projects, actual, expected12: expected * 12 });

describe('region ranking (rules/ranking.ts)', () => {
  it('ranks by ratio, highest first', () => {
    const ranks = rankRegions([region('A', 50, 100), region('B', 120, 100), region('C', 90, 100)]);
    expect([...ranks]).toEqual([['B', 1], ['C', 2], ['A', 3]]);
  });

  it('a tie in ratio goes to the larger actual, then to the lower code', () => {
    // A and B both 90%; B reported more. C and D both 50% with equal actuals: C before D by code.
    const ranks = rankRegions([region('D', 50, 100), region('A', 90, 100), region('C', 50, 100), region('B', 180, 200)]);
    expect([...ranks]).toEqual([['B', 1], ['A', 2], ['C', 3], ['D', 4]]);
  });

  it('regions without implementation-list projects, or with nothing expected yet, are not ranked', () => {
    const ranks = rankRegions([region('A', 0, 0, 0), region('B', 10, 0), region('C', 10, 100)]);
    expect([...ranks]).toEqual([['C', 1]]);
  });

  it('rank change is last month minus this month: positive moved up', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(1, 4)).toBe(-3);
    expect(rankChange(3, 3)).toBe(0);
  });

  it('no rank change in January (no previous month of the year) or when either month is unranked', () => {
    const january = rankRegions([region('A', 10, 100)]);
    const previous = null; // the board of month 1 has no previous month's ranks
    expect(rankChange((previous as Map<string, number> | null)?.get('A'), january.get('A'))).toBeNull();
    expect(rankChange(null, 2)).toBeNull();
    expect(rankChange(2, null)).toBeNull();
  });
});
