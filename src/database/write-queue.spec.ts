import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { type Changed, markChanged } from './changes.js';
import { sql } from './sql.js';
import { WriteCounter } from './write-counter.entity.js';
import { MAX_GROUP, WriteQueue } from './write-queue.js';

/**
 * The write queue's groups (docs/architecture.md "Writes in groups") on a real database: SQLite in
 * memory, and PostgreSQL too when TEST_DATABASE_URL names a server (a database of its own, dropped
 * after). Writes are held at a gate so that the test knows which of them share a transaction;
 * every expected row, call and count is written out by hand.
 */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const server = process.env.TEST_DATABASE_URL;
const backends: ('sqlite' | 'postgres')[] = server ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(backends)('write queue groups (%s)', (backend) => {
  let db: DataSource;
  let queue: WriteQueue;
  let followed: { ids: number[]; years: number[] }[];
  let failFollow = false;
  const pgName = `write_queue_spec_${process.pid}`;

  beforeAll(async () => {
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgName}`);
      await admin.query(`CREATE DATABASE ${pgName}`);
      await admin.end();
      const url = new URL(server!);
      url.pathname = `/${pgName}`;
      db = new DataSource({ type: 'postgres', url: url.toString(), entities: [WriteCounter], synchronize: true });
    } else db = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [WriteCounter], synchronize: true });
    await db.initialize();
    await db.query('CREATE TABLE item (name VARCHAR(20) PRIMARY KEY)');
  });
  afterAll(async () => {
    await db.destroy();
    if (backend === 'postgres') {
      const admin = new pg.Client({ connectionString: server });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${pgName} WITH (FORCE)`);
      await admin.end();
    }
  });
  beforeEach(async () => {
    await db.query('DELETE FROM item');
    await db.query('DELETE FROM write_counter');
    await db.query('INSERT INTO write_counter (id, version) VALUES (1, 0)');
    queue = new WriteQueue(db);
    followed = [];
    failFollow = false;
    queue.follow(async (_manager: EntityManager, changed: Changed) => {
      followed.push({ ids: [...changed.projectIds].sort((a, b) => a - b), years: [...changed.years] });
      return failFollow ? ['SELECT * FROM no_such_table'] : [];
    });
  });

  /** A write that inserts `name`, marks project `id` changed, and answers `name` (or fails after its insert). */
  const write = (name: string, id: number, fail?: 'js' | 'sql') => (manager: EntityManager) =>
    (async () => {
      await sql(manager, 'INSERT INTO item (name) VALUES (:name)', { name });
      markChanged(manager, { projectIds: [id] });
      if (fail === 'js') throw new Error(`${name} refused`);
      if (fail === 'sql') await sql(manager, 'INSERT INTO item (name) VALUES (:name)', { name }); // the same key again: the database refuses
      return name;
    })();
  const names = async () => (await sql<{ name: string }>(db, 'SELECT name FROM item ORDER BY name')).map((row) => row.name);
  const version = async () => Number(await queue.version());
  /** Each write's answer, or its error: `refused` (thrown by the write), `unique` (the database refused its second insert). */
  const settle = (promises: Promise<unknown>[]) =>
    Promise.allSettled(promises).then((all) =>
      all.map((r) => (r.status === 'fulfilled' ? r.value : /refused/.test((r.reason as Error).message) ? 'refused' : /unique|duplicate/i.test((r.reason as Error).message) ? 'unique' : String(r.reason))),
    );

  it('runs the writes that queue while one runs in its transaction: a failing write takes back only its own changes', async () => {
    const held = gate();
    const first = queue.run(async (manager) => {
      await write('a', 1)(manager);
      await held.opened;
      return 'a';
    });
    await new Promise((resolve) => setTimeout(resolve, 20)); // a is running, holding the queue
    const group = [queue.run(write('b', 2)), queue.run(write('c', 3, 'js')), queue.run(write('d', 4, 'sql')), queue.run(write('e', 5))];
    held.open();
    expect(await settle([first, ...group])).toEqual(['a', 'b', 'refused', 'unique', 'e']);
    // c's and d's rows were taken back with their savepoints; what they marked was not followed.
    expect(await names()).toEqual(['a', 'b', 'e']);
    expect(followed).toEqual([{ ids: [1, 2, 5], years: [] }]);
    expect(await version()).toBe(1); // one transaction for a…e
  });

  it('runs the rest in the next transaction when the first write of a group fails', async () => {
    const held = gate();
    const first = queue.run(async (manager) => {
      await held.opened;
      return write('a', 1, 'sql')(manager);
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const group = [queue.run(write('b', 2)), queue.run(write('c', 3, 'js')), queue.run(write('d', 4))];
    held.open();
    expect(await settle([first, ...group])).toEqual(['unique', 'b', 'refused', 'd']);
    expect(await names()).toEqual(['b', 'd']);
    // a's transaction was rolled back before its followers ran; b, c and d then shared the next one.
    expect(followed).toEqual([{ ids: [2, 4], years: [] }]);
    expect(await version()).toBe(1);
  });

  it('fails every write of a group that cannot follow, and keeps none of their rows', async () => {
    const held = gate();
    const first = queue.run(async () => held.opened.then(() => 'idle'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    failFollow = true;
    const group = [queue.run(write('b', 2)), queue.run(write('c', 3))];
    held.open();
    const outcome = await settle([first, ...group]);
    expect(outcome[0]).toMatch(/no_such_table/); // idle shared the group: it fails with it
    expect(outcome[1]).toBe(outcome[0]);
    expect(outcome[2]).toBe(outcome[0]);
    expect(await names()).toEqual([]);
    failFollow = false;
    expect(await queue.run(write('f', 6))).toBe('f'); // the queue goes on
    expect(await names()).toEqual(['f']);
  });

  it(`puts at most ${MAX_GROUP} writes in one transaction`, async () => {
    const held = gate();
    const first = queue.run(async () => held.opened.then(() => 'idle'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const many = Array.from({ length: 20 }, (_, i) => queue.run(write(`w${String(i).padStart(2, '0')}`, 100 + i)));
    held.open();
    await Promise.all([first, ...many]);
    // idle and w00…w14 (idle marks nothing), then w15…w19.
    expect(followed.map((f) => f.ids.length)).toEqual([MAX_GROUP - 1, 20 - MAX_GROUP + 1]);
    expect(await version()).toBe(2);
    expect((await names()).length).toBe(20);
  });

  it('drains what is queued, then refuses new writes', async () => {
    const held = gate();
    const first = queue.run(async () => held.opened.then(() => 'idle'));
    const second = queue.run(write('b', 2));
    const drained = queue.drain();
    held.open();
    await drained;
    expect(await settle([first, second])).toEqual(['idle', 'b']);
    await expect(queue.run(write('c', 3))).rejects.toMatchObject({ status: 503 });
    expect(await names()).toEqual(['b']);
  });
});
