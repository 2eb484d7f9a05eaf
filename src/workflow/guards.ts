import type { ErrorDetail } from '../common/index.js';

/**
 * What every machine's guards share (docs/architecture.md "Workflows"): a guard is a pure
 * function that returns every reason an event is refused, so a refusal names them all.
 */
export type GuardFailure = ErrorDetail & { field: string };

export const hasText = (value: string | null | undefined): boolean => typeof value === 'string' && value.trim() !== '';

/** A reason with something in it, else one failure naming the action. */
export function needReason(event: { reason?: string }, action: string): GuardFailure[] {
  return hasText(event.reason) ? [] : [{ field: 'reason', code: 'reasonRequired', message: `${action}需要填写原因` }];
}

/** A date that is given and not after today, else the failure naming the action. */
export function needDateNotAfterToday(date: string | undefined, today: string, action: string): GuardFailure[] {
  if (!hasText(date)) return [{ field: 'date', code: 'dateRequired', message: `${action}需要填写日期` }];
  if (date! > today) return [{ field: 'date', code: 'dateInFuture', message: `${action}日期 ${date} 不能晚于今天（${today}）` }];
  return [];
}
