import Database from 'better-sqlite3';

/**
 * Hand-worked cases for a rule written as an SQL fragment: an in-memory SQLite database with
 * one small table holding exactly the columns the fragment reads, one row per case, and the
 * fragment evaluated for every row. The fragments' `:name` parameters bind by name.
 */
export function evaluateFragment<T extends Record<string, unknown>>(
  table: { name: string; columns: string; rows: T[] },
  expression: string,
  params: Record<string, unknown> = {},
): { row: T; value: unknown }[] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE TABLE ${table.name} (case_no INTEGER PRIMARY KEY, ${table.columns})`);
    const names = table.columns.split(',').map((c) => c.trim().split(/\s+/)[0]);
    const insert = db.prepare(`INSERT INTO ${table.name} (case_no, ${names.join(', ')}) VALUES (@case_no, ${names.map((n) => `@${n}`).join(', ')})`);
    table.rows.forEach((row, index) => insert.run({ case_no: index, ...Object.fromEntries(names.map((n) => [n, row[n] ?? null])) }));
    const results = db
      .prepare(`SELECT case_no, CASE WHEN ${expression} THEN 1 ELSE 0 END AS value FROM ${table.name} ORDER BY case_no`)
      .all(params) as { case_no: number; value: number }[];
    return results.map((r) => ({ row: table.rows[r.case_no], value: r.value }));
  } finally {
    db.close();
  }
}

/** Runs a whole statement over tables built by `setup`, binding `:name` parameters. */
export function runStatement(setup: string, statement: string, params: Record<string, unknown> = {}): Record<string, unknown>[] {
  const db = new Database(':memory:');
  try {
    db.exec(setup);
    return db.prepare(statement).all(params) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}
