/**
 * 开工率 of the preparation list (准备类): listed preparation projects started in the year ÷
 * listed, against the year's target (≥80% by 31 December in 2024). docs/domain/figures.md
 * "开工率". A project started before the year does not count for this year's rate; a
 * listed project that starts stays on the preparation list for the rate.
 */
export interface StartRate {
  listed: number;
  started: number;
  /** started ÷ listed, 4 decimals; null for an empty list. */
  rate: number | null;
  /** The target as a fraction (0.8 for 80%). */
  target: number;
  /** More starts needed to reach the target (0 when reached). */
  neededForTarget: number;
}

export function startRate(listed: number, started: number, targetPct: number): StartRate {
  // The smallest whole number of starts with started ÷ listed ≥ target%: ceil(listed × pct / 100), on integers.
  const requiredStarts = Math.floor((listed * targetPct + 99) / 100);
  return {
    listed,
    started,
    rate: listed ? Math.round((started * 10000) / listed) / 10000 : null,
    target: targetPct / 100,
    neededForTarget: Math.max(0, requiredStarts - started),
  };
}

/**
 * Started in the year by the end of month M, as SQL over an actual start date column:
 * between 1 January (`:yearStart`) and the month's last day (`:monthEnd`).
 */
export function startedInYearSql(actualStartDate: string): string {
  return `(${actualStartDate} >= :yearStart AND ${actualStartDate} <= :monthEnd)`;
}

/**
 * Which month of its year a date falls in, as SQL: 0 before 1 January (`yearStart`), 1–12 within
 * the year, NULL after 31 December (`yearEnd`) or without a date. Started in the year by the end
 * of month M (startedInYearSql) is a month 1..M; started by the month's end, 0..M: the kept board
 * counts starts and completions per month this way (board/board-figures.sql.ts).
 */
export function monthOfYearSql(date: string, yearStart: string, yearEnd: string): string {
  return `(CASE WHEN ${date} < ${yearStart} THEN 0 WHEN ${date} <= ${yearEnd} THEN CAST(SUBSTR(${date}, 6, 2) AS INTEGER) END)`;
}
