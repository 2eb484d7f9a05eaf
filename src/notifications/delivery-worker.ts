import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { In, DataSource } from 'typeorm';
import { Clock } from '../common/index.js';
import { wallClockIn } from '../common/period.js';
import { sql, WriteQueue } from '../database/index.js';
import { inQuietHours, retryDelayMinutes } from '../rules/index.js';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ChannelsService } from './channels.service.js';
import { Notice, NoticeChannel, NoticeDelivery } from './notice.entities.js';
import { readNoticeSettings } from './notice-settings.js';
import { messageOf } from './templates.js';

/** A delivery claimed by a server that has said nothing for this long is taken to be cut short, and tried again. */
const STALE_CLAIM_MS = 5 * 60_000;

export interface DeliveryRound {
  sent: number;
  failed: number;
  retrying: number;
}

/**
 * Sends what the delivery table says is due (docs/notifications.md "Exactly once"): after the
 * notices' transaction has committed, never inside it, so a channel's failure cannot undo the
 * write that caused a notice. Each delivery is claimed with a conditional UPDATE (status and
 * claim as read): of two servers only one gets `affected = 1` and sends. A digest channel's due
 * deliveries are claimed together and sent as one message.
 */
@Injectable()
export class DeliveryWorker {
  private readonly logger = new Logger('Notifications');
  private readonly server = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One round: a manual run ignores quiet hours; digests go out when asked (the first run of the day, or a manual one). */
  async deliverDue(options: { manual: boolean; digests: boolean }): Promise<DeliveryRound> {
    const round: DeliveryRound = { sent: 0, failed: 0, retrying: 0 };
    if (!options.manual) {
      const settings = await readNoticeSettings(this.dataSource.manager);
      if (inQuietHours(wallClockIn(this.clock.now(), this.clock.timeZone).slice(11, 16), settings.quietHours)) return round;
    }
    const now = this.clock.nowIso();
    const stale = new Date(this.clock.now().getTime() - STALE_CLAIM_MS).toISOString();
    const due = await sql<{ id: number; channel_id: number; status: string; claimed_at: string | null; digest: unknown }>(
      this.dataSource,
      `SELECT d.id, d.channel_id, d.status, d.claimed_at, c.digest FROM notice_delivery d JOIN notice_channel c ON c.id = d.channel_id
        WHERE c.active = :active AND ((d.status = 'retrying' AND d.next_attempt_at <= :now) OR (d.status = 'sending' AND d.claimed_at < :stale))
        ORDER BY d.id`,
      { now, stale, active: true },
    );
    const single = due.filter((d) => !d.digest);
    for (const d of single) {
      const claim = `${this.server}:${randomUUID().slice(0, 8)}`;
      if (!(await this.claim([Number(d.id)], claim, d.status, d.claimed_at))) continue;
      await this.attempt(Number(d.channel_id), claim, round);
    }
    if (options.digests) {
      for (const channelId of new Set(due.filter((d) => d.digest).map((d) => Number(d.channel_id)))) {
        const claim = `${this.server}:${randomUUID().slice(0, 8)}`;
        const ids = due.filter((d) => d.digest && Number(d.channel_id) === channelId);
        let claimed = false;
        for (const d of ids) claimed = (await this.claim([Number(d.id)], claim, d.status, d.claimed_at)) || claimed;
        if (claimed) await this.attempt(channelId, claim, round);
      }
    }
    return round;
  }

  /** Takes deliveries for this server if they are still as read (one statement; another server's claim makes `affected` 0). */
  private async claim(ids: number[], claim: string, status: string, claimedAt: string | null): Promise<boolean> {
    return this.writes.run(
      async (manager) => {
        const query = manager
          .createQueryBuilder()
          .update(NoticeDelivery)
          .set({ status: 'sending', claimedBy: claim, claimedAt: this.clock.nowIso() })
          .where({ id: In(ids), status });
        if (claimedAt === null) query.andWhere('claimed_at IS NULL');
        else query.andWhere('claimed_at = :claimedAt', { claimedAt });
        return ((await query.execute()).affected ?? 0) > 0;
      },
      { changesData: false },
    );
  }

  /** Sends what `claim` holds on one channel as one message, and records the answer on each delivery and the channel. */
  private async attempt(channelId: number, claim: string, round: DeliveryRound): Promise<void> {
    const deliveries = await this.dataSource.getRepository(NoticeDelivery).find({ where: { claimedBy: claim, status: 'sending' }, order: { id: 'ASC' } });
    const channel = await this.dataSource.getRepository(NoticeChannel).findOneBy({ id: channelId });
    if (!deliveries.length || !channel) return;
    const notices = await this.dataSource.getRepository(Notice).find({ where: { id: In(deliveries.map((d) => d.noticeId)) }, order: { id: 'ASC' } });
    const answer = await this.channels.send(channel, messageOf(notices, this.config.notifications.baseUrl));
    const at = this.clock.nowIso();
    await this.writes.run(
      async (manager) => {
        for (const d of deliveries) {
          const attempts = d.attempts + 1;
          const delay = answer.ok ? null : retryDelayMinutes(attempts);
          const status = answer.ok ? 'sent' : delay === null ? 'failed' : 'retrying';
          const next = delay === null ? d.nextAttemptAt : new Date(this.clock.now().getTime() + delay * 60_000).toISOString();
          await manager.update(NoticeDelivery, { id: d.id, claimedBy: claim }, { status, attempts, answer: answer.answer.slice(0, 500), nextAttemptAt: next, sentAt: answer.ok ? at : null });
          round[status === 'sent' ? 'sent' : status === 'failed' ? 'failed' : 'retrying'] += 1;
        }
        if (answer.ok) await manager.update(NoticeChannel, { id: channelId }, { consecutiveFailures: 0, failingSince: null });
        else
          await manager
            .createQueryBuilder()
            .update(NoticeChannel)
            .set({ consecutiveFailures: () => 'consecutive_failures + 1', failingSince: () => `COALESCE(failing_since, :at)` })
            .setParameters({ at })
            .where({ id: channelId })
            .execute();
      },
      { changesData: false },
    );
    if (!answer.ok) this.logger.warn(`notification channel ${channelId} (${channel.type}) did not take ${deliveries.length} message(s): ${answer.answer.slice(0, 200)}`);
  }
}
