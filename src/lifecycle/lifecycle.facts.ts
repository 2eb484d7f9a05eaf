import type { EntityManager } from 'typeorm';
import { approvalsOf } from '../projects/project.view.js';
import { ProjectHistory } from '../projects/project-history.entity.js';
import type { Project } from '../projects/project.entity.js';
import { ReportRevision } from '../reports/report-revision.entity.js';
import {
  promoteRule,
  startRule,
  type GuardFailure,
  type LifecycleContext,
  type ProjectFacts,
} from './lifecycle.guards.js';
import type { Stage } from './stages.js';

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
  return factsOf(project, Number(reported?.months ?? 0), lastHalt?.effectiveDate ?? null);
}

export function factsOf(project: Project, reportedMonths: number, haltedSince: string | null): ProjectFacts {
  return {
    regionCode: project.regionCode,
    chainCode: project.chainCode,
    ownerEnterprise: project.ownerEnterprise,
    totalInvestmentWan: project.totalInvestmentWan,
    plannedStartDate: project.plannedStartDate,
    actualStartDate: project.actualStartDate,
    approvals: approvalsOf(project),
    reportedMonths,
    haltedSince,
  };
}

/**
 * What must stay true of a project in a stage after an edit: the facts that let it
 * into the stage cannot be taken away (a project in preparation keeps its county,
 * chain, owner, total and planned start; one that has started keeps its approvals).
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
