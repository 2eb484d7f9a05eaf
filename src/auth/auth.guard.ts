import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/api-error.js';
import { AuthService } from './auth.service.js';
import { ALLOWED_ROLES, IS_PUBLIC, type AuthenticatedRequest } from './principal.js';
import type { Role } from './user.entity.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const EVERY_ROLE: Role[] = ['admin', 'region', 'chain', 'auditor'];

/**
 * The one gate every route passes: a valid bearer token (401 otherwise), then the route's
 * roles (403 otherwise). Routes without @Roles are readable by every signed-in role and
 * writable by admin only. Object scope (404 outside it) is checked by the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header) : null;
    const principal = match ? await this.auth.authenticate(match[1]) : null;
    if (!principal)
      throw new ApiError(401, '未登录或登录已失效，请重新登录', [{ code: 'unauthenticated', message: '需要有效的登录令牌（Authorization: Bearer …）' }]);
    request.user = principal;
    const roles =
      this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]) ??
      (READ_METHODS.has(request.method) ? EVERY_ROLE : ['admin']);
    if (!roles.includes(principal.role))
      throw new ApiError(403, '当前角色无权执行此操作', [{ code: 'forbidden', message: `角色 ${principal.role} 不能执行此操作` }]);
    return true;
  }
}
