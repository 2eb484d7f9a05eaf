import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AuthenticatedRequest } from '../access/index.js';
import { assignRequestId, logValue } from '../common/index.js';
import type { LogFormat } from '../config/index.js';

/** What one request's log line says: nothing from its headers, query string or body. */
export interface RequestLogFields {
  method: string;
  /** The route's pattern (`/api/projects/:id`), or the path without its query string when no route matched. */
  route: string;
  status: number;
  durationMs: number;
  /** The signed-in user's name, `display:<name>` for a wall screen's token, `-` when none. */
  user: string;
  /** A sign-in that did not sign anyone in: the user name it tried (the security log keeps it too). */
  tried?: string;
  requestId: string;
  /** The client went away before the response was complete. */
  aborted?: boolean;
}

/**
 * One log line per request, written when the response ends: method, route pattern, status,
 * duration, user and request id. Never a token, password, cookie, query value or body: the route
 * is the pattern, so ids and query strings stay out of the log, and nothing else is read.
 * `LOG_FORMAT=json` logs the fields as an object (one JSON line, with the app's logger in JSON
 * mode); the default is one text line (docs/operations.md "Request logs").
 */
export function requestLogging(format: LogFormat, logger = new Logger('HTTP')) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const requestId = assignRequestId(request, response);
    response.once('close', () => {
      const fields: RequestLogFields = {
        method: request.method,
        route: routeOf(request),
        status: response.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 100_000n) / 10,
        user: (request as AuthenticatedRequest).user?.username ?? '-',
        requestId,
      };
      const tried = (request as AuthenticatedRequest).attemptedUsername;
      if (tried !== undefined && !(request as AuthenticatedRequest).user && response.statusCode >= 400) fields.tried = tried;
      if (!response.writableFinished) fields.aborted = true;
      if (format === 'json') logger.log(fields);
      else logger.log(textLine(fields));
    });
    next();
  };
}

/** The text line: each value that could hold a space, `=` or a control character is quoted and escaped (logValue). */
export function textLine(f: RequestLogFields): string {
  const tried = f.tried !== undefined ? ` tried=${logValue(f.tried)}` : '';
  return `${f.method} ${logValue(f.route)} ${f.status} ${f.durationMs}ms user=${logValue(f.user)}${tried} id=${f.requestId}${f.aborted ? ' aborted' : ''}`;
}

/** The matched route's pattern; else the path alone (no query), printable characters only, at most 200. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return pattern;
  const path = request.originalUrl.split('?')[0];
  return path.replace(/[^\x21-\x7e]/g, '?').slice(0, 200);
}
