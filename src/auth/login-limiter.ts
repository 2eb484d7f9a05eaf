import { Inject, Injectable } from '@nestjs/common';
import { In, LessThan, type EntityManager } from 'typeorm';
import { Clock, RetryLater } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { LoginAttempt } from './login-attempt.entity.js';

const WINDOW_MS = 15 * 60 * 1000;

export class TooManyAttempts extends RetryLater {
  constructor(retryAfterSeconds: number) {
    super(429, `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`, [{ code: 'tooManyAttempts', message: '登录尝试过于频繁' }], retryAfterSeconds);
  }
}

/** The keys one password check counts against: the user name (any case) and the client address. */
export function attemptKeys(username: string, address: string | undefined): string[] {
  return [`user:${username.toLowerCase()}`, `ip:${address ?? 'unknown'}`];
}

/**
 * Password checks are limited per user name (LOGIN_ATTEMPTS, default 10) and per client
 * address (five times as many, since an office shares one address) in a 15-minute window.
 *
 * An attempt takes its place in both counts the moment it arrives, before the password is
 * checked, so a parallel burst cannot outrun the count: once the places are taken, the
 * rest answer 429 at once, the right password included. A wrong password keeps its place
 * until the window moves on; a right one (or a check that never ran) gives back only its
 * own place, never the failures before it. The places are rows in the database (table
 * login_attempt), taken in a queued write transaction, so every app server sharing the database
 * counts the same attempts; on PostgreSQL a transaction lock per key keeps two servers from
 * counting the same free place.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly clock: Clock,
    private readonly writes: WriteQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `check` within the limits: null when it failed (the place stays taken), its value
   * when it succeeded; throws TooManyAttempts (429) without running it when a limit is reached.
   */
  async attempt<T>(keys: string[], check: () => Promise<T | null>): Promise<T | null> {
    const places = await this.reserve(keys);
    const release = () => this.writes.run((manager) => manager.delete(LoginAttempt, { id: In(places) }), { changesData: false });
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      await release();
      throw error;
    }
    if (result !== null) await release();
    return result;
  }

  /** Takes a place under every key, or answers 429 when a key's places are all taken; the ids of the places taken. */
  private reserve(keys: string[]): Promise<number[]> {
    return this.writes.run(async (manager) => {
      const now = this.clock.now().getTime();
      const windowStart = String(now - WINDOW_MS).padStart(13, '0');
      await lockKeys(manager, keys);
      await manager.delete(LoginAttempt, { key: In(keys), at: LessThan(windowStart) });
      let wait = 0;
      for (const key of keys) {
        const recent = await manager.find(LoginAttempt, { where: { key }, order: { at: 'ASC' }, take: this.limitOf(key) });
        if (recent.length >= this.limitOf(key)) wait = Math.max(wait, Math.ceil((Number(recent[0].at) + WINDOW_MS - now) / 1000));
      }
      if (wait > 0) throw new TooManyAttempts(wait);
      const at = String(now).padStart(13, '0');
      const ids: number[] = [];
      for (const key of keys) ids.push((await manager.save(LoginAttempt, manager.create(LoginAttempt, { key, at }))).id);
      return ids;
    }, { changesData: false });
  }

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.config.loginAttempts * 5 : this.config.loginAttempts;
  }
}

/** On PostgreSQL, serialise the attempts on these keys across servers until the transaction ends (SQLite writes one at a time anyway). */
async function lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  for (const key of [...keys].sort()) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
