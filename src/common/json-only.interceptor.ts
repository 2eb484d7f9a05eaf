import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ApiError } from './api-error.js';

/**
 * A request that carries a body must send it in a content type the route takes: JSON,
 * unless the route declares another with `@ApiConsumes` (the Excel uploads take
 * multipart/form-data). Anything else, form-encoded included, is 415 before validation,
 * so one route never reads two encodings. The OpenAPI document and this check read the
 * same declaration.
 */
@Injectable()
export class JsonOnlyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (hasBody(request)) {
      const accepted = this.reflector.getAllAndOverride<string[] | undefined>(DECORATORS.API_CONSUMES, [context.getHandler(), context.getClass()]) ?? [
        'application/json',
      ];
      const sent = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!accepted.includes(sent)) {
        const message = `此接口只接受 ${accepted.join(' 或 ')} 格式的请求体`;
        throw new ApiError(415, message, [{ code: 'unsupportedMediaType', message: `${message}，收到的是 ${sent || '未声明类型'}` }]);
      }
    }
    return next.handle();
  }
}

function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}
