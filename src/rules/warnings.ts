import { formatYi, formatYiShort } from '../common/index.js';
import type { BigProjectsBlock } from './big-projects.js';
import type { PlaceCountCheck } from './place-counts.js';

/**
 * Inconsistencies the city office should see rather than have hidden
 * (docs/domain/figures.md "Warnings"): the chain targets do not add up to the city's (2024:
 * 159.45亿 against 165亿), the lists are not the planned size, the key projects are not the
 * planned number, a place or flagship chain has not planned (谋划) a big project, a place or
 * chain has not attracted (引进) one, the city has planned fewer big projects than its target, a
 * place has fewer projects in 实施 than its count range asks (more than the range is no warning).
 */
export interface Warning {
  code: string;
  message: string;
  /** The place or chain a warning names, when it names one (the war room lists them on one line per code). */
  subject?: string;
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
  /** Designated key projects on the lists now. */
  keyProjects: number;
  bigProjects: BigProjectsBlock;
  placeCounts: PlaceCountCheck[];
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
    warnings.push({ code: 'keyProjectCount', message: `已指定市级重点项目 ${f.keyProjects} 个，计划为 ${f.keyProjectCount} 个` });
  const big = `${formatYiShort(f.bigProjects.threshold)}亿元以上`;
  // 谋划 (§四(四)): every county and the four flagship chains plan one, any origin.
  for (const region of f.bigProjects.regions.filter((r) => r.required && !r.ok))
    warnings.push({ code: 'regionWithoutBigProject', subject: region.name, message: `${region.name}本年尚无新谋划的${big}大项目（每个县（市、区）至少谋划1个）` });
  for (const chain of f.bigProjects.chains.filter((c) => c.flagship && !c.ok))
    warnings.push({ code: 'flagshipChainWithoutBigProject', subject: chain.name, message: `标志性产业链“${chain.name}”本年尚无新谋划的${big}大项目（4条标志性产业链各至少谋划1个）` });
  if (f.bigProjects.count < f.bigProjects.target)
    warnings.push({ code: 'bigProjectsBelowTarget', message: `全市本年新谋划${big}大项目 ${f.bigProjects.count} 个，目标 ${f.bigProjects.target} 个以上` });
  // 引进 (§一(二)): every county and every chain attracts one from outside (招商引进).
  for (const region of f.bigProjects.regions.filter((r) => r.required && !r.attracted.ok))
    warnings.push({ code: 'regionWithoutAttractedBigProject', subject: region.name, message: `${region.name}本年尚无新引进的${big}招商项目（每个县市区至少引进1个）` });
  for (const chain of f.bigProjects.chains.filter((c) => c.required && !c.attracted.ok))
    warnings.push({
      code: 'chainWithoutAttractedBigProject',
      subject: chain.name,
      message: `${chain.flagship ? '标志性产业链' : '产业链'}“${chain.name}”本年尚无新引进的${big}招商项目（每条产业链至少引进1个）`,
    });
  for (const place of f.placeCounts) {
    for (const [key, label] of [['overKey', '10亿元以上'], ['overBig', '50亿元以上']] as const) {
      const check = place[key];
      if (check.ok) continue;
      const range = check.max !== null ? `${check.min}–${check.max} 个` : `至少 ${check.min} 个`;
      warnings.push({ code: 'placeCountBelowRange', message: `${place.name}实施${label}项目 ${check.count} 个，少于计划（${range}）` });
    }
  }
  return warnings;
}
