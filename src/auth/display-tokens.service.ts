import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, conflict, notFound } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { DISPLAY_TOKEN_PREFIX } from './display-routes.js';
import { DisplayToken } from './display-token.entity.js';
import { DISPLAY_ROLE, type Principal } from '../access/index.js';

export const DISPLAY_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type DisplayTokenStatus = (typeof DISPLAY_TOKEN_STATUSES)[number];

export interface DisplayTokenView {
  id: number;
  name: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  status: DisplayTokenStatus;
}

/** A new token: the only time it is shown. */
export interface IssuedDisplayToken {
  id: number;
  name: string;
  token: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;
/** `lastUsedAt` is written at most this often (a wall screen reads every few minutes, all day). */
const USE_WRITE_MS = 60_000;

/**
 * Display tokens (大屏令牌) for wall screens nobody signs in to: made by an admin, read-only and
 * for the board's routes (display-routes.ts, enforced by AuthGuard), expiring after the chosen
 * days, revocable at once. Creation, revocation and use are audited; use at most once per token
 * per clock hour (the first request of each hour), so that the log shows which hours a screen
 * was on without an entry per request.
 */
@Injectable()
export class DisplayTokensService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  create(name: string, days: number, actor: string): Promise<IssuedDisplayToken> {
    const token = `${DISPLAY_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now();
    const row = {
      name: name.trim(),
      tokenHash: hashOf(token),
      createdAt: now.toISOString(),
      createdBy: actor,
      expiresAt: new Date(now.getTime() + days * DAY_MS).toISOString(),
      lastUsedAt: null,
      revokedAt: null,
      revokedBy: null,
    };
    return this.writes.run(async (manager) => {
      const created = manager.create(DisplayToken, row);
      await manager.insert(DisplayToken, created);
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.display(created.id),
        action: 'create',
        after: { name: created.name, expiresAt: created.expiresAt },
        at: created.createdAt,
      });
      return { id: created.id, name: created.name, token, expiresAt: created.expiresAt };
    });
  }

  async list(): Promise<DisplayTokenView[]> {
    const now = this.clock.nowIso();
    return (await this.dataSource.getRepository(DisplayToken).find({ order: { id: 'ASC' } })).map((row) => viewOf(row, now));
  }

  /** Revokes a token: its next request is refused (401). Revoking one twice is a 409. */
  revoke(id: number, actor: string): Promise<void> {
    return this.writes.run(async (manager) => {
      const row = await manager.findOneBy(DisplayToken, { id });
      if (!row) throw notFound(`大屏令牌 ${id} 不存在`);
      if (row.revokedAt) throw conflict(`大屏令牌 ${id} 已于 ${row.revokedAt} 撤销`, [{ code: 'alreadyRevoked', message: '该令牌已撤销' }]);
      const at = this.clock.nowIso();
      await manager.update(DisplayToken, { id }, { revokedAt: at, revokedBy: actor });
      await this.changes.record(manager, { actor, subject: auditSubject.display(id), action: 'revoke', before: { name: row.name }, after: { revokedAt: at }, at });
    });
  }

  /** The wall screen behind a token, or null when it is unknown, revoked or expired; notes the use. */
  async authenticate(token: string): Promise<Principal | null> {
    const row = await this.dataSource.getRepository(DisplayToken).findOneBy({ tokenHash: hashOf(token) });
    const now = this.clock.now();
    if (!row || row.revokedAt || row.expiresAt <= now.toISOString()) return null;
    if (useToNote(row.lastUsedAt, now)) await this.writes.run((manager) => this.noteUse(manager, row.id, now));
    return { id: 0, username: displayActor(row.name), role: DISPLAY_ROLE, region: null, chain: null, department: null };
  }

  /** Inside the write queue, so that two requests at once note one use: the row is read again here. */
  private async noteUse(manager: EntityManager, id: number, now: Date): Promise<void> {
    const row = await manager.findOneBy(DisplayToken, { id });
    if (!row || !useToNote(row.lastUsedAt, now)) return;
    const at = now.toISOString();
    await manager.update(DisplayToken, { id }, { lastUsedAt: at });
    if (row.lastUsedAt === null || hourOf(row.lastUsedAt) !== hourOf(at))
      await this.changes.record(manager, { actor: displayActor(row.name), subject: auditSubject.display(id), action: 'use', after: { lastUsedAt: at }, at });
  }
}

/** How a wall screen appears as an actor (logs, audit): `display:指挥部大屏`. */
export function displayActor(name: string): string {
  return `display:${name}`;
}

function hashOf(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The clock hour of a stored instant (UTC; Liaocheng's hours start at the same instants). */
function hourOf(instant: string): string {
  return instant.slice(0, 13);
}

/** A use is written when the last one is a minute old, or was in an earlier hour (whose first use is audited). */
function useToNote(lastUsedAt: string | null, now: Date): boolean {
  if (lastUsedAt === null) return true;
  return now.getTime() - Date.parse(lastUsedAt) >= USE_WRITE_MS || hourOf(lastUsedAt) !== hourOf(now.toISOString());
}

function viewOf(row: DisplayToken, now: string): DisplayTokenView {
  const status: DisplayTokenStatus = row.revokedAt ? 'revoked' : row.expiresAt <= now ? 'expired' : 'active';
  const { tokenHash: _hash, ...visible } = row;
  return { ...visible, status };
}
