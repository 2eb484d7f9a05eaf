import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanStatus } from './plan.types.js';

export type { PlanStatus };

/**
 * A year's plan (年度计划), city part: the targets the board judges against, as data (2024:
 * the 2024 plan §一(二), §四(四); docs/domain/plan-2024.md). A plan is a draft until
 * published; publishing freezes it and that year's lists: every later change needs a reason
 * and is kept as a plan adjustment (plan-adjustment.entity.ts).
 */
@Entity('year_target')
export class YearTarget {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  /** Implementation list size (实施类, 100 in 2024). */
  @Column({ name: 'implementation_list_size', type: 'integer' })
  implementationListSize: number;

  /** Implementation list annual investment, 万元 (165亿 = 1,650,000 万元). */
  @Column({ name: 'implementation_investment_wan', type: 'integer' })
  implementationInvestmentWan: number;

  /** Preparation list size (准备类, 30 in 2024). */
  @Column({ name: 'preparation_list_size', type: 'integer' })
  preparationListSize: number;

  /** Start rate target in percent (开工率 ≥ 80%). */
  @Column({ name: 'start_rate_target_pct', type: 'integer' })
  startRateTargetPct: number;

  /** Big project threshold, 万元 (大项目 ≥ 50亿). */
  @Column({ name: 'big_project_threshold_wan', type: 'integer' })
  bigProjectThresholdWan: number;

  /** Big projects the city as a whole is to plan (≥ 10). */
  @Column({ name: 'big_project_city_target', type: 'integer' })
  bigProjectCityTarget: number;

  /** Key project threshold, 万元 (重点项目 ≥ 10亿). */
  @Column({ name: 'key_project_threshold_wan', type: 'integer' })
  keyProjectThresholdWan: number;

  /** Number of key projects named (22 in 2024). */
  @Column({ name: 'key_project_count', type: 'integer' })
  keyProjectCount: number;

  /** Key projects' annual investment target, 万元 (75亿). */
  @Column({ name: 'key_project_investment_wan', type: 'integer' })
  keyProjectInvestmentWan: number;

  /** 蓝 when ratio ≥ this percent (100). */
  @Column({ name: 'rating_blue_pct', type: 'integer' })
  ratingBluePct: number;

  /** 黄 when ratio ≥ this percent and below blue (80); 红 below. */
  @Column({ name: 'rating_yellow_pct', type: 'integer' })
  ratingYellowPct: number;

  /** 产业链招商引资签约项目金额, 万元 (900亿 in 2024). */
  @Column({ name: 'attraction_signed_wan', type: 'integer', default: 0 })
  attractionSignedWan: number;

  /** 到位资金, 万元 (300亿 in 2024). */
  @Column({ name: 'attraction_funded_wan', type: 'integer', default: 0 })
  attractionFundedWan: number;

  /**
   * Whether START may proceed on approvals accepted conditionally (容缺受理) before their
   * commitment date; false is the plan restricting it for its year (a year without a plan allows it).
   */
  @Column({ name: 'conditional_approvals_allowed', type: 'boolean', default: true })
  conditionalApprovalsAllowed: boolean;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: PlanStatus;

  @Column({ name: 'published_at', type: 'varchar', length: 30, nullable: true })
  publishedAt: string | null;

  @Column({ name: 'published_by', type: 'varchar', length: 64, nullable: true })
  publishedBy: string | null;
}
