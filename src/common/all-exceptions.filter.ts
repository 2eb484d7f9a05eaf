import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { RetryLater, type ErrorDetail } from './api-error.js';
import { DATABASE_RETRY_SECONDS, DATABASE_UNAVAILABLE, isDatabaseUnavailable } from './database-unavailable.js';
import { RejectedJsonBody, UNSUPPORTED_CHARSET } from './json-body.js';
import { requestIdOf } from './request-id.js';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: ErrorDetail[];
  /** The request's id (X-Request-Id), to match a user's report to the log. */
  requestId?: string;
}

/** Chinese messages for statuses whose text is not ours (framework and body-parser errors). */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: '请求格式错误',
  401: '未登录或登录已失效',
  403: '无权执行此操作',
  404: '未找到请求的资源',
  405: '不支持的请求方法',
  409: '当前状态不允许此操作',
  412: '数据已被他人修改，请刷新后重试',
  413: '请求体过大',
  415: '不支持的内容类型',
  422: '业务规则校验未通过',
  429: '请求过于频繁，请稍后再试',
  500: '服务器内部错误',
  503: '服务繁忙，请稍后再试',
};

/**
 * The one exception filter: every error, from our code, from Nest, from the body
 * parser or from the database, leaves as the contract's JSON shape. Unknown errors
 * are logged and answered 500 without a stack trace.
 */
/** The statuses of a write refused for who asked or what it asked (not for being malformed): the security log keeps them. */
const REFUSAL_STATUSES = new Set([403, 409, 422]);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');
  private outageLoggedAt = 0;
  private outageAnswers = 0;

  /** `onRefusedWrite`: told of every write answered 403, 409 or 422 (app.factory.ts hands it to the security log). */
  constructor(private readonly onRefusedWrite?: (request: Request, status: number) => void) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const requestId = requestIdOf(request);
    if (isDatabaseUnavailable(exception)) return this.databaseUnavailable(exception, response, requestId);
    const body = { ...this.toBody(exception), ...(requestId ? { requestId } : {}) };
    if (this.onRefusedWrite && REFUSAL_STATUSES.has(body.statusCode) && !READ_METHODS.has(request.method)) this.onRefusedWrite(request, body.statusCode);
    // A deliberate answer (503 not ready, busy, shutting down) is no bug: only what no code meant to answer is logged as an error.
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) this.logger.error(`request ${requestId ?? '-'}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    if (response.headersSent) return;
    if (exception instanceof RetryLater) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  /**
   * The database cannot be reached: 503 with Retry-After, reads and writes alike (a write did not
   * happen: its transaction never committed). Logged as a warning, one line at most every 10 s with
   * the count since, no stack: an outage is the operator's to fix, not a bug.
   */
  private databaseUnavailable(exception: unknown, response: Response, requestId: string | undefined): void {
    this.outageAnswers++;
    const now = Date.now();
    if (now - this.outageLoggedAt >= 10_000) {
      const e = exception as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
      const code = e.driverError?.code ?? e.code ?? '-';
      this.logger.warn(`database unavailable (${String(code)}: ${String(e.message ?? exception)}); answered 503 to ${this.outageAnswers} request(s) since the last note`);
      this.outageLoggedAt = now;
      this.outageAnswers = 0;
    }
    if (response.headersSent) return;
    response.setHeader('Retry-After', String(DATABASE_RETRY_SECONDS));
    response.status(503).json({ ...this.shape(503, DATABASE_UNAVAILABLE.message, [DATABASE_UNAVAILABLE]), ...(requestId ? { requestId } : {}) });
  }

  toBody(exception: unknown): ErrorBody {
    // Refused by the JSON body check before parsing: body-parser labels it 403 and Nest wraps
    // it in an HttpException (as `cause`); it is a malformed request.
    const rejected = exception instanceof HttpException ? exception.cause : exception;
    if (rejected instanceof RejectedJsonBody)
      return this.shape(rejected.statusCode, rejected.statusCode === 415 ? UNSUPPORTED_CHARSET.message : '请求体不是有效的 JSON 文本', [rejected.detail]);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      let message = DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error';
      let details: ErrorDetail[] = [];
      const p = typeof payload === 'object' && payload !== null ? (payload as { message?: unknown; details?: unknown }) : {};
      if (Array.isArray(p.details)) {
        details = p.details as ErrorDetail[];
        if (typeof p.message === 'string') message = p.message;
      } else if (isParseFailure(exception.cause)) {
        details = [{ code: 'malformedJson', message: 'JSON 格式错误，无法解析' }];
        message = '请求体不是有效的 JSON';
      } else if ((exception.cause as { type?: unknown } | undefined)?.type === 'charset.unsupported') {
        details = [UNSUPPORTED_CHARSET];
        message = UNSUPPORTED_CHARSET.message;
      } else if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        details = [{ code: 'bodyTooLarge', message: '请求体超过大小上限' }];
      } else if (status === HttpStatus.NOT_FOUND && typeof p.message === 'string' && p.message.startsWith('Cannot ')) {
        message = `${DEFAULT_MESSAGES[404]}：${p.message.replace(/^Cannot /, '')}`;
      }
      return this.shape(status, message, details);
    }
    const httpish = exception as { status?: unknown; statusCode?: unknown; type?: unknown };
    const status = Number(httpish?.status ?? httpish?.statusCode);
    // body-parser and other connect-style errors carry a 4xx status of their own.
    if (Number.isInteger(status) && status >= 400 && status < 500) {
      const details: ErrorDetail[] = isParseFailure(exception)
        ? [{ code: 'malformedJson', message: 'JSON 格式错误，无法解析' }]
        : httpish.type === 'charset.unsupported'
          ? [UNSUPPORTED_CHARSET]
          : [];
      return this.shape(status, DEFAULT_MESSAGES[status] ?? STATUS_CODES[status] ?? 'Error', details);
    }
    return this.shape(500, DEFAULT_MESSAGES[500], []);
  }

  private shape(statusCode: number, message: string, details: ErrorDetail[]): ErrorBody {
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details };
  }
}

/** body-parser marks a body it could not parse; Express marks a bad %-escape in a path with URIError. */
function isParseFailure(error: unknown): boolean {
  const e = error as { type?: unknown } | undefined;
  return e?.type === 'entity.parse.failed' || error instanceof SyntaxError;
}
