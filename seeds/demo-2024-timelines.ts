/**
 * How each 2024 demo project's year goes (ILLUSTRATIVE, NOT OFFICIAL: see demo-2024.ts): seeded
 * helpers, invented owner names and contents, approvals before a start, and each phase's dates.
 */
import type { DemoEvent, DemoProject } from './demo-types.js';
import { rngFor, type Rng } from './demo-random.js';
import { OWNER_PREFIX, type ImplPhase, type PrepPhase, type ReservePhase } from './demo-2024-rows.js';

// ---------------------------------------------------------------------------------------------
// Deterministic helpers

export const between = (rng: Rng, low: number, high: number): number => low + Math.floor(rng() * (high - low + 1));
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

export const DAY_MS = 86_400_000;
export const dayOf = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => dateOf(dayOf(date) + days);
export const randomDate = (rng: Rng, from: string, to: string): string => dateOf(between(rng, dayOf(from), dayOf(to)));
/** An instant on `date`, 08:00–17:59 Beijing time (00:00–09:59 UTC), so its calendar day is `date` in both zones. */
export const instant = (rng: Rng, date: string): string =>
  `${date}T0${between(rng, 0, 9)}:${String(between(rng, 0, 59)).padStart(2, '0')}:00.000Z`;
export const monthOf = (date: string): number => +date.slice(5, 7);
export const yearOf = (date: string): number => +date.slice(0, 4);

/** Splits `total` into integer parts proportional to `weights` (largest remainder), in steps of `unit`. */
export function apportion(total: number, weights: number[], unit = 1): number[] {
  const units = Math.floor(total / unit);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * units : 0));
  const parts = exact.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    if (weights[i] > 0) {
      parts[i]++;
      left--;
    }
  }
  const result = parts.map((p) => p * unit);
  const lastWeighted = weights.map((w, i) => (w > 0 ? i : -1)).filter((i) => i >= 0).pop() ?? weights.length - 1;
  result[lastWeighted] += total - result.reduce((a, b) => a + b, 0);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Places and performance

export const OWNER_FIRST = '华鲁恒金泰润东宏瑞盛鑫信中新祥嘉凯昌锦腾';
export const OWNER_SECOND = '源达丰通诚晟宇安博远邦力德峰创益和元泽立';
export const OWNER_TRADE: Record<string, readonly string[]> = {
  ferrous: ['钢管', '特钢', '金属制品', '钢结构'],
  equipment: ['机械', '重工', '智能装备', '机械制造'],
  nonferrous: ['铝业', '铜业', '有色金属'],
  'auto-parts': ['汽车零部件', '汽配', '车桥'],
  'new-energy': ['新能源科技', '储能科技'],
  'new-it': ['电子科技', '信息技术', '智能科技'],
  'light-textile': ['纺织', '纸业', '包装材料'],
  'building-materials': ['新型建材', '建材科技'],
  health: ['医药', '生物科技', '健康产业', '医疗器械'],
  'green-chemical': ['化工', '新材料', '化学'],
  bearings: ['轴承', '精密机械'],
  'agri-food': ['食品', '农业科技', '农产品'],
};

/** Brand names (two characters) handed out without repetition, in a seeded order. */
export const brands: string[] = (() => {
  const all: string[] = [];
  const placeNames = new Set(['泰安', '东安', '华安']); // real place names read oddly as brands
  for (const a of OWNER_FIRST) for (const b of OWNER_SECOND) if (a !== b && !placeNames.has(a + b)) all.push(a + b);
  const rng = rngFor('owner-brands');
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all;
})();
let nextBrand = 0;

export function ownerFor(rng: Rng, chain: string, region: string): string {
  const brand = brands[nextBrand++ % brands.length];
  const roll = rng();
  const prefix = roll < 0.6 ? '聊城' : roll < 0.85 ? OWNER_PREFIX[region] : '山东';
  return `${prefix}${brand}${pick(rng, OWNER_TRADE[chain])}有限公司`;
}

export function contentFor(rng: Rng, name: string, totalWan: number): string {
  const area = Math.max(5, Math.round(totalWan / 800)) / 10; // 万平方米, display only
  const capacity = /^年产(.+)项目$/.exec(name)?.[1];
  if (capacity) {
    return pick(rng, [
      `新建生产车间、仓库及配套用房约${area}万平方米，购置主要生产设备，建成后形成年产${capacity}的生产能力。`,
      `利用现有厂区新上智能化生产线，配套建设公用工程及环保设施，达产后年产${capacity}。`,
      `建设标准化厂房约${area}万平方米及研发检测中心，购置自动化生产及检测设备，建成后年产${capacity}。`,
    ]);
  }
  const subject = name.replace(/项目$/, '');
  return `建设${subject}所需厂房约${area}万平方米及配套设施，购置先进生产、研发和检测设备。`;
}

export const PROGRESS_CONTINUING = ['主体结构施工', '钢结构安装', '厂房封顶', '设备采购到货', '设备安装调试', '单机调试', '联动试车', '试生产'];
export const PROGRESS_NEW = ['场地平整', '桩基施工', '基础施工', '主体结构施工', '钢结构安装', '设备安装调试'];
export const PROBLEMS = ['用地指标待落实', '能耗指标紧张', '环境容量不足，排污总量指标待调剂', '资金到位慢', '施工许可手续办理中'];

// ---------------------------------------------------------------------------------------------
// Building one project

export const APPROVAL_ORDER = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const;
export type Approvals = DemoProject['approvals'];
export const noApprovals = (): Approvals => ({ filing: null, land: null, planning: null, environment: null, energy: null, construction: null });

/** All six approvals, in the usual order, between `from` and the day before `start`. */
export function approvalsBefore(rng: Rng, from: string, start: string): Approvals {
  const span = dayOf(start) - dayOf(from);
  const result = noApprovals();
  const marks = [0.08, 0.3, 0.45, 0.58, 0.68, 0.88];
  APPROVAL_ORDER.forEach((key, i) => {
    const offset = Math.min(span - 1, Math.max(0, Math.round(span * marks[i]) + between(rng, -5, 5)));
    result[key] = addDays(from, offset);
  });
  // Keep the order monotone after jitter.
  for (let i = 1; i < APPROVAL_ORDER.length; i++) {
    const prev = result[APPROVAL_ORDER[i - 1]]!;
    if (result[APPROVAL_ORDER[i]]! < prev) result[APPROVAL_ORDER[i]] = prev;
  }
  return result;
}

/** Only the first `count` approvals obtained (a project still in preparation). */
export function partialApprovals(rng: Rng, from: string, until: string, count: number): Approvals {
  const all = approvalsBefore(rng, from, until);
  const result = noApprovals();
  APPROVAL_ORDER.slice(0, count).forEach((key) => (result[key] = all[key]));
  return result;
}

export interface Timeline {
  plannedStartDate: string;
  plannedCompletionDate: string;
  approvals: Approvals;
  events: DemoEvent[];
  /** Month (1–12 of 2024) of the first and last reports; null: no reports. */
  reportFrom: number | null;
  reportTo: number | null;
  /** Share of a month worked, by month (1-based), for halts, resumption and completion. */
  monthShare: (month: number) => number;
  /** Index into the progress list where 2024 begins (continuing projects are further along). */
  started2024: boolean;
  completedMonth: number | null;
  haltedMonths: Set<number>;
  resumedMonth: number | null;
}

export const LAST_REPORT_MONTH = 10; // data as of early November 2024

export function implementationTimeline(rng: Rng, phase: ImplPhase): Timeline {
  const haltedMonths = new Set<number>();
  let resumedMonth: number | null = null;
  const shares = new Map<number, number>();
  if (phase === 'L') {
    const promote = randomDate(rng, '2023-03-01', '2023-09-30');
    const plannedStart = randomDate(rng, '2024-03-15', '2024-06-15');
    return {
      plannedStartDate: plannedStart,
      plannedCompletionDate: addDays(plannedStart, between(rng, 450, 720)),
      approvals: partialApprovals(rng, promote, addDays(promote, 300), between(rng, 3, 4)),
      events: [{ type: 'PROMOTE', at: instant(rng, promote) }],
      reportFrom: null,
      reportTo: null,
      monthShare: () => 0,
      started2024: false,
      completedMonth: null,
      haltedMonths,
      resumedMonth,
    };
  }
  const start = phase === 'N' ? randomDate(rng, '2024-01-08', '2024-06-26') : randomDate(rng, '2022-03-01', '2023-11-30');
  const promote = dateOf(Math.max(dayOf('2022-01-04'), dayOf(start) - between(rng, 100, 260)));
  const plannedStart = addDays(start, -between(rng, -20, 45));
  const events: DemoEvent[] = [
    { type: 'PROMOTE', at: instant(rng, promote) },
    { type: 'START', date: start, at: instant(rng, addDays(start, between(rng, 0, 4))) },
  ];
  let completedMonth: number | null = null;
  let plannedCompletionDate = addDays(start, between(rng, 540, 1000));
  if (phase === 'D') {
    const complete = randomDate(rng, '2024-04-10', '2024-09-28');
    completedMonth = monthOf(complete);
    shares.set(completedMonth, Math.min(1, Math.max(0.2, +complete.slice(8, 10) / 30)));
    events.push({ type: 'COMPLETE', date: complete, at: instant(rng, addDays(complete, between(rng, 1, 3))) });
    plannedCompletionDate = addDays(complete, between(rng, -40, 30));
    if (plannedCompletionDate < plannedStart) plannedCompletionDate = complete;
  }
  if (phase === 'H' || phase === 'R') {
    const halt = phase === 'H' ? randomDate(rng, '2024-06-08', '2024-06-20') : randomDate(rng, '2024-04-12', '2024-04-22');
    const reason = phase === 'H' ? '环保督查整改' : '安全生产隐患排查整改';
    events.push({ type: 'HALT', date: halt, reason, at: instant(rng, addDays(halt, 1)) });
    const haltMonth = monthOf(halt);
    shares.set(haltMonth, +halt.slice(8, 10) / 30);
    let resumeMonth = 13;
    if (phase === 'R') {
      const resume = randomDate(rng, '2024-07-05', '2024-07-15');
      events.push({ type: 'RESUME', date: resume, at: instant(rng, addDays(resume, 1)) });
      resumeMonth = monthOf(resume);
      resumedMonth = resumeMonth;
      shares.set(resumeMonth, 1 - +resume.slice(8, 10) / 31);
    }
    for (let m = haltMonth + 1; m < resumeMonth; m++) {
      haltedMonths.add(m);
      shares.set(m, 0);
    }
  }
  const started2024 = yearOf(start) === 2024;
  if (started2024) shares.set(monthOf(start), Math.max(0.15, 1 - +start.slice(8, 10) / 31));
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate,
    approvals: approvalsBefore(rng, promote, start),
    events,
    reportFrom: started2024 ? monthOf(start) : 1,
    reportTo: completedMonth ?? LAST_REPORT_MONTH,
    monthShare: (m) => shares.get(m) ?? 1,
    started2024,
    completedMonth,
    haltedMonths,
    resumedMonth,
  };
}

export function preparationTimeline(rng: Rng, phase: PrepPhase): Timeline {
  const none = { haltedMonths: new Set<number>(), resumedMonth: null, completedMonth: null };
  if (phase === 'S') {
    const start = randomDate(rng, '2024-02-05', '2024-10-25');
    // Promoted before the list was published (mid-January 2024).
    const latest = dayOf(randomDate(rng, '2023-12-12', '2024-01-12'));
    const promote = dateOf(Math.max(dayOf('2023-07-03'), Math.min(latest, dayOf(start) - between(rng, 120, 240))));
    const plannedStart = addDays(start, -between(rng, -15, 40));
    const shares = new Map([[monthOf(start), Math.max(0.15, 1 - +start.slice(8, 10) / 31)]]);
    return {
      plannedStartDate: plannedStart,
      plannedCompletionDate: addDays(start, between(rng, 420, 760)),
      approvals: approvalsBefore(rng, promote, start),
      events: [
        { type: 'PROMOTE', at: instant(rng, promote) },
        { type: 'START', date: start, at: instant(rng, addDays(start, between(rng, 0, 3))) },
      ],
      reportFrom: monthOf(start),
      reportTo: LAST_REPORT_MONTH,
      monthShare: (m) => shares.get(m) ?? 1,
      started2024: true,
      ...none,
    };
  }
  const promote = randomDate(rng, '2023-09-01', '2024-01-10');
  const plannedStart = phase === 'O' ? randomDate(rng, '2024-05-06', '2024-09-20') : randomDate(rng, '2024-11-05', '2024-12-20');
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate: addDays(plannedStart, between(rng, 420, 760)),
    approvals: partialApprovals(rng, promote, addDays(promote, 330), between(rng, 2, 4)),
    events: [{ type: 'PROMOTE', at: instant(rng, promote) }],
    reportFrom: null,
    reportTo: null,
    monthShare: () => 0,
    started2024: false,
    ...none,
  };
}

export function reserveTimeline(rng: Rng, phase: ReservePhase): Timeline {
  const plannedStart = randomDate(rng, '2025-03-01', '2026-06-30');
  const events: DemoEvent[] = [];
  if (phase === 'PD' || phase === 'PW') {
    const promote = randomDate(rng, '2023-04-01', '2023-10-31');
    events.push({ type: 'PROMOTE', at: instant(rng, promote) });
    const back = randomDate(rng, '2024-03-01', '2024-08-30');
    events.push(
      phase === 'PD'
        ? { type: 'DEFER', reason: pick(rng, ['用地指标未落实，退回储备', '能耗指标未落实，退回储备', '企业融资方案调整，退回储备']), at: instant(rng, back) }
        : { type: 'WITHDRAW', reason: '不符合化工园区准入要求，调出项目库', at: instant(rng, back) },
    );
  } else if (phase === 'W') {
    events.push({ type: 'WITHDRAW', reason: '企业投资意向变化，调出项目库', at: instant(rng, randomDate(rng, '2024-04-01', '2024-09-30')) });
  }
  const approvals = noApprovals();
  if (phase === 'PD') approvals.filing = randomDate(rng, '2023-05-01', '2023-11-30');
  return {
    plannedStartDate: plannedStart,
    plannedCompletionDate: addDays(plannedStart, between(rng, 540, 900)),
    approvals,
    events,
    reportFrom: null,
    reportTo: null,
    monthShare: () => 0,
    started2024: false,
    completedMonth: null,
    haltedMonths: new Set(),
    resumedMonth: null,
  };
}

/** A 倒排工期 curve: twelve integers summing exactly to the plan, zero before the start month. */
