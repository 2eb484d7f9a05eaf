import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAINS, DEPARTMENTS, PLAN_2024, REGIONS } from '../../seeds/reference-data.js';
import { at as demoInstant, DEMO_APPROVALS, DEMO_REQUESTS_2024, DEMO_REQUESTS_2025, type DemoApproval, type DemoRequest } from '../../seeds/demo-requests.js';
import { demoRequestsOf } from '../../seeds/demo-requests-years.js';
import { bulletinInstant, happenedBy, stepsBy, type DemoToday } from '../../seeds/demo-steps.js';
import type { SeedMode } from '../config/index.js';
import { WriteQueue } from '../database/index.js';
import { PlansService, YearTarget } from '../plans/index.js';
import { ApprovalsService, Project } from '../project-records/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, lastMonthOf, monthOf, yearOf } from '../common/index.js';
import { nextMonth } from '../common/period.js';
import { hashPassword, User } from '../auth/index.js';
import { Chain, Department, Region } from '../reference/index.js';
import { type Actor, RequestEngine, type RequestEvent, RequestsService } from '../requests/index.js';
import { BulletinsService } from '../bulletins/index.js';
import { AttractionSeeder } from './attraction-seeder.js';
import { DEMO_ACTOR, DemoProjectsSeeder } from './demo-projects.seeder.js';
import { DemoYearsSeeder } from './demo-years.seeder.js';
import { MilestonesSeeder } from './milestones-seeder.js';
import { PeopleSeeder } from './people-seeder.js';
import { ALL } from '../access/index.js';


/** The first month the demo's city publishes its bulletin (月通报) in the tracker. */
const FIRST_BULLETIN = '2024-11';

export interface SeedResult {
  referenceRowsAdded: number;
  demoProjectsAdded: number;
}

/**
 * Loads reference data (always) and the illustrative demo (SEED=demo, into a database with no
 * projects yet). Idempotent: what is there already is left alone. The demo goes through the same
 * lifecycle engine, list service, request and lead engines as the API, so every seeded state has
 * passed its guards; it runs up to the day it is loaded (docs/demo.md "The demo runs up to the day it is loaded").
 */
@Injectable()
export class SeederService {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly changes: ChangeRecorder,
    private readonly clock: Clock,
    private readonly plans: PlansService,
    private readonly requests: RequestsService,
    private readonly requestEngine: RequestEngine,
    private readonly approvals: ApprovalsService,
    private readonly attraction: AttractionSeeder,
    private readonly projects: DemoProjectsSeeder,
    private readonly years: DemoYearsSeeder,
    private readonly bulletins: BulletinsService,
    private readonly peopleSeeder: PeopleSeeder,
    private readonly milestonesSeeder: MilestonesSeeder,
  ) {}

  async run(mode: SeedMode): Promise<SeedResult> {
    const referenceRowsAdded = await this.seedReference();
    let demoProjectsAdded = 0;
    if (mode === 'demo' && (await this.dataSource.getRepository(Project).count()) === 0) {
      const today: DemoToday = { now: this.clock.nowIso(), lastMonth: lastMonthOf(this.clock.today()) };
      const { DEMO_PROJECTS } = await import('../../seeds/demo-2024.js');
      await this.projects.seed(DEMO_PROJECTS);
      // The 2024 plan, published on the day the real one was issued: its lists are frozen from then on.
      await this.writes.run((manager) => this.plans.publishIn(manager, PLAN_2024.city.year, DEMO_ACTOR, PLAN_2024.publishedAt!));
      await this.seedDemoRequests(DEMO_REQUESTS_2024, DEMO_APPROVALS, today);
      // 招商 2024 (illustrative, seeds/demo-2024-attraction.ts): leads, 到位资金, the chains' indicators and notes.
      await this.attraction.seedDemo2024(DEMO_ACTOR);
      // The rest of 2024 (seeds/demo-2024-q4.ts), then every year after it that has begun, as far as it has happened.
      const { DEMO_2024_Q4 } = await import('../../seeds/demo-2024-q4.js');
      await this.projects.apply(stepsBy(today, DEMO_2024_Q4));
      await this.attraction.seed2024Rest(DEMO_ACTOR, today);
      const thisYear = yearOf(this.clock.today());
      for (let year = 2025; year <= thisYear; year++) {
        const listed = await this.years.seedYear(year, today);
        await this.seedDemoRequests([...(year === 2025 ? DEMO_REQUESTS_2025 : []), ...demoRequestsOf(year, listed)], [], today);
        await this.attraction.seedYear(year, DEMO_ACTOR, today);
      }
      // Five projects' milestones (illustrative, seeds/demo-milestones.ts), before the bulletins that name 节点滞后.
      await this.milestonesSeeder.seedDemo(DEMO_ACTOR);
      await this.seedDemoBulletins(today);
      demoProjectsAdded = await this.dataSource.getRepository(Project).count();
      this.logger.log(`loaded ${demoProjectsAdded} illustrative demo projects, 2024${thisYear > 2024 ? `–${thisYear}` : ''} up to ${today.lastMonth} (docs/demo.md)`);
      await this.seedDemoUsers();
      // Who answers for the demo's chains and projects (illustrative, seeds/demo-people.ts).
      await this.peopleSeeder.seedDemo(DEMO_ACTOR);
    }
    return { referenceRowsAdded, demoProjectsAdded };
  }

  /**
   * DEMO ONLY: the 月通报 of every month from November 2024 to last month, each published on the 8th of
   * the next month (last month's just before now when the 8th has not come yet), as the board stood then.
   */
  private async seedDemoBulletins(today: DemoToday): Promise<void> {
    const inThisMonth = (instant: string) => monthOf(this.clock.dateOf(instant)) === monthOf(this.clock.today());
    for (let month = FIRST_BULLETIN; month <= today.lastMonth; month = nextMonth(month)) {
      const at = bulletinInstant(today, month, inThisMonth);
      if (at !== null) await this.bulletins.publish(yearOf(month), Number(month.slice(5, 7)), DEMO_ACTOR, at);
    }
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
   * the department the request is routed to, and the city office. A request raised after `today`,
   * and every step after it, has not happened yet: what is still open is what was raised lately.
   */
  async seedDemoRequests(requests: DemoRequest[], approvals: DemoApproval[], today: DemoToday): Promise<void> {
    for (const demo of requests) {
      const { project: code, raisedOn, steps, ...item } = demo;
      if (happenedBy(today, demoInstant(raisedOn)) === null) continue;
      const project = await this.dataSource.getRepository(Project).findOneByOrFail({ code });
      const [{ id, department }] = await this.writes.run((manager) => this.requests.raiseIn(manager, project.id, [item], DEMO_ACTOR, ALL, { at: demoInstant(raisedOn) }));
      for (const { on, ...event } of steps) {
        if (happenedBy(today, demoInstant(on)) === null) break;
        const base = { username: DEMO_ACTOR, region: null, chain: null, department: null };
        const actor: Actor =
          event.type === 'EVALUATE' ? { ...base, role: 'region', region: project.regionCode } : event.type === 'ESCALATE' ? { ...base, role: 'admin' } : { ...base, role: 'department', department };
        await this.requestEngine.apply(id, event as RequestEvent, actor, { recordedAt: demoInstant(on) });
        // The demo's stories predate 反馈 as a step: the department tells the enterprise the day it resolves.
        if (event.type === 'RESOLVE') await this.requestEngine.apply(id, { type: 'FEEDBACK', method: 'phone', date: on }, actor, { recordedAt: demoInstant(on) });
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
}
