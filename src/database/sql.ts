import type { DataSource, EntityManager } from 'typeorm';

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
