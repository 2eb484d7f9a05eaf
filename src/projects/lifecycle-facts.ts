import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProjectHistoryReader } from '../audit/index.js';
import type { ProjectFacts } from '../lifecycle/index.js';
import { type Project, ProjectRecordsService } from '../project-records/index.js';
import { PlansService } from '../plans/index.js';
import { ReportsService } from '../reports/index.js';

/**
 * The facts the lifecycle's guards read (src/lifecycle/lifecycle.guards.ts), each from the
 * module that keeps it: the record and its approvals (project-records), the months reported
 * (reports), the last halt (the project history), the years whose plan restricts 容缺受理 (plans).
 */
@Injectable()
export class LifecycleFacts {
  constructor(
    private readonly records: ProjectRecordsService,
    private readonly reports: ReportsService,
    private readonly history: ProjectHistoryReader,
    private readonly plans: PlansService,
  ) {}

  async of(manager: EntityManager, project: Project): Promise<ProjectFacts> {
    const lastHalt = project.stage === 'implementation.halted' ? await this.history.lastEvent(manager, project.id, 'HALT') : null;
    return {
      ...(await this.records.recordFacts(manager, project)),
      conditionalRestrictedYears: await this.plans.conditionalRestrictedYears(manager),
      reportedMonths: await this.reports.reportedMonths(manager, project.id),
      haltedSince: lastHalt?.effectiveDate ?? null,
    };
  }
}
