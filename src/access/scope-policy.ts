import type { EntityManager } from 'typeorm';
import { ApiError, notFound } from '../common/index.js';
import { int, sql } from '../database/index.js';
import type { Principal } from './principal.js';
import { DISPLAY_ROLE } from './roles.js';

/**
 * Who may see what (docs/access.md "Scope"): the one owner of the rule. Every list, every read
 * of one row and every write that names a place asks here; nothing else turns a caller into SQL.
 *
 *  - admin, auditor, leader (reads like the auditor): everything; a display token (wall screen): everything its routes
 *    show, which is the board only (display-routes.ts keeps it off every other route);
 *  - region (a county's operator): the projects, leads and requests of its county;
 *  - chain (a chain team): those of its chain;
 *  - department (要素保障): the requests routed to it, and read-only the projects that have
 *    one; no lead, no list entry, no project without a request of its own.
 *
 * Scope comes from the signed-in user, never from the request.
 */
export interface Scope {
  region?: string;
  chain?: string;
  department?: string;
}

export const ALL: Scope = {};

/** A code no row carries: a user of a scoped role whose scope is missing sees nothing. */
const NOTHING = '\u0000none';

export function scopeOf(principal: Pick<Principal, 'role' | 'region' | 'chain' | 'department'>): Scope {
  switch (principal.role) {
    case 'region':
      return { region: principal.region ?? NOTHING };
    case 'chain':
      return { chain: principal.chain ?? NOTHING };
    case 'department':
      return { department: principal.department ?? NOTHING };
    case 'admin':
    case 'auditor':
    case 'leader':
    case DISPLAY_ROLE:
      return ALL;
  }
}

/** Where a kind of row keeps the columns scope is decided by (SQL expressions on its alias). */
export interface ScopeColumns {
  region: string;
  chain: string;
  /** The project's id, when the row is a project or belongs to one: a department sees those with a request routed to it. */
  project?: string;
  /** The department a request is routed to: a department sees its own requests. */
  department?: string;
}

export interface ScopeCondition {
  /** A condition to AND into a WHERE clause (`1 = 1` for everything). */
  sql: string;
  /** Its named parameters (`:scopeRegion`, `:scopeChain`, `:scopeDepartment`). */
  params: Record<string, string>;
}

/** The columns of a project row `p`. */
export const projectColumns = (p = 'p'): ScopeColumns => ({ region: `${p}.region_code`, chain: `${p}.chain_code`, project: `${p}.id` });

/**
 * The columns of a replayed request row `rq` (src/requests/requests.queries.ts): its county and
 * chain — its project's, or, for a problem about an enterprise or a chain, its own — and the
 * department it is routed to.
 */
export const requestColumns = (rq = 'rq'): ScopeColumns => ({ region: `${rq}.region_code`, chain: `${rq}.chain_code`, department: `${rq}.department_code` });

/** The caller's scope as a condition on rows with these columns. */
export function scopeSql(scope: Scope, columns: ScopeColumns): ScopeCondition {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (scope.region !== undefined) {
    parts.push(`${columns.region} = :scopeRegion`);
    params.scopeRegion = scope.region;
  }
  if (scope.chain !== undefined) {
    parts.push(`${columns.chain} = :scopeChain`);
    params.scopeChain = scope.chain;
  }
  if (scope.department !== undefined) {
    params.scopeDepartment = scope.department;
    if (columns.department) parts.push(`${columns.department} = :scopeDepartment`);
    else if (columns.project) parts.push(departmentProjectsSql(columns.project));
    else parts.push('1 = 0');
  }
  return { sql: parts.length ? parts.join(' AND ') : '1 = 1', params };
}

/** The projects a department may read: those with a request routed to it. */
function departmentProjectsSql(projectId: string): string {
  return `EXISTS (SELECT 1 FROM factor_request dr WHERE dr.project_id = ${projectId} AND dr.department_code = :scopeDepartment)`;
}

/** Whether one row owned by a place and a chain (a project, a lead) is in scope; a department sees none of them this way. */
export function inScope(row: { regionCode: string | null; chainCode: string | null }, scope: Scope): boolean {
  if (scope.department !== undefined) return false;
  if (scope.region !== undefined && row.regionCode !== scope.region) return false;
  if (scope.chain !== undefined && row.chainCode !== scope.chain) return false;
  return true;
}

/** Whether one project is visible: in scope, or, for a department, with a request routed to it. */
export async function projectVisible(
  manager: EntityManager,
  project: { id: number; regionCode: string | null; chainCode: string | null },
  scope: Scope,
): Promise<boolean> {
  if (scope.department === undefined) return inScope(project, scope);
  const [row] = await sql(manager, `SELECT COUNT(*) AS n FROM project p WHERE p.id = :id AND ${departmentProjectsSql('p.id')}`, {
    id: project.id,
    scopeDepartment: scope.department,
  });
  return int(row.n) > 0;
}

/**
 * Whether a request is visible: routed to the caller's department, or in the caller's county or
 * chain — where `place` is its project's county and chain, or, for a problem about an enterprise
 * or a chain, its own (the same rule as `scopeSql` over `requestColumns`).
 */
export function requestVisible(request: { departmentCode: string }, place: { regionCode: string | null; chainCode: string | null }, scope: Scope): boolean {
  return scope.department !== undefined ? request.departmentCode === scope.department : inScope(place, scope);
}

/**
 * The one answer for a thing that does not exist or lies outside the caller's scope: the same
 * words for both (nothing tells them apart), which an operator reads as "not mine", not as a
 * bug, and no internal id ("项目不存在或不在您的管辖范围内").
 */
export function notFoundMessage(what: string): string {
  return `${what}不存在或不在您的管辖范围内`;
}

/** The 404 for `what` (项目, 需求, 招商项目…) missing or out of scope. */
export function notFoundInScope(what: string): ApiError {
  return notFound(notFoundMessage(what));
}

/**
 * Load in scope or 404: the row when it exists and the caller may see it, else 404 with the
 * same answer whether it does not exist or is out of scope (docs/api.md "Errors").
 */
export function visibleOr404<T>(row: T | null | undefined, visible: boolean, what: string): T {
  if (row === null || row === undefined || !visible) throw notFoundInScope(what);
  return row;
}

/** What to answer when a body names another place or chain than the caller's own: the message, and the field detail's words. */
export interface ScopeRefusal {
  message: string;
  detail?: string;
}

/**
 * Writes stay in the caller's scope: a county's operator writes in its own county, a chain team
 * in its own chain. A body that names another answers 403 (naming the field); the caller then
 * writes with its own code in place of the body's (`scope.region ?? given`).
 */
export function refuseOtherScope(scope: Scope, given: { region?: string | null; chain?: string | null }, refusals: { region?: ScopeRefusal; chain?: ScopeRefusal }): void {
  for (const field of ['chain', 'region'] as const) {
    const own = scope[field];
    const refusal = refusals[field];
    if (own !== undefined && refusal && given[field] !== undefined && given[field] !== own)
      throw new ApiError(403, refusal.message, [{ field, code: 'outOfScope', message: refusal.detail ?? refusal.message }]);
  }
}
