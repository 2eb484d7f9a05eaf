import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A chain's annual target from the work plan appendix (通用指标). */
@Entity('chain_target')
export class ChainTarget {
  @PrimaryColumn({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** Number of implementation-list projects the chain is to carry. */
  @Column({ type: 'integer' })
  projects: number;

  /** Annual investment to complete, 万元. */
  @Column({ name: 'investment_wan', type: 'integer' })
  investmentWan: number;
}
