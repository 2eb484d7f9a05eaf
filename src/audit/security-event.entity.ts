import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One entry of the security log (docs/access.md "The security log"): a failed sign-in, a lockout
 * or a refused write. Kept apart from the audit log, which records changes: these are what did
 * not happen. Pruned after SECURITY_LOG_DAYS.
 */
@Entity('security_event')
@Index('idx_security_event_at', ['at'])
@Index('idx_security_event_kind_at', ['kind', 'at'])
export class SecurityEvent {
  @PrimaryGeneratedColumn()
  id: number;

  /** ISO 8601 UTC with milliseconds. */
  @Column({ type: 'varchar', length: 30 })
  at: string;

  /** `login-failed`, `locked` or `refused`. */
  @Column({ type: 'varchar', length: 16 })
  kind: string;

  /** The caller, or the user name a sign-in tried (as typed, at most 64 characters). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  /** The client address. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  address: string | null;

  /** Method and route pattern: `POST /api/projects/:id/events`. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  route: string | null;

  @Column({ type: 'integer', nullable: true })
  status: number | null;
}
