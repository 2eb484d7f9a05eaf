import { ApiProperty } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { STAGES, type Stage } from '../lifecycle/index.js';
import type { ChainNoteView, FiledFund, FundView, IndicatorFiling, LeadSummary, LeadTransitionView, LeadView, MonthFundView } from './attraction.types.js';
import { LEAD_EVENT_TYPES, LEAD_ORIGINS, LEAD_STATUSES, NOTE_STATUSES, type LeadEventType, type LeadOrigin, type LeadStatus, type NoteStatus } from './lead-states.js';

/**
 * The 招商 answers as the OpenAPI document declares them (docs/domain/attraction.md): classes
 * implementing the plain types the server builds (attraction.types.ts). Money is integer 万元.
 */

const RATE = (label: string) => ({ type: Number, nullable: true, description: `${label}（%，一位小数；本年累计）；null: not filed` });
const COUNT = (label: string) => ({ type: 'integer' as const, nullable: true, description: `${label}（家，本年累计）；null: not filed` });

/** One quarter's latest filing of a chain's other 通用指标 (year to date). */
export class IndicatorFilingAnswer implements IndicatorFiling {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 4 }) quarter: number;
  @ApiProperty(RATE('规上企业营业收入增幅')) revenueGrowthPct: number | null;
  @ApiProperty(RATE('规上企业增加值增幅')) valueAddedGrowthPct: number | null;
  @ApiProperty(COUNT('新增规上企业')) newAboveScale: number | null;
  @ApiProperty(COUNT('新增省级以上优质企业')) newQuality: number | null;
  @ApiProperty(COUNT('新增高新技术企业')) newHighTech: number | null;
  @ApiProperty(COUNT('新增建有市级以上创新平台企业')) newInnovationPlatforms: number | null;
  @ApiProperty(RATE('贷款余额增幅')) loanGrowthPct: number | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time', description: 'instant (ISO 8601)' }) recordedAt: string;
}

/** The status and note of a chain's 差异化指标 for a year. */
export class ChainNoteAnswer implements ChainNoteView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: NOTE_STATUSES }) status: NoteStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time', description: 'instant (ISO 8601)' }) recordedAt: string;
}

/** A lead in lists. */
export class LeadSummaryAnswer implements LeadSummary {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
  @ApiProperty() investor: string;
  @ApiProperty({ enum: LEAD_ORIGINS }) origin: LeadOrigin;
  @ApiProperty({ description: 'chain code' }) chain: string;
  @ApiProperty({ description: 'county code' }) region: string;
  @ApiWan('意向投资额') intendedInvestment: number;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiWan('合同金额（签约后）', { nullable: true }) signedAmount: number | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) signedDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) landedDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the project it landed as' }) projectId: number | null;
  @ApiWan('到位资金合计（各月最新填报之和）') funded: number;
}

export class LeadTransitionAnswer implements LeadTransitionView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: LEAD_EVENT_TYPES }) event: LeadEventType;
  @ApiProperty({ enum: LEAD_STATUSES }) fromStatus: LeadStatus;
  @ApiProperty({ enum: LEAD_STATUSES }) toStatus: LeadStatus;
  @ApiProperty({ type: String, format: 'date' }) effectiveDate: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'what the event carried (LAND: { date, projectId, created })' }) data: unknown;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) recordedAt: string;
}

/** One revision of a month's 到位资金. */
export class FundAnswer implements FundView {
  @ApiProperty({ type: 'integer' }) leadId: number;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiWan('到位资金') amount: number;
  @ApiProperty() actor: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) recordedAt: string;
  @ApiProperty() correction: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class MonthFundAnswer extends FundAnswer implements MonthFundView {
  @ApiProperty({ type: 'integer', description: 'how many revisions the month has' }) revisions: number;
}

export class FiledFundAnswer extends FundAnswer implements FiledFund {
  @ApiProperty({ description: 'a first filing of the month (201), else a new revision or the same again (200)' }) created: boolean;
}

export class LeadProjectAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
}

/** GET /api/leads/:id: a lead with its steps, funds and the project it landed as. */
export class LeadAnswer extends LeadSummaryAnswer implements LeadView {
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: String, nullable: true }) agreementNo: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) terminatedDate: string | null;
  @ApiProperty({ description: 'the status in words' }) statusLabel: string;
  @ApiProperty({ enum: LEAD_EVENT_TYPES, isArray: true, description: 'events the status accepts' }) allowedEvents: LeadEventType[];
  @ApiProperty({ type: 'integer', description: 'send it back as If-Match' }) version: number;
  @ApiProperty() createdBy: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) createdAt: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) updatedAt: string;
  @ApiProperty({ type: () => LeadProjectAnswer, nullable: true }) project: LeadProjectAnswer | null;
  @ApiProperty({ type: [LeadTransitionAnswer] }) transitions: LeadTransitionAnswer[];
  @ApiProperty({ type: [MonthFundAnswer], description: 'every month\'s latest 到位资金' }) funds: MonthFundAnswer[];
}
