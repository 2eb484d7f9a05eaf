/**
 * The words of a year plan (年度计划): its lists, status, city, chain and place fields, and the rollover's kinds.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */

/** The two yearly lists (年度清单). */
export const LIST_LABELS: Record<'implementation' | 'preparation', string> = {
  implementation: '实施类',
  preparation: '准备类',
};

/** A year plan's state (年度计划). */
export const PLAN_STATUS_LABELS: Record<'draft' | 'published', string> = { draft: '草案', published: '已发布' };

/** The city targets of a year plan, in the order the plan page shows them (money in 万元). */
export const PLAN_FIELD_LABELS = {
  implementationListSize: '实施类清单项目数（个）',
  implementationInvestmentWan: '实施类年度完成投资目标（万元）',
  preparationListSize: '准备类清单项目数（个）',
  startRateTargetPct: '准备类年底开工率目标（%）',
  bigProjectThresholdWan: '大项目门槛（万元）',
  bigProjectCityTarget: '全市新谋划大项目目标（个）',
  keyProjectThresholdWan: '重点项目门槛（万元）',
  keyProjectCount: '市级重点项目数（个）',
  keyProjectInvestmentWan: '重点项目年度完成投资目标（万元）',
  attractionSignedWan: '招商引资签约目标（万元）',
  attractionFundedWan: '招商引资到位资金目标（万元）',
  ratingBluePct: '蓝：完成序时 ≥（%）',
  ratingYellowPct: '黄：完成序时 ≥（%）',
  // Shown as the restriction it is (ticked = not allowed): 容缺受理 is allowed unless a plan restricts it.
  conditionalApprovalsAllowed: '限制容缺受理开工',
} as const;

/** A chain's columns of a year plan (the appendix's 通用指标). */
export const CHAIN_PLAN_LABELS = {
  projects: '项目（个）',
  investmentWan: '完成投资（万元）',
  signedWan: '签约（万元）',
  fundedWan: '到位（万元）',
  signedOver100mTarget: '签约过亿元（个）',
  landedTarget: '签约落地（个）',
  attractedOverTarget: '招引大项目（个）',
  attractedOverThresholdWan: '招引项目规模下限（万元）',
  bigProjectRequired: '须引进大项目',
} as const;

/** A place's rules in a year plan. */
export const PLACE_RULE_LABELS = {
  bigProjectRequired: '须谋划、引进大项目',
  overKeyMin: '10亿元以上 下限',
  overKeyMax: '10亿元以上 上限',
  overBigMin: '50亿元以上 下限',
  overBigMax: '50亿元以上 上限',
} as const;

/** What the rollover proposes for a project of this year's lists (滚动接续). */
export const ROLLOVER_KIND_LABELS: Record<'continuing' | 'notStarted' | 'moved' | 'fromReserve', string> = {
  continuing: '续建',
  notStarted: '未开工',
  moved: '转入实施类',
  fromReserve: '储备转入准备类',
};

/**
 * The appendix's other 通用指标 (besides projects, investment, 签约 and 到位): growth rates in
 * percent and counts of enterprises. The plan holds their targets; chain teams file their actuals
 * each quarter (docs/domain/attraction.md).
 */
export const INDICATOR_KEYS = [
  'revenueGrowthPct',
  'valueAddedGrowthPct',
  'newAboveScale',
  'newQuality',
  'newHighTech',
  'newInnovationPlatforms',
  'loanGrowthPct',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];
