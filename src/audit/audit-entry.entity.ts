import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of the audit log (审计日志): who changed what, when, from what to what, and
 * why. Entries form a hash chain: `hash` is SHA-256 over the entry's canonical JSON and
 * `prevHash`, the hash of entry `seq − 1`. The application only ever inserts here.
 */
@Entity('audit_entry')
@Index('idx_audit_entity', ['entity', 'entityId', 'seq'])
@Index('idx_audit_at', ['at'])
export class AuditEntry {
  /** Position in the chain: 1, 2, 3, … with no gaps, assigned inside the writing transaction. */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** When the entry was written, ISO 8601 UTC with milliseconds. */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  /** What kind of thing changed: project, report, list, rating, bulletin, import, user, … */
  @Column({ type: 'varchar', length: 32 })
  entity: string;

  /** Which one (as text). For project, report and list entries: the project id. */
  @Column({ name: 'entity_id', type: 'varchar', length: 64 })
  entityId: string;

  /** create, update, transition, file, remove, override, revoke, publish, import, login, … */
  @Column({ type: 'varchar', length: 32 })
  action: string;

  /** Canonical JSON of the state before the change, or null. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  /** Canonical JSON of the state after the change (or the event payload), or null. */
  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
