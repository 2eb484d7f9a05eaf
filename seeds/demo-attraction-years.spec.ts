import { describe, expect, it } from '@jest/globals';
import { DEMO_LEADS, indicatorsOf, type DemoLead } from './demo-2024-attraction.js';
import { carriedFundsOf, leads2024Q4, leadsOfYear, notesOf } from './demo-attraction-years.js';
import { PLAN_2024 } from './reference-data.js';

/*
 * 招商 in the demo after early November 2024 (seeds/demo-attraction-years.ts), against the 2024 plan's
 * per-chain targets (which the illustrative years copy), by plain sums over the data.
 */
const counted = (l: DemoLead) => l.sign !== null && l.terminate === null;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const q4 = leads2024Q4();

describe('招商 after early November 2024 (illustrative)', () => {
  it('ends 2024 with each chain at 93–102% of its 签约 target and near its 到位 target', () => {
    for (const row of PLAN_2024.chains) {
      const leads = [...DEMO_LEADS, ...q4.leads].filter((l) => l.chain === row.chain);
      const signed = sum(leads.filter(counted).map((l) => l.sign!.amountWan));
      expect([row.chain, signed >= row.signedWan! * 0.93 && signed <= row.signedWan! * 1.02]).toEqual([row.chain, true]);
      const byOctober = sum(leads.flatMap((l) => l.funds.map((f) => f.amountWan)));
      const more = sum(q4.funds.filter((f) => leads.some((l) => l.key === f.lead)).map((f) => f.amountWan));
      // A chain already past its target in October (大健康) receives no more; the others end at 89–100%.
      if (byOctober >= row.fundedWan!) expect([row.chain, more]).toEqual([row.chain, 0]);
      else expect([row.chain, byOctober + more >= row.fundedWan! * 0.89 && byOctober + more <= row.fundedWan!]).toEqual([row.chain, true]);
    }
    // Nothing before 21 November 2024, when the tests look at the 2024 set.
    expect(q4.leads.flatMap((l) => [l.recordedAt, l.sign!.at]).filter((at) => at < '2024-11-21')).toEqual([]);
    expect(q4.funds.filter((f) => f.at < '2024-11-21')).toEqual([]);
  });

  it('signs 90–110% of each chain’s target in each later year, over four to seven deals through the year', () => {
    for (const year of [2025, 2026, 2029]) {
      const leads = leadsOfYear(year);
      for (const row of PLAN_2024.chains) {
        const deals = leads.filter((l) => l.chain === row.chain && counted(l));
        expect(deals.length >= 4 && deals.length <= 7).toBe(true);
        const signed = sum(deals.map((l) => l.sign!.amountWan));
        expect([year, row.chain, signed >= row.signedWan! * 0.9 - 100 && signed <= row.signedWan! * 1.1 + 100]).toEqual([year, row.chain, true]);
        expect(deals.every((l) => l.sign!.date.startsWith(String(year)) && l.recordedAt <= l.sign!.at)).toBe(true);
      }
      expect(new Set(leads.map((l) => l.key)).size).toBe(leads.length);
      expect(new Set(leads.filter(counted).map((l) => l.sign!.agreementNo)).size).toBe(leads.filter(counted).length);
      expect(leads.some((l) => l.land) && leads.some((l) => !l.sign)).toBe(true);
    }
  });

  it('receives 80–115% of each chain’s 到位 target a year: on last year’s deals and on the year’s own, never before a deal is signed', () => {
    for (const year of [2025, 2026, 2029]) {
      const own = leadsOfYear(year);
      const before = year === 2025 ? [...DEMO_LEADS, ...q4.leads] : leadsOfYear(year - 1);
      const carried = carriedFundsOf(year);
      for (const row of PLAN_2024.chains) {
        const funds = sum(own.filter((l) => l.chain === row.chain).flatMap((l) => l.funds.map((f) => f.amountWan))) + sum(carried.filter((f) => before.some((l) => l.key === f.lead && l.chain === row.chain)).map((f) => f.amountWan));
        expect([year, row.chain, funds >= row.fundedWan! * 0.8 && funds <= row.fundedWan! * 1.15]).toEqual([year, row.chain, true]);
      }
      for (const lead of own) for (const f of lead.funds) expect(f.month > lead.sign!.date.slice(0, 7)).toBe(true);
      for (const f of carried) expect(before.find((l) => l.key === f.lead)).toMatchObject({ terminate: null });
      expect(carried.every((f) => f.month.startsWith(String(year)))).toBe(true);
    }
  });

  it('files each year’s four quarterly indicators in the month after the quarter, and the notes in November', () => {
    const filings = indicatorsOf(2026, [1, 2, 3, 4]);
    expect(filings).toHaveLength(48);
    expect([...new Set(filings.map((f) => f.at.slice(0, 7)))].sort()).toEqual(['2026-04', '2026-07', '2026-10', '2027-01']);
    expect(notesOf(2026).every((n) => n.at.startsWith('2026-11') && n.note.includes('示例'))).toBe(true);
  });
});
