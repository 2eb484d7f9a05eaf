import type { EntityManager } from 'typeorm';
import type { ErrorDetail } from '../common/index.js';
import { int, sql } from '../database/index.js';

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

export interface ClosingBulletin {
  year: number;
  month: number;
}

/** The bulletin that closed `month`, or null while it is open. */
export async function closingBulletinOf(manager: EntityManager, month: string): Promise<ClosingBulletin | null> {
  const [row] = await sql(manager, CLOSING_BULLETIN_SQL, { month });
  return row ? { year: int(row.year), month: int(row.month) } : null;
}

/** A new revision of a closed month without a reason (`what`: the figure revised, as the message names it). */
export function correctionReasonFailure(closedBy: ClosingBulletin | null, month: string, reason: string | null, what: string): ErrorDetail | null {
  if (!closedBy || reason) return null;
  return { field: 'reason', code: 'correctionReasonRequired', message: `${closedBy.year}年${closedBy.month}月通报已发布，修改 ${month} 的${what}需填写更正原因` };
}
