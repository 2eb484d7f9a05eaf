import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CHAINS, REGIONS, YEAR_TARGETS } from '../../seeds/reference-data.js';
import type { DemoProject } from '../../seeds/demo-types.js';
import type { SeedMode } from '../config/app-config.js';
import { WriteQueue } from '../database/write-queue.js';
import { LifecycleEngine } from '../lifecycle/lifecycle.engine.js';
import { factsOf } from '../lifecycle/lifecycle.facts.js';
import type { LifecycleEvent } from '../lifecycle/lifecycle.guards.js';
import { initialPersisted } from '../lifecycle/lifecycle.snapshot.js';
import { ListsService } from '../lists/lists.service.js';
import { ProjectHistory } from '../projects/project-history.entity.js';
import { Project } from '../projects/project.entity.js';
import { toView } from '../projects/project.view.js';
import { AuditService } from '../audit/audit.service.js';
import { auditSubject } from '../audit/audit-subjects.js';
import { hashPassword } from '../auth/password.js';
import { User } from '../auth/user.entity.js';
import { ChainTarget } from '../reference/chain-target.entity.js';
import { Chain } from '../reference/chain.entity.js';
import { Region } from '../reference/region.entity.js';
import { YearTarget } from '../reference/year-target.entity.js';
import { ReportRevision } from '../reports/report-revision.entity.js';

export const DEMO_ACTOR = 'demo-seed';

export interface SeedResult {
  referenceRowsAdded: number;
  demoProjectsAdded: number;
}

/**
 * Loads reference data (always) and the illustrative demo projects (SEED=demo, into a
 * database with no projects yet). Idempotent: what is there already is left alone.
 * Demo projects go through the same lifecycle engine and list service as the API, so
 * every seeded stage has passed its guards.
 */
@Injectable()
export class SeederService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly lifecycle: LifecycleEngine,
    private readonly lists: ListsService,
    private readonly audit: AuditService,
  ) {}

  async run(mode: SeedMode): Promise<SeedResult> {
    const referenceRowsAdded = await this.seedReference();
    let demoProjectsAdded = 0;
    if (mode === 'demo' && (await this.dataSource.getRepository(Project).count()) === 0) {
      const { DEMO_PROJECTS } = await import('../../seeds/demo-2024.js');
      demoProjectsAdded = await this.seedDemo(DEMO_PROJECTS);
      this.logger.log(`loaded ${demoProjectsAdded} illustrative demo projects (seeds/demo-2024.ts)`);
      await this.seedDemoUsers();
    }
    return { referenceRowsAdded, demoProjectsAdded };
  }

  seedReference(): Promise<number> {
    return this.writes.run(async (manager) => {
      let added = 0;
      const insertMissing = async <T extends object>(entity: new () => T, key: Partial<T>, row: T) => {
        if (!(await manager.existsBy(entity, key as never))) {
          await manager.insert(entity, row as never);
          added++;
        }
      };
      for (const [index, region] of REGIONS.entries())
        await insertMissing(Region, { code: region.code }, { ...region, sortOrder: index + 1 });
      for (const { targets, ...chain } of CHAINS) {
        await insertMissing(Chain, { code: chain.code }, chain);
        for (const [year, target] of Object.entries(targets))
          await insertMissing(
            ChainTarget,
            { chainCode: chain.code, year: Number(year) },
            { chainCode: chain.code, year: Number(year), projects: target.projects, investmentWan: target.investmentWan },
          );
      }
      for (const target of YEAR_TARGETS) await insertMissing(YearTarget, { year: target.year }, target);
      return added;
    });
  }

  /**
   * DEMO ONLY: one operator per region (`region-371502` / `demo-pass-371502`), one team per
   * chain (`chain-health` / `demo-pass-health`) and an auditor (`auditor` / `demo-pass-auditor`).
   * Never in SEED=none; README says these passwords are public. They meet the length rule
   * (12+ characters) so that the demo shows passwords as the app requires them.
   */
  async seedDemoUsers(): Promise<number> {
    const wanted = [
      ...REGIONS.map((r) => ({ username: `region-${r.code}`, password: `demo-pass-${r.code}`, role: 'region' as const, regionCode: r.code, chainCode: null })),
      ...CHAINS.map((c) => ({ username: `chain-${c.code}`, password: `demo-pass-${c.code}`, role: 'chain' as const, regionCode: null, chainCode: c.code })),
      { username: 'auditor', password: 'demo-pass-auditor', role: 'auditor' as const, regionCode: null, chainCode: null },
    ];
    const existing = new Set((await this.dataSource.getRepository(User).find({ select: { username: true } })).map((u) => u.username));
    const missing = wanted.filter((u) => !existing.has(u.username));
    const hashes = await Promise.all(missing.map((u) => hashPassword(u.password)));
    const now = new Date().toISOString();
    await this.writes.run(async (manager) => {
      for (const [index, user] of missing.entries()) {
        await manager.insert(User, { username: user.username, passwordHash: hashes[index], role: user.role, regionCode: user.regionCode, chainCode: user.chainCode, active: true, tokenVersion: 1, createdAt: now, updatedAt: now });
        await this.audit.append(manager, { actor: DEMO_ACTOR, ...auditSubject.user(user.username), action: 'create', after: { username: user.username, role: user.role, region: user.regionCode, chain: user.chainCode, demo: true }, at: now });
      }
    });
    return missing.length;
  }

  async seedDemo(projects: DemoProject[]): Promise<number> {
    let added = 0;
    for (const demo of projects) {
      const created = await this.writes.run(async (manager) => {
        if (await manager.existsBy(Project, { code: demo.code })) return false;
        await this.createDemoProject(manager, demo);
        return true;
      });
      if (created) added++;
    }
    return added;
  }

  private async createDemoProject(manager: EntityManager, demo: DemoProject): Promise<void> {
    const createdAt = demo.events[0]?.at ?? demo.reports[0]?.recordedAt ?? '2024-01-02T01:00:00.000Z';
    const draft = manager.create(Project, {
      code: demo.code,
      name: demo.name,
      ownerEnterprise: demo.ownerEnterprise,
      regionCode: demo.region,
      chainCode: demo.chain,
      totalInvestmentWan: demo.totalInvestmentWan,
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
    draft.lifecycleSnapshot = JSON.stringify(initialPersisted({ project: factsOf(draft, 0, null), today: createdAt.slice(0, 10) }));
    const project = await manager.save(Project, draft);
    await manager.insert(ProjectHistory, {
      projectId: project.id,
      kind: 'created',
      event: null,
      fromStage: null,
      toStage: 'reserve',
      effectiveDate: null,
      reason: null,
      data: JSON.stringify(toView(project)),
      actor: DEMO_ACTOR,
      recordedAt: createdAt,
    });
    await this.audit.append(manager, { actor: DEMO_ACTOR, ...auditSubject.project(project.id), action: 'create', after: toView(project), at: createdAt });

    const insertReports = async () => {
      for (const report of demo.reports) {
        await manager.insert(ReportRevision, {
          projectId: project.id,
          month: report.month,
          revision: 1,
          amountWan: report.amountWan,
          progress: report.progress,
          problems: report.problems,
          actor: DEMO_ACTOR,
          recordedAt: report.recordedAt,
          correction: false,
          reason: null,
        });
        await this.audit.append(manager, {
          actor: DEMO_ACTOR,
          ...auditSubject.report(project.id),
          action: 'file',
          before: null,
          after: { month: report.month, revision: 1, amount: report.amountWan, progress: report.progress, problems: report.problems, correction: false },
          at: report.recordedAt,
        });
      }
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
        { category: entry.category, plannedInvestment: entry.plannedInvestmentWan, monthlyPlan: entry.monthlyPlan ?? null },
        { actor: DEMO_ACTOR, at: listedAt },
      );
    }
  }
}
