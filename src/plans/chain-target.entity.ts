import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A chain's row of a year's plan: every column of the appendix (2024: 通用指标 and the
 * 差异化指标 text; docs/domain/plan-2024.md). Money in 万元; growth rates in whole percent;
 * counts of enterprises as numbers. Columns the appendix leaves empty are null.
 */
@Entity('chain_target')
export class ChainTarget {
  @PrimaryColumn({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** 实施强链延链补链重点项目 (个): implementation-list projects the chain is to carry. */
  @Column({ type: 'integer' })
  projects: number;

  /** 完成投资: annual investment to complete, 万元. */
  @Column({ name: 'investment_wan', type: 'integer' })
  investmentWan: number;

  /** 签约项目合同金额, 万元. */
  @Column({ name: 'signed_wan', type: 'integer', default: 0 })
  signedWan: number;

  /** 招商引资到位资金, 万元. */
  @Column({ name: 'funded_wan', type: 'integer', default: 0 })
  fundedWan: number;

  /** 规上企业营业收入增幅 (%). */
  @Column({ name: 'revenue_growth_pct', type: 'integer', nullable: true })
  revenueGrowthPct: number | null;

  /** 规上企业增加值增幅 (%). */
  @Column({ name: 'value_added_growth_pct', type: 'integer', nullable: true })
  valueAddedGrowthPct: number | null;

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

  /** 贷款余额增幅 (%). */
  @Column({ name: 'loan_growth_pct', type: 'integer', nullable: true })
  loanGrowthPct: number | null;

  /** 差异化指标 as a count, where it names one: deals over 1亿 to sign (2024 黑色金属: 10; docs/domain/attraction.md). */
  @Column({ name: 'signed_over_100m_target', type: 'integer', nullable: true })
  signedOver100mTarget: number | null;

  /** 差异化指标 as a count, where it names one: signed deals to land (2024 大健康: 10). */
  @Column({ name: 'landed_target', type: 'integer', nullable: true })
  landedTarget: number | null;

  /**
   * 差异化指标 as a count, where it names one: projects attracted from outside (招商引进) that enter the
   * library in the year at or above `attractedOverThresholdWan` (e.g. "招引投资过30亿元项目": 300,000 万元).
   */
  @Column({ name: 'attracted_over_target', type: 'integer', nullable: true })
  attractedOverTarget: number | null;

  /** The size those attracted projects must reach, 万元 (null: the indicator is not counted). */
  @Column({ name: 'attracted_over_threshold_wan', type: 'integer', nullable: true })
  attractedOverThresholdWan: number | null;

  /** 差异化指标: the chain's own target, as text. */
  @Column({ type: 'text', nullable: true })
  differentiated: string | null;

  /** Whether the chain must attract a big project this year (2024 plan §一(二): every chain). */
  @Column({ name: 'big_project_required', type: 'boolean', default: true })
  bigProjectRequired: boolean;
}
