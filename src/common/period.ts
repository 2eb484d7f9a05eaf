/**
 * Months and calendar days, one definition for the server and the pages (docs/default-period.md).
 * A month is its text `YYYY-MM`, a date `YYYY-MM-DD`, both in the calendar zone the server is
 * configured with (TZ_CALENDAR); an instant is ISO 8601 text.
 *
 * The pages load this module as `/shared/period.js`, written by the server from these very
 * functions with its calendar zone (src/web/web.static.ts). So: plain functions, no imports, and
 * a function here calls only other exported functions of this file.
 */

/** A month as the API writes it: `YYYY-MM`. */
export type Month = string;

/** The calendar zone's months of a date or an instant's date text: 2024-11-15 → 2024-11. */
export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The year of a month or a date: 2024-11 → 2024. */
export function yearOf(monthOrDate: string): number {
  return Number(monthOrDate.slice(0, 4));
}

/** The month's number in its year, 1–12: 2024-11 → 11. */
export function monthNumberOf(monthOrDate: string): number {
  return Number(monthOrDate.slice(5, 7));
}

export function monthKey(year: number, month: number): Month {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** First day of a month: 2024-02 → 2024-02-01. */
export function monthStart(month: Month): string {
  return `${month}-01`;
}

/** Last day of a month: 2024-02 → 2024-02-29. */
export function monthEnd(month: Month): string {
  const days = new Date(Date.UTC(yearOf(month), monthNumberOf(month), 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** 2024-01 → 2023-12. */
export function previousMonth(month: Month): Month {
  const m = monthNumberOf(month);
  return m === 1 ? monthKey(yearOf(month) - 1, 12) : monthKey(yearOf(month), m - 1);
}

/** 2023-12 → 2024-01. */
export function nextMonth(month: Month): Month {
  const m = monthNumberOf(month);
  return m === 12 ? monthKey(yearOf(month) + 1, 1) : monthKey(yearOf(month), m + 1);
}

/**
 * The SQL parameters of a month and of its year up to it, for every query that reads a period:
 * `:month`, `:monthStart`, `:monthEnd` (the month's first and last day), `:yearStart`, `:yearEnd`,
 * `:fromMonth` (January) and `:toMonth` (the month).
 */
export function periodParams(month: Month): { month: Month; monthStart: string; monthEnd: string; yearStart: string; yearEnd: string; fromMonth: Month; toMonth: Month } {
  const year = yearOf(month);
  return { month, monthStart: monthStart(month), monthEnd: monthEnd(month), yearStart: `${year}-01-01`, yearEnd: `${year}-12-31`, fromMonth: monthKey(year, 1), toMonth: month };
}

/** The quarter of a month number: 1–3 → 1 … 10–12 → 4. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** Last month, from a calendar date: the month being collected (2024-11-15 → 2024-10, 2025-01-10 → 2024-12). */
export function lastMonthOf(today: string): Month {
  return previousMonth(monthOf(today));
}

/** The month a board of `year` shows by default: last month in its own year, December of a past year, January of a later one. */
export function boardMonthOf(year: number, today: string): number {
  const last = lastMonthOf(today);
  if (year < yearOf(last)) return 12;
  if (year > yearOf(last)) return 1;
  return monthNumberOf(last);
}

/** Months from January of the previous year up to `last`, newest first (the month pickers). */
export function monthsUpTo(last: Month): Month[] {
  const months: Month[] = [];
  const firstYear = yearOf(last) - 1;
  for (let month = last; yearOf(month) >= firstYear; month = previousMonth(month)) months.push(month);
  return months;
}

/** "2024-10" → "2024年10月". */
export function monthLabel(month: Month | null | undefined): string {
  if (!month) return '—';
  return `${yearOf(month)}年${monthNumberOf(month)}月`;
}

/**
 * An instant's wall clock in a zone, as parts (year, month, day, hour, minute, second). One
 * formatter per zone: making an Intl.DateTimeFormat costs far more than using one (every request
 * asks for "today"). The pages get this function's text alone (/shared/period.js, web.static.ts),
 * so the formatters are kept on globalThis, not in a module constant the pages would not have.
 */
export function zonedParts(instant: string | Date, zone: string): Record<string, string> {
  const parts: Record<string, string> = {};
  const FORMATS = ((globalThis as { trackerZoneFormats?: Map<string, Intl.DateTimeFormat> }).trackerZoneFormats ??= new Map<string, Intl.DateTimeFormat>());
  let format = FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    FORMATS.set(zone, format);
  }
  for (const part of format.formatToParts(typeof instant === 'string' ? new Date(instant) : instant)) parts[part.type] = part.value;
  return parts;
}

/** The calendar date of an instant in a zone: 2024-03-01T23:30Z is 2024-03-02 in Liaocheng. */
export function calendarDateIn(instant: string | Date, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as wall-clock text in a zone, for people: "2024-11-05 09:30" (with seconds: "2024-11-05 09:30:07"). */
export function wallClockIn(instant: string | Date, zone: string, seconds = false): string {
  const p = zonedParts(instant, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}
