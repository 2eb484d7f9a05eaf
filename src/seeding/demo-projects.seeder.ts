import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { DemoProject, DemoReport } from '../../seeds/demo-types.js';
import type { DemoStep } from '../../seeds/demo-steps.js';
import { ALL } from '../access/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { initialPersisted, type LifecycleEvent } from '../lifecycle/index.js';
import { ListsService } from '../plans/index.js';
import { Project, ProjectRecordsService } from '../project-records/index.js';
import { LifecycleEngine, toView } from '../projects/index.js';
import { storeRevision } from '../reports/index.js';

export const DEMO_ACTOR = 'demo-seed';

/** How many dated steps, or new projects with their histories, go into one write transaction (one commit instead of one each). */
const STEPS_PER_TRANSACTION = 200;
const PROJECTS_PER_TRANSACTION = 25;

/**
 * DEMO ONLY: creates the illustrative projects and applies their dated steps (approvals, planned
 * start dates, lifecycle events, monthly reports) through the same engine, list service and change recorder as the API,
 * each recorded at its own backdated instant.
 */
@Injectable()
export class DemoProjectsSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly lifecycle: LifecycleEngine,
    private readonly lists: ListsService,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    private readonly projects: ProjectRecordsService,
  ) {}

  /** Creates the projects not there yet (by code), a few dozen per transaction; how many were added. */
  async seed(projects: DemoProject[]): Promise<number> {
    let added = 0;
    for (let from = 0; from < projects.length; from += PROJECTS_PER_TRANSACTION)
      added += await this.writes.run(async (manager) => {
        let created = 0;
        for (const demo of projects.slice(from, from + PROJECTS_PER_TRANSACTION)) {
          if (await manager.existsBy(Project, { code: demo.code })) continue;
          await this.create(manager, demo);
          created++;
        }
        return created;
      });
    return added;
  }

  async create(manager: EntityManager, demo: DemoProject): Promise<void> {
    const createdAt = demo.events[0]?.at ?? demo.reports[0]?.recordedAt ?? '2024-01-02T01:00:00.000Z';
    const draft = manager.create(Project, {
      code: demo.code,
      name: demo.name,
      ownerEnterprise: demo.ownerEnterprise,
      regionCode: demo.region,
      chainCode: demo.chain,
      totalInvestmentWan: demo.totalInvestmentWan,
      origin: demo.origin,
      plannedAt: this.clock.dateOf(createdAt),
      content: demo.content,
      plannedStartDate: demo.plannedStartDate,
      actualStartDate: null,
      plannedCompletionDate: demo.plannedCompletionDate,
      actualCompletionDate: null,
      approvalFiling: demo.approvals.filing,
      approvalLand: demo.approvals.land,
      approvalPlanning: demo.approvals.planning,
      approvalEnvironment: demo.approvals.environment,
      approvalEnergy: demo.approvals.energy,
      approvalConstruction: demo.approvals.construction,
      stage: 'reserve',
      version: 1,
      createdAt,
      updatedAt: createdAt,
    });
    draft.lifecycleSnapshot = JSON.stringify(initialPersisted());
    const project = await manager.save(Project, draft);
    await this.changes.record(manager, {
      actor: DEMO_ACTOR,
      subject: auditSubject.project(project.id),
      action: 'create',
      after: toView(project),
      at: createdAt,
      history: { projectId: project.id, kind: 'created', toStage: 'reserve', data: toView(project) },
    });

    const insertReports = async () => {
      for (const report of demo.reports) await this.insertReport(manager, project.id, report);
    };
    let reportsInserted = false;
    for (const { at, ...event } of demo.events) {
      // Reports exist before completion (the COMPLETE guard asks for at least one).
      if (event.type === 'COMPLETE' && !reportsInserted) {
        await insertReports();
        reportsInserted = true;
      }
      await this.lifecycle.applyIn(manager, project.id, event as LifecycleEvent, { actor: DEMO_ACTOR, recordedAt: at });
    }
    if (!reportsInserted) await insertReports();
    for (const entry of demo.lists) {
      const listedAt = `${entry.year}-01-15T02:00:00.000Z`;
      await this.lists.putIn(
        manager,
        entry.year,
        project.id,
        { category: entry.category, plannedInvestment: entry.plannedInvestmentWan, monthlyPlan: entry.monthlyPlan ?? null, keyProject: entry.keyProject ?? false },
        { actor: DEMO_ACTOR, at: listedAt },
      );
    }
  }

  /**
   * Applies dated steps in the order given (seeds/demo-steps.ts `stepsBy` keeps those that have
   * happened and orders them), a few hundred per transaction.
   */
  async apply(steps: DemoStep[]): Promise<void> {
    const codes = [...new Set(steps.map((s) => s.code))];
    const ids = new Map((await this.dataSource.getRepository(Project).find({ select: { id: true, code: true }, where: { code: In(codes) } })).map((p) => [p.code, p.id]));
    for (let from = 0; from < steps.length; from += STEPS_PER_TRANSACTION)
      await this.writes.run(async (manager) => {
        for (const step of steps.slice(from, from + STEPS_PER_TRANSACTION)) {
          const projectId = ids.get(step.code);
          if (projectId === undefined) throw new Error(`demo step for unknown project ${step.code}`);
          if (step.kind === 'report') await this.insertReport(manager, projectId, { ...step, recordedAt: step.at });
          else if (step.kind === 'event') await this.lifecycle.applyIn(manager, projectId, step.event as LifecycleEvent, { actor: DEMO_ACTOR, recordedAt: step.at });
          else {
            const project = await manager.findOneByOrFail(Project, { id: projectId });
            const change = step.kind === 'approvals' ? { approvals: step.approvals } : { plannedStartDate: step.date, plannedCompletionDate: step.completion };
            await this.projects.updateIn(manager, projectId, { version: project.version, ...change }, undefined, DEMO_ACTOR, ALL, step.at);
          }
        }
      });
  }

  /**
   * A demo report as first filed at its backdated instant (revision 1; no correction). The
   * demo writes reports directly rather than through ReportsService because their months are
   * long closed by the time the demo is loaded; they are recorded like any other report.
   */
  private async insertReport(manager: EntityManager, projectId: number, report: Pick<DemoReport, 'month' | 'amountWan' | 'progress' | 'recordedAt'> & { problems?: string | null }): Promise<void> {
    const problems = report.problems ?? null;
    await storeRevision(manager, {
      projectId,
      month: report.month,
      revision: 1,
      amountWan: report.amountWan,
      progress: report.progress,
      problems,
      actor: DEMO_ACTOR,
      recordedAt: report.recordedAt,
      correction: false,
      reason: null,
    });
    await this.changes.record(manager, {
      actor: DEMO_ACTOR,
      subject: auditSubject.report(projectId),
      action: 'file',
      before: null,
      after: { month: report.month, revision: 1, amount: report.amountWan, progress: report.progress, problems, correction: false },
      at: report.recordedAt,
    });
  }
}
