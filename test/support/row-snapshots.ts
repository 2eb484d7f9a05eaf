import { expect } from '@jest/globals';

/**
 * "Nothing changed" comparisons of database rows, made cheap (docs/development.md "Where the
 * suite's time goes"): `expect(after).toEqual(before)` over every table's rows walked each value
 * through Jest's deep equality, which was most of the CPU of the specs that compare states often
 * (fuzz.e2e: 62 % of its time). Row snapshots (`databaseState`, `tableRows`) are noted here, and
 * when both sides of an equality are snapshots whose serialisations are identical they are equal
 * at once. When they differ, Jest's own equality decides and prints its diff, as before: the
 * shortcut only ever says "equal" where the deep comparison would too.
 */
const snapshots = new WeakSet<object>();

/** Marks rows read from the database as a snapshot (returns them). */
export function snapshot<T extends object>(rows: T): T {
  snapshots.add(rows);
  return rows;
}

/**
 * JSON, with the values JSON would blur kept apart: -0 (toEqual tells it from 0), NaN and
 * ±Infinity (JSON writes null), bigint (JSON throws), undefined (JSON drops the key); a string
 * that starts as those markers do is escaped.
 */
function serialise(value: object): string {
  // Not cached: a spec may change a snapshot's rows between two comparisons.
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `\u0000number:${Object.is(v, -0) ? '-0' : String(v)}`;
    if (typeof v === 'bigint') return `\u0000bigint:${v}`;
    if (v === undefined) return '\u0000undefined';
    if (typeof v === 'string' && v.startsWith('\u0000')) return `\u0000${v}`;
    return v;
  });
}

function sameSnapshots(a: unknown, b: unknown): boolean | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return undefined;
  if (!snapshots.has(a) || !snapshots.has(b)) return undefined;
  return serialise(a) === serialise(b) ? true : undefined;
}

expect.addEqualityTesters([sameSnapshots]);
