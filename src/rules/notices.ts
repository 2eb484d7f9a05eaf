import { monthOf, nextMonth, previousMonth, type Month } from '../common/period.js';
import { daysBetween, onOrAfterWorkingDay, subtractWorkingDays } from './working-days.js';

/**
 * When a notice is due (docs/notifications.md "Rules"): pure functions over calendar dates
 * (YYYY-MM-DD in the city's zone) and the facts the notifications module reads through the
 * owners' services. Who is told is a setting; what is late is decided here, once.
 */
export const NOTICE_KINDS = ['report-missing', 'request-overdue', 'commitment-due', 'commitment-lapsed', 'start-overdue', 'red-list', 'bulletin-published'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Whom a notice may go to, relative to its subject: the county of the project (every county for a
 * bulletin), the department a request or approval is with, the project's chain team, the city
 * office, the project's 包联领导 and 服务专员 (every leader for a bulletin).
 */
export const NOTICE_RECIPIENTS = ['county', 'department', 'chain', 'city', 'responsible'] as const;
export type NoticeRecipient = (typeof NOTICE_RECIPIENTS)[number];

/** A notice's key: one notice per rule, subject and period, however often the rules run. */
export function noticeKey(kind: NoticeKind, subject: string, period: string): string {
  return `${kind}:${subject}:${period}`;
}

/**
 * The day month M's report is due: day `dueDay` (1–28) of the month after M, moved to the next
 * working day when it falls on a weekend (holidays are not modelled: rules/working-days.ts).
 */
export function reportDueDate(month: Month, dueDay: number): string {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 28) throw new Error(`due day must be 1–28, got ${dueDay}`);
  return onOrAfterWorkingDay(`${nextMonth(month)}-${String(dueDay).padStart(2, '0')}`);
}

export interface ReportNotice {
  /** The month whose report is chased. */
  month: Month;
  /** reminder: within the window before the due day (the due day included); missing: after it. */
  stage: 'reminder' | 'missing';
  dueDate: string;
}

/**
 * 缺报 on `today`, for the month before today's (its due day is in today's month) and for today's
 * month (its due day is next month, and a window may start before the month ends): a reminder
 * from `reminderWorkingDays` working days before the due date up to the due date itself; "missing"
 * from the day after it (to the end of the month it was due in: the key makes later runs of that
 * month add nothing). Before the window: nothing.
 */
export function reportNotices(today: string, window: { dueDay: number; reminderWorkingDays: number }): ReportNotice[] {
  const notices: ReportNotice[] = [];
  const previous = previousMonth(monthOf(today));
  const previousDue = reportDueDate(previous, window.dueDay);
  if (today > previousDue) notices.push({ month: previous, stage: 'missing', dueDate: previousDue });
  else if (today >= subtractWorkingDays(previousDue, window.reminderWorkingDays)) notices.push({ month: previous, stage: 'reminder', dueDate: previousDue });
  const current = monthOf(today);
  const currentDue = reportDueDate(current, window.dueDay);
  if (today >= subtractWorkingDays(currentDue, window.reminderWorkingDays)) notices.push({ month: current, stage: 'reminder', dueDate: currentDue });
  return notices;
}

/**
 * A 容缺受理 commitment on `today`: lapsed the day after its date; due from `withinDays` calendar
 * days before it up to the date itself; otherwise nothing yet.
 */
export function commitmentNotice(commitmentDate: string, today: string, withinDays: number): 'commitment-due' | 'commitment-lapsed' | null {
  const left = daysBetween(today, commitmentDate);
  if (left < 0) return 'commitment-lapsed';
  return left <= withinDays ? 'commitment-due' : null;
}

/** Whether a wall-clock time `HH:MM` is inside quiet hours [from, to) (which may run past midnight; from = to: none). */
export function inQuietHours(time: string, quiet: { from: string; to: string } | null): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  return quiet.from < quiet.to ? time >= quiet.from && time < quiet.to : time >= quiet.from || time < quiet.to;
}

/** Minutes to wait after the n-th failed attempt (1-based) before the next; null: give up (failed). */
export const RETRY_DELAYS_MINUTES = [1, 5, 15, 60] as const;

export function retryDelayMinutes(failedAttempts: number): number | null {
  return RETRY_DELAYS_MINUTES[failedAttempts - 1] ?? null;
}

/** A channel that failed this many attempts in a row is shown as failing (the board's freshness line). */
export const CHANNEL_FAILING_AFTER = 3;
