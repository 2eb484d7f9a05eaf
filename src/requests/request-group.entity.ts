import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { RequestKind } from '../reference/index.js';
import type { GroupStatus } from './request-states.js';

/**
 * A 共性问题 (docs/domain/requests.md "共性问题"): problems of one kind, routed to one department
 * (and, where given, about one policy), raised for several enterprises or projects within the
 * detection window. Proposed when a problem raised completes it (rules/common-problems.ts),
 * confirmed or dismissed by the city office, solved once: the group's answer is each open
 * member's 办结. Members point at it (factor_request.group_id). `status` is the group machine's
 * state (request-group.machine.ts), kept by the group engine alone.
 */
@Entity('request_group')
@Index('idx_request_group_status', ['status', 'kind', 'departmentCode'])
export class RequestGroup {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: RequestKind;

  @Column({ name: 'department_code', type: 'varchar', length: 32 })
  departmentCode: string;

  @Column({ name: 'policy_tag', type: 'varchar', length: 64, nullable: true })
  policyTag: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: GroupStatus;

  @Column({ name: 'proposed_at', type: 'varchar', length: 30 })
  proposedAt: string;

  @Column({ name: 'confirmed_at', type: 'varchar', length: 30, nullable: true })
  confirmedAt: string | null;

  @Column({ name: 'confirmed_by', type: 'varchar', length: 64, nullable: true })
  confirmedBy: string | null;

  /** When it was resolved (its members answered) or dismissed. */
  @Column({ name: 'ended_at', type: 'varchar', length: 30, nullable: true })
  endedAt: string | null;

  /** RESOLVE: the one answer every member got; DISMISS: why the problems are not one. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Optimistic lock: checked in the UPDATE's WHERE clause. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
