import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { happenedBy, stepsBy, type DemoToday } from '../../seeds/demo-steps.js';
import { demoYear, fromReserve, planTimes, type Carried } from '../../seeds/demo-years.js';
import { newProjectsOf } from '../../seeds/demo-new-projects.js';
import { PLAN_2025_DIFFERENTIATED } from '../../seeds/plan-2025.js';
import { REGIONS } from '../../seeds/reference-data.js';
import { WriteQueue } from '../database/index.js';
import { PlansService, RolloverService } from '../plans/index.js';
import { approvalsOf, Project } from '../project-records/index.js';
import { DEMO_ACTOR, DemoProjectsSeeder } from './demo-projects.seeder.js';

const CARRIED_KINDS = new Set<string>(['continuing', 'notStarted', 'moved']);

/**
 * 001 (the three-year plan to 2025): "每个县(市、区)实施投资过10亿元的项目5-10个,其中过50亿元的项目1-2个",
 * set on the illustrative 2025 plan for the eight counties; later plans copy it.
 */
const COUNTY_COUNTS_2025 = REGIONS.filter((r) => r.kind === 'county').map((r) => ({ code: r.code, overKeyMin: 5, overKeyMax: 10, overBigMin: 1, overBigMax: 2 }));

/**
 * DEMO ONLY (illustrative, seeds/demo-years.ts): one of the city's years after 2024. Its plan is
 * made by copying last year's and rolling last year's lists over (the projects that entered the
 * library last year join the preparation list, and reserve projects fill what it still lacks),
 * published in February; then the year's steps, as far as they have happened by the day the demo is loaded.
 */
@Injectable()
export class DemoYearsSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly plans: PlansService,
    private readonly rollovers: RolloverService,
    private readonly projects: DemoProjectsSeeder,
  ) {}

  /** Seeds `year`'s plan, lists, new projects and steps; answers the codes on the year's lists. */
  async seedYear(year: number, today: DemoToday): Promise<string[]> {
    const times = planTimes(year);
    const repository = this.dataSource.getRepository(Project);
    const proposal = await this.rollovers.rollover(year - 1);
    const entered = await repository.findBy({ code: In(newProjectsOf(year - 1).map((p) => p.code)), stage: 'preparation' });
    const onPreparation = proposal.entries.filter((e) => CARRIED_KINDS.has(e.kind) && e.category === 'preparation').length + entered.length;
    // The reserve fills what the preparation list lacks (promoted on 22 December, before the rollover).
    const reserve = (await repository.findBy({ stage: 'reserve' })).filter((p) => p.createdAt < `${year - 1}-12-01`);
    const promoted = fromReserve(year, reserve, onPreparation);
    await this.projects.apply(promoted.steps);
    const joining = [...entered, ...(await repository.findBy({ code: In(promoted.codes) }))];
    const ids = [...proposal.entries.map((e) => e.projectId), ...joining.map((p) => p.id)];
    const projects = new Map((await repository.findBy({ id: In(ids) })).map((p) => [p.id, p]));
    const previous = await this.plans.plan(year - 1);
    const carried: Carried[] = [
      // Only the kinds the demo knows how to carry on (a proposal may offer more).
      ...proposal.entries
        .filter((entry) => CARRIED_KINDS.has(entry.kind))
        .map((entry) => {
          const project = projects.get(entry.projectId)!;
          return { ...entry, kind: entry.kind as Carried['kind'], totalInvestmentWan: project.totalInvestmentWan ?? 0, approvals: approvalsOf(project) };
        }),
      ...joining
        .filter((p) => !proposal.entries.some((e) => e.projectId === p.id))
        .map((p): Carried => ({
          projectId: p.id,
          code: p.code,
          kind: 'notStarted',
          category: 'preparation',
          stage: p.stage,
          remainingInvestment: p.totalInvestmentWan,
          previousPlannedInvestment: 0,
          totalInvestmentWan: p.totalInvestmentWan ?? 0,
          keyProject: false,
          approvals: approvalsOf(p),
        })),
    ];
    const plan = demoYear(year, carried, previous.keyProjectThresholdWan);
    const implementation = plan.entries.filter((e) => e.category === 'implementation');
    const key = plan.entries.filter((e) => e.keyProject);
    const sum = (entries: typeof plan.entries) => entries.reduce((total, e) => total + e.plannedInvestment, 0);
    const wholeYi = (wan: number) => Math.floor(wan / 10_000) * 10_000;
    // Each chain's row: the projects it carries on the implementation list, and 95% of their plan (illustrative);
    // its 差异化指标 text names this year where last year's named that one.
    const chainOf = (entry: { projectId: number }) => projects.get(entry.projectId)?.chainCode ?? null;
    const chains = [...new Set(implementation.map(chainOf).filter((code): code is string => code !== null))].map((code) => {
      const rows = implementation.filter((e) => chainOf(e) === code);
      const text = previous.chains.find((c) => c.code === code)?.differentiated ?? null;
      return { code, projects: rows.length, investmentWan: Math.floor((sum(rows) * 0.95) / 1000) * 1000, differentiated: text?.replace(new RegExp(`${year - 1}( ?年)`, 'g'), `${year}$1`) ?? null };
    });
    await this.writes.run(async (manager) => {
      await this.plans.createIn(
        manager,
        year,
        {
          copyFrom: year - 1,
          implementationListSize: implementation.length,
          preparationListSize: plan.entries.length - implementation.length,
          implementationInvestmentWan: wholeYi(sum(implementation)),
          keyProjectCount: key.length,
          keyProjectInvestmentWan: wholeYi(sum(key) * 0.9),
          // 2025 has its own 差异化指标 words and counts (seeds/plan-2025.ts); later years copy them.
          chains: year === 2025 ? [...chains, ...PLAN_2025_DIFFERENTIATED.map(({ chain, ...words }) => ({ code: chain, ...words }))] : chains,
          ...(year === 2025 ? { places: COUNTY_COUNTS_2025 } : {}),
        },
        DEMO_ACTOR,
        times.created,
      );
      await this.rollovers.applyRolloverIn(manager, year - 1, { entries: plan.entries }, DEMO_ACTOR, times.rolledOver);
    });
    await this.projects.seed(newProjectsOf(year).filter((p) => happenedBy(today, p.events[0].at) !== null));
    if (happenedBy(today, times.published) !== null) await this.writes.run((manager) => this.plans.publishIn(manager, year, DEMO_ACTOR, times.published));
    await this.projects.apply(stepsBy(today, plan.steps));
    return plan.entries.map((e) => projects.get(e.projectId)!.code);
  }
}
