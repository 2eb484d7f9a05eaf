import type { EntityManager } from 'typeorm';
import { approvalsOf } from './project.view.js';
import { conditionalAllowedYears, conditionalCommitments } from '../project-records/approval-details.js';
import { ProjectHistory } from '../audit/project-history.entity.js';
import type { Project } from '../project-records/project.entity.js';
import { ReportRevision } from '../reports/report-revision.entity.js';
import {
  promoteRule,
  startRule,
  type GuardFailure,
  type LifecycleContext,
  type ProjectFacts,
} from '../lifecycle/lifecycle.guards.js';
import type { Stage } from '../lifecycle/stages.js';

/** The facts the guards read, from the project row plus its reports and its last halt. */
export async function loadFacts(manager: EntityManager, project: Project): Promise<ProjectFacts> {
  const reported = await manager
    .createQueryBuilder(ReportRevision, 'r')
    .select('COUNT(DISTINCT r.month)', 'months')
    .where('r.project_id = :id', { id: project.id })
    .getRawOne<{ months: number | string }>();
  const lastHalt =
    project.stage === 'implementation.halted'
      ? await manager.findOne(ProjectHistory, {
          where: { projectId: project.id, event: 'HALT' },
          order: { id: 'DESC' },
        })
      : null;
  const approvals = approvalsOf(project);
  const conditional = await conditionalCommitments(manager, project.id, approvals);
  return factsOf(project, Number(reported?.months ?? 0), lastHalt?.effectiveDate ?? null, conditional, await conditionalAllowedYears(manager));
}

export function factsOf(
  project: Project,
  reportedMonths: number,
  haltedSince: string | null,
  conditional: ProjectFacts['conditional'] = {},
  conditionalYears: number[] = [],
): ProjectFacts {
  return {
    regionCode: project.regionCode,
    chainCode: project.chainCode,
    ownerEnterprise: project.ownerEnterprise,
    totalInvestmentWan: project.totalInvestmentWan,
    plannedStartDate: project.plannedStartDate,
    actualStartDate: project.actualStartDate,
    approvals: approvalsOf(project),
    conditional,
    conditionalAllowedYears: conditionalYears,
    reportedMonths,
    haltedSince,
  };
}

/**
 * What must stay true of a project in a stage after an edit: the facts that let it
 * into the stage cannot be taken away (a project in preparation keeps its county,
 * chain, owner, total and planned start; one that has started keeps its approvals, each
 * obtained or accepted conditionally — a commitment that passes later is a red-list matter,
 * 容缺逾期, not a reason to refuse every edit of the project).
 */
export function stageInvariantFailures(stage: Stage, context: LifecycleContext): GuardFailure[] {
  const pastReserve = stage !== 'reserve' && stage !== 'withdrawn';
  const started = stage.startsWith('implementation') || stage === 'completed';
  const failures: GuardFailure[] = [];
  if (pastReserve) failures.push(...promoteRule(context, { type: 'PROMOTE' }));
  if (started)
    failures.push(...startRule(context, { type: 'START', date: context.today }).filter((f) => f.code === 'approvalMissing'));
  return failures;
}
