import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Rating } from './dashboard.types.js';

export type OverrideScope = 'region' | 'chain';

/**
 * A person's override of a computed 蓝黄红 colour for one month's board. Needs a reason;
 * the board shows both colours. Never changed in place: withdrawing an override sets
 * `revokedAt`, so the board as of any instant can be reproduced.
 */
@Entity('rating_override')
@Index('idx_override_board', ['year', 'month', 'scope', 'key'])
export class RatingOverride {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  month: number;

  @Column({ type: 'varchar', length: 16 })
  scope: OverrideScope;

  /** Region or chain code. */
  @Column({ type: 'varchar', length: 32 })
  key: string;

  @Column({ type: 'varchar', length: 8 })
  rating: Rating;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'varchar', length: 64 })
  actor: string;

  @Column({ name: 'recorded_at', type: 'varchar', length: 30 })
  recordedAt: string;

  @Column({ name: 'revoked_at', type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;

  @Column({ name: 'revoke_reason', type: 'text', nullable: true })
  revokeReason: string | null;
}
