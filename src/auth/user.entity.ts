import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { Role } from '../access/index.js';

/**
 * A person who signs in. `admin` is the city office (everything); `region` one county's or
 * zone's operator (its projects: edit, advance, report; its leads); `chain` one chain team (read its
 * projects, comment; its chain's 招商 leads, indicators and notes); `auditor` reads everything and changes nothing;
 * `department` one 要素保障组 department (the requests routed to it, city-wide; docs/domain/requests.md);
 * `leader` a 链长, 包联领导 or 专员 (reads like an auditor; docs/domain/responsibility.md), linked to
 * a person of the register (`personId`, required for that role; any other user may have one too).
 */
@Entity('app_user')
// Unique whatever the case (`admin` = `ADMIN`): an index on lower(username), created in the
// Sessions migration as SQL; TypeORM cannot express it, so it leaves it alone.
@Index('idx_user_username_lower', { synchronize: false })
export class User {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  /** `scrypt$N$r$p$salt$hash` (base64), see password.ts. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ name: 'region_code', type: 'varchar', length: 12, nullable: true })
  regionCode: string | null;

  @Column({ name: 'chain_code', type: 'varchar', length: 32, nullable: true })
  chainCode: string | null;

  @Column({ name: 'department_code', type: 'varchar', length: 32, nullable: true })
  departmentCode: string | null;

  /** The office the user works for, shown instead of the login name in histories (null: derived from role and scope). */
  @Column({ name: 'office_name', type: 'varchar', length: 64, nullable: true })
  officeName: string | null;
  /**
   * The person of the register this user is (链长, 包联领导, 专员): what `GET /api/me/home` shows.
   * Checked by the service when set (a person is never deleted, so it stays valid).
   */
  @Column({ name: 'person_id', type: 'integer', nullable: true })
  personId: number | null;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Bumped on every change of password, role or scope: older tokens stop working. */
  @Column({ name: 'token_version', type: 'integer' })
  tokenVersion: number;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 30 })
  updatedAt: string;
}
