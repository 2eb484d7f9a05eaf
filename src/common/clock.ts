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

  /** Today's calendar date (YYYY-MM-DD) in the configured zone (TZ_CALENDAR, Asia/Shanghai). */
  today(): string {
    return calendarDate(this.now(), this.config.timeZone);
  }

  /** The calendar date (YYYY-MM-DD) of an instant in the configured zone: 2024-03-01T23:30Z is 03-02 in Liaocheng. */
  dateOf(instant: string | Date): string {
    return calendarDate(typeof instant === 'string' ? new Date(instant) : instant, this.config.timeZone);
  }

  /** An instant as local wall-clock text in the configured zone, for printed documents: "2024-11-05 09:30" (with seconds: "2024-11-05 09:30:07"). */
  wallClock(instant: string | Date, options: { seconds?: boolean } = {}): string {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone: this.config.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: options.seconds ? '2-digit' : undefined,
      hourCycle: 'h23',
    }).formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}${options.seconds ? `:${part('second')}` : ''}`;
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

function calendarDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
