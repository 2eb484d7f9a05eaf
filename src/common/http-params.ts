import type { ArgumentMetadata } from '@nestjs/common';
import { badRequest } from './api-error.js';
import { isYearInRange, MAX_YEAR, MIN_YEAR, parseInstant } from './calendar.js';
import { hasControlCharacters, isMonth } from './validation.js';

/** Largest id a path may name: the databases' 32-bit integer key (PostgreSQL `integer`). */
const MAX_ID = 2_147_483_647;

/**
 * Id route parameters (`:id`, `:projectId`): a positive integer written canonically, digits
 * only with no leading zero, else a 400 in the contract's shape. `0x0d`, `+13`, `013`,
 * `13.0` and `1e1` are refused rather than read as 13 or 10.
 */
export const IdParam = {
  transform(value: string, metadata?: ArgumentMetadata): number {
    const field = metadata?.data ?? 'id';
    if (!/^[1-9]\d{0,9}$/.test(value) || Number(value) > MAX_ID)
      throw badRequest('编号必须是正整数', [{ field, code: 'invalidId', message: '编号必须是不带前导零的正整数' }]);
    return Number(value);
  },
};

/** `:year` route parameters: a year 2000–2100, else a 400. */
export const YearParam = {
  transform(value: string): number {
    if (!/^\d{4}$/.test(value) || !isYearInRange(Number(value)))
      throw badRequest('年份格式错误', [{ field: 'year', code: 'invalidYear', message: `年份必须是 ${MIN_YEAR}–${MAX_YEAR} 的四位整数` }]);
    return Number(value);
  },
};

/** `:month` route parameters as a number 1–12 written canonically (`1`, not `01` or `1e1`), else a 400. */
export const MonthNumberParam = {
  transform(value: string): number {
    if (!/^(1[0-2]|[1-9])$/.test(value))
      throw badRequest('月份必须是 1–12', [{ field: 'month', code: 'invalidMonth', message: '月份必须是 1–12 的整数（不带前导零）' }]);
    return Number(value);
  },
};

/** `:quarter` route parameters: 1–4 written canonically, else a 400. */
export const QuarterParam = {
  transform(value: string): number {
    if (!/^[1-4]$/.test(value))
      throw badRequest('季度必须是 1–4', [{ field: 'quarter', code: 'invalidQuarter', message: '季度必须是 1–4 的整数' }]);
    return Number(value);
  },
};

/** `:month` route parameters: `YYYY-MM`, else a 400. */
export const MonthParam = {
  transform(value: string): string {
    if (!isMonth(value)) throw badRequest('月份格式错误', [{ field: 'month', code: 'isMonth', message: '月份格式应为 YYYY-MM' }]);
    return value;
  },
};

/** `If-Match: "3"`, `W/"3"` or `3` → 3; absent → undefined; anything else → 400. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  if (!match) throw badRequest('If-Match 头格式错误', [{ field: 'If-Match', code: 'invalidIfMatch', message: 'If-Match 应为版本号，如 "3"' }]);
  return Number(match[1]);
}

/** Who is acting: the signed-in user's name (set by the auth guard from the token). */
export function actorOf(request: object): string {
  const { user } = request as { user?: { username: string } };
  if (!user) throw new Error('actorOf on a request without a signed-in user');
  return user.username;
}

/** An optional `?reason=` on a DELETE: text up to 1000 characters, else a 400. */
export function reasonQuery(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > 1000 || hasControlCharacters(value))
    throw badRequest('reason 格式错误', [{ field: 'reason', code: 'invalidReason', message: '原因须为不超过 1000 字的文本' }]);
  return value;
}

/** Parses `asOf` (ISO 8601 with offset) into the stored instant form, or answers 400. */
export function asOfParam(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const instant = parseInstant(value);
  if (!instant) throw badRequest('asOf 格式错误', [{ field: 'asOf', code: 'invalidInstant', message: 'asOf 应为带时区的 ISO 8601 时刻，如 2024-11-05T10:00:00+08:00' }]);
  return instant;
}
