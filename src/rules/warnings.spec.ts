import { describe, expect, it } from '@jest/globals';
import { bigProjectsBlock } from './big-projects.js';
import { boardWarnings, type WarningFacts } from './warnings.js';

const noBig = bigProjectsBlock([], 500_000, 0, [], []);
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

  it('names every place and flagship chain still lacking a big project, and the city short of its count', () => {
    const big = bigProjectsBlock(
      [{ projectId: 1, code: 'A', name: 'a', region: '371502', chain: 'chem', totalInvestment: 600_000, stage: 'reserve' }],
      500_000,
      10,
      [
        { code: '371502', name: '东昌府区', required: true },
        { code: '371525', name: '冠县', required: true },
        { code: '371571', name: '经济技术开发区', required: false },
      ],
      [
        { code: 'chem', name: '绿色化工', flagship: true },
        { code: 'health', name: '大健康', flagship: true },
      ],
    );
    expect(boardWarnings({ ...consistent, bigProjects: big })).toEqual([
      { code: 'regionWithoutBigProject', message: '冠县尚无50亿元以上大项目（每个县市区至少谋划1个）' },
      { code: 'flagshipChainWithoutBigProject', message: '标志性产业链“大健康”尚无50亿元以上大项目' },
      { code: 'bigProjectsBelowTarget', message: '全市50亿元以上大项目 1 个，目标 10 个' },
    ]);
  });
});
