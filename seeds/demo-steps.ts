/**
 * What the illustrative demo does after its 2024 set (seeds/demo-2024.ts, as of early November
 * 2024): dated steps on projects named by code — approvals obtained, planned start and completion set,
 * lifecycle events, monthly reports — and the rule that decides which of them have happened on the day the demo is loaded.
 *
 * ILLUSTRATIVE, NOT OFFICIAL (like everything in seeds/).
 */
import type { ApprovalKey } from '../src/lifecycle/index.js';

export type DemoStep =
  | { kind: 'approvals'; code: string; approvals: Partial<Record<ApprovalKey, string>>; at: string }
  | { kind: 'plannedStart'; code: string; date: string; completion: string; at: string }
  | { kind: 'event'; code: string; event: { type: 'PROMOTE' } | { type: 'START' | 'RESUME' | 'COMPLETE'; date: string }; at: string }
  | { kind: 'report'; code: string; month: string; amountWan: number; progress: string; problems: string | null; at: string };

/** Steps in the order they were recorded (ties: by project code, so the order never depends on the generator's). */
export function inTimeOrder<T extends { at: string; code?: string }>(steps: T[]): T[] {
  return [...steps].sort((a, b) => a.at.localeCompare(b.at) || (a.code ?? '').localeCompare(b.code ?? ''));
}

/**
 * "Today" for the demo: the instant it is loaded, and the month whose figures are being collected
 * (last month in the calendar zone, src/common/period.ts `lastMonthOf`).
 */
export interface DemoToday {
  /** ISO instant. */
  now: string;
  /** YYYY-MM: the month before today's. */
  lastMonth: string;
}

const MINUTE_MS = 60_000;
const minutesBefore = (instant: string, minutes: number): string => new Date(Date.parse(instant) - minutes * MINUTE_MS).toISOString();

/**
 * Whether a dated record has happened by `today`, and when it is recorded. Anything recorded
 * after now is left out — except the month-end filings of a month that is over (a month's
 * report or 到位资金, `month` ≤ last month): those are pulled in, just before now, so the month
 * being collected has its figures on whatever day of the next month the demo is opened.
 * Returns the instant to record it at, or null when it has not happened yet.
 */
export function happenedBy(today: DemoToday, at: string, filingOf?: string): string | null {
  if (at <= today.now) return at;
  if (filingOf !== undefined && filingOf <= today.lastMonth) return minutesBefore(today.now, 10);
  return null;
}

/** The steps that have happened by `today`, each at the instant it is recorded, in time order. */
export function stepsBy<T extends DemoStep>(today: DemoToday, steps: T[]): T[] {
  const kept: T[] = [];
  for (const step of steps) {
    const at = happenedBy(today, step.at, step.kind === 'report' ? step.month : undefined);
    if (at !== null) kept.push({ ...step, at });
  }
  return inTimeOrder(kept);
}

/**
 * When a month's bulletin (月通报) is published: on the 8th of the next month, 10:00 Beijing time;
 * for the month just over, on a day before the 8th, just before now — but never before the month
 * has ended (publishing is refused until then), so on the 1st it is published at now itself.
 */
export function bulletinInstant(today: DemoToday, month: string, startOfThisMonth: (instant: string) => boolean): string | null {
  const [year, m] = month.split('-').map(Number);
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  const planned = `${next}-08T02:00:00.000Z`;
  if (planned <= today.now) return planned;
  if (month > today.lastMonth) return null;
  const early = minutesBefore(today.now, 5);
  return startOfThisMonth(early) ? early : today.now;
}
