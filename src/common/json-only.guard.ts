import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiError } from './api-error.js';

/**
 * A request that carries a body must send it in a content type the route takes: JSON,
 * unless the route declares another with `@ApiConsumes` (the Excel uploads take
 * multipart/form-data). Anything else, form-encoded included, is 415 before validation,
 * so one route never reads two encodings. The OpenAPI document and this check read the
 * same declaration.
 *
 * A guard, not an interceptor: it runs after the sign-in guard (registered before it, so 401 and
 * 403 still come first) and before the pipes, as before; and with no global interceptor Nest calls
 * each handler directly, without the chain of observables an interceptor costs every request
 * (docs/benchmarks.md "The fixed cost of a request").
 */
@Injectable()
export class JsonOnlyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
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
    return true;
  }
}

function hasBody(request: Request): boolean {
  if (request.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}
