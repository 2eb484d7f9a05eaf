import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { unprocessable, type ErrorDetail } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { CLOSING_BULLETIN_SQL, closingBulletinOf, correctionReasonFailure, type ClosingBulletin } from '../rules/index.js';

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
  /**
   * How the row is stored (default: inserted); the reports also keep their year figures in step,
   * and hand both writes to their audit entry, which sends them in one statement with it.
   */
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

/** What filing reads before it writes: the latest revision, and for a month's figure the bulletin that closed the month. */
export interface RevisionState<Row extends Revision> {
  latest: Row | null;
  closedBy: ClosingBulletin | null;
}

/**
 * The read behind `fileRevision` as ONE statement that always answers one row: the latest
 * revision's columns (all null when there is none) beside the closing bulletin's year and month.
 * `read` turns that row (or the same columns within a wider row) into the state. A caller may
 * select it inside a statement of its own (ReportsService reads it with the project row) and hand
 * the state to `fileRevision`; every write is then one round trip fewer on PostgreSQL.
 * Null when a key names a value that is not a plain one (an operator): then read it with `revisionStateOf`.
 */
export function revisionStateSql<Row extends Revision>(
  manager: EntityManager,
  filing: RevisionKey<Row> & { closing?: { month: string } },
): { sql: string; params: Record<string, unknown>; read(row: Record<string, unknown> | undefined): RevisionState<Row> } | null {
  const meta = manager.connection.getMetadata(filing.entity);
  const escape = (name: string) => manager.connection.driver.escape(name);
  const keys = Object.entries(filing.key as Record<string, unknown>);
  if (keys.some(([, value]) => value === null || !['string', 'number', 'boolean'].includes(typeof value))) return null;
  const params: Record<string, unknown> = {};
  const where = keys.map(([property, value], i) => {
    const column = meta.findColumnWithPropertyName(property);
    if (!column) throw new Error(`revision key ${property} is not a column of ${meta.name}`);
    params[`revisionKey${i}`] = value;
    return `k.${escape(column.databaseName)} = :revisionKey${i}`;
  });
  const revisionColumn = meta.findColumnWithPropertyName('revision')!;
  const columns = meta.columns.filter((column) => !column.isVirtual);
  const select = columns.map((column, i) => `r.${escape(column.databaseName)} AS revision_c${i}`);
  let sql = `SELECT ${select.join(', ')}`;
  if (filing.closing) {
    sql += ', c.year AS closed_year, c.month AS closed_month';
    params.month = filing.closing.month;
  }
  sql += ` FROM (SELECT 1 AS one) one
  LEFT JOIN (SELECT * FROM ${escape(meta.tableName)} k WHERE ${where.join(' AND ')} ORDER BY k.${escape(revisionColumn.databaseName)} DESC LIMIT 1) r ON 1 = 1`;
  if (filing.closing) sql += `\n  LEFT JOIN (${CLOSING_BULLETIN_SQL}) c ON 1 = 1`;
  const driver = manager.connection.driver;
  const primary = columns.findIndex((column) => column.isPrimary);
  return {
    sql,
    params,
    read(row) {
      let latest: Row | null = null;
      if (row && row[`revision_c${primary}`] !== null && row[`revision_c${primary}`] !== undefined) {
        latest = meta.create() as Row;
        columns.forEach((column, i) => column.setEntityValue(latest!, driver.prepareHydratedValue(row[`revision_c${i}`], column)));
      }
      const closed = row?.closed_year;
      const closedBy = closed === null || closed === undefined ? null : { year: int(closed), month: int(row!.closed_month) };
      return { latest, closedBy };
    },
  };
}

/** `revisionStateSql` read on its own (two reads when a key is not a plain value). */
export async function revisionStateOf<Row extends Revision>(manager: EntityManager, filing: RevisionKey<Row> & { closing?: { month: string } }): Promise<RevisionState<Row>> {
  const state = revisionStateSql(manager, filing);
  if (!state) return { latest: await latestRevision(manager, filing), closedBy: filing.closing ? await closingBulletinOf(manager, filing.closing.month) : null };
  const [row] = await sql(manager, state.sql, state.params);
  return state.read(row);
}

/** The latest revision of a figure (null when it has none). */
export function latestRevision<Row extends Revision>(manager: EntityManager, { entity, key }: RevisionKey<Row>): Promise<Row | null> {
  return manager.findOne(entity, { where: key, order: { revision: 'DESC' } as never });
}

/** Every revision of a figure, oldest first. */
export function revisionsOf<Row extends Revision>(manager: EntityManager, { entity, key }: RevisionKey<Row>): Promise<Row[]> {
  return manager.find(entity, { where: key, order: { revision: 'ASC' } as never });
}

/**
 * Files a revision in the caller's write transaction (see above); 422 naming every failure.
 * `state`: what `revisionStateSql` read in this transaction, when the caller read it already.
 */
export async function fileRevision<Row extends Revision>(manager: EntityManager, filing: FileRevision<Row>, state?: RevisionState<Row>): Promise<Filed<Row>> {
  const failures = [...(filing.failures ?? [])];
  const { latest, closedBy } = state ?? (await revisionStateOf(manager, filing));
  if (failures.length === 0 && latest && filing.same(latest)) return { row: latest, previous: latest, added: false };

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
