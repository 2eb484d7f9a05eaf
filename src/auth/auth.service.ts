import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { auditSubject } from '../audit/audit-subjects.js';
import { ApiError, notFound, unprocessable } from '../common/api-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { WriteQueue } from '../database/write-queue.js';
import { Chain } from '../reference/chain.entity.js';
import { Region } from '../reference/region.entity.js';
import { AppSetting } from './app-setting.entity.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';
import { issueToken, verifyToken } from './token.js';
import { User, type Role } from './user.entity.js';

export interface UserView {
  id: number;
  username: string;
  role: Role;
  region: string | null;
  chain: string | null;
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
  active?: boolean;
}

const SECRET_KEY = 'token-secret';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  private secret?: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** First start: create `admin` with ADMIN_PASSWORD, or a random password printed once. */
  async ensureFirstAdmin(): Promise<void> {
    if ((await this.dataSource.getRepository(User).countBy({ role: 'admin' })) > 0) return;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    await this.createUser({ username: 'admin', password, role: 'admin' }, 'system');
    if (!this.config.adminPassword)
      this.logger.warn(`created the first admin: username "admin", password "${password}" (shown once; set ADMIN_PASSWORD to choose it)`);
  }

  async login(username: string, password: string): Promise<string | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ username });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) return null;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return issueToken({ sub: user.id, tv: user.tokenVersion }, await this.signingKey(), now, this.config.tokenTtlSeconds);
  }

  /** The principal behind a bearer token, re-read from the database; null when the token is not good. */
  async authenticate(token: string): Promise<Principal | null> {
    const claims = verifyToken(token, await this.signingKey(), Math.floor(this.clock.now().getTime() / 1000));
    if (!claims) return null;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: claims.sub });
    if (!user || !user.active || user.tokenVersion !== claims.tv) return null;
    return { id: user.id, username: user.username, role: user.role, region: user.regionCode, chain: user.chainCode };
  }

  async listUsers(): Promise<UserView[]> {
    return (await this.dataSource.getRepository(User).find({ order: { id: 'ASC' } })).map(viewOf);
  }

  createUser(input: Required<Pick<UserInput, 'username' | 'password' | 'role'>> & UserInput, actor: string): Promise<UserView> {
    return this.writes.run(async (manager) => {
      const failures = await this.scopeFailures(input.role, input.region ?? null, input.chain ?? null);
      if (await manager.existsBy(User, { username: input.username }))
        failures.push({ field: 'username', code: 'duplicateUsername', message: `用户名 ${input.username} 已存在` });
      if (failures.length) throw unprocessable('用户数据未通过校验', failures);
      const now = this.clock.nowIso();
      const user = manager.create(User, {
        username: input.username,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        regionCode: input.role === 'region' ? (input.region ?? null) : null,
        chainCode: input.role === 'chain' ? (input.chain ?? null) : null,
        active: input.active ?? true,
        tokenVersion: 1,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(User, user);
      const view = viewOf(user);
      await this.audit.append(manager, { actor, ...auditSubject.user(user.username), action: 'create', after: view, at: now });
      return view;
    });
  }

  updateUser(id: number, input: UserInput, actor: string): Promise<UserView> {
    return this.writes.run(async (manager) => {
      const user = await manager.findOneBy(User, { id });
      if (!user) throw notFound(`用户 ${id} 不存在`);
      const role = input.role ?? user.role;
      const region = input.region !== undefined ? input.region : user.regionCode;
      const chain = input.chain !== undefined ? input.chain : user.chainCode;
      const failures = await this.scopeFailures(role, role === 'region' ? region : null, role === 'chain' ? chain : null);
      if (failures.length) throw unprocessable('用户数据未通过校验', failures);
      const changes: Partial<User> = {
        role,
        regionCode: role === 'region' ? region : null,
        chainCode: role === 'chain' ? chain : null,
        active: input.active ?? user.active,
        updatedAt: this.clock.nowIso(),
      };
      if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);
      const securityChange =
        input.password !== undefined || changes.role !== user.role || changes.regionCode !== user.regionCode || changes.chainCode !== user.chainCode || changes.active !== user.active;
      if (securityChange) changes.tokenVersion = user.tokenVersion + 1;
      await manager.update(User, { id }, changes);
      const view = viewOf({ ...user, ...changes } as User);
      const { passwordHash: _hash, ...visible } = changes;
      await this.audit.append(manager, {
        actor,
        ...auditSubject.user(user.username),
        action: input.password !== undefined ? 'password' : 'update',
        before: { role: user.role, region: user.regionCode, chain: user.chainCode, active: Boolean(user.active) },
        after: { ...visible, passwordChanged: input.password !== undefined },
        at: changes.updatedAt,
      });
      return view;
    });
  }

  private async scopeFailures(role: Role, region: string | null, chain: string | null) {
    const failures: { field: string; code: string; message: string }[] = [];
    if (role === 'region' && !(region && (await this.dataSource.getRepository(Region).existsBy({ code: region }))))
      failures.push({ field: 'region', code: 'regionRequired', message: '县区操作员必须指定有效的县（市、区）代码' });
    if (role === 'chain' && !(chain && (await this.dataSource.getRepository(Chain).existsBy({ code: chain }))))
      failures.push({ field: 'chain', code: 'chainRequired', message: '产业链专班用户必须指定有效的产业链代码' });
    return failures;
  }

  /** The HMAC key: TOKEN_SECRET if set, else one generated on first start and kept in the database. */
  private async signingKey(): Promise<Buffer> {
    if (this.secret) return this.secret;
    if (this.config.tokenSecret) return (this.secret = Buffer.from(this.config.tokenSecret, 'utf8'));
    const repo = this.dataSource.getRepository(AppSetting);
    let setting = await repo.findOneBy({ key: SECRET_KEY });
    if (!setting) {
      await this.writes.run(async (manager) => {
        if (!(await manager.existsBy(AppSetting, { key: SECRET_KEY })))
          await manager.insert(AppSetting, { key: SECRET_KEY, value: randomBytes(32).toString('base64') });
      });
      setting = await repo.findOneByOrFail({ key: SECRET_KEY });
    }
    return (this.secret = Buffer.from(setting.value, 'base64'));
  }
}

export class TooManyAttempts extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`, [{ code: 'tooManyAttempts', message: '登录尝试过于频繁' }]);
  }
}

function viewOf(user: User): UserView {
  return {
    id: user.id,
    username: user.username,
    role: user.role,
    region: user.regionCode,
    chain: user.chainCode,
    active: Boolean(user.active),
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
