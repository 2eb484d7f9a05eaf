/** database: the module's public face — what other modules may use (docs/architecture.md). */
export { backupSqlite, checkSqlite } from './backup.js';
export { dataSourceOptions } from './data-source-options.js';
export { DATABASE_ENTITIES, DatabaseModule } from './database.module.js';
export { readTogether } from './read-together.js';
export { insertStatement, int, preparedSql, sql, sqlCodes, sqlIntegers, sqlScript, sqlScriptRows, sqlTogether, type Statement } from './sql.js';
export { checkReadVersion, updateVersioned } from './versioned.js';
export { WRITE_VERSION_SQL, WriteQueue } from './write-queue.js';
export { insertSettingOnce, readSetting, writeSetting } from './settings.js';
export { markChanged, takeChanged, type Changed, type Follower } from './changes.js';
export { PRIVATE_DIR, PRIVATE_FILE, createPrivateFile, prepareSqliteFile, privateDir, readPrivateFile, tighten, writePrivateFile } from './private-files.js';
