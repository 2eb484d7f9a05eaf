import { describe, expect, it } from '@jest/globals';
import { reserveGaps, rolloverOf } from './rollover.js';

describe('rollover (rules/rollover.ts)', () => {
  const at = (category: 'implementation' | 'preparation', stage: string) => rolloverOf({ projectId: 1, category, stage });

  it('implementation-list projects not completed continue (续建), halted ones too', () => {
    expect(at('implementation', 'implementation.active')).toEqual({ kind: 'continuing', category: 'implementation' });
    expect(at('implementation', 'implementation.halted')).toEqual({ kind: 'continuing', category: 'implementation' });
    // Listed for implementation but never started: still carried, on the implementation list.
    expect(at('implementation', 'preparation')).toEqual({ kind: 'continuing', category: 'implementation' });
  });

  it('preparation-list projects: not started stay, started move to the implementation list', () => {
    expect(at('preparation', 'preparation')).toEqual({ kind: 'notStarted', category: 'preparation' });
    expect(at('preparation', 'reserve')).toEqual({ kind: 'notStarted', category: 'preparation' });
    expect(at('preparation', 'implementation.active')).toEqual({ kind: 'moved', category: 'implementation' });
  });

  it('completed and withdrawn projects leave the lists', () => {
    expect(at('implementation', 'completed')).toEqual({ kind: 'leaves', reason: 'completed' });
    expect(at('preparation', 'completed')).toEqual({ kind: 'leaves', reason: 'completed' });
    expect(at('preparation', 'withdrawn')).toEqual({ kind: 'leaves', reason: 'withdrawn' });
  });
});

describe('rollover from the reserve (rules/rollover.ts reserveGaps)', () => {
  // Hand-worked: a reserve project of Liaocheng with everything the 2025 preparation list needs.
  const ready = {
    regionCode: '371525',
    chainCode: 'new-energy',
    ownerEnterprise: '冠县示例新能源有限公司',
    totalInvestmentWan: 120_000,
    plannedStartDate: '2025-09-01',
    filing: '2024-10-12',
    land: '2024-11-30',
  };

  it('ready: promotion facts known, 立项 and 用地 obtained, start planned by the end of next year', () => {
    expect(reserveGaps(ready, 2025)).toEqual([]);
    expect(reserveGaps({ ...ready, plannedStartDate: '2025-12-31' }, 2025)).toEqual([]); // the year's last day
  });

  it('names every gap: filing, land, promotion facts, a start after next year', () => {
    expect(reserveGaps({ ...ready, land: null }, 2025)).toEqual(['land']);
    expect(reserveGaps({ ...ready, filing: null, land: null }, 2025)).toEqual(['filing', 'land']);
    expect(reserveGaps({ ...ready, plannedStartDate: '2026-01-01' }, 2025)).toEqual(['startsLater']);
    expect(reserveGaps({ ...ready, ownerEnterprise: '  ' }, 2025)).toEqual(['promotionFacts']);
    expect(reserveGaps({ ...ready, totalInvestmentWan: null, plannedStartDate: null }, 2025)).toEqual(['promotionFacts']);
  });
});
