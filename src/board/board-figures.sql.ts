import { createHash } from 'node:crypto';
import { sqlIntegers } from '../database/index.js';
import { figuresThroughSql } from '../reports/index.js';
import {
  conditionalCommitmentsSql,
  conditionalOverdueSql,
  hasHaltEventsSql,
  haltedSql,
  type ListedSet,
  laggingSql,
  lastHaltEventSql,
  monthOfYearSql,
  overdueMilestoneSql,
  overdueStartSql,
  projectExpected12Sql,
} from '../rules/index.js';
import { COUNT_MONTH_COLUMNS, FIGURE_MONTH_COLUMNS } from './board-figures.entities.js';

/**
 * The kept board's SQL (board-figures.ts; docs/board.md "Kept figures"). Every figure is the
 * same rule the board applies to its per-project rows (src/rules/), evaluated here once per listed
 * project and year when its data changes, instead of for every project on every board.
 *
 * The statements that write are text without parameters (ids and years as checked integer
 * literals), so that the write transaction runs them as one script (database/sql.ts `sqlScript`).
 * `which` restricts a statement to some projects or years, or none (all).
 */
export type Which = { ids: number[] } | { years: number[] } | 'all' | { idsIn: string } | { yearsIn: string };

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const mm = (month: number) => String(month).padStart(2, '0');
/** Every list entry and approval status recorded so far (the kept figures are the current board's). */
const EVERYTHING_RECORDED = "'9999-12-31T23:59:59.999Z'";

function where(which: Which, alias: string): string {
  if (which === 'all') return 'TRUE';
  if ('ids' in which) return `${alias}.project_id IN (${sqlIntegers(which.ids)})`;
  if ('years' in which) return `${alias}.year IN (${sqlIntegers(which.years)})`;
  // An array named in a PostgreSQL function's body (followFunctionSql).
  return 'idsIn' in which ? `${alias}.project_id = ANY(${which.idsIn})` : `${alias}.year = ANY(${which.yearsIn})`;
}

/**
 * What following a write runs (board-figures.ts): for changed projects, their old figures taken
 * out of their groups, their rows built again, the new figures added; for years whose plan
 * changed, the red list's candidates of those years again.
 */
export function followProjectsSql(which: Which): string[] {
  return [addToGroupsSql(which, -1, true), deleteSql('board_member', which), deleteSql('board_red', which), insertMembersSql(which), addToGroupsSql(which, 1, true), insertRedSql(which)];
}

export function followYearsSql(which: Which): string[] {
  return [deleteSql('board_red', which), insertRedSql(which)];
}

/**
 * On PostgreSQL the same statements as one server-side function of the changed ids and years:
 * PL/pgSQL plans each statement once per connection and keeps the plan, where the script sent as
 * text is planned again on every write (most of its cost; docs/benchmarks.md). The plans are the
 * generic ones (an array of any length), which PostgreSQL would otherwise keep re-planning. Named
 * by a hash of its definition, so servers of two versions on one database each call their own.
 */
export function followFunctionSql(): { name: string; create: string } {
  const body = `BEGIN
  IF cardinality(p_ids) > 0 THEN
    ${followProjectsSql({ idsIn: 'p_ids' }).join(';\n    ')};
  END IF;
  IF cardinality(p_years) > 0 THEN
    ${followYearsSql({ yearsIn: 'p_years' }).join(';\n    ')};
  END IF;
END`;
  const definition = `(p_ids integer[], p_years integer[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $board$\n${body}\n$board$`;
  const name = `board_follow_${createHash('sha256').update(definition).digest('hex').slice(0, 12)}`;
  return { name, create: `CREATE OR REPLACE FUNCTION ${name}${definition}` };
}

/** Rows of the projects or years taken out of a kept table. */
export function deleteSql(table: 'board_member' | 'board_red', which: Which): string {
  return `DELETE FROM ${table} WHERE ${where(which, table)}`;
}

const MEMBER_COLUMNS = [
  'project_id', 'year', 'region_code', 'chain_code', 'category', 'is_key', 'planned', 'start_month', 'completion_month',
  'region_sort', 'code', 'stage', 'planned_start_date', 'actual_start_date', 'conditional_commitment', 'has_halts', ...FIGURE_MONTH_COLUMNS,
];

/**
 * One row per current list entry: its group (place, chain, list, key flag), its plan, its actual
 * and 12 × expected through each month (projectExpected12Sql), the months it started and completed
 * in, and what the red list reads.
 */
export function insertMembersSql(which: Which): string {
  const yearStart = `(CAST(l.year AS VARCHAR(4)) || '-01-01')`;
  const yearEnd = `(CAST(l.year AS VARCHAR(4)) || '-12-31')`;
  return `
WITH cond AS (${conditionalCommitmentsSql(EVERYTHING_RECORDED)})
INSERT INTO board_member (${MEMBER_COLUMNS.join(', ')})
SELECT l.project_id, l.year, COALESCE(p.region_code, ''), COALESCE(p.chain_code, ''), l.category, CASE WHEN l.key_project THEN 1 ELSE 0 END,
       l.planned_investment_wan,
       ${monthOfYearSql('p.actual_start_date', yearStart, yearEnd)}, ${monthOfYearSql('p.actual_completion_date', yearStart, yearEnd)},
       COALESCE(g.sort_order, 999999), p.code, p.stage, p.planned_start_date, p.actual_start_date, cond.commitment,
       ${hasHaltEventsSql('l.project_id')},
       ${MONTHS.map((m) => `COALESCE(${figuresThroughSql('f', m)}, 0)`).join(',\n       ')},
       ${MONTHS.map((m) => projectExpected12Sql(m)).join(',\n       ')}
  FROM list_entry l
  JOIN project p ON p.id = l.project_id
  LEFT JOIN project_year_figure f ON f.project_id = l.project_id AND f.year = l.year
  LEFT JOIN region g ON g.code = p.region_code
  LEFT JOIN cond ON cond.project_id = l.project_id
 WHERE l.removed_at IS NULL AND ${where(which, 'l')}`;
}

const GROUP_KEY = ['year', 'region_code', 'chain_code', 'category', 'is_key'];
const GROUP_SUMS = ['projects', 'planned', ...FIGURE_MONTH_COLUMNS, ...COUNT_MONTH_COLUMNS];

/**
 * Adds (sign +1) or takes away (−1) the members' figures to or from their groups' sums: every
 * group sum is a sum over members, so a member's change is applied as its old row taken away and
 * its new row added.
 */
export function addToGroupsSql(which: Which, sign: 1 | -1, upsert: boolean): string {
  const s = sign < 0 ? '-' : '';
  const counted = (column: 'start_month' | 'completion_month', month: number) => `${s}SUM(CASE WHEN m.${column} = ${month} THEN 1 ELSE 0 END)`;
  const sums = [
    `${s}COUNT(*)`,
    `${s}SUM(m.planned)`,
    ...FIGURE_MONTH_COLUMNS.map((c) => `${s}SUM(m.${c})`),
    ...[0, ...MONTHS].map((month) => counted('start_month', month)),
    ...[0, ...MONTHS].map((month) => counted('completion_month', month)),
  ];
  return `
INSERT INTO board_group (${[...GROUP_KEY, ...GROUP_SUMS].join(', ')})
SELECT ${GROUP_KEY.map((c) => `m.${c}`).join(', ')}, ${sums.join(', ')}
  FROM board_member m
 WHERE ${where(which, 'm')}
 GROUP BY ${GROUP_KEY.map((c) => `m.${c}`).join(', ')}${
   upsert
     ? `
ON CONFLICT (${GROUP_KEY.join(', ')}) DO UPDATE SET ${GROUP_SUMS.map((c) => `${c} = board_group.${c} + excluded.${c}`).join(', ')}`
     : ''
 }`;
}

const RED_COLUMNS = ['project_id', 'year', 'month', 'region_sort', 'code', 'category', 'stage', 'planned_start_date', 'actual_start_date', 'conditional_commitment', 'last_halt_event', 'actual', 'expected12'];

/**
 * The red list's candidates: each member in each month of its year where the red list's rules
 * (rules/red-list.ts) put it there with the month's last day as the reference date. A board of
 * the running month applies the same rules again with its own reference date (an earlier day
 * only ever takes rows away), so reading candidates by index gives the same list.
 */
export function insertRedSql(which: Which): string {
  const byMonth = (prefix: string) => `CASE mo.month ${MONTHS.map((m) => `WHEN ${m} THEN m.${prefix}${mm(m)}`).join(' ')} END`;
  return `
INSERT INTO board_red (${RED_COLUMNS.join(', ')})
SELECT ${RED_COLUMNS.map((c) => `c.${c}`).join(', ')}
  FROM (
    SELECT m.project_id, m.year, mo.month, mo.month_end, t.rating_yellow_pct AS yellow_pct, m.region_sort, m.code, m.category, m.stage,
           m.planned_start_date, m.actual_start_date, m.conditional_commitment,
           CASE WHEN m.has_halts = 1 THEN ${lastHaltEventSql('m.project_id', 'mo.month_end')} END AS last_halt_event,
           ${byMonth('ac')} AS actual,
           ${byMonth('e')} AS expected12
      FROM board_member m
      JOIN year_target t ON t.year = m.year
      JOIN board_month mo ON mo.year = m.year
     WHERE ${where(which, 'm')}
  ) c
 WHERE ${laggingSql('c', { yellowPct: 'c.yellow_pct' })}
    OR ${overdueStartSql('c', { refDate: 'c.month_end', monthEnd: 'c.month_end' })}
    OR ${haltedSql('c')}
    OR ${conditionalOverdueSql('c', { refDate: 'c.month_end' })}
    OR ${overdueMilestoneSql('c', { asOf: EVERYTHING_RECORDED, refDate: 'c.month_end', monthEnd: 'c.month_end' })} IS NOT NULL`;
}

/** The board's groups through month M (the rows BOARD_SQL groups, read from the kept sums). */
export function keptGroupsSql(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month out of range: ${month}`);
  const through = (prefix: string, from: number, to: number) => MONTHS.filter((m) => m >= from && m <= to).map((m) => `g.${prefix}${mm(m)}`).join(' + ') || '0';
  return `
SELECT NULLIF(g.region_code, '') AS region_code, NULLIF(g.chain_code, '') AS chain_code, g.category, g.is_key,
       g.projects, g.planned AS plan,
       g.ac${mm(month)} AS actual, g.e${mm(month)} AS expected12,
       ${month > 1 ? `g.ac${mm(month - 1)}` : '0'} AS actual_prev, ${month > 1 ? `g.e${mm(month - 1)}` : '0'} AS expected12_prev,
       (${through('s', 1, month)}) AS started,
       (g.s00 + ${through('s', 1, month)}) AS started_by_month_end,
       (g.c00 + ${through('c', 1, month)}) AS completed_by_month_end
  FROM board_group g
 WHERE g.year = :year AND g.projects <> 0`;
}

/** The red list of month M from its candidates, by the rules with the board's own reference date; in region order, then code. */
export const KEPT_RED_SQL = `
SELECT r.project_id, p.code, p.name, p.region_code, p.chain_code, r.category, r.stage, r.planned_start_date, r.actual, r.expected12,
       r.conditional_commitment,
       CASE WHEN ${laggingSql('r')} THEN 1 ELSE 0 END AS lagging,
       CASE WHEN ${overdueStartSql('r')} THEN 1 ELSE 0 END AS overdue,
       CASE WHEN ${haltedSql('r')} THEN 1 ELSE 0 END AS halted,
       CASE WHEN ${conditionalOverdueSql('r')} THEN 1 ELSE 0 END AS conditional_overdue,
       ${overdueMilestoneSql('r')} AS milestone_overdue
  FROM board_red r
  JOIN project p ON p.id = r.project_id
 WHERE r.year = :year AND r.month = :month
   AND (${laggingSql('r')} OR ${overdueStartSql('r')} OR ${haltedSql('r')} OR ${conditionalOverdueSql('r')} OR ${overdueMilestoneSql('r')} IS NOT NULL)
 ORDER BY r.region_sort, r.code
 LIMIT :redListLimit`;

/** The implementation list's actual through each month of the year (the curve), from the kept sums. */
export const KEPT_CURVE_SQL = `
SELECT ${MONTHS.map((m) => `SUM(g.ac${mm(m)}) AS ac${mm(m)}`).join(', ')}
  FROM board_group g
 WHERE g.year = :year AND g.category = 'implementation'`;

/**
 * The current board's listed set (rules/responsibility.ts `ListedSet`) from the kept figures: one
 * member per current list entry, so the count is the groups' sum and membership a primary-key probe.
 */
export const KEPT_LISTED: ListedSet = {
  count: 'SELECT COALESCE(SUM(g.projects), 0) FROM board_group g WHERE g.year = :year',
  includes: (projectId) => `EXISTS (SELECT 1 FROM board_member m WHERE m.project_id = ${projectId} AND m.year = :year)`,
};
