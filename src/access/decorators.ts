import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest, Credential, Principal } from './principal.js';
import type { Role } from './roles.js';
import { scopeOf, type Scope } from './scope-policy.js';

export const IS_PUBLIC = 'auth:public';
export const ALLOWED_ROLES = 'auth:roles';

/** No sign-in needed (login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call a route. Without it, reads (GET) are open to READERS and writes to
 * admin only: a new write route is closed until someone opens it, and a new read is closed to
 * departments until someone opens it to them.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});

/** The scope of the signed-in user (scope-policy.ts). */
export const CurrentScope = createParamDecorator((_data: unknown, context: ExecutionContext): Scope => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentScope used on a public route');
  return scopeOf(request.user);
});

/** How the signed-in request authenticated (token, session, bearer or cookie). */
export const CurrentCredential = createParamDecorator((_data: unknown, context: ExecutionContext): Credential => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.credential) throw new Error('CurrentCredential used on a public route');
  return request.credential;
});
