import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RetryLater } from '../common/index.js';
import { type Follower, takeChanged } from './changes.js';
import { sqlScript } from './sql.js';

/**
 * The write counter's value as an SQL expression (what `WriteQueue.version()` reads): a read that
 * keys a cache on it may select it in its own statement, with the rows, in one round trip.
 */
export const WRITE_VERSION_SQL = '(SELECT version FROM write_counter WHERE id = 1)';

/**
 * Every write transaction goes through here, one after another in arrival order.
 * On SQLite this is required: TypeORM shares one connection, so two explicit transactions
 * at once collide ("cannot start a transaction within a transaction") and can leave rows
 * behind. On PostgreSQL it keeps one process's writes in the same order and with the same
 * outcomes as on SQLite (of two racing transitions the loser sees the new stage: 409);
 * across several processes the version check in every UPDATE and the audit table lock
 * still keep the data right. Writes are short, so the queue costs little (npm run bench).
 */
@Injectable()
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
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
    const counts = options.changesData ?? true;
    const result = this.tail.then(() =>
      this.dataSource.transaction(async (manager) => {
        takeChanged(manager); // what a failed transaction before this one marked (SQLite shares one connection)
        const value = await work(manager);
        // Figures kept from the data follow it in the same transaction (changes.ts), with the
        // write counter in one script: one round trip on PostgreSQL.
        const statements: string[] = [];
        const changed = takeChanged(manager);
        if (changed) for (const follow of this.followers) statements.push(...(await follow(manager, changed)));
        if (counts) statements.push('UPDATE write_counter SET version = version + 1 WHERE id = 1');
        await sqlScript(manager, statements);
        return value;
      }),
    );
    this.tail = result.catch(() => undefined);
    return result;
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
    let tail: Promise<unknown>;
    do {
      tail = this.tail;
      await tail;
    } while (tail !== this.tail);
    this.closed = true;
  }
}
