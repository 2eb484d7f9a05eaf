import { describe, expect, it } from '@jest/globals';
import { demoYear, fromReserve, planTimes, type Carried } from './demo-years.js';
import { newProjectsOf } from './demo-new-projects.js';
import type { DemoStep } from './demo-steps.js';

/*
 * A year after 2024 in the demo (seeds/demo-years.ts) on four hand-made projects: what each one does
 * in the year follows from its stage and list alone, whatever the random draws.
 */
const none = { filing: null, land: null, planning: null, environment: null, energy: null, construction: null };
const carried = (code: string, fields: Partial<Carried>): Carried => ({
  projectId: code.charCodeAt(0),
  code,
  kind: 'continuing',
  category: 'implementation',
  stage: 'implementation.active',
  remainingInvestment: 200_000,
  previousPlannedInvestment: 40_000,
  totalInvestmentWan: 300_000,
  keyProject: true,
  approvals: { ...none, filing: '2023-01-05' },
  ...fields,
});
const PROJECTS = [
  carried('A', {}),
  carried('H', { stage: 'implementation.halted' }),
  // On the implementation list but still in 前期手续 (like 齐鲁漆业 in 2024): it starts in spring.
  carried('L', { stage: 'preparation' }),
  // New to the preparation list (no plan last year): planned from its total.
  carried('N', { kind: 'notStarted', category: 'preparation', stage: 'preparation', previousPlannedInvestment: 0, remainingInvestment: 60_000, totalInvestmentWan: 60_000, keyProject: false }),
];
const year = demoYear(2026, PROJECTS, 100_000);
const of = (code: string) => year.steps.filter((s) => s.code === code);
const months = (code: string) => of(code).filter((s): s is Extract<DemoStep, { kind: 'report' }> => s.kind === 'report').map((s) => Number(s.month.slice(5)));
const event = (code: string, type: string) => of(code).find((s) => s.kind === 'event' && s.event.type === type) as Extract<DemoStep, { kind: 'event' }> | undefined;

describe('a demo year after 2024 (illustrative)', () => {
  it('plans every project from last year (never above what remains), a new one from 12–20% of its total', () => {
    const planned = Object.fromEntries(year.entries.map((e) => [String.fromCharCode(e.projectId), e.plannedInvestment]));
    expect(Object.keys(planned).sort()).toEqual(['A', 'H', 'L', 'N']);
    for (const code of ['A', 'H', 'L']) expect(planned[code] >= 32_000 && planned[code] <= 46_000).toBe(true); // 40000 × 0.8–1.15
    expect(planned.N >= 60_000 * 0.12 * 0.9 && planned.N <= 60_000 * 0.2 * 1.1).toBe(true);
    expect(year.entries.find((e) => e.projectId === 'A'.charCodeAt(0))!.keyProject).toBe(true);
  });

  it('has a continuing project report from January, through December or its completion month', () => {
    const a = months('A');
    const complete = event('A', 'COMPLETE');
    const last = complete ? Number((complete.event as { date: string }).date.slice(5, 7)) : 12;
    expect(a).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    if (complete) expect(complete.at > of('A').filter((s) => s.kind === 'report').at(-1)!.at).toBe(true);
  });

  it('resumes a halted project on 10 March, reporting nothing before', () => {
    expect(event('H', 'RESUME')!.event).toEqual({ type: 'RESUME', date: '2026-03-10' });
    const early = of('H').filter((s) => s.kind === 'report' && s.month < '2026-03');
    expect(early.every((s) => s.kind === 'report' && s.amountWan === 0)).toBe(true);
  });

  it('starts a listed project still in 前期手续 between March and June, every approval the month before, reporting from its start', () => {
    const start = event('L', 'START')!;
    const date = (start.event as { date: string }).date;
    expect(date >= '2026-03-05' && date <= '2026-06-24').toBe(true);
    const approvals = of('L').find((s) => s.kind === 'approvals') as Extract<DemoStep, { kind: 'approvals' }>;
    expect(Object.keys(approvals.approvals).sort()).toEqual(['construction', 'energy', 'environment', 'land', 'planning']);
    expect(Object.values(approvals.approvals).every((d) => d! < date)).toBe(true);
    expect(months('L')[0]).toBe(Number(date.slice(5, 7)));
  });

  it('files each month on the 5th of the next (December in January), after the events of the month', () => {
    for (const step of year.steps.filter((s): s is Extract<DemoStep, { kind: 'report' }> => s.kind === 'report')) {
      const m = Number(step.month.slice(5));
      expect(step.at.slice(0, 10)).toBe(m === 12 ? '2027-01-05' : `2026-${String(m + 1).padStart(2, '0')}-05`);
    }
    expect(year.steps.map((s) => s.at)).toEqual([...year.steps.map((s) => s.at)].sort());
  });

  it("works on the plan in December (created, rolled over) and publishes it on 26 February", () => {
    expect(planTimes(2026)).toEqual({ created: '2025-12-20T02:00:00.000Z', rolledOver: '2025-12-27T02:00:00.000Z', published: '2026-02-26T02:00:00.000Z' });
  });

  it('fills the preparation list to 30 from the reserve on 22 December, giving a planned start in the year (completion two years on) where there is none', () => {
    const reserve = Array.from({ length: 30 }, (_, i) => ({ code: `R${String(i).padStart(2, '0')}`, plannedStartDate: i % 2 ? null : '2027-05-01' }));
    const moved = fromReserve(2026, reserve, 26);
    expect(moved.codes).toHaveLength(4);
    const promoted = moved.steps.filter((s) => s.kind === 'event').map((s) => s.code);
    expect(promoted.sort()).toEqual([...moved.codes].sort());
    for (const code of moved.codes.filter((c) => Number(c.slice(1)) % 2))
      expect(moved.steps.find((s) => s.kind === 'plannedStart' && s.code === code)).toMatchObject({ at: '2025-12-22T02:00:00.000Z', date: expect.stringMatching(/^2026-/), completion: expect.stringMatching(/^2028-/) });
    expect(moved.steps.every((s) => s.at.startsWith('2025-12-22'))).toBe(true);
    expect(fromReserve(2026, reserve, 30).codes).toEqual([]);
  });

  it('brings six new projects into the library each year from 2026 (one ≥ 50亿), named 示例', () => {
    for (const y of [2026, 2027, 2031]) {
      const added = newProjectsOf(y);
      expect(added).toHaveLength(6);
      expect(added.every((p) => p.name.endsWith('（示例）') && p.code.startsWith(`LC${y}-CB-`))).toBe(true);
      expect(added.filter((p) => p.totalInvestmentWan >= 500_000)).toHaveLength(1);
      expect(added.every((p) => p.events[0].at.startsWith(String(y)))).toBe(true);
    }
    expect(newProjectsOf(2025)).toHaveLength(5);
  });
});
