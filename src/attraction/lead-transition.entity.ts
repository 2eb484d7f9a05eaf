import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lead } from './lead.entity.js';

/**
 * One row per event a lead went through (SIGN, LAND, TERMINATE), append-only: the figures of a
 * past board are replayed from these rows by the instant they were recorded.
 */
@Entity('lead_transition')
@Index('idx_lead_transition_lead', ['leadId', 'id'])
@Index('idx_lead_transition_event', ['event', 'effectiveDate', 'recordedAt'])
export class LeadTransition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'lead_id', type: 'integer' })
  leadId: number;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Relation<Lead>;

  @Column({ type: 'varchar', length: 16 })
  event: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16 })
  fromStatus: string;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: string;

  /** The date it took effect: the signing date, the landing date, the day a termination was recorded. */
  @Column({ name: 'effective_date', type: 'varchar', length: 10 })
  effectiveDate: string;

  /** SIGN: the contract amount, 万元. */
  @Column({ name: 'amount_wan', type: 'integer', nullable: true })
  amountWan: number | null;

  /** LAND: the project the lead became. */
  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId: number | null;

  /** JSON: the event's payload. */
  @Column({ type: 'text' })
  data: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
