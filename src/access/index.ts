/**
 * access: who the caller is and what they may see (docs/access.md). The principal the server
 * knows, the roles, the route decorators, and the scope policy: the one owner of "who may see
 * what" (scope-policy.ts).
 */
export type { AuthenticatedRequest, Credential, Principal } from './principal.js';
export { CHAIN_FILERS, DISPLAY_ROLE, EDITORS, EVERY_ROLE, LEAD_WRITERS, READ_ONLY_ROLES, READERS, ROLE_SCOPES, ROLES, type PrincipalRole, type Role } from './roles.js';
export { ALLOWED_ROLES, CurrentCredential, CurrentScope, CurrentUser, IS_PUBLIC, Public, Roles } from './decorators.js';
export { ALL, inScope, notFoundInScope, notFoundMessage, projectColumns, projectVisible, requestColumns, requestVisible, scopeOf, scopeSql, visibleOr404, refuseOtherScope, type Scope, type ScopeCondition } from './scope-policy.js';
