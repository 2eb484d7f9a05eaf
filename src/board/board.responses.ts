import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ChainNoteAnswer, IndicatorFilingAnswer, type AttractionBlock as AttractionBlockShape, type AttractionChainRow as AttractionChainRowShape } from '../attraction/index.js';
import { ApiWan } from '../common/index.js';
import { STAGES } from '../lifecycle/index.js';
import { AdjustmentAnswer, LIST_CATEGORIES } from '../plans/index.js';
import { REGION_KIND_LABELS } from '../reference/labels.js';
import { FactorGuaranteeAnswer, FactorResponsibleAnswer, FactorTotalsAnswer } from '../requests/index.js';
import { FIVE_ONES, PLAN_STATUSES, RATINGS, RED_LIST_KINDS, type AttractionFigure as AttractionFigureShape, type BigProject, type BigProjectsBlock as BigProjectsShape, type CountAgainstTarget as CountShape, type PlaceCountCheck as PlaceCountShape, type Rating, type RedListKind, type Warning as WarningShape } from '../rules/index.js';
import type { ChainRow as ChainRowShape, Dashboard, InvestmentBlock as InvestmentShape, KeyProjectsBlock as KeyProjectsShape, RatingOverrideView, RedListItem as RedListShape, RegionRow as RegionRowShape, ResponsibilityCoverage as CoverageShape, StartRateBlock as StartRateShape } from './dashboard.types.js';
import type { CurvePoint } from './dashboard.service.js';
import type { ListedProjectRow } from './board-rows.js';
import type { OverrideView } from './ratings.service.js';

/**
 * The target board's answers (docs/board.md) as the OpenAPI document declares them: each class
 * implements the answer's own type (dashboard.types.ts and the blocks other modules build), so
 * tsc catches a renamed field. Money is integer 万元; `ratio` = actual ÷ expected, 4 decimals.
 */

const RATING = { enum: [...RATINGS, null], type: String, nullable: true } as const;
const RATIO = { type: Number, nullable: true, description: 'actual ÷ expected (序时进度), 4 decimals; null when nothing is expected' } as const;

export class RatingOverrideAnswer implements RatingOverrideView {
  @ApiProperty({ enum: RATINGS }) rating: Rating;
  @ApiProperty() reason: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

/** 蓝黄红: the colour shown (the override's when there is one), the computed one, the override. */
export class RatedAnswer {
  @ApiProperty({ ...RATING, description: 'the colour shown: the override\'s when there is one, else the computed one' }) rating: Rating | null;
  @ApiProperty({ ...RATING }) computedRating: Rating | null;
  @ApiProperty({ type: RatingOverrideAnswer, nullable: true }) override: RatingOverrideAnswer | null;
}

export class BoardThresholds {
  @ApiProperty({ type: 'integer', description: '蓝: ratio ≥ this percent' }) bluePct: number;
  @ApiProperty({ type: 'integer', description: '黄: ratio ≥ this percent, else 红' }) yellowPct: number;
}

export class AdjustmentCount {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: [AdjustmentAnswer], description: 'oldest first' }) items: AdjustmentAnswer[];
}

export class BoardPlan {
  @ApiProperty({ enum: PLAN_STATUSES }) status: 'draft' | 'published';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: AdjustmentCount, description: 'adjustments made after publication' }) adjustments: AdjustmentCount;
}

export class InvestmentBlock extends RatedAnswer implements InvestmentShape {
  @ApiWan('实施类年度计划投资之和') plan: number;
  @ApiProperty({ type: Number, nullable: true, description: '占年度计划: actual ÷ plan, 4 decimals' }) planShare: number | null;
  @ApiWan('全市实施类目标') target: number;
  @ApiWan('实施类完成投资（1..M 月）') actual: number;
  @ApiWan('序时目标 target × M/12') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
  @ApiProperty({ type: 'integer', description: 'implementation-list projects' }) listed: number;
}

export class ImplementationCounts {
  @ApiProperty({ type: 'integer' }) listed: number;
  @ApiProperty({ type: 'integer' }) started: number;
  @ApiProperty({ type: 'integer', description: '竣工投产' }) completed: number;
}

export class CountInRange {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer', nullable: true }) min: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) max: number | null;
  @ApiProperty({ description: 'count ≥ min (or no min)' }) ok: boolean;
  @ApiProperty({ description: 'count > max' }) above: boolean;
}

export class PlaceCountCheck implements PlaceCountShape {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: CountInRange, description: 'projects over the key-project size' }) overKey: CountInRange;
  @ApiProperty({ type: CountInRange, description: 'projects over the big-project size' }) overBig: CountInRange;
}

export class StartRateBlock implements StartRateShape {
  @ApiProperty({ type: 'integer' }) listed: number;
  @ApiProperty({ type: 'integer' }) started: number;
  @ApiProperty({ type: Number, nullable: true, description: 'started ÷ listed, 4 decimals' }) rate: number | null;
  @ApiProperty({ type: Number, description: '0.8 for 80%' }) target: number;
  @ApiProperty({ type: 'integer', description: 'more starts needed to reach the target (0 when reached)' }) neededForTarget: number;
}

export class BigProjectAnswer implements BigProject {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiWan('总投资') totalInvestment: number;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ type: String, nullable: true }) origin: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedAt: string | null;
}

export class Covered {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'array', items: { type: 'integer' } }) projectIds: number[];
}

export class CoveredRow extends Covered {
  @ApiProperty({ type: Covered, description: '引进 (origin attracted)' }) attracted: Covered;
}

export class BigProjectPlace extends CoveredRow {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() required: boolean;
}

export class BigProjectChain extends BigProjectPlace {
  @ApiProperty() flagship: boolean;
}

export class FlagshipChain extends Covered {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class BigProjectsBlock implements BigProjectsShape {
  @ApiWan('大项目规模') threshold: number;
  @ApiProperty({ type: 'integer', description: 'newly planned (谋划) in the year' }) count: number;
  @ApiProperty({ type: 'integer' }) target: number;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'integer', description: 'of count, attracted (引进)' }) attractedCount: number;
  @ApiProperty({ type: [BigProjectAnswer] }) newThisYear: BigProjectAnswer[];
  @ApiProperty({ type: [BigProjectAnswer], description: '续建: shown, not counted' }) continuing: BigProjectAnswer[];
  @ApiProperty({ type: [BigProjectPlace] }) regions: BigProjectPlace[];
  @ApiProperty({ type: [BigProjectChain] }) chains: BigProjectChain[];
  @ApiProperty({ type: [FlagshipChain] }) flagshipChains: FlagshipChain[];
  @ApiProperty({ type: [BigProjectAnswer], description: 'same as newThisYear (the earlier name)' }) projects: BigProjectAnswer[];
}

export class KeyProjectsBlock extends RatedAnswer implements KeyProjectsShape {
  @ApiWan('重点项目规模') threshold: number;
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer' }) targetCount: number;
  @ApiWan('重点项目完成投资（1..M 月）') investment: number;
  @ApiWan('年度目标') target: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
}

export class ChainRow extends RatedAnswer implements ChainRowShape {
  @ApiProperty() code: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: '链长 by name' }) leader?: string | null;
  @ApiProperty({ type: 'integer' }) no: number;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty({ type: 'integer' }) targetProjects: number;
  @ApiProperty({ type: 'integer' }) listedProjects: number;
  @ApiWan('完成投资目标') targetInvestment: number;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
}

export class RegionRow extends RatedAnswer implements RegionRowShape {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Object.keys(REGION_KIND_LABELS) }) kind: string;
  @ApiProperty({ type: 'integer', description: 'implementation-list projects' }) projects: number;
  @ApiWan('年度计划投资') plan: number;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '1 = best; null without implementation-list projects' }) rank: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'last month\'s rank − this month\'s (positive = moved up)' }) rankChange: number | null;
}

export class RedListItem implements RedListShape {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ enum: RED_LIST_KINDS }) kind: RedListKind;
  @ApiProperty() reason: string;
  @ApiWan('完成投资（序时滞后者）', { required: false }) actual?: number;
  @ApiWan('序时目标（序时滞后者）', { required: false }) expected?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'actual ÷ expected (序时滞后者)' }) ratio?: number | null;
  @ApiPropertyOptional({ type: FactorResponsibleAnswer, description: 'the project\'s 包联领导 and 专员 by name' }) responsible?: FactorResponsibleAnswer;
}

export class AttractionFigure implements AttractionFigureShape {
  @ApiWan('年度目标') target: number;
  @ApiWan('完成') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
  @ApiProperty({ ...RATING }) rating: Rating | null;
}

export class CountAgainstTarget implements CountShape {
  @ApiProperty({ type: 'integer' }) count: number;
  @ApiProperty({ type: 'integer', nullable: true }) target: number | null;
}

export class CountOverThreshold extends CountAgainstTarget {
  @ApiWan('规模', { nullable: true }) thresholdWan: number | null;
}

const INDICATOR_DESCRIPTION = 'percent for rates, 家 for counts; null: none';

/** The other 通用指标 by key (revenueGrowthPct …). */
export class IndicatorValues {
  @ApiProperty({ type: Number, nullable: true, description: INDICATOR_DESCRIPTION }) revenueGrowthPct: number | null;
  @ApiProperty({ type: Number, nullable: true }) valueAddedGrowthPct: number | null;
  @ApiProperty({ type: Number, nullable: true }) newAboveScale: number | null;
  @ApiProperty({ type: Number, nullable: true }) newQuality: number | null;
  @ApiProperty({ type: Number, nullable: true }) newHighTech: number | null;
  @ApiProperty({ type: Number, nullable: true }) newInnovationPlatforms: number | null;
  @ApiProperty({ type: Number, nullable: true }) loanGrowthPct: number | null;
}

export class ChainDifferentiated {
  @ApiProperty({ type: String, nullable: true, description: '差异化指标（原文）' }) text: string | null;
  @ApiProperty({ type: ChainNoteAnswer, nullable: true }) note: ChainNoteAnswer | null;
}

export class AttractionChainRow implements AttractionChainRowShape {
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) no: number;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty({ type: AttractionFigure, description: '签约' }) signed: AttractionFigure;
  @ApiProperty({ type: AttractionFigure, description: '到位' }) funded: AttractionFigure;
  @ApiProperty({ type: 'integer' }) signedCount: number;
  @ApiProperty({ type: CountAgainstTarget, description: '过亿元 deals signed' }) signedOver100m: CountAgainstTarget;
  @ApiProperty({ type: CountAgainstTarget, description: 'leads landed' }) landed: CountAgainstTarget;
  @ApiProperty({ type: CountOverThreshold, description: 'attracted projects at or above the plan row\'s size' }) attractedOver: CountOverThreshold;
  @ApiProperty({ type: IndicatorValues, description: 'the plan\'s annual targets for the other 通用指标' }) indicatorTargets: IndicatorValues;
  @ApiProperty({ type: IndicatorFilingAnswer, nullable: true, description: 'the latest quarter filed (null: none yet)' }) indicators: IndicatorFilingAnswer | null;
  @ApiProperty({ type: ChainDifferentiated }) differentiated: ChainDifferentiated;
}

export class AttractionBlock implements AttractionBlockShape {
  @ApiProperty({ type: AttractionFigure }) signed: AttractionFigure;
  @ApiProperty({ type: AttractionFigure }) funded: AttractionFigure;
  @ApiProperty({ type: 'integer' }) signedCount: number;
  @ApiProperty({ type: 'integer' }) landedCount: number;
  @ApiProperty({ type: [AttractionChainRow] }) chains: AttractionChainRow[];
}

export class Warning implements WarningShape {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'the place or chain it names' }) subject?: string;
}

export class ChainMissing {
  @ApiProperty() code: string;
  @ApiProperty({ enum: FIVE_ONES, isArray: true }) missing: CoverageShape['chainsMissing'][number]['missing'];
}

export class ResponsibilityCoverage implements CoverageShape {
  @ApiProperty({ type: 'integer' }) listed: number;
  @ApiProperty({ type: 'integer' }) listedWithoutCityLeader: number;
  @ApiProperty({ type: 'integer' }) listedWithoutCommissioner: number;
  @ApiProperty({ type: [String] }) chainsIncomplete: string[];
  @ApiProperty({ type: [ChainMissing] }) chainsMissing: ChainMissing[];
}

/** `GET /api/dashboard/:year`: the target board (挂图作战). */
export class DashboardAnswer implements Dashboard {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ format: 'date-time', description: 'the instant the figures stand at' }) asOf: string;
  @ApiProperty({ type: BoardThresholds }) thresholds: BoardThresholds;
  @ApiProperty({ type: BoardPlan }) plan: BoardPlan;
  @ApiProperty({ type: InvestmentBlock }) investment: InvestmentBlock;
  @ApiProperty({ type: ImplementationCounts }) implementationCounts: ImplementationCounts;
  @ApiProperty({ type: [PlaceCountCheck] }) placeCounts: PlaceCountCheck[];
  @ApiProperty({ type: StartRateBlock }) startRate: StartRateBlock;
  @ApiProperty({ type: BigProjectsBlock }) bigProjects: BigProjectsBlock;
  @ApiProperty({ type: KeyProjectsBlock }) keyProjects: KeyProjectsBlock;
  @ApiProperty({ type: [ChainRow] }) chains: ChainRow[];
  @ApiProperty({ type: [RegionRow] }) regions: RegionRow[];
  @ApiProperty({ type: [RedListItem], description: '预警清单 (红色预警), by region then code' }) redList: RedListItem[];
  @ApiProperty({ description: 'more projects qualify than the red list shows' }) redListTruncated: boolean;
  @ApiProperty({ type: AttractionBlock }) attraction: AttractionBlock;
  @ApiProperty({ type: [Warning] }) warnings: Warning[];
  @ApiProperty({ type: FactorGuaranteeAnswer }) factorGuarantee: FactorGuaranteeAnswer;
  @ApiProperty({ type: FactorTotalsAnswer }) factorTotals: FactorTotalsAnswer;
  @ApiPropertyOptional({ type: ResponsibilityCoverage }) responsibilityCoverage?: ResponsibilityCoverage;
}

/** `GET /api/dashboard/:year/curve`: one month of the implementation list's cumulative curve. */
export class CurvePointAnswer implements CurvePoint {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiWan('当月完成投资') actual: number;
  @ApiWan('累计完成投资') cumulativeActual: number;
  @ApiWan('累计序时目标') cumulativeExpected: number;
  @ApiProperty(RATIO) ratio: number | null;
}

/** A listed project with its 序时 figures. */
export class ListedProjectAnswer implements ListedProjectRow {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ enum: LIST_CATEGORIES }) category: 'implementation' | 'preparation';
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiWan('总投资', { nullable: true }) totalInvestment: number | null;
  @ApiWan('年度计划投资') plan: number;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty(RATIO) ratio: number | null;
  @ApiProperty({ ...RATING }) rating: Rating | null;
  @ApiProperty({ type: String, nullable: true, enum: ['progress', 'overdueStart', 'conditionalOverdue', null], description: 'why the colour' }) ratingReason: ListedProjectRow['ratingReason'];
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualStartDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedStartDate: string | null;
}

/** A manual colour (人工调色) in force for the month. */
export class OverrideAnswer implements OverrideView {
  @ApiProperty({ enum: ['region', 'chain'] }) scope: OverrideView['scope'];
  @ApiProperty({ description: 'region or chain code' }) key: string;
  @ApiProperty({ enum: RATINGS }) rating: string;
  @ApiProperty() reason: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

