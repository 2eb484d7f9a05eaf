import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { projectBody } from './factories/project.factory.js';
import { signIn, startChildServer, type ChildServer } from './support/child-server.js';
import { freshDatabase } from './support/test-app.js';

/**
 * Graceful shutdown: the real server gets SIGTERM in the middle of a burst of writes. It must
 * exit 0, and every write it acknowledged (201) must be in the database afterwards, read
 * straight from the SQLite file (or the PostgreSQL database when TEST_DATABASE_URL is set).
 */
const PASSWORD = 'shutdown-test-admin-password';

describe('SIGTERM during a burst of writes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-shutdown-'));
  const file = join(dir, 'tracker.sqlite');
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let server: ChildServer | null = null;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const storedComments = async (): Promise<Set<string>> => {
    if (!database.postgres) {
      const db = new Database(file, { readonly: true });
      try {
        return new Set((db.prepare('SELECT text FROM project_comment').all() as { text: string }[]).map((r) => r.text));
      } finally {
        db.close();
      }
    }
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return new Set((await client.query('SELECT text FROM project_comment')).rows.map((r: { text: string }) => r.text));
    } finally {
      await client.end();
    }
  };

  it('stops accepting, finishes the writes in progress, closes the database and exits 0', async () => {
    database = process.env.TEST_DATABASE_URL ? await freshDatabase(dir) : { url: `sqlite:${file}`, postgres: false, drop: async () => {} };
    server = await startChildServer({ DATABASE_URL: database.url, ADMIN_PASSWORD: PASSWORD });
    const token = await signIn(server.base, 'admin', PASSWORD);
    const api = (path: string, body: unknown) =>
      fetch(`${server!.base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const projectId = ((await (await api('/api/projects', projectBody())).json()) as { id: number }).id;

    const acknowledged: string[] = [];
    const refused: number[] = [];
    let connectionLost = 0;
    let stop = false;
    const writer = async (lane: number) => {
      for (let i = 0; !stop; i++) {
        const text = `l${lane}-${i}`;
        try {
          const res = await api(`/api/projects/${projectId}/comments`, { text });
          if (res.status === 201) acknowledged.push(text);
          else refused.push(res.status);
        } catch {
          connectionLost++; // refused connection or closed socket: never acknowledged
          return;
        }
      }
    };
    const lanes = Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(writer));
    while (acknowledged.length < 40) await sleep(10);
    const exit = await server.stop('SIGTERM');
    stop = true;
    await lanes;

    expect(exit).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toContain('stopped: every queued write committed, database closed');
    const stored = await storedComments();
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(acknowledged.filter((text) => !stored.has(text))).toEqual([]);
    // Whatever was refused while stopping was refused as "try later", never as a server error.
    expect(refused.filter((status) => status !== 503)).toEqual([]);
    expect(connectionLost).toBeGreaterThan(0);
  });
});
