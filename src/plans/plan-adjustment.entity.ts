import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AdjustmentKind } from './plan.types.js';

/**
 * A change to a published plan or to its year's lists (调整): who, when, what, why. The
 * board counts and lists them; the audit log holds the same change in its chain.
 */
@Entity('plan_adjustment')
@Index('idx_adjustment_year', ['year', 'at'])
export class PlanAdjustment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 30 })
  at: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ type: 'varchar', length: 8 })
  kind: AdjustmentKind;

  /** add, change, remove (a list entry), update (the plan). */
  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId: number | null;

  /** JSON text. */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'text' })
  reason: string;
}
