/** Dates and instants as text: the years accepted, instants parsed, fractions rounded. Months: period.ts. */

/**
 * The years the tracker accepts anywhere (dates, months, year parameters, ledger cells):
 * the programme's plans run within them, and a year outside is a typing error
 * (`0000-01-01`, `20244-01-01`), not data.
 */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with an offset (or Z) → the stored form (UTC, milliseconds); null if
 * malformed or impossible (2024-02-30T10:00+08:00 is refused, not rolled over to March).
 */
export function parseInstant(value: string): string | null {
  const m = INSTANT.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '00', , oh = '00', om = '00'] = m;
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59 || Number(oh) > 14 || Number(om) > 59) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString();
}

/** Integer division rounded half up, for showing an exact fraction as whole 万元. */
export function roundDiv(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
