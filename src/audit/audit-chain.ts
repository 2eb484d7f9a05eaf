import type { DataSource, EntityManager } from 'typeorm';
import { int, sql } from '../database/index.js';
import { canonicalJson, chainHash, ZERO_HASH, type Json } from './canonical-json.js';

/** A kept checkpoint: the latest entry's position and hash, stored outside the database. */
export interface Checkpoint {
  seq: number;
  hash: string;
}

/** Why verification stopped at an entry (`firstBad.reason`). */
export const FIRST_BAD_REASONS = [
  /** An entry is absent: the next stored entry has a later seq (a deleted entry). */
  'missing',
  /** A stored seq lower than its position (below 1, or out of order). */
  'outOfSequence',
  /** `prevHash` is not the previous entry's hash (deleted, inserted or reordered entries). */
  'prevHashMismatch',
  /** `before` or `after` is not canonical JSON (edited by hand). */
  'malformedJson',
  /** The recomputed hash differs from the stored one (a field was changed). */
  'hashMismatch',
  /** The kept checkpoint's entry is not in the log any more (truncated tail). */
  'checkpointMissing',
  /** The entry at the kept checkpoint has another hash (rewritten chain). */
  'checkpointHashMismatch',
] as const;
export type FirstBadReason = (typeof FIRST_BAD_REASONS)[number];

export interface VerifyResult {
  ok: boolean;
  /** Entries found sound, in seq order, before the first bad one (all of them when ok). */
  checked: number;
  firstBad?: { seq: number; reason: FirstBadReason; message: string };
}

export interface StoredEntryRow {
  seq: unknown;
  actor: string;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export const ENTRY_COLUMNS = 'seq, actor, "at", entity, entity_id, action, "before", "after", reason, prev_hash, hash';

export const DEFAULT_VERIFY_BATCH = 500;

/** Stored JSON text → value, only when it is exactly the canonical text of that value. */
function storedJson(text: string | null): { ok: true; value: Json } | { ok: false } {
  if (text === null) return { ok: true, value: null };
  try {
    const value = JSON.parse(text) as Json;
    return canonicalJson(value) === text ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/**
 * Recomputes the chain in seq order, reading `batchSize` entries at a time (keyset
 * pagination on seq), and stops at the first entry that does not match. Only entries
 * present when verification starts are read, so concurrent appends do not move the end.
 *
 * Without a checkpoint this proves the log is internally consistent; dropping the tail, or
 * rewriting the whole chain with fresh hashes, keeps it consistent, which only a kept
 * checkpoint (seq + hash written down elsewhere) can reveal.
 */
export async function verifyChain(
  db: DataSource | EntityManager,
  checkpoint?: Checkpoint,
  batchSize = DEFAULT_VERIFY_BATCH,
): Promise<VerifyResult> {
  const [bounds] = await sql<{ last: unknown }>(db, 'SELECT MAX(seq) AS last FROM audit_entry');
  const last = bounds?.last === null || bounds?.last === undefined ? 0 : int(bounds.last);
  let position = 1; // the seq the next entry must have
  let prevHash = ZERO_HASH;
  let after = -2147483648;
  const bad = (seq: number, reason: FirstBadReason, message: string): VerifyResult => ({
    ok: false,
    checked: position - 1,
    firstBad: { seq, reason, message },
  });

  if (checkpoint && checkpoint.seq === 0 && checkpoint.hash !== ZERO_HASH)
    return bad(0, 'checkpointHashMismatch', '检查点 #0 表示空日志，其哈希应为 64 个 0');

  for (;;) {
    const rows = await sql<StoredEntryRow>(
      db,
      `SELECT ${ENTRY_COLUMNS} FROM audit_entry WHERE seq > :after AND seq <= :last ORDER BY seq LIMIT :limit`,
      { after, last, limit: batchSize },
    );
    for (const row of rows) {
      const seq = int(row.seq);
      if (seq > position) return bad(position, 'missing', `条目 #${position} 缺失：#${position - 1} 之后是 #${seq}`);
      if (seq < position) return bad(seq, 'outOfSequence', `条目序号 #${seq} 不在应有位置（应为 #${position}）`);
      if (row.prev_hash !== prevHash) return bad(seq, 'prevHashMismatch', `条目 #${seq} 的前一哈希与 #${seq - 1} 的哈希不一致`);
      const before = storedJson(row.before);
      const afterJson = storedJson(row.after);
      if (!before.ok || !afterJson.ok) return bad(seq, 'malformedJson', `条目 #${seq} 的变更前/后数据不是规范 JSON`);
      const recomputed = chainHash({
        seq,
        actor: row.actor,
        at: row.at,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        before: before.value,
        after: afterJson.value,
        reason: row.reason,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) return bad(seq, 'hashMismatch', `条目 #${seq} 的内容与其哈希不符（已被修改）`);
      if (checkpoint && seq === checkpoint.seq && row.hash !== checkpoint.hash)
        return bad(seq, 'checkpointHashMismatch', `条目 #${seq} 的哈希与保存的检查点不同（日志被重写）`);
      prevHash = row.hash;
      position++;
      after = seq;
    }
    if (rows.length < batchSize) break;
  }

  if (checkpoint && checkpoint.seq >= position)
    return bad(checkpoint.seq, 'checkpointMissing', `检查点条目 #${checkpoint.seq} 不存在：日志只到 #${position - 1}（尾部被删除）`);
  return { ok: true, checked: position - 1 };
}
