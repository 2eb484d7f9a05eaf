import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from '../project-records/index.js';

/**
 * One filing of a project's monthly report (月调度). Re-filing a month adds a
 * revision; the latest revision recorded by an instant is the one that counts then.
 */
@Entity('report_revision')
@Index('idx_report_project_month_rev', ['projectId', 'month', 'revision'], { unique: true })
@Index('idx_report_month_project', ['month', 'projectId'])
@Index('idx_report_recorded', ['recordedAt'])
export class ReportRevision {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** The month the figure belongs to, `YYYY-MM`. */
  @Column({ type: 'varchar', length: 7 })
  month: string;

  /** 1 for the first filing of the month, then 2, 3, … */
  @Column({ type: 'integer' })
  revision: number;

  /** Investment completed in the month, 万元. */
  @Column({ name: 'amount_wan', type: 'integer' })
  amountWan: number;

  /** 形象进度. */
  @Column({ type: 'text', nullable: true })
  progress: string | null;

  /** Problems and factor needs (要素需求: 用地, 能耗, 环境容量, 资金). */
  @Column({ type: 'text', nullable: true })
  problems: string | null;

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
