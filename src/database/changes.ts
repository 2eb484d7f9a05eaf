import type { EntityManager } from 'typeorm';

/**
 * What a write transaction changed that derived figures follow (docs/architecture.md "Derived
 * figures"): the projects whose data changed, the years whose plan changed. The change recorder
 * marks them as it records each change (every write path records through it), and the write
 * queue hands them to the followers before the transaction commits, so figures kept from the
 * data are brought up to date in the same transaction as the data.
 */
export interface Changed {
  projectIds: Set<number>;
  years: Set<number>;
}

/**
 * Called in the write transaction, before it commits, with what it changed: answers the
 * statements (text without parameters: database/sql.ts `sqlScript`) that bring what it keeps up
 * to date; the write queue runs them with its own as one script.
 */
export type Follower = (manager: EntityManager, changed: Changed) => Promise<string[]>;

// Keyed by the transaction's connection (a savepoint's manager shares it).
const pending = new WeakMap<object, Changed>();

const keyOf = (manager: EntityManager): object => manager.queryRunner ?? manager;

export function markChanged(manager: EntityManager, what: { projectIds?: Iterable<number>; years?: Iterable<number> }): void {
  const key = keyOf(manager);
  let changed = pending.get(key);
  if (!changed) pending.set(key, (changed = { projectIds: new Set(), years: new Set() }));
  for (const id of what.projectIds ?? []) changed.projectIds.add(id);
  for (const year of what.years ?? []) changed.years.add(year);
}

/** What the transaction has changed so far, and forget it (null when nothing). */
export function takeChanged(manager: EntityManager): Changed | null {
  const key = keyOf(manager);
  const changed = pending.get(key) ?? null;
  pending.delete(key);
  return changed && (changed.projectIds.size || changed.years.size) ? changed : null;
}
