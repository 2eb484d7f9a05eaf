import { describe, expect, it } from '@jest/globals';
import { frozenChangeFailures, keyDesignationFailures, publishFailures } from './plan-freeze.js';

describe('year plans: freeze, publication, key designation (rules/plan-freeze.ts)', () => {
  it('a draft changes without a reason', () => {
    expect(frozenChangeFailures('draft', undefined, 2025)).toEqual([]);
  });

  it('a published plan needs a reason, and blank text is no reason', () => {
    expect(frozenChangeFailures('published', undefined, 2025).map((f) => f.code)).toEqual(['reasonRequired']);
    expect(frozenChangeFailures('published', '   ', 2025).map((f) => f.code)).toEqual(['reasonRequired']);
    expect(frozenChangeFailures('published', '市政府常务会研究调整', 2025)).toEqual([]);
  });

  it('publishing names every list whose size differs from the plan', () => {
    const plan = { implementationListSize: 100, preparationListSize: 30 };
    expect(publishFailures(plan, { implementation: 100, preparation: 30 })).toEqual([]);
    expect(publishFailures(plan, { implementation: 98, preparation: 31 })).toEqual([
      { field: 'implementationListSize', code: 'implementationListSizeDiffers', message: '实施类清单现有 98 个项目，计划为 100 个' },
      { field: 'preparationListSize', code: 'preparationListSizeDiffers', message: '准备类清单现有 31 个项目，计划为 30 个' },
    ]);
  });

  it('a key project is at least the key threshold: exactly 10亿 qualifies, one 万元 less does not', () => {
    expect(keyDesignationFailures(100_000, 100_000)).toEqual([]);
    expect(keyDesignationFailures(99_999, 100_000).map((f) => f.code)).toEqual(['belowKeyThreshold']);
    expect(keyDesignationFailures(null, 100_000).map((f) => f.code)).toEqual(['belowKeyThreshold']);
  });
});
