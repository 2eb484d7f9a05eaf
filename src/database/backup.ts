import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateFile, privateDir } from './private-files.js';

export interface BackupResult {
  destination: string;
  integrity: string;
  tables: Record<string, number>;
}

/**
 * An online backup of the SQLite database (SQLite's backup API through better-sqlite3):
 * safe while the app is serving and writing, since it reads through its own connection
 * and copies a consistent snapshot. The copy is switched to a rollback journal, so that it
 * is one self-contained file (the app turns WAL on again when it opens a restored copy), then
 * opened on its own and checked with `PRAGMA integrity_check`; a copy that does not pass is
 * an error, not a backup. The copy is 0600 (its folder 0700 when made here), whatever the umask: it
 * holds what the database holds (docs/operations.md "Files and their modes").
 */
export async function backupSqlite(source: string, destination: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  privateDir(dirname(destination));
  try {
    createPrivateFile(destination);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${destination} exists already; choose a new file`, { cause: error });
    throw error;
  }
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(destination);
  } finally {
    db.close();
  }
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  return checkSqlite(destination);
}

/** Integrity check and row counts of a database file. */
export function checkSqlite(file: string): BackupResult {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    const tables: Record<string, number> = {};
    const names = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of names) tables[name] = (copy.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    if (integrity !== 'ok') throw new Error(`integrity check failed on ${file}: ${integrity}`);
    return { destination: file, integrity, tables };
  } finally {
    copy.close();
  }
}
