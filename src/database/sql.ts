import { QueryFailedError, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';

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

/** What `preparedSql` needs of the PostgreSQL driver's pool (pg's Pool): one query, named or not. */
interface PgPool {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** A name per statement text (pg keeps a name's plan per connection, so one name is one text, always). */
const STATEMENT_NAMES = new Map<string, string>();
/** More texts than this (a filter combination nobody foresaw) run unnamed, as `sql` runs them. */
const MAX_NAMED = 500;

/** The name a statement text is prepared under on every connection (undefined: too many texts, run unnamed). */
function statementName(query: string): string | undefined {
  let name = STATEMENT_NAMES.get(query);
  if (name === undefined && STATEMENT_NAMES.size < MAX_NAMED) STATEMENT_NAMES.set(query, (name = `tracker_${STATEMENT_NAMES.size + 1}`));
  return name;
}

/**
 * `sql` for the statements every request (or every page of a list) runs, outside a transaction:
 * on PostgreSQL a named prepared statement sent straight to the driver's pool, so the server
 * parses and plans it once per connection, not on each request, and TypeORM's query runner
 * (created, connected, broadcast and released per statement) is skipped; on SQLite as `sql`.
 * Same text with `:named` parameters, same rows, errors as TypeORM's `QueryFailedError`
 * (docs/benchmarks.md "The fixed cost of a request").
 */
export async function preparedSql<T = Record<string, unknown>>(dataSource: DataSource, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  if (dataSource.options.type !== 'postgres') return sql<T>(dataSource, text, params);
  const [query, values] = dataSource.driver.escapeQueryWithParameters(text, params);
  const pool = (dataSource.driver as unknown as { master: PgPool }).master;
  try {
    return (await pool.query({ name: statementName(query), text: query, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(query, values, error as Error);
  }
}

/**
 * `sql` in a write transaction, for the statements a busy write path sends on every write (a
 * filing's one read, its one INSERT): on PostgreSQL a named prepared statement on the
 * transaction's own connection, so the server parses and plans it once per connection and the
 * text is not sent again; on SQLite, or outside a transaction, as `sql`. Same text with `:named`
 * parameters, same rows, errors as TypeORM's `QueryFailedError`, TypeORM's logger still called.
 */
export async function preparedSqlIn<T = Record<string, unknown>>(manager: EntityManager, text: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const runner = manager.queryRunner;
  if (manager.connection.options.type !== 'postgres' || !runner?.isTransactionActive) return sql<T>(manager, text, params);
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(text, params);
  manager.connection.logger.logQuery(query, values, runner);
  const client = (await runner.connect()) as PgPool;
  try {
    return (await client.query({ name: statementName(query), text: query, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(query, values, error as Error);
  }
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

/**
 * An entity from a raw row that selected its columns under `<alias>_<column>` (as TypeORM's query
 * builder names them: `"p"."id" AS "p_id"`), each value as TypeORM hydrates it: for rows read with
 * `preparedSqlIn` from a query builder's text.
 */
export function entityOfRow<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, raw: Record<string, unknown>, alias: string): Row {
  const meta = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const row = meta.create() as Row;
  for (const column of meta.columns) {
    const value = raw[`${alias}_${column.databaseName}`];
    if (!column.isVirtual && value !== undefined) column.setEntityValue(row, driver.prepareHydratedValue(value, column));
  }
  return row;
}

/** One statement with `:named` parameters (as `sql` takes them). */
export interface Statement {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * An INSERT of one row of an entity as a `Statement`: the columns given a value, stored as TypeORM
 * would store them (booleans as 0/1 on SQLite …), parameters named `<prefix>0`, `<prefix>1`, …
 * For writes sent together with others (`sqlTogether`).
 */
export function insertStatement<Row extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<Row>, row: Partial<Row>, prefix: string): Statement {
  const meta = manager.connection.getMetadata(entity);
  const driver = manager.connection.driver;
  const columns = meta.columns.filter((column) => !column.isVirtual && column.getEntityValue(row) !== undefined);
  const params: Record<string, unknown> = {};
  const values = columns.map((column, i) => {
    params[`${prefix}${i}`] = driver.preparePersistentValue(column.getEntityValue(row), column);
    return `:${prefix}${i}`;
  });
  return { sql: `INSERT INTO ${driver.escape(meta.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES (${values.join(', ')})`, params };
}

/**
 * Writes (INSERT / UPDATE without RETURNING) and a last statement sent as one: on PostgreSQL the
 * writes are data-modifying CTEs of the last (`WITH w0 AS (…), w1 AS (…) <last>`), one round trip;
 * on SQLite (in process) one after another. Answers the last statement's rows. Every statement
 * sees the data as it was before them all (PostgreSQL), so none may read what another writes, and
 * their order is not defined: only for independent rows. Parameter names must differ.
 */
export async function sqlTogether<T = Record<string, unknown>>(manager: EntityManager, writes: Statement[], last: Statement): Promise<T[]> {
  if (manager.connection.options.type !== 'postgres' || writes.length === 0) {
    for (const write of writes) await sql(manager, write.sql, write.params);
    return sql<T>(manager, last.sql, last.params);
  }
  const params: Record<string, unknown> = {};
  for (const statement of [...writes, last])
    for (const [name, value] of Object.entries(statement.params)) {
      if (name in params) throw new Error(`sqlTogether: the parameter :${name} is named twice`);
      params[name] = value;
    }
  return preparedSqlIn<T>(manager, `WITH ${writes.map((write, i) => `w${i} AS (${write.sql})`).join(',\n')}\n${last.sql}`, params);
}
