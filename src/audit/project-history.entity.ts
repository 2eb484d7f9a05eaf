import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** `lead`: the project came from a 招商 lead's 落地 (docs/domain/attraction.md); data names the lead. */
export const HISTORY_KINDS = ['created', 'updated', 'transition', 'list', 'request', 'lead', 'responsibility'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/**
 * One row per change to a project: its creation, an edit (with before/after of each
 * field) or a lifecycle transition (with the event payload), or a step of one of its 要素保障
 * requests (kind `request`, the request event in `event`). Append-only.
 */
@Entity('project_history')
@Index('idx_history_project', ['projectId', 'id'])
@Index('idx_history_transition', ['event', 'recordedAt'])
export class ProjectHistory {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  // The row belongs to a project (src/project-records): named, not imported, since the recorder
  // sits below the modules whose changes it records.
  @ManyToOne('Project', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: unknown;

  @Column({ type: 'varchar', length: 16 })
  kind: HistoryKind;

  /** Lifecycle event type for transitions (PROMOTE, START, …). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  event: string | null;

  @Column({ name: 'from_stage', type: 'varchar', length: 32, nullable: true })
  fromStage: string | null;

  @Column({ name: 'to_stage', type: 'varchar', length: 32, nullable: true })
  toStage: string | null;

  /** The date the change took effect in the world (start date, halt date, …). */
  @Column({ name: 'effective_date', type: 'varchar', length: 10, nullable: true })
  effectiveDate: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** JSON: the event payload, or `{ field: { from, to } }` for an edit. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  /** When it was recorded (ISO 8601 UTC). */
  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
