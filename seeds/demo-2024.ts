/**
 * Demo data set for 2024: Liaocheng's key manufacturing projects, 三个一批.
 *
 * ILLUSTRATIVE, NOT OFFICIAL. Every figure (total and annual investment, monthly reports),
 * every date, every approval and every owner enterprise below is made up for demonstration.
 * Only the project names named in the 2024 plan (docs/domain/sources.md) are real
 * (2024 work plan 000 and its appendix); their figures are not published, so the ones here
 * are invented too. All other project and enterprise names are invented.
 *
 * Shape of the set (checked by demo-2024.spec.ts):
 * - 2024 实施类 list: 100 projects, per chain as the appendix (7, 23, 4, 5, 2, 5, 9, 4, 10, 16, 6, 9),
 *   annual plan ≈ 168亿 (≥ 165亿, 000 §四(四)); each chain's plan ≈ 105% of its appendix target.
 *   71 started before 2024 (续建; 5 of them complete in 2024, 2 halted, one of those resumed),
 *   25 start in Jan–Jun 2024, 4 not started: 2 laggards, and 齐鲁漆业 and 信发泓蒙, which 000 §二(十)
 *   names as still doing their 前期手续 in 2024.
 * - 2024 准备类 list: 30 projects, 20 start between Feb and Oct 2024, 10 still in preparation
 *   (4 past their planned start date, 6 planned for Nov/Dec).
 * - 24 reserve (储备) projects: 3 promoted and deferred back, 2 withdrawn.
 * - 10 big projects (≥ 50亿) covering 7 of the 8 counties: 冠县 deliberately has none, so the
 *   board shows its warning. 22 key projects (listed, ≥ 10亿).
 * - Monthly reports Jan–Oct 2024 (the data stands as of early November 2024; November and December
 *   follow in seeds/demo-2024-q4.ts, the years after 2024 in seeds/demo-years.ts). Regional
 *   performance differs on purpose (blue, yellow and red regions); exactly one project has a
 *   data-entry anomaly (cumulative reports above its total investment) for auditors to find.
 *
 * Deterministic: the only randomness is mulberry32, seeded from each project's code.
 * Money is integer 万元 throughout (1亿元 = 10,000 万元).
 */
import { CHAINS, PLAN_2024 } from './reference-data.js';
import type { DemoListEntry, DemoProject, DemoReport } from './demo-types.js';
import { rngFor, type Rng } from './demo-random.js';
import { between, pick, apportion, ownerFor, contentFor, PROGRESS_CONTINUING, PROGRESS_NEW, PROBLEMS, type Timeline, LAST_REPORT_MONTH, implementationTimeline, preparationTimeline, reserveTimeline } from './demo-2024-timelines.js';
import { REGION_PACE, type ImplPhase, type Row, IMPLEMENTATION, PREPARATION, RESERVE } from './demo-2024-rows.js';

function monthlyPlanOf(rng: Rng, plannedWan: number, curve: 'front' | 'back', fromMonth: number): number[] {
  const weights = Array.from({ length: 12 }, (_, i) => {
    const m = i + 1;
    if (m < fromMonth) return 0;
    const shape = curve === 'front' ? 14 - m : m + 3;
    const festival = m === 2 ? 0.6 : 1; // 春节
    return shape * festival * (0.9 + rng() * 0.2);
  });
  return apportion(plannedWan, weights, 10);
}

/** Seasonal weight of a month's investment (slow around 春节, fast in spring and autumn). */
const SEASON = [0.55, 0.5, 1.0, 1.05, 1.1, 1.1, 0.95, 0.95, 1.1, 1.15, 1.1, 1.2];

interface Draft {
  project: DemoProject;
  timeline: Timeline;
  rng: Rng;
  listCategory: 'implementation' | 'preparation' | null;
  plannedWan: number;
  monthlyPlan?: number[];
  phase: string;
  anomaly: boolean;
  /** Reports Jan–Oct 2024, before distribution over months. */
  actualWan: number;
}

const KEY_THRESHOLD_WAN = PLAN_2024.city.keyProjectThresholdWan;

/** 技改 when the name says renovation or upgrading; otherwise, deterministically, about a third attracted (招商引进). */
function originOf(code: string, name: string): DemoProject['origin'] {
  if (/改造|技改|升级|节能/.test(name)) return 'renovation';
  return rngFor(`origin-${code}`)() < 0.35 ? 'attracted' : 'expansion';
}

function draftOf<P extends string>(
  code: string,
  row: Row<P>,
  timeline: (rng: Rng, phase: P) => Timeline,
  listCategory: Draft['listCategory'],
  plannedWan: number,
): Draft {
  const rng = rngFor(code);
  const owner = row.owner ?? ownerFor(rng, row.chain, row.region);
  const content = row.content ?? contentFor(rng, row.name, row.totalWan);
  const t = timeline(rng, row.phase);
  let monthlyPlan: number[] | undefined;
  if (row.curve && listCategory === 'implementation') monthlyPlan = monthlyPlanOf(rng, plannedWan, row.curve, t.reportFrom ?? 1);
  const lists: DemoListEntry[] = listCategory
    ? [
        {
          year: 2024,
          category: listCategory,
          plannedInvestmentWan: plannedWan,
          ...(monthlyPlan ? { monthlyPlan } : {}),
          // The city designated its listed projects of 10亿 and more as the year's key projects (22 in this set).
          keyProject: row.totalWan >= KEY_THRESHOLD_WAN,
        },
      ]
    : [];
  return {
    project: {
      code,
      name: row.name,
      ownerEnterprise: owner,
      region: row.region,
      chain: row.chain,
      totalInvestmentWan: row.totalWan,
      origin: originOf(code, row.name),
      content,
      plannedStartDate: t.plannedStartDate,
      plannedCompletionDate: t.plannedCompletionDate,
      approvals: t.approvals,
      events: t.events,
      lists,
      reports: [],
    },
    timeline: t,
    rng,
    listCategory,
    plannedWan,
    monthlyPlan,
    phase: row.phase,
    anomaly: row.anomaly ?? false,
    actualWan: 0,
  };
}

/** 序时进度 through October: plan × 10/12, or the curve's first ten months. */
const expectedThroughOctober = (d: Draft): number =>
  d.monthlyPlan ? d.monthlyPlan.slice(0, 10).reduce((a, b) => a + b, 0) : (d.plannedWan * 10) / 12;

// ---------------------------------------------------------------------------------------------
// Annual plans: each chain's implementation list plans ≈ 105.4% of its appendix target, so the
// list as a whole plans ≈ 168亿 (≥ 165亿; the appendix targets alone sum to 159.45亿).

const PLAN_OVER_TARGET = 1.054;

function implementationPlans(): Map<Row<ImplPhase>, number> {
  const plans = new Map<Row<ImplPhase>, number>();
  for (const chain of CHAINS) {
    const rows = IMPLEMENTATION.filter((r) => r.chain === chain.code);
    const aimWan = Math.round((PLAN_2024.chains.find((c) => c.chain === chain.code)!.investmentWan * PLAN_OVER_TARGET) / 500) * 500;
    const fixed = rows.filter((r) => r.plannedWan !== undefined);
    const open = rows.filter((r) => r.plannedWan === undefined);
    for (const r of fixed) plans.set(r, r.plannedWan!);
    const leftWan = aimWan - fixed.reduce((sum, r) => sum + r.plannedWan!, 0);
    const rng = rngFor(`plan-${chain.code}`);
    const weights = open.map((r) => r.totalWan * (0.75 + rng() * 0.5));
    apportion(leftWan, weights, 100).forEach((p, i) => plans.set(open[i], p));
  }
  return plans;
}

// ---------------------------------------------------------------------------------------------
// Reports

function distributeReports(d: Draft): DemoReport[] {
  const t = d.timeline;
  if (t.reportFrom === null || t.reportTo === null) return [];
  const months: number[] = [];
  for (let m = t.reportFrom; m <= t.reportTo; m++) months.push(m);
  const weights = months.map((m) => {
    const curve = d.monthlyPlan ? Math.max(d.monthlyPlan[m - 1], 1) : SEASON[m - 1];
    return curve * t.monthShare(m) * (0.8 + d.rng() * 0.4);
  });
  const amounts = weights.every((w) => w === 0) ? months.map(() => 0) : apportion(d.actualWan, weights, 10);
  if (d.anomaly) {
    // September keyed with an extra digit (e.g. 3,700 for 370): cumulative reports now exceed the total.
    const i = months.indexOf(9);
    amounts[i] *= 10;
  }
  const problemRoll = d.rng();
  const redRegion = REGION_PACE[d.project.region] < 0.8;
  const hasProblem = problemRoll < (redRegion ? 0.45 : 0.12);
  const problem = pick(d.rng, PROBLEMS);
  const problemFrom = between(d.rng, t.reportFrom, t.reportTo);
  const progressList = t.started2024 ? PROGRESS_NEW : PROGRESS_CONTINUING;
  const progressOffset = t.started2024 ? 0 : between(d.rng, 0, 2);
  return months.map((m, i) => {
    let progress = progressList[Math.min(progressList.length - 1, progressOffset + Math.floor((i * (progressList.length - progressOffset)) / months.length))];
    let problems: string | null = hasProblem && m >= problemFrom ? problem : null;
    if (t.completedMonth === m) progress = '竣工投产';
    if (t.haltedMonths.has(m)) {
      progress = '停工整改';
      problems = '环保、安全问题整改中，暂停施工';
    }
    if (t.resumedMonth === m) progress = '整改完成，复工建设';
    const next = m + 1;
    const recordedDay = `2024-${String(next).padStart(2, '0')}-0${between(d.rng, 1, 6)}`;
    return {
      month: `2024-${String(m).padStart(2, '0')}`,
      amountWan: amounts[i],
      progress,
      problems,
      recordedAt: `${recordedDay}T0${between(d.rng, 0, 9)}:${String(between(d.rng, 0, 59)).padStart(2, '0')}:00.000Z`,
    };
  });
}

/**
 * Actual investment Jan–Oct per project: the region's pace × the project's 序时进度, with
 * per-project variety; laggards report nothing, completed projects report about their plan,
 * and each region's scalable projects are scaled so the region lands on its pace.
 */
function settleImplementationActuals(drafts: Draft[]): void {
  const scalable: Draft[] = [];
  for (const d of drafts) {
    const expected = expectedThroughOctober(d);
    if (d.phase === 'L') d.actualWan = 0;
    else if (d.phase === 'D') d.actualWan = Math.round((d.plannedWan * (0.95 + d.rng() * 0.08)) / 10) * 10;
    else if (d.anomaly) d.actualWan = Math.round((expected * 0.94) / 10) * 10;
    else {
      const haltFactor = d.phase === 'H' ? 0.55 : d.phase === 'R' ? 0.75 : 1;
      d.actualWan = expected * (0.72 + d.rng() * 0.56) * haltFactor;
      scalable.push(d);
    }
  }
  for (const region of Object.keys(REGION_PACE)) {
    const inRegion = drafts.filter((d) => d.project.region === region);
    const targetWan = REGION_PACE[region] * inRegion.reduce((sum, d) => sum + expectedThroughOctober(d), 0);
    const fixedWan = inRegion.filter((d) => !scalable.includes(d)).reduce((sum, d) => sum + d.actualWan, 0);
    const open = inRegion.filter((d) => scalable.includes(d));
    const rawWan = open.reduce((sum, d) => sum + d.actualWan, 0);
    const scale = rawWan > 0 ? (targetWan - fixedWan) / rawWan : 0;
    for (const d of open) {
      const capWan = Math.floor((d.project.totalInvestmentWan * 0.9) / 10) * 10;
      d.actualWan = Math.min(capWan, Math.round((d.actualWan * scale) / 10) * 10);
    }
  }
}

/** Preparation-list projects that started: a share of their first-year plan, pro rata to the months worked. */
function settlePreparationActual(d: Draft): void {
  const t = d.timeline;
  if (t.reportFrom === null) return;
  const worked = LAST_REPORT_MONTH - t.reportFrom + 1;
  const planned = 12 - t.reportFrom + 1;
  d.actualWan = Math.round((d.plannedWan * (worked / planned) * (0.7 + d.rng() * 0.45)) / 10) * 10;
}

// ---------------------------------------------------------------------------------------------
// Assembly

function build(): DemoProject[] {
  const plans = implementationPlans();
  const implementation = IMPLEMENTATION.map((row, i) =>
    draftOf(`LC2024-S${String(i + 1).padStart(3, '0')}`, row, implementationTimeline, 'implementation', plans.get(row)!),
  );
  settleImplementationActuals(implementation);

  const preparation = PREPARATION.map((row, i) => {
    const code = `LC2024-Z${String(i + 1).padStart(3, '0')}`;
    const share = 0.12 + rngFor(`plan-${code}`)() * 0.12;
    const plannedWan = row.plannedWan ?? Math.round((row.totalWan * share) / 100) * 100;
    const d = draftOf(code, row, preparationTimeline, 'preparation', plannedWan);
    settlePreparationActual(d);
    return d;
  });

  const reserve = RESERVE.map((row, i) => draftOf(`LC-CB-${String(i + 1).padStart(3, '0')}`, row, reserveTimeline, null, 0));

  return [...implementation, ...preparation, ...reserve].map((d) => ({ ...d.project, reports: distributeReports(d) }));
}

/** The 2024 demo projects (ILLUSTRATIVE; see the header). */
export const DEMO_PROJECTS: DemoProject[] = build();
