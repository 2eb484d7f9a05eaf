import { monthNumberOf, yearOf } from '../common/index.js';
import { MILESTONE_NAMES } from './labels.js';

/**
 * 正排进度 by milestones (节点), docs/domain/milestones.md: "倒排工期、正排进度、挂图作战" (2024 work
 * plan). A listed project's milestones each have a planned date and, once reached, an actual date.
 *
 *  - 节点滞后 (milestone overdue, red-list kind `milestone`): a milestone whose planned date is
 *    before the reference date (the month's last day, or the board's day when that is earlier,
 *    as for 逾期未开工) and that had no actual date by the month's end, of a listed project still
 *    under way (not completed, not withdrawn), among the milestones recorded by `:asOf`;
 *  - the plan curve from milestones (milestoneCurve below): a list entry with no monthly plan curve
 *    of its own spreads its planned amount over the months from its first to its last milestone.
 */

/** The milestones a project usually has, in their usual order (labels.ts); a project may name its own. */
export const STANDARD_MILESTONES = MILESTONE_NAMES;

export interface MilestoneDates {
  name: string;
  plannedDate: string;
  actualDate: string | null;
}

/** Overdue: planned before the reference date, not reached by the month's end (docs/domain/milestones.md "节点滞后"). */
export function isMilestoneOverdue(milestone: MilestoneDates, refDate: string, monthEnd: string = refDate): boolean {
  return milestone.plannedDate < refDate && (milestone.actualDate === null || milestone.actualDate > monthEnd);
}

/**
 * The same as SQL for the board's listed-project row `lp` (columns project_id, stage), binding
 * `:asOf`, `:refDate` and `:monthEnd`: the project's earliest overdue milestone as the text
 * `YYYY-MM-DD name` (its planned date, then its name), NULL when none is overdue. The milestones
 * read are those current at `:asOf` (recorded by then, not yet replaced), so a past board shows
 * what was known then. milestoneOverdueReason reads the text back.
 *
 * `at` names other expressions for the three (the kept red list's candidates, board-figures.sql.ts:
 * the month's last day as both dates, and the milestones current now), so the statement needs no
 * parameters.
 */
export function overdueMilestoneSql(lp = 'lp', at: { asOf?: string; refDate?: string; monthEnd?: string } = {}): string {
  const { asOf, refDate, monthEnd } = { asOf: ':asOf', refDate: ':refDate', monthEnd: ':monthEnd', ...at };
  return `(CASE WHEN ${lp}.stage IN ('completed', 'withdrawn') THEN NULL ELSE
     (SELECT MIN(m.planned_date || ' ' || m.name) FROM milestone m
       WHERE m.project_id = ${lp}.project_id AND m.recorded_at <= ${asOf} AND (m.removed_at IS NULL OR m.removed_at > ${asOf})
         AND m.planned_date < ${refDate} AND (m.actual_date IS NULL OR m.actual_date > ${monthEnd})) END)`;
}

/** The red list's reason for `YYYY-MM-DD name` (overdueMilestoneSql): 节点滞后：主体完工计划 2024-06-30 完成，尚未完成. */
export function milestoneOverdueReason(overdue: string): string {
  const { name, plannedDate } = overdueMilestoneOf(overdue);
  return `节点滞后：${name}计划 ${plannedDate} 完成，尚未完成`;
}

/** The milestone named by overdueMilestoneSql's text. */
export function overdueMilestoneOf(overdue: string): { name: string; plannedDate: string } {
  return { plannedDate: overdue.slice(0, 10), name: overdue.slice(11) };
}

/**
 * The monthly plan curve a list entry gets from its project's milestones (docs/domain/milestones.md
 * "The plan curve from milestones"): twelve amounts in 万元, January first, summing to the planned
 * amount exactly.
 *
 * The span runs from the month of the earliest planned milestone to the month of the latest, cut
 * to the year (a milestone before the year starts the span in January, one after it ends the span
 * in December). The planned amount is spread evenly over the span's months in whole 万元; the
 * remainder goes one 万元 a month to the span's last months, so the curve never runs ahead of an
 * even spread within it. Months outside the span get 0.
 *
 * Null (the entry keeps the even spread) with fewer than two milestones, or when every milestone
 * lies before the year or every one after it.
 */
export function milestoneCurve(plannedWan: number, year: number, plannedDates: readonly string[]): number[] | null {
  if (plannedDates.length < 2) return null;
  const sorted = [...plannedDates].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (yearOf(first) > year || yearOf(last) < year) return null;
  const from = yearOf(first) < year ? 1 : monthNumberOf(first);
  const to = yearOf(last) > year ? 12 : monthNumberOf(last);
  const months = to - from + 1;
  const base = Math.floor(plannedWan / months);
  const extra = plannedWan - base * months;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    if (month < from || month > to) return 0;
    return base + (month > to - extra ? 1 : 0);
  });
}
