import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Removes the run's templates (global-setup.ts): the SQLite files, and on PostgreSQL the template databases. */
export default async function globalTeardown(): Promise<void> {
  const folder = process.env.TRACKER_TEST_TEMPLATES;
  if (!folder) return;
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const names = readdirSync(folder)
      .filter((file) => file.endsWith('.ready'))
      .map((file) => readFileSync(join(folder, file), 'utf8'))
      .filter((name) => /^tracker_tmpl_\w+$/.test(name));
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
  rmSync(folder, { recursive: true, force: true });
}
