import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, LessThan, type EntityManager } from 'typeorm';
import { SecurityLog } from '../audit/index.js';
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

/** Who is trying: the user name tried (any case) and the client address. */
export interface AttemptKeys {
  username: string;
  address: string;
}

export function attemptKeys(username: string, address: string | undefined): AttemptKeys {
  return { username: username.toLowerCase(), address: address ?? 'unknown' };
}

const accountKey = (k: AttemptKeys) => `user:${k.username}`;
const pairKey = (k: AttemptKeys) => `pair:${k.username}@${k.address}`;
const addressKey = (k: AttemptKeys) => `ip:${k.address}`;

/** What a check learns from the limiter: whether its address had no attempt at all in the window (nothing failed, nothing in flight). */
export interface AttemptContext {
  clean: boolean;
}

/**
 * Password checks are limited in a 15-minute window, per account and per address combined
 * (OWASP ASVS 4.0 V2.2.1: against guessing, without letting anyone lock a user out):
 *
 * - an **address** gets at most 5 × LOGIN_ATTEMPTS checks, whatever the names (an office shares one);
 * - an **account** that has had LOGIN_ATTEMPTS failures is closed to the addresses those failures
 *   came from, and to them only: an address that has not failed on it still gets its checks, so a
 *   valid password from an address that has not failed gets in, while each address guessing at it
 *   is stopped after its share (one guess once the account is under attack).
 *
 * An attempt takes its places (account, account-and-address, address) the moment it arrives,
 * before the password is checked, so a parallel burst cannot outrun the count: once the places are
 * taken, the rest answer 429 at once. A wrong password keeps its places until the window moves on;
 * a right one (or a check that never ran) gives back only its own, never the failures before it. The
 * places are rows in the database (login_attempt), taken in a queued write transaction, so every app
 * server sharing the database counts the same attempts; on PostgreSQL a transaction lock per key
 * keeps two servers from counting the same free place. When an account closes to an address, or an
 * address reaches its limit, the security log gets a `locked` entry.
 */
@Injectable()
export class LoginLimiter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly writes: WriteQueue,
    private readonly security: SecurityLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `check` within the limits: null when it failed (the places stay taken), its value
   * when it succeeded; throws TooManyAttempts (429) without running it when a limit is reached.
   */
  async attempt<T>(keys: AttemptKeys, check: (context: AttemptContext) => Promise<T | null>): Promise<T | null> {
    const { ids, clean } = await this.reserve(keys);
    const release = () => this.writes.run((manager) => manager.delete(LoginAttempt, { id: In(ids) }), { changesData: false });
    let result: T | null;
    try {
      result = await check({ clean });
    } catch (error) {
      await release();
      throw error;
    }
    if (result !== null) await release();
    else await this.noteLockouts(keys);
    return result;
  }

  /** Takes the attempt's places, or answers 429 when the address or the account (for this address) is closed. */
  private reserve(keys: AttemptKeys): Promise<{ ids: number[]; clean: boolean }> {
    return this.writes.run(async (manager) => {
      const now = this.clock.now().getTime();
      const windowStart = String(now - WINDOW_MS).padStart(13, '0');
      const all = [accountKey(keys), pairKey(keys), addressKey(keys)];
      await lockKeys(manager, all);
      await manager.delete(LoginAttempt, { key: In(all), at: LessThan(windowStart) });
      const counted = await manager
        .createQueryBuilder(LoginAttempt, 'a')
        .select('a.key', 'key')
        .addSelect('COUNT(*)', 'n')
        .addSelect('MIN(a.at)', 'oldest')
        .where('a.key IN (:...keys)', { keys: all })
        .groupBy('a.key')
        .getRawMany<{ key: string; n: number | string; oldest: string }>();
      const of = (key: string) => counted.find((row) => row.key === key) ?? { n: 0, oldest: String(now) };
      const [account, pair, address] = all.map((key) => ({ n: Number(of(key).n), oldest: Number(of(key).oldest) }));
      let wait = 0;
      const waitFor = (oldest: number) => Math.ceil((oldest + WINDOW_MS - now) / 1000);
      if (address.n >= this.addressLimit) wait = Math.max(wait, waitFor(address.oldest));
      // The account is closed to this address once it has had its failures and some came from here: wait until this address's oldest goes.
      if (account.n >= this.config.loginAttempts && pair.n > 0) wait = Math.max(wait, waitFor(pair.oldest));
      if (wait > 0) throw new TooManyAttempts(wait);
      const at = String(now).padStart(13, '0');
      const inserted = await manager.insert(LoginAttempt, all.map((key) => ({ key, at })));
      const ids = inserted.identifiers.map((identifier) => Number(identifier.id));
      return { ids, clean: address.n === 0 };
    }, { changesData: false });
  }

  /** After a failure: a `locked` entry when it closed the account to this address, or the address itself. */
  private async noteLockouts(keys: AttemptKeys): Promise<void> {
    const repo = this.dataSource.getRepository(LoginAttempt);
    const [account, pair, address] = await Promise.all([accountKey(keys), pairKey(keys), addressKey(keys)].map((key) => repo.countBy({ key })));
    const accountClosed = account >= this.config.loginAttempts && (account === this.config.loginAttempts || pair === 1);
    if (accountClosed) await this.security.record({ kind: 'locked', username: keys.username, address: keys.address });
    if (address === this.addressLimit) await this.security.record({ kind: 'locked', address: keys.address });
  }

  private get addressLimit(): number {
    return this.config.loginAttempts * 5;
  }
}

/** On PostgreSQL, serialise the attempts on these keys across servers until the transaction ends (SQLite writes one at a time anyway). */
async function lockKeys(manager: EntityManager, keys: string[]): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  for (const key of [...keys].sort()) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

