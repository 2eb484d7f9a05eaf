/**
 * The roles a user has (docs/access.md "Roles"): `admin` is the city office (everything); `region`
 * one county's or zone's operator (its projects: edit, advance, report; its leads); `chain` one
 * chain team (read its projects, comment; its chain's 招商 leads, indicators and notes); `auditor`
 * reads everything and changes nothing; `department` one 要素保障组 department (the requests
 * routed to it, city-wide; docs/domain/requests.md); `leader` a city leader or 专员 linked to a
 * person of the register (链长, 包联领导, 服务专员: docs/domain/responsibility.md): reads like the
 * auditor, writes nothing, and has a home of his own (`GET /api/me/home`).
 */
export const ROLES = ['admin', 'region', 'chain', 'auditor', 'department', 'leader'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What a role's user is bound to when created (docs/access.md "Scope"): one county or zone, one
 * chain, one department, one person of the register (a leader: docs/domain/responsibility.md), or
 * nothing (city-wide). The 用户管理 page asks for the scope this names.
 */
export const ROLE_SCOPES: Record<Role, 'region' | 'chain' | 'department' | 'person' | null> = {
  admin: null,
  region: 'region',
  chain: 'chain',
  auditor: null,
  department: 'department',
  leader: 'person',
};

/**
 * Roles that read everything and write nothing at all (the workbench badges them 只读): the
 * auditor, and a leader (who reads like the auditor). A chain team writes comments, leads and
 * filings, so it is not one of them.
 */
export const READ_ONLY_ROLES: Role[] = ['auditor', 'leader'];

/**
 * A wall screen signed in with a display token (src/auth/display-tokens.service.ts): no user
 * behind it, id 0, name `display:<token name>`; it reads the board's routes only (display-routes.ts).
 */
export const DISPLAY_ROLE = 'display';
export type PrincipalRole = Role | typeof DISPLAY_ROLE;

/** Who may read a route without @Roles: everyone but a department, which sees its requests only. */
export const READERS: Role[] = ['admin', 'region', 'chain', 'auditor', 'leader'];

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
