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
 * On PostgreSQL both are one statement (the revision's INSERT a CTE of the figure's upsert):
 * one round trip inside the write queue instead of two.
 */
export async function storeRevision(manager: EntityManager, revision: Omit<ReportRevision, 'id' | 'project'>): Promise<void> {
  const column = figureColumn(monthNumberOf(revision.month));
  const figure = { projectId: revision.projectId, year: yearOf(revision.month), amount: revision.amountWan };
  // The year's row is created with its first revision.
  const upsert = (projectId: string, year: string, amount: string) =>
    `INSERT INTO project_year_figure (project_id, year, ${column}) VALUES (${projectId}, ${year}, ${amount})
     ON CONFLICT (project_id, year) DO UPDATE SET ${column} = excluded.${column}`;
  if (manager.connection.options.type === 'postgres') {
    const [insert, values] = manager.createQueryBuilder().insert().into(ReportRevision).values(revision).returning('id').getQueryAndParameters();
    const n = values.length;
    const [row] = (await manager.query(`WITH inserted AS (${insert})\n${upsert(`$${n + 1}`, `$${n + 2}`, `$${n + 3}`)}\nRETURNING (SELECT id FROM inserted) AS id`, [
      ...values,
      figure.projectId,
      figure.year,
      figure.amount,
    ])) as { id: number }[];
    Object.assign(revision, { id: int(row?.id) });
    return;
  }
  await manager.insert(ReportRevision, revision);
  await sql(manager, upsert(':projectId', ':year', ':amount'), figure);
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
