import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { NoticeKind } from '../rules/index.js';
import type { ChannelType, DeliveryStatus, UnitKind } from './labels.js';

/**
 * A notice: what one rule said about one subject for one period (docs/notifications.md). Its
 * key (rule, subject, period) is unique: however many servers run the rules, however often,
 * a notice is made once, and its inbox items and deliveries with it.
 */
@Entity('notice')
@Index('uq_notice_key', ['key'], { unique: true })
export class Notice {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 32 })
  kind: NoticeKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** A path in the app (`/workbench/report.html?month=2024-06`). */
  @Column({ type: 'varchar', length: 300 })
  link: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}

/** A notice in one user's inbox (the bell): read or not. */
@Entity('inbox_item')
@Index('uq_inbox_item', ['userId', 'noticeId'], { unique: true })
export class InboxItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'integer' })
  userId: number;

  @Column({ name: 'notice_id', type: 'integer' })
  noticeId: number;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;

  @Column({ name: 'read_at', type: 'varchar', length: 30, nullable: true })
  readAt: string | null;
}

/**
 * Where a unit (a county, a department, a chain team, the city office) is told besides the inbox:
 * a 企业微信 or 钉钉 group robot, or e-mail. `url`, `secret` and `smtp` (with its password) are
 * write-only: no route returns them, no log line or export carries them.
 */
@Entity('notice_channel')
export class NoticeChannel {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'unit_kind', type: 'varchar', length: 16 })
  unitKind: UnitKind;

  /** The county's, department's or chain's code; null for the city office. */
  @Column({ name: 'unit_code', type: 'varchar', length: 32, nullable: true })
  unitCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  type: ChannelType;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  @Column({ type: 'text', nullable: true })
  secret: string | null;

  /** JSON: `{ host, port, secure, user?, password?, from }`. */
  @Column({ type: 'text', nullable: true })
  smtp: string | null;

  /** JSON: the e-mail addresses. */
  @Column({ name: 'mail_to', type: 'text', nullable: true })
  mailTo: string | null;

  /** Once a day, one message with every notice since the last (docs/notifications.md "Digest"). */
  @Column({ type: 'boolean' })
  digest: boolean;

  @Column({ type: 'boolean' })
  active: boolean;

  /** Failed attempts in a row (0 after a success); from CHANNEL_FAILING_AFTER on the board says so. */
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ name: 'failing_since', type: 'varchar', length: 30, nullable: true })
  failingSince: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}

/**
 * A notice to one channel: `retrying` waits for its attempt at `next_attempt_at` (attempts 0: the
 * first), `sending` is claimed by one server (`claimed_by`) with a conditional UPDATE, `sent` and
 * `failed` are final; `answer` is what the channel said last.
 */
@Entity('notice_delivery')
@Index('uq_notice_delivery', ['noticeId', 'channelId'], { unique: true })
@Index('idx_notice_delivery_due', ['status', 'nextAttemptAt'])
export class NoticeDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'notice_id', type: 'integer' })
  noticeId: number;

  @Column({ name: 'channel_id', type: 'integer' })
  channelId: number;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'varchar', length: 30 })
  nextAttemptAt: string;

  @Column({ name: 'claimed_by', type: 'varchar', length: 80, nullable: true })
  claimedBy: string | null;

  @Column({ name: 'claimed_at', type: 'varchar', length: 30, nullable: true })
  claimedAt: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  answer: string | null;

  @Column({ name: 'sent_at', type: 'varchar', length: 30, nullable: true })
  sentAt: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt: string;
}

export const NOTIFICATION_ENTITIES = [Notice, InboxItem, NoticeChannel, NoticeDelivery];
