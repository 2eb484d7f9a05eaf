import { Injectable, Logger } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CHAINS, DEPARTMENTS, PLAN_2024, REGIONS } from '../../seeds/reference-data.js';
import type { DemoProject, DemoReport } from '../../seeds/demo-types.js';
import type { SeedMode } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { LifecycleEngine, toView } from '../projects/index.js';
import { initialPersisted, type LifecycleEvent } from '../lifecycle/index.js';
import { ListsService, PlansService, RolloverService, YearTarget } from '../plans/index.js';
import { approvalsOf, ApprovalsService, Project, ProjectRecordsService } from '../project-records/index.js';

import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock } from '../common/index.js';
import { hashPassword, User } from '../auth/index.js';
import { Chain, Department, Region } from '../reference/index.js';
import { type Actor, RequestEngine, type RequestEvent, RequestsService } from '../requests/index.js';
import { at as demoInstant, DEMO_APPROVALS, DEMO_REQUESTS_2024, DEMO_REQUESTS_2025, type DemoApproval, type DemoRequest } from '../../seeds/demo-requests.js';
import { storeRevision } from '../reports/index.js';
import { AttractionSeeder } from './attraction-seeder.js';
import { PeopleSeeder } from './people-seeder.js';
import { ALL } from '../access/index.js';

export const DEMO_ACTOR = 'demo-seed';

/** The last instant the illustrative 2025 records (December's reports arrive on 5 January 2026). */
const DEMO_2025_RECORDED_BY = '2026-01-06T00:00:00.000Z';

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
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    private readonly plans: PlansService,
    private readonly rollovers: RolloverService,
    private readonly projects: ProjectRecordsService,
    private readonly requests: RequestsService,
    private readonly requestEngine: RequestEngine,
    private readonly approvals: ApprovalsService,
    private readonly attraction: AttractionSeeder,
    private readonly peopleSeeder: PeopleSeeder,
  ) {}

  async run(mode: SeedMode): Promise<SeedResult> {
    const referenceRowsAdded = await this.seedReference();
    let demoProjectsAdded = 0;
    if (mode === 'demo' && (await this.dataSource.getRepository(Project).count()) === 0) {
      const { DEMO_PROJECTS } = await import('../../seeds/demo-2024.js');
      demoProjectsAdded = await this.seedDemo(DEMO_PROJECTS);
      // The 2024 plan, published on the day the real one was issued: its lists are frozen from then on.
      await this.writes.run((manager) => this.plans.publishIn(manager, PLAN_2024.city.year, DEMO_ACTOR, PLAN_2024.publishedAt!));
      await this.seedDemoRequests(DEMO_REQUESTS_2024, DEMO_APPROVALS);
      // 招商 2024 (illustrative, seeds/demo-2024-attraction.ts): leads, 到位资金, the chains' indicators and notes.
      await this.attraction.seedDemo2024(DEMO_ACTOR);
      // The illustrative 2025 is loaded only once it has happened (a clock set inside 2024 sees 2024 alone).
      if (this.clock.nowIso() >= DEMO_2025_RECORDED_BY) {
        await this.seedDemo2025();
        await this.seedDemoRequests(DEMO_REQUESTS_2025, []);
      }
      this.logger.log(`loaded ${demoProjectsAdded} illustrative demo projects (seeds/demo-2024.ts) and an illustrative 2025 (seeds/demo-2025.ts)`);
      await this.seedDemoUsers();
      // Who answers for the demo's chains and projects (illustrative, seeds/demo-people.ts).
      await this.peopleSeeder.seedDemo(DEMO_ACTOR);
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
      for (const chain of CHAINS) await insertMissing(Chain, { code: chain.code }, chain);
      for (const [index, d] of DEPARTMENTS.entries())
        await insertMissing(Department, { code: d.code }, { code: d.code, name: d.name, kinds: d.kinds.join(','), sortOrder: index + 1 });
      // The 2024 plan ships as a draft: the demo publishes it on the day the real one was issued.
      if (!(await manager.existsBy(YearTarget, { year: PLAN_2024.city.year }))) {
        const { year, ...city } = PLAN_2024.city;
        await this.plans.writePlan(manager, year, {
          ...city,
          chains: PLAN_2024.chains.map(({ chain, ...row }) => ({ code: chain, ...row })),
          places: PLAN_2024.places.map(({ region, ...rule }) => ({ code: region, ...rule })),
        });
        added++;
      }
      return added;
    });
  }

  /**
   * DEMO ONLY (seeds/demo-requests.ts, illustrative): 要素保障 requests raised, handled and evaluated
   * through the same service and engine as the API, each step recorded on its day; then the
   * approval statuses (督办, 容缺受理). The actors are the demo seed standing in for the county,
   * the department the request is routed to, and the city office.
   */
  async seedDemoRequests(requests: DemoRequest[], approvals: DemoApproval[]): Promise<void> {
    for (const demo of requests) {
      const project = await this.dataSource.getRepository(Project).findOneByOrFail({ code: demo.project });
      const { project: _code, raisedOn, steps, ...item } = demo;
      const [{ id, department }] = await this.writes.run((manager) => this.requests.raiseIn(manager, project.id, [item], DEMO_ACTOR, ALL, { at: demoInstant(raisedOn) }));
      for (const { on, ...event } of steps) {
        const base = { username: DEMO_ACTOR, region: null, chain: null, department: null };
        const actor: Actor =
          event.type === 'EVALUATE' ? { ...base, role: 'region', region: project.regionCode } : event.type === 'ESCALATE' ? { ...base, role: 'admin' } : { ...base, role: 'department', department };
        await this.requestEngine.apply(id, event as RequestEvent, actor, { recordedAt: demoInstant(on) });
      }
    }
    for (const demo of approvals)
      await this.writes.run(async (manager) => {
        const project = await manager.findOneByOrFail(Project, { code: demo.project });
        await this.approvals.setIn(manager, project, demo.key, { status: demo.status, date: demo.date, commitmentDate: demo.commitmentDate, department: demo.department }, DEMO_ACTOR, demoInstant(demo.on));
      });
  }

  /**
   * DEMO ONLY: one operator per region (`region-371502` / `demo-pass-371502`), one team per
   * chain (`chain-health` / `demo-pass-health`), one user per 要素保障 department
   * (`dept-natural-resources` / `demo-pass-natural-resources`) and an auditor (`auditor` / `demo-pass-auditor`).
   * Never in SEED=none; docs/demo.md "Demo users" says these passwords are public. They meet the length rule
   * (12+ characters) so that the demo shows passwords as the app requires them.
   */
  async seedDemoUsers(): Promise<number> {
    const wanted = [
      ...REGIONS.map((r) => ({ username: `region-${r.code}`, password: `demo-pass-${r.code}`, role: 'region' as const, regionCode: r.code, chainCode: null })),
      ...CHAINS.map((c) => ({ username: `chain-${c.code}`, password: `demo-pass-${c.code}`, role: 'chain' as const, regionCode: null, chainCode: c.code })),
      ...DEPARTMENTS.map((d) => ({ username: `dept-${d.code}`, password: `demo-pass-${d.code}`, role: 'department' as const, regionCode: null, chainCode: null, departmentCode: d.code })),
      { username: 'auditor', password: 'demo-pass-auditor', role: 'auditor' as const, regionCode: null, chainCode: null },
    ];
    const existing = new Set((await this.dataSource.getRepository(User).find({ select: { username: true } })).map((u) => u.username));
    const missing = wanted.filter((u) => !existing.has(u.username));
    const hashes = await Promise.all(missing.map((u) => hashPassword(u.password)));
    const now = this.clock.nowIso();
    await this.writes.run(async (manager) => {
      for (const [index, user] of missing.entries()) {
        const departmentCode = 'departmentCode' in user ? user.departmentCode : null;
        await manager.insert(User, { username: user.username, passwordHash: hashes[index], role: user.role, regionCode: user.regionCode, chainCode: user.chainCode, departmentCode, active: true, tokenVersion: 1, createdAt: now, updatedAt: now });
        await this.changes.record(manager, {
          actor: DEMO_ACTOR,
          subject: auditSubject.user(user.username),
          action: 'create',
          after: { username: user.username, role: user.role, region: user.regionCode, chain: user.chainCode, department: departmentCode, demo: true },
          at: now,
        });
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
      for (const report of demo.reports) await this.insertDemoReport(manager, project.id, report);
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
   * A demo report as first filed at its backdated instant (revision 1; no correction). The
   * demo writes reports directly rather than through ReportsService because their months are
   * long closed by the time the demo is loaded; they are recorded like any other report.
   */
  private async insertDemoReport(manager: EntityManager, projectId: number, report: Omit<DemoReport, 'problems'> & { problems?: string | null }): Promise<void> {
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

  /**
   * DEMO ONLY (illustrative, seeds/demo-2025.ts): the city's second year. The 2025 plan is made by
   * copying 2024's and rolling its lists over, published in February 2025, and the year runs through
   * December: new projects enter the library, preparation projects start, reports come in.
   */
  async seedDemo2025(): Promise<void> {
    const { demo2025, NEW_2025_PROJECTS, PLAN_2025_TIMES } = await import('../../seeds/demo-2025.js');
    const { PLAN_2025_DIFFERENTIATED, PLAN_2025_PLACES } = await import('../../seeds/plan-2025.js');
    const rolled = await this.rollovers.rollover(2024);
    // The illustrative 2025 takes this year's lists over; the reserve projects the rollover also proposes stay for the office to decide.
    const proposal = { ...rolled, entries: rolled.entries.filter((e): e is typeof e & { kind: 'continuing' | 'notStarted' | 'moved' } => e.kind !== 'fromReserve') };
    const projects = new Map((await this.dataSource.getRepository(Project).findBy({ id: In(proposal.entries.map((e) => e.projectId)) })).map((p) => [p.id, p]));
    const plan2024 = await this.plans.yearTarget(2024);
    const year = demo2025(
      proposal.entries.map((entry) => {
        const project = projects.get(entry.projectId)!;
        return { ...entry, totalInvestmentWan: project.totalInvestmentWan ?? 0, approvals: approvalsOf(project) };
      }),
      plan2024.keyProjectThresholdWan,
    );
    const implementation = year.entries.filter((e) => e.category === 'implementation');
    const key = year.entries.filter((e) => e.keyProject);
    const sum = (entries: typeof year.entries) => entries.reduce((total, e) => total + e.plannedInvestment, 0);
    const wholeYi = (wan: number) => Math.floor(wan / 10_000) * 10_000;
    // Each chain's 2025 row: the projects it carries on the 2025 implementation list, and 95% of their plan (illustrative).
    const chainOf = (entry: { projectId: number }) => projects.get(entry.projectId)?.chainCode ?? null;
    const chains = [...new Set(implementation.map(chainOf).filter((code): code is string => code !== null))].map((code) => {
      const carried = implementation.filter((e) => chainOf(e) === code);
      return { code, projects: carried.length, investmentWan: Math.floor((sum(carried) * 0.95) / 1000) * 1000 };
    });
    await this.writes.run(async (manager) => {
      await this.plans.createIn(
        manager,
        2025,
        {
          copyFrom: 2024,
          implementationListSize: implementation.length,
          preparationListSize: year.entries.length - implementation.length,
          implementationInvestmentWan: wholeYi(sum(implementation)),
          keyProjectCount: key.length,
          keyProjectInvestmentWan: wholeYi(sum(key) * 0.9),
          // The 2025 words and bounds (seeds/plan-2025.ts): 差异化指标 texts and counts, the counties' 5–10 / 1–2.
          chains: [...chains, ...PLAN_2025_DIFFERENTIATED.map(({ chain, ...words }) => ({ code: chain, ...words }))],
          places: PLAN_2025_PLACES.map(({ region, ...bounds }) => ({ code: region, ...bounds })),
        },
        DEMO_ACTOR,
        PLAN_2025_TIMES.created,
      );
      await this.rollovers.applyRolloverIn(manager, 2024, { entries: year.entries }, DEMO_ACTOR, PLAN_2025_TIMES.rolledOver);
    });
    for (const demo of NEW_2025_PROJECTS)
      await this.writes.run(async (manager) => {
        if (!(await manager.existsBy(Project, { code: demo.code }))) await this.createDemoProject(manager, demo);
      });
    await this.writes.run((manager) => this.plans.publishIn(manager, 2025, DEMO_ACTOR, PLAN_2025_TIMES.published));
    for (const step of year.steps)
      await this.writes.run(async (manager) => {
        if (step.kind === 'report') return this.insertDemoReport(manager, step.projectId, step);
        if (step.kind === 'event') return this.lifecycle.applyIn(manager, step.projectId, step.event as LifecycleEvent, { actor: DEMO_ACTOR, recordedAt: step.at });
        const project = await manager.findOneByOrFail(Project, { id: step.projectId });
        await this.projects.updateIn(manager, step.projectId, { version: project.version, approvals: step.approvals }, undefined, DEMO_ACTOR, ALL, step.at);
      });
  }
}
