import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, CountCache, cursorOf, keyOfCursor, type Page } from '../common/index.js';
import { insertStatement, int, sql, sqlScriptRows, sqlTogether, type Statement, WRITE_VERSION_SQL, WriteQueue } from '../database/index.js';
import { AuditEntry } from './audit-entry.entity.js';
import { DEFAULT_VERIFY_BATCH, ENTRY_COLUMNS, verifyChain, type Checkpoint, type StoredEntryRow, type VerifyResult } from './audit-chain.js';
import { canonicalJson, chainHash, ZERO_HASH, type ChainFields, type Json } from './canonical-json.js';

/** What a write path records: who did what to which thing, the state before and after, and why. */
export interface AuditInput {
  actor: string;
  /** project, report, list, rating, target, bulletin, import, user, … (see audit-subjects.ts) */
  entity: string;
  entityId: string | number;
  /** create, update, transition, file, remove, override, revoke, publish, import, login, … */
  action: string;
  /** Any JSON-able value (plain objects, arrays, strings, finite numbers, booleans, null, Dates). */
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /**
   * The instant to record, ISO 8601 UTC with milliseconds as stored elsewhere
   * (`2024-06-30T04:00:00.000Z`). Default: the clock's now. Pass the instant the change
   * itself records (its `recorded_at`) so the log and the row agree to the millisecond.
   */
  at?: string;
}

export interface AuditEventView {
  seq: number;
  actor: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditCheckpoint extends Checkpoint {
  /** When the latest entry was written (null for an empty log). */
  at: string | null;
}

export interface AuditEventFilter {
  entity?: string;
  entityId?: string;
  /** Inclusive bounds on `at`, stored form (ISO UTC, milliseconds). */
  from?: string;
  to?: string;
}

const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The audit log (审计日志): an append-only SHA-256 hash chain of every change. Entries are
 * written by `append` inside the caller's own write transaction, so a change and its entry
 * commit together or not at all. The application never updates or deletes an entry.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly writes: WriteQueue,
  ) {}

  private readonly counts = new CountCache();

  /**
   * Appends one entry, in the caller's transaction (`manager` from `WriteQueue.run`), sent in one
   * statement with `writes` (the change's own rows, from ChangeRecorder: `Change.writes`).
   * seq = MAX(seq) + 1, prevHash = that entry's hash (64 zeros for the first). On
   * PostgreSQL, where write transactions run concurrently, the table is locked against
   * other appends until the caller commits, so the chain has one order.
   */
  async append(manager: EntityManager, input: AuditInput, writes: Statement[] = []): Promise<AuditEntry> {
    const entityId = String(input.entityId);
    checkText('actor', input.actor, 64);
    checkText('entity', input.entity, 32);
    checkText('entityId', entityId, 64);
    checkText('action', input.action, 32);
    if (input.at !== undefined && !STORED_INSTANT.test(input.at))
      throw new TypeError(`audit: at must be an ISO UTC instant with milliseconds, got "${input.at}"`);
    const beforeText = jsonText(input.before);
    const afterText = jsonText(input.after);

    // The lock and the read of the chain's end: one round trip (a script) on PostgreSQL.
    const lock = manager.connection.options.type === 'postgres' ? ['LOCK TABLE audit_entry IN SHARE ROW EXCLUSIVE MODE'] : [];
    const [latest] = await sqlScriptRows<{ seq: unknown; hash: string }>(manager, [...lock, 'SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1']);
    const fields: ChainFields = {
      seq: latest ? int(latest.seq) + 1 : 1,
      actor: input.actor,
      at: input.at ?? this.clock.nowIso(),
      entity: input.entity,
      entityId,
      action: input.action,
      // Hash what verification will read back: the stored text parsed again.
      before: beforeText === null ? null : (JSON.parse(beforeText) as Json),
      after: afterText === null ? null : (JSON.parse(afterText) as Json),
      reason: input.reason ?? null,
      prevHash: latest?.hash ?? ZERO_HASH,
    };
    const entry = manager.create(AuditEntry, {
      seq: fields.seq,
      actor: fields.actor,
      at: fields.at,
      entity: fields.entity,
      entityId: fields.entityId,
      action: fields.action,
      before: beforeText,
      after: afterText,
      reason: fields.reason,
      prevHash: fields.prevHash,
      hash: this.hashOf(fields),
    });
    // With the change's own writes, when the caller hands them here: one statement (sqlTogether).
    await sqlTogether(manager, writes, insertStatement(manager, AuditEntry, entry, 'auditEntry'));
    return entry;
  }

  /** The chain hash of an entry's fields (a method so that tests can make it fail). */
  hashOf(fields: ChainFields): string {
    return chainHash(fields);
  }

  /** Recomputes the whole chain (in batches); with a kept checkpoint, also detects a truncated or rewritten tail. */
  verify(checkpoint?: Checkpoint, options: { batchSize?: number } = {}): Promise<VerifyResult> {
    return verifyChain(this.dataSource, checkpoint, options.batchSize ?? DEFAULT_VERIFY_BATCH);
  }

  /** The latest entry's seq and hash, for an auditor to keep outside the database. */
  async checkpoint(): Promise<AuditCheckpoint> {
    const [latest] = await sql<{ seq: unknown; hash: string; at: string }>(
      this.dataSource,
      'SELECT seq, hash, "at" FROM audit_entry ORDER BY seq DESC LIMIT 1',
    );
    return latest ? { seq: int(latest.seq), hash: latest.hash, at: latest.at } : { seq: 0, hash: ZERO_HASH, at: null };
  }

  /**
   * Entries matching the filter, oldest first, one page at a time: by page number, or after the
   * `next` of the page before (a seek on seq, however long the log; docs/api.md "Paging"). The
   * total is counted once per state of the data and filter.
   */
  async events(filter: AuditEventFilter, page = 1, pageSize = 50, after?: string): Promise<Page<AuditEventView>> {
    const conditions: string[] = [];
    if (filter.entity !== undefined) conditions.push('entity = :entity');
    if (filter.entityId !== undefined) conditions.push('entity_id = :entityId');
    if (filter.from !== undefined) conditions.push('"at" >= :from');
    if (filter.to !== undefined) conditions.push('"at" <= :to');
    const params: Record<string, unknown> = Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
    const where = (more: string[] = []) => (conditions.length + more.length ? `WHERE ${[...conditions, ...more].join(' AND ')}` : '');
    const seek = after === undefined ? null : keyOfCursor<number>(after, 'number');
    // The write counter comes with the rows, in the same statement, for the count's cache below.
    const rows = await sql<StoredEntryRow & { write_version: string | number }>(
      this.dataSource,
      `SELECT ${ENTRY_COLUMNS}, ${WRITE_VERSION_SQL} AS write_version FROM audit_entry ${where(seek === null ? [] : ['seq > :afterSeq'])} ORDER BY seq LIMIT :limit OFFSET :offset`,
      { ...params, afterSeq: seek, limit: pageSize + 1, offset: seek === null ? (page - 1) * pageSize : 0 },
    );
    const version = rows.length ? String(rows[0].write_version) : await this.writes.version();
    const total = await this.counts.get(JSON.stringify(params), version, async () => {
      const [count] = await sql<{ total: unknown }>(this.dataSource, `SELECT COUNT(*) AS total FROM audit_entry ${where()}`, params);
      return int(count?.total);
    });
    const items = rows.slice(0, pageSize).map(eventView);
    return { items, total, page, pageSize, next: rows.length > pageSize ? cursorOf(items[items.length - 1].seq) : null };
  }
}

export function eventView(row: StoredEntryRow): AuditEventView {
  return {
    seq: int(row.seq),
    actor: row.actor,
    at: row.at,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: parseStored(row.before),
    after: parseStored(row.after),
    reason: row.reason,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Stored JSON text back to a value; text that is not JSON (a tampered row) is shown as it is. */
function parseStored(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function jsonText(value: unknown): string | null {
  return value === undefined || value === null ? null : canonicalJson(value);
}

function checkText(name: string, value: unknown, maxLength: number): void {
  if (typeof value !== 'string' || value === '' || value.length > maxLength)
    throw new TypeError(`audit: ${name} must be text of 1–${maxLength} characters, got ${JSON.stringify(value)}`);
}
