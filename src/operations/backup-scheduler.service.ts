import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { BackupSchedule, SYSTEM_TIMER } from './backup-schedule.js';

/**
 * Starts the backup schedule when BACKUP_DIR is set: on SQLite, verified copies (backup-schedule.ts);
 * on PostgreSQL the server's own tools do it (pg_dump, see the README), which it says once at start.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backup');
  /** The running schedule (SQLite with BACKUP_DIR), else null. */
  schedule: BackupSchedule | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    const backup = this.config.backup;
    if (!backup) return;
    if (this.config.database.type !== 'sqlite') {
      this.logger.warn(`BACKUP_DIR is set, but the database is PostgreSQL: back it up with pg_dump (docs/operations.md "Backups and restore"); no copies are written to ${backup.dir}`);
      return;
    }
    this.schedule = new BackupSchedule({ source: this.config.database.location, ...backup }, () => this.clock.now(), SYSTEM_TIMER, this.logger);
    this.schedule.start();
    this.logger.log(`every ${backup.everyMs / 60_000} min to ${backup.dir}, keeping ${backup.keep}`);
  }

  onApplicationShutdown(): void {
    this.schedule?.stop();
  }
}
