import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from './user.entity.js';

/**
 * One signed-in session: every token (bearer or the pages' cookie) names its row, and a
 * token whose row is gone no longer works. Logout deletes the row, an own-password change
 * deletes the user's other rows; expired rows are swept at the next sign-in. The audit log
 * keeps the history of sign-ins and logouts.
 */
@Entity('auth_session')
@Index('idx_session_user', ['userId'])
@Index('idx_session_expires', ['expiresAt'])
export class AuthSession {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** `bearer` (POST /api/auth/login) or `cookie` (POST /api/auth/session, the pages). */
  @Column({ type: 'varchar', length: 8 })
  via: 'bearer' | 'cookie';

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 30 })
  expiresAt: string;
}
