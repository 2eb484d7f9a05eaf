import type { ApprovalKey } from '../lifecycle/index.js';
import type { Pollutant, QuantityKind, RequestKind } from '../reference/index.js';
import { type EvaluationRating, type RequestCategory, type RequestEventType, type RequestStatus } from './request-states.js';

/**
 * The 要素保障 shapes the API answers with (docs/api.md "Requests and problems"): plain types,
 * read by the server and by the pages' type check (src/web/public/types.js).
 */

/** A request as the API shows it (docs/api.md "Requests and problems"). Quantities are decimal strings in `unit`. */
export interface RequestView {
  id: number;
  projectId: number;
  projectCode: string;
  projectName: string;
  region: string | null;
  regionName: string | null;
  chain: string | null;
  kind: RequestKind;
  /** kind approval: which of the six approvals. */
  approval: ApprovalKey | null;
  /** kind environment: which pollutant. */
  pollutant: Pollutant | null;
  /** Asked, e.g. "120.50" (亩); null for kinds without a quantity. */
  quantity: string | null;
  /** mu | tce | tpa | wan; null for kinds without a quantity. */
  unit: string | null;
  description: string;
  neededBy: string | null;
  department: string;
  departmentName: string;
  /** The monthly report it came with, if any. */
  sourceMonth: string | null;
  /** Where the need was found when not on the project page or a report: a 链长 activity (`{ kind: 'activity', id }`). */
  origin: { kind: string; id: number } | null;
  status: RequestStatus;
  category: RequestCategory | null;
  promisedDate: string | null;
  granted: string | null;
  approvalDate: string | null;
  rating: EvaluationRating | null;
  /** Returned: the department's reason (退回原因), for the county to read before raising it again. */
  returnReason: string | null;
  reopenCount: number;
  raisedBy: string;
  raisedAt: string;
  raisedOn: string;
  /** The last day to accept it in time (N working days after it was raised). */
  acceptDue: string;
  /** The date an open request waits on (acceptance deadline, or the promised date once accepted); null when not open. */
  due: string | null;
  overdue: boolean;
  /** Days past `due` on the reference date, when overdue. */
  daysOverdue: number | null;
  /** Event types its status takes (who may send each: docs/domain/requests.md). */
  allowedEvents: RequestEventType[];
  /** Bumped by every event: send it back as If-Match to act on what you read. */
  version: number;
  updatedAt: string;
}

export interface RequestTransitionView {
  id: number;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  category: string | null;
  promisedDate: string | null;
  granted: string | null;
  approvalDate: string | null;
  rating: string | null;
  note: string | null;
  reason: string | null;
  actor: string;
  recordedAt: string;
  effectiveDate: string;
}

export interface MonthCounts {
  raised: number;
  accepted: number;
  resolved: number;
  closed: number;
  returned: number;
  escalated: number;
  open: number;
  overdue: number;
  /** Calendar days raised → closed over the closed ones, one decimal (rules/request-overdue.ts meanDays). */
  meanDaysToClose: number | null;
}

export type ListCategory = RequestCategory | 'unsorted';

/** GET /api/requests/lists/:month (docs/domain/requests.md "The month's three lists"). */
export interface MonthLists {
  month: string;
  /** The day overdue is judged on: today (or the asOf instant's day). */
  refDate: string;
  asOf: string;
  totals: MonthCounts;
  /** 简单, 高频, 复杂, and 待研判 (unsorted: not accepted yet, or returned before it was). */
  lists: { category: ListCategory; counts: MonthCounts; items: RequestView[] }[];
  byDepartment: { code: string; name: string; counts: MonthCounts }[];
  byKind: { kind: RequestKind; counts: MonthCounts }[];
  byRegion: { code: string | null; name: string | null; counts: MonthCounts }[];
  /** Per counted kind (environment: per pollutant): asked and granted in the kind's unit. */
  grantedVsAsked: { kind: QuantityKind; pollutant: Pollutant | null; unit: string; requests: number; asked: string; granted: string }[];
}

/** What raising answers inside a transaction (the caller reads the views after it commits). */
export interface RaisedRequest {
  id: number;
  kind: RequestKind;
  department: string;
}

export interface RequestDetail extends RequestView {
  transitions: RequestTransitionView[];
}
