import { periodParams } from '../common/index.js';

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
   AND (${p}.stage IN ('implementation.active', 'implementation.halted')
        OR (${p}.stage = 'completed' AND ${p}.actual_completion_date >= :monthStart)))`;
}

/** Whether project `p` has any report filed for `:month`. */
export function filedSql(p = 'p'): string {
  return `EXISTS (SELECT 1 FROM report_revision filed WHERE filed.project_id = ${p}.id AND filed.month = :month)`;
}

/** The parameters the fragments above read, for month `YYYY-MM`. */
export function reportingParams(month: string): { month: string; monthStart: string; monthEnd: string } {
  const { monthStart, monthEnd } = periodParams(month);
  return { month, monthStart, monthEnd };
}
