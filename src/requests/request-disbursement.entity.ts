import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FactorRequest } from './factor-request.entity.js';

/**
 * 到位 of a 资金 request: the money that reached the enterprise in a month, against the credit
 * (授信) its 办结 granted (docs/domain/requests.md "Year to date"). Kept as revisions like every
 * monthly figure (src/revisions): re-filing a month adds one; the latest recorded by an instant
 * counts then.
 */
@Entity('request_disbursement')
@Index('idx_request_disbursement_rev', ['requestId', 'month', 'revision'], { unique: true })
@Index('idx_request_disbursement_month', ['month', 'requestId'])
export class RequestDisbursement {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_id', type: 'integer' })
  requestId: number;

  @ManyToOne(() => FactorRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<FactorRequest>;

  /** `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  @Column({ type: 'integer' })
  revision: number;

  /** Money that reached the enterprise in the month, 万元. */
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
