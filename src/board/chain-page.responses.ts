import { ApiProperty } from '@nestjs/swagger';
import { ChainNoteAnswer, IndicatorFilingAnswer, INDICATOR_KEYS, LeadSummaryAnswer, type IndicatorKey } from '../attraction/index.js';
import { ApiWan } from '../common/index.js';
import { ActivityAnswer, ChainResponsibilityAnswer } from '../people/index.js';
import { RATINGS, type Rating } from '../rules/index.js';
import { AttractionChainRow, CountAgainstTarget, CountOverThreshold } from './board.responses.js';
import type { ChainPageView } from './dashboard.types.js';

/**
 * A chain's page (`GET /api/chains/:code/page/:year`, docs/domain/attraction.md "The chain page")
 * as the OpenAPI document declares it: each class implements the answer's own type.
 */

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
  @ApiProperty({ type: ChainNoteAnswer, nullable: true }) note: ChainNoteAnswer | null;
  @ApiProperty({ type: [ChainNoteAnswer] }) history: ChainNoteAnswer[];
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
  @ApiProperty({ type: [IndicatorFilingAnswer], description: 'each quarter\'s latest filing of the year' }) filings: IndicatorFilingAnswer[];
  @ApiProperty({ type: ChainPageDifferentiated }) differentiated: ChainPageDifferentiated;
  @ApiProperty({ type: [LeadSummaryAnswer] }) leads: LeadSummaryAnswer[];
  @ApiProperty({ type: ChainResponsibilityAnswer, description: '"5个1"' }) responsibility: ChainResponsibilityAnswer;
  @ApiProperty({ type: [ActivityAnswer], description: '链长 activities of the year' }) activities: ActivityAnswer[];
}
