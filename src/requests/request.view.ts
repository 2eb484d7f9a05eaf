import { int } from '../database/sql.js';
import type { ApprovalKey } from '../lifecycle/stages.js';
import { formatQuantity } from '../rules/quantities.js';
import { daysOverdue } from '../rules/request-overdue.js';
import { acceptedRequestEvents } from './request.snapshot.js';
import {
  KIND_UNITS,
  isQuantityKind,
  type EvaluationRating,
  type Pollutant,
  type RequestCategory,
  type RequestEventType,
  type RequestKind,
  type RequestStatus,
} from './request-kinds.js';

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
  status: RequestStatus;
  category: RequestCategory | null;
  promisedDate: string | null;
  granted: string | null;
  approvalDate: string | null;
  rating: EvaluationRating | null;
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

export type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function quantityText(kind: RequestKind, scaled: unknown): string | null {
  return isQuantityKind(kind) && scaled !== null && scaled !== undefined ? formatQuantity(kind, int(scaled)) : null;
}

/** A row of requestsPageSql → the view; `refDate` is the day overdue was judged on. */
export function requestViewOf(row: Row, refDate: string): RequestView {
  const kind = row.kind as RequestKind;
  const status = row.status as RequestStatus;
  const due = text(row.due);
  const overdue = int(row.overdue) === 1;
  return {
    id: int(row.id),
    projectId: int(row.project_id),
    projectCode: row.project_code as string,
    projectName: row.project_name as string,
    region: text(row.region_code),
    regionName: text(row.region_name),
    chain: text(row.chain_code),
    kind,
    approval: text(row.approval_key) as ApprovalKey | null,
    pollutant: text(row.pollutant) as Pollutant | null,
    quantity: quantityText(kind, row.quantity),
    unit: isQuantityKind(kind) ? KIND_UNITS[kind].unit : null,
    description: row.description as string,
    neededBy: text(row.needed_by),
    department: row.department_code as string,
    departmentName: text(row.department_name) ?? (row.department_code as string),
    sourceMonth: text(row.source_month),
    status,
    category: text(row.category) as RequestCategory | null,
    promisedDate: text(row.promised_date),
    granted: quantityText(kind, row.granted),
    approvalDate: text(row.approval_date),
    rating: text(row.rating) as EvaluationRating | null,
    reopenCount: int(row.reopen_count),
    raisedBy: row.raised_by as string,
    raisedAt: row.raised_at as string,
    raisedOn: row.raised_on as string,
    acceptDue: row.accept_due as string,
    due,
    overdue,
    daysOverdue: overdue && due ? daysOverdue(due, refDate) : null,
    allowedEvents: acceptedRequestEvents(status),
    version: int(row.version),
    updatedAt: (text(row.updated_at) ?? row.raised_at) as string,
  };
}
