import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RetryLater } from '../common/index.js';
import { type Changed, type Follower, takeChanged } from './changes.js';
import { sqlScript } from './sql.js';

/**
 * The write counter's value as an SQL expression (what `WriteQueue.version()` reads): a read that
 * keys a cache on it may select it in its own statement, with the rows, in one round trip.
 */
export const WRITE_VERSION_SQL = '(SELECT version FROM write_counter WHERE id = 1)';

/** At most this many queued writes share one transaction (each after the first in a savepoint of its own). */
export const MAX_GROUP = 16;

interface Queued {
  work: (manager: EntityManager) => Promise<unknown>;
  counts: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Every write transaction goes through here, one after another in arrival order.
 * On SQLite this is required: TypeORM shares one connection, so two explicit transactions
 * at once collide ("cannot start a transaction within a transaction") and can leave rows
 * behind. On PostgreSQL it keeps one process's writes in the same order and with the same
 * outcomes as on SQLite (of two racing transitions the loser sees the new stage: 409);
 * across several processes the version check in every UPDATE and the audit table lock
 * still keep the data right. Writes are short, so the queue costs little (npm run bench).
 *
 * Writes that queue while a write transaction runs join it (docs/architecture.md "Writes in
 * groups", up to MAX_GROUP): each runs after the one before it, as it would alone, the second and later each in a
 * savepoint of its own, so a write that fails takes back only its own changes and answers its own
 * error; the followers and the write counter run once for the group, and every write of the group
 * answers when the group has committed (or fails with the commit).
 */
@Injectable()
export class WriteQueue {
  private readonly waiting: Queued[] = [];
  private running = false;
  private current: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly followers: Follower[] = [];

  constructor(private readonly dataSource: DataSource) {}

  /**
   * How many write transactions have committed, on every server sharing the database: each one
   * bumps the counter row inside its own transaction (write-counter.entity.ts). What a cache of
   * computed figures keys on, read once per use (one indexed row).
   */
  async version(): Promise<string> {
    const [row] = (await this.dataSource.query(`SELECT ${WRITE_VERSION_SQL} AS version`)) as { version: string | number | null }[];
    return String(row?.version ?? 0);
  }

  /**
   * Runs `work` in a write transaction after every write queued before it. `changesData: false`
   * for bookkeeping that no figure is computed from (sign-in attempts): it leaves the write
   * counter, and so every cache, alone.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, options: { changesData?: boolean } = {}): Promise<T> {
    if (this.closed) return Promise.reject(new RetryLater(503, '服务正在停止，请稍后重试', [{ code: 'shuttingDown', message: '服务正在停止，未执行此次修改' }], 30));
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ work, counts: options.changesData ?? true, resolve: resolve as (value: unknown) => void, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    this.running = true;
    this.current = (async () => {
      while (this.waiting.length) await this.runGroup();
      this.running = false;
    })();
  }

  /** One transaction for the writes waiting now and those that queue while it runs (up to MAX_GROUP). */
  private async runGroup(): Promise<void> {
    const done: { item: Queued; value: unknown }[] = [];
    let first: Queued | undefined;
    let firstFailed = false;
    try {
      await this.dataSource.transaction(async (manager) => {
        takeChanged(manager); // what a failed transaction before this one marked (SQLite shares one connection)
        const changed: Changed = { projectIds: new Set(), years: new Set() };
        let counts = false;
        for (let n = 0; n < MAX_GROUP; n++) {
          const item = this.waiting.shift();
          if (!item) break;
          let value: unknown;
          if (n === 0) {
            // The first write needs no savepoint: if it fails, the transaction holds nothing else.
            first = item;
            try {
              value = await item.work(manager);
            } catch (error) {
              firstFailed = true;
              throw error;
            }
          } else {
            await manager.query(`SAVEPOINT write_${n}`);
            try {
              value = await item.work(manager);
            } catch (error) {
              takeChanged(manager); // its marks go with its changes
              await manager.query(`ROLLBACK TO SAVEPOINT write_${n}`);
              item.reject(error);
              continue;
            }
          }
          const marked = takeChanged(manager);
          for (const id of marked?.projectIds ?? []) changed.projectIds.add(id);
          for (const year of marked?.years ?? []) changed.years.add(year);
          counts ||= item.counts;
          done.push({ item, value });
        }
        // Figures kept from the data follow it in the same transaction (changes.ts), with the
        // write counter in one script: one round trip on PostgreSQL.
        const statements: string[] = [];
        if (changed.projectIds.size || changed.years.size) for (const follow of this.followers) statements.push(...(await follow(manager, changed)));
        if (counts) statements.push('UPDATE write_counter SET version = version + 1 WHERE id = 1');
        await sqlScript(manager, statements);
      });
    } catch (error) {
      // The first write failed (the writes after it have not run: they wait for the next group),
      // or the group could not follow or commit: none of its writes happened.
      if (firstFailed || !first) (first ?? this.waiting.shift())?.reject(error); // no transaction at all: the next write answers it
      for (const { item } of done) item.reject(error);
      return;
    }
    for (const { item, value } of done) item.resolve(value);
  }

  /**
   * Registers a follower: after every write transaction's work, before it commits, it is called
   * with the projects and years the work changed (as the change recorder marked them).
   */
  follow(follower: Follower): void {
    this.followers.push(follower);
  }

  /**
   * Shutting down: waits until every write already queued has committed (or failed), then
   * refuses new ones (503), so that the database can be closed with nothing half done.
   */
  async drain(): Promise<void> {
    while (this.running || this.waiting.length) await this.current;
    this.closed = true;
  }
}
