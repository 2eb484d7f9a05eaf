import { describe, expect, it } from '@jest/globals';
import { demoRequestsOf } from './demo-requests-years.js';
import { DEMO_REQUESTS_2024, DEMO_REQUESTS_2025, type DemoRequest } from './demo-requests.js';

/*
 * The demo's 要素保障 requests open and close at believable speeds (seeds/demo-requests-years.ts and the
 * hand-written 2024 and 2025 ones): checked on the data by plain date arithmetic.
 */
const DAY = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
const codes = Array.from({ length: 40 }, (_, i) => `P${String(i).padStart(3, '0')}`);
const generated = [2025, 2026, 2027, 2030].flatMap((year) => demoRequestsOf(year, codes).map((r) => ({ year, r })));
const final = (r: DemoRequest) => {
  const last = r.steps.at(-1);
  return last?.type === 'RETURN' || (last?.type === 'EVALUATE' && last.rating !== 'dissatisfied');
};

describe('the demo’s 要素保障 requests (illustrative)', () => {
  it('raises twelve a year, one a month, on the year’s listed projects', () => {
    for (const year of [2025, 2026, 2027, 2030]) {
      const mine = generated.filter((g) => g.year === year).map((g) => g.r);
      expect(mine).toHaveLength(12);
      expect(mine.map((r) => r.raisedOn.slice(0, 7))).toEqual(Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`));
      expect(mine.every((r) => codes.includes(r.project))).toBe(true);
    }
    expect(demoRequestsOf(2026, [])).toEqual([]);
  });

  it('answers every request: accepted or returned within two days, done within four months of being raised', () => {
    for (const r of [...generated.map((g) => g.r), ...DEMO_REQUESTS_2025]) {
      expect([r.project, r.raisedOn, final(r)]).toEqual([r.project, r.raisedOn, true]);
      expect(days(r.raisedOn, r.steps[0].on)).toBeLessThanOrEqual(2);
      expect(days(r.raisedOn, r.steps.at(-1)!.on)).toBeLessThanOrEqual(120);
    }
    // 2024's were left open in early November on purpose (overdue, escalated, reopened); each is answered by February 2025.
    for (const r of DEMO_REQUESTS_2024) {
      expect([r.project, final(r)]).toEqual([r.project, true]);
      expect(r.steps.at(-1)!.on <= '2025-02-28').toBe(true);
    }
  });

  it('is never more than ten days past the date it waits on: the acceptance (two days) or the promise', () => {
    for (const r of generated.map((g) => g.r)) {
      let promised: string | null = null;
      for (const step of r.steps) {
        if (step.type === 'ACCEPT') promised = step.promisedDate;
        else if (promised && (step.type === 'RESOLVE' || step.type === 'RETURN' || step.type === 'ESCALATE')) expect(days(promised, step.on)).toBeLessThanOrEqual(10);
      }
    }
  });

  it('shows the loop’s turns over the years: returned, reopened after 不满意, taken to the 常务会 and answered', () => {
    const all = generated.map((g) => g.r);
    expect(all.some((r) => r.steps.some((s) => s.type === 'RETURN'))).toBe(true);
    expect(all.some((r) => r.steps.some((s) => s.type === 'EVALUATE' && s.rating === 'dissatisfied'))).toBe(true);
    expect(all.filter((r) => r.steps.some((s) => s.type === 'ESCALATE')).every((r) => r.steps.at(-1)!.type === 'EVALUATE')).toBe(true);
  });
});
