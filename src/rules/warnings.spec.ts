import { describe, expect, it } from '@jest/globals';
import { bigProjectsBlock } from './big-projects.js';
import { boardWarnings, type WarningFacts } from './warnings.js';

const noBig = bigProjectsBlock([], { thresholdWan: 500_000, cityTarget: 0, yearStart: '2024-01-01' }, [], []);
const consistent: WarningFacts = {
  implementationInvestmentWan: 1_650_000,
  implementationListSize: 100,
  preparationListSize: 30,
  keyProjectCount: 22,
  chainInvestmentWan: 1_650_000,
  chainProjects: 100,
  implementationListed: 100,
  preparationListed: 30,
  keyProjects: 22,
  bigProjects: noBig,
  placeCounts: [],
};

describe('board warnings (rules/warnings.ts)', () => {
  it('a consistent plan and lists warn of nothing', () => {
    expect(boardWarnings(consistent)).toEqual([]);
  });

  it('2024: the chain targets sum to 159.45亿, 5.55亿 below the city’s 165亿', () => {
    const warnings = boardWarnings({ ...consistent, chainInvestmentWan: 1_594_500 });
    expect(warnings).toEqual([
      { code: 'chainTargetsBelowCityTarget', message: '12条产业链投资目标合计 159.45 亿元，与全市实施类目标 165.00 亿元相差 5.55 亿元' },
    ]);
  });

  it('chain targets above the city’s, list sizes, key-project count', () => {
    const codes = boardWarnings({ ...consistent, chainInvestmentWan: 1_700_000, chainProjects: 99, implementationListed: 98, preparationListed: 31, keyProjects: 21 }).map((w) => w.code);
    expect(codes).toEqual(['chainTargetsAboveCityTarget', 'chainProjectCountMismatch', 'implementationListCount', 'preparationListCount', 'keyProjectCount']);
  });

  it('谋划 and 引进 each warn on their own: places and flagship chains without a newly planned one, places and chains without an attracted one, the city short of its count', () => {
    const big = bigProjectsBlock(
      [
        { projectId: 1, code: 'A', name: 'a', region: '371502', chain: 'chem', totalInvestment: 600_000, stage: 'reserve', origin: 'attracted', plannedAt: '2024-03-01' },
        { projectId: 2, code: 'B', name: 'b', region: '371525', chain: 'health', totalInvestment: 500_000, stage: 'reserve', origin: 'expansion', plannedAt: '2024-04-01' },
      ],
      { thresholdWan: 500_000, cityTarget: 10, yearStart: '2024-01-01' },
      [
        { code: '371502', name: '东昌府区', required: true },
        { code: '371525', name: '冠县', required: true },
        { code: '371526', name: '高唐县', required: true },
        { code: '371571', name: '经济技术开发区', required: false },
      ],
      [
        { code: 'chem', name: '绿色化工', flagship: true, required: true },
        { code: 'health', name: '大健康', flagship: true, required: true },
        { code: 'new-energy', name: '新能源', flagship: true, required: true },
        { code: 'ferrous', name: '黑色金属', flagship: false, required: true },
        { code: 'bearings', name: '高端轴承', flagship: false, required: false },
      ],
    );
    expect(boardWarnings({ ...consistent, bigProjects: big })).toEqual([
      { code: 'regionWithoutBigProject', subject: '高唐县', message: '高唐县本年尚无新谋划的50亿元以上大项目（每个县（市、区）至少谋划1个）' },
      { code: 'flagshipChainWithoutBigProject', subject: '新能源', message: '标志性产业链“新能源”本年尚无新谋划的50亿元以上大项目（4条标志性产业链各至少谋划1个）' },
      { code: 'bigProjectsBelowTarget', message: '全市本年新谋划50亿元以上大项目 2 个，目标 10 个以上' },
      // 冠县 planned one (an expansion of a local enterprise): 谋划 met, 引进 not.
      { code: 'regionWithoutAttractedBigProject', subject: '冠县', message: '冠县本年尚无新引进的50亿元以上招商项目（每个县市区至少引进1个）' },
      { code: 'regionWithoutAttractedBigProject', subject: '高唐县', message: '高唐县本年尚无新引进的50亿元以上招商项目（每个县市区至少引进1个）' },
      { code: 'chainWithoutAttractedBigProject', subject: '大健康', message: '标志性产业链“大健康”本年尚无新引进的50亿元以上招商项目（每条产业链至少引进1个）' },
      { code: 'chainWithoutAttractedBigProject', subject: '新能源', message: '标志性产业链“新能源”本年尚无新引进的50亿元以上招商项目（每条产业链至少引进1个）' },
      { code: 'chainWithoutAttractedBigProject', subject: '黑色金属', message: '产业链“黑色金属”本年尚无新引进的50亿元以上招商项目（每条产业链至少引进1个）' },
    ]);
  });

  it('a place below its count range warns; above the range does not', () => {
    const warnings = boardWarnings({
      ...consistent,
      keyProjects: 20,
      placeCounts: [
        { code: '371502', name: '东昌府区', overKey: { count: 3, min: 5, max: 10, ok: false, above: false }, overBig: { count: 3, min: 1, max: 2, ok: true, above: true } },
        { code: '371503', name: '茌平区', overKey: { count: 6, min: 5, max: 10, ok: true, above: false }, overBig: { count: 0, min: 1, max: null, ok: false, above: false } },
        { code: '371525', name: '冠县', overKey: { count: 12, min: 5, max: 10, ok: true, above: true }, overBig: { count: 1, min: 1, max: 2, ok: true, above: false } },
      ],
    });
    expect(warnings).toEqual([
      { code: 'keyProjectCount', message: '已指定市级重点项目 20 个，计划为 22 个' },
      { code: 'placeCountBelowRange', message: '东昌府区实施10亿元以上项目 3 个，少于计划（5–10 个）' },
      { code: 'placeCountBelowRange', message: '茌平区实施50亿元以上项目 0 个，少于计划（至少 1 个）' },
    ]);
  });
});
