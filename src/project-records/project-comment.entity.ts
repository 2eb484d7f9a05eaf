import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from './project.entity.js';

/** A comment on a project, e.g. from the chain team (产业链专班) that follows it. Append-only. */
@Entity('project_comment')
@Index('idx_comment_project', ['projectId', 'id'])
export class ProjectComment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 64 })
  author: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}
