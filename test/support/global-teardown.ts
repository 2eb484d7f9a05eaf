import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Removes the run's templates (global-setup.ts): the SQLite files, and on PostgreSQL the template
 * databases. Merges the spec files' records of undeclared answers into one.
 */
export default async function globalTeardown(): Promise<void> {
  mergeUndeclared();
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

interface UndeclaredRecord {
  undeclared: { key: string; operationId: string | null; count: number; specs: string[] }[];
  unmatched: Record<string, number>;
}

/**
 * test-artifacts/openapi-undeclared.json (the folder global-setup.ts names, `.json`): every JSON answer of this run whose operation declares
 * no schema for its status (operation, status, how often, which spec files), and the JSON answers
 * to paths no operation has, from the per-spec-file records of test/support/openapi-validator.ts.
 */
function mergeUndeclared(): void {
  const folder = process.env.OPENAPI_UNDECLARED_DIR;
  if (!folder) return;
  if (!existsSync(folder)) return;
  const undeclared = new Map<string, UndeclaredRecord['undeclared'][number]>();
  const unmatched: Record<string, number> = {};
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(folder, file), 'utf8')) as UndeclaredRecord;
    for (const entry of part.undeclared) {
      const merged = undeclared.get(entry.key) ?? { key: entry.key, operationId: entry.operationId, count: 0, specs: [] };
      merged.count += entry.count;
      merged.specs = [...new Set([...merged.specs, ...entry.specs])].sort();
      undeclared.set(entry.key, merged);
    }
    for (const [key, count] of Object.entries(part.unmatched)) unmatched[key] = (unmatched[key] ?? 0) + count;
  }
  const entries = [...undeclared.values()].sort((a, b) => a.key.localeCompare(b.key));
  const operations = new Set(entries.map((entry) => entry.key.replace(/ \d+$/, '')));
  writeFileSync(
    `${folder}.json`,
    `${JSON.stringify({ note: 'JSON answers whose operation declares no schema for the status (test/support/openapi-validator.ts); they fail unless OPENAPI_STRICT=0', operations: operations.size, answers: entries.length, undeclared: entries, unmatched }, null, 2)}\n`,
  );
}
