import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Chain } from '../reference/index.js';
import type { NoteStatus } from './lead-states.js';

/**
 * The status and progress note a chain team keeps for its 差异化指标 of a year; every change
 * is a new revision, the latest counts (docs/domain/attraction.md "差异化指标").
 */
@Entity('chain_note')
@Index('idx_chain_note_rev', ['chainCode', 'year', 'revision'], { unique: true })
export class ChainNote {
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

  @Column({ type: 'varchar', length: 16 })
  status: NoteStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;
}
