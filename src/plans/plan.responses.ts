import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { STAGES } from '../lifecycle/index.js';
import { REGION_KIND_LABELS } from '../reference/labels.js';
import { PLAN_STATUSES, type PlanStatus, ROLLOVER_KINDS, type RolloverKind } from '../rules/index.js';
import { LIST_CATEGORIES, type ListCategory } from './list-entry.entity.js';
import type { ChainView } from './chain-targets.service.js';
import type { ListEntryView } from './lists.service.js';
import { ADJUSTMENT_KINDS, type AdjustmentKind, type AdjustmentView, type ChainPlanView, type PlaceRuleView, type PlanView, type RolloverEntry, type RolloverProposal } from './plan.types.js';

/**
 * What the year-plan and list routes answer (docs/domain/figures.md "Year plans"), as the OpenAPI
 * document declares it: each class implements the answer's own type. Money in integer 万元,
 * rates in whole percent.
 */

/** `GET /api/targets`: a year that has a plan. */
export class PlanYear {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
}

/** A change made to a published plan or its lists (计划调整). */
export class AdjustmentAnswer implements AdjustmentView {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() actor: string;
  @ApiProperty({ enum: ADJUSTMENT_KINDS }) kind: AdjustmentKind;
  @ApiProperty({ enum: ['update', 'add', 'change', 'remove'], description: 'plan: update; list: add / change / remove' }) action: string;
  @ApiProperty({ type: 'integer', nullable: true }) projectId: number | null;
  @ApiProperty({ type: String, nullable: true }) projectName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the fields before (null: none)' }) before: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the fields after (null: removed)' }) after: unknown;
  @ApiProperty() reason: string;
}

/** A chain's row of the plan: the appendix's columns (附件). */
export class PlanChainAnswer implements ChainPlanView {
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) no: number;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty({ description: '责任单位' }) leadUnit: string;
  @ApiProperty({ type: 'integer', description: '实施重点项目数' }) projects: number;
  @ApiWan('完成投资目标') investmentWan: number;
  @ApiWan('签约目标') signedWan: number;
  @ApiWan('到位目标') fundedWan: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '营业收入增幅目标, %' }) revenueGrowthPct: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '增加值增幅目标, %' }) valueAddedGrowthPct: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '新增规上企业, 家' }) newAboveScale: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '新增专精特新等优质企业, 家' }) newQuality: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '新增高新技术企业, 家' }) newHighTech: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '新增创新平台, 个' }) newInnovationPlatforms: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '贷款余额增幅目标, %' }) loanGrowthPct: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '差异化指标: 签约过亿元项目数' }) signedOver100mTarget: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '差异化指标: 落地项目数' }) landedTarget: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '招引某规模以上项目数' }) attractedOverTarget: number | null;
  @ApiWan('招引项目规模', { nullable: true }) attractedOverThresholdWan: number | null;
  @ApiProperty({ type: String, nullable: true, description: '差异化指标（原文）' }) differentiated: string | null;
  @ApiProperty() bigProjectRequired: boolean;
}

/** A place's rules in the plan. */
export class PlaceRuleAnswer implements PlaceRuleView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.keys(REGION_KIND_LABELS) }) kind: string;
  @ApiProperty() bigProjectRequired: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: '过重点项目规模的项目数：下限' }) overKeyMin: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) overKeyMax: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '过大项目规模的项目数：下限' }) overBigMin: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) overBigMax: number | null;
}

/** `GET /api/targets/:year`: a year plan. */
export class PlanAnswer implements PlanView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: PLAN_STATUSES }) status: PlanStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedBy: string | null;
  @ApiProperty({ type: 'integer', description: '实施类清单项目数' }) implementationListSize: number;
  @ApiWan('实施类年度计划投资') implementationInvestmentWan: number;
  @ApiProperty({ type: 'integer', description: '准备类清单项目数' }) preparationListSize: number;
  @ApiProperty({ type: 'integer', description: '开工率目标, %' }) startRateTargetPct: number;
  @ApiWan('大项目规模') bigProjectThresholdWan: number;
  @ApiProperty({ type: 'integer', description: '全市大项目目标数' }) bigProjectCityTarget: number;
  @ApiWan('重点项目规模') keyProjectThresholdWan: number;
  @ApiProperty({ type: 'integer' }) keyProjectCount: number;
  @ApiWan('重点项目年度投资目标') keyProjectInvestmentWan: number;
  @ApiProperty({ type: 'integer', description: '蓝色：序时进度达到的百分比' }) ratingBluePct: number;
  @ApiProperty({ type: 'integer', description: '黄色：序时进度达到的百分比' }) ratingYellowPct: number;
  @ApiWan('招商签约目标') attractionSignedWan: number;
  @ApiWan('招商到位目标') attractionFundedWan: number;
  @ApiProperty() conditionalApprovalsAllowed: boolean;
  @ApiProperty({ type: [PlanChainAnswer] }) chains: PlanChainAnswer[];
  @ApiProperty({ type: [PlaceRuleAnswer] }) places: PlaceRuleAnswer[];
  @ApiProperty({ type: [AdjustmentAnswer], description: 'changes made after publication, oldest first' }) adjustments: AdjustmentAnswer[];
}

/** A project proposed for next year's list. */
export class RolloverEntryAnswer implements RolloverEntry {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: ROLLOVER_KINDS }) kind: RolloverKind;
  @ApiProperty({ enum: LIST_CATEGORIES, description: 'the list proposed for next year' }) category: ListCategory;
  @ApiProperty({ type: String, nullable: true, enum: [...LIST_CATEGORIES, null], description: 'this year\'s list (null: up from the reserve)' }) previousCategory: ListCategory | null;
  @ApiWan('本年计划投资（储备转入为 0）') previousPlannedInvestment: number;
  @ApiWan('剩余投资（总投资减已报）', { nullable: true }) remainingInvestment: number | null;
  @ApiProperty() keyProject: boolean;
  @ApiProperty({ type: 'integer', nullable: true, description: 'to fill in: null in the proposal' }) plannedInvestment: null;
}

export class RolloverLeaving {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['completed', 'withdrawn'] }) reason: 'completed' | 'withdrawn';
}

/** `GET /api/targets/:year/rollover`. */
export class RolloverProposalAnswer implements RolloverProposal {
  @ApiProperty({ type: 'integer' }) fromYear: number;
  @ApiProperty({ type: 'integer' }) toYear: number;
  @ApiProperty({ type: [RolloverEntryAnswer] }) entries: RolloverEntryAnswer[];
  @ApiProperty({ type: [RolloverLeaving], description: 'projects that leave the lists (竣工 or 退出)' }) leaving: RolloverLeaving[];
}

/** `POST /api/targets/:year/rollover`: what was put on next year's list. */
export class RolloverApplied {
  @ApiProperty({ type: 'integer', description: 'next year' }) year: number;
  @ApiProperty({ type: 'integer' }) added: number;
  @ApiProperty({ type: 'integer' }) changed: number;
  @ApiProperty({ type: 'integer' }) unchanged: number;
}

/** An entry of a year list (年度清单). */
export class ListEntryAnswer implements ListEntryView {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() projectCode: string;
  @ApiProperty() projectName: string;
  @ApiProperty({ enum: LIST_CATEGORIES }) category: ListCategory;
  @ApiWan('年度计划投资') plannedInvestment: number;
  @ApiProperty({ type: 'array', items: { type: 'integer' }, minItems: 12, maxItems: 12, required: false, description: '倒排工期：十二个月的计划投资（万元，整数），1 月在前；未排时无此字段' }) monthlyPlan?: number[];
  @ApiProperty({ enum: ['entered', 'milestones'], required: false, description: 'where the curve comes from: entered, or derived from the milestones' }) monthlyPlanSource?: 'entered' | 'milestones';
  @ApiProperty({ description: '市级重点项目' }) keyProject: boolean;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

/** A chain's targets for one year (附件通用指标). */
export class ChainYearTarget {
  @ApiProperty({ type: 'integer', description: '实施重点项目数' }) projects: number;
  @ApiWan('完成投资目标') investment: number;
}

/** `GET /api/chains`: a chain and its targets in each year that has a plan. */
@ApiExtraModels(ChainYearTarget)
export class ChainAnswer implements ChainView {
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) no: number;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty({ description: '责任单位' }) leadUnit: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(ChainYearTarget) }, example: { '2026': { projects: 30, investment: 250000 } }, description: 'by year (e.g. "2026")' })
  targets: Record<string, ChainYearTarget>;
}
