import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ApprovalKey } from '../lifecycle/index.js';
import { Project } from '../project-records/index.js';
import type { Pollutant, RequestKind } from '../reference/index.js';
import type { EvaluationRating, RequestCategory, RequestStatus } from './request-states.js';

/**
 * One need of a project (要素保障需求), routed to the department that owns its kind when it is
 * raised. `status` is the request machine's state (request.machine.ts; a flat machine, so the
 * state value is the status); it and the columns after it are the current state, kept by the
 * request engine alone; every change is also a row of factor_request_transition, from which
 * any past instant is replayed. Quantities are integers in the kind's smallest step
 * (rules/quantities.ts); dates are `YYYY-MM-DD`, instants ISO 8601 UTC.
 */
@Entity('factor_request')
@Index('idx_request_project', ['projectId'])
@Index('idx_request_department_status', ['departmentCode', 'status'])
@Index('idx_request_raised', ['raisedOn'])
@Index('idx_request_origin', ['originKind', 'originId'])
export class FactorRequest {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'project_id', type: 'integer' })
  projectId: number;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  @Column({ type: 'varchar', length: 16 })
  kind: RequestKind;

  /** For kind `approval`: which of the six approvals. */
  @Column({ name: 'approval_key', type: 'varchar', length: 16, nullable: true })
  approvalKey: ApprovalKey | null;

  /** For kind `environment`: which pollutant (污染物排放总量指标). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  pollutant: Pollutant | null;

  /** Asked, in the kind's smallest step; null for kinds without a quantity, or when not stated. */
  @Column({ type: 'integer', nullable: true })
  quantity: number | null;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'needed_by', type: 'varchar', length: 10, nullable: true })
  neededBy: string | null;

  /** The department it was routed to when raised (it stays there if routing changes later). */
  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode: string;

  /** The monthly report it was raised with (`YYYY-MM`), or null when raised on its own. */
  @Column({ name: 'source_month', type: 'varchar', length: 7, nullable: true })
  sourceMonth: string | null;

  /**
   * Where the need was found, when not on the project page or a report: `activity` (a 链长
   * activity's finding, docs/domain/responsibility.md "Activities") and its id. Null otherwise.
   */
  @Column({ name: 'origin_kind', type: 'varchar', length: 16, nullable: true })
  originKind: string | null;

  @Column({ name: 'origin_id', type: 'integer', nullable: true })
  originId: number | null;

  @Column({ name: 'raised_by', type: 'varchar', length: 64 })
  raisedBy: string;

  @Column({ name: 'raised_at', type: 'varchar', length: 30 })
  raisedAt: string;

  /** The calendar day it was raised, and the same as a day number (rules/working-days.ts). */
  @Column({ name: 'raised_on', type: 'varchar', length: 10 })
  raisedOn: string;

  @Column({ name: 'raised_day', type: 'integer' })
  raisedDay: number;

  /** The last day to accept it in time: N working days after it was raised, N as set when raised. */
  @Column({ name: 'accept_due', type: 'varchar', length: 10 })
  acceptDue: string;

  @Column({ type: 'varchar', length: 16 })
  status: RequestStatus;

  /** 简单 / 高频 / 复杂, chosen when accepted. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  category: RequestCategory | null;

  @Column({ name: 'promised_date', type: 'varchar', length: 10, nullable: true })
  promisedDate: string | null;

  /** Granted by the latest RESOLVE, in the kind's smallest step. */
  @Column({ type: 'integer', nullable: true })
  granted: number | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  rating: EvaluationRating | null;

  /** Times the county was dissatisfied and sent it back to the department. */
  @Column({ name: 'reopen_count', type: 'integer' })
  reopenCount: number;

  /** Optimistic lock: checked in the UPDATE's WHERE clause. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
