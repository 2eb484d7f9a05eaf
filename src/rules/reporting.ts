import { periodParams } from '../common/index.js';
import { IMPLEMENTATION_STAGES } from '../lifecycle/index.js';
import { sqlCodes } from '../database/index.js';

/**
 * Due to report (应报) for month M — the rule behind 缺报 counts and reminders
 * (docs/domain/figures.md "Monthly reports"): a project must file a month report for M when
 * it had started by the end of M and was under construction during M, that is, it is in
 * implementation now (active or halted), or it was completed on or after the first day of M
 * (a project completed mid-month reports that month). Withdrawn projects are not chased.
 *
 * SQL over a project row `p`, with `:monthStart` and `:monthEnd` (YYYY-MM-DD) of M.
 */
export function dueToReportSql(p = 'p'): string {
  return `(${p}.actual_start_date IS NOT NULL AND ${p}.actual_start_date <= :monthEnd
   AND (${p}.stage IN ${sqlCodes(IMPLEMENTATION_STAGES)}
        OR (${p}.stage = 'completed' AND ${p}.actual_completion_date >= :monthStart)))`;
}

/**
 * The same rule read at a month of the past (the 缺报 anomaly, docs/domain/figures.md "Monthly
 * reports"): `p` owed a report for `month` (a column or a parameter holding YYYY-MM) when it was
 * under construction in it — started by the month's end, not completed before it began, not
 * withdrawn before it. For a project not withdrawn this says what dueToReportSql says; the
 * reminders leave a withdrawn project alone, while a month it owed before its withdrawal stays
 * owed in the anomaly check.
 */
export function wasDueToReportSql(p: string, month: string): string {
  return `(${p}.actual_start_date IS NOT NULL
   AND ${month} >= substr(${p}.actual_start_date, 1, 7)
   AND (${p}.actual_completion_date IS NULL OR ${month} <= substr(${p}.actual_completion_date, 1, 7))
   AND NOT EXISTS (SELECT 1 FROM project_history wd
                    WHERE wd.project_id = ${p}.id AND wd.event = 'WITHDRAW'
                      AND substr(COALESCE(wd.effective_date, wd.recorded_at), 1, 7) < ${month}))`;
}

/** Whether project `p` has any report filed for `month` (`:month` unless another column or parameter is named). */
export function filedSql(p = 'p', month = ':month'): string {
  return `EXISTS (SELECT 1 FROM report_revision filed WHERE filed.project_id = ${p}.id AND filed.month = ${month})`;
}

/** The parameters the fragments above read, for month `YYYY-MM`. */
export function reportingParams(month: string): { month: string; monthStart: string; monthEnd: string } {
  const { monthStart, monthEnd } = periodParams(month);
  return { month, monthStart, monthEnd };
}
