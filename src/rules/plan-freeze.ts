import type { ErrorDetail } from '../common/index.js';

/**
 * A year's plan is a draft until published; publishing freezes the plan and that year's lists
 * (docs/domain/figures.md "Year plans"). After publication every change — to the plan, or to a
 * list entry (added, removed, planned investment, monthly curve, key designation) — needs a
 * reason and is kept as an adjustment the board counts. Before it, changes need none.
 */
/** A year plan is a draft until it is published (docs/domain/figures.md "Year plans"). */
export const PLAN_STATUSES = ['draft', 'published'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Why a change to a plan or list in this state cannot be made without more (empty when it can). */
export function frozenChangeFailures(status: PlanStatus, reason: string | null | undefined, year: number): ErrorDetail[] {
  if (status !== 'published' || (reason ?? '').trim() !== '') return [];
  return [{ field: 'reason', code: 'reasonRequired', message: `${year}年年度计划已发布，调整计划或清单必须填写原因` }];
}

export interface ListSizes {
  implementationListSize: number;
  preparationListSize: number;
}

/**
 * What blocks publishing: every list whose size differs from the plan's, named with both
 * figures. Other inconsistencies (chain targets not adding up to the city's, the key-project
 * count) stay warnings on the board: the 2024 plan itself was issued with them.
 */
export function publishFailures(plan: ListSizes, listed: { implementation: number; preparation: number }): ErrorDetail[] {
  const failures: ErrorDetail[] = [];
  if (listed.implementation !== plan.implementationListSize)
    failures.push({
      field: 'implementationListSize',
      code: 'implementationListSizeDiffers',
      message: `实施类清单现有 ${listed.implementation} 个项目，计划为 ${plan.implementationListSize} 个`,
    });
  if (listed.preparation !== plan.preparationListSize)
    failures.push({
      field: 'preparationListSize',
      code: 'preparationListSizeDiffers',
      message: `准备类清单现有 ${listed.preparation} 个项目，计划为 ${plan.preparationListSize} 个`,
    });
  return failures;
}

/** A project may be designated a key project (市级重点) only at or above the year's key threshold. */
export function keyDesignationFailures(totalInvestmentWan: number | null, keyThresholdWan: number): ErrorDetail[] {
  if (totalInvestmentWan !== null && totalInvestmentWan >= keyThresholdWan) return [];
  return [
    {
      field: 'keyProject',
      code: 'belowKeyThreshold',
      message: `总投资 ${totalInvestmentWan ?? '未填'} 万元，低于重点项目门槛 ${keyThresholdWan} 万元，不能列为重点项目`,
    },
  ];
}
