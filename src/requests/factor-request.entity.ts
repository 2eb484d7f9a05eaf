import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ApprovalKey } from '../lifecycle/index.js';
import { Project } from '../project-records/index.js';
import type { Pollutant, RequestKind } from '../reference/index.js';
import type { EvaluationRating, RequestCategory, RequestChannel, RequestStatus } from './request-states.js';

/**
 * One need or problem (要素保障需求, 企业问题) about a project, an enterprise not on any list, or a
 * chain (docs/domain/requests.md "Problems from every channel"), routed to the department that
 * owns its kind when it is raised. `status` is the request machine's state (request.machine.ts; a flat machine, so the
 * state value is the status); it and the columns after it are the current state, kept by the
 * request engine alone; every change is also a row of factor_request_transition, from which
 * any past instant is replayed. Quantities are integers in the kind's smallest step
 * (rules/quantities.ts); dates are `YYYY-MM-DD`, instants ISO 8601 UTC.
 */
@Entity('factor_request')
@Index('idx_request_project', ['projectId'])
@Index('idx_request_department_status', ['departmentCode', 'status'])
@Index('idx_request_raised', ['raisedOn'])
@Index('idx_request_common', ['kind', 'departmentCode', 'raisedOn'])
@Index('idx_request_group', ['groupId'])
@Index('idx_request_origin', ['originKind', 'originId'])
export class FactorRequest {
  @PrimaryGeneratedColumn()
  id: number;

  /** The project it is about; null for a problem about an enterprise or a chain. */
  @Column({ name: 'project_id', type: 'integer', nullable: true })
  projectId: number | null;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  /** An enterprise not on any list (or the project's enterprise, named), and who to call there. */
  @Column({ name: 'enterprise_name', type: 'varchar', length: 200, nullable: true })
  enterpriseName: string | null;

  @Column({ name: 'contact_name', type: 'varchar', length: 64, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 32, nullable: true })
  contactPhone: string | null;

  /** The county and chain of a problem not about a project (a project's own are read from it). */
  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ name: 'chain_code', type: 'varchar', length: 32, nullable: true })
  chainCode: string | null;

  /** Where it came in: 企业热线, 企业诉求通, 专员走访, 巡链, 月调度, 其他. */
  @Column({ type: 'varchar', length: 16, default: 'other' })
  channel: RequestChannel;

  /** The policy it is about, where given (共性 detection groups by it: docs/domain/requests.md "共性问题"). */
  @Column({ name: 'policy_tag', type: 'varchar', length: 64, nullable: true })
  policyTag: string | null;

  /** The 专员 (a person of the register) who brought it in, when named (docs/domain/requests.md "Problems from every channel"). */
  @Column({ name: 'commissioner_id', type: 'integer', nullable: true })
  commissionerId: number | null;

  /** The 共性 group it belongs to, and when it joined (a request is in one group at most). */
  @Column({ name: 'group_id', type: 'integer', nullable: true })
  groupId: number | null;

  @Column({ name: 'grouped_at', type: 'varchar', length: 30, nullable: true })
  groupedAt: string | null;

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
