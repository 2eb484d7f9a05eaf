import type { EntityManager } from 'typeorm';
import { inScope, type Scope } from './principal.js';
import { FactorRequest } from '../requests/factor-request.entity.js';

/**
 * What a department (role `department`) may see of projects: read-only, the projects that have a
 * request routed to it (docs/domain/requests.md "Who does what"). `inScope` answers no for a
 * department; the project reads it is let into ask here.
 */
export async function projectVisible(
  manager: EntityManager,
  project: { id: number; regionCode: string | null; chainCode: string | null },
  scope: Scope,
): Promise<boolean> {
  if (scope.department === undefined) return inScope(project, scope);
  return manager.existsBy(FactorRequest, { projectId: project.id, departmentCode: scope.department });
}

/** Whether a request is the caller's to see: routed to their department, or on a project in their scope. */
export function requestVisible(request: { departmentCode: string }, project: { regionCode: string | null; chainCode: string | null }, scope: Scope): boolean {
  return scope.department !== undefined ? request.departmentCode === scope.department : inScope(project, scope);
}

/** The same as a condition on project row `p`, binding :scopeDepartment. */
export function departmentProjectsSql(p = 'p'): string {
  return `EXISTS (SELECT 1 FROM factor_request dr WHERE dr.project_id = ${p}.id AND dr.department_code = :scopeDepartment)`;
}
