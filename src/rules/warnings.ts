import { formatYi } from '../common/money.js';
import type { BigProjectsBlock } from './big-projects.js';

/**
 * Inconsistencies the city office should see rather than have hidden
 * (docs/domain/figures.md "Warnings"): the chain targets do not add up to the city's (2024:
 * 159.45亿 against 165亿), the lists are not the planned size, the key projects are not the
 * planned number, a place or flagship chain still lacks a big project, the city has fewer
 * big projects than planned.
 */
export interface Warning {
  code: string;
  message: string;
}

export interface WarningFacts {
  /** The year's plan. */
  implementationInvestmentWan: number;
  implementationListSize: number;
  preparationListSize: number;
  keyProjectCount: number;
  /** Σ of the chains' appendix targets. */
  chainInvestmentWan: number;
  chainProjects: number;
  /** On the lists now. */
  implementationListed: number;
  preparationListed: number;
  keyProjects: number;
  bigProjects: BigProjectsBlock;
}

export function boardWarnings(f: WarningFacts): Warning[] {
  const warnings: Warning[] = [];
  if (f.chainInvestmentWan !== f.implementationInvestmentWan)
    warnings.push({
      code: f.chainInvestmentWan < f.implementationInvestmentWan ? 'chainTargetsBelowCityTarget' : 'chainTargetsAboveCityTarget',
      message: `12条产业链投资目标合计 ${formatYi(f.chainInvestmentWan)} 亿元，与全市实施类目标 ${formatYi(f.implementationInvestmentWan)} 亿元相差 ${formatYi(Math.abs(f.implementationInvestmentWan - f.chainInvestmentWan))} 亿元`,
    });
  if (f.chainProjects !== f.implementationListSize)
    warnings.push({ code: 'chainProjectCountMismatch', message: `产业链项目数目标合计 ${f.chainProjects} 个，与实施类清单目标 ${f.implementationListSize} 个不一致` });
  if (f.implementationListed !== f.implementationListSize)
    warnings.push({ code: 'implementationListCount', message: `实施类清单现有 ${f.implementationListed} 个项目，目标为 ${f.implementationListSize} 个` });
  if (f.preparationListed !== f.preparationListSize)
    warnings.push({ code: 'preparationListCount', message: `准备类清单现有 ${f.preparationListed} 个项目，目标为 ${f.preparationListSize} 个` });
  if (f.keyProjects !== f.keyProjectCount)
    warnings.push({ code: 'keyProjectCount', message: `清单内10亿元以上重点项目 ${f.keyProjects} 个，计划为 ${f.keyProjectCount} 个` });
  for (const region of f.bigProjects.regions.filter((r) => r.required && r.count === 0))
    warnings.push({ code: 'regionWithoutBigProject', message: `${region.name}尚无50亿元以上大项目（每个县市区至少谋划1个）` });
  for (const chain of f.bigProjects.flagshipChains.filter((c) => c.count === 0))
    warnings.push({ code: 'flagshipChainWithoutBigProject', message: `标志性产业链“${chain.name}”尚无50亿元以上大项目` });
  if (f.bigProjects.count < f.bigProjects.target)
    warnings.push({ code: 'bigProjectsBelowTarget', message: `全市50亿元以上大项目 ${f.bigProjects.count} 个，目标 ${f.bigProjects.target} 个` });
  return warnings;
}
