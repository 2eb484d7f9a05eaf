import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { type ApiError, preconditionFailed } from '../common/index.js';

/**
 * Lost updates (docs/choices.md "Storage and concurrency"): `@VersionColumn` does not prevent them, so a row
 * that callers edit carries `version` and every change to it goes through here.
 */

/** The one answer to a stale version (412 staleVersion): the version the caller read, and the current one when known. */
export function staleVersion(read: number, current?: number): ApiError {
  return preconditionFailed('数据已被他人修改，请刷新后重试', [
    { field: 'version', code: 'staleVersion', message: current === undefined ? `版本 ${read} 已过期` : `读取的版本 ${read} 已过期，当前版本 ${current}` },
  ]);
}

/** Refuses (412) when the caller read another version (If-Match, or `version` in the body) than the row has now. */
export function checkReadVersion(read: number | undefined, current: number): void {
  if (read !== undefined && read !== current) throw staleVersion(read, current);
}

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`, and 412 when no row
 * matched: another transaction changed the row since `version` was read.
 */
export async function updateVersioned<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  row: { id: number; version: number },
  changes: QueryDeepPartialEntity<T>,
): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<T>)
    .where('id = :id AND version = :version', { id: row.id, version: row.version })
    .execute();
  if (result.affected !== 1) throw staleVersion(row.version);
}
