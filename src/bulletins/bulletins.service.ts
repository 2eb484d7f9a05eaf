import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, conflict, monthKey, monthOf, notFound, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { DashboardService } from '../board/index.js';
import { Bulletin } from './bulletin.entity.js';
import type { BulletinSummary } from './bulletin.types.js';
import { BulletinCommentaryService, type PublishedCommentary } from './bulletin-commentary.service.js';

export type { BulletinSummary };

/**
 * 月通报: publishing freezes the month's dashboard as the exact JSON served, with its
 * SHA-256, and the words (总体情况, 存在问题, 下步工作, 表扬) that count then; reading returns those
 * bytes, whatever the data does afterwards, with the words as corrected since (a correction is a
 * new revision with a reason; the published one stays: bulletin-commentary.service.ts). Every bulletin is
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
    private readonly commentary: BulletinCommentaryService,
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
      // The words are frozen with the figures: the revision that counts now, its hash in the publish entry.
      const words = await this.commentary.freezeIn(manager, year, month, board, actor, publishedAt);
      // The entry first: its seq and hash are the checkpoint the bulletin carries.
      const entry = await this.changes.record(manager, {
        actor,
        subject: auditSubject.bulletin(year, month),
        action: 'publish',
        after: { year, month, hash, publishedAt, asOf: board.asOf, commentaryRevision: words.revision, commentaryHash: words.hash },
        at: publishedAt,
      });
      const row = manager.create(Bulletin, {
        year,
        month,
        publishedAt,
        publishedBy: actor,
        body,
        hash,
        checkpointSeq: entry.seq,
        checkpointHash: entry.hash,
        commentaryRevision: words.revision,
      });
      await manager.insert(Bulletin, row);
      return row;
    });
    return this.render(bulletin);
  }

  /** The published bulletin as JSON text: the stored dashboard bytes inside the envelope. */
  async find(year: number, month: number): Promise<string> {
    const bulletin = await this.dataSource.getRepository(Bulletin).findOneBy({ year, month });
    if (!bulletin) throw notFound(`${year}年${month}月通报尚未发布`);
    return this.render(bulletin);
  }

  /** The published bulletin as JSON text: its words as they count now, then the stored dashboard bytes. */
  private async render(bulletin: Bulletin): Promise<string> {
    return envelopeOf(bulletin, await this.commentary.publishedOf(this.dataSource.manager, bulletin));
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

/** The envelope (summary, and the words when the bulletin has them), then the stored dashboard bytes. */
function envelopeOf(bulletin: Bulletin, commentary: PublishedCommentary | null): string {
  const envelope = JSON.stringify(commentary ? { ...summary(bulletin), commentary } : summary(bulletin));
  return `${envelope.slice(0, -1)},"dashboard":${bulletin.body}}`;
}
