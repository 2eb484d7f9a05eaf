import { describe, expect, it } from '@jest/globals';
import { DEMO_CHAIN_NOTES, DEMO_INDICATORS, DEMO_LEADS, type DemoLead } from './demo-2024-attraction.js';

/*
 * The shape the illustrative 招商 demo promises in its header, checked against the data itself.
 * Targets copied by hand from docs/domain/plan-2024.md (亿元).
 */
const SIGNED_TARGET_YI: Record<string, number> = {
  ferrous: 60, equipment: 100, nonferrous: 100, 'auto-parts': 50, 'new-energy': 100, 'new-it': 50,
  'light-textile': 55, 'building-materials': 50, health: 100, 'green-chemical': 100, bearings: 50, 'agri-food': 80,
};
const FUNDED_TARGET_YI = 300;
const YI = 10_000;
const standing = (lead: DemoLead) => (lead.terminate ? 'terminated' : lead.land ? 'landed' : lead.sign ? 'signed' : 'negotiating');
const ofChain = (chain: string) => DEMO_LEADS.filter((l) => l.chain === chain);
const counted = (lead: DemoLead) => lead.sign !== null && lead.terminate === null;

describe('the illustrative 招商 demo (seeds/demo-2024-attraction.ts)', () => {
  it('every chain has signed deals; some leads negotiate, some were terminated, some landed', () => {
    for (const chain of Object.keys(SIGNED_TARGET_YI)) expect(ofChain(chain).filter(counted).length).toBeGreaterThan(0);
    const statuses = new Set(DEMO_LEADS.map(standing));
    expect(statuses).toEqual(new Set(['negotiating', 'signed', 'landed', 'terminated']));
    expect(DEMO_LEADS.filter((l) => l.terminate && l.sign).length).toBeGreaterThan(0); // a signed deal cancelled
    expect(new Set(DEMO_LEADS.map((l) => l.key)).size).toBe(DEMO_LEADS.length);
    expect(new Set(DEMO_LEADS.map((l) => l.region)).size).toBeGreaterThanOrEqual(8);
  });

  it('黑色金属 has 7 deals over 1亿 of its 10; 大健康 has landed 7 of its 10', () => {
    expect(ofChain('ferrous').filter((l) => counted(l) && l.sign!.amountWan >= YI)).toHaveLength(7);
    expect(ofChain('health').filter((l) => l.land)).toHaveLength(7);
  });

  it('the city stands near its 序时 in October: 签约 90–100% of 750亿, 到位 80–100% of 250亿', () => {
    const signed = DEMO_LEADS.filter(counted).reduce((s, l) => s + l.sign!.amountWan, 0);
    const funded = DEMO_LEADS.flatMap((l) => l.funds).filter((f) => f.month <= '2024-10').reduce((s, f) => s + f.amountWan, 0);
    const signedExpected = (900 * YI * 10) / 12;
    const fundedExpected = (FUNDED_TARGET_YI * YI * 10) / 12;
    expect(signed / signedExpected).toBeGreaterThan(0.9);
    expect(signed / signedExpected).toBeLessThan(1);
    expect(funded / fundedExpected).toBeGreaterThan(0.8);
    expect(funded / fundedExpected).toBeLessThan(1);
    // chains above and below their own 序时
    const ratios = Object.entries(SIGNED_TARGET_YI).map(([chain, yi]) => ofChain(chain).filter(counted).reduce((s, l) => s + l.sign!.amountWan, 0) / ((yi * YI * 10) / 12));
    expect(ratios.some((r) => r >= 1)).toBe(true);
    expect(ratios.some((r) => r < 0.8)).toBe(true);
  });

  it('every step is possible when it is recorded: dates not after their day, in order, money in whole 万元', () => {
    for (const lead of DEMO_LEADS) {
      const day = (instant: string) => instant.slice(0, 10);
      if (lead.sign) {
        expect(lead.recordedAt < lead.sign.at).toBe(true);
        expect(lead.sign.date <= day(lead.sign.at)).toBe(true);
        expect(Number.isInteger(lead.sign.amountWan) && lead.sign.amountWan > 0).toBe(true);
      }
      if (lead.land) {
        expect(lead.sign).not.toBeNull();
        expect(lead.land.date >= lead.sign!.date && lead.land.date <= day(lead.land.at)).toBe(true);
        expect(lead.land.project.totalInvestment).toBeLessThan(50 * YI); // no new 50亿 project: the big-project board stays as it was
      }
      for (const fund of lead.funds) {
        expect(lead.sign).not.toBeNull();
        expect(fund.month >= lead.sign!.date.slice(0, 7) && fund.month < day(fund.at).slice(0, 7)).toBe(true);
        expect(Number.isInteger(fund.amountWan) && fund.amountWan >= 0).toBe(true);
        if (lead.terminate) expect(fund.at < lead.terminate.at).toBe(true);
      }
      if (lead.terminate) expect(lead.terminate.at > (lead.sign?.at ?? lead.recordedAt)).toBe(true);
      for (const instant of [lead.recordedAt, lead.sign?.at, lead.land?.at, lead.terminate?.at, ...lead.funds.map((f) => f.at)])
        if (instant) expect(instant < '2024-11-06T00:00:00.000Z').toBe(true);
    }
  });

  it('every chain files Q1–Q3, each after its quarter, and keeps a note', () => {
    for (const chain of Object.keys(SIGNED_TARGET_YI)) {
      const filings = DEMO_INDICATORS.filter((f) => f.chain === chain);
      expect(filings.map((f) => f.quarter)).toEqual([1, 2, 3]);
      for (const f of filings) expect(f.at.slice(0, 7) > `2024-${String(f.quarter * 3).padStart(2, '0')}`).toBe(true);
      expect(DEMO_CHAIN_NOTES.filter((n) => n.chain === chain)).toHaveLength(1);
    }
    for (const f of DEMO_INDICATORS)
      for (const value of [f.values.revenueGrowthPct, f.values.valueAddedGrowthPct, f.values.loanGrowthPct]) if (value !== null) expect(Math.abs(value * 10 - Math.round(value * 10))).toBeLessThan(1e-9);
  });
});
