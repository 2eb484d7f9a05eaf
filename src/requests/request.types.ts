import type { ApprovalKey } from '../lifecycle/index.js';
import type { Pollutant, QuantityKind, RequestKind } from '../reference/index.js';
import {
  type CarryMark,
  type EvaluationRating,
  type FeedbackMethod,
  type RequestCategory,
  type RequestChannel,
  type RequestEventType,
  type RequestStatus,
} from './request-states.js';

/**
 * The 要素保障 shapes the API answers with (docs/api.md "Requests and problems"): plain types,
 * read by the server and by the pages' type check (src/web/public/types.js).
 */

/** The enterprise a problem is about and who to call there. */
export interface ProblemEnterprise {
  name: string;
  contact: string | null;
  phone: string | null;
}

/** A request or problem as the API shows it (docs/api.md "Requests and problems"). Quantities are decimal strings in `unit`. */
export interface RequestView {
  id: number;
  /** The project it is about; null for a problem about an enterprise or a chain. */
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  /** What it is about, in words: the project's name, else the enterprise's, else the chain's (“…产业链（全链）”). */
  subject: string;
  enterprise: ProblemEnterprise | null;
  /** Its county and chain: the project's, or its own for a problem without a project. */
  region: string | null;
  regionName: string | null;
  chain: string | null;
  chainName: string | null;
  /** Where it came in (企业热线, 企业诉求通, 专员走访, 巡链, 月调度, 其他). */
  channel: RequestChannel;
  /** The 专员 who brought it in (a person of the register), when named. */
  commissioner: { id: number; name: string } | null;
  policyTag: string | null;
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
  /** The list it is on: 高频 while its 共性 group is confirmed, else its category; 待研判 before it is accepted. */
  list: ListCategory;
  /** The 共性 group it belongs to, if any, and whether the city office has confirmed it (it is then on the 高频 list). */
  group: { id: number; confirmed: boolean } | null;
  /** On a month's list: 新增, 结转 or 本月办结; null elsewhere. */
  carry: CarryMark | null;
  /** The promised date, or (decided) the 常务会's deadline. */
  promisedDate: string | null;
  granted: string | null;
  approvalDate: string | null;
  /** The latest 反馈 to the enterprise: how and when. */
  feedback: { method: FeedbackMethod; date: string } | null;
  /** The 常务会's decision, once recorded: 议定事项, 责任单位, 时限. */
  decision: { decision: string; responsibleUnit: string; deadline: string } | null;
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
  method: string | null;
  toldOn: string | null;
  topic: string | null;
  opinion: string | null;
  proposal: string | null;
  decision: string | null;
  responsibleUnit: string | null;
  respondent: string | null;
  /** The 专员 who told the enterprise (FEEDBACK) or took its answer (EVALUATE), when named. */
  personId: number | null;
  actor: string;
  recordedAt: string;
  effectiveDate: string;
}

export interface MonthCounts {
  /** 新增: raised in the month. */
  raised: number;
  /** 结转: raised before the month, still open when it began. */
  carried: number;
  /** 累计: everything on the list (新增 + 结转). */
  cumulative: number;
  accepted: number;
  resolved: number;
  /** 本月办结: the loop closed in the month. */
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
  /** The day the list stands on: the month's last day, or today (the asOf instant's day) within the month. */
  refDate: string;
  asOf: string;
  totals: MonthCounts;
  /** 简单, 高频 (with its confirmed 共性 groups), 复杂, and 待研判 (unsorted: not accepted yet, or returned before it was). */
  lists: { category: ListCategory; counts: MonthCounts; items: RequestView[]; groups: { id: number; memberIds: number[] }[] }[];
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
  /** 资金: what reached the enterprise each month (万元, the latest filing of each); empty for other kinds. */
  disbursements: { month: string; amount: number }[];
}
