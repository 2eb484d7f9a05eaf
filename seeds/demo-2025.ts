/**
 * Demo data for 2025: ILLUSTRATIVE, NOT OFFICIAL. The 2025 plan and everything in it is made
 * up to show how the city runs a second year: the 2025 lists come from the rollover of the
 * (illustrative) 2024 lists, the city office fills in the planned amounts, publishes the plan in
 * February 2025, and reports arrive for every month of 2025. A few new projects enter the
 * library in 2025 (three of them ≥ 50亿), so the board shows new and continuing big projects
 * apart. No figure here is a real 2025 figure; the project names invented here say 示例.
 *
 * Deterministic: mulberry32 seeded from each project's code, like the 2024 set.
 */
import type { ApprovalKey } from '../src/lifecycle/index.js';
import { rngFor } from './demo-random.js';
import type { DemoProject } from './demo-types.js';

const round100 = (wan: number) => Math.max(0, Math.round(wan / 100) * 100);
const pad = (n: number) => String(n).padStart(2, '0');

/** When the city office works on the 2025 plan (instants in UTC; 10:00 Beijing time). */
export const PLAN_2025_TIMES = {
  created: '2024-12-20T02:00:00.000Z',
  rolledOver: '2024-12-27T02:00:00.000Z',
  published: '2025-02-26T02:00:00.000Z',
};

/** Reports are in for the whole of 2025 (December's arrives on 5 January 2026). */
const LAST_MONTH = 12;
/** Seasonal weights of monthly investment (winter slow, spring and autumn fast). */
const SEASON = [0.45, 0.55, 1.05, 1.1, 1.15, 1.1, 1.05, 1.05, 1.1, 1.1, 1.0, 0.9];

/** A 2024-list project as the rollover proposes it for 2025 (src/plans/plans.service.ts `rollover`). */
export interface Carried {
  projectId: number;
  code: string;
  kind: 'continuing' | 'notStarted' | 'moved';
  category: 'implementation' | 'preparation';
  stage: string;
  remainingInvestment: number | null;
  previousPlannedInvestment: number;
  totalInvestmentWan: number;
  keyProject: boolean;
  approvals: Record<ApprovalKey, string | null>;
}

export type Demo2025Step =
  | { kind: 'approvals'; projectId: number; approvals: Partial<Record<ApprovalKey, string>>; at: string }
  | { kind: 'event'; projectId: number; event: { type: 'START' | 'RESUME' | 'COMPLETE'; date: string }; at: string }
  | { kind: 'report'; projectId: number; month: string; amountWan: number; progress: string; recordedAt: string };

export interface Demo2025 {
  entries: { projectId: number; category: 'implementation' | 'preparation'; plannedInvestment: number; keyProject: boolean }[];
  /** In time order. */
  steps: Demo2025Step[];
}

/** The city office's 2025 lists and the year's events and reports, from the rollover proposal. */
export function demo2025(carried: Carried[], keyThresholdWan: number): Demo2025 {
  const entries: Demo2025['entries'] = [];
  const steps: Demo2025Step[] = [];
  for (const project of carried) {
    const rng = rngFor(`2025-${project.code}`);
    const remaining = project.remainingInvestment ?? project.totalInvestmentWan;
    // The office plans from last year's plan and what remains of the total (never more than remains).
    const previous = project.previousPlannedInvestment;
    const planned =
      project.kind === 'continuing'
        ? round100(Math.min(remaining, previous * (0.8 + rng() * 0.35)))
        : project.kind === 'moved'
          ? round100(Math.min(remaining, previous * (1.4 + rng() * 0.8)))
          : round100(Math.min(remaining, previous * (0.9 + rng() * 0.2)));
    const key = project.totalInvestmentWan >= keyThresholdWan && (project.keyProject || project.kind === 'moved');
    entries.push({ projectId: project.projectId, category: project.category, plannedInvestment: planned, keyProject: key });

    // The year: most not-started preparation projects start (after their approvals), halted ones resume,
    // about a fifth of the continuing ones complete; everyone under construction reports monthly.
    let from: number | null = project.stage.startsWith('implementation') ? 1 : null;
    let to = LAST_MONTH;
    if (project.kind === 'notStarted' && rng() < 0.7) {
      from = 3 + Math.floor(rng() * 5);
      const day = 5 + Math.floor(rng() * 20);
      const start = `2025-${pad(from)}-${pad(day)}`;
      const missing = Object.fromEntries(
        (Object.entries(project.approvals) as [ApprovalKey, string | null][]).filter(([, date]) => !date).map(([key]) => [key, `2025-${pad(from! - 1)}-${pad(day)}`]),
      );
      if (Object.keys(missing).length) steps.push({ kind: 'approvals', projectId: project.projectId, approvals: missing, at: `2025-${pad(from - 1)}-${pad(day)}T02:00:00.000Z` });
      steps.push({ kind: 'event', projectId: project.projectId, event: { type: 'START', date: start }, at: `${start}T03:00:00.000Z` });
    }
    if (project.stage === 'implementation.halted')
      steps.push({ kind: 'event', projectId: project.projectId, event: { type: 'RESUME', date: '2025-03-10' }, at: '2025-03-10T02:00:00.000Z' });
    let completion: string | null = null;
    if (project.kind === 'continuing' && project.stage === 'implementation.active' && rng() < 0.2) {
      to = 6 + Math.floor(rng() * 5);
      completion = `2025-${pad(to)}-${pad(10 + Math.floor(rng() * 15))}`;
    }
    if (from !== null) {
      const months = Array.from({ length: to - from! + 1 }, (_, i) => from! + i);
      const pace = 0.7 + rng() * 0.45;
      const halted = project.stage === 'implementation.halted';
      for (const month of months) {
        const share = (SEASON[month - 1] / 12) * pace * (halted && month < 3 ? 0 : 1);
        const amount = Math.max(0, Math.round((planned * share) / 10) * 10);
        steps.push({
          kind: 'report',
          projectId: project.projectId,
          month: `2025-${pad(month)}`,
          amountWan: amount,
          progress: amount === 0 ? '停工待复工' : month === to && completion ? '竣工验收' : month < 4 ? '主体施工' : '设备安装调试',
          recordedAt: month === 12 ? '2026-01-05T02:00:00.000Z' : `2025-${pad(month + 1)}-05T02:${pad(Math.floor(rng() * 60))}:00.000Z`,
        });
      }
    }
    if (completion) steps.push({ kind: 'event', projectId: project.projectId, event: { type: 'COMPLETE', date: completion }, at: `2025-${pad(to + 1)}-06T02:00:00.000Z` });
  }
  const time = (step: Demo2025Step) => (step.kind === 'report' ? step.recordedAt : step.at);
  steps.sort((a, b) => time(a).localeCompare(time(b)) || a.projectId - b.projectId);
  return { entries, steps };
}

const noApprovals = (): Record<ApprovalKey, string | null> => ({ filing: null, land: null, planning: null, environment: null, energy: null, construction: null });

/**
 * New to the library in 2025 (谋划/引进, all names invented, 示例): three ≥ 50亿 projects in counties
 * that had none new, and two ordinary ones. They stay in reserve or preparation.
 */
export const NEW_2025_PROJECTS: DemoProject[] = [
  ['LC2025-CB-001', '冠县新能源装备制造产业园（示例）', '冠县示例新能源有限公司', '371525', 'new-energy', 620_000, 'attracted', '2025-03-18'],
  ['LC2025-CB-002', '莘县大健康医药产业基地（示例）', '莘县示例医药有限公司', '371522', 'health', 550_000, 'attracted', '2025-05-09'],
  ['LC2025-CB-003', '高唐县有色金属精深加工项目（示例）', '高唐示例金属材料有限公司', '371526', 'nonferrous', 510_000, 'expansion', '2025-06-24'],
  ['LC2025-CB-004', '东阿县智能纺织装备项目（示例）', '东阿示例纺织机械有限公司', '371524', 'light-textile', 86_000, 'expansion', '2025-04-02'],
  ['LC2025-CB-005', '临清市轴承数字化车间改造（示例）', '临清示例轴承有限公司', '371581', 'bearings', 32_000, 'renovation', '2025-07-15'],
].map(([code, name, owner, region, chain, total, origin, planned]) => ({
  code: code as string,
  name: name as string,
  ownerEnterprise: owner as string,
  region: region as string,
  chain: chain as string,
  totalInvestmentWan: total as number,
  origin: origin as DemoProject['origin'],
  content: '示例项目：建设内容为演示而编写',
  plannedStartDate: '2026-06-01',
  plannedCompletionDate: '2028-06-30',
  approvals: noApprovals(),
  // Entered the library on the planned date (the first event's instant dates the creation).
  events: [{ type: 'PROMOTE', at: `${planned as string}T02:00:00.000Z` }],
  lists: [],
  reports: [],
}));
