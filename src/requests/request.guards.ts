import { APPROVAL_KEYS, type ApprovalKey } from '../lifecycle/index.js';
import { needDateNotAfterToday, type GuardFailure } from '../workflow/index.js';
import { parseQuantity } from '../rules/index.js';
import { isQuantityKind, type RequestKind } from '../reference/index.js';
import { EVALUATION_RATINGS, FEEDBACK_METHODS, REQUEST_CATEGORIES, type RequestStatus } from './request-states.js';

/**
 * The request machine's rules (docs/domain/requests.md "The request machine"), as pure
 * synchronous functions over the request's facts, today's date and the event payload. Each
 * returns every reason the event is refused (an empty list: it may proceed). Who may send an
 * event (the department, the county, the city office) is not a guard: the engine checks it
 * first (403/404), since it is about the caller, not the request.
 */
export interface RequestFacts {
  kind: RequestKind;
  approvalKey: ApprovalKey | null;
  status: RequestStatus;
  promisedDate: string | null;
  /** The day it was raised (the enterprise cannot have been told before it). */
  raisedOn: string;
}

export interface RequestContext {
  request: RequestFacts;
  /** Today's calendar date, YYYY-MM-DD (TZ_CALENDAR). */
  today: string;
}

export type RequestEvent =
  | { type: 'ACCEPT'; category?: string; promisedDate?: string }
  | { type: 'RESOLVE'; granted?: number | string; note?: string; approvalDate?: string }
  | { type: 'FEEDBACK'; method?: string; date?: string; note?: string; commissionerId?: number }
  | { type: 'RETURN'; reason?: string }
  | { type: 'EVALUATE'; rating?: string; reason?: string; respondent?: string; commissionerId?: number }
  | { type: 'ESCALATE'; reason?: string; topic?: string; opinion?: string; proposal?: string }
  | { type: 'DECIDE'; decision?: string; responsibleUnit?: string; deadline?: string };

type Rule<E extends RequestEvent> = (context: RequestContext, event: E) => GuardFailure[];
type EventOf<T extends RequestEvent['type']> = Extract<RequestEvent, { type: T }>;

const hasText = (value: string | null | undefined): boolean => typeof value === 'string' && value.trim() !== '';

function needText(value: string | undefined, field: string, code: string, message: string): GuardFailure[] {
  return hasText(value) ? [] : [{ field, code, message }];
}

/** 研判: one of the three lists, and a promised date not before today. */
export const acceptRule: Rule<EventOf<'ACCEPT'>> = ({ today }, event) => {
  const failures: GuardFailure[] = [];
  if (!hasText(event.category)) failures.push({ field: 'category', code: 'categoryRequired', message: '受理需选择问题清单（简单、高频、复杂）' });
  else if (!(REQUEST_CATEGORIES as readonly string[]).includes(event.category!))
    failures.push({ field: 'category', code: 'unknownCategory', message: `未知的问题清单：${event.category}（应为 ${REQUEST_CATEGORIES.join(', ')}）` });
  if (!hasText(event.promisedDate)) failures.push({ field: 'promisedDate', code: 'promisedDateRequired', message: '受理需填写承诺办结日期' });
  else if (event.promisedDate! < today)
    failures.push({ field: 'promisedDate', code: 'promisedDateInPast', message: `承诺办结日期 ${event.promisedDate} 不能早于今天（${today}）` });
  return failures;
};

/**
 * 办结: a note on what was done; what was granted in the kind's unit when it has one (optional);
 * for an approval request, the date the approval was obtained (optional, not after today).
 */
export const resolveRule: Rule<EventOf<'RESOLVE'>> = ({ request, today }, event) => {
  const failures = needText(event.note, 'note', 'noteRequired', '办结需填写办理情况');
  if (event.granted !== undefined) {
    const parsed = parseQuantity(request.kind, event.granted);
    if (!parsed.ok) failures.push({ field: 'granted', code: parsed.failure.code, message: `保障数量：${parsed.failure.message}` });
  }
  if (event.approvalDate !== undefined) {
    if (request.kind !== 'approval')
      failures.push({ field: 'approvalDate', code: 'approvalDateNotApplicable', message: '只有审批类需求办结时填写审批办结日期' });
    else if (event.approvalDate > today)
      failures.push({ field: 'approvalDate', code: 'dateInFuture', message: `审批办结日期 ${event.approvalDate} 不能晚于今天（${today}）` });
  }
  return failures;
};

/** 反馈: how the enterprise was told (one of FEEDBACK_METHODS) and the day, not after today nor before it was raised. */
export const feedbackRule: Rule<EventOf<'FEEDBACK'>> = ({ request, today }, event) => {
  const failures: GuardFailure[] = [];
  if (!hasText(event.method)) failures.push({ field: 'method', code: 'methodRequired', message: '反馈需选择告知方式（电话、上门、书面、座谈会、线上平台、其他）' });
  else if (!(FEEDBACK_METHODS as readonly string[]).includes(event.method!))
    failures.push({ field: 'method', code: 'unknownMethod', message: `未知的告知方式：${event.method}（应为 ${FEEDBACK_METHODS.join(', ')}）` });
  const date = needDateNotAfterToday(event.date, today, '反馈企业');
  if (date.length) failures.push(...date);
  else if (event.date! < request.raisedOn) failures.push({ field: 'date', code: 'dateBeforeRaised', message: `告知日期 ${event.date} 早于问题提出日期 ${request.raisedOn}` });
  return failures;
};

export const returnRule: Rule<EventOf<'RETURN'>> = (_context, event) =>
  needText(event.reason, 'reason', 'reasonRequired', '退回需填写原因');

/** 评价 (the enterprise's): a rating; 不满意 needs a reason (it sends the request back to the department). */
export const evaluateRule: Rule<EventOf<'EVALUATE'>> = (_context, event) => {
  const failures: GuardFailure[] = [];
  if (!hasText(event.rating)) failures.push({ field: 'rating', code: 'ratingRequired', message: '评价需选择满意、基本满意或不满意' });
  else if (!(EVALUATION_RATINGS as readonly string[]).includes(event.rating!))
    failures.push({ field: 'rating', code: 'unknownRating', message: `未知的评价：${event.rating}（应为 ${EVALUATION_RATINGS.join(', ')}）` });
  else if (event.rating === 'dissatisfied' && !hasText(event.reason))
    failures.push({ field: 'reason', code: 'reasonRequired', message: '不满意需填写原因' });
  return failures;
};

/** 提交常务会: the problem as the paper states it (存在问题); 议题, 部门意见 and 建议 are optional. */
export const escalateRule: Rule<EventOf<'ESCALATE'>> = (_context, event) =>
  needText(event.reason, 'reason', 'reasonRequired', '提交市政府常务会需填写原因（存在问题）');

/** 常务会议定: what was decided (议定事项), who carries it out (责任单位), by when (时限, not before today). */
export const decideRule: Rule<EventOf<'DECIDE'>> = ({ today }, event) => {
  const failures = [
    ...needText(event.decision, 'decision', 'decisionRequired', '需填写议定事项'),
    ...needText(event.responsibleUnit, 'responsibleUnit', 'responsibleUnitRequired', '需填写责任单位'),
  ];
  if (!hasText(event.deadline)) failures.push({ field: 'deadline', code: 'deadlineRequired', message: '需填写办理时限' });
  else if (event.deadline! < today) failures.push({ field: 'deadline', code: 'deadlineInPast', message: `办理时限 ${event.deadline} 不能早于今天（${today}）` });
  return failures;
};

/** Every failed condition for an event, whatever status the request is in. */
export function requestGuardFailures(context: RequestContext, event: RequestEvent): GuardFailure[] {
  switch (event.type) {
    case 'ACCEPT':
      return acceptRule(context, event);
    case 'RESOLVE':
      return resolveRule(context, event);
    case 'FEEDBACK':
      return feedbackRule(context, event);
    case 'RETURN':
      return returnRule(context, event);
    case 'EVALUATE':
      return evaluateRule(context, event);
    case 'ESCALATE':
      return escalateRule(context, event);
    case 'DECIDE':
      return decideRule(context, event);
  }
}

/** What a request must name besides its kind (the approval, the pollutant) and whether it carries a quantity. */
export function kindNeeds(kind: RequestKind): { approval: boolean; pollutant: boolean; quantity: boolean } {
  return { approval: kind === 'approval', pollutant: kind === 'environment', quantity: isQuantityKind(kind) };
}

export function isApprovalKey(value: unknown): value is ApprovalKey {
  return typeof value === 'string' && (APPROVAL_KEYS as readonly string[]).includes(value);
}
