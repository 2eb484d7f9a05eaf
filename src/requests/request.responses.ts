import { ApiProperty } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { APPROVAL_KEYS, type ApprovalKey } from '../lifecycle/index.js';
import { KIND_UNITS, POLLUTANTS, REQUEST_KINDS, type Pollutant, type RequestKind } from '../reference/index.js';
import {
  CARRY_MARKS,
  EVALUATION_RATINGS,
  FEEDBACK_METHODS,
  REQUEST_CATEGORIES,
  REQUEST_CHANNELS,
  REQUEST_EVENT_TYPES,
  REQUEST_STATUSES,
  type CarryMark,
  type EvaluationRating,
  type FeedbackMethod,
  type RequestCategory,
  type RequestChannel,
  type RequestEventType,
  type RequestStatus,
} from './request-states.js';
import type { ListCategory, ProblemEnterprise, RequestDetail, RequestTransitionView, RequestView } from './request.types.js';

/**
 * The 要素保障 answers as the OpenAPI document declares them (docs/api.md "Requests and problems"):
 * classes that implement the plain types the server builds (request.types.ts), so a renamed field
 * fails the type check.
 */

/** The units quantities are in (reference's KIND_UNITS), for `unit` fields. */
export const QUANTITY_UNITS = [...new Set(Object.values(KIND_UNITS).map((k) => k.unit))];
/** The lists a request sits on: a category, or 待研判 (unsorted) before it is accepted. */
export const LIST_CATEGORIES: readonly ListCategory[] = [...REQUEST_CATEGORIES, 'unsorted'];

const QUANTITY = 'decimal text in `unit`, e.g. "120.50"; null for kinds without a quantity';

export class ProblemEnterpriseAnswer implements ProblemEnterprise {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) contact: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class NamedIdAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() name: string;
}

export class RequestOriginAnswer {
  @ApiProperty({ description: 'e.g. `activity`: a 链长 activity' }) kind: string;
  @ApiProperty({ type: 'integer' }) id: number;
}

export class RequestGroupRef {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'confirmed by the city office: the request is then on the 高频 list' }) confirmed: boolean;
}

export class RequestFeedbackAnswer {
  @ApiProperty({ enum: FEEDBACK_METHODS }) method: FeedbackMethod;
  @ApiProperty({ type: String, format: 'date' }) date: string;
}

export class RequestDecisionAnswer {
  @ApiProperty({ description: '议定事项' }) decision: string;
  @ApiProperty({ description: '责任单位' }) responsibleUnit: string;
  @ApiProperty({ description: '时限 (YYYY-MM-DD; empty when none was recorded)' }) deadline: string;
}

/** A request or problem (docs/domain/requests.md). */
export class RequestAnswer implements RequestView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null for a problem about an enterprise or a chain' }) projectId: number | null;
  @ApiProperty({ type: String, nullable: true }) projectCode: string | null;
  @ApiProperty({ type: String, nullable: true }) projectName: string | null;
  @ApiProperty({ description: 'what it is about, in words: the project, else the enterprise, else the chain (全链)' }) subject: string;
  @ApiProperty({ type: () => ProblemEnterpriseAnswer, nullable: true }) enterprise: ProblemEnterpriseAnswer | null;
  @ApiProperty({ type: String, nullable: true, description: 'county code' }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'chain code' }) chain: string | null;
  @ApiProperty({ type: String, nullable: true }) chainName: string | null;
  @ApiProperty({ enum: REQUEST_CHANNELS }) channel: RequestChannel;
  @ApiProperty({ type: () => NamedIdAnswer, nullable: true, description: 'the 专员 who brought it in' }) commissioner: NamedIdAnswer | null;
  @ApiProperty({ type: String, nullable: true }) policyTag: string | null;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ enum: APPROVAL_KEYS, nullable: true, description: 'kind approval: which approval' }) approval: ApprovalKey | null;
  @ApiProperty({ enum: POLLUTANTS, nullable: true, description: 'kind environment: which pollutant' }) pollutant: Pollutant | null;
  @ApiProperty({ type: String, nullable: true, description: `asked: ${QUANTITY}`, example: '120.50' }) quantity: string | null;
  @ApiProperty({ enum: QUANTITY_UNITS, nullable: true }) unit: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) neededBy: string | null;
  @ApiProperty({ description: 'department code' }) department: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11', description: 'the monthly report it came with' }) sourceMonth: string | null;
  @ApiProperty({ type: () => RequestOriginAnswer, nullable: true }) origin: RequestOriginAnswer | null;
  @ApiProperty({ enum: REQUEST_STATUSES }) status: RequestStatus;
  @ApiProperty({ enum: REQUEST_CATEGORIES, nullable: true }) category: RequestCategory | null;
  @ApiProperty({ enum: LIST_CATEGORIES, description: 'the list it is on (高频 while its group is confirmed; unsorted before it is accepted)' }) list: ListCategory;
  @ApiProperty({ type: () => RequestGroupRef, nullable: true, description: 'its 共性问题 group' }) group: RequestGroupRef | null;
  @ApiProperty({ enum: CARRY_MARKS, nullable: true, description: 'on a month list: 新增 / 结转 / 本月办结; null elsewhere' }) carry: CarryMark | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) promisedDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: `granted: ${QUANTITY}`, example: '100.00' }) granted: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) approvalDate: string | null;
  @ApiProperty({ type: () => RequestFeedbackAnswer, nullable: true, description: 'the latest 反馈 to the enterprise' }) feedback: RequestFeedbackAnswer | null;
  @ApiProperty({ type: () => RequestDecisionAnswer, nullable: true, description: 'the 常务会 decision' }) decision: RequestDecisionAnswer | null;
  @ApiProperty({ enum: EVALUATION_RATINGS, nullable: true }) rating: EvaluationRating | null;
  @ApiProperty({ type: String, nullable: true, description: 'returned: the department\'s reason' }) returnReason: string | null;
  @ApiProperty({ type: 'integer' }) reopenCount: number;
  @ApiProperty() raisedBy: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) raisedAt: string;
  @ApiProperty({ type: String, format: 'date' }) raisedOn: string;
  @ApiProperty({ type: String, format: 'date', description: 'the last day to accept it in time' }) acceptDue: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'the date an open request waits on; null when not open' }) due: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ type: 'integer', nullable: true }) daysOverdue: number | null;
  @ApiProperty({ enum: REQUEST_EVENT_TYPES, isArray: true }) allowedEvents: RequestEventType[];
  @ApiProperty({ type: 'integer', description: 'send it back as If-Match' }) version: number;
  @ApiProperty({ description: 'instant (ISO 8601)' }) updatedAt: string;
}

export class RequestTransitionAnswer implements RequestTransitionView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ description: 'RAISE or an event type' }) event: string;
  @ApiProperty({ type: String, nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: String, nullable: true }) category: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) promisedDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: QUANTITY }) granted: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) approvalDate: string | null;
  @ApiProperty({ type: String, nullable: true }) rating: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) method: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) toldOn: string | null;
  @ApiProperty({ type: String, nullable: true }) topic: string | null;
  @ApiProperty({ type: String, nullable: true }) opinion: string | null;
  @ApiProperty({ type: String, nullable: true }) proposal: string | null;
  @ApiProperty({ type: String, nullable: true }) decision: string | null;
  @ApiProperty({ type: String, nullable: true }) responsibleUnit: string | null;
  @ApiProperty({ type: String, nullable: true }) respondent: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the 专员 who told the enterprise or took its answer' }) personId: number | null;
  @ApiProperty() actor: string;
  @ApiProperty({ description: 'instant (ISO 8601)' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'date' }) effectiveDate: string;
}

export class MonthAmountAnswer {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiWan('到位') amount: number;
}

/** One request with every step (GET /api/requests/:id and the events' answer). */
export class RequestDetailAnswer extends RequestAnswer implements RequestDetail {
  @ApiProperty({ type: [RequestTransitionAnswer] }) transitions: RequestTransitionAnswer[];
  @ApiProperty({ type: [MonthAmountAnswer], description: '资金: what reached the enterprise each month (latest filing of each); empty for other kinds' })
  disbursements: MonthAmountAnswer[];
}
