import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { backupSqlite, checkSqlite } from '../src/database/index.js';
import { projectBody } from './factories/project.factory.js';
import { api as apiAt, signIn, startChildServer, type ChildServer } from './support/child-server.js';
import { freshDatabase } from './support/test-app.js';

/**
 * Writes survive crashes: the built server (`npm test` builds first) is killed with SIGKILL
 * in the middle of a burst of writes, then restarted on the same database (a SQLite file, or
 * a PostgreSQL database when TEST_DATABASE_URL is set). The database must pass its integrity
 * check and hold every write the server acknowledged. Repeated.
 */
const PASSWORD = 'crash-test-admin-password';
const ROUNDS = 4;

describe('crash safety (SIGKILL during a burst of writes) and online backup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-crash-'));
  const file = join(dir, 'tracker.sqlite');
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  /** The stored comments and the integrity verdict, read straight from the database. */
  const inspect = async (): Promise<{ integrity: string; comments: Set<string> }> => {
    if (!database.postgres) {
      const integrity = checkSqlite(file).integrity;
      const db = new Database(file, { readonly: true });
      const comments = new Set((db.prepare('SELECT text FROM project_comment').all() as { text: string }[]).map((r) => r.text));
      db.close();
      return { integrity, comments };
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      // PostgreSQL checks its own pages; a query over every table reads them all back.
      for (const { table_name } of (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).rows)
        await client.query(`SELECT COUNT(*) FROM "${table_name}"`);
      const comments = new Set((await client.query('SELECT text FROM project_comment')).rows.map((r: { text: string }) => r.text));
      return { integrity: 'ok', comments };
    } finally {
      await client.end();
    }
  };
  let port = 0;
  let base = '';
  let server: ChildServer | null = null;
  let token = '';

  /** Starts the built server on the database (again on the same port after a kill). */
  const start = async () => {
    server = await startChildServer({ DATABASE_URL: database.url, SEED: 'none', ADMIN_PASSWORD: PASSWORD }, { port: port || undefined });
    base = server.base;
    port = Number(new URL(base).port);
  };
  const api = (path: string, init: RequestInit = {}) => apiAt(base, path, token, init);

  beforeAll(async () => {
    database = process.env.TEST_DATABASE_URL ? await freshDatabase(dir) : { url: `sqlite:${file}`, postgres: false, drop: async () => {} };
    await start();
    token = await signIn(base, 'admin', PASSWORD);
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs`, async () => {
    const acknowledged: string[] = [];
    const created = await api('/api/projects', { method: 'POST', body: JSON.stringify(projectBody()) });
    const projectId = ((await created.json()) as { id: number }).id;
    for (let round = 0; round < ROUNDS; round++) {
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          const text = `r${round}-l${lane}-${i}`;
          try {
            const res = await api(`/api/projects/${projectId}/comments`, { method: 'POST', body: JSON.stringify({ text }) });
            if (res.status === 201) acknowledged.push(text);
          } catch {
            return; // the server died under us: this write was never acknowledged
          }
        }
      };
      const lanes = Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writer));
      await sleep(300 + round * 150);
      const killed = server!.stop('SIGKILL');
      stop = true;
      await killed;
      await lanes;

      const { integrity, comments: stored } = await inspect();
      expect(integrity).toBe('ok');
      expect(acknowledged.length).toBeGreaterThan(round * 5);
      expect(acknowledged.filter((text) => !stored.has(text))).toEqual([]);
      await start();
    }
  }, 240_000);

  it('takes an online backup while the server runs; the copy passes its check and has the data', async () => {
    if (database.postgres) {
      // The backup command is for the SQLite file; on PostgreSQL it says to use pg_dump and changes nothing.
      const res = spawnSync(process.execPath, ['dist/src/cli/backup.js', join(dir, 'x.sqlite')], { env: { ...process.env, DATABASE_URL: database.url }, encoding: 'utf8' });
      expect(res.status).toBe(2);
      expect(res.stderr).toContain('pg_dump');
      expect((await inspect()).comments.size).toBeGreaterThan(0);
      return;
    }
    const copy = join(dir, 'backup.sqlite');
    const writing = (async () => {
      for (let i = 0; i < 30; i++) await api('/api/projects', { method: 'POST', body: JSON.stringify(projectBody()) });
    })();
    const result = await backupSqlite(file, copy);
    await writing;
    expect(result.integrity).toBe('ok');
    expect(result.tables.project).toBeGreaterThanOrEqual(1);
    expect(result.tables.region).toBe(11);
    expect(result.tables.project_comment).toBeGreaterThan(0);
    await expect(backupSqlite(file, copy)).rejects.toThrow(/exists already/);
  });
});
