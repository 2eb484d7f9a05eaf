import { describe, expect, it } from '@jest/globals';
import { DEMO_PROJECTS } from './demo-2024.js';
import { DEMO_2024_Q4 } from './demo-2024-q4.js';
import type { DemoStep } from './demo-steps.js';
import type { DemoProject } from './demo-types.js';
import { PLAN_2024 } from './reference-data.js';

/*
 * November and December 2024 in the demo (seeds/demo-2024-q4.ts), checked against the 2024 set by
 * plain arithmetic: who reports, who starts, and how the year ends.
 */
const APPROVALS = ['filing', 'land', 'planning', 'environment', 'energy', 'construction'] as const;
const listed = (p: DemoProject, category: 'implementation' | 'preparation') => p.lists.some((l) => l.year === 2024 && l.category === category);
const has = (p: DemoProject, type: string) => p.events.some((e) => e.type === type);
const reports = DEMO_2024_Q4.filter((s): s is Extract<DemoStep, { kind: 'report' }> => s.kind === 'report');
const starts = DEMO_2024_Q4.filter((s): s is Extract<DemoStep, { kind: 'event' }> => s.kind === 'event');
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the demo from 21 November to the end of 2024 (illustrative)', () => {
  it('records nothing before 21 November 2024, and every step in time order', () => {
    expect(DEMO_2024_Q4.filter((s) => s.at < '2024-11-21')).toEqual([]);
    expect(DEMO_2024_Q4.map((s) => s.at)).toEqual([...DEMO_2024_Q4.map((s) => s.at)].sort());
  });

  it('has every project under construction at the end of October report November and December, once each, in the first days of the next month', () => {
    const building = DEMO_PROJECTS.filter((p) => p.lists.length && has(p, 'START') && !has(p, 'COMPLETE'));
    expect(building.length).toBeGreaterThan(100);
    for (const p of building) {
      const mine = reports.filter((r) => r.code === p.code);
      expect([p.code, mine.map((r) => r.month)]).toEqual([p.code, ['2024-11', '2024-12']]);
      expect(mine[0].at.slice(0, 10) >= '2024-12-01' && mine[0].at.slice(0, 10) <= '2024-12-06').toBe(true);
      expect(mine[1].at.slice(0, 10) >= '2025-01-01' && mine[1].at.slice(0, 10) <= '2025-01-06').toBe(true);
    }
    // Completed projects and projects not started report nothing more (but the four starting in Q4).
    const starters = new Set(starts.map((s) => s.code));
    const others = new Set(reports.map((r) => r.code).filter((code) => !building.some((p) => p.code === code) && !starters.has(code)));
    expect([...others]).toEqual([]);
  });

  it('keeps a halted project at zero, and every other cumulative total within its total investment (the anomaly aside)', () => {
    const halted = DEMO_PROJECTS.filter((p) => has(p, 'HALT') && !has(p, 'RESUME'));
    expect(halted).toHaveLength(1);
    expect(reports.filter((r) => r.code === halted[0].code).map((r) => [r.amountWan, r.progress])).toEqual([
      [0, '停工整改'],
      [0, '停工整改'],
    ]);
    for (const p of DEMO_PROJECTS) {
      const before = sum(p.reports.map((r) => r.amountWan));
      if (before > p.totalInvestmentWan) continue; // the auditors' anomaly: already above its total
      const after = before + sum(reports.filter((r) => r.code === p.code).map((r) => r.amountWan));
      expect([p.code, after <= p.totalInvestmentWan]).toEqual([p.code, true]);
    }
  });

  it('starts four of the six preparation-list projects planned for November or December, each with every approval by its start', () => {
    const planned = DEMO_PROJECTS.filter((p) => listed(p, 'preparation') && !has(p, 'START') && p.plannedStartDate >= '2024-11-01');
    expect(planned).toHaveLength(6);
    expect(starts).toHaveLength(4);
    for (const start of starts) {
      const p = DEMO_PROJECTS.find((q) => q.code === start.code)!;
      expect(planned).toContain(p);
      const date = (start.event as { date: string }).date;
      expect(date >= '2024-11-21' && date <= '2024-12-31').toBe(true);
      const later = DEMO_2024_Q4.find((s) => s.kind === 'approvals' && s.code === p.code) as Extract<DemoStep, { kind: 'approvals' }> | undefined;
      for (const key of APPROVALS) {
        const approved = p.approvals[key] ?? later?.approvals[key];
        expect([p.code, key, approved !== undefined && approved !== null && approved <= date]).toEqual([p.code, key, true]);
      }
      expect(reports.filter((r) => r.code === p.code).every((r) => r.month >= date.slice(0, 7))).toBe(true);
    }
    // The start rate at the end of the year: 20 started by October, 4 more, of 30 listed = 80%, the plan's target.
    const startedBy = DEMO_PROJECTS.filter((p) => listed(p, 'preparation') && has(p, 'START')).length + starts.length;
    expect(startedBy / PLAN_2024.city.preparationListSize).toBe(PLAN_2024.city.startRateTargetPct / 100);
  });

  it('leaves 齐鲁漆业 and 信发泓蒙 in their 前期手续 through 2024', () => {
    const named = DEMO_PROJECTS.filter((p) => /^(齐鲁漆业|信发泓蒙)/.test(p.name)).map((p) => p.code);
    expect(named).toHaveLength(2);
    expect(DEMO_2024_Q4.filter((s) => named.includes(s.code))).toEqual([]);
  });

  it('ends 2024 with the implementation list at 90–100% of 165亿', () => {
    const implementation = DEMO_PROJECTS.filter((p) => listed(p, 'implementation'));
    const codes = new Set(implementation.map((p) => p.code));
    const year = sum(implementation.flatMap((p) => p.reports.map((r) => r.amountWan))) + sum(reports.filter((r) => codes.has(r.code)).map((r) => r.amountWan));
    expect(year / PLAN_2024.city.implementationInvestmentWan).toBeGreaterThanOrEqual(0.9);
    expect(year / PLAN_2024.city.implementationInvestmentWan).toBeLessThan(1);
  });
});
