import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RetryLater } from '../common/api-error.js';

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
  private committed = 0;
  private closed = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Goes up by one with every committed write: what a cache of computed figures keys on. */
  get version(): number {
    return this.committed;
  }

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new RetryLater(503, '服务正在停止，请稍后重试', [{ code: 'shuttingDown', message: '服务正在停止，未执行此次修改' }], 30));
    const result = this.tail.then(async () => {
      const value = await this.dataSource.transaction(work);
      this.committed++;
      return value;
    });
    this.tail = result.catch(() => undefined);
    return result;
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
