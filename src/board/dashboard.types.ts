import type { AttractionBlock, ChainPage } from '../attraction/index.js';
import type { AdjustmentView } from '../plans/index.js';
import type { BigProjectsBlock, PlaceCountCheck, Rating, RedListKind, Warning } from '../rules/index.js';
import type { FactorGuaranteeBlock, FactorTotals } from '../requests/index.js';
import type { ActivityView, ChainResponsibilityView, ResponsibleNames } from '../people/index.js';

export type { BigProjectsBlock, BigProject as BigProjectView, Rating, RedListKind, Warning } from '../rules/index.js';
export type { FactorGuaranteeBlock, FactorTotals } from '../requests/index.js';
export type { AttractionBlock, AttractionChainRow, AttractionFigure, ChainNoteView, IndicatorFiling } from '../attraction/index.js';

/**
 * The target board (docs/api.md "The war room"): every figure the city is judged by.
 * Money is integer 万元. `ratio` = actual ÷ expected (序时进度), computed on unrounded
 * values and given to 4 decimals; `expected` is rounded to whole 万元 for display.
 * Ratings compare exact integers, never the rounded ratio.
 */
export interface RatingOverrideView {
  rating: Rating;
  reason: string;
  actor: string;
  at: string;
}

export interface Rated {
  /** The colour shown: the override's when there is one, else the computed one. */
  rating: Rating | null;
  computedRating: Rating | null;
  override: RatingOverrideView | null;
}

export interface InvestmentBlock extends Rated {
  /** Σ planned annual investment of the implementation list, 万元. */
  plan: number;
  /** 占年度计划: actual ÷ plan, 4 decimals. */
  planShare: number | null;
  /** City target for the implementation list, 万元 (165亿 = 1,650,000). */
  target: number;
  /** Reported investment of the implementation list, months 1..M. */
  actual: number;
  /** target × M/12, rounded to whole 万元. */
  expected: number;
  ratio: number | null;
  listed: number;
}

export interface StartRateBlock {
  listed: number;
  started: number;
  /** started ÷ listed, 4 decimals. */
  rate: number | null;
  /** 0.8 for 80%. */
  target: number;
  /** More starts needed to reach the target (0 when reached). */
  neededForTarget: number;
}

export interface KeyProjectsBlock extends Rated {
  threshold: number;
  /** Listed projects (either list) with total ≥ threshold. */
  count: number;
  /** The number the plan names (22 in 2024). */
  targetCount: number;
  /** Their reported investment, months 1..M. */
  investment: number;
  /** Annual target (75亿 = 750,000). */
  target: number;
  expected: number;
  ratio: number | null;
}

export interface ChainRow extends Rated {
  code: string;
  /** 链长: the chain's leader in the year's "5个1", as recorded by the board's instant (docs/domain/responsibility.md). */
  leader?: string | null;
  no: number;
  name: string;
  flagship: boolean;
  targetProjects: number;
  listedProjects: number;
  targetInvestment: number;
  actual: number;
  expected: number;
  ratio: number | null;
}

export interface RegionRow extends Rated {
  code: string;
  name: string;
  kind: string;
  /** Implementation-list projects in the region. */
  projects: number;
  /** Their planned annual investment. */
  plan: number;
  actual: number;
  /** Σ per project: monthly plan curve for months ≤ M, or plan × M/12. */
  expected: number;
  ratio: number | null;
  /** 1 = best; null when the region has no implementation-list projects. */
  rank: number | null;
  /** Last month's rank − this month's (positive = moved up); null when either is unranked or M = 1. */
  rankChange: number | null;
}

export interface RedListItem {
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  regionName: string | null;
  kind: RedListKind;
  reason: string;
  actual?: number;
  expected?: number;
  ratio?: number | null;
  /** The project's 包联领导 and 专员 by name, as recorded by the board's instant (absent in bulletins published before they were kept). */
  responsible?: ResponsibleNames;
}

/**
 * Who answers for the year's lists (docs/domain/responsibility.md "Coverage"): listed projects
 * (either list, once) without a 市级包联领导 or without a 服务专员, and the chains whose "5个1" is
 * incomplete (with what each lacks). The city office sees it as a warning on the board.
 */
export interface ResponsibilityCoverage {
  listed: number;
  listedWithoutCityLeader: number;
  listedWithoutCommissioner: number;
  chainsIncomplete: string[];
  chainsMissing: { code: string; missing: ('leader' | 'department' | 'plan' | 'measures' | 'anchors')[] }[];
}

export interface Dashboard {
  year: number;
  month: number;
  asOf: string;
  thresholds: { bluePct: number; yellowPct: number };
  /** The year plan as of the board's instant: status and the adjustments made after publication. */
  plan: { status: 'draft' | 'published'; publishedAt: string | null; adjustments: { count: number; items: AdjustmentView[] } };
  investment: InvestmentBlock;
  /** Implementation-list projects listed, started and completed (竣工投产) by the end of month M. */
  implementationCounts: { listed: number; started: number; completed: number };
  /** Places whose plan sets count ranges (10亿 / 50亿 projects), each against its range. */
  placeCounts: PlaceCountCheck[];
  startRate: StartRateBlock;
  bigProjects: BigProjectsBlock;
  keyProjects: KeyProjectsBlock;
  chains: ChainRow[];
  regions: RegionRow[];
  redList: RedListItem[];
  /** True when more projects qualify than the red list shows (500, by region then code). */
  redListTruncated: boolean;
  /** 招商引资: 签约 and 到位 against the city's and each chain's targets (docs/domain/attraction.md). */
  attraction: AttractionBlock;
  warnings: Warning[];
  /** 要素保障: open and overdue requests by kind and department, the longest overdue (docs/domain/requests.md). */
  factorGuarantee: FactorGuaranteeBlock;
  /** 要素保障年度累计: January to the month, per kind and department; 资金 授信 vs 到位 (docs/domain/requests.md "Year to date"). */
  factorTotals: FactorTotals;
  /** 包联 and "5个1" coverage (absent in bulletins published before they were kept). */
  responsibilityCoverage?: ResponsibilityCoverage;
}

/** A chain's page (GET /api/chains/:code/page/:year): the appendix row and 招商, its "5个1" and the 链长's activities of the year. */
export interface ChainPageView extends ChainPage {
  responsibility: ChainResponsibilityView;
  activities: ActivityView[];
}
