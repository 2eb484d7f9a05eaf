import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SigningKey } from './signing-key.js';
import { DataSource, LessThanOrEqual, Not, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { preparedSql, WriteQueue } from '../database/index.js';
import { PeopleService } from '../people/index.js';
import { DepartmentsService, ReferenceService } from '../reference/index.js';
import { AuthSession } from './auth-session.entity.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import { assertAcceptablePassword, passwordFailures } from './password-policy.js';
import type { Credential, Principal, Role } from '../access/index.js';
import { issueToken, verifyToken } from './token.js';
import { User } from './user.entity.js';

export interface UserView {
  id: number;
  username: string;
  role: Role;
  region: string | null;
  chain: string | null;
  department: string | null;
  /** 单位名称, shown instead of the user name in histories; null when not given. */
  officeName: string | null;
  /** The person of the register this user is (链长, 包联领导, 专员); required for role `leader`. */
  personId: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UserInput {
  username?: string;
  password?: string;
  role?: Role;
  region?: string | null;
  chain?: string | null;
  department?: string | null;
  officeName?: string | null;
  personId?: number | null;
  active?: boolean;
}

/** A successful sign-in: the token to hand out and who it belongs to. */
export interface SignedIn {
  token: string;
  sessionId: number;
  principal: Principal;
}

/** What the pages learn about their session: the CSRF token to send with writes, and the user. */
export interface SessionView {
  csrfToken: string;
  user: Pick<Principal, 'username' | 'role' | 'region' | 'chain'>;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
    private readonly departments: DepartmentsService,
    private readonly people: PeopleService,
    private readonly key: SigningKey,
  ) {}

  /**
   * First start: create `admin` with ADMIN_PASSWORD, or a random password printed once.
   * With an active admin there is nothing to do. Without one, but with a user named
   * `admin` (demoted or deactivated before the last-admin rule existed), start anyway and
   * say how to recover: `npm run admin:reset`.
   */
  async ensureFirstAdmin(): Promise<void> {
    // The signing key's file is made (0600) at start, not at the first sign-in: its mode is right from the outset.
    this.key.current();
    if (await this.dataSource.getRepository(User).existsBy({ role: 'admin', active: true })) return;
    if (await this.findByName(this.dataSource.manager, 'admin')) {
      this.logger.warn('no active admin: the user "admin" exists with another role or is deactivated. Run `npm run admin:reset -- admin` on the server to restore it.');
      return;
    }
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const failures = passwordFailures(password, 'admin');
    if (failures.length) throw new Error(`ADMIN_PASSWORD does not meet the password rules: ${failures.map((f) => f.message).join('; ')}`);
    await this.createUser({ username: 'admin', password, role: 'admin' }, 'system');
    if (!this.config.adminPassword)
      this.logger.warn(`created the first admin: username "admin", password "${password}" (shown once; set ADMIN_PASSWORD to choose it)`);
  }

  /**
   * Checks a password and, when it is right, opens a session (a row in auth_session, an
   * audit entry) and issues its token. Null for a wrong password, an unknown or a
   * deactivated user alike. User names match whatever their case.
   */
  async signIn(username: string, password: string, via: Credential['via'], check: { first?: boolean } = {}): Promise<SignedIn | null> {
    const user = await this.findByName(this.dataSource.manager, username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, check);
    if (!user || !ok || !user.active) return null;
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const now = new Date(nowSeconds * 1000).toISOString();
    const session = await this.writes.run(async (manager) => {
      await manager.delete(AuthSession, { expiresAt: LessThanOrEqual(now) });
      const row = manager.create(AuthSession, {
        userId: user.id,
        via,
        createdAt: now,
        expiresAt: new Date((nowSeconds + this.config.tokenTtlSeconds) * 1000).toISOString(),
      });
      await manager.insert(AuthSession, row);
      await this.changes.record(manager, { actor: user.username, subject: auditSubject.user(user.username), action: 'login', after: { session: row.id, via }, at: now });
      return row;
    });
    const token = issueToken({ sub: user.id, tv: user.tokenVersion, sid: session.id }, await this.signingKey(), nowSeconds, this.config.tokenTtlSeconds);
    return { token, sessionId: session.id, principal: principalOf(user) };
  }

  /**
   * The principal behind a token, re-read from the database; null when the token is not
   * good: bad signature, expired, the user deactivated or changed since (token version),
   * or its session ended (logout, own-password change elsewhere).
   */
  async authenticate(token: string): Promise<{ principal: Principal; sessionId: number } | null> {
    const claims = verifyToken(token, await this.signingKey(), Math.floor(this.clock.now().getTime() / 1000));
    if (!claims) return null;
    // One statement on every request: the user with its session (no row when the session ended),
    // prepared once per connection on PostgreSQL (preparedSql).
    const [user] = await preparedSql<SessionUserRow>(this.dataSource, SESSION_USER_SQL, { user: claims.sub, session: claims.sid });
    if (!user || !user.active || Number(user.tokenVersion) !== claims.tv) return null;
    return { principal: principalOf(user), sessionId: claims.sid };
  }

  /**
   * The CSRF token of a session: an HMAC of its token under the signing key, so nothing
   * more is stored and only someone who can read the response of a same-origin request
   * (the page itself) learns it.
   */
  async csrfTokenFor(token: string): Promise<string> {
    return createHmac('sha256', await this.signingKey()).update(`csrf:${token}`).digest('base64url');
  }

  async csrfTokenMatches(token: string, given: string | undefined): Promise<boolean> {
    if (!given) return false;
    const expected = Buffer.from(await this.csrfTokenFor(token));
    const actual = Buffer.from(given);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  async sessionView(token: string, principal: Principal): Promise<SessionView> {
    const { username, role, region, chain } = principal;
    return { csrfToken: await this.csrfTokenFor(token), user: { username, role, region, chain } };
  }

  /** Logout: the session's row goes, so its token stops working at once. */
  endSession(principal: Principal, sessionId: number): Promise<void> {
    return this.writes.run(async (manager) => {
      await manager.delete(AuthSession, { id: sessionId, userId: principal.id });
      await this.changes.record(manager, { actor: principal.username, subject: auditSubject.user(principal.username), action: 'logout', after: { session: sessionId } });
    });
  }

  /** Whether `password` is the user's current one (a gated password check, see password.ts). */
  async passwordMatches(userId: number, password: string, check: { first?: boolean } = {}): Promise<boolean> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    return verifyPassword(password, user?.passwordHash ?? DUMMY_HASH, check);
  }

  /**
   * A user's own password change (the old one already checked by the caller): the new hash,
   * the user's other sessions ended, this one kept (its token stays valid: the token
   * version is not bumped), one audit entry.
   */
  async changeOwnPassword(principal: Principal, sessionId: number, newPassword: string): Promise<void> {
    assertAcceptablePassword(newPassword, principal.username, 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.writes.run(async (manager) => {
      const now = this.clock.nowIso();
      await manager.update(User, { id: principal.id }, { passwordHash, updatedAt: now });
      const others = await manager.countBy(AuthSession, { userId: principal.id, id: Not(sessionId) });
      await manager.delete(AuthSession, { userId: principal.id, id: Not(sessionId) });
      await this.changes.record(manager, {
        actor: principal.username,
        subject: auditSubject.user(principal.username),
        action: 'password',
        after: { passwordChanged: true, self: true, otherSessionsEnded: others },
        at: now,
      });
    });
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.dataSource.getRepository(User).find({ order: { id: 'ASC' } })).map(viewOf);
  }

  async createUser(input: Required<Pick<UserInput, 'username' | 'password' | 'role'>> & UserInput, actor: string): Promise<UserView> {
    const passwordProblems = passwordFailures(input.password, input.username);
    const passwordHash = passwordProblems.length ? '' : await hashPassword(input.password);
    return this.writes.run(async (manager) => {
      const failures = [
        ...(await this.scopeFailures(input.role, input.region ?? null, input.chain ?? null, input.department ?? null)),
        ...(await this.personFailures(manager, input.role, input.personId ?? null)),
        ...passwordProblems,
      ];
      if (await this.findByName(manager, input.username))
        failures.push({ field: 'username', code: 'duplicateUsername', message: `用户名 ${input.username} 已存在（不区分大小写）` });
      if (failures.length) throw unprocessable('用户数据未通过校验', failures);
      return this.insertUser(manager, { ...input, passwordHash }, actor);
    });
  }

  updateUser(id: number, input: UserInput, actor: string): Promise<UserView> {
    return this.writes.run(async (manager) => {
      const user = await manager.findOneBy(User, { id });
      if (!user) throw notFound(`用户 ${id} 不存在`);
      const role = input.role ?? user.role;
      const region = input.region !== undefined ? input.region : user.regionCode;
      const chain = input.chain !== undefined ? input.chain : user.chainCode;
      const department = input.department !== undefined ? input.department : user.departmentCode;
      const active = input.active ?? Boolean(user.active);
      const personId = input.personId !== undefined ? input.personId : (user.personId ?? null);
      const failures = [
        ...(await this.scopeFailures(role, role === 'region' ? region : null, role === 'chain' ? chain : null, role === 'department' ? department : null)),
        ...(input.personId !== undefined || role === 'leader' ? await this.personFailures(manager, role, personId) : []),
      ];
      if (input.password !== undefined) failures.push(...passwordFailures(input.password, user.username));
      if (user.role === 'admin' && user.active && (role !== 'admin' || !active) && (await manager.countBy(User, { role: 'admin', active: true })) <= 1)
        failures.push({
          field: role !== 'admin' ? 'role' : 'active',
          code: 'lastAdmin',
          message: '这是最后一个启用的管理员，不能降级或停用；请先另设一个管理员',
        });
      if (failures.length) throw unprocessable('用户数据未通过校验', failures);
      const changes: Partial<User> = {
        role,
        regionCode: role === 'region' ? region : null,
        chainCode: role === 'chain' ? chain : null,
        departmentCode: role === 'department' ? department : null,
        officeName: input.officeName !== undefined ? officeNameOf(input.officeName) : user.officeName,
        personId,
        active,
        updatedAt: this.clock.nowIso(),
      };
      if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);
      const securityChange =
        input.password !== undefined || changes.role !== user.role || changes.regionCode !== user.regionCode || changes.chainCode !== user.chainCode || changes.departmentCode !== (user.departmentCode ?? null) || changes.active !== Boolean(user.active);
      if (securityChange) changes.tokenVersion = user.tokenVersion + 1;
      await manager.update(User, { id }, changes);
      // Deactivated: its sessions end now (their tokens already fail on `active`).
      if (!active) await manager.delete(AuthSession, { userId: id });
      const view = viewOf({ ...user, ...changes } as User);
      const { passwordHash: _hash, ...visible } = changes;
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.user(user.username),
        action: input.password !== undefined ? 'password' : 'update',
        before: { role: user.role, region: user.regionCode, chain: user.chainCode, department: user.departmentCode ?? null, officeName: user.officeName ?? null, personId: user.personId ?? null, active: Boolean(user.active) },
        after: { ...visible, passwordChanged: input.password !== undefined },
        at: changes.updatedAt,
      });
      return view;
    });
  }

  /**
   * Recovery on the server (`npm run admin:reset`): makes the named user an active admin
   * with a new password, or creates it; ends all its tokens; audited in the same
   * transaction with the given actor.
   */
  async resetAdmin(username: string, password: string, actor: string): Promise<{ user: UserView; created: boolean }> {
    assertAcceptablePassword(password, username);
    const passwordHash = await hashPassword(password);
    return this.writes.run(async (manager) => {
      const existing = await this.findByName(manager, username);
      if (!existing) return { user: await this.insertUser(manager, { username, role: 'admin', passwordHash }, actor), created: true };
      const now = this.clock.nowIso();
      const changes: Partial<User> = { role: 'admin', regionCode: null, chainCode: null, departmentCode: null, active: true, passwordHash, tokenVersion: existing.tokenVersion + 1, updatedAt: now };
      await manager.update(User, { id: existing.id }, changes);
      await manager.delete(AuthSession, { userId: existing.id });
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.user(existing.username),
        action: 'reset',
        before: { role: existing.role, region: existing.regionCode, chain: existing.chainCode, active: Boolean(existing.active) },
        after: { role: 'admin', region: null, chain: null, active: true, passwordChanged: true },
        at: now,
      });
      return { user: viewOf({ ...existing, ...changes } as User), created: false };
    });
  }

  private async insertUser(
    manager: EntityManager,
    input: { username: string; role: Role; region?: string | null; chain?: string | null; department?: string | null; officeName?: string | null; personId?: number | null; active?: boolean; passwordHash: string },
    actor: string,
  ): Promise<UserView> {
    const now = this.clock.nowIso();
    const user = manager.create(User, {
      username: input.username,
      passwordHash: input.passwordHash,
      role: input.role,
      regionCode: input.role === 'region' ? (input.region ?? null) : null,
      chainCode: input.role === 'chain' ? (input.chain ?? null) : null,
      departmentCode: input.role === 'department' ? (input.department ?? null) : null,
      officeName: officeNameOf(input.officeName),
      personId: input.personId ?? null,
      active: input.active ?? true,
      tokenVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(User, user);
    const view = viewOf(user);
    await this.changes.record(manager, { actor, subject: auditSubject.user(user.username), action: 'create', after: view, at: now });
    return view;
  }

  /** The user with this name in any case (`Admin` finds `admin`): names are unique case-insensitively. */
  private findByName(manager: EntityManager, username: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }

  private async scopeFailures(role: Role, region: string | null, chain: string | null, department: string | null): Promise<ErrorDetail[]> {
    const failures: ErrorDetail[] = [];
    const manager = this.dataSource.manager;
    if (role === 'region' && !(region && (await this.reference.regionExists(manager, region))))
      failures.push({ field: 'region', code: 'regionRequired', message: '县区操作员必须指定有效的县（市、区）代码' });
    if (role === 'chain' && !(chain && (await this.reference.chainExists(manager, chain))))
      failures.push({ field: 'chain', code: 'chainRequired', message: '产业链专班用户必须指定有效的产业链代码' });
    if (role === 'department' && !(department && (await this.departments.exists(manager, department))))
      failures.push({ field: 'department', code: 'departmentRequired', message: '要素保障部门用户必须指定有效的部门代码' });
    return failures;
  }

  /** A leader is a person of the register (422 personRequired); a person named must exist (422 unknownPerson). */
  private async personFailures(manager: EntityManager, role: Role, personId: number | null): Promise<ErrorDetail[]> {
    if (personId !== null && !(await this.people.exists(manager, personId)))
      return [{ field: 'personId', code: 'unknownPerson', message: `人员 ${personId} 不在人员名册中` }];
    if (role === 'leader' && personId === null) return [{ field: 'personId', code: 'personRequired', message: '领导/专员用户必须关联人员名册中的一人（personId）' }];
    return [];
  }

  /** The HMAC key: TOKEN_SECRET, or the key file (signing-key.ts), never the database. */
  private async signingKey(): Promise<Buffer> {
    return this.key.current();
  }

  /**
   * `npm run token:rotate`: a new signing key in the key file, and every session ended (all tokens
   * and page sessions stop working at once), with an audit entry. For a key that may have leaked.
   */
  async rotateSigningKey(actor: string): Promise<{ sessionsEnded: number }> {
    this.key.rotate();
    return this.writes.run(async (manager) => {
      const sessionsEnded = await manager.count(AuthSession);
      await manager.createQueryBuilder().delete().from(AuthSession).execute();
      await this.changes.record(manager, { actor, subject: auditSubject.setting('token-key'), action: 'rotate', after: { sessionsEnded } });
      return { sessionsEnded };
    });
  }
}

/** The signed-in user behind a token's claims, with its session: one statement per request (authenticate). */
const SESSION_USER_SQL = `SELECT u.id, u.username, u.role, u.region_code AS "regionCode", u.chain_code AS "chainCode", u.department_code AS "departmentCode",
  u.person_id AS "personId", u.active, u.token_version AS "tokenVersion"
  FROM app_user u JOIN auth_session s ON s.user_id = u.id WHERE u.id = :user AND s.id = :session`;
type SessionUserRow = Pick<User, 'id' | 'username' | 'role' | 'regionCode' | 'chainCode' | 'departmentCode' | 'personId' | 'active' | 'tokenVersion'>;

function principalOf(user: SessionUserRow): Principal {
  return { id: user.id, username: user.username, role: user.role, region: user.regionCode, chain: user.chainCode, department: user.departmentCode ?? null, personId: user.personId ?? null };
}

function viewOf(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    region: user.regionCode,
    chain: user.chainCode,
    department: user.departmentCode ?? null,
    officeName: user.officeName ?? null,
    personId: user.personId ?? null,
    active: Boolean(user.active),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}

/** An office name as stored: trimmed; empty means none. */
function officeNameOf(name: string | null | undefined): string | null {
  return name?.trim() || null;
}
