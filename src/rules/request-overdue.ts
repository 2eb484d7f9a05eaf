import { roundDiv } from '../common/index.js';
import { daysBetween } from './working-days.js';
import { sqlCodes } from '../database/index.js';

/**
 * When a request (要素保障需求) is open and when it is overdue (docs/domain/requests.md
 * "Overdue"), as SQL over one replayed request row `rq` (status, accept_due, promised_date)
 * and the reference date `:refDate`:
 *  - open: the department (or the 常务会) still owes an answer: raised, accepted, escalated,
 *    decided (the 常务会's decision being carried out);
 *  - overdue: open, and the date it is waiting on has passed — the acceptance deadline
 *    (accept_due: N working days after it was raised) while it is not accepted, the promised
 *    date once it is; an escalated request keeps the deadline it had (its promised date when
 *    it had been accepted, else the acceptance deadline); a decided one the 常务会's deadline
 *    (kept as its promised date). On the due date itself it is in time.
 * Resolved and answered requests (awaiting the 反馈 and the enterprise's evaluation), closed and
 * returned ones are neither.
 */
/** The statuses in which a request waits on a department (or the 常务会): what "open" counts. */
export const OPEN_REQUEST_STATUSES = ['raised', 'accepted', 'escalated', 'decided'] as const;

/** The statuses that end a request: the loop closed, or returned (final). */
export const ENDED_REQUEST_STATUSES = ['closed', 'returned'] as const;

export function requestOpenSql(rq = 'rq'): string {
  return `(${rq}.status IN ${sqlCodes(OPEN_REQUEST_STATUSES)})`;
}

/** The date an open request waits on (NULL when it is not open). */
export function requestDueSql(rq = 'rq'): string {
  return `(CASE WHEN ${rq}.status = 'raised' THEN ${rq}.accept_due
               WHEN ${rq}.status IN ('accepted', 'decided') THEN ${rq}.promised_date
               WHEN ${rq}.status = 'escalated' THEN COALESCE(${rq}.promised_date, ${rq}.accept_due)
          END)`;
}

export function requestOverdueSql(rq = 'rq'): string {
  return `(${requestDueSql(rq)} < :refDate)`;
}

/** Whole days a request is past its due date on `refDate` (1 the day after it was due). */
export function daysOverdue(due: string, refDate: string): number {
  return daysBetween(due, refDate);
}

/**
 * 平均办结天数: the mean of calendar days from raised to closed over the closed requests, to one
 * decimal rounded half up, from the integer sum of days and the count (null when none closed).
 */
export function meanDays(sumDays: number, closed: number): number | null {
  if (closed === 0) return null;
  return roundDiv(sumDays * 10, closed) / 10;
}
