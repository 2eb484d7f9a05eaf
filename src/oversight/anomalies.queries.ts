import { bulletinCoversSql, filedSql, isLatestRevisionSql, wasDueToReportSql } from '../rules/index.js';

/**
 * SQL for the anomaly checks, one query per rule. Aggregates (cumulative sums, the mean of
 * the other months, counts) are computed by the database; window functions and the
 * functions used (substr, CAST, COALESCE) mean the same on SQLite and PostgreSQL.
 * Products of money are cast to bigint first: 万元 × 100 can pass 2^31 on PostgreSQL.
 *
 * Parameters: :fromMonth and :toMonth bound the year ('2024-01', '2024-12').
 */

/** The latest revision of each (project, month): the figure that counts. */
const latestOf = (where = '') => `latest AS (
  SELECT r.project_id, r.month, r.amount_wan
    FROM report_revision r
   WHERE ${isLatestRevisionSql('r')}
     ${where}
)`;

const YEAR_MONTHS = 'AND r.month >= :fromMonth AND r.month <= :toMonth';

/**
 * (a) Σ latest revisions of all months > total investment, for projects that report in the
 * year; with the first month whose running total passed the total.
 */
export const CUMULATIVE_ABOVE_TOTAL_SQL = `
WITH ${latestOf()},
running AS (
  SELECT l.project_id, l.month,
         SUM(CAST(l.amount_wan AS bigint)) OVER (PARTITION BY l.project_id ORDER BY l.month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_wan,
         SUM(CAST(l.amount_wan AS bigint)) OVER (PARTITION BY l.project_id) AS cumulative_wan
    FROM latest l
)
SELECT p.id, p.code, p.name, p.region_code, p.total_investment_wan,
       MAX(x.cumulative_wan) AS cumulative_wan, MIN(x.month) AS crossed_month
  FROM project p
  JOIN running x ON x.project_id = p.id
 WHERE p.total_investment_wan IS NOT NULL
   AND x.running_wan > p.total_investment_wan
   AND EXISTS (SELECT 1 FROM latest y WHERE y.project_id = p.id AND y.month >= :fromMonth AND y.month <= :toMonth)
 GROUP BY p.id, p.code, p.name, p.region_code, p.total_investment_wan
 ORDER BY p.code`;

/** (b) Reports of the year for months before the start month or after the completion month (or with no start at all). */
export const REPORT_OUTSIDE_PERIOD_SQL = `
WITH ${latestOf(YEAR_MONTHS)}
SELECT p.id, p.code, p.name, p.region_code, p.actual_start_date, p.actual_completion_date, l.month, l.amount_wan,
       SUM(CAST(l.amount_wan AS bigint)) OVER (PARTITION BY p.id) AS outside_wan
  FROM latest l
  JOIN project p ON p.id = l.project_id
 WHERE p.actual_start_date IS NULL
    OR l.month < substr(p.actual_start_date, 1, 7)
    OR (p.actual_completion_date IS NOT NULL AND l.month > substr(p.actual_completion_date, 1, 7))
 ORDER BY p.code, l.month`;

/** (c) A month of the year whose amount is above :pct percent of the total investment. */
export const MONTH_SHARE_ABOVE_LIMIT_SQL = `
WITH ${latestOf(YEAR_MONTHS)}
SELECT p.id, p.code, p.name, p.region_code, p.total_investment_wan, l.month, l.amount_wan
  FROM latest l
  JOIN project p ON p.id = l.project_id
 WHERE p.total_investment_wan > 0
   AND CAST(l.amount_wan AS bigint) * 100 > CAST(:pct AS bigint) * p.total_investment_wan
 ORDER BY p.code, l.month`;

/**
 * (d) A month whose amount is above K × the mean of the project's other months of the
 * year (at least :minOthers of them). K is given in tenths (:factorTenths) so the test
 * amount × others × 10 > K10 × Σothers stays in integers.
 */
export const SUDDEN_JUMP_SQL = `
WITH ${latestOf(YEAR_MONTHS)},
stats AS (
  SELECT l.project_id, l.month, l.amount_wan,
         SUM(CAST(l.amount_wan AS bigint)) OVER (PARTITION BY l.project_id) - l.amount_wan AS others_wan,
         COUNT(*) OVER (PARTITION BY l.project_id) - 1 AS others_count
    FROM latest l
)
SELECT p.id, p.code, p.name, p.region_code, s.month, s.amount_wan, s.others_wan, s.others_count
  FROM stats s
  JOIN project p ON p.id = s.project_id
 WHERE s.others_count >= :minOthers
   AND CAST(s.amount_wan AS bigint) * s.others_count * 10 > CAST(:factorTenths AS bigint) * s.others_wan
 ORDER BY p.code, s.month`;

/**
 * (e) Revisions of the year's months marked as corrections, or recorded after a bulletin
 * covering their month (a bulletin of month M covers months 1..M of its year) was published.
 */
export const REVISION_AFTER_BULLETIN_SQL = `
SELECT p.id, p.code, p.name, p.region_code, r.month, r.revision, r.amount_wan, r.recorded_at, r.correction, r.reason, r.actor,
       prev.amount_wan AS previous_wan, b.month AS bulletin_month, b.published_at
  FROM report_revision r
  JOIN project p ON p.id = r.project_id
  LEFT JOIN report_revision prev ON prev.project_id = r.project_id AND prev.month = r.month AND prev.revision = r.revision - 1
  LEFT JOIN bulletin b ON b.id = (
        SELECT b2.id FROM bulletin b2
         WHERE ${bulletinCoversSql('b2', 'r.month')} AND b2.published_at < r.recorded_at
         ORDER BY b2.published_at, b2.id LIMIT 1)
 WHERE r.month >= :fromMonth AND r.month <= :toMonth
   AND (r.correction OR b.id IS NOT NULL)
 ORDER BY p.code, r.month, r.revision`;

/**
 * (f) Months (of :months, the year's months that have ended) in which a project was in
 * implementation, from its start month to its completion or withdrawal month, with no
 * report at all.
 */
export function missingMonthsSql(monthParams: string[]): string {
  const values = monthParams.map((name) => `(CAST(:${name} AS varchar(7)))`).join(', ');
  return `
WITH months(month) AS (VALUES ${values})
SELECT p.id, p.code, p.name, p.region_code, p.stage, p.actual_start_date, p.actual_completion_date, mo.month
  FROM project p
 CROSS JOIN months mo
 WHERE ${wasDueToReportSql('p', 'mo.month')}
   AND NOT ${filedSql('p', 'mo.month')}
 ORDER BY p.code, mo.month`;
}

/** (g) The first report's month is before the month of the actual start date (start or first report in the year). */
export const START_AFTER_FIRST_REPORT_SQL = `
SELECT p.id, p.code, p.name, p.region_code, p.actual_start_date, MIN(r.month) AS first_month,
       COUNT(DISTINCT CASE WHEN r.month < substr(p.actual_start_date, 1, 7) THEN r.month END) AS months_before
  FROM project p
  JOIN report_revision r ON r.project_id = p.id
 WHERE p.actual_start_date IS NOT NULL
 GROUP BY p.id, p.code, p.name, p.region_code, p.actual_start_date
HAVING MIN(r.month) < substr(p.actual_start_date, 1, 7)
   AND ((MIN(r.month) >= :fromMonth AND MIN(r.month) <= :toMonth)
        OR (substr(p.actual_start_date, 1, 7) >= :fromMonth AND substr(p.actual_start_date, 1, 7) <= :toMonth))
 ORDER BY p.code`;
