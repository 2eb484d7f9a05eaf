import { CONDITIONAL_COMMITMENTS_SQL, conditionalOverdueSql, haltedSql, isKeyProjectSql, isLatestRevisionSql, laggingSql, LAST_HALT_EVENTS_SQL, overdueMilestoneSql, overdueStartSql, projectExpected12Sql, startedInYearSql } from '../rules/index.js';
import { figuresThroughSql } from '../reports/index.js';
import { scopeSql, type Scope, type ScopeCondition } from '../access/index.js';

/**
 * The dashboard's SQL: one aggregate query per block over indexed tables. Every query
 * starts from the same common table expressions:
 *
 *  - `lst`: the year's list entries as they stood at `:asOf` (added by then, not yet
 *    removed), with `expected12` = 12 × 序时 expected through month M: the monthly plan
 *    curve (倒排工期) for months ≤ M where the entry has one, else plan × M/12;
 *  - `rep`: each listed project's reported investment for months 1..M, counting for each
 *    month the latest revision recorded by `:asOf` (a revision with no later one by then: the
 *    NOT EXISTS form measured fastest on both databases, see docs/benchmarks.md);
 *  - `lp`: one row per listed project with its place, size, stage and start date, the
 *    stage and start read from the transition history when the board is for a past
 *    instant, so a past board is reproduced exactly.
 *
 * Nothing here loads reports into JavaScript; each query returns one row per region,
 * per chain, or per project that has to be shown by name (big projects, red list).
 */
export interface BoardParams {
  year: number;
  month: number;
  /** Replay the transition history up to `asOf` (true) or read the current columns (false). */
  historical: boolean;
  /** Also carry actual and expected through month M−1 (for last month's ranks). */
  withPrevious?: boolean;
  /** Also carry the last halt/resume/complete/withdraw by the end of M (for the red list). */
  withHaltEvent?: boolean;
  /** Compute `lp` once for several uses in one statement. */
  materialized?: boolean;
}

export function stageExpression(historical: boolean): string {
  return historical
    ? `COALESCE((SELECT h.to_stage FROM project_history h
         WHERE h.project_id = p.id AND h.kind = 'transition' AND h.recorded_at <= :asOf
         ORDER BY h.id DESC LIMIT 1), 'reserve')`
    : 'p.stage';
}

export function eventDateExpression(historical: boolean, event: 'START' | 'COMPLETE', column: string): string {
  return historical
    ? `(SELECT h.effective_date FROM project_history h
         WHERE h.project_id = p.id AND h.event = '${event}' AND h.recorded_at <= :asOf
         ORDER BY h.id DESC LIMIT 1)`
    : `p.${column}`;
}

/**
 * Each listed project's reports for months 1..M, replayed from the revisions: for each month the
 * latest revision recorded by :asOf. Boards as of a past instant use this.
 */
function replayedReports(withPrevious: boolean): string {
  return `
  SELECT r.project_id, SUM(r.amount_wan) AS actual${withPrevious ? `,
         SUM(CASE WHEN r.month <= :prevMonth THEN r.amount_wan ELSE 0 END) AS actual_prev` : ''}
    FROM report_revision r
   WHERE r.month >= :fromMonth AND r.month <= :toMonth AND r.recorded_at <= :asOf
     AND r.project_id IN (SELECT project_id FROM lst)
     AND ${isLatestRevisionSql('r', { asOf: true })}
   GROUP BY r.project_id
`;
}

/** A list row of the year `:year` standing at `:asOf` (added by then, not yet taken off). */
export function listedAtSql(l: string): string {
  return `${l}.year = :year AND ${l}.added_at <= :asOf AND (${l}.removed_at IS NULL OR ${l}.removed_at > :asOf)`;
}

/** The same from the figures kept with every revision (src/reports/report-figures.ts): one row per listed project. */
function maintainedReports(month: number, withPrevious: boolean): string {
  return `
  SELECT f.project_id, ${figuresThroughSql('f', month)} AS actual${withPrevious ? `,
         ${figuresThroughSql('f', month - 1)} AS actual_prev` : ''}
    FROM project_year_figure f
   WHERE f.year = :year
`;
}

export function boardCtes({ month, historical, withPrevious = false, withHaltEvent = false, materialized = false }: BoardParams): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month out of range: ${month}`);
  return `
WITH lst AS (
  SELECT l.project_id, l.category, l.planned_investment_wan AS planned, l.key_project,
         ${projectExpected12Sql(month)} AS expected12${withPrevious ? `,
         ${projectExpected12Sql(month - 1)} AS expected12_prev` : ''}
    FROM list_entry l
   WHERE ${listedAtSql('l')}
),
cond AS (${CONDITIONAL_COMMITMENTS_SQL}),
rep AS (${historical ? replayedReports(withPrevious) : maintainedReports(month, withPrevious)}),${withHaltEvent ? `
halts AS MATERIALIZED (${LAST_HALT_EVENTS_SQL}),` : ''}
lp AS ${materialized ? 'MATERIALIZED ' : ''}(
  SELECT lst.project_id, lst.category, lst.planned, lst.key_project, lst.expected12, COALESCE(rep.actual, 0) AS actual,${
    withPrevious ? `
         lst.expected12_prev, COALESCE(rep.actual_prev, 0) AS actual_prev,` : ''
  }
         p.code, p.name, p.region_code, p.chain_code, p.total_investment_wan, p.planned_start_date,
         ${stageExpression(historical)} AS stage,
         ${eventDateExpression(historical, 'START', 'actual_start_date')} AS actual_start_date,
         ${eventDateExpression(historical, 'COMPLETE', 'actual_completion_date')} AS actual_completion_date,
         cond.commitment AS conditional_commitment${
           withHaltEvent
             ? `,
         halts.event AS last_halt_event`
             : ''
         }
    FROM lst
    JOIN project p ON p.id = lst.project_id
    LEFT JOIN rep ON rep.project_id = lst.project_id
    LEFT JOIN cond ON cond.project_id = lst.project_id${withHaltEvent ? `
    LEFT JOIN halts ON halts.project_id = lst.project_id` : ''}
)`;
}

/** The places with the year plan's rules (a place without a rule row keeps the region's standing flag). */
export const REGIONS_REFERENCE_SQL = `
SELECT g.code, g.name, g.kind, g.sort_order, COALESCE(r.big_project_required, g.big_project_required) AS big_project_required,
       r.over_key_min, r.over_key_max, r.over_big_min, r.over_big_max
  FROM region g LEFT JOIN place_rule r ON r.region_code = g.code AND r.year = :year
 ORDER BY g.sort_order`;

/** The chains with the year plan's appendix targets. */
export const CHAINS_REFERENCE_SQL = `
SELECT c.code, c.no, c.name, c.flagship, c.lead_unit, COALESCE(t.projects, 0) AS target_projects, COALESCE(t.investment_wan, 0) AS target_investment,
       COALESCE(t.big_project_required, TRUE) AS big_project_required
  FROM chain c LEFT JOIN chain_target t ON t.chain_code = c.code AND t.year = :year
 ORDER BY c.no`;

/**
 * The whole board's heavy part in ONE statement over a materialised lp (the per-project
 * figures are computed once): the GROUPED_SQL rows (row_kind 'group'), then the red list's
 * projects (row_kind 'red'), as things stood at the end of month M by effective dates, among
 * what was recorded by asOf: implementation-list projects below the yellow line of their own
 * 序时 expected; preparation-list projects past their planned start and not started by then;
 * listed projects halted (停工) then; projects in implementation whose 容缺受理 commitment has
 * passed; projects with a milestone overdue (节点滞后: the earliest, as `YYYY-MM-DD name`).
 * At most :redListLimit red rows, by region then code.
 */
export const BOARD_SQL = `
SELECT 'group' AS row_kind, lp.region_code, lp.chain_code, lp.category,
       ${isKeyProjectSql('lp')} AS is_key,
       COUNT(*) AS projects,
       SUM(lp.planned) AS plan,
       SUM(lp.actual) AS actual,
       SUM(lp.expected12) AS expected12,
       SUM(lp.actual_prev) AS actual_prev,
       SUM(lp.expected12_prev) AS expected12_prev,
       SUM(CASE WHEN ${startedInYearSql('lp.actual_start_date')} THEN 1 ELSE 0 END) AS started,
       SUM(CASE WHEN lp.actual_start_date <= :monthEnd THEN 1 ELSE 0 END) AS started_by_month_end,
       SUM(CASE WHEN lp.actual_completion_date <= :monthEnd THEN 1 ELSE 0 END) AS completed_by_month_end,
       CAST(NULL AS INTEGER) AS project_id, CAST(NULL AS VARCHAR(64)) AS code, CAST(NULL AS VARCHAR(200)) AS name,
       CAST(NULL AS VARCHAR(32)) AS stage, CAST(NULL AS VARCHAR(10)) AS planned_start_date,
       CAST(NULL AS INTEGER) AS lagging, CAST(NULL AS INTEGER) AS overdue, CAST(NULL AS INTEGER) AS halted,
       CAST(NULL AS INTEGER) AS conditional_overdue, CAST(NULL AS VARCHAR(10)) AS conditional_commitment,
       CAST(NULL AS VARCHAR(64)) AS milestone_overdue
  FROM lp
 GROUP BY lp.region_code, lp.chain_code, lp.category, ${isKeyProjectSql('lp')}
UNION ALL
SELECT * FROM (
  SELECT 'red' AS row_kind, c.region_code, c.chain_code, c.category, CAST(NULL AS INTEGER) AS is_key,
         CAST(NULL AS BIGINT) AS projects, CAST(NULL AS BIGINT) AS plan, c.actual, c.expected12,
         CAST(NULL AS BIGINT) AS actual_prev, CAST(NULL AS BIGINT) AS expected12_prev, CAST(NULL AS BIGINT) AS started,
         CAST(NULL AS BIGINT) AS started_by_month_end, CAST(NULL AS BIGINT) AS completed_by_month_end,
         c.project_id, c.code, c.name, c.stage, c.planned_start_date, c.lagging, c.overdue, c.halted,
         c.conditional_overdue, c.conditional_commitment, c.milestone_overdue
    FROM (
      SELECT lp.*, g.sort_order,
             CASE WHEN ${laggingSql('lp')} THEN 1 ELSE 0 END AS lagging,
             CASE WHEN ${overdueStartSql('lp')} THEN 1 ELSE 0 END AS overdue,
             CASE WHEN ${haltedSql('lp')} THEN 1 ELSE 0 END AS halted,
             CASE WHEN ${conditionalOverdueSql('lp')} THEN 1 ELSE 0 END AS conditional_overdue,
             ${overdueMilestoneSql('lp')} AS milestone_overdue
        FROM lp
        LEFT JOIN region g ON g.code = lp.region_code
    ) c
   WHERE c.lagging = 1 OR c.overdue = 1 OR c.halted = 1 OR c.conditional_overdue = 1 OR c.milestone_overdue IS NOT NULL
   ORDER BY c.sort_order, c.code
   LIMIT :redListLimit
) red`;

/** Why each halted project on the red list stopped: its latest HALT by the end of M, recorded by asOf. */
export const HALT_REASONS_SQL = `
SELECT h.project_id, h.reason, h.effective_date
  FROM project_history h
 WHERE h.event = 'HALT' AND h.recorded_at <= :asOf AND h.effective_date <= :monthEnd AND h.project_id IN (:...haltedIds)
 ORDER BY h.effective_date, h.id`;

/** Overrides in force at `:asOf` for the month's board. */
export const OVERRIDES_SQL = `
SELECT scope, key, rating, reason, actor, recorded_at
  FROM rating_override
 WHERE year = :year AND month = :month AND recorded_at <= :asOf AND (revoked_at IS NULL OR revoked_at > :asOf)
 ORDER BY id`;

/** Implementation-list actual per month of the year (latest revisions by `:asOf`), for the cumulative curve of a past instant. */
export const MONTHLY_ACTUAL_SQL = `
SELECT r.month, SUM(r.amount_wan) AS actual
  FROM report_revision r
  JOIN lst ON lst.project_id = r.project_id AND lst.category = 'implementation'
 WHERE r.month >= :fromMonth AND r.month <= :toMonth AND r.recorded_at <= :asOf
   AND ${isLatestRevisionSql('r', { asOf: true })}
 GROUP BY r.month
 ORDER BY r.month`;

export interface ListedFilter {
  /** The caller's scope (src/access/scope-policy.ts). */
  scope: Scope;
  region?: string;
  chain?: string;
  category?: 'implementation' | 'preparation';
  /** Only these projects (a leader's home: the projects a person answers for). */
  projectIds?: number[];
}

/** The caller's scope as a condition on listed project rows `lp`. */
export function listedScope(scope: Scope): ScopeCondition {
  return scopeSql(scope, { region: 'lp.region_code', chain: 'lp.chain_code', project: 'lp.project_id' });
}

function listedWhere(filter: ListedFilter): string {
  const conditions = [listedScope(filter.scope).sql];
  if (filter.region !== undefined) conditions.push('lp.region_code = :region');
  if (filter.chain !== undefined) conditions.push('lp.chain_code = :chain');
  if (filter.category !== undefined) conditions.push('lp.category = :category');
  if (filter.projectIds !== undefined) conditions.push('lp.project_id IN (:...projectIds)');
  return conditions.join(' AND ');
}

/** Listed projects with their own 序时 figures, filtered and paged, for drill-down. */
export function listedProjectsSql(filter: ListedFilter): string {
  return `
SELECT lp.project_id, lp.code, lp.name, lp.region_code, lp.chain_code, lp.category, lp.stage,
       lp.total_investment_wan, lp.planned, lp.actual, lp.expected12, lp.actual_start_date, lp.planned_start_date,
       CASE WHEN ${overdueStartSql('lp')} THEN 1 ELSE 0 END AS overdue,
       CASE WHEN ${conditionalOverdueSql('lp')} THEN 1 ELSE 0 END AS conditional_overdue
  FROM lp
 WHERE ${listedWhere(filter)}
 ORDER BY lp.category, lp.code
 LIMIT :limit OFFSET :offset`;
}

export function listedProjectsCountSql(filter: ListedFilter): string {
  return `SELECT COUNT(*) AS total FROM lp WHERE ${listedWhere(filter)}`;
}
