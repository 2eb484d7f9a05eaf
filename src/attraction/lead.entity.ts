import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from '../project-records/index.js';
import { Chain, Region } from '../reference/index.js';
import type { LeadOrigin, LeadStatus } from './lead-states.js';

/**
 * A lead (招商项目): a deal from negotiation to signature to a project in the library
 * (docs/domain/attraction.md). Its status is the lead machine's state and changes only through
 * the lead engine; what describes the lead is fixed once recorded. Money in 万元; dates
 * `YYYY-MM-DD`; instants ISO 8601 UTC.
 */
@Entity('lead')
@Index('idx_lead_chain_status', ['chainCode', 'status'])
@Index('idx_lead_region_status', ['regionCode', 'status'])
@Index('idx_lead_project', ['projectId'], { unique: true })
export class Lead {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 投资方. */
  @Column({ type: 'varchar', length: 200 })
  investor: string;

  /** 省内 / 省外 / 境外. */
  @Column({ type: 'varchar', length: 16 })
  origin: LeadOrigin;

  @Column({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @ManyToOne(() => Chain, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chain_code' })
  chain?: Relation<Chain>;

  /** 意向落地县（市、区）. */
  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode: string;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Relation<Region>;

  /** 意向投资额, 万元. */
  @Column({ name: 'intended_investment_wan', type: 'integer' })
  intendedInvestmentWan: number;

  @Column({ type: 'varchar', length: 200, nullable: true })
  contact: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: LeadStatus;

  /** 签约合同金额, 万元. */
  @Column({ name: 'signed_amount_wan', type: 'integer', nullable: true })
  signedAmountWan: number | null;

  @Column({ name: 'signed_date', type: 'varchar', length: 10, nullable: true })
  signedDate: string | null;

  /** 协议编号. */
  @Column({ name: 'agreement_no', type: 'varchar', length: 64, nullable: true })
  agreementNo: string | null;

  @Column({ name: 'landed_date', type: 'varchar', length: 10, nullable: true })
  landedDate: string | null;

  /** The project the deal became (落地), linked both ways (the project's read shows its lead). */
  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ name: 'terminated_date', type: 'varchar', length: 10, nullable: true })
  terminatedDate: string | null;

  /** Optimistic lock: checked in the UPDATE's WHERE clause. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
