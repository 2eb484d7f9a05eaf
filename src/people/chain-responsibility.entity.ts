import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Chain } from '../reference/index.js';
import { Person } from './person.entity.js';

/**
 * A chain's "5个1" for a year (docs/domain/responsibility.md "A chain's 5个1"): 链长, 责任部门,
 * 工作方案, 支持措施, 链主企业. Every change is a new revision, the latest counts (the revision
 * log, src/revisions); the board reads the latest recorded by its instant.
 */
@Entity('chain_responsibility')
@Index('idx_chain_responsibility_rev', ['chainCode', 'year', 'revision'], { unique: true })
export class ChainResponsibility {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @ManyToOne(() => Chain, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chain_code' })
  chain?: Relation<Chain>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  revision: number;

  /** 链长: a person of the register. */
  @Column({ name: 'leader_id', type: 'integer', nullable: true })
  leaderId: number | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id' })
  leader?: Relation<Person>;

  /** 责任部门; null: the chain's lead unit in the appendix (责任单位). */
  @Column({ type: 'varchar', length: 100, nullable: true })
  department: string | null;

  @Column({ name: 'plan_title', type: 'varchar', length: 200, nullable: true })
  planTitle: string | null;

  @Column({ name: 'plan_date', type: 'varchar', length: 10, nullable: true })
  planDate: string | null;

  @Column({ name: 'plan_text', type: 'text', nullable: true })
  planText: string | null;

  /** 支持措施, a JSON array of text. */
  @Column({ type: 'text' })
  measures: string;

  /** 链主企业, a JSON array of enterprise names. */
  @Column({ name: 'anchor_enterprises', type: 'text' })
  anchorEnterprises: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
