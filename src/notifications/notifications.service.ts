import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { AuthService } from '../auth/index.js';
import { Clock, notFound } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { NoticeCandidates, type Candidate } from './notice-candidates.js';
import { InboxItem, NoticeChannel, NoticeDelivery } from './notice.entities.js';
import type { DeliveryStatus } from './labels.js';
import { readNoticeSettings } from './notice-settings.js';
import { DeliveryWorker, type DeliveryRound } from './delivery-worker.js';

export interface InboxView {
  unread: number;
  items: { id: number; kind: string; title: string; body: string; link: string; createdAt: string; readAt: string | null }[];
}

export interface DeliveryView {
  id: number;
  notice: { id: number; kind: string; title: string; createdAt: string };
  channel: { id: number; type: string; unit: { kind: string; code: string | null } };
  /** `sending` (claimed by a server right now) shows as retrying: it is not final. */
  status: Exclude<DeliveryStatus, 'sending'>;
  attempts: number;
  nextAttemptAt: string | null;
  answer: string | null;
  sentAt: string | null;
}

export interface RunResult {
  today: string;
  /** Notices made by this run (a notice made before, by any server, is not made again). */
  created: number;
  /** Notices the rules named, made now or before. */
  evaluated: number;
  delivered: DeliveryRound;
}

const INBOX_SIZE = 50;

/**
 * Notices stored once and told (docs/notifications.md): the rules' candidates are inserted by key
 * with `ON CONFLICT DO NOTHING`; only the insert that made the row adds its inbox items and its
 * deliveries (same transaction), so two servers running at the same minute make each once.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly candidates: NoticeCandidates,
    private readonly auth: AuthService,
    private readonly worker: DeliveryWorker,
  ) {}

  /** Evaluates the rules now and delivers: by the scheduler (quiet hours hold the channels) or by hand (POST …/run, audited). */
  async run(options: { manual: boolean; digests: boolean; actor?: string }): Promise<RunResult> {
    const today = this.clock.today();
    const settings = await readNoticeSettings(this.dataSource.manager);
    const candidates = await this.candidates.evaluate(today, settings);
    const created = await this.store(candidates, options.manual ? { actor: options.actor ?? 'system', today } : null);
    const delivered = await this.worker.deliverDue(options);
    return { today, created, evaluated: candidates.length, delivered };
  }

  /** Delivers what is due (the scheduler's retry round). */
  deliverDue(): Promise<DeliveryRound> {
    return this.worker.deliverDue({ manual: false, digests: false });
  }

  private async store(candidates: Candidate[], audit: { actor: string; today: string } | null): Promise<number> {
    const users = (await this.auth.listUsers()).filter((u) => u.active);
    return this.writes.run(async (manager) => {
      const channels = await manager.find(NoticeChannel, { where: { active: true } });
      const now = this.clock.nowIso();
      const made: string[] = [];
      for (const c of candidates) {
        const [row] = await sql<{ id: unknown }>(
          manager,
          `INSERT INTO notice ("key", kind, title, body, link, created_at) VALUES (:key, :kind, :title, :body, :link, :now)
           ON CONFLICT ("key") DO NOTHING RETURNING id`,
          { key: c.key, kind: c.kind, title: c.title.slice(0, 200), body: c.body, link: c.link, now },
        );
        if (!row) continue;
        const noticeId = int(row.id);
        made.push(c.key);
        const a = c.audience;
        const userIds = users
          .filter(
            (u) =>
              (u.role === 'region' && u.region !== null && (a.allRegions || a.regions.includes(u.region))) ||
              (u.role === 'department' && u.department !== null && a.departments.includes(u.department)) ||
              (u.role === 'chain' && u.chain !== null && a.chains.includes(u.chain)) ||
              (u.role === 'admin' && a.city) ||
              (u.personId !== null && a.persons.includes(u.personId)) ||
              (u.role === 'leader' && a.allLeaders),
          )
          .map((u) => u.id);
        for (const userId of new Set(userIds)) await manager.insert(InboxItem, { userId, noticeId, createdAt: now, readAt: null });
        const to = channels.filter(
          (ch) =>
            (ch.unitKind === 'region' && (a.allRegions || a.regions.includes(ch.unitCode ?? ''))) ||
            (ch.unitKind === 'department' && a.departments.includes(ch.unitCode ?? '')) ||
            (ch.unitKind === 'chain' && a.chains.includes(ch.unitCode ?? '')) ||
            (ch.unitKind === 'city' && a.city),
        );
        for (const ch of to) await manager.insert(NoticeDelivery, { noticeId, channelId: ch.id, status: 'retrying', attempts: 0, nextAttemptAt: now, claimedBy: null, claimedAt: null, answer: null, sentAt: null, createdAt: now });
      }
      if (audit) await this.changes.record(manager, { actor: audit.actor, subject: auditSubject.notices(audit.today), action: 'run', after: { created: made } });
      return made.length;
    });
  }

  async inbox(userId: number): Promise<InboxView> {
    const rows = await sql<Record<string, unknown>>(
      this.dataSource,
      `SELECT i.id, n.kind, n.title, n.body, n.link, i.created_at, i.read_at FROM inbox_item i JOIN notice n ON n.id = i.notice_id
        WHERE i.user_id = :userId ORDER BY i.id DESC LIMIT ${INBOX_SIZE}`,
      { userId },
    );
    const unread = await this.dataSource.getRepository(InboxItem).countBy({ userId, readAt: IsNull() });
    return {
      unread,
      items: rows.map((r) => ({ id: int(r.id), kind: r.kind as string, title: r.title as string, body: r.body as string, link: r.link as string, createdAt: r.created_at as string, readAt: (r.read_at as string | null) ?? null })),
    };
  }

  /** Marks the caller's own item read (404 for anyone else's); reading twice keeps the first time. */
  async markRead(userId: number, id: number): Promise<{ id: number; readAt: string }> {
    return this.writes.run(
      async (manager: EntityManager) => {
        const item = await manager.findOneBy(InboxItem, { id, userId });
        if (!item) throw notFound(`通知 ${id} 不存在`);
        if (item.readAt) return { id, readAt: item.readAt };
        const readAt = this.clock.nowIso();
        await manager.update(InboxItem, { id, userId }, { readAt });
        return { id, readAt };
      },
      { changesData: false },
    );
  }

  async deliveries(): Promise<DeliveryView[]> {
    const rows = await sql<Record<string, unknown>>(
      this.dataSource,
      `SELECT d.id, d.status, d.attempts, d.next_attempt_at, d.answer, d.sent_at, n.id AS notice_id, n.kind, n.title, n.created_at,
              c.id AS channel_id, c.type, c.unit_kind, c.unit_code
         FROM notice_delivery d JOIN notice n ON n.id = d.notice_id JOIN notice_channel c ON c.id = d.channel_id
        ORDER BY d.id DESC LIMIT 500`,
    );
    return rows.map((r) => {
      const status = r.status === 'sending' ? 'retrying' : (r.status as DeliveryView['status']);
      return {
        id: int(r.id),
        notice: { id: int(r.notice_id), kind: r.kind as string, title: r.title as string, createdAt: r.created_at as string },
        channel: { id: int(r.channel_id), type: r.type as string, unit: { kind: r.unit_kind as string, code: (r.unit_code as string | null) ?? null } },
        status,
        attempts: int(r.attempts),
        nextAttemptAt: status === 'retrying' ? (r.next_attempt_at as string) : null,
        answer: (r.answer as string | null) ?? null,
        sentAt: (r.sent_at as string | null) ?? null,
      };
    });
  }
}
