import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, LessThan } from 'typeorm';
import { Clock } from '../common/index.js';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { SecurityEvent } from './security-event.entity.js';

export const SECURITY_EVENT_KINDS = ['login-failed', 'locked', 'refused'] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** An entry as the API answers it (`GET /api/audit/security`): the contract's names, absent fields left out. */
export interface SecurityEventView {
  at: string;
  kind: SecurityEventKind;
  username?: string;
  address?: string;
  route?: string;
  status?: number;
}

export interface SecurityEventInput {
  kind: SecurityEventKind;
  username?: string | null;
  address?: string | null;
  route?: string | null;
  status?: number | null;
}

export interface SecurityEventFilter {
  /** Inclusive bounds on the instant, stored form. */
  from?: string;
  to?: string;
  kind?: SecurityEventKind;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The security log (docs/access.md "The security log"): failed sign-ins with the name tried and
 * the address, lockouts, and refused writes (403, 409, 422) with the caller — what did not happen,
 * which the audit log of changes cannot show. Kept SECURITY_LOG_DAYS (180) days: entries older than
 * that are deleted, at most once an hour, by the write that adds one. Writing an entry never fails
 * the request it is about: a write that fails is logged as a warning and the answer goes out as it was.
 */
@Injectable()
export class SecurityLog {
  private readonly logger = new Logger('SecurityLog');
  private prunedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(input: SecurityEventInput): Promise<void> {
    const now = this.clock.now();
    const row = {
      at: now.toISOString(),
      kind: input.kind,
      username: clip(input.username, 64),
      address: clip(input.address, 64),
      route: clip(input.route, 200),
      status: input.status ?? null,
    };
    try {
      await this.writes.run(
        async (manager) => {
          await manager.insert(SecurityEvent, row);
          if (now.getTime() - this.prunedAt >= HOUR_MS) {
            this.prunedAt = now.getTime();
            await manager.delete(SecurityEvent, { at: LessThan(new Date(now.getTime() - this.config.securityLogDays * DAY_MS).toISOString()) });
          }
        },
        { changesData: false },
      );
    } catch (error) {
      this.logger.warn(`could not record a ${input.kind} entry: ${(error as Error).message}`);
    }
  }

  /** The entries in the filter, oldest first, at most `limit`. */
  async list(filter: SecurityEventFilter, limit = 10_000): Promise<SecurityEventView[]> {
    const query = this.dataSource.getRepository(SecurityEvent).createQueryBuilder('e').orderBy('e.at', 'ASC').addOrderBy('e.id', 'ASC').take(limit);
    if (filter.from !== undefined) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.at <= :to', { to: filter.to });
    if (filter.kind !== undefined) query.andWhere('e.kind = :kind', { kind: filter.kind });
    return (await query.getMany()).map(viewOf);
  }
}

function clip(value: string | null | undefined, length: number): string | null {
  return value === null || value === undefined ? null : [...value].slice(0, length).join('');
}

function viewOf(row: SecurityEvent): SecurityEventView {
  const view: SecurityEventView = { at: row.at, kind: row.kind as SecurityEventKind };
  if (row.username !== null) view.username = row.username;
  if (row.address !== null) view.address = row.address;
  if (row.route !== null) view.route = row.route;
  if (row.status !== null) view.status = row.status;
  return view;
}
