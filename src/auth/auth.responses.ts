import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DISPLAY_ROLE, type Principal, type PrincipalRole, type Role, ROLE_SCOPES, ROLES } from '../access/index.js';
import type { SessionView, UserView } from './auth.service.js';
import { DISPLAY_TOKEN_STATUSES, type DisplayTokenStatus, type DisplayTokenView, type IssuedDisplayToken } from './display-tokens.service.js';
import type { ActorName, UserRules } from './users.types.js';

/**
 * The answers of the auth module's routes as the OpenAPI document declares them (docs/api.md):
 * each class implements the interface the service builds, so a renamed field fails the type check.
 */

type ScopeKind = NonNullable<(typeof ROLE_SCOPES)[Role]>;
/** The scopes a role can need, from the one table that says which role needs which. */
const SCOPE_KINDS = [...new Set(Object.values(ROLE_SCOPES).filter((scope): scope is ScopeKind => scope !== null))];

/** `POST /api/auth/login`. */
export class AccessToken {
  @ApiProperty({ description: 'send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
}

export class SessionUser implements Pick<Principal, 'username' | 'role' | 'region' | 'chain'> {
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true, description: 'the county or zone (role region)' }) region: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the chain (role chain)' }) chain: string | null;
}

/** `POST|GET /api/auth/session`. */
export class Session implements SessionView {
  @ApiProperty({ description: 'send as `X-CSRF-Token` with every write made with the session cookie' }) csrfToken: string;
  @ApiProperty({ type: SessionUser }) user: SessionUser;
}

/** `GET /api/auth/me`: the signed-in user, role and scope; or a wall screen signed in with a display token (role `display`, id 0). */
export class SignedInUser implements Principal {
  @ApiProperty({ type: 'integer', description: '0 for a display token' }) id: number;
  @ApiProperty({ description: 'a display token: `display:<its name>`' }) username: string;
  @ApiProperty({ enum: [...ROLES, DISPLAY_ROLE] }) role: PrincipalRole;
  @ApiProperty({ type: String, nullable: true, description: 'the county or zone (role region)' }) region: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the chain (role chain)' }) chain: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the 要素保障组 department (role department)' }) department: string | null;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'the person of the register this user is (required for role leader); absent for a display token' })
  personId?: number | null;
}

/** A user as the 用户管理 page lists it (`GET|POST /api/users`, `PATCH /api/users/:id`). */
export class UserAccount implements UserView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ type: String, nullable: true }) department: string | null;
  @ApiProperty({ type: String, nullable: true, description: '单位名称, shown instead of the user name in histories' }) officeName: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the person of the register (required for role leader)' }) personId: number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UsernameRule {
  @ApiProperty({ description: 'regular expression (source) a user name must match' }) pattern: string;
  @ApiProperty() rule: string;
}

export class PasswordRule {
  @ApiProperty({ type: 'integer' }) minLength: number;
  @ApiProperty({ type: 'integer' }) maxLength: number;
  @ApiProperty() rule: string;
}

export class OfficeNameRule {
  @ApiProperty({ type: 'integer' }) maxLength: number;
  @ApiProperty() rule: string;
}

export class RoleRule {
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() label: string;
  @ApiProperty({ enum: [...SCOPE_KINDS, null], nullable: true, description: 'the scope a user of this role is bound to (null: city-wide)' }) scope: ScopeKind | null;
}

export class LastAdminRule {
  @ApiProperty({ type: 'integer', description: 'active admins now' }) activeAdmins: number;
  @ApiProperty() rule: string;
}

/** `GET /api/users/rules`: the server's rules for the 用户管理 form. */
export class UserFormRules implements UserRules {
  @ApiProperty({ type: UsernameRule }) username: UsernameRule;
  @ApiProperty({ type: PasswordRule }) password: PasswordRule;
  @ApiProperty({ type: OfficeNameRule }) officeName: OfficeNameRule;
  @ApiProperty({ type: [RoleRule], description: 'every role, in the server\'s order' }) roles: RoleRule[];
  @ApiProperty({ type: LastAdminRule }) lastAdmin: LastAdminRule;
}

/** `GET /api/users/names`: the name histories show for an actor. */
export class ActorNameEntry implements ActorName {
  @ApiProperty({ description: 'the user name (or system actor) as recorded' }) username: string;
  @ApiProperty({ description: 'the name to show' }) name: string;
}

/** `POST /api/users/:id/password-reset`: the generated password, shown this once. */
export class PasswordReset {
  @ApiProperty() username: string;
  @ApiProperty({ description: 'the new password (only its hash is kept)' }) password: string;
}

/** `POST /api/display-tokens`: the token, shown this once. */
export class IssuedDisplayTokenInfo implements IssuedDisplayToken {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'the wall screen opens /#display=<token>' }) token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

/** `GET /api/display-tokens`. */
export class DisplayTokenInfo implements DisplayTokenView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedBy: string | null;
  @ApiProperty({ enum: DISPLAY_TOKEN_STATUSES }) status: DisplayTokenStatus;
}
