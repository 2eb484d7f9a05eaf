/**
 * The demo's years after 2024: ILLUSTRATIVE, NOT OFFICIAL. Each year Y (2025, 2026, … up to the
 * year the demo is opened in) is made up to show how the city runs a year: the city office creates
 * Y's plan as a copy of Y−1's on 20 December, rolls Y−1's lists over (seeds the planned amounts from
 * last year's plan) on 27 December and publishes it on 26 February; during Y, projects in
 * preparation obtain their approvals and start, halted ones resume, about a fifth of the continuing
 * ones complete, and everyone under construction reports monthly. New projects enter the library
 * each year (seeds/demo-new-projects.ts, names marked 示例) and join the next year's preparation list.
 * No figure here is a real figure of any year.
 *
 * The steps cover the whole year; the seeder keeps those that have happened on the day the demo is
 * loaded (seeds/demo-steps.ts `stepsBy`). Deterministic: mulberry32 seeded from `<year>-<code>`.
 */
import type { ApprovalKey } from '../src/lifecycle/index.js';
import { rngFor } from './demo-random.js';
import { inTimeOrder, type DemoStep } from './demo-steps.js';

const round100 = (wan: number) => Math.max(0, Math.round(wan / 100) * 100);
const pad = (n: number) => String(n).padStart(2, '0');

/** When the city office works on year Y's plan (instants in UTC; 10:00 Beijing time). */
export const planTimes = (year: number) => ({
  created: `${year - 1}-12-20T02:00:00.000Z`,
  rolledOver: `${year - 1}-12-27T02:00:00.000Z`,
  published: `${year}-02-26T02:00:00.000Z`,
});

/** Seasonal weights of monthly investment (winter slow, spring and autumn fast). */
const SEASON = [0.6, 0.7, 1.05, 1.1, 1.1, 1.1, 1.05, 1.05, 1.1, 1.1, 1.05, 1.0];

/** A project as the rollover proposes it for next year (src/plans `RolloverService.rollover`), or a new one joining. */
export interface Carried {
  projectId: number;
  code: string;
  kind: 'continuing' | 'notStarted' | 'moved';
  category: 'implementation' | 'preparation';
  stage: string;
  remainingInvestment: number | null;
  /** Last year's planned amount; 0 for a project new to the lists. */
  previousPlannedInvestment: number;
  totalInvestmentWan: number;
  keyProject: boolean;
  approvals: Record<ApprovalKey, string | null>;
}

export interface DemoYear {
  entries: { projectId: number; category: 'implementation' | 'preparation'; plannedInvestment: number; keyProject: boolean }[];
  /** The whole year, in time order. */
  steps: DemoStep[];
}

/** The planned amount the office fills in: from last year's plan and what remains of the total (never more than remains). */
function plannedFor(project: Carried, rng: () => number): number {
  const remaining = project.remainingInvestment ?? project.totalInvestmentWan;
  const previous = project.previousPlannedInvestment || project.totalInvestmentWan * (0.12 + rng() * 0.08);
  const factor = project.kind === 'continuing' ? 0.8 + rng() * 0.35 : project.kind === 'moved' ? 1.4 + rng() * 0.8 : 0.9 + rng() * 0.2;
  return round100(Math.min(remaining, previous * factor));
}

/** Year Y's lists and its events and reports, from the rollover proposal (and the projects joining). */
export function demoYear(year: number, carried: Carried[], keyThresholdWan: number): DemoYear {
  const entries: DemoYear['entries'] = [];
  const steps: DemoStep[] = [];
  for (const project of carried) {
    const rng = rngFor(`${year}-${project.code}`);
    const planned = plannedFor(project, rng);
    if (planned <= 0) continue;
    const key = project.totalInvestmentWan >= keyThresholdWan && (project.keyProject || project.kind === 'moved');
    entries.push({ projectId: project.projectId, category: project.category, plannedInvestment: planned, keyProject: key });

    const code = project.code;
    let from: number | null = project.stage.startsWith('implementation') ? 1 : null;
    const to = 12;
    // In preparation: on the implementation list it starts this spring; on the preparation list most start.
    const inPreparation = project.stage === 'preparation';
    if (inPreparation && (project.category === 'implementation' ? true : rng() < 0.7)) {
      from = 3 + Math.floor(rng() * (project.category === 'implementation' ? 4 : 5));
      const day = 5 + Math.floor(rng() * 20);
      const start = `${year}-${pad(from)}-${pad(day)}`;
      const approvedOn = `${year}-${pad(from - 1)}-${pad(day)}`;
      const missing = Object.fromEntries(
        (Object.entries(project.approvals) as [ApprovalKey, string | null][]).filter(([, date]) => !date).map(([k]) => [k, approvedOn]),
      );
      if (Object.keys(missing).length) steps.push({ kind: 'approvals', code, approvals: missing, at: `${approvedOn}T02:00:00.000Z` });
      steps.push({ kind: 'event', code, event: { type: 'START', date: start }, at: `${start}T03:00:00.000Z` });
    }
    if (project.stage === 'implementation.halted') steps.push({ kind: 'event', code, event: { type: 'RESUME', date: `${year}-03-10` }, at: `${year}-03-10T02:00:00.000Z` });
    let last = to;
    let completion: string | null = null;
    if (project.kind === 'continuing' && project.stage === 'implementation.active' && rng() < 0.2) {
      last = 6 + Math.floor(rng() * 5);
      completion = `${year}-${pad(last)}-${pad(10 + Math.floor(rng() * 15))}`;
    }
    if (from !== null) {
      const pace = 0.7 + rng() * 0.45;
      const halted = project.stage === 'implementation.halted';
      for (let month = from; month <= last; month++) {
        const share = (SEASON[month - 1] / 12) * pace * (halted && month < 3 ? 0 : 1);
        const amount = Math.max(0, Math.round((planned * share) / 10) * 10);
        steps.push({
          kind: 'report',
          code,
          month: `${year}-${pad(month)}`,
          amountWan: amount,
          progress: amount === 0 ? '停工待复工' : month === last && completion ? '竣工验收' : month < 4 ? '主体施工' : '设备安装调试',
          problems: null,
          at: month === 12 ? `${year + 1}-01-05T02:00:00.000Z` : `${year}-${pad(month + 1)}-05T02:${pad(Math.floor(rng() * 60))}:00.000Z`,
        });
      }
    }
    if (completion) steps.push({ kind: 'event', code, event: { type: 'COMPLETE', date: completion }, at: `${year}-${pad(last + 1)}-06T02:00:00.000Z` });
  }
  return { entries, steps: inTimeOrder(steps) };
}

/** How many projects the city office keeps on a year's preparation list (as the 2024 plan: 30). */
const PREPARATION_LIST = 30;

/**
 * Reserve projects (储备) the city office moves up on 22 December to fill next year's preparation list:
 * as many as the list lacks, picked from the reserve in a seeded order, each given a planned start in
 * the year (and completion two years on) when it has none there, then promoted (准备: its 前期手续 begin).
 */
export function fromReserve(year: number, reserve: { code: string; plannedStartDate: string | null }[], onList: number): { codes: string[]; steps: DemoStep[] } {
  const rng = rngFor(`reserve-${year}`);
  const order = [...reserve].sort((a, b) => a.code.localeCompare(b.code)).map((p) => ({ p, key: rng() }));
  const chosen = order.sort((a, b) => a.key - b.key).slice(0, Math.max(0, PREPARATION_LIST - onList)).map(({ p }) => p);
  const at = `${year - 1}-12-22T02:00:00.000Z`;
  const steps: DemoStep[] = [];
  chosen.forEach((p, i) => {
    if (!p.plannedStartDate || p.plannedStartDate < `${year}-03-01`)
      steps.push({ kind: 'plannedStart', code: p.code, date: `${year}-${pad(4 + (i % 6))}-15`, completion: `${year + 2}-${pad(4 + (i % 6))}-30`, at });
    steps.push({ kind: 'event', code: p.code, event: { type: 'PROMOTE' }, at: `${year - 1}-12-22T02:01:00.000Z` });
  });
  return { codes: chosen.map((p) => p.code), steps: inTimeOrder(steps) };
}
