import { afterAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BackupSchedule, BackupScheduler, type Timer } from '../src/operations/index.js';
import { startedProject } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Scheduled backups: driven by a fake clock and a timer the test moves, copies appear when due,
 * pass their integrity check, and only the newest BACKUP_KEEP stay. Restore: a copy put back
 * (the SQLite file; on PostgreSQL the pg_dump / pg_restore of docs/operations.md "Backups and restore") starts, its audit chain
 * verifies (also against its bulletin's checkpoint) and its board equals the board at the copy.
 */

/** A timer that fires only when the test moves time; moving it also moves the clock. */
class FakeTimer implements Timer {
  now = new Date('2024-06-30T00:00:00.000Z');
  private timers: { ms: number; tick: () => Promise<unknown>; next: number; live: boolean }[] = [];

  repeat(ms: number, tick: () => Promise<unknown>): () => void {
    const timer = { ms, tick, next: this.now.getTime() + ms, live: true };
    this.timers.push(timer);
    return () => (timer.live = false);
  }

  /** Moves time forward, firing every timer due on the way, in order, each run to its end. */
  async advance(ms: number): Promise<void> {
    const end = this.now.getTime() + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.live && t.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.now = new Date(due.next);
      due.next += due.ms;
      await due.tick();
    }
    this.now = new Date(end);
  }

  get live(): number {
    return this.timers.filter((t) => t.live).length;
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('scheduled backups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-backups-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A real SQLite database with `rows` rows in one table. */
  const source = join(dir, 'source.sqlite');
  const db = new Database(source);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE item (id INTEGER PRIMARY KEY, label TEXT NOT NULL)');
  const addRows = (n: number) => {
    const insert = db.prepare('INSERT INTO item (label) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(`row ${i}`);
    })();
  };
  const rowsIn = (file: string) => {
    const copy = new Database(file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      return (copy.prepare('SELECT COUNT(*) AS n FROM item').get() as { n: number }).n;
    } finally {
      copy.close();
    }
  };

  it('takes a checked copy when one is due, by the clock, and keeps only the newest BACKUP_KEEP', async () => {
    addRows(1000);
    const backups = join(dir, 'backups');
    const timer = new FakeTimer();
    const log: string[] = [];
    const schedule = new BackupSchedule({ source, dir: backups, everyMs: HOUR, keep: 3 }, () => timer.now, timer, {
      log: (m) => log.push(m),
      error: (m) => log.push(`ERROR ${m}`),
    });
    schedule.start();
    writeFileSync(join(backups, 'notes.txt'), 'not a backup');
    expect(schedule.backups()).toEqual([]);

    await timer.advance(MINUTE); // the first check: no copy yet, so one is due
    expect(schedule.backups()).toEqual(['tracker-20240630T000100Z.sqlite']);
    expect(rowsIn(join(backups, 'tracker-20240630T000100Z.sqlite'))).toBe(1000);

    addRows(500);
    await timer.advance(59 * MINUTE); // 00:02 … 01:00: the last copy is younger than an hour
    expect(schedule.backups()).toHaveLength(1);
    await timer.advance(MINUTE); // 01:01
    expect(schedule.backups()).toEqual(['tracker-20240630T000100Z.sqlite', 'tracker-20240630T010100Z.sqlite']);
    expect(rowsIn(join(backups, 'tracker-20240630T010100Z.sqlite'))).toBe(1500);

    await timer.advance(5 * HOUR); // 02:01, 03:01, 04:01, 05:01, 06:01: three kept
    expect(schedule.backups()).toEqual(['tracker-20240630T040100Z.sqlite', 'tracker-20240630T050100Z.sqlite', 'tracker-20240630T060100Z.sqlite']);
    expect(readdirSync(backups).sort()).toEqual(['notes.txt', ...schedule.backups()]);
    expect(log.filter((line) => line.startsWith('ERROR'))).toEqual([]);

    schedule.stop();
    expect(timer.live).toBe(0);
    await timer.advance(3 * HOUR);
    expect(schedule.backups()).toHaveLength(3);
  });

  it('a restart keeps the rhythm: the newest copy in the folder decides when the next is due', async () => {
    const backups = join(dir, 'restart');
    const timer = new FakeTimer();
    const quiet = { log: () => {}, error: () => {} };
    const first = new BackupSchedule({ source, dir: backups, everyMs: HOUR, keep: 5 }, () => timer.now, timer, quiet);
    first.start();
    await timer.advance(MINUTE);
    first.stop();
    const second = new BackupSchedule({ source, dir: backups, everyMs: HOUR, keep: 5 }, () => timer.now, timer, quiet);
    second.start();
    await timer.advance(30 * MINUTE);
    expect(second.backups()).toHaveLength(1);
    await timer.advance(30 * MINUTE);
    expect(second.backups()).toHaveLength(2);
    second.stop();
  });

  it('logs a failed copy and leaves nothing behind', async () => {
    const backups = join(dir, 'failing');
    const timer = new FakeTimer();
    const errors: string[] = [];
    const schedule = new BackupSchedule({ source: join(dir, 'missing.sqlite'), dir: backups, everyMs: HOUR, keep: 3 }, () => timer.now, timer, { log: () => {}, error: (m) => errors.push(m) });
    schedule.start();
    await timer.advance(MINUTE);
    expect(errors).toEqual([expect.stringContaining('FAILED')]);
    expect(readdirSync(backups)).toEqual([]);
    schedule.stop();
  });
});

describe('restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-restore-'));
  const apps: TestApp[] = [];
  const dropAfter: string[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
    if (dropAfter.length) {
      const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await client.connect();
      for (const name of dropAfter) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('a restored copy starts, its audit chain verifies, and its board equals the board at the copy', async () => {
    const t = await startTestApp({ now: '2024-06-30T04:00:00.000Z', env: { BACKUP_DIR: join(dir, 'backups'), BACKUP_EVERY: '24h', BACKUP_KEEP: '2' } });
    apps.push(t);
    const project = (region: string, amount: number) => startedProject(t.client, { region }, amount);
    await project('371502', 1000);
    await project('371581', 2500);
    expect((await t.client.post('/api/bulletins/2024/4')).status).toBe(201);
    const board = (await t.client.get('/api/dashboard/2024?month=5')).text;

    let restoredUrl: string;
    if (t.dataSource.options.type === 'postgres') {
      // The procedure of docs/operations.md "Backups and restore": pg_dump -Fc, then pg_restore into a new database.
      expect(t.app.get(BackupScheduler).schedule).toBeNull();
      const bin = spawnSync('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'], { encoding: 'utf8' }).stdout.trim();
      const url = (t.dataSource.options as { url: string }).url;
      const dump = join(dir, 'tracker.dump');
      const dumped = spawnSync(`${bin}/pg_dump`, ['--format=custom', '--no-owner', `--file=${dump}`, url], { encoding: 'utf8' });
      expect(dumped.stderr).toBe('');
      const name = `tracker_restored_${process.pid}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      dropAfter.push(name);
      const target = new URL(url);
      target.pathname = `/${name}`;
      restoredUrl = target.toString();
      const restored = spawnSync(`${bin}/pg_restore`, ['--no-owner', `--dbname=${restoredUrl}`, dump], { encoding: 'utf8' });
      expect([restored.status, restored.stderr]).toEqual([0, '']);
    } else {
      const scheduler = t.app.get(BackupScheduler);
      expect(scheduler.schedule).not.toBeNull();
      const name = await scheduler.schedule!.tick();
      expect(name).toMatch(/^tracker-20240630T040000Z\.sqlite$/);
      const copy = join(dir, 'restored', 'tracker.sqlite');
      mkdirSync(join(dir, 'restored'));
      copyFileSync(join(dir, 'backups', name!), copy);
      restoredUrl = `sqlite:${copy}`;
    }

    // The live database moves on after the copy.
    await project('371502', 4000);
    const later = (await t.client.get('/api/dashboard/2024?month=5')).text;
    expect(later).not.toBe(board);

    const restored = await startTestApp({ now: '2024-06-30T04:00:00.000Z', env: { DATABASE_URL: restoredUrl } });
    apps.push(restored);
    expect((await restored.client.get('/api/ready')).body).toEqual({ status: 'ready' });
    expect((await restored.client.get('/api/audit/verify')).body).toMatchObject({ ok: true });
    expect((await restored.client.get('/api/audit/verify?bulletin=2024-04')).body).toMatchObject({ ok: true });
    expect((await restored.client.get('/api/dashboard/2024?month=5')).text).toBe(board);
  });
});
