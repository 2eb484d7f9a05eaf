import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Lead } from './lead.entity.js';

/**
 * One filing of a lead's 到位资金 for a month. Re-filing a month adds a revision; the latest
 * revision recorded by an instant is the one that counts then (rules/latest-revision.ts).
 */
@Entity('lead_fund')
@Index('idx_lead_fund_lead_month_rev', ['leadId', 'month', 'revision'], { unique: true })
@Index('idx_lead_fund_month_lead', ['month', 'leadId'])
export class LeadFund {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'lead_id', type: 'integer' })
  leadId: number;

  @ManyToOne(() => Lead, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Relation<Lead>;

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer' })
  revision: number;

  /** Funds that arrived in the month, 万元. */
  @Column({ name: 'amount_wan', type: 'integer' })
  amountWan: number;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;

  /** Filed after the month's bulletin was published (needs a reason). */
  @Column({ type: 'boolean' })
  correction: boolean;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
