import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupSqlite, privateDir } from '../database/index.js';

/** A repeating timer: the system's in the app, one the test moves by hand. */
export interface Timer {
  /** Calls `tick` every `ms` until the returned function is called. */
  repeat(ms: number, tick: () => Promise<unknown>): () => void;
}

export const SYSTEM_TIMER: Timer = {
  repeat(ms, tick) {
    const handle = setInterval(() => void tick(), ms);
    handle.unref(); // a pending backup check never keeps the process alive
    return () => clearInterval(handle);
  },
};

export interface BackupScheduleOptions {
  /** The SQLite file to copy. */
  source: string;
  dir: string;
  everyMs: number;
  keep: number;
}

interface Log {
  log(message: string): void;
  error(message: string): void;
}

/** `tracker-20240630T040000Z.sqlite`: the instant of the copy, UTC, so that names sort by time. */
const NAME = /^tracker-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.sqlite$/;

export function backupName(instant: Date): string {
  return `tracker-${instant.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z.sqlite`;
}

function instantOf(name: string): number {
  const [, y, mo, d, h, mi, s] = NAME.exec(name)!;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/**
 * Scheduled SQLite backups: every `everyMs` an online copy (SQLite's backup API, safe while the
 * app writes) is written to `dir`, checked with `PRAGMA integrity_check` before it counts, and
 * the copies beyond the newest `keep` are deleted. Whether a copy is due is decided from the
 * newest copy in the folder and the clock, so a restart neither skips nor repeats one; the
 * timer only says when to look (every minute, or every `everyMs` if shorter). Restore and the
 * PostgreSQL procedure: docs/operations.md "Backups and restore".
 */
export class BackupSchedule {
  private stopTimer: (() => void) | null = null;
  private running = false;

  constructor(
    private readonly options: BackupScheduleOptions,
    private readonly now: () => Date,
    private readonly timer: Timer,
    private readonly logger: Log,
  ) {}

  start(): void {
    // The copies hold what the database holds: 0600 files (backupSqlite) in a folder made 0700.
    if (privateDir(this.options.dir).openToOthers)
      this.logger.log(`the backup folder ${this.options.dir} is open to other accounts; the copies are 0600, but consider chmod 700 on it`);
    this.stopTimer = this.timer.repeat(Math.min(this.options.everyMs, 60_000), () => this.tick());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  /** The kept copies, oldest first (file names). */
  backups(): string[] {
    if (!existsSync(this.options.dir)) return [];
    return readdirSync(this.options.dir).filter((name) => NAME.test(name)).sort();
  }

  /** Takes a copy when one is due; resolves to its file name, or null when none was due (or it failed). */
  async tick(): Promise<string | null> {
    if (this.running) return null;
    const now = this.now();
    const newest = this.backups().at(-1);
    if (newest && instantOf(newest) + this.options.everyMs > now.getTime()) return null;
    this.running = true;
    const name = backupName(now);
    const partial = join(this.options.dir, `${name}.partial`);
    try {
      removeDatabaseFile(partial);
      // backupSqlite opens the copy afterwards and refuses it unless the integrity check says ok.
      await backupSqlite(this.options.source, partial);
      renameSync(partial, join(this.options.dir, name));
      const removed = this.prune();
      this.logger.log(`backup ${name} written and checked${removed.length ? `; removed ${removed.join(', ')}` : ''}`);
      return name;
    } catch (error) {
      removeDatabaseFile(partial);
      this.logger.error(`backup ${name} FAILED: ${(error as Error).message}`);
      return null;
    } finally {
      this.running = false;
    }
  }

  /** Deletes the copies older than the newest `keep`; only files named like ours are touched. */
  private prune(): string[] {
    const old = this.backups().slice(0, -this.options.keep);
    for (const name of old) removeDatabaseFile(join(this.options.dir, name));
    return old;
  }
}

/** A database file and the journal files SQLite may have left beside it. */
function removeDatabaseFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
