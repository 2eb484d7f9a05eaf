import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A place taken by a sign-in attempt under one key (a user name or a client address), kept for
 * the limit's window. In the database so that every app server counts the same attempts.
 */
@Entity('login_attempt')
@Index('idx_login_attempt_key', ['key', 'at'])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  /** Epoch milliseconds, as text that sorts (13 digits until the year 2286). */
  @Column({ type: 'varchar', length: 16 })
  at: string;
}
