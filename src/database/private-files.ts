import { chmodSync, closeSync, existsSync, fchmodSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Files only the server's own account may read (docs/operations.md "Files and their modes"): the
 * SQLite database with its WAL and SHM files, every backup, and the token key file are 0600, in
 * folders the app makes 0700, whatever the umask (each mode is set with chmod after creating, since
 * the umask narrows what open and mkdir ask for). SQLite gives the WAL, SHM and journal files the
 * mode of their database file, so a database made 0600 before SQLite opens it keeps them 0600 too.
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** The folder (and any missing parents) made 0700; an existing folder is left as its owner set it, and its mode returned for a warning. */
export function privateDir(path: string): { created: boolean; openToOthers: boolean } {
  if (!existsSync(path)) {
    mkdirSync(path, { recursive: true, mode: PRIVATE_DIR });
    chmodSync(path, PRIVATE_DIR);
    return { created: true, openToOthers: false };
  }
  return { created: false, openToOthers: (statSync(path).mode & 0o077) !== 0 };
}

/** Makes a file 0600 if it exists (an older installation's 0644 database, say): the server's own files only. */
export function tighten(path: string): void {
  if (existsSync(path) && (statSync(path).mode & 0o777) !== PRIVATE_FILE) chmodSync(path, PRIVATE_FILE);
}

/** Creates an empty file 0600 that must not exist yet (EEXIST otherwise): a backup's destination. */
export function createPrivateFile(path: string): void {
  const fd = openSync(path, 'wx', PRIVATE_FILE);
  try {
    fchmodSync(fd, PRIVATE_FILE);
  } finally {
    closeSync(fd);
  }
}

/** A SQLite database and the files SQLite keeps beside it, as they are named. */
export const SQLITE_SIDE_FILES = ['', '-wal', '-shm', '-journal'];

/**
 * Before SQLite opens a database file: its folder 0700 when the app makes it, the file created
 * 0600 when missing, and an existing one (with its side files) made 0600.
 */
export function prepareSqliteFile(location: string): { dirOpenToOthers: boolean } {
  const dir = privateDir(dirname(location));
  if (!existsSync(location)) createPrivateFile(location);
  for (const suffix of SQLITE_SIDE_FILES) tighten(`${location}${suffix}`);
  return { dirOpenToOthers: dir.openToOthers };
}

/**
 * Writes a whole small file 0600 (a key), replacing what is there in one step: written beside it
 * under another name, then renamed over it, so a reader sees the old content or the new, never half.
 * With `onlyIfMissing`, an existing file wins (two servers starting at once keep one key).
 */
export function writePrivateFile(path: string, content: string, options: { onlyIfMissing?: boolean } = {}): boolean {
  privateDir(dirname(path));
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, content, { mode: PRIVATE_FILE, flag: 'wx' });
  chmodSync(temporary, PRIVATE_FILE);
  try {
    if (!options.onlyIfMissing) {
      renameSync(temporary, path);
      return true;
    }
    try {
      linkSync(temporary, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
}

export function readPrivateFile(path: string): string {
  tighten(path);
  return readFileSync(path, 'utf8');
}
