import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ErrorDetail } from '../common/index.js';

/**
 * Whether the app can serve: the database answers a query, and every migration the code
 * knows has run (a database restored from an older backup, or a second process started on
 * an older build, would otherwise serve from the wrong schema). Reads only.
 */
@Injectable()
export class ReadinessService {
  constructor(private readonly dataSource: DataSource) {}

  /** The reasons the app is not ready; empty when it is. */
  async problems(): Promise<ErrorDetail[]> {
    if (!this.dataSource.isInitialized) return [{ code: 'databaseUnavailable', message: '数据库连接已关闭' }];
    let applied: Set<string>;
    try {
      const table = this.dataSource.options.migrationsTableName ?? 'migrations';
      const rows: { name: string }[] = await this.dataSource.query(`SELECT name FROM "${table}"`);
      applied = new Set(rows.map((row) => row.name));
    } catch (error) {
      return [{ code: 'databaseUnavailable', message: `数据库无应答：${(error as Error).message}` }];
    }
    return this.dataSource.migrations
      .map((migration) => migration.name ?? migration.constructor.name)
      .filter((name) => !applied.has(name))
      .map((name) => ({ code: 'migrationPending', message: `数据库结构未更新：迁移 ${name} 尚未执行` }));
  }
}
