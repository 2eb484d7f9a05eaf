import { int } from '../database/index.js';
import type { ApprovalKey } from '../lifecycle/index.js';
import { daysOverdue, formatQuantity } from '../rules/index.js';
import { acceptedRequestEvents } from './request.snapshot.js';
import { isQuantityKind, KIND_UNITS, type Pollutant, type RequestKind } from '../reference/index.js';
import type { CarryMark, EvaluationRating, FeedbackMethod, RequestCategory, RequestChannel, RequestStatus } from './request-states.js';
import type { ListCategory, RequestView } from './request.types.js';

export type { RequestTransitionView, RequestView } from './request.types.js';

export type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export function quantityText(kind: RequestKind, scaled: unknown): string | null {
  return isQuantityKind(kind) && scaled !== null && scaled !== undefined ? formatQuantity(kind, int(scaled)) : null;
}

/** What a request is about, in words: its project, else its enterprise, else its chain (全链). */
export function subjectOf(row: Row): string {
  return text(row.project_name) ?? text(row.enterprise_name) ?? (row.chain_name ? `${String(row.chain_name)}产业链（全链）` : `问题 ${int(row.id)}`);
}

/** A row of requestsPageSql → the view; `refDate` is the day overdue was judged on. */
export function requestViewOf(row: Row, refDate: string): RequestView {
  const kind = row.kind as RequestKind;
  const status = row.status as RequestStatus;
  const due = text(row.due);
  const overdue = int(row.overdue) === 1;
  const enterprise = text(row.enterprise_name);
  const decision = text(row.decision);
  return {
    id: int(row.id),
    projectId: row.project_id === null || row.project_id === undefined ? null : int(row.project_id),
    projectCode: text(row.project_code),
    projectName: text(row.project_name),
    subject: subjectOf(row),
    enterprise: enterprise === null ? null : { name: enterprise, contact: text(row.contact_name), phone: text(row.contact_phone) },
    region: text(row.region_code),
    regionName: text(row.region_name),
    chain: text(row.chain_code),
    chainName: text(row.chain_name),
    channel: (text(row.channel) ?? 'other') as RequestChannel,
    commissioner: row.commissioner_id === null || row.commissioner_id === undefined ? null : { id: int(row.commissioner_id), name: text(row.commissioner_name) ?? '' },
    policyTag: text(row.policy_tag),
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
    list: (text(row.list) ?? 'unsorted') as ListCategory,
    group: row.group_id === null || row.group_id === undefined ? null : { id: int(row.group_id), confirmed: row.common_group_id !== null && row.common_group_id !== undefined },
    carry: text(row.carry) as CarryMark | null,
    promisedDate: text(row.promised_date),
    granted: quantityText(kind, row.granted),
    approvalDate: text(row.approval_date),
    feedback: row.told_on ? { method: row.feedback_method as FeedbackMethod, date: row.told_on as string } : null,
    decision: decision === null ? null : { decision, responsibleUnit: text(row.responsible_unit) ?? '', deadline: text(row.promised_date) ?? '' },
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
