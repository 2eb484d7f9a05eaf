import { int } from '../database/index.js';
import type { ApprovalKey } from '../lifecycle/index.js';
import { daysOverdue, formatQuantity } from '../rules/index.js';
import { acceptedRequestEvents } from './request.snapshot.js';
import { isQuantityKind, KIND_UNITS, type Pollutant, type RequestKind } from '../reference/index.js';
import type { EvaluationRating, RequestCategory, RequestStatus } from './request-states.js';
import type { RequestView } from './request.types.js';

export type { RequestTransitionView, RequestView } from './request.types.js';

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
    origin: row.origin_kind ? { kind: row.origin_kind as string, id: int(row.origin_id) } : null,
    status,
    category: text(row.category) as RequestCategory | null,
    promisedDate: text(row.promised_date),
    granted: quantityText(kind, row.granted),
    approvalDate: text(row.approval_date),
    rating: text(row.rating) as EvaluationRating | null,
    returnReason: status === 'returned' ? text(row.return_reason) : null,
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
