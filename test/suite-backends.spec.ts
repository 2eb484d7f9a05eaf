import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Which specs each backend's run holds (jest.config.js; docs/development.md "Tests"): the
 * several-servers specs only on PostgreSQL, and the specs whose servers run on SQLite files of their
 * own only on SQLite, since a PostgreSQL run would repeat them unchanged. A spec on that list must
 * never reach the PostgreSQL database: if it ever does, it belongs in both runs again.
 */
const ROOT = process.cwd();
const { SQLITE_ONLY_SPECS } = (await import(pathToFileURL(join(ROOT, 'jest.config.js')).href)) as { SQLITE_ONLY_SPECS: string[] };

/** The spec files Jest would run, named by their sources (Jest runs them built, dist/test/X.js), with TEST_DATABASE_URL set or not. */
function listed(postgres: boolean): string[] {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (postgres) env.TEST_DATABASE_URL = 'postgres://nobody@127.0.0.1:1/listing-only';
  else delete env.TEST_DATABASE_URL;
  const run = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--listTests', '--json'], { cwd: ROOT, env, encoding: 'utf8' });
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as string[]).map((path) => path.slice(ROOT.length + 1).replace(/^dist\//, '').replace(/\.js$/, '.ts')).sort();
}

describe('the specs of each backend run', () => {
  it('names SQLite-only specs that exist and never reach the PostgreSQL database', () => {
    expect(SQLITE_ONLY_SPECS.length).toBeGreaterThan(0);
    for (const name of SQLITE_ONLY_SPECS) {
      const path = join(ROOT, 'test', name);
      expect([name, existsSync(path)]).toEqual([name, true]);
      const text = readFileSync(path, 'utf8');
      for (const reach of ['TEST_DATABASE_URL', 'startTestApp', 'freshDatabase']) expect([name, reach, text.includes(reach)]).toEqual([name, reach, false]);
      expect([name, text.includes('sqlite:')]).toEqual([name, true]);
    }
  });

  it('runs the SQLite-only specs in the SQLite run alone, the several-servers specs in the PostgreSQL run alone, everything else in both', () => {
    const sqlite = listed(false);
    const postgres = listed(true);
    const sqliteOnly = SQLITE_ONLY_SPECS.map((name) => `test/${name}`).sort();
    expect(sqlite.filter((path) => !postgres.includes(path))).toEqual(sqliteOnly);
    const pgOnly = postgres.filter((path) => !sqlite.includes(path));
    expect(pgOnly.length).toBeGreaterThan(0);
    expect(pgOnly.filter((path) => !path.endsWith('.pg-spec.ts'))).toEqual([]);
    expect(sqlite).toContain('test/crash.e2e-spec.ts');
    expect(postgres).toContain('test/crash.e2e-spec.ts');
  });
});
