import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, dateOfDayNumber, daysBetween, dayNumber, isWorkingDay, onOrAfterWorkingDay, subtractWorkingDays } from './working-days.js';

/*
 * Worked by hand on a 2024 calendar: 2024-06-03 was a Monday, 06-07 a Friday, 06-08/09 a
 * weekend; 2024-02-29 a Thursday (leap day); 2024-12-27 a Friday.
 */
describe('working days (rules/working-days.ts)', () => {
  it.each([
    ['2024-06-03', 0, '2024-06-03'], // N = 0: the day itself
    ['2024-06-03', 1, '2024-06-04'], // Monday + 1 → Tuesday
    ['2024-06-03', 4, '2024-06-07'], // Monday + 4 → Friday
    ['2024-06-03', 5, '2024-06-10'], // Monday + 5 → next Monday (the weekend skipped)
    ['2024-06-07', 1, '2024-06-10'], // Friday + 1 → Monday
    ['2024-06-07', 3, '2024-06-12'], // Friday + 3 → Wednesday
    ['2024-06-08', 1, '2024-06-10'], // raised on a Saturday: + 1 → Monday
    ['2024-06-09', 1, '2024-06-10'], // raised on a Sunday: + 1 → Monday
    ['2024-06-08', 5, '2024-06-14'], // Saturday + 5 → Friday
    ['2024-06-03', 10, '2024-06-17'], // two whole weeks
    ['2024-02-29', 2, '2024-03-04'], // Thursday 29 Feb + 2 → Monday 4 March
    ['2024-12-27', 3, '2025-01-01'], // Friday + 3 → Wednesday 1 January (the holiday is not modelled)
  ] as const)('%s + %d working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2024-06-03', true],
    ['2024-06-07', true],
    ['2024-06-08', false],
    ['2024-06-09', false],
    ['2025-01-01', true], // New Year's Day: holidays are not modelled
  ] as const)('%s is a working day: %s', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2024-06-03', -1)).toThrow();
    expect(() => addWorkingDays('2024-06-03', 1.5)).toThrow();
  });

  it('counts calendar days between dates, across months and a leap day', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-31')).toBe(30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-06-10', '2024-06-03')).toBe(-7);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(dateOfDayNumber(dayNumber('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('working days back, and a due day on a weekend (rules/working-days.ts)', () => {
  it.each([
    ['2024-06-07', 0, '2024-06-07'], // N = 0: the day itself
    ['2024-06-07', 1, '2024-06-06'], // Friday − 1 → Thursday
    ['2024-06-10', 1, '2024-06-07'], // Monday − 1 → Friday (the weekend skipped)
    ['2024-06-10', 3, '2024-06-05'], // Monday − 3 → Wednesday
    ['2024-06-09', 1, '2024-06-07'], // Sunday − 1 → Friday
    ['2024-03-01', 1, '2024-02-29'], // Friday 1 March − 1 → Thursday 29 February
    ['2024-07-05', 5, '2024-06-28'], // Friday − 5 → the Friday before
  ] as const)('%s − %d working days = %s', (from, n, expected) => {
    expect(subtractWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2024-06-07', '2024-06-07'], // Friday stays
    ['2024-06-08', '2024-06-10'], // Saturday → Monday
    ['2024-06-09', '2024-06-10'], // Sunday → Monday
  ] as const)('%s on or after a working day: %s', (date, expected) => {
    expect(onOrAfterWorkingDay(date)).toBe(expected);
  });

  it('refuses a negative count going back', () => {
    expect(() => subtractWorkingDays('2024-06-03', -1)).toThrow();
  });
});
