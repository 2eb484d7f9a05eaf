import type { EntityManager } from 'typeorm';
import { figureColumn, ProjectYearFigure } from './project-year-figure.entity.js';
import { ReportRevision } from './report-revision.entity.js';

/**
 * The one way a report revision is stored: the revision row, and in the same transaction the
 * project's figure for that month set to it (a new revision is always the latest one of its
 * month). Every writer of revisions — filing over the API, the Excel month sheet (through
 * ReportsService), the demo seed — goes through here, so the maintained figures and the
 * revisions cannot disagree (test/figures-replay.e2e-spec.ts checks it on random histories).
 */
export async function storeRevision(manager: EntityManager, revision: Omit<ReportRevision, 'id' | 'project'>): Promise<void> {
  await manager.insert(ReportRevision, revision);
  const year = Number(revision.month.slice(0, 4));
  const column = figureColumn(Number(revision.month.slice(5, 7)));
  const updated = await manager
    .createQueryBuilder()
    .update(ProjectYearFigure)
    .set({ [column]: revision.amountWan })
    .where('project_id = :projectId AND year = :year', { projectId: revision.projectId, year })
    .execute();
  if (!updated.affected) await manager.insert(ProjectYearFigure, { projectId: revision.projectId, year, [column]: revision.amountWan });
}
