import { formatPercent } from '../common/index.js';
import { IMPLEMENTATION_STAGES } from '../lifecycle/index.js';
import { sqlCodes } from '../database/index.js';

/**
 * 预警清单 (红色预警) membership (docs/domain/figures.md "Red list"), as things stood at the end of month M
 * by effective dates, among what was recorded by `:asOf`:
 *  - 投资滞后 lagging: an implementation-list project below the yellow line of its own 序时
 *    expected (actual ÷ expected < yellow%);
 *  - 逾期未开工 overdue start: a preparation-list project, not withdrawn, whose planned start
 *    date is before the reference date (the month's last day, or the day the board is for
 *    when that is earlier) and that had not started by the month's end;
 *  - 停工 halted: a listed project whose last halt, resume, completion or withdrawal by the
 *    month's end is a halt;
 *  - 容缺逾期 conditionalOverdue: a listed project in implementation that started on an
 *    approval accepted conditionally (容缺受理) whose commitment date has passed by the
 *    reference date without the approval being done (docs/domain/requests.md "容缺受理");
 *  - 节点滞后 milestone: a listed project still under way with a milestone past its planned date
 *    and not reached by the month's end (rules/milestones.ts, docs/domain/milestones.md).
 * The fragments read the columns of one listed-project row `lp` (category, actual,
 * expected12, stage, planned_start_date, actual_start_date, last_halt_event,
 * conditional_commitment) and the parameters `:yellowPct`, `:refDate`, `:monthEnd`. The kinds' codes
 * (RED_LIST_KINDS) are in rules/labels.ts, which the pages read too.
 */

/**
 * Where the fragments read the board's month: the parameters `:yellowPct`, `:refDate` and
 * `:monthEnd` by default, or SQL expressions in their place (the kept red list of
 * board/board-figures.sql.ts evaluates each month of a year in one statement, with the month's
 * last day as the reference date).
 */
export interface RedListAt {
  yellowPct?: string;
  refDate?: string;
  monthEnd?: string;
}

const PARAMS = { yellowPct: ':yellowPct', refDate: ':refDate', monthEnd: ':monthEnd' };

export function laggingSql(lp = 'lp', at: RedListAt = {}): string {
  const { yellowPct } = { ...PARAMS, ...at };
  return `(${lp}.category = 'implementation' AND ${lp}.expected12 > 0 AND ${lp}.actual * 1200 < ${yellowPct} * ${lp}.expected12)`;
}

export function overdueStartSql(lp = 'lp', at: RedListAt = {}): string {
  const { refDate, monthEnd } = { ...PARAMS, ...at };
  return `(${lp}.category = 'preparation' AND ${lp}.stage <> 'withdrawn' AND ${lp}.planned_start_date < ${refDate}
     AND (${lp}.actual_start_date IS NULL OR ${lp}.actual_start_date > ${monthEnd}))`;
}

export function haltedSql(lp = 'lp'): string {
  return `(${lp}.last_halt_event = 'HALT')`;
}

const HALT_EVENTS = "('HALT', 'RESUME', 'COMPLETE', 'WITHDRAW')";

/**
 * The event that decides `halted`, for every project that has one, as a query to use as a CTE:
 * `(project_id, event)` of each project's last HALT/RESUME/COMPLETE/WITHDRAW by the month's end
 * (latest effective date, then latest recorded), recorded by :asOf. Such events are few, so this
 * reads them through the (event, recorded_at) index once rather than once per listed project.
 */
export const LAST_HALT_EVENTS_SQL = `
  SELECT h.project_id, h.event
    FROM project_history h
   WHERE h.event IN ${HALT_EVENTS} AND h.recorded_at <= :asOf AND h.effective_date <= :monthEnd
     AND NOT EXISTS (SELECT 1 FROM project_history later
                      WHERE later.project_id = h.project_id AND later.event IN ${HALT_EVENTS}
                        AND later.recorded_at <= :asOf AND later.effective_date <= :monthEnd
                        AND (later.effective_date > h.effective_date OR (later.effective_date = h.effective_date AND later.id > h.id)))`;

/**
 * The same event for one project and one month's last day, as a scalar subquery (the kept red
 * list evaluates it per month, for the few projects that have such events at all): the last
 * HALT/RESUME/COMPLETE/WITHDRAW by `monthEnd` by effective date, then by record.
 */
export function lastHaltEventSql(projectId: string, monthEnd: string): string {
  return `(SELECT h.event FROM project_history h
            WHERE h.project_id = ${projectId} AND h.event IN ${HALT_EVENTS} AND h.effective_date <= ${monthEnd}
            ORDER BY h.effective_date DESC, h.id DESC LIMIT 1)`;
}

/** Whether a project has any HALT/RESUME/COMPLETE/WITHDRAW at all (only those can be halted). */
export function hasHaltEventsSql(projectId: string): string {
  return `(CASE WHEN EXISTS (SELECT 1 FROM project_history h WHERE h.project_id = ${projectId} AND h.event IN ${HALT_EVENTS}) THEN 1 ELSE 0 END)`;
}

export function conditionalOverdueSql(lp = 'lp', at: RedListAt = {}): string {
  const { refDate } = { ...PARAMS, ...at };
  return `(${lp}.stage IN ${sqlCodes(IMPLEMENTATION_STAGES)} AND ${lp}.conditional_commitment < ${refDate})`;
}

/**
 * One row per project with an approval whose latest status recorded by `asOf` (the parameter
 * `:asOf` unless an expression is given) is 容缺受理 (an
 * approval done since has a later `done` row): the earliest such commitment date. Read once for
 * the board (joined to `lp` as conditional_commitment), not looked up per listed project.
 */
export function conditionalCommitmentsSql(asOf = ':asOf'): string {
  return `
SELECT a.project_id, MIN(a.commitment_date) AS commitment
  FROM approval_status a
 WHERE a.status = 'conditional' AND a.recorded_at <= ${asOf}
   AND NOT EXISTS (SELECT 1 FROM approval_status b
                    WHERE b.project_id = a.project_id AND b.approval_key = a.approval_key
                      AND b.recorded_at <= ${asOf} AND b.id > a.id)
 GROUP BY a.project_id`;
}

export const CONDITIONAL_COMMITMENTS_SQL = conditionalCommitmentsSql();

/**
 * The reference date for "past its planned start": the month's last day, or the calendar
 * day of the instant the board is for when that comes first (a board of the running month
 * does not call a start overdue before its planned date has passed).
 */
export function overdueReferenceDate(monthEndDate: string, boardDate: string): string {
  return monthEndDate < boardDate ? monthEndDate : boardDate;
}

export function laggingReason(actualWan: number, expectedWan: number, ratio: number | null): string {
  return `投资进度滞后：完成 ${actualWan} 万元，序时应完成 ${expectedWan} 万元（${formatPercent(ratio ?? 0)}%）`;
}

export function overdueStartReason(plannedStartDate: string): string {
  return `计划 ${plannedStartDate} 开工，尚未开工`;
}

export function conditionalOverdueReason(commitmentDate: string): string {
  return `容缺受理承诺 ${commitmentDate} 前补齐手续，已逾期`;
}

export function haltedReason(since: string | null, reason: string | null): string {
  return `停工${since ? `（${since} 起）` : ''}：${reason ?? '未说明原因'}`;
}
