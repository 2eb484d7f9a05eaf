import { describe, expect, it } from '@jest/globals';
import { guardFailures, type LifecycleEvent, type ProjectFacts } from '../src/lifecycle/index.js';
import { DEMO_PROJECTS } from './demo-2024.js';
import type { DemoEvent, DemoProject } from './demo-types.js';
import { CHAINS, PLAN_2024, REGIONS } from './reference-data.js';

/**
 * Invariants of the illustrative 2024 demo set, recomputed here by plain arithmetic over
 * DEMO_PROJECTS and the reference data (nothing is taken from the generator).
 */
const YEAR = 2024;
const TARGET = PLAN_2024.city;
const chainTarget = (code: string) => PLAN_2024.chains.find((c) => c.chain === code)!;
const APPROVALS = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const;
const FLAGSHIPS = CHAINS.filter((c) => c.flagship).map((c) => c.code);
const COUNTIES = REGIONS.filter((r) => r.kind === 'county').map((r) => r.code);
const ZONES = REGIONS.filter((r) => r.kind === 'zone').map((r) => r.code);
/** Reports run January to October 2024: the set stands as of early November 2024. */
const LAST_MONTH = 10;

const entry = (p: DemoProject, category: 'implementation' | 'preparation') =>
  p.lists.find((l) => l.year === YEAR && l.category === category);
const implementation = DEMO_PROJECTS.filter((p) => entry(p, 'implementation'));
const preparation = DEMO_PROJECTS.filter((p) => entry(p, 'preparation'));
const unlisted = DEMO_PROJECTS.filter((p) => p.lists.length === 0);
const planOf = (p: DemoProject): number => p.lists.find((l) => l.year === YEAR)?.plannedInvestmentWan ?? 0;
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const reportedWan = (p: DemoProject): number => sum(p.reports.map((r) => r.amountWan));
/** 序时进度 through October (docs/domain/figures.md): plan × 10/12, or the first ten months of the curve. */
const expectedWan = (p: DemoProject): number => {
  const e = entry(p, 'implementation')!;
  return e.monthlyPlan ? sum(e.monthlyPlan.slice(0, LAST_MONTH)) : (e.plannedInvestmentWan * LAST_MONTH) / 12;
};
const monthNo = (date: string): number => (Number(date.slice(0, 4)) - YEAR) * 12 + Number(date.slice(5, 7));
const effectiveDate = (e: DemoEvent): string | null => ('date' in e ? e.date : null);
const eventOf = (p: DemoProject, type: DemoEvent['type']) => p.events.find((e) => e.type === type);
const startDate = (p: DemoProject): string | null => effectiveDate(eventOf(p, 'START') ?? { type: 'PROMOTE', at: '' });
const completionDate = (p: DemoProject): string | null => effectiveDate(eventOf(p, 'COMPLETE') ?? { type: 'PROMOTE', at: '' });

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
const isInstant = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value) && new Date(value).toISOString() === value;

type Stage = 'reserve' | 'preparation' | 'active' | 'halted' | 'completed' | 'withdrawn';
/** The 三个一批 transitions (docs/domain/lifecycle.md): WITHDRAW from any non-final stage, DEFER only from preparation. */
const NEXT: Record<Stage, Partial<Record<DemoEvent['type'], Stage>>> = {
  reserve: { PROMOTE: 'preparation', WITHDRAW: 'withdrawn' },
  preparation: { START: 'active', DEFER: 'reserve', WITHDRAW: 'withdrawn' },
  active: { HALT: 'halted', COMPLETE: 'completed', WITHDRAW: 'withdrawn' },
  halted: { RESUME: 'active', WITHDRAW: 'withdrawn' },
  completed: {},
  withdrawn: {},
};

/** Replays a project's events by hand, returning its final stage and every rule it breaks. */
function replay(p: DemoProject): { stage: Stage; failures: string[] } {
  const failures: string[] = [];
  const fail = (message: string) => failures.push(`${p.code}: ${message}`);
  let stage: Stage = 'reserve';
  let started: string | null = null;
  let haltedSince: string | null = null;
  let previousAt = '';
  for (const e of p.events) {
    const to: Stage | undefined = NEXT[stage][e.type];
    if (!to) {
      fail(`${e.type} is not allowed from ${stage}`);
      break;
    }
    if (!isInstant(e.at)) fail(`bad instant ${e.at}`);
    if (e.at < previousAt) fail(`${e.type} recorded at ${e.at}, before the previous event (${previousAt})`);
    previousAt = e.at;
    const date = effectiveDate(e);
    if (date !== null) {
      if (!isCalendarDate(date)) fail(`${e.type} has an invalid date ${date}`);
      if (e.at.slice(0, 10) < date) fail(`${e.type} recorded (${e.at}) before its effective date ${date}`);
    }
    switch (e.type) {
      case 'PROMOTE':
        if (!p.region || !p.chain || !p.ownerEnterprise.trim() || !(p.totalInvestmentWan > 0) || !p.plannedStartDate)
          fail('PROMOTE without region, chain, owner, total or planned start');
        break;
      case 'START':
        for (const key of APPROVALS) {
          const approved = p.approvals[key];
          if (!approved) fail(`START without approval ${key}`);
          else if (approved > e.date) fail(`approval ${key} (${approved}) after the start date ${e.date}`);
        }
        started = e.date;
        break;
      case 'HALT':
        if (!e.reason.trim()) fail('HALT without a reason');
        if (started && e.date < started) fail(`HALT ${e.date} before start ${started}`);
        haltedSince = e.date;
        break;
      case 'RESUME':
        if (haltedSince && e.date < haltedSince) fail(`RESUME ${e.date} before halt ${haltedSince}`);
        haltedSince = null;
        break;
      case 'COMPLETE':
        if (started && e.date < started) fail(`COMPLETE ${e.date} before start ${started}`);
        if (!p.reports.some((r) => r.recordedAt <= e.at)) fail('COMPLETE before any investment report was filed');
        break;
      case 'DEFER':
      case 'WITHDRAW':
        if (!e.reason.trim()) fail(`${e.type} without a reason`);
        break;
    }
    stage = to;
  }
  return { stage, failures };
}
const stageOf = (p: DemoProject): Stage => replay(p).stage;

describe('demo data set 2024 (illustrative)', () => {
  it('has the 2024 lists: 100 implementation, 30 preparation, none on both, plus a reserve', () => {
    expect(implementation).toHaveLength(TARGET.implementationListSize);
    expect(preparation).toHaveLength(TARGET.preparationListSize);
    expect(implementation.filter((p) => entry(p, 'preparation'))).toEqual([]);
    for (const p of DEMO_PROJECTS) {
      expect(p.lists.every((l) => l.year === YEAR)).toBe(true);
      expect(p.lists.length).toBeLessThanOrEqual(1);
    }
    const reserve = unlisted.filter((p) => stageOf(p) === 'reserve');
    expect(reserve.length).toBeGreaterThanOrEqual(20);
    expect(unlisted.filter((p) => stageOf(p) === 'withdrawn').length).toBeGreaterThanOrEqual(1);
    for (const p of unlisted) expect(p.reports).toEqual([]);
  });

  it('matches the appendix project count of every chain on the implementation list', () => {
    const counts = CHAINS.map((c) => [c.code, implementation.filter((p) => p.chain === c.code).length]);
    expect(counts).toEqual(CHAINS.map((c) => [c.code, chainTarget(c.code).projects]));
    const chainCodes = new Set(CHAINS.map((c) => c.code));
    expect(DEMO_PROJECTS.filter((p) => !chainCodes.has(p.chain)).map((p) => p.code)).toEqual([]);
    const preparationChains = new Set(preparation.map((p) => p.chain));
    expect(preparationChains.size).toBeGreaterThanOrEqual(10);
  });

  it('spreads over all 11 regions, with more implementation projects in counties than in zones', () => {
    const regionCodes = new Set(REGIONS.map((r) => r.code));
    expect(DEMO_PROJECTS.filter((p) => !regionCodes.has(p.region)).map((p) => p.code)).toEqual([]);
    expect(new Set(DEMO_PROJECTS.map((p) => p.region)).size).toBe(REGIONS.length);
    const perRegion = (code: string) => implementation.filter((p) => p.region === code).length;
    for (const r of REGIONS) expect([r.code, perRegion(r.code) > 0]).toEqual([r.code, true]);
    expect(Math.min(...COUNTIES.map(perRegion))).toBeGreaterThan(Math.max(...ZONES.map(perRegion)));
    expect(new Set(preparation.map((p) => p.region)).size).toBeGreaterThanOrEqual(8);
  });

  it('has unique, well-formed codes', () => {
    const codes = DEMO_PROJECTS.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of implementation) expect(p.code).toMatch(/^LC2024-S\d{3}$/);
    for (const p of preparation) expect(p.code).toMatch(/^LC2024-Z\d{3}$/);
    for (const p of unlisted) expect(p.code).toMatch(/^LC-CB-\d{3}$/);
  });

  it('keeps money in integer 万元 and annual plans within the total', () => {
    const bad: string[] = [];
    for (const p of DEMO_PROJECTS) {
      if (!Number.isInteger(p.totalInvestmentWan) || p.totalInvestmentWan <= 0) bad.push(`${p.code} total`);
      for (const l of p.lists) {
        if (!Number.isInteger(l.plannedInvestmentWan) || l.plannedInvestmentWan <= 0) bad.push(`${p.code} plan`);
        if (l.plannedInvestmentWan > p.totalInvestmentWan) bad.push(`${p.code} plan above total`);
        if (l.monthlyPlan) {
          if (l.monthlyPlan.length !== 12) bad.push(`${p.code} monthly plan length`);
          if (!l.monthlyPlan.every((m) => Number.isInteger(m) && m >= 0)) bad.push(`${p.code} monthly plan values`);
          if (sum(l.monthlyPlan) !== l.plannedInvestmentWan) bad.push(`${p.code} monthly plan sum`);
        }
      }
      for (const r of p.reports) if (!Number.isInteger(r.amountWan) || r.amountWan < 0) bad.push(`${p.code} ${r.month}`);
    }
    expect(bad).toEqual([]);
    const withCurve = implementation.filter((p) => entry(p, 'implementation')!.monthlyPlan);
    expect(withCurve.length).toBeGreaterThanOrEqual(15);
    expect(withCurve.length).toBeLessThanOrEqual(25);
    const ordinary = DEMO_PROJECTS.filter((p) => p.totalInvestmentWan < TARGET.keyProjectThresholdWan);
    for (const p of ordinary) expect(p.totalInvestmentWan).toBeGreaterThanOrEqual(5000);
  });

  it('plans at least 165亿 on the implementation list, each chain near its appendix target', () => {
    const planWan = sum(implementation.map(planOf));
    expect(planWan).toBeGreaterThanOrEqual(TARGET.implementationInvestmentWan);
    expect(planWan).toBeLessThanOrEqual(1_720_000);
    for (const c of CHAINS) {
      const chainPlanWan = sum(implementation.filter((p) => p.chain === c.code).map(planOf));
      const targetWan = chainTarget(c.code).investmentWan;
      expect([c.code, chainPlanWan >= targetWan * 0.75 && chainPlanWan <= targetWan * 1.25]).toEqual([c.code, true]);
    }
  });

  it('uses every real project named in the documents, on a list, in its chain', () => {
    const real: [string, string][] = [
      ['green-chemical', '鲁西化工60万吨/年己内酰胺·尼龙6（一期）'],
      ['green-chemical', '鲁西化工100万吨/年有机硅（一期）'],
      ['green-chemical', '齐鲁漆业50万吨/年功能型防腐涂层新材料产业化'],
      ['green-chemical', '信发泓蒙年产20万吨氯化聚乙烯、4万吨氯化聚氯乙烯、20万吨聚合氯化铝'],
      ['light-textile', '金蔡伦纸机节能改造二期'],
      ['light-textile', '鑫昌纺织二十万锭高档气流纺'],
      ['light-textile', '新泉林年产8000吨纸浆模塑、10万吨化机浆'],
      ['light-textile', '百润印刷设备改造升级'],
      ['equipment', '年产400艘高端游艇研发制造'],
      ['equipment', '东阿县高端装备制造产业园配套基础设施'],
      ['equipment', '中小微企业科技创新创业孵化园'],
      ['equipment', '时风集团高性能收获机械及关键部件创制'],
      ['equipment', '双力现代农业装备履带式大豆联合收获机研发'],
      ['ferrous', '精品钢管产业园'],
      ['bearings', '轴承产业大脑'],
    ];
    for (const [chain, name] of real) {
      const found = DEMO_PROJECTS.filter((p) => p.name === name);
      expect([name, found.length, found[0]?.chain, found[0]?.lists.length]).toEqual([name, 1, chain, 1]);
    }
  });

  it('has about ten big projects (≥50亿) in 7 of the 8 counties and most flagship chains', () => {
    const big = DEMO_PROJECTS.filter(
      (p) => p.totalInvestmentWan >= TARGET.bigProjectThresholdWan && stageOf(p) !== 'withdrawn',
    );
    expect(big.length).toBeGreaterThanOrEqual(9);
    expect(big.length).toBeLessThanOrEqual(11);
    const countiesWithout = COUNTIES.filter((code) => !big.some((p) => p.region === code));
    expect(countiesWithout).toEqual(['371525']); // 冠县: deliberately none, so the board warns
    expect(FLAGSHIPS.filter((code) => big.some((p) => p.chain === code)).length).toBeGreaterThanOrEqual(3);
    // None of them completed before 2024, so all count for the year.
    for (const p of big) expect(completionDate(p) === null || completionDate(p)! >= `${YEAR}-01-01`).toBe(true);
  });

  it('has 22 key projects (listed, ≥10亿) planning 78–82亿 in 2024 (≥ 75亿)', () => {
    const key = DEMO_PROJECTS.filter((p) => p.lists.length > 0 && p.totalInvestmentWan >= TARGET.keyProjectThresholdWan);
    expect(key).toHaveLength(TARGET.keyProjectCount);
    const keyPlanWan = sum(key.map(planOf));
    expect(keyPlanWan).toBeGreaterThanOrEqual(TARGET.keyProjectInvestmentWan);
    expect(keyPlanWan).toBeGreaterThanOrEqual(780_000);
    expect(keyPlanWan).toBeLessThanOrEqual(820_000);
  });

  it('has valid dates: calendar days, completion planned after start', () => {
    const bad: string[] = [];
    for (const p of DEMO_PROJECTS) {
      const dates = [p.plannedStartDate, p.plannedCompletionDate, ...APPROVALS.map((k) => p.approvals[k])];
      for (const d of dates) if (d !== null && !isCalendarDate(d)) bad.push(`${p.code} ${d}`);
      if (p.plannedCompletionDate < p.plannedStartDate) bad.push(`${p.code} completion before start`);
      for (const e of p.events) if (e.at > '2024-11-10') bad.push(`${p.code} ${e.type} after the data date`);
    }
    expect(bad).toEqual([]);
  });

  it('replays every event sequence legally through the 三个一批 lifecycle', () => {
    expect(DEMO_PROJECTS.flatMap((p) => replay(p).failures)).toEqual([]);
  });

  it('passes the real lifecycle guards (lifecycle.guards.ts) on replay, today being 2026', () => {
    const refused: string[] = [];
    for (const p of DEMO_PROJECTS) {
      const facts: ProjectFacts = {
        regionCode: p.region,
        chainCode: p.chain,
        ownerEnterprise: p.ownerEnterprise,
        totalInvestmentWan: p.totalInvestmentWan,
        plannedStartDate: p.plannedStartDate,
        actualStartDate: null,
        approvals: p.approvals,
        conditional: {},
        conditionalRestrictedYears: [],
        reportedMonths: 0,
        haltedSince: null,
      };
      for (const { at, ...event } of p.events) {
        facts.reportedMonths = new Set(p.reports.filter((r) => r.recordedAt <= at).map((r) => r.month)).size;
        const failures = guardFailures({ project: facts, today: '2026-06-30' }, event as LifecycleEvent);
        if (failures.length) refused.push(`${p.code} ${event.type}: ${failures.map((f) => f.message).join('; ')}`);
        if (event.type === 'START') facts.actualStartDate = event.date;
        if (event.type === 'HALT') facts.haltedSince = event.date;
        if (event.type === 'RESUME') facts.haltedSince = null;
      }
    }
    expect(refused).toEqual([]);
  });

  it('puts the implementation list in realistic stages', () => {
    const startedBefore = implementation.filter((p) => (startDate(p) ?? '9') < `${YEAR}-01-01`);
    const startedIn = implementation.filter((p) => (startDate(p) ?? '') >= `${YEAR}-01-01`);
    expect(startedBefore.length).toBeGreaterThanOrEqual(65);
    expect(startedBefore.length).toBeLessThanOrEqual(75);
    expect(startedIn.length).toBeGreaterThanOrEqual(20);
    expect(startedIn.every((p) => startDate(p)! <= `${YEAR}-06-30`)).toBe(true);
    const completed = implementation.filter((p) => stageOf(p) === 'completed');
    expect(completed.length).toBeGreaterThanOrEqual(3);
    expect(completed.length).toBeLessThanOrEqual(5);
    for (const p of completed) expect(completionDate(p)! <= `${YEAR}-10-31`).toBe(true);
    expect(implementation.filter((p) => eventOf(p, 'HALT')).length).toBe(2);
    for (const p of implementation.filter((p) => eventOf(p, 'HALT')))
      expect((eventOf(p, 'HALT') as { reason: string }).reason.trim()).not.toBe('');
    // Not started: two laggards, and the two 000 §二(十) names as still doing their 前期手续.
    const waiting = implementation.filter((p) => stageOf(p) === 'preparation').map((p) => p.name);
    expect(waiting).toHaveLength(4);
    expect(waiting).toEqual(expect.arrayContaining(['齐鲁漆业50万吨/年功能型防腐涂层新材料产业化', '信发泓蒙年产20万吨氯化聚乙烯、4万吨氯化聚氯乙烯、20万吨聚合氯化铝']));
  });

  it('has 齐鲁漆业 and 信发泓蒙 still in 前期手续 in 2024 (000 §二(十)): promoted, some approvals missing, no start, no reports', () => {
    for (const name of ['齐鲁漆业50万吨/年功能型防腐涂层新材料产业化', '信发泓蒙年产20万吨氯化聚乙烯、4万吨氯化聚氯乙烯、20万吨聚合氯化铝']) {
      const p = DEMO_PROJECTS.find((q) => q.name === name)!;
      expect([name, stageOf(p), startDate(p), p.reports.length]).toEqual([name, 'preparation', null, 0]);
      expect(APPROVALS.filter((k) => p.approvals[k] === null).length).toBeGreaterThan(0);
    }
  });

  it('starts 20 of the 30 preparation-list projects in Feb–Oct 2024; 4 of the rest are overdue', () => {
    const started = preparation.filter((p) => startDate(p));
    expect(started).toHaveLength(20);
    for (const p of started) {
      expect(startDate(p)! >= `${YEAR}-02-01` && startDate(p)! <= `${YEAR}-10-31`).toBe(true);
    }
    const waiting = preparation.filter((p) => !startDate(p));
    expect(waiting.every((p) => stageOf(p) === 'preparation')).toBe(true);
    expect(waiting.filter((p) => p.plannedStartDate < `${YEAR}-10-01`)).toHaveLength(4);
    expect(waiting.filter((p) => p.plannedStartDate >= `${YEAR}-11-01` && p.plannedStartDate <= `${YEAR}-12-31`)).toHaveLength(6);
    // Start rate: listed preparation projects started in the year ÷ listed ones.
    expect(started.length / preparation.length).toBeCloseTo(2 / 3);
    // Still in preparation: some approval is missing.
    for (const p of DEMO_PROJECTS.filter((q) => stageOf(q) === 'preparation'))
      expect(APPROVALS.some((k) => p.approvals[k] === null)).toBe(true);
  });

  it('reports every month, and only the months, a project was under way in 2024', () => {
    const bad: string[] = [];
    for (const p of DEMO_PROJECTS) {
      const start = startDate(p);
      const done = completionDate(p);
      const months = p.reports.map((r) => r.month);
      if (new Set(months).size !== months.length) bad.push(`${p.code} duplicate months`);
      if (!start || monthNo(start) > LAST_MONTH) {
        if (p.reports.length) bad.push(`${p.code} reports without having started`);
        continue;
      }
      const from = Math.max(1, monthNo(start));
      const to = Math.min(LAST_MONTH, done ? monthNo(done) : LAST_MONTH);
      const wanted = Array.from({ length: to - from + 1 }, (_, i) => `${YEAR}-${String(from + i).padStart(2, '0')}`);
      if (months.join() !== wanted.join()) bad.push(`${p.code} months ${months.join()} ≠ ${wanted.join()}`);
      let previous = '';
      for (const r of p.reports) {
        if (!isInstant(r.recordedAt)) bad.push(`${p.code} ${r.month} bad instant`);
        const m = Number(r.month.slice(5, 7));
        const filedIn = `${YEAR + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
        const day = Number(r.recordedAt.slice(8, 10));
        if (r.recordedAt.slice(0, 7) !== filedIn || day < 1 || day > 6) bad.push(`${p.code} ${r.month} filed ${r.recordedAt}`);
        if (r.recordedAt < previous) bad.push(`${p.code} ${r.month} filed before the previous month`);
        previous = r.recordedAt;
        if (!r.progress.trim()) bad.push(`${p.code} ${r.month} without progress`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('has the implementation list at about 82–95% of 165亿 × 10/12 through October, regions varied', () => {
    const actualWan = sum(implementation.map(reportedWan));
    const cityExpectedWan = (TARGET.implementationInvestmentWan * LAST_MONTH) / 12;
    expect(actualWan / cityExpectedWan).toBeGreaterThanOrEqual(0.82);
    expect(actualWan / cityExpectedWan).toBeLessThanOrEqual(0.95);
    const ratios = REGIONS.map((r) => {
      const inRegion = implementation.filter((p) => p.region === r.code);
      return sum(inRegion.map(reportedWan)) / sum(inRegion.map(expectedWan));
    });
    expect(ratios.filter((x) => x >= 1).length).toBeGreaterThanOrEqual(2);
    expect(ratios.filter((x) => x >= 0.8 && x < 1).length).toBeGreaterThanOrEqual(2);
    expect(ratios.filter((x) => x < 0.8).length).toBeGreaterThanOrEqual(2);
  });

  it('has exactly one project whose reports exceed its total investment (the auditors’ anomaly)', () => {
    const over = DEMO_PROJECTS.filter((p) => reportedWan(p) > p.totalInvestmentWan);
    expect(over).toHaveLength(1);
    expect(entry(over[0], 'implementation')).toBeDefined();
  });
});
