import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Chain } from '../reference/index.js';

/**
 * One filing of a chain's other 通用指标 for a quarter, year to date (docs/domain/attraction.md
 * "通用指标 filed quarterly"). Rates are kept in permille (6.3% = 63) so they stay integers;
 * counts as numbers; null where the filing does not state the figure. Re-filing adds a revision.
 */
@Entity('chain_indicator')
@Index('idx_chain_indicator_rev', ['chainCode', 'year', 'quarter', 'revision'], { unique: true })
export class ChainIndicator {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @ManyToOne(() => Chain, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chain_code' })
  chain?: Relation<Chain>;

  @Column({ type: 'integer' })
  year: number;

  /** 1–4. */
  @Column({ type: 'integer' })
  quarter: number;

  @Column({ type: 'integer' })
  revision: number;

  /** 规上企业营业收入增幅, ‰. */
  @Column({ name: 'revenue_growth_permille', type: 'integer', nullable: true })
  revenueGrowthPermille: number | null;

  /** 规上企业增加值增幅, ‰. */
  @Column({ name: 'value_added_growth_permille', type: 'integer', nullable: true })
  valueAddedGrowthPermille: number | null;

  /** 新增规上企业 (家). */
  @Column({ name: 'new_above_scale', type: 'integer', nullable: true })
  newAboveScale: number | null;

  /** 新增省级以上优质企业 (家). */
  @Column({ name: 'new_quality', type: 'integer', nullable: true })
  newQuality: number | null;

  /** 新增高新技术企业 (家). */
  @Column({ name: 'new_high_tech', type: 'integer', nullable: true })
  newHighTech: number | null;

  /** 新增建有市级以上创新平台企业 (家). */
  @Column({ name: 'new_innovation_platforms', type: 'integer', nullable: true })
  newInnovationPlatforms: number | null;

  /** 贷款余额增幅, ‰. */
  @Column({ name: 'loan_growth_permille', type: 'integer', nullable: true })
  loanGrowthPermille: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
