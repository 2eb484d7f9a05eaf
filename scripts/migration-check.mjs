// Fails when the entities and the committed migrations disagree: builds a fresh SQLite
// database from the migrations alone, then asks TypeORM whether the entities would
// need another migration (`migration:generate --check`). Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'migration-check-'));
const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, 'check.sqlite')}` };
const typeorm = (...args) =>
  spawnSync('node', ['node_modules/typeorm/cli.js', ...args, '-d', 'dist/src/data-source.js'], { env, encoding: 'utf8' });

try {
  const run = typeorm('migration:run');
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error('migrations failed to run');
  }
  const check = typeorm('migration:generate', '--check', join(dir, 'Drift'));
  process.stdout.write(check.stdout.split('\n').filter((l) => !l.startsWith('query')).join('\n'));
  if (check.status !== 0) {
    console.error(check.stderr);
    throw new Error('entities and committed migrations disagree: generate a migration (npm run migration:generate -- src/database/migrations/Name)');
  }
  console.log('migration check: entities and migrations agree');
} catch (error) {
  console.error(`migration check FAILED: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
