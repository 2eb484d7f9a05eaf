/**
 * The rest of 2024 in the demo (ILLUSTRATIVE, NOT OFFICIAL): the 2024 set (seeds/demo-2024.ts)
 * stands as of early November 2024; these steps carry it through December so the 2024 board ends
 * the year as a city would see it. Projects under construction report November and December (a
 * year-end push above their pace so far; halted ones report nothing), and four of the six
 * preparation-list projects planned to start in November or December obtain their last approvals
 * and start, so the start rate reaches its 80%. Nothing here is recorded before 21 November 2024:
 * the demo as the tests see it on 20 November 2024 is the 2024 set alone.
 *
 * Deterministic: one stream per project (`2024-q4-<code>`), apart from the 2024 set's streams, so
 * the January–October figures are untouched.
 */
import type { ApprovalKey } from '../src/lifecycle/index.js';
import { DEMO_PROJECTS } from './demo-2024.js';
import { addDays, APPROVAL_ORDER, between, instant, PROGRESS_CONTINUING, PROGRESS_NEW } from './demo-2024-timelines.js';
import { rngFor } from './demo-random.js';
import { inTimeOrder, type DemoStep } from './demo-steps.js';
import type { DemoProject } from './demo-types.js';

/** The first day anything after the 2024 set is recorded. */
export const Q4_FROM = '2024-11-21';
/** How many of the preparation-list projects planned for November or December start. */
const Q4_STARTS = 4;
/** Seasonal weight of November and December against the year's mean month (年底冲刺). */
const SEASON = { 11: 1.1, 12: 1.25 } as const;

const started = (p: DemoProject) => p.events.some((e) => e.type === 'START');
const completed = (p: DemoProject) => p.events.some((e) => e.type === 'COMPLETE');
const halted = (p: DemoProject) => {
  const last = p.events.filter((e) => e.type === 'HALT' || e.type === 'RESUME').at(-1);
  return last?.type === 'HALT';
};
const listed = (p: DemoProject) => p.lists.some((l) => l.year === 2024);
const plannedOf = (p: DemoProject) => p.lists.find((l) => l.year === 2024)?.plannedInvestmentWan ?? 0;
const round10 = (wan: number) => Math.max(0, Math.round(wan / 10) * 10);

/** Filed in the first days of the next month, 08:00–17:59 Beijing time. */
function filedAt(rng: () => number, month: 11 | 12): string {
  const day = between(rng, 2, 6);
  return instant(rng, month === 11 ? `2024-12-0${day}` : `2025-01-0${day}`);
}

/** The next stage of work after `progress` in the list it comes from (the last one stays). */
function nextProgress(progress: string, steps: number): string {
  for (const list of [PROGRESS_CONTINUING, PROGRESS_NEW]) {
    const i = list.indexOf(progress);
    if (i >= 0) return list[Math.min(list.length - 1, i + steps)];
  }
  return progress === '整改完成，复工建设' ? PROGRESS_CONTINUING[Math.min(PROGRESS_CONTINUING.length - 1, 3 + steps)] : '设备安装调试';
}

/** November and December for a project under construction at the end of October. */
function continuing(p: DemoProject): DemoStep[] {
  const rng = rngFor(`2024-q4-${p.code}`);
  const last = p.reports.at(-1)!;
  const isHalted = halted(p);
  const worked = p.reports.filter((r) => r.amountWan > 0);
  const monthly = worked.length ? worked.reduce((s, r) => s + r.amountWan, 0) / worked.length : plannedOf(p) / 12;
  let reported = p.reports.reduce((s, r) => s + r.amountWan, 0);
  const push = 1.05 + rng() * 0.3;
  return ([11, 12] as const).map((month, i) => {
    const room = Math.max(0, Math.floor((p.totalInvestmentWan * 0.95 - reported) / 10) * 10);
    const amountWan = isHalted ? 0 : Math.min(room, round10(monthly * SEASON[month] * push * (0.9 + rng() * 0.2)));
    reported += amountWan;
    const keepsProblem = last.problems !== null && !isHalted && rng() < 0.5;
    return {
      kind: 'report',
      code: p.code,
      month: `2024-${month}`,
      amountWan,
      progress: isHalted ? '停工整改' : nextProgress(last.progress, i + 1),
      problems: isHalted ? '环保、安全问题整改中，暂停施工' : keepsProblem ? last.problems : null,
      at: filedAt(rng, month),
    };
  });
}

/** A preparation-list project that obtains its missing approvals and starts in late November or December. */
function starting(p: DemoProject): DemoStep[] {
  const rng = rngFor(`2024-q4-${p.code}`);
  const from = p.plannedStartDate > Q4_FROM ? p.plannedStartDate : Q4_FROM;
  const start = addDays(from, between(rng, 4, 9));
  const missing = APPROVAL_ORDER.filter((key) => !p.approvals[key]);
  const approvals: Partial<Record<ApprovalKey, string>> = {};
  missing.forEach((key, i) => (approvals[key] = addDays(Q4_FROM, Math.min(i, between(rng, 0, 2)))));
  const steps: DemoStep[] = [];
  if (missing.length) steps.push({ kind: 'approvals', code: p.code, approvals, at: instant(rng, addDays(Q4_FROM, 3)) });
  steps.push({ kind: 'event', code: p.code, event: { type: 'START', date: start }, at: `${start}T03:00:00.000Z` });
  const first = Number(start.slice(5, 7)) as 11 | 12;
  const share = (31 - Number(start.slice(8, 10))) / 30;
  for (const month of [11, 12] as const) {
    if (month < first) continue;
    const worked = month === first ? Math.max(0.15, share) : 1;
    steps.push({
      kind: 'report',
      code: p.code,
      month: `2024-${month}`,
      amountWan: round10((plannedOf(p) / 12) * SEASON[month] * worked * (0.8 + rng() * 0.4)),
      progress: PROGRESS_NEW[month === first ? 0 : 1],
      problems: null,
      at: filedAt(rng, month),
    });
  }
  return steps;
}

function build(): DemoStep[] {
  const steps: DemoStep[] = [];
  for (const p of DEMO_PROJECTS.filter(listed)) if (started(p) && !completed(p)) steps.push(...continuing(p));
  const planned = DEMO_PROJECTS.filter((p) => listed(p) && !started(p) && p.lists[0].category === 'preparation' && p.plannedStartDate >= '2024-11-01');
  const toStart = [...planned].sort((a, b) => a.plannedStartDate.localeCompare(b.plannedStartDate) || a.code.localeCompare(b.code)).slice(0, Q4_STARTS);
  for (const p of toStart) steps.push(...starting(p));
  return inTimeOrder(steps);
}

/** November and December 2024 (ILLUSTRATIVE; see the header), in time order. */
export const DEMO_2024_Q4: DemoStep[] = build();
