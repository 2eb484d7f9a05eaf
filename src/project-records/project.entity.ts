import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Chain, Region } from '../reference/index.js';
import type { Stage } from '../lifecycle/index.js';

/**
 * A manufacturing project in the library (项目库). Stage is kept in step with the
 * persisted lifecycle snapshot by the lifecycle engine; nothing else writes it.
 * Dates are calendar dates as `YYYY-MM-DD` text; instants are ISO 8601 UTC text.
 */
export const PROJECT_ORIGINS = ['attracted', 'expansion', 'renovation'] as const;
export type ProjectOrigin = (typeof PROJECT_ORIGINS)[number];

@Entity('project')
@Index('idx_project_stage', ['stage'])
@Index('idx_project_region_stage', ['regionCode', 'stage'])
@Index('idx_project_chain_stage', ['chainCode', 'stage'])
@Index('idx_project_total', ['totalInvestmentWan'])
@Index('idx_project_origin_planned', ['origin', 'plannedAt'])
export class Project {
  @PrimaryGeneratedColumn()
  id: number;

  /** The project code the city office assigns (项目编码). */
  @Column({ type: 'varchar', length: 64, unique: true })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** 建设单位. */
  @Column({ name: 'owner_enterprise', type: 'varchar', length: 200, nullable: true })
  ownerEnterprise: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @ManyToOne(() => Region, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Relation<Region>;

  @Column({ name: 'chain_code', type: 'varchar', length: 32, nullable: true })
  chainCode: string | null;

  @ManyToOne(() => Chain, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chain_code' })
  chain?: Relation<Chain>;

  /** 总投资, 万元. */
  @Column({ name: 'total_investment_wan', type: 'integer', nullable: true })
  totalInvestmentWan: number | null;

  /** 建设内容. */
  @Column({ type: 'text', nullable: true })
  content: string | null;

  @Column({ name: 'planned_start_date', type: 'varchar', length: 10, nullable: true })
  plannedStartDate: string | null;

  @Column({ name: 'actual_start_date', type: 'varchar', length: 10, nullable: true })
  actualStartDate: string | null;

  @Column({ name: 'planned_completion_date', type: 'varchar', length: 10, nullable: true })
  plannedCompletionDate: string | null;

  @Column({ name: 'actual_completion_date', type: 'varchar', length: 10, nullable: true })
  actualCompletionDate: string | null;

  /** 形象进度: what the work stands at, in the office's words (主体施工, 设备安装调试 …). */
  @Column({ type: 'text', nullable: true })
  progress: string | null;

  // 前期手续: the date each approval was obtained, or null while outstanding.
  /** 立项 (备案/核准). */
  @Column({ name: 'approval_filing', type: 'varchar', length: 10, nullable: true })
  approvalFiling: string | null;

  /** 用地. */
  @Column({ name: 'approval_land', type: 'varchar', length: 10, nullable: true })
  approvalLand: string | null;

  /** 规划许可. */
  @Column({ name: 'approval_planning', type: 'varchar', length: 10, nullable: true })
  approvalPlanning: string | null;

  /** 环评. */
  @Column({ name: 'approval_environment', type: 'varchar', length: 10, nullable: true })
  approvalEnvironment: string | null;

  /** 节能审查. */
  @Column({ name: 'approval_energy', type: 'varchar', length: 10, nullable: true })
  approvalEnergy: string | null;

  /** 施工许可. */
  @Column({ name: 'approval_construction', type: 'varchar', length: 10, nullable: true })
  approvalConstruction: string | null;

  @Column({ type: 'varchar', length: 32 })
  stage: Stage;

  /** 招商引进 attracted, 本地企业扩产 expansion, 技改 renovation; null when not recorded. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  origin: ProjectOrigin | null;

  /** 谋划: the date the project entered the library (its creation date unless recorded otherwise). */
  @Column({ name: 'planned_at', type: 'varchar', length: 10, nullable: true })
  plannedAt: string | null;

  /** The persisted XState snapshot (JSON) the engine restores before every event. */
  @Column({ name: 'lifecycle_snapshot', type: 'text' })
  lifecycleSnapshot: string;

  /** Optimistic lock: checked in the UPDATE's WHERE clause, never by save(). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
