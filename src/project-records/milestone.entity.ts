import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from './project.entity.js';

/**
 * One of a project's milestones (节点, 正排进度: docs/domain/milestones.md): a name (开工, 主体完工,
 * 设备安装, 试生产, 竣工投产, or the project's own), its planned date and, once reached, its actual
 * date. Rows are never changed in place: a change closes the project's current rows (`removedAt`)
 * and adds the new set, so the milestones as they stood at any instant can be read back (the
 * board's 节点滞后 as of a past instant).
 */
@Entity('milestone')
@Index('idx_milestone_project', ['projectId', 'removedAt'])
export class Milestone {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** Its place in the project's list (0 first), as entered. */
  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  name: string;

  @Column({ name: 'planned_date', type: 'varchar', length: 10 })
  plannedDate: string;

  @Column({ name: 'actual_date', type: 'varchar', length: 10, nullable: true })
  actualDate: string | null;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 64 })
  recordedBy: string;

  /** When this row stopped being current (the set was replaced); null while current. */
  @Column({ name: 'removed_at', type: 'varchar', length: 30, nullable: true })
  removedAt: string | null;
}
