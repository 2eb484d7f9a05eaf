import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from '../project-records/index.js';

export const LIST_CATEGORIES = ['implementation', 'preparation'] as const;
export type ListCategory = (typeof LIST_CATEGORIES)[number];

/**
 * A project's place on a year's list (年度清单). Membership is not stage: a
 * preparation-list project that starts stays on the preparation list.
 *
 * Rows are never changed in place: a change closes the current row (`removedAt`)
 * and adds a new one, so the list as it stood at any instant can be read back.
 */
@Entity('list_entry')
@Index('idx_list_year_current', ['year', 'removedAt', 'category'])
@Index('idx_list_project', ['projectId', 'year'])
@Index('idx_list_year_project_live', ['year', 'projectId', 'addedAt', 'removedAt'])
export class ListEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 16 })
  category: ListCategory;

  /** 年度计划投资, 万元. */
  @Column({ name: 'planned_investment_wan', type: 'integer' })
  plannedInvestmentWan: number;

  // 倒排工期: an optional monthly plan curve, twelve amounts in 万元 (all set or all null).
  @Column({ name: 'plan_m01', type: 'integer', nullable: true }) planM01: number | null;
  @Column({ name: 'plan_m02', type: 'integer', nullable: true }) planM02: number | null;
  @Column({ name: 'plan_m03', type: 'integer', nullable: true }) planM03: number | null;
  @Column({ name: 'plan_m04', type: 'integer', nullable: true }) planM04: number | null;
  @Column({ name: 'plan_m05', type: 'integer', nullable: true }) planM05: number | null;
  @Column({ name: 'plan_m06', type: 'integer', nullable: true }) planM06: number | null;
  @Column({ name: 'plan_m07', type: 'integer', nullable: true }) planM07: number | null;
  @Column({ name: 'plan_m08', type: 'integer', nullable: true }) planM08: number | null;
  @Column({ name: 'plan_m09', type: 'integer', nullable: true }) planM09: number | null;
  @Column({ name: 'plan_m10', type: 'integer', nullable: true }) planM10: number | null;
  @Column({ name: 'plan_m11', type: 'integer', nullable: true }) planM11: number | null;
  @Column({ name: 'plan_m12', type: 'integer', nullable: true }) planM12: number | null;

  /**
   * The curve above was derived from the project's milestones (docs/domain/milestones.md "The plan
   * curve from milestones"), not entered: it follows the milestones when they change.
   */
  @Column({ name: 'plan_derived', type: 'boolean', default: false })
  planDerived: boolean;

  @Column({ name: 'added_at', type: 'varchar', length: 30 })
  addedAt: string;

  @Column({ name: 'added_by', type: 'varchar', length: 64 })
  addedBy: string;

  /** 市级重点项目: designated a key project of the year (total ≥ the year's key threshold). */
  @Column({ name: 'key_project', type: 'boolean', default: false })
  keyProject: boolean;

  /** When this row stopped being current (replaced or removed); null while current. */
  @Column({ name: 'removed_at', type: 'varchar', length: 30, nullable: true })
  removedAt: string | null;

  @Column({ name: 'removed_by', type: 'varchar', length: 64, nullable: true })
  removedBy: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}

export const PLAN_MONTH_KEYS = [
  'planM01', 'planM02', 'planM03', 'planM04', 'planM05', 'planM06',
  'planM07', 'planM08', 'planM09', 'planM10', 'planM11', 'planM12',
] as const satisfies readonly (keyof ListEntry)[];

/** The entry's monthly plan curve, entered or derived from milestones (null: the even spread). */
export function monthlyPlanOf(entry: ListEntry): number[] | null {
  if (entry.planM01 === null || entry.planM01 === undefined) return null;
  return PLAN_MONTH_KEYS.map((key) => entry[key] as number);
}

/** The curve someone entered (倒排工期), null when there is none or it was derived from milestones. */
export function enteredPlanOf(entry: ListEntry): number[] | null {
  return entry.planDerived ? null : monthlyPlanOf(entry);
}
