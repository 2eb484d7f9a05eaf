import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Role } from '../auth/user.entity.js';

/**
 * A wall screen signed in with a display token (display-tokens.service.ts): no user behind it,
 * id 0, name `display:<token name>`; it reads the board's routes only (display-routes.ts).
 */
export const DISPLAY_ROLE = 'display';
export type PrincipalRole = Role | typeof DISPLAY_ROLE;

/** The signed-in user as the server knows them (from the database, never from the request). */
export interface Principal {
  id: number;
  username: string;
  role: PrincipalRole;
  region: string | null;
  chain: string | null;
  /** For role `department`: the 要素保障组 department's code. */
  department: string | null;
}

/**
 * Which projects a principal may see: all (admin, auditor), one region's (region), one
 * chain's (chain). Comes from the signed-in user only. A department (role `department`) sees
 * no project through `inScope`: it sees the requests routed to it, and read-only the projects
 * they are on (src/requests/department-scope.ts), nothing else project-wise.
 */
export interface Scope {
  region?: string;
  chain?: string;
  department?: string;
}

export const ALL: Scope = {};

export function scopeOf(principal: Pick<Principal, 'role' | 'region' | 'chain' | 'department'>): Scope {
  if (principal.role === 'region') return { region: principal.region ?? '\u0000none' };
  if (principal.role === 'chain') return { chain: principal.chain ?? '\u0000none' };
  if (principal.role === 'department') return { department: principal.department ?? '\u0000none' };
  return ALL;
}

export function inScope(project: { regionCode: string | null; chainCode: string | null }, scope: Scope): boolean {
  if (scope.department !== undefined) return false;
  if (scope.region !== undefined && project.regionCode !== scope.region) return false;
  if (scope.chain !== undefined && project.chainCode !== scope.chain) return false;
  return true;
}

/** How the request proved who it is: the token, its session, and whether it came as a bearer header or the pages' cookie. */
export interface Credential {
  token: string;
  sessionId: number;
  via: 'bearer' | 'cookie';
}

export type AuthenticatedRequest = Request & { user?: Principal; credential?: Credential };

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

/** Who may read a route without @Roles: everyone but a department, which sees its requests only. */
export const READERS: Role[] = ['admin', 'region', 'chain', 'auditor'];

/** Every role: for routes each signed-in user calls about themselves (logout, own password) and reads a department needs. */
export const EVERY_ROLE: Role[] = [...READERS, 'department'];

/** Roles that may change project data in their scope. */
export const EDITORS: Role[] = ['admin', 'region'];

/**
 * Roles that record and advance 招商 leads and file their 到位资金, in their scope: the city
 * office, county operators (their county), chain teams (their chain). docs/domain/attraction.md.
 */
export const LEAD_WRITERS: Role[] = ['admin', 'region', 'chain'];

/** Roles that file a chain's quarterly indicators and 差异化指标 note: the city office and the chain's own team. */
export const CHAIN_FILERS: Role[] = ['admin', 'chain'];

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.user) throw new Error('CurrentUser used on a public route');
  return request.user;
});

/** The scope of the signed-in user. */
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
