import { ApiProperty } from '@nestjs/swagger';
import { INDICATOR_KEYS, LEAD_ORIGINS, LEAD_STATUSES, type IndicatorKey } from '../attraction/index.js';
import { ApiWan } from '../common/index.js';
import { ACTIVITY_KINDS, type ActivityView as ActivityShape, type ChainResponsibilityView as ChainResponsibilityShape } from '../people/index.js';
import { PersonRef } from '../projects/index.js';
import { FIVE_ONES, RATINGS, type Rating } from '../rules/index.js';
import { AttractionChainRow, ChainNoteView, CountAgainstTarget, CountOverThreshold, IndicatorFiling } from './board.responses.js';
import type { ChainPageView } from './dashboard.types.js';

/**
 * A chain's page (`GET /api/chains/:code/page/:year`, docs/domain/attraction.md "The chain page")
 * as the OpenAPI document declares it: each class implements the answer's own type.
 */

type LeadSummaryShape = ChainPageView['leads'][number];
type IndicatorRowShape = ChainPageView['indicators'][number];

export class ChainPageChain {
  @ApiProperty() code: string;
  @ApiProperty({ type: 'integer' }) no: number;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty({ description: '责任单位' }) leadUnit: string;
}

export class ChainPageProjects {
  @ApiProperty({ type: 'integer', description: 'the plan\'s count of 实施强链延链补链重点项目' }) target: number;
  @ApiProperty({ type: 'integer', description: 'listed implementation projects' }) listed: number;
}

export class ChainPageInvestment {
  @ApiWan('完成投资目标') target: number;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty({ type: Number, nullable: true, description: 'actual ÷ expected, 4 decimals' }) ratio: number | null;
  @ApiProperty({ type: String, nullable: true, enum: [...RATINGS, null] }) rating: Rating | null;
}

export class IndicatorRow implements IndicatorRowShape {
  @ApiProperty({ enum: INDICATOR_KEYS }) key: IndicatorKey;
  @ApiProperty({ type: Number, nullable: true, description: 'annual target (percent for rates, 家 for counts)' }) target: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the latest filed figure up to the page\'s quarter' }) actual: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) quarter: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'counts: target × Q/4' }) expected: number | null;
  @ApiProperty({ type: Number, nullable: true }) ratio: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'rates: actual ≥ target' }) met: boolean | null;
}

export class ChainPageDifferentiated {
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: CountAgainstTarget }) signedOver100m: CountAgainstTarget;
  @ApiProperty({ type: CountAgainstTarget }) landed: CountAgainstTarget;
  @ApiProperty({ type: CountOverThreshold }) attractedOver: CountOverThreshold;
  @ApiProperty({ type: ChainNoteView, nullable: true }) note: ChainNoteView | null;
  @ApiProperty({ type: [ChainNoteView] }) history: ChainNoteView[];
}

/** A 招商 lead in lists. */
export class LeadSummary implements LeadSummaryShape {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() investor: string;
  @ApiProperty({ enum: LEAD_ORIGINS }) origin: LeadSummaryShape['origin'];
  @ApiProperty() chain: string;
  @ApiProperty() region: string;
  @ApiWan('意向投资额') intendedInvestment: number;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadSummaryShape['status'];
  @ApiWan('合同金额（签约后）', { nullable: true }) signedAmount: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) signedDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) landedDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) projectId: number | null;
  @ApiWan('到位资金累计') funded: number;
}

export class ChainPlanDocument {
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) date: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
}

export class ChainResponsibilityRevision {
  @ApiProperty({ type: 'integer', description: '0: nothing filed yet' }) revision: number;
  @ApiProperty({ type: 'integer', nullable: true }) leaderId: number | null;
  @ApiProperty({ type: PersonRef, nullable: true, description: '链长' }) leader: PersonRef | null;
  @ApiProperty({ description: '责任部门' }) department: string;
  @ApiProperty({ type: ChainPlanDocument, description: '一个方案' }) plan: ChainPlanDocument;
  @ApiProperty({ type: [String] }) measures: string[];
  @ApiProperty({ type: [String] }) anchorEnterprises: string[];
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt: string | null;
}

/** A chain's "5个1" for a year: the latest revision, what it lacks, every revision. */
export class ChainResponsibilityView extends ChainResponsibilityRevision implements ChainResponsibilityShape {
  @ApiProperty() chain: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: FIVE_ONES, isArray: true }) missing: ChainResponsibilityShape['missing'];
  @ApiProperty() complete: boolean;
  @ApiProperty({ type: [ChainResponsibilityRevision], description: 'oldest first' }) history: ChainResponsibilityRevision[];
}

export class ActivityProject {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class ActivityRequest {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty({ description: 'request kind' }) kind: string;
  @ApiProperty({ description: 'department code' }) department: string;
  @ApiProperty({ description: 'request status' }) status: string;
}

/** A 链长 activity (巡链、问需、诊断、会议、对接). */
export class ActivityView implements ActivityShape {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() chain: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind: ActivityShape['kind'];
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: 'integer', nullable: true }) leaderId: number | null;
  @ApiProperty({ type: PersonRef, nullable: true }) leader: PersonRef | null;
  @ApiProperty({ type: [String] }) enterprises: string[];
  @ApiProperty({ type: 'array', items: { type: 'integer' } }) projectIds: number[];
  @ApiProperty({ type: [ActivityProject] }) projects: ActivityProject[];
  @ApiProperty() findings: string;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: [ActivityRequest], description: 'the 要素保障 requests raised from its findings' }) requests: ActivityRequest[];
}

/** `GET /api/chains/:code/page/:year`. */
export class ChainPageAnswer implements ChainPageView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 12 }) month: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: ChainPageChain }) chain: ChainPageChain;
  @ApiProperty({ type: ChainPageProjects }) projects: ChainPageProjects;
  @ApiProperty({ type: ChainPageInvestment }) investment: ChainPageInvestment;
  @ApiProperty({ type: AttractionChainRow }) attraction: AttractionChainRow;
  @ApiProperty({ type: [IndicatorRow] }) indicators: IndicatorRow[];
  @ApiProperty({ type: [IndicatorFiling], description: 'each quarter\'s latest filing of the year' }) filings: IndicatorFiling[];
  @ApiProperty({ type: ChainPageDifferentiated }) differentiated: ChainPageDifferentiated;
  @ApiProperty({ type: [LeadSummary] }) leads: LeadSummary[];
  @ApiProperty({ type: ChainResponsibilityView, description: '"5个1"' }) responsibility: ChainResponsibilityView;
  @ApiProperty({ type: [ActivityView], description: '链长 activities of the year' }) activities: ActivityView[];
}
