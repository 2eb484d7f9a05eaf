/**
 * A month is closed once a bulletin (月通报) covering it has been published: the bulletin
 * of year Y, month m covers months 1..m of Y (docs/domain/figures.md "Bulletins"). A new
 * report revision for a closed month needs a correction reason and is marked as a correction.
 */

/**
 * Whether bulletin row `b` covers a month, as SQL; `month` is a column or parameter holding
 * `YYYY-MM` text (report_revision.month, or `:month`).
 */
export function bulletinCoversSql(b: string, month: string): string {
  return `(${b}.year = CAST(substr(${month}, 1, 4) AS integer) AND ${b}.month >= CAST(substr(${month}, 6, 2) AS integer))`;
}

/** The bulletin that closed `:month` (the earliest covering it), if any: one row (year, month) or none. */
export const CLOSING_BULLETIN_SQL = `
SELECT b.year, b.month FROM bulletin b
 WHERE ${bulletinCoversSql('b', ':month')}
 ORDER BY b.month LIMIT 1`;
