import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditSubject, ChangeRecorder, type Checkpoint } from '../audit/index.js';
import { Clock, conflict, monthKey, monthOf, notFound, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { DashboardService } from '../board/index.js';
import { Bulletin } from './bulletin.entity.js';

export interface BulletinSummary {
  year: number;
  month: number;
  publishedAt: string;
  publishedBy: string;
  hash: string;
  /** The audit chain at publication, its publish entry included (null for a bulletin without one). */
  checkpoint: Checkpoint | null;
}

/**
 * 月通报: publishing freezes the month's dashboard as the exact JSON served, with its
 * SHA-256; reading returns those bytes, whatever the data does afterwards. Every bulletin is
 * also an audit checkpoint: the seq and hash of its own publish entry, printed on every copy,
 * so that a copy kept outside the database can hold the log to it (GET /api/audit/verify?bulletin=).
 */
@Injectable()
export class BulletinsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly dashboard: DashboardService,
    private readonly changes: ChangeRecorder,
  ) {}

  /**
   * Publishes the month's bulletin now — or, for the demo seed, at an earlier instant `at`: then the
   * month must have ended by `at`, and the frozen board is the board as recorded by `at`.
   */
  async publish(year: number, month: number, actor: string, at?: string): Promise<string> {
    const currentMonth = monthOf(at === undefined ? this.clock.today() : this.clock.dateOf(at));
    if (monthKey(year, month) >= currentMonth)
      throw unprocessable(`${year}年${month}月尚未结束，不能发布通报`, [
        { field: 'month', code: 'monthNotOver', message: `只能发布已结束月份的通报（当前 ${currentMonth}）` },
      ]);
    const board = await this.dashboard.build(year, month, at);
    const body = JSON.stringify(board);
    const bulletin = await this.writes.run(async (manager) => {
      if (await manager.existsBy(Bulletin, { year, month }))
        throw conflict(`${year}年${month}月通报已发布，不能重复发布`, [{ field: 'month', code: 'alreadyPublished', message: '该月通报已发布' }]);
      const publishedAt = at ?? this.clock.nowIso();
      const hash = createHash('sha256').update(body, 'utf8').digest('hex');
      // The entry first: its seq and hash are the checkpoint the bulletin carries.
      const entry = await this.changes.record(manager, {
        actor,
        subject: auditSubject.bulletin(year, month),
        action: 'publish',
        after: { year, month, hash, publishedAt, asOf: board.asOf },
        at: publishedAt,
      });
      const row = manager.create(Bulletin, { year, month, publishedAt, publishedBy: actor, body, hash, checkpointSeq: entry.seq, checkpointHash: entry.hash });
      await manager.insert(Bulletin, row);
      return row;
    });
    return render(bulletin);
  }

  /** The published bulletin as JSON text: the stored dashboard bytes inside the envelope. */
  async find(year: number, month: number): Promise<string> {
    const bulletin = await this.dataSource.getRepository(Bulletin).findOneBy({ year, month });
    if (!bulletin) throw notFound(`${year}年${month}月通报尚未发布`);
    return render(bulletin);
  }

  async list(): Promise<BulletinSummary[]> {
    const rows = await this.dataSource.getRepository(Bulletin).find({ order: { year: 'ASC', month: 'ASC' } });
    return rows.map(summary);
  }
}

function summary(b: Bulletin): BulletinSummary {
  const checkpoint = b.checkpointSeq !== null && b.checkpointHash !== null ? { seq: b.checkpointSeq, hash: b.checkpointHash } : null;
  return { year: b.year, month: b.month, publishedAt: b.publishedAt, publishedBy: b.publishedBy, hash: b.hash, checkpoint };
}

function render(bulletin: Bulletin): string {
  const envelope = JSON.stringify(summary(bulletin));
  return `${envelope.slice(0, -1)},"dashboard":${bulletin.body}}`;
}
