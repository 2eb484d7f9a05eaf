import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { prepareSqliteFile } from './private-files.js';

/**
 * Connection options for a database URL. SQLite: WAL journal, a busy timeout, foreign
 * keys on, and synchronous=NORMAL (in WAL mode a commit survives a process crash; only a
 * power loss can drop the last transactions, never corrupt the file). Schema comes only
 * from the committed migrations, run at start; `synchronize` is always off. The app registers
 * each module's entities with the module (TypeOrmModule.forFeature); the migrations CLI and the
 * scripts pass every entity (src/entities.ts). The SQLite file is made 0600 in a 0700 folder before
 * it is opened (private-files.ts).
 */
export function dataSourceOptions(database: DatabaseConfig, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  } as const;

  if (database.type === 'postgres') {
    // JIT off: the board's plans are estimated expensive enough to trigger JIT compilation,
    // which cost ~0.8 s per request for a query that runs in ~0.2 s (measured, docs/benchmarks.md).
    return { ...common, type: 'postgres', url: database.location, extra: { options: '-c jit=off' } };
  }
  if (database.location !== ':memory:') prepareSqliteFile(database.location);
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.location,
    enableWAL: true,
    timeout: 10_000,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
  };
}
