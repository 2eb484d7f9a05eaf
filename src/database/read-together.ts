import type { DataSource, EntityManager } from 'typeorm';

/**
 * Independent reads at once: side by side where each can take a pooled connection of its own (a
 * DataSource, or a manager outside a transaction), one after another on a transaction's manager,
 * whose one connection runs one statement at a time (pg queues a second query sent while one runs,
 * deprecated since pg 8 and refused from pg 9).
 */
export async function readTogether<T extends readonly unknown[] | []>(
  on: DataSource | EntityManager,
  reads: { readonly [K in keyof T]: () => Promise<T[K]> },
): Promise<{ -readonly [K in keyof T]: T[K] }> {
  const thunks = reads as readonly (() => Promise<unknown>)[];
  if (!('queryRunner' in on) || on.queryRunner === undefined) return (await Promise.all(thunks.map((read) => read()))) as { -readonly [K in keyof T]: T[K] };
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as { -readonly [K in keyof T]: T[K] };
}
