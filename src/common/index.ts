/** common: the module's public face — what other modules may use (docs/architecture.md). */
export { AllExceptionsFilter } from './all-exceptions.filter.js';
export { ApiError, RetryLater, badRequest, conflict, notFound, preconditionFailed, unprocessable, type ErrorDetail } from './api-error.js';
export { ApiFileResponse, ApiPageResponse, ApiWan, pageSchema } from './api-docs.js';
export { attachment } from './attachment.js';
export { MAX_YEAR, MIN_YEAR, parseInstant, roundDiv } from './calendar.js';
export { Clock } from './clock.js';
export { IdParam, MonthNumberParam, MonthParam, QuarterParam, YearParam, actorOf, asOfParam, parseIfMatch, reasonQuery } from './http-params.js';
export { verifyJsonBody } from './json-body.js';
export { JsonOnlyGuard } from './json-only.guard.js';
export { formatPercent, formatYi, formatYiShort } from './money.js';
export { type Page } from './page.js';
export { projectRoot } from './paths.js';
export { boardMonthOf, lastMonthOf, monthKey, monthNumberOf, monthOf, periodParams, previousMonth, yearOf } from './period.js';
export { assignRequestId } from './request-id.js';
export { logSafe, logValue, OneLineLogger } from './log-line.js';
export { IsCalendarDate, IsMonth, IsName, IsText, IsWan, MAX_WAN, PageQuery, PageSizeQuery, QueryInt, QueryText, createValidationPipe, hasControlCharacters, validationExceptionFactory } from './validation.js';
export { CountCache, cursorOf, keyOfCursor } from './keyset.js';
