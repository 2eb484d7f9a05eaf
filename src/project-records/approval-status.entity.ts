import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ApprovalKey, ApprovalStatus } from '../lifecycle/index.js';
import { Project } from './project.entity.js';

/**
 * One recorded status of one of a project's six approvals (督办, 容缺受理): append-only, the
 * latest row recorded by an instant is the status then. `done` rows mirror the project's
 * approval date column (the date the approval was obtained), which stays the one fact START and
 * the rest of the app read for "obtained" (docs/domain/requests.md "Approvals").
 */
@Entity('approval_status')
@Index('idx_approval_status_project_key', ['projectId', 'approvalKey', 'id'])
export class ApprovalStatusRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ name: 'approval_key', type: 'varchar', length: 16 })
  approvalKey: ApprovalKey;

  @Column({ type: 'varchar', length: 16 })
  status: ApprovalStatus;

  /** done: the date obtained; in_progress / conditional: the date accepted (受理), if known. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  date: string | null;

  /** conditional (容缺受理): the date the missing papers are promised by. */
  @Column({ name: 'commitment_date', type: 'varchar', length: 10, nullable: true })
  commitmentDate: string | null;

  /** The department handling it (督办对象), if named. */
  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
