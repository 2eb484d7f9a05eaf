import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The city's targets for one year (2024: work plan §四(四)). Everything the target
 * board judges against is here, as data; thresholds for 蓝黄红 are configuration too.
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
}
