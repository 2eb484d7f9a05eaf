import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { FactorRequest } from './factor-request.entity.js';

/**
 * One step of a request (要素保障需求): its raising (RAISE) and every event after it, with who,
 * when, the reason or note, and what the event carried. Append-only; the request's state at
 * any instant is replayed from these rows (requests.queries.ts).
 */
@Entity('factor_request_transition')
@Index('idx_request_transition_request', ['requestId', 'event', 'id'])
export class RequestTransition {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'request_id', type: 'integer' })
  requestId: number;

  @ManyToOne(() => FactorRequest, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: Relation<FactorRequest>;

  /** RAISE, ACCEPT, RESOLVE, FEEDBACK, RETURN, EVALUATE, ESCALATE, DECIDE. */
  @Column({ type: 'varchar', length: 16 })
  event: string;

  @Column({ name: 'from_status', type: 'varchar', length: 16, nullable: true })
  fromStatus: string | null;

  @Column({ name: 'to_status', type: 'varchar', length: 16 })
  toStatus: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  category: string | null;

  /** ACCEPT: the date promised; DECIDE: the 常务会's deadline (时限). */
  @Column({ name: 'promised_date', type: 'varchar', length: 10, nullable: true })
  promisedDate: string | null;

  @Column({ type: 'integer', nullable: true })
  granted: number | null;

  /** RESOLVE of an approval request: the date the approval was obtained. */
  @Column({ name: 'approval_date', type: 'varchar', length: 10, nullable: true })
  approvalDate: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  rating: string | null;

  /** RESOLVE's note (办理情况). */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** RETURN, ESCALATE (存在问题), a dissatisfied EVALUATE: why. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** FEEDBACK: how the enterprise was told (FEEDBACK_METHODS) and on which day. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  method: string | null;

  @Column({ name: 'told_on', type: 'varchar', length: 10, nullable: true })
  toldOn: string | null;

  /** ESCALATE: the paper's 议题, 部门意见 and 建议 (docs/domain/requests.md "常务会"). */
  @Column({ type: 'text', nullable: true })
  topic: string | null;

  @Column({ type: 'text', nullable: true })
  opinion: string | null;

  @Column({ type: 'text', nullable: true })
  proposal: string | null;

  /** DECIDE: the 常务会's 议定事项 and 责任单位 (its 时限 is promised_date). */
  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ name: 'responsible_unit', type: 'varchar', length: 200, nullable: true })
  responsibleUnit: string | null;

  /** EVALUATE: who at the enterprise gave the rating. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  respondent: string | null;

  /** FEEDBACK, EVALUATE: the 专员 (a person of the register) who told the enterprise or took its answer, when named. */
  @Column({ name: 'person_id', type: 'integer', nullable: true })
  personId: number | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;

  /** The calendar day it was recorded on (TZ_CALENDAR), and the same as a day number. */
  @Column({ name: 'effective_date', type: 'varchar', length: 10 })
  effectiveDate: string;

  @Column({ name: 'effective_day', type: 'integer' })
  effectiveDay: number;
}
