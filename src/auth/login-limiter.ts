import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

const WINDOW_MS = 15 * 60 * 1000;

/**
 * Failed sign-ins are counted per user name (LOGIN_ATTEMPTS, default 10) and per client
 * address (five times as many, since an office shares one address) in a 15-minute window;
 * past either limit sign-in answers 429 until the window moves on. In memory: one
 * process serves a city, and a restart only forgets recent failures.
 */
@Injectable()
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seconds to wait, or 0 when another attempt is allowed. */
  retryAfter(keys: string[]): number {
    const now = this.clock.now().getTime();
    let wait = 0;
    for (const key of keys) {
      const recent = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
      this.failures.set(key, recent);
      const limit = key.startsWith('ip:') ? this.config.loginAttempts * 5 : this.config.loginAttempts;
      if (recent.length >= limit) wait = Math.max(wait, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  fail(keys: string[]): void {
    const now = this.clock.now().getTime();
    for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), now]);
    if (this.failures.size > 100_000) this.failures.clear(); // bound memory under a spray of names
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.failures.delete(key);
  }
}
