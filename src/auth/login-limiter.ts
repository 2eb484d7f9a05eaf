import { Inject, Injectable } from '@nestjs/common';
import { RetryLater } from '../common/api-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

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
 * own place, never the failures before it. In memory: one process serves a city, and a
 * restart only forgets recent failures.
 */
@Injectable()
export class LoginLimiter {
  private readonly attempts = new Map<string, { at: number }[]>();

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `check` within the limits: null when it failed (the place stays taken), its value
   * when it succeeded; throws TooManyAttempts (429) without running it when a limit is reached.
   */
  async attempt<T>(keys: string[], check: () => Promise<T | null>): Promise<T | null> {
    const release = this.reserve(keys);
    let result: T | null;
    try {
      result = await check();
    } catch (error) {
      release();
      throw error;
    }
    if (result !== null) release();
    return result;
  }

  /** Takes a place under every key (synchronously) and returns how to give it back. */
  private reserve(keys: string[]): () => void {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.attempts.get(key) ?? []).filter((a) => now - a.at < WINDOW_MS);
      this.attempts.set(key, recent);
      if (recent.length >= this.limitOf(key)) wait = Math.max(wait, Math.ceil((recent[0].at + WINDOW_MS - now) / 1000));
    }
    if (wait > 0) throw new TooManyAttempts(wait);
    if (this.attempts.size > 100_000) this.attempts.clear(); // bound memory under a spray of names
    const place = { at: now };
    for (const key of keys) this.attempts.set(key, [...(this.attempts.get(key) ?? []), place]);
    return () => {
      for (const key of keys) {
        const list = this.attempts.get(key);
        if (list) this.attempts.set(key, list.filter((a) => a !== place));
      }
    };
  }

  private limitOf(key: string): number {
    return key.startsWith('ip:') ? this.config.loginAttempts * 5 : this.config.loginAttempts;
  }
}
