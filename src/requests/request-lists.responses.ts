import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { POLLUTANTS, QUANTITY_KINDS, REQUEST_KINDS, type Pollutant, type QuantityKind, type RequestKind } from '../reference/index.js';
import type { FactorGuaranteeBlock, FactorLongestOverdue, FactorTotals, FactorTotalsRow } from './factor-guarantee.types.js';
import { GROUP_EVENT_TYPES, GROUP_STATUSES, type GroupEventType, type GroupStatus } from './request-states.js';
import type { ListCategory, MonthCounts, MonthLists } from './request.types.js';
import { LIST_CATEGORIES, QUANTITY_UNITS, RequestAnswer } from './request.responses.js';
import type { RequestGroupView } from './request-groups.service.js';
import type { FiledDisbursement } from './request-disbursements.service.js';
import type { RequestSettings } from './request-settings.service.js';

/**
 * The 要素保障 answers beside the requests themselves (docs/api.md "Requests and problems"): the
 * month's lists, the year to date, the settings, a 资金 filing, the 共性问题 groups.
 */

export class RequestSettingsAnswer implements RequestSettings {
  @ApiProperty({ type: 'integer', description: 'a request must be accepted (or returned) within this many working days of being raised' }) acceptWorkingDays: number;
}

export class FiledDisbursementAnswer implements FiledDisbursement {
  @ApiProperty({ type: 'integer' }) requestId: number;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiWan('该月到位') amount: number;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty() correction: boolean;
  @ApiProperty({ description: 'a first filing of the month (201), else a new revision or the same again (200)' }) created: boolean;
  @ApiWan('授信（需求的保障量）') credit: number;
  @ApiWan('各月到位合计') disbursed: number;
}

export class MonthCountsAnswer implements MonthCounts {
  @ApiProperty({ type: 'integer', description: '新增' }) raised: number;
  @ApiProperty({ type: 'integer', description: '结转' }) carried: number;
  @ApiProperty({ type: 'integer', description: '累计 (新增 + 结转)' }) cumulative: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) resolved: number;
  @ApiProperty({ type: 'integer', description: '本月办结' }) closed: number;
  @ApiProperty({ type: 'integer' }) returned: number;
  @ApiProperty({ type: 'integer' }) escalated: number;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
  @ApiProperty({ type: Number, nullable: true, description: 'calendar days raised → closed over the closed ones, one decimal' }) meanDaysToClose: number | null;
}

export class ListGroupAnswer {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ type: 'integer', isArray: true }) memberIds: number[];
}

export class MonthListAnswer {
  @ApiProperty({ enum: LIST_CATEGORIES }) category: ListCategory;
  @ApiProperty({ type: MonthCountsAnswer }) counts: MonthCountsAnswer;
  @ApiProperty({ type: [RequestAnswer] }) items: RequestAnswer[];
  @ApiProperty({ type: [ListGroupAnswer], description: 'the 高频 list: its confirmed 共性 groups' }) groups: ListGroupAnswer[];
}

export class DepartmentCountsAnswer {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: MonthCountsAnswer }) counts: MonthCountsAnswer;
}

export class KindCountsAnswer {
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ type: MonthCountsAnswer }) counts: MonthCountsAnswer;
}

export class RegionCountsAnswer {
  @ApiProperty({ type: String, nullable: true, description: 'null: problems without a county (a whole chain)' }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: MonthCountsAnswer }) counts: MonthCountsAnswer;
}

export class GrantedVsAskedAnswer {
  @ApiProperty({ enum: QUANTITY_KINDS }) kind: QuantityKind;
  @ApiProperty({ enum: POLLUTANTS, nullable: true }) pollutant: Pollutant | null;
  @ApiProperty({ enum: QUANTITY_UNITS }) unit: string;
  @ApiProperty({ type: 'integer' }) requests: number;
  @ApiProperty({ description: 'decimal text in `unit`', example: '120.50' }) asked: string;
  @ApiProperty({ description: 'decimal text in `unit`', example: '100.00' }) granted: string;
}

/** GET /api/requests/lists/:month (docs/domain/requests.md "The month's three lists"). */
export class MonthListsAnswer implements MonthLists {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: String, format: 'date', description: 'the day the lists stand on' }) refDate: string;
  @ApiProperty({ description: 'the instant the lists were read as of (ISO 8601)' }) asOf: string;
  @ApiProperty({ type: MonthCountsAnswer }) totals: MonthCountsAnswer;
  @ApiProperty({ type: [MonthListAnswer], description: '简单, 高频, 复杂 and 待研判 (unsorted)' }) lists: MonthListAnswer[];
  @ApiProperty({ type: [DepartmentCountsAnswer] }) byDepartment: DepartmentCountsAnswer[];
  @ApiProperty({ type: [KindCountsAnswer] }) byKind: KindCountsAnswer[];
  @ApiProperty({ type: [RegionCountsAnswer] }) byRegion: RegionCountsAnswer[];
  @ApiProperty({ type: [GrantedVsAskedAnswer], description: 'per counted kind (environment: per pollutant)' }) grantedVsAsked: GrantedVsAskedAnswer[];
}

export class FactorTotalsRowAnswer implements FactorTotalsRow {
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ enum: POLLUTANTS, nullable: true }) pollutant: Pollutant | null;
  @ApiProperty({ enum: QUANTITY_UNITS, nullable: true, description: 'null for kinds counted without a unit' }) unit: string | null;
  @ApiProperty({ type: 'integer', description: 'raised from January to the month' }) requests: number;
  @ApiProperty({ type: 'integer', description: 'projects (and enterprises) served' }) projects: number;
  @ApiProperty({ type: String, nullable: true, description: 'decimal text in `unit`', example: '120.50' }) asked: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'decimal text in `unit`', example: '100.00' }) granted: string | null;
}

export class DepartmentTotalsAnswer {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [FactorTotalsRowAnswer] }) kinds: FactorTotalsRowAnswer[];
}

export class FundingTotalsAnswer {
  @ApiWan('授信') credit: number;
  @ApiWan('到位') disbursed: number;
}

/** GET /api/requests/totals/:month (docs/domain/requests.md "Year to date"). */
export class FactorTotalsAnswer implements FactorTotals {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ type: String, format: 'date' }) refDate: string;
  @ApiProperty({ type: [FactorTotalsRowAnswer] }) kinds: FactorTotalsRowAnswer[];
  @ApiProperty({ type: [DepartmentTotalsAnswer] }) byDepartment: DepartmentTotalsAnswer[];
  @ApiProperty({ type: FundingTotalsAnswer, description: '资金: 授信 against 到位' }) funding: FundingTotalsAnswer;
}

/** A 共性问题 group (docs/domain/requests.md "共性问题"). */
export class RequestGroupAnswer implements RequestGroupView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty() department: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: String, nullable: true }) policyTag: string | null;
  @ApiProperty({ enum: GROUP_STATUSES }) status: GroupStatus;
  @ApiProperty({ type: 'integer', isArray: true, description: 'the members the caller may see' }) memberIds: number[];
  @ApiProperty({ description: 'instant (ISO 8601)' }) proposedAt: string;
  @ApiProperty({ type: String, nullable: true }) confirmedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmedBy: string | null;
  @ApiProperty({ type: String, nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'RESOLVE\'s one answer, or DISMISS\'s reason' }) note: string | null;
  @ApiProperty({ enum: GROUP_EVENT_TYPES, isArray: true }) allowedEvents: GroupEventType[];
  @ApiProperty({ type: 'integer' }) version: number;
}

/** The board's 要素保障 block (`factorGuarantee` of GET /api/dashboard/:year; docs/domain/requests.md "On the board"). */
export class FactorResponsibleAnswer {
  @ApiPropertyOptional({ description: '市级包联领导' }) cityLeader?: string;
  @ApiPropertyOptional({ description: '县级包联领导' }) countyLeader?: string;
  @ApiPropertyOptional({ description: '服务专员' }) commissioner?: string;
}

export class FactorLongestOverdueAnswer implements FactorLongestOverdue {
  @ApiProperty({ type: 'integer' }) requestId: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null for a problem about an enterprise or a whole chain' }) projectId: number | null;
  @ApiProperty({ description: 'what it is about: the project, else the enterprise, else the chain' }) projectName: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty() department: string;
  @ApiProperty() departmentName: string;
  @ApiProperty({ type: String, format: 'date', description: 'the date it waits on' }) due: string;
  @ApiProperty({ type: 'integer' }) daysOverdue: number;
  @ApiPropertyOptional({ type: FactorResponsibleAnswer, description: 'the project\'s 包联领导 and 专员 by name' }) responsible?: FactorResponsibleAnswer;
}

export class FactorKindCountsAnswer {
  @ApiProperty({ enum: REQUEST_KINDS }) kind: RequestKind;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
}

export class FactorDepartmentCountsAnswer {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
}

export class FactorGuaranteeAnswer implements FactorGuaranteeBlock {
  @ApiProperty({ type: 'integer', description: 'waiting on a department or the 常务会' }) open: number;
  @ApiProperty({ type: 'integer', description: 'open and past the date they wait on' }) overdue: number;
  @ApiProperty({ type: String, format: 'date', description: 'the date overdue is judged on' }) refDate: string;
  @ApiProperty({ type: 'integer', description: 'resolved, waiting for the county\'s evaluation' }) awaitingEvaluation: number;
  @ApiProperty({ type: 'integer', description: 'taken to the 常务会 and not yet handled' }) escalated: number;
  @ApiProperty({ type: [FactorKindCountsAnswer] }) byKind: FactorKindCountsAnswer[];
  @ApiProperty({ type: [FactorDepartmentCountsAnswer] }) byDepartment: FactorDepartmentCountsAnswer[];
  @ApiProperty({ type: [FactorLongestOverdueAnswer], description: 'the five longest overdue, oldest due date first' }) longestOverdue: FactorLongestOverdueAnswer[];
}
