import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ROLE_SCOPES, ROLES } from '../access/index.js';
import { ROLE_LABELS } from '../access/labels.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, notFound } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { DepartmentsService, ReferenceService } from '../reference/index.js';
import { AuthSession } from './auth-session.entity.js';
import { OFFICE_NAME_RULE, USERNAME } from './dto/auth.dto.js';
import { SYSTEM_ACTOR_LABELS, PASSWORD_FORM_LABELS, USER_ADMIN_LABELS } from './labels.js';
import { hashPassword } from './password.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblems } from './password-policy.js';
import { User } from './user.entity.js';
import type { ActorName, UserRules } from './users.types.js';

export type { ActorName, UserRules };

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const READABLE = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A password the server chooses for a reset: four groups of four readable characters
 * (`k7Mq-xR4t-…`, about 92 bits), drawn from the operating system's random source, and
 * checked against the same rules as a chosen one.
 */
export function generatedPassword(): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join(''));
    const password = groups.join('-');
    if (passwordProblems(password).length === 0) return password;
  }
}

/**
 * The city office's side of users that the 用户管理 page needs beyond the list and PATCH of
 * AuthService: a password reset to a generated password shown once, the rules at the fields,
 * and the names every history shows instead of login names (docs/access.md "用户管理").
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * A new password the server generates, returned this once (only its hash is kept): the user's
   * tokens and sessions end, the user stays as it was otherwise; audited without the password.
   */
  async resetPassword(id: number, actor: string): Promise<{ username: string; password: string }> {
    const password = generatedPassword();
    const passwordHash = await hashPassword(password);
    return this.writes.run(async (manager) => {
      const user = await manager.findOneBy(User, { id });
      if (!user) throw notFound('用户不存在');
      const now = this.clock.nowIso();
      await manager.update(User, { id }, { passwordHash, tokenVersion: user.tokenVersion + 1, updatedAt: now });
      const ended = await manager.countBy(AuthSession, { userId: id });
      await manager.delete(AuthSession, { userId: id });
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.user(user.username),
        action: 'password',
        after: { passwordChanged: true, generated: true, sessionsEnded: ended },
        at: now,
      });
      return { username: user.username, password };
    });
  }

  async rules(): Promise<UserRules> {
    const activeAdmins = await this.dataSource.getRepository(User).countBy({ role: 'admin', active: true });
    return {
      username: { pattern: USERNAME.source, rule: '2–64 位字母、数字或 . _ -，不区分大小写，建成后不能修改' },
      password: { minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH, rule: PASSWORD_FORM_LABELS.rule },
      officeName: { maxLength: 64, rule: OFFICE_NAME_RULE },
      roles: ROLES.map((role) => ({ role, label: ROLE_LABELS[role] ?? role, scope: ROLE_SCOPES[role] })),
      lastAdmin: { activeAdmins, rule: USER_ADMIN_LABELS.lastAdmin },
    };
  }

  /**
   * Every user's name in histories: its office name, else its scope's (the county, the chain's
   * 专班, the department) or its role's words; and the system actors'.
   */
  async actorNames(): Promise<ActorName[]> {
    const manager = this.dataSource.manager;
    const [users, regions, chains, departments] = await Promise.all([
      manager.find(User, { order: { id: 'ASC' } }),
      this.reference.regionRows(manager),
      this.reference.chainRows(manager),
      this.departments.list(),
    ]);
    const nameOf = (user: User): string => {
      if (user.officeName) return user.officeName;
      if (user.role === 'region') return regions.find((r) => r.code === user.regionCode)?.name ?? ROLE_LABELS.region;
      if (user.role === 'chain') {
        const chain = chains.find((c) => c.code === user.chainCode);
        return chain ? `${chain.name}产业链专班` : ROLE_LABELS.chain;
      }
      if (user.role === 'department') return departments.find((d) => d.code === user.departmentCode)?.name ?? ROLE_LABELS.department;
      return ROLE_LABELS[user.role] ?? user.role;
    };
    return [
      ...Object.entries(SYSTEM_ACTOR_LABELS).map(([username, name]) => ({ username, name })),
      ...users.map((user) => ({ username: user.username, name: nameOf(user) })),
    ];
  }
}
