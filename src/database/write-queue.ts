import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

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

  constructor(private readonly dataSource: DataSource) {}

  /**
   * How many write transactions have committed, on every server sharing the database: each one
   * bumps the counter row inside its own transaction (write-counter.entity.ts). What a cache of
   * computed figures keys on, read once per use (one indexed row).
   */
  async version(): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT version FROM write_counter WHERE id = 1')) as { version: string | number }[];
    return String(row?.version ?? 0);
  }

  /**
   * Runs `work` in a write transaction after every write queued before it. `changesData: false`
   * for bookkeeping that no figure is computed from (sign-in attempts): it leaves the write
   * counter, and so every cache, alone.
   */
  run<T>(work: (manager: EntityManager) => Promise<T>, options: { changesData?: boolean } = {}): Promise<T> {
    const counts = options.changesData ?? true;
    const result = this.tail.then(() =>
      this.dataSource.transaction(async (manager) => {
        const value = await work(manager);
        if (counts) await manager.query('UPDATE write_counter SET version = version + 1 WHERE id = 1');
        return value;
      }),
    );
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every write queued so far has finished (committed or failed). */
  drain(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}
