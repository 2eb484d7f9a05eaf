import { describe, expect, it } from '@jest/globals';
import { attractionWarnings } from './attraction-warnings.js';

/** The 2024 appendix, 亿元 per chain (docs/domain/plan-2024.md), copied here by hand. */
const SIGNED_YI = [60, 100, 100, 50, 100, 50, 55, 50, 100, 100, 50, 80];
const FUNDED_YI = [20, 45, 30, 15, 50, 12, 15, 12, 20, 32, 20, 30];
const wan = (yi: number) => yi * 10_000;

describe('attraction target warnings (rules/attraction-warnings.ts)', () => {
  it('2024: the chains sign for 895亿, 5亿 below the city’s 900亿; their 到位 is 301亿, 1亿 above 300亿', () => {
    const warnings = attractionWarnings({
      citySignedWan: wan(900),
      cityFundedWan: wan(300),
      chainSignedWan: wan(SIGNED_YI.reduce((a, b) => a + b, 0)),
      chainFundedWan: wan(FUNDED_YI.reduce((a, b) => a + b, 0)),
      chains: SIGNED_YI.length,
    });
    expect(warnings).toEqual([
      { code: 'chainSignedTargetsBelowCityTarget', message: '12条产业链招商引资签约目标合计 895 亿元，较全市目标 900 亿元少 5 亿元' },
      { code: 'chainFundedTargetsAboveCityTarget', message: '12条产业链招商引资到位资金目标合计 301 亿元，较全市目标 300 亿元多 1 亿元' },
    ]);
  });

  it('a plan whose chains add up warns of nothing', () => {
    expect(attractionWarnings({ citySignedWan: 900_000, cityFundedWan: 300_000, chainSignedWan: 900_000, chainFundedWan: 300_000, chains: 12 })).toEqual([]);
  });

  it('the other directions, with amounts that are not whole 亿', () => {
    const warnings = attractionWarnings({ citySignedWan: 100_000, cityFundedWan: 50_000, chainSignedWan: 112_500, chainFundedWan: 49_900, chains: 3 });
    expect(warnings).toEqual([
      { code: 'chainSignedTargetsAboveCityTarget', message: '3条产业链招商引资签约目标合计 11.25 亿元，较全市目标 10 亿元多 1.25 亿元' },
      { code: 'chainFundedTargetsBelowCityTarget', message: '3条产业链招商引资到位资金目标合计 4.99 亿元，较全市目标 5 亿元少 0.01 亿元' },
    ]);
  });
});
