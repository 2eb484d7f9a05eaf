import { describe, expect, it } from '@jest/globals';
import {
  boardMonthOf,
  calendarDateIn,
  lastMonthOf,
  monthEnd,
  monthKey,
  monthLabel,
  monthNumberOf,
  monthOf,
  monthStart,
  monthsUpTo,
  nextMonth,
  periodParams,
  previousMonth,
  quarterOfMonth,
  wallClockIn,
  yearOf,
} from './period.js';

/** Months and days, one definition for the server and the pages; expected values worked out by hand. */
describe('period', () => {
  it('reads a month or a date: year, month number, month', () => {
    expect([yearOf('2024-11'), monthNumberOf('2024-11'), yearOf('2025-01-31'), monthNumberOf('2025-01-31'), monthOf('2025-01-31')]).toEqual([2024, 11, 2025, 1, '2025-01']);
    expect([monthKey(2024, 3), monthKey(2024, 12)]).toEqual(['2024-03', '2024-12']);
  });

  it('knows the first and last day of a month, leap years included', () => {
    expect([monthStart('2024-02'), monthEnd('2024-02'), monthEnd('2023-02'), monthEnd('2024-04'), monthEnd('2024-12')]).toEqual([
      '2024-02-01',
      '2024-02-29',
      '2023-02-28',
      '2024-04-30',
      '2024-12-31',
    ]);
  });

  it('steps across a year end both ways', () => {
    expect([previousMonth('2024-01'), previousMonth('2024-10'), nextMonth('2023-12'), nextMonth('2024-09')]).toEqual(['2023-12', '2024-09', '2024-01', '2024-10']);
  });

  it('gives the month being collected and the month a board opens on (docs/default-period.md)', () => {
    expect([lastMonthOf('2024-11-15'), lastMonthOf('2025-01-10'), lastMonthOf('2024-03-01')]).toEqual(['2024-10', '2024-12', '2024-02']);
    // Today 2025-01-10: last month is 2024-12. A past year opens on December, last month's year on its month, a later one on January.
    expect([boardMonthOf(2023, '2025-01-10'), boardMonthOf(2024, '2025-01-10'), boardMonthOf(2025, '2025-01-10')]).toEqual([12, 12, 1]);
    expect(boardMonthOf(2024, '2024-11-15')).toBe(10);
  });

  it('builds the SQL parameters of a period once', () => {
    expect(periodParams('2024-06')).toEqual({
      month: '2024-06',
      monthStart: '2024-06-01',
      monthEnd: '2024-06-30',
      yearStart: '2024-01-01',
      yearEnd: '2024-12-31',
      fromMonth: '2024-01',
      toMonth: '2024-06',
    });
  });

  it('names quarters and months as people read them', () => {
    expect([1, 3, 4, 6, 7, 12].map(quarterOfMonth)).toEqual([1, 1, 2, 2, 3, 4]);
    expect([monthLabel('2024-10'), monthLabel('2025-01'), monthLabel(null)]).toEqual(['2024年10月', '2025年1月', '—']);
    expect(monthsUpTo('2024-03')).toEqual(['2024-03', '2024-02', '2024-01', '2023-12', '2023-11', '2023-10', '2023-09', '2023-08', '2023-07', '2023-06', '2023-05', '2023-04', '2023-03', '2023-02', '2023-01']);
  });

  it('reads an instant in the calendar zone it is given', () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in Liaocheng (UTC+8), still 1 March in London.
    expect(calendarDateIn('2024-03-01T23:30:00Z', 'Asia/Shanghai')).toBe('2024-03-02');
    expect(calendarDateIn('2024-03-01T23:30:00Z', 'Europe/London')).toBe('2024-03-01');
    expect(wallClockIn('2024-03-01T23:30:05Z', 'Asia/Shanghai')).toBe('2024-03-02 07:30');
    expect(wallClockIn(new Date('2024-03-01T23:30:05Z'), 'Asia/Shanghai', true)).toBe('2024-03-02 07:30:05');
  });
});
