import { describe, expect, it } from '@jest/globals';
import { defaultPeriod } from './default-period.js';
import { boardMonthOf, lastMonthOf } from '../common/index.js';

describe('last month (the month being collected)', () => {
  it.each([
    ['2024-11-15', '2024-10'],
    ['2024-11-01', '2024-10'],
    ['2024-12-31', '2024-11'],
    ['2025-01-10', '2024-12'],
    ['2025-01-01', '2024-12'],
    ['2024-03-01', '2024-02'],
  ])('%s → %s', (today, month) => {
    expect(lastMonthOf(today)).toBe(month);
  });
});

describe('the month a board of a chosen year shows', () => {
  it.each([
    // [year, today, month]
    [2024, '2024-11-15', 10], // this year: last month
    [2023, '2024-11-15', 12], // an earlier year: all of it
    [2025, '2024-11-15', 1], // a later year: its first month
    [2024, '2025-01-10', 12], // January: last month is December of the year before
    [2025, '2025-01-10', 1],
    [2024, '2024-02-29', 1],
  ])('%i on %s → %i', (year, today, month) => {
    expect(boardMonthOf(year, today)).toBe(month);
  });
});

describe('the default period', () => {
  it('is last month in its own year when that year has a plan', () => {
    expect(defaultPeriod('2024-11-15', [2024])).toEqual({ today: '2024-11-15', lastMonth: '2024-10', year: 2024, month: 10, years: [2024], fallback: false });
  });

  it('is December of the previous year in January', () => {
    expect(defaultPeriod('2025-01-10', [2024, 2025])).toMatchObject({ lastMonth: '2024-12', year: 2024, month: 12, fallback: false });
  });

  it('falls back to the latest earlier planned year, through December, and says so', () => {
    expect(defaultPeriod('2027-07-10', [2025, 2023, 2025])).toEqual({
      today: '2027-07-10',
      lastMonth: '2027-06',
      year: 2025,
      month: 12,
      years: [2023, 2025],
      fallback: true,
      note: '2027 年尚无年度计划，显示 2025 年',
    });
  });

  it('prefers an earlier planned year to a later one', () => {
    expect(defaultPeriod('2026-03-05', [2027, 2025])).toMatchObject({ year: 2025, month: 12, years: [2025, 2027], fallback: true });
  });

  it('takes a later planned year, through January, only when no earlier one exists', () => {
    expect(defaultPeriod('2023-06-20', [2024])).toMatchObject({ lastMonth: '2023-05', year: 2024, month: 1, fallback: true, note: '2023 年尚无年度计划，显示 2024 年' });
  });

  it('stays on last month and says there is no plan when no year has one', () => {
    expect(defaultPeriod('2024-11-15', [])).toEqual({
      today: '2024-11-15',
      lastMonth: '2024-10',
      year: 2024,
      month: 10,
      years: [],
      fallback: false,
      note: '2024 年尚无年度计划',
    });
  });
});
