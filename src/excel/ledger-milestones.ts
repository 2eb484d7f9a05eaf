import type { EntityManager } from 'typeorm';
import { ApiError } from '../common/index.js';
import { parseMilestoneList, Project } from '../project-records/index.js';
import { ProjectsService } from '../projects/index.js';
import { RowRefused } from './ledger-decisions.js';
import type { LedgerRow } from './parsing/ledger-rows.js';

/**
 * A ledger row's 节点计划 (docs/excel-import.md "Milestones in the ledger"): the cell gives the
 * project's whole list of milestones; a blank cell (or no column) changes nothing. The change goes
 * through the same path as `PUT /api/projects/:id/milestones`: the list checked by the same
 * rules (MilestoneDto), then ProjectsService.putMilestonesIn (MilestonesService.replaceIn, which records
 * history and audit, and the plan curve the list entries derive from the milestones), in the
 * import's transaction. A refusal lands on the 节点计划 cell. Whether anything changed.
 */
export async function putLedgerMilestones(
  manager: EntityManager,
  projects: ProjectsService,
  projectId: number,
  row: LedgerRow,
  options: { actor: string; reason: string },
): Promise<boolean> {
  if (row.milestones === undefined || row.milestones === null) return false;
  try {
    const items = await parseMilestoneList(row.milestones);
    // Read now: the row's project edits and stage events before this have moved its version.
    const project = await manager.findOneByOrFail(Project, { id: projectId });
    return (await projects.putMilestonesIn(manager, project, items, options)).changed;
  } catch (error) {
    // The milestones' own refusals (a name twice, an actual date after today…), on the 节点计划 cell.
    if (error instanceof ApiError && (error.getStatus() === 400 || error.getStatus() === 422))
      throw new RowRefused('milestones', error.details.length ? error.details.map((d) => d.message).join('；') : error.message);
    throw error;
  }
}
