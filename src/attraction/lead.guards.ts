import { notFoundMessage } from '../access/index.js';
import { type GuardFailure, hasText, needDateNotAfterToday, needReason } from '../workflow/index.js';
import type { Stage } from '../lifecycle/index.js';
import type { LeadEventType } from './lead-states.js';

/**
 * A lead's rules (docs/domain/attraction.md "Leads"), as pure synchronous functions over the
 * lead's facts, today's date and the event payload. Each returns every reason the event is
 * refused (empty: it may proceed), like the project lifecycle's guards.
 */
export interface LinkedProjectFacts {
  chainCode: string | null;
  stage: Stage;
  /** The lead the project is linked to already, if any. */
  leadId: number | null;
}

export interface LeadFacts {
  id: number;
  chainCode: string;
  /** The signing date, once signed. */
  signedDate: string | null;
  /**
   * The project a LAND names by `projectId`, as the engine found it in the caller's scope
   * (null: no such project for them, or the event names none).
   */
  linkedProject: LinkedProjectFacts | null;
}

export interface LeadContext {
  lead: LeadFacts;
  /** Today's calendar date, YYYY-MM-DD (the city's zone). */
  today: string;
}

export type LeadEvent =
  | { type: 'SIGN'; amount?: number; date?: string; agreementNo?: string }
  | { type: 'LAND'; date?: string; projectId?: number; project?: object }
  | { type: 'TERMINATE'; reason?: string };

type Rule<T extends LeadEventType> = (context: LeadContext, event: Extract<LeadEvent, { type: T }>) => GuardFailure[];

/** 在谈 → 签约: a contract amount above zero (万元) and a signing date not after today. */
export const signRule: Rule<'SIGN'> = ({ today }, event) => {
  const failures: GuardFailure[] = [];
  if (event.amount === undefined || event.amount === null)
    failures.push({ field: 'amount', code: 'amountRequired', message: '签约需要填写合同金额（万元）' });
  else if (!Number.isInteger(event.amount) || event.amount <= 0)
    failures.push({ field: 'amount', code: 'amountNotPositive', message: '合同金额必须是大于 0 的整数万元' });
  failures.push(...needDateNotAfterToday(event.date, today, '签约'));
  return failures;
};

/**
 * 签约 → 落地: a new project or an existing one (one of the two), the existing one visible to
 * the caller, of the lead's chain, not withdrawn and not another lead's; a landing date (today
 * unless given) not before the signing date and not after today.
 */
export const landRule: Rule<'LAND'> = ({ lead, today }, event) => {
  const failures: GuardFailure[] = [];
  const linking = event.projectId !== undefined && event.projectId !== null;
  const creating = event.project !== undefined && event.project !== null;
  if (linking && creating)
    failures.push({ field: 'project', code: 'projectChoice', message: '落地时新建项目与关联已有项目只能选一个' });
  else if (!linking && !creating)
    failures.push({ field: 'project', code: 'projectRequired', message: '落地需要新建项目，或按项目编码或名称选择一个已有项目关联' });
  else if (linking) {
    const project = lead.linkedProject;
    if (!project) failures.push({ field: 'projectId', code: 'projectNotFound', message: notFoundMessage('要关联的项目') });
    else {
      if (project.chainCode !== lead.chainCode)
        failures.push({ field: 'projectId', code: 'projectChainMismatch', message: '关联的项目须属于本招商项目的产业链' });
      if (project.stage === 'withdrawn') failures.push({ field: 'projectId', code: 'projectWithdrawn', message: '关联的项目已调出项目库' });
      if (project.leadId !== null && project.leadId !== lead.id)
        failures.push({ field: 'projectId', code: 'projectAlreadyLinked', message: '该项目已关联另一个招商项目' });
    }
  }
  const date = hasText(event.date) ? event.date! : today;
  if (date > today) failures.push({ field: 'date', code: 'dateInFuture', message: `落地日期 ${date} 不能晚于今天（${today}）` });
  else if (lead.signedDate && date < lead.signedDate)
    failures.push({ field: 'date', code: 'dateBeforeSign', message: `落地日期不能早于签约日期 ${lead.signedDate}` });
  return failures;
};

/** 在谈 or 签约 → 终止: a reason. */
export const terminateRule: Rule<'TERMINATE'> = (_context, event) => needReason(event, '终止招商项目');

/** Every failed condition for an event, whatever status the lead is in. */
export function leadGuardFailures(context: LeadContext, event: LeadEvent): GuardFailure[] {
  switch (event.type) {
    case 'SIGN':
      return signRule(context, event);
    case 'LAND':
      return landRule(context, event);
    case 'TERMINATE':
      return terminateRule(context, event);
  }
}

export type { GuardFailure };
