/** Shapes of year-plan data the API returns (no persistence here: the pages' type check reads them too). */
export const ADJUSTMENT_KINDS = ['plan', 'list'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];

/** A change to a published plan or its lists, as the plan and the board show it. */
export interface AdjustmentView {
  at: string;
  actor: string;
  kind: AdjustmentKind;
  action: string;
  projectId: number | null;
  projectName: string | null;
  before: unknown;
  after: unknown;
  reason: string;
}

import type { PlanStatus, RolloverKind } from '../rules/index.js';

export type { PlanStatus, RolloverKind };

/** The city part of a year plan (year_target). Money in 万元; rates in whole percent. */
export interface CityTargets {
  implementationListSize: number;
  implementationInvestmentWan: number;
  preparationListSize: number;
  startRateTargetPct: number;
  bigProjectThresholdWan: number;
  bigProjectCityTarget: number;
  keyProjectThresholdWan: number;
  keyProjectCount: number;
  keyProjectInvestmentWan: number;
  ratingBluePct: number;
  ratingYellowPct: number;
  attractionSignedWan: number;
  attractionFundedWan: number;
  conditionalApprovalsAllowed: boolean;
}

/** A chain's row of a year plan: the appendix's columns. */
export interface ChainPlanRow {
  projects: number;
  investmentWan: number;
  signedWan: number;
  fundedWan: number;
  revenueGrowthPct: number | null;
  valueAddedGrowthPct: number | null;
  newAboveScale: number | null;
  newQuality: number | null;
  newHighTech: number | null;
  newInnovationPlatforms: number | null;
  loanGrowthPct: number | null;
  /** 差异化指标 as counts, where the text names one (docs/domain/attraction.md): deals over 1亿 to sign, signed deals to land. */
  signedOver100mTarget: number | null;
  landedTarget: number | null;
  /** Projects attracted from outside entering the library in the year at or above a size (万元): how many, and the size. */
  attractedOverTarget: number | null;
  attractedOverThresholdWan: number | null;
  differentiated: string | null;
  bigProjectRequired: boolean;
}

/** A place's rules in a year plan. */
export interface PlaceRuleRow {
  bigProjectRequired: boolean;
  overKeyMin: number | null;
  overKeyMax: number | null;
  overBigMin: number | null;
  overBigMax: number | null;
}

export interface ChainPlanView extends ChainPlanRow {
  code: string;
  no: number;
  name: string;
  flagship: boolean;
  leadUnit: string;
}

export interface PlaceRuleView extends PlaceRuleRow {
  code: string;
  name: string;
  kind: string;
}

/** `GET /api/targets/:year`. */
export interface PlanView extends CityTargets {
  year: number;
  status: PlanStatus;
  publishedAt: string | null;
  publishedBy: string | null;
  chains: ChainPlanView[];
  places: PlaceRuleView[];
  /** Changes made after publication, oldest first. */
  adjustments: AdjustmentView[];
}


export interface RolloverEntry {
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  chain: string | null;
  stage: string;
  kind: RolloverKind;
  /** The list proposed for next year. */
  category: 'implementation' | 'preparation';
  /** This year's place (null: up from the reserve, on neither list). */
  previousCategory: 'implementation' | 'preparation' | null;
  /** This year's planned investment, 万元 (0 for a project up from the reserve). */
  previousPlannedInvestment: number;
  /** Total investment less everything reported so far, 万元 (null without a total). */
  remainingInvestment: number | null;
  keyProject: boolean;
  /** To fill in. */
  plannedInvestment: null;
}

/** `GET /api/targets/:year/rollover`. */
export interface RolloverProposal {
  fromYear: number;
  toYear: number;
  entries: RolloverEntry[];
  leaving: { projectId: number; code: string; name: string; reason: 'completed' | 'withdrawn' }[];
}
