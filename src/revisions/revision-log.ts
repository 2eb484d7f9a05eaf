import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { unprocessable, type ErrorDetail } from '../common/index.js';
import { closingBulletinOf, correctionReasonFailure } from '../rules/index.js';

/**
 * The one way a figure kept as revisions is filed and read (docs/domain/figures.md "Monthly
 * reports"): a month's report (report_revision), a lead's 到位资金 of a month (lead_fund), a chain's
 * quarterly indicators (chain_indicator) and its 差异化指标 note (chain_note). Every revision is
 * kept; the latest one counts; filing the same figure again adds nothing; a new revision of a
 * month whose bulletin is published (a closed month, rules/month-closed.ts) needs a reason and is
 * marked as a correction. In SQL, "the latest, as recorded by an instant" is
 * rules/latest-revision.ts (isLatestRevisionSql), read by the board and the lists.
 */
export interface Revision extends ObjectLiteral {
  revision: number;
  recordedAt: string;
}

/** One figure's revisions: the entity and the columns that name the figure. */
export interface RevisionKey<Row extends Revision> {
  entity: EntityTarget<Row>;
  key: FindOptionsWhere<Row>;
}

export interface FileRevision<Row extends Revision> extends RevisionKey<Row> {
  /** Whether the latest revision already says what is filed now (then nothing is added). */
  same(latest: Row): boolean;
  /** The new row, numbered; `correction` when it revises a closed month. */
  build(revision: number, correction: boolean): Row;
  /** Why the figure cannot be filed at all (the caller's own checks); thrown together with a missing correction reason. */
  failures?: ErrorDetail[];
  /** For a month's figure: the month, the reason given, and what a refusal calls the figure (数据, 到位资金). */
  closing?: { month: string; reason: string | null; what: string };
  /** How the row is stored (default: inserted); the reports also keep their year figures in step. */
  store?(manager: EntityManager, row: Row): Promise<void>;
}

export interface Filed<Row extends Revision> {
  /** The revision that counts now: the new one, or the latest when nothing changed. */
  row: Row;
  /** The revision before this filing (null for the first). */
  previous: Row | null;
  /** A new revision was added. */
  added: boolean;
}

/** The latest revision of a figure (null when it has none). */
export function latestRevision<Row extends Revision>(manager: EntityManager, { entity, key }: RevisionKey<Row>): Promise<Row | null> {
  return manager.findOne(entity, { where: key, order: { revision: 'DESC' } as never });
}

/** Every revision of a figure, oldest first. */
export function revisionsOf<Row extends Revision>(manager: EntityManager, { entity, key }: RevisionKey<Row>): Promise<Row[]> {
  return manager.find(entity, { where: key, order: { revision: 'ASC' } as never });
}

/** Files a revision in the caller's write transaction (see above); 422 naming every failure. */
export async function fileRevision<Row extends Revision>(manager: EntityManager, filing: FileRevision<Row>): Promise<Filed<Row>> {
  const failures = [...(filing.failures ?? [])];
  const latest = await latestRevision(manager, filing);
  if (failures.length === 0 && latest && filing.same(latest)) return { row: latest, previous: latest, added: false };

  const closedBy = filing.closing ? await closingBulletinOf(manager, filing.closing.month) : null;
  if (filing.closing) {
    const uncorrected = correctionReasonFailure(closedBy, filing.closing.month, filing.closing.reason, filing.closing.what);
    if (uncorrected) failures.push(uncorrected);
  }
  if (failures.length) throw unprocessable(failures.map((f) => f.message).join('；'), failures);

  const row = filing.build((latest?.revision ?? 0) + 1, closedBy !== null);
  if (filing.store) await filing.store(manager, row);
  else await manager.insert(filing.entity, row);
  return { row, previous: latest, added: true };
}
