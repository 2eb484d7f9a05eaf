import type { EntityManager } from 'typeorm';
import { insertStatement, int, sqlTogether, type Statement } from '../database/index.js';
import { figureColumn, figuresThroughSql } from './project-year-figure.entity.js';
import { ReportRevision } from './report-revision.entity.js';
import { monthNumberOf, yearOf } from '../common/index.js';

/**
 * The one way a report revision is stored: the revision row, and in the same transaction the
 * project's figure for that month set to it (a new revision is always the latest one of its
 * month). Every writer of revisions — filing over the API, the Excel month sheet (through
 * ReportsService), the demo seed — goes through here, so the maintained figures and the
 * revisions cannot disagree (test/figures-replay.e2e-spec.ts checks it on random histories).
 * The two writes as statements: a filing hands them to its audit entry (ChangeRecorder
 * `Change.writes`), so that on PostgreSQL the revision, its figure and the entry are ONE statement.
 */
export function revisionWrites(manager: EntityManager, revision: Omit<ReportRevision, 'id' | 'project'>): Statement[] {
  const column = figureColumn(monthNumberOf(revision.month));
  return [
    insertStatement(manager, ReportRevision, revision, 'revisionRow'),
    // The year's row is created with its first revision.
    {
      sql: `INSERT INTO project_year_figure (project_id, year, ${column}) VALUES (:figureProjectId, :figureYear, :figureAmount)
     ON CONFLICT (project_id, year) DO UPDATE SET ${column} = excluded.${column}`,
      params: { figureProjectId: revision.projectId, figureYear: yearOf(revision.month), figureAmount: revision.amountWan },
    },
  ];
}

/** `revisionWrites` written now, in the caller's transaction (one round trip on PostgreSQL): for the demo seed. */
export async function storeRevision(manager: EntityManager, revision: Omit<ReportRevision, 'id' | 'project'>): Promise<void> {
  const [row, figure] = revisionWrites(manager, revision);
  await sqlTogether(manager, [row], figure);
}

/** A project's kept figures before a filing: its reported total (万元, Σ each month's latest revision) and the month's own figure. */
export interface FiguresBefore {
  cumulative: number;
  month: number;
}

/**
 * `inner` (a one-row SELECT) with two columns more, read in the same statement: the project's
 * reported total over all its years and the month's kept figure (0 when none). After a new
 * revision of the month the total is `cumulative - month + amount` (storeRevision sets that one
 * figure), so a filing need not read the total again.
 */
export function withFiguresSql(inner: { sql: string; params: Record<string, unknown> }, projectId: number, month: string): { sql: string; params: Record<string, unknown> } {
  return {
    sql: `SELECT s.*,
       (SELECT SUM(${figuresThroughSql('f', 12)}) FROM project_year_figure f WHERE f.project_id = :figuresProjectId) AS figures_cumulative,
       (SELECT f.${figureColumn(monthNumberOf(month))} FROM project_year_figure f WHERE f.project_id = :figuresProjectId AND f.year = :figuresYear) AS figures_month
  FROM (${inner.sql}) s`,
    params: { ...inner.params, figuresProjectId: projectId, figuresYear: yearOf(month) },
  };
}

export function figuresBeforeOf(row: Record<string, unknown>): FiguresBefore {
  return { cumulative: int(row.figures_cumulative), month: int(row.figures_month) };
}
