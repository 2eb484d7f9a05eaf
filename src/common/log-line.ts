import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Everything a log prints, made one line: control characters (line feed, carriage return, tab,
 * escape, C1 controls), the Unicode line and paragraph separators and the direction overrides are
 * written as escapes (`\n`, `\u2028`). One request, one line: a name with a newline in it cannot
 * add a fake line to the log (docs/operations.md "Request logs"). Values that come from a request
 * are also quoted in the request line (logValue), where a backslash is escaped too.
 */
const UNSAFE = /[\p{Cc}\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function logSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value for a `key=value` text log line: as it is when it is one plain word, else in double
 * quotes (JSON's escapes, then logSafe's), so that a space or `=` in a name cannot add a field.
 */
export function logValue(text: string): string {
  return /^[\p{L}\p{N}._:@/-]+$/u.test(text) ? text : logSafe(JSON.stringify(text));
}

/**
 * Nest's console logger for the text format, every message and stack trace printed on one line
 * (logSafe); colours off, since the lines go to a journal or a file. LOG_FORMAT=json uses Nest's
 * JSON logger instead, whose lines are one JSON object each.
 */
export class OneLineLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels, colors: false });
  }

  /** The second the kept timestamp was written in, and its text (Nest's own format, to the second). */
  private second = -1;
  private stamp = '';

  /**
   * Nest's timestamp, formatted once a second rather than on every line (an Intl date format per
   * request line costs more than the rest of the line): its text shows seconds, no finer.
   */
  protected override getTimestamp(): string {
    const second = Math.floor(Date.now() / 1000);
    if (second !== this.second) {
      this.stamp = super.getTimestamp();
      this.second = second;
    }
    return this.stamp;
  }

  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    return logSafe(super.stringifyMessage(message, logLevel));
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(stack ? logSafe(stack) : stack);
  }
}
