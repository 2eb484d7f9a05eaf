import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A wall screen's sign-in (大屏令牌): a named, read-only token for the board's routes, valid for
 * a chosen number of days, revocable at once. Only its SHA-256 is stored; the token itself is
 * shown once, when it is made.
 */
@Entity('display_token')
@Index('idx_display_token_hash', ['tokenHash'], { unique: true })
export class DisplayToken {
  @PrimaryGeneratedColumn()
  id: number;

  /** What the admin called it (指挥部大屏), also how it appears in logs and the audit log (`display:<name>`). */
  @Column({ type: 'varchar', length: 48 })
  name: string;

  /** SHA-256 (hex) of the token. */
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 64 })
  createdBy: string;

  @Column({ name: 'expires_at', type: 'varchar', length: 30 })
  expiresAt: string;

  /** Updated at most once a minute (display-tokens.service.ts). */
  @Column({ name: 'last_used_at', type: 'varchar', length: 30, nullable: true })
  lastUsedAt: string | null;

  @Column({ name: 'revoked_at', type: 'varchar', length: 30, nullable: true })
  revokedAt: string | null;

  @Column({ name: 'revoked_by', type: 'varchar', length: 64, nullable: true })
  revokedBy: string | null;
}
