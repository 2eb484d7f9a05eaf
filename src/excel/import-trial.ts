import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/index.js';
import type { WriteQueue } from '../database/index.js';
import type { RowError, RowOutcome } from './import-result.js';

export interface TrialRow {
  row: number;
  sheet: string;
  /** Problems found while reading the row (bad date, unknown region …): the row is not applied. */
  errors: RowError[];
}

export interface TrialOutcome {
  counts: Record<RowOutcome, number>;
  errors: RowError[];
  committed: boolean;
}

export interface TrialSteps<R extends TrialRow> {
  /** Applies one row with the services' own transaction-free methods; throws ApiError when a rule refuses it. */
  apply(manager: EntityManager, row: R): Promise<RowOutcome>;
  /** Turns a refusal into row errors (the details name the fields; the row maps them to columns). */
  errorsOf(error: ApiError, row: R): RowError[];
  /** Runs once, after every row applied cleanly and only when committing (the import's own record). */
  beforeCommit(manager: EntityManager, counts: Record<RowOutcome, number>): Promise<void>;
  /** Called after each row (for a job's progress): rows done of all rows. */
  progress?(done: number, total: number): void;
}

/** Thrown to roll the trial back: a dry run, or a commit with errors. */
class Rollback extends Error {}

/**
 * Runs every row of a file inside ONE write transaction (WriteQueue.run), each row in a
 * savepoint so that a refused row leaves nothing behind for the rows after it, with exactly
 * the rules the API applies (the same service methods run). A dry run, or a commit with any
 * error, rolls the whole transaction back: all rows or none.
 */
export async function runTrial<R extends TrialRow>(writes: WriteQueue, rows: R[], commit: boolean, steps: TrialSteps<R>): Promise<TrialOutcome> {
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, unchanged: 0 };
  const errors: RowError[] = rows.flatMap((row) => row.errors);
  let committed = false;
  try {
    await writes.run(async (manager) => {
      for (const [index, row] of rows.entries()) {
        steps.progress?.(index, rows.length);
        if (row.errors.length) continue;
        try {
          counts[await manager.transaction((savepoint) => steps.apply(savepoint, row))]++;
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          errors.push(...steps.errorsOf(error, row));
        }
      }
      steps.progress?.(rows.length, rows.length);
      if (!commit || errors.length) throw new Rollback();
      await steps.beforeCommit(manager, counts);
      committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  const sheetOrder = [...new Set(rows.map((row) => row.sheet))];
  errors.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  return { counts, errors, committed };
}
