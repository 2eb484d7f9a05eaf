import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '../common/index.js';
import { AuthService } from './auth.service.js';
import { DISPLAY_ROUTES, DISPLAY_TOKEN_PREFIX, routeKey } from './display-routes.js';
import { DisplayTokensService } from './display-tokens.service.js';
import { ALLOWED_ROLES, type AuthenticatedRequest, type Credential, IS_PUBLIC, type PrincipalRole, READERS } from '../access/index.js';
import { CSRF_HEADER, sessionTokenOf, TOKEN_PATTERN } from './session-cookie.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate every route passes: a valid token (401 otherwise), then the route's roles
 * (403 otherwise). Routes without @Roles are readable by READERS (every role but a
 * department) and writable by admin only. Object scope (404 outside it) is checked by the services.
 *
 * The token comes from `Authorization: Bearer …` (API clients) or, when that header is
 * absent, from the pages' session cookie. A cookie is sent by the browser on its own, so a
 * write authenticated by it must also carry the session's CSRF token in X-CSRF-Token
 * (403 otherwise), which only the app's own pages can have read.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly displays: DisplayTokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const presented = credentialOf(request);
    if (presented?.via === 'bearer' && presented.token.startsWith(DISPLAY_TOKEN_PREFIX)) return this.admitDisplay(request, presented.token);
    const found = presented ? await this.auth.authenticate(presented.token) : null;
    if (!presented || !found)
      throw new ApiError(401, '未登录或登录已失效，请重新登录', [
        { code: 'unauthenticated', message: '需要有效的登录令牌（Authorization: Bearer …，或页面的登录会话）' },
      ]);
    if (presented.via === 'cookie' && !READ_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (!(await this.auth.csrfTokenMatches(presented.token, typeof given === 'string' ? given : undefined)))
        throw new ApiError(403, '页面会话缺少有效的 CSRF 令牌，请刷新页面', [{ code: 'csrfTokenInvalid', message: '登录会话的写请求须带 X-CSRF-Token 头' }]);
    }
    request.user = found.principal;
    request.credential = { ...presented, sessionId: found.sessionId };
    const roles =
      this.reflector.getAllAndOverride<PrincipalRole[]>(ALLOWED_ROLES, [context.getHandler(), context.getClass()]) ??
      (READ_METHODS.has(request.method) ? READERS : ['admin']);
    if (!roles.includes(found.principal.role))
      throw new ApiError(403, '当前角色无权执行此操作', [{ code: 'forbidden', message: `角色 ${found.principal.role} 不能执行此操作` }]);
    return true;
  }

  /** A wall screen's display token: unknown, revoked or expired → 401; any route but the board's → 403. */
  private async admitDisplay(request: AuthenticatedRequest, token: string): Promise<boolean> {
    const principal = await this.displays.authenticate(token);
    if (!principal)
      throw new ApiError(401, '大屏令牌无效、已过期或已撤销', [{ code: 'unauthenticated', message: '请向管理员索取新的大屏链接' }]);
    const route = (request.route as { path?: string } | undefined)?.path ?? '';
    if (!DISPLAY_ROUTES.has(routeKey(request.method, route)))
      throw new ApiError(403, '大屏令牌只能读取看板', [{ code: 'displayReadOnly', message: '大屏令牌只能读取挂图作战看板的数据' }]);
    request.user = principal;
    return true;
  }
}

/** The bearer header when there is one (only it counts then), else the session cookie. */
function credentialOf(request: AuthenticatedRequest): Omit<Credential, 'sessionId'> | null {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer (\S+)$/.exec(header);
    return match && TOKEN_PATTERN.test(match[1]) ? { token: match[1], via: 'bearer' } : null;
  }
  const cookie = sessionTokenOf(request);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}
