/**
 * Working days for the acceptance time limit (docs/domain/requests.md "Overdue"): a request
 * must be accepted (or returned) within N working days of the day it was raised. Working days
 * are Monday to Friday; public holidays and the weekend days China works in exchange (调休)
 * are NOT modelled, so around a holiday the limit is a day or two shorter than an official's
 * calendar would say. Dates are `YYYY-MM-DD` calendar days in the city's zone.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date: what sums of durations are computed on in SQL. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
function weekday(day: number): number {
  return (day + 4) % 7; // 1970-01-01 was a Thursday
}

export function isWorkingDay(date: string): boolean {
  const w = weekday(dayNumber(date));
  return w !== 0 && w !== 6;
}

/**
 * The N-th working day after `date` (the day itself is day 0, whatever day it is): the last day
 * on which acceptance is still in time. N = 0 gives the date itself.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day += 1;
    const w = weekday(day);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return dateOfDayNumber(day);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The N-th working day before `date` (the day itself is day 0): the first day of a window that
 * ends N working days later on `date` (the 缺报 reminder, docs/notifications.md "Rules").
 */
export function subtractWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`working days must be a whole number ≥ 0, got ${n}`);
  let day = dayNumber(date);
  for (let left = n; left > 0; ) {
    day -= 1;
    const w = weekday(day);
    if (w !== 0 && w !== 6) left -= 1;
  }
  return dateOfDayNumber(day);
}

/** `date` itself when it is a working day, else the next working day (a due day on a weekend moves to Monday). */
export function onOrAfterWorkingDay(date: string): string {
  return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
