import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Chain } from '../reference/index.js';
import type { ActivityKind } from './people.types.js';
import { Person } from './person.entity.js';

/**
 * A 链长 activity on a chain (docs/domain/responsibility.md "Activities"): 巡链, 问链, 诊链, a 链长制
 * 调度会, a 融链固链 matching; when, who led it, the enterprises and projects visited, what was
 * found. Recorded once; a finding raised as a 要素保障 request carries the activity as its origin.
 */
@Entity('chain_activity')
@Index('idx_chain_activity_chain_date', ['chainCode', 'date'])
export class ChainActivity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'chain_code', type: 'varchar', length: 32 })
  chainCode: string;

  @ManyToOne(() => Chain, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'chain_code' })
  chain?: Relation<Chain>;

  @Column({ type: 'varchar', length: 16 })
  kind: ActivityKind;

  @Column({ type: 'varchar', length: 10 })
  date: string;

  @Column({ name: 'leader_id', type: 'integer', nullable: true })
  leaderId: number | null;

  @ManyToOne(() => Person, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leader_id' })
  leader?: Relation<Person>;

  /** The enterprises visited, a JSON array of names. */
  @Column({ type: 'text' })
  enterprises: string;

  /** The projects visited, a JSON array of ids. */
  @Column({ name: 'project_ids', type: 'text' })
  projectIds: string;

  @Column({ type: 'text' })
  findings: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
