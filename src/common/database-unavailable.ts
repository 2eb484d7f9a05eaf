import type { ErrorDetail } from './api-error.js';

/**
 * Whether an error means the database cannot be reached now (stopped, restarting, unreachable,
 * out of connections, a SQLite file locked or unreadable): a condition of the moment, answered
 * 503 with Retry-After, never a bug (docs/api.md "Errors"). Read from the driver's error, which
 * TypeORM keeps as `driverError`: PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P
 * (operator intervention: admin shutdown, cannot connect now), 53300 (too many connections), the
 * socket's own codes, pg's words for a dropped connection; SQLite's busy, cannot-open and I/O codes.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const DROPPED = /connection terminated|terminating connection|not queryable|timeout exceeded when trying to connect|connection (?:error|ended|refused)|database system is (?:shutting down|starting up|in recovery mode)/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (SOCKET_CODES.has(code) || /^08/.test(code) || /^57P0[123]$/.test(code) || code === '53300') return true;
    if (/^SQLITE_(BUSY|LOCKED|CANTOPEN|IOERR|FULL)/.test(code)) return true;
    if (typeof e.message === 'string' && DROPPED.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const DATABASE_RETRY_SECONDS = 5;

export const DATABASE_UNAVAILABLE: ErrorDetail = { code: 'databaseUnavailable', message: '数据库暂时无法访问，请稍后重试（没有执行任何修改）' };
