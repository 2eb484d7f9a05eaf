import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/**
 * Raw SQL with `:named` parameters, for the aggregate queries that the query builder
 * would only obscure. The driver turns the names into its own placeholders (`?` for
 * SQLite, `$1` for PostgreSQL), so one query text serves both databases. PostgreSQL
 * returns SUM/COUNT as strings (bigint): use `int()` on every aggregate.
 */
export async function sql<T = Record<string, unknown>>(
  db: DataSource | EntityManager,
  text: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const dataSource = 'connection' in db ? db.connection : db;
  const [query, values] = dataSource.driver.escapeQueryWithParameters(text, params);
  return db.query(query, values) as Promise<T[]>;
}

/** An integer from an aggregate column (number, bigint-as-string or null). */
export function int(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer from the database, got ${String(value)}`);
  return n;
}

/** Codes as an SQL `IN (…)` list of literals, for the code sets named once in the source (stages, statuses): never for input. */
export function sqlCodes(codes: readonly string[]): string {
  if (codes.some((code) => !/^[a-z][a-zA-Z_.]*$/.test(code))) throw new Error(`sqlCodes takes code constants only: ${codes.join(', ')}`);
  return `(${codes.map((code) => `'${code}'`).join(', ')})`;
}

/** Integers as an SQL list of literals (`1, 2, 3`), checked: for ids and years the code holds, in scripts without parameters. */
export function sqlIntegers(values: readonly number[]): string {
  if (!values.length || values.some((value) => !Number.isSafeInteger(value))) throw new Error(`sqlIntegers takes a non-empty list of integers: ${values.join(', ')}`);
  return values.join(', ');
}

/**
 * Statements without parameters, run in order in the caller's transaction: on PostgreSQL as one
 * script (one round trip, the simple query protocol), on SQLite one after another (in process).
 * Only for text built from code and checked literals (`sqlCodes`, `sqlIntegers`), never from input.
 */
export async function sqlScript(manager: EntityManager, statements: string[]): Promise<void> {
  if (!statements.length) return;
  if (manager.connection.options.type === 'postgres') await manager.query(statements.join(';\n'));
  else for (const statement of statements) await manager.query(statement);
}

/**
 * `sqlScript` whose last statement reads rows (`LOCK …; SELECT …`): those rows. On PostgreSQL one
 * round trip (each statement of a script still reads the data as of its own start, so a SELECT
 * after a LOCK sees every transaction that committed before the lock was granted).
 */
export async function sqlScriptRows<T = Record<string, unknown>>(manager: EntityManager, statements: string[]): Promise<T[]> {
  const runner = manager.queryRunner;
  if (manager.connection.options.type === 'postgres' && runner) {
    const text = statements.join(';\n');
    manager.connection.logger.logQuery(text, undefined, runner);
    // TypeORM's query() keeps the rows of a one-statement answer only: ask the driver's client.
    const client = (await runner.connect()) as { query(text: string): Promise<{ rows: T[] } | { rows: T[] }[]> };
    let results: { rows: T[] } | { rows: T[] }[];
    try {
      results = await client.query(text);
    } catch (error) {
      throw new QueryFailedError(text, undefined, error as Error);
    }
    return (Array.isArray(results) ? results.at(-1)! : results).rows;
  }
  let rows: T[] = [];
  for (const statement of statements) rows = (await manager.query(statement)) as T[];
  return rows;
}
