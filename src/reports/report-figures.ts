import type { EntityManager } from 'typeorm';
import { int, sql } from '../database/index.js';
import { figureColumn, figuresThroughSql } from './project-year-figure.entity.js';
import { ReportRevision } from './report-revision.entity.js';
import { monthNumberOf, yearOf } from '../common/index.js';

/**
 * The one way a report revision is stored: the revision row, and in the same transaction the
 * project's figure for that month set to it (a new revision is always the latest one of its
 * month). Every writer of revisions — filing over the API, the Excel month sheet (through
 * ReportsService), the demo seed — goes through here, so the maintained figures and the
 * revisions cannot disagree (test/figures-replay.e2e-spec.ts checks it on random histories).
 */
export async function storeRevision(manager: EntityManager, revision: Omit<ReportRevision, 'id' | 'project'>): Promise<void> {
  await manager.insert(ReportRevision, revision);
  const column = figureColumn(monthNumberOf(revision.month));
  // One statement on both databases: the year's row is created with its first revision.
  await sql(
    manager,
    `INSERT INTO project_year_figure (project_id, year, ${column}) VALUES (:projectId, :year, :amount)
     ON CONFLICT (project_id, year) DO UPDATE SET ${column} = excluded.${column}`,
    { projectId: revision.projectId, year: yearOf(revision.month), amount: revision.amountWan },
  );
}

/** A project's reported total over all its years (万元): the sum of each month's latest revision, from the kept figures. */
export async function cumulativeOf(manager: EntityManager, projectId: number): Promise<number> {
  const [row] = await sql<{ cumulative: unknown }>(manager, `SELECT SUM(${figuresThroughSql('f', 12)}) AS cumulative FROM project_year_figure f WHERE f.project_id = :projectId`, { projectId });
  return int(row?.cumulative);
}
