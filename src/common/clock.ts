import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { calendarDateIn, wallClockIn } from './period.js';

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

  /** Today's calendar date (YYYY-MM-DD) in the configured zone (TZ_CALENDAR, Asia/Shanghai). */
  today(): string {
    return calendarDateIn(this.now(), this.config.timeZone);
  }

  /** The calendar date (YYYY-MM-DD) of an instant in the configured zone: 2024-03-01T23:30Z is 03-02 in Liaocheng. */
  dateOf(instant: string | Date): string {
    return calendarDateIn(instant, this.config.timeZone);
  }

  /** An instant as local wall-clock text in the configured zone, for printed documents: "2024-11-05 09:30" (with seconds: "2024-11-05 09:30:07"). */
  wallClock(instant: string | Date, options: { seconds?: boolean } = {}): string {
    return wallClockIn(instant, this.config.timeZone, options.seconds ?? false);
  }

  /** The configured calendar zone (TZ_CALENDAR). */
  get timeZone(): string {
    return this.config.timeZone;
  }

  /** How printed documents name the zone: 北京时间 for China's zone, else its IANA name. */
  get zoneLabel(): string {
    return ['Asia/Shanghai', 'Asia/Chongqing', 'PRC'].includes(this.config.timeZone) ? '北京时间' : this.config.timeZone;
  }
}
