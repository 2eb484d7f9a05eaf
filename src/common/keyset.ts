import { badRequest } from './api-error.js';

/**
 * Lists that seek (docs/api.md "Paging"): a long list is read page after page by key, not by
 * offset. A page answers `next`, an opaque cursor naming the last row's key; `?after=<next>` reads
 * the rows after it with an index seek, however deep the page (an offset reads and skips every row
 * before it). The cursor is the key as base64url JSON, checked when it comes back.
 */
export function cursorOf(key: string | number): string {
  return Buffer.from(JSON.stringify([key]), 'utf8').toString('base64url');
}

/** The key a cursor names; 400 naming `after` for anything that is not one of ours. */
export function keyOfCursor<K extends string | number>(cursor: string, kind: 'string' | 'number'): K {
  let value: unknown;
  try {
    value = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[0];
  } catch {
    value = undefined;
  }
  if (typeof value !== kind) throw badRequest('分页游标无效，请从第一页重新读取', [{ field: 'after', code: 'invalidCursor', message: 'after 不是本列表给出的 next' }]);
  return value as K;
}

/**
 * Totals counted once per state of the data: a count over many rows is kept with the write
 * counter's value it was counted at (`WriteQueue.version()`, shared by every server), and counted
 * again only after a write. Small and bounded (the oldest goes first). What is kept may be more
 * than a number (the project list keeps its page index with its count).
 */
export class CountCache<T = number> {
  /** The count itself while it runs: requests that arrive meanwhile wait for the same one. */
  private readonly counts = new Map<string, { version: string; total: Promise<T> }>();

  constructor(private readonly size = 256) {}

  get(key: string, version: string, count: () => Promise<T>): Promise<T> {
    const kept = this.counts.get(key);
    if (kept && kept.version === version) return kept.total;
    const total = count();
    this.counts.delete(key);
    const entry = { version, total };
    this.counts.set(key, entry);
    total.catch(() => {
      if (this.counts.get(key) === entry) this.counts.delete(key);
    });
    while (this.counts.size > this.size) this.counts.delete(this.counts.keys().next().value!);
    return total;
  }
}
