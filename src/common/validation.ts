import { HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy, type ValidationOptions } from 'class-validator';
import { ApiError, type ErrorDetail } from './api-error.js';
import { isYearInRange } from './calendar.js';
import { yearOf } from './period.js';

/**
 * One ValidationPipe for the whole app, and the small composite decorators the DTOs use.
 *
 * Status: a request whose shape is wrong (unknown field, wrong type, bad date or month
 * format) is 400; a well-formed value that breaks a rule (negative or fractional money,
 * too long) is 422. Either way `details` lists every field with a code and a message.
 */
const SHAPE_CONSTRAINTS = new Set([
  'whitelistValidation',
  'isString',
  'isNumber',
  'isBoolean',
  'isObject',
  'isArray',
  'isIn',
  'isEnum',
  'isCalendarDate',
  'isMonth',
  'isQueryInt',
  'isQueryText',
  'isDefined',
  'nestedValidation',
]);

/** Upper bound for any 万元 figure: 2亿亿, far above any project, inside a 32-bit integer. */
export const MAX_WAN = 2_000_000_000;

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      details.push({
        field,
        code: code === 'whitelistValidation' ? 'unknownField' : code,
        message: code === 'whitelistValidation' ? `不允许的字段：${field}` : message,
      });
    }
    if (error.children?.length) details.push(...flatten(error.children, field));
  }
  return details;
}

export function validationExceptionFactory(errors: ValidationError[]): ApiError {
  const details = flatten(errors);
  const shapeError = details.some((d) => SHAPE_CONSTRAINTS.has(d.code) || d.code === 'unknownField');
  return shapeError
    ? new ApiError(HttpStatus.BAD_REQUEST, '请求参数格式错误', details)
    : new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, '请求参数不符合业务规则', details);
}

/**
 * Names every object inherits (`constructor`, `toString`, `valueOf`, `__proto__`, …).
 * class-validator's whitelist looks field names up in a plain object, where these names
 * are always "found", so they would slip past the unknown-field check: they are refused
 * here first, as own properties at any depth of a body or query.
 */
const INHERITED_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

function inheritedNameFields(value: unknown, prefix = ''): ErrorDetail[] {
  if (value === null || typeof value !== 'object') return [];
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(value)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (INHERITED_NAMES.has(key)) details.push({ field, code: 'unknownField', message: `不允许的字段：${field}` });
    else details.push(...inheritedNameFields((value as Record<string, unknown>)[key], field));
  }
  return details;
}

/**
 * The global pipe: inherited names refused, then class-validator with the options below.
 * Path parameters are left as the text that was sent, for their own pipes (http-params.ts):
 * converted here first, `+13`, `013`, `0x0d` and `1e1` would reach them as numbers.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'param') return value;
    if (metadata.type === 'body' || metadata.type === 'query') {
      const details = inheritedNameFields(value);
      if (details.length) throw new ApiError(HttpStatus.BAD_REQUEST, '请求参数格式错误', details);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: validationExceptionFactory,
  });
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isYearInRange(yearOf(value))) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD` that exists (2024-02-30 does not), in the years 2000–2100. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRealDate(value),
        defaultMessage: (args) => `${args?.property} 必须是 2000–2100 年间的有效日期，格式 YYYY-MM-DD`,
      },
    },
    options,
  );
}

/** A month `YYYY-MM` in the years 2000–2100. */
export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && isYearInRange(yearOf(value));
}

/** A month `YYYY-MM`. */
export function IsMonth(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMonth',
      validator: {
        validate: isMonth,
        defaultMessage: (args) => `${args?.property} 必须是 2000–2100 年间的月份，格式 YYYY-MM`,
      },
    },
    options,
  );
}

/** Money in integer 万元, ≥ 0: a number (400 otherwise) that is a whole, non-negative amount (422 otherwise). */
export function IsWan(options: { each?: boolean } = {}): PropertyDecorator {
  const each = options.each ?? false;
  return applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { each, message: '金额必须是数字（万元）' }),
    IsInt({ each, message: '金额必须是整数万元，不能有小数' }),
    Min(0, { each, message: '金额不能为负数' }),
    Max(MAX_WAN, { each, message: `金额不能超过 ${MAX_WAN} 万元` }),
  );
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** In a one-line query value even tab and newlines are control characters. */
const QUERY_CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

/** Free text a person typed: a string, within a length, with no control characters (tab and newlines allowed). */
export function IsText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '必须是文本' }),
    MaxLength(maxLength, { message: `长度不能超过 ${maxLength} 个字符` }),
    Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/su, { message: '不能包含控制字符' }),
  );
}

/**
 * What a name may not hold: every control character (tab, line feed and carriage return
 * included, C1 controls such as U+0085 too), the line and paragraph separators, and the
 * invisible direction overrides. A name is printed on one line — in a list, a log line, an
 * audit entry — and one with a line break could write a fake line into a log.
 */
const NAME_FORBIDDEN = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * A name or other one-line text (a display token's, a project's, an investor's, a department's):
 * a string within a length with no control character of any kind, else a 422 naming the field
 * (code `controlCharacters`). Free text that may run over lines takes IsText.
 */
export function IsName(maxLength: number): PropertyDecorator {
  return applyDecorators(
    IsString({ message: '必须是文本' }),
    MaxLength(maxLength, { message: `长度不能超过 ${maxLength} 个字符` }),
    ValidateBy({
      name: 'controlCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !NAME_FORBIDDEN.test(value),
        defaultMessage: (args) => `${args?.property} 不能包含换行、制表符等控制字符`,
      },
    }),
  );
}

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * A text query parameter (a search, a code): a string within a length and without control
 * characters, else a 400. `q=%00` must not reach a LIKE pattern, where SQLite would end
 * the pattern at the NUL and match everything.
 */
export function QueryText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    ValidateBy({
      name: 'isQueryText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && value.length <= maxLength && !QUERY_CONTROL_CHARACTERS.test(value),
        defaultMessage: (args) => `${args?.property} 必须是不超过 ${maxLength} 个字符、不含控制字符的文本`,
      },
    }),
  );
}

/** An integer query parameter within bounds, written canonically (no `+`, no leading zeros); a malformed one is a 400. */
export function QueryInt(min: number, max: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' && /^(0|-?[1-9]\d{0,15})$/.test(value) ? Number(value) : value)),
    ValidateBy({
      name: 'isQueryInt',
      validator: {
        validate: (value: unknown) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
        defaultMessage: (args) => `${args?.property} 必须是 ${min}–${max} 之间的整数`,
      },
    }),
  );
}

/** Largest page any list endpoint serves (docs/api.md: `pageSize` up to 500). */
export const MAX_PAGE_SIZE = 500;

/** `?page=`: optional, 1-based. */
export const PageQuery = () => applyDecorators(ApiPropertyOptional({ default: 1 }), IsOptional(), QueryInt(1, 1_000_000));

/** `?pageSize=`: optional, up to 500. */
export const PageSizeQuery = (fallback = 50) =>
  applyDecorators(ApiPropertyOptional({ default: fallback, maximum: MAX_PAGE_SIZE }), IsOptional(), QueryInt(1, MAX_PAGE_SIZE));
