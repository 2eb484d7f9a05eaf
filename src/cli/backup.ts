import { loadConfig } from '../config/index.js';
import { backupSqlite } from '../database/index.js';

/**
 * `npm run backup -- <destination.sqlite>`: an online backup of the configured SQLite
 * database (DATABASE_URL), checked after copying. Runs while the app is up.
 */
const destination = process.argv[2];
if (!destination) {
  console.error('usage: npm run backup -- <destination.sqlite>');
  process.exit(2);
}
const { database } = loadConfig();
if (database.type !== 'sqlite') {
  console.error('backup is for the SQLite database; for PostgreSQL use pg_dump');
  process.exit(2);
}
try {
  const result = await backupSqlite(database.location, destination);
  console.log(JSON.stringify(result, null, 2));
} catch (error) {
  console.error(`backup FAILED: ${(error as Error).message}`);
  process.exit(1);
}
