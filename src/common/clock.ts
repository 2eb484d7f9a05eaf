import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/**
 * The one source of "now" and "today". Tests replace it to fix the date; the
 * lifecycle guards receive today's date from here, never from Date directly.
 */
@Injectable()
export class Clock {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return new Date();
  }

  /** Instant as stored: ISO 8601 UTC with milliseconds, which sorts as text. */
  nowIso(): string {
    return this.now().toISOString();
  }

  /** Today's calendar date (YYYY-MM-DD) in the configured zone (Asia/Shanghai). */
  today(): string {
    return new Intl.DateTimeFormat('en-CA', {
      timeZone: this.config.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(this.now());
  }
}
