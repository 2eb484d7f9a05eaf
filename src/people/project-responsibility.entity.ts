import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Project } from '../project-records/index.js';
import type { CommissionerKind } from './people.types.js';
import { Person } from './person.entity.js';

/**
 * Who answers for a project (docs/domain/responsibility.md "A project's 包联"): its 市级包联领导,
 * 县级包联领导, 服务专员 (助企远航 or 土地服务专员) and the enterprise's 项目联系人. Every change is a
 * new revision, the latest counts; the board names the people as recorded by its instant.
 */
@Entity('project_responsibility')
@Index('idx_project_responsibility_rev', ['projectId', 'revision'], { unique: true })
@Index('idx_project_responsibility_city_leader', ['cityLeaderId'])
@Index('idx_project_responsibility_county_leader', ['countyLeaderId'])
@Index('idx_project_responsibility_commissioner', ['commissionerId'])
export class ProjectResponsibility {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'city_leader_id', type: 'integer', nullable: true })
  cityLeaderId: number | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_leader_id' })
  cityLeader?: Relation<Person>;

  @Column({ name: 'county_leader_id', type: 'integer', nullable: true })
  countyLeaderId: number | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'county_leader_id' })
  countyLeader?: Relation<Person>;

  @Column({ name: 'commissioner_id', type: 'integer', nullable: true })
  commissionerId: number | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commissioner_id' })
  commissioner?: Relation<Person>;

  @Column({ name: 'commissioner_kind', type: 'varchar', length: 16, nullable: true })
  commissionerKind: CommissionerKind | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 64, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
