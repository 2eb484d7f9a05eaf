import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, monthKey } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { DashboardService, type Dashboard } from '../board/index.js';
import { fileRevision, latestRevision, revisionsOf } from '../revisions/index.js';
import { BulletinCommentary } from './bulletin-commentary.entity.js';
import { Bulletin } from './bulletin.entity.js';
import { draftCommentary } from './commentary-draft.js';
import type { CommentaryDraft, CommentaryRevisionView, CommentaryText, CommentaryView, PublishedCommentary } from './commentary.types.js';

export type { CommentaryRevisionView, CommentaryView, PublishedCommentary };
import type { PutCommentaryDto } from './dto/commentary.dto.js';

/**
 * The words of the 月通报 (docs/domain/bulletin-commentary.md): drafted from the figures, edited by
 * the city office, filed as revisions through the revision log (src/revisions), so that after the
 * month's bulletin is published a change is a correction with a reason and the published words
 * stay. Publishing freezes the words that count then with the figures (freezeIn).
 */
@Injectable()
export class BulletinCommentaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly dashboard: DashboardService,
  ) {}

  /** The draft from the month's figures: the published ones once the bulletin is out, else the board now. */
  async draft(year: number, month: number): Promise<CommentaryDraft> {
    const bulletin = await this.dataSource.getRepository(Bulletin).findOneBy({ year, month });
    const board = bulletin ? (JSON.parse(bulletin.body) as Dashboard) : await this.dashboard.board(year, month);
    return draftCommentary(board);
  }

  async view(year: number, month: number): Promise<CommentaryView> {
    const manager = this.dataSource.manager;
    const bulletin = await manager.findOneBy(Bulletin, { year, month });
    const revisions = (await revisionsOf(manager, { entity: BulletinCommentary, key: { year, month } })).map(revisionView);
    return { year, month, published: bulletin !== null, publishedRevision: bulletin?.commentaryRevision ?? null, current: revisions.at(-1) ?? null, revisions };
  }

  /** Files the words as a new revision (nothing when they are the same); after publication only with a reason. */
  put(year: number, month: number, dto: PutCommentaryDto, actor: string): Promise<CommentaryView> {
    return this.writes
      .run(async (manager) => {
        const text = normalised(dto);
        const reason = dto.reason?.trim() || null;
        const filed = await fileRevision<BulletinCommentary>(manager, {
          entity: BulletinCommentary,
          key: { year, month },
          same: (latest) => JSON.stringify(textOf(latest)) === JSON.stringify(text),
          closing: { month: monthKey(year, month), reason, what: '通报文字' },
          build: (revision, correction) => manager.create(BulletinCommentary, { year, month, revision, ...stored(text), actor, recordedAt: this.clock.nowIso(), correction, reason }),
        });
        if (!filed.added) return;
        await this.changes.record(manager, {
          actor,
          subject: auditSubject.bulletin(year, month),
          action: 'commentary',
          before: filed.previous && { revision: filed.previous.revision, ...textOf(filed.previous) },
          after: { revision: filed.row.revision, ...text, correction: filed.row.correction },
          reason,
          at: filed.row.recordedAt,
        });
      })
      .then(() => this.view(year, month));
  }

  /**
   * At publication, in the publishing transaction: the words that count now (the draft from the
   * figures being published when nobody has saved any), and the SHA-256 of their canonical JSON
   * for the publish entry of the audit log.
   */
  async freezeIn(manager: EntityManager, year: number, month: number, board: Dashboard, actor: string, at: string): Promise<{ revision: number; hash: string }> {
    let latest = await latestRevision(manager, { entity: BulletinCommentary, key: { year, month } });
    if (!latest) {
      const text: CommentaryText = { ...draftCommentary(board), nextSteps: [] };
      latest = manager.create(BulletinCommentary, { year, month, revision: 1, ...stored(text), actor, recordedAt: at, correction: false, reason: null });
      await manager.insert(BulletinCommentary, latest);
    }
    return { revision: latest.revision, hash: commentaryHash(textOf(latest)) };
  }

  /** The words a published bulletin carries (null for one published before they were kept). */
  async publishedOf(manager: EntityManager, bulletin: Bulletin): Promise<PublishedCommentary | null> {
    if (bulletin.commentaryRevision === null) return null;
    const revisions = await revisionsOf(manager, { entity: BulletinCommentary, key: { year: bulletin.year, month: bulletin.month } });
    const latest = revisions.at(-1);
    if (!latest) return null;
    return {
      ...textOf(latest),
      revision: latest.revision,
      publishedRevision: bulletin.commentaryRevision,
      corrections: revisions.filter((r) => r.revision > bulletin.commentaryRevision!).map((r) => ({ revision: r.revision, recordedAt: r.recordedAt, actor: r.actor, reason: r.reason })),
    };
  }
}

/** SHA-256 of the words as canonical JSON (keys in a fixed order). */
export function commentaryHash(text: CommentaryText): string {
  const canonical = JSON.stringify({ overview: text.overview, problems: text.problems, nextSteps: text.nextSteps, praise: text.praise });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Trimmed; empty items dropped. */
function normalised(dto: PutCommentaryDto): CommentaryText {
  const items = (list: string[]) => list.map((item) => item.trim()).filter(Boolean);
  return { overview: dto.overview.trim(), problems: items(dto.problems), nextSteps: items(dto.nextSteps), praise: items(dto.praise) };
}

function stored(text: CommentaryText) {
  return { overview: text.overview, problems: JSON.stringify(text.problems), nextSteps: JSON.stringify(text.nextSteps), praise: JSON.stringify(text.praise) };
}

function textOf(row: BulletinCommentary): CommentaryText {
  return { overview: row.overview, problems: JSON.parse(row.problems) as string[], nextSteps: JSON.parse(row.nextSteps) as string[], praise: JSON.parse(row.praise) as string[] };
}

function revisionView(row: BulletinCommentary): CommentaryRevisionView {
  return { revision: row.revision, ...textOf(row), actor: row.actor, recordedAt: row.recordedAt, correction: Boolean(row.correction), reason: row.reason };
}
