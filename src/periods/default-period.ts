import { boardMonthOf, lastMonthOf, yearOf } from '../common/index.js';

/**
 * The period a page opens on (docs/default-period.md): the month whose figures are being
 * collected (last month, so December of the previous year in January), in that month's
 * year when the year has a plan (年度目标), else in the latest year that has one.
 */
export interface DefaultPeriod {
  /** Today in the configured calendar zone, YYYY-MM-DD. */
  today: string;
  /** The month being collected, YYYY-MM: the workbench's default month. */
  lastMonth: string;
  /** The year and month the war room opens on. */
  year: number;
  month: number;
  /** Years that have a plan, ascending: the war room's year choices. */
  years: number[];
  /** True when `year` is not last month's year because that year has no plan. */
  fallback: boolean;
  /** What the page says when it fell back (or when no year has a plan at all). */
  note?: string;
}

/**
 * The default period for `today`, given the years that have a plan. Without a plan for last
 * month's year, the latest planned year before it is shown (a later one only when no earlier
 * year has a plan).
 */
export function defaultPeriod(today: string, plannedYears: readonly number[]): DefaultPeriod {
  const lastMonth = lastMonthOf(today);
  const wanted = yearOf(lastMonth);
  const years = [...new Set(plannedYears)].sort((a, b) => a - b);
  const base = { today, lastMonth, years };
  if (years.includes(wanted)) return { ...base, year: wanted, month: boardMonthOf(wanted, today), fallback: false };
  if (!years.length) return { ...base, year: wanted, month: boardMonthOf(wanted, today), fallback: false, note: `${wanted} 年尚无年度计划` };
  const earlier = years.filter((y) => y < wanted);
  const year = earlier.length ? earlier[earlier.length - 1] : years[0];
  return { ...base, year, month: boardMonthOf(year, today), fallback: true, note: `${wanted} 年尚无年度计划，显示 ${year} 年` };
}
