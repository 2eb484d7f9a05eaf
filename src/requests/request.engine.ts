import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { type Principal, requestVisible, scopeOf, visibleOr404 } from '../access/index.js';
import { ApiError, Clock, unprocessable } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { approvalsOf, ApprovalsService, type Project, ProjectRecordsService } from '../project-records/index.js';
import { dayNumber, parseQuantity } from '../rules/index.js';
import { FactorRequest } from './factor-request.entity.js';
import type { RequestContext, RequestEvent } from './request.guards.js';
import { requestWorkflow } from './request.workflow.js';
import { personExists } from './request-needs.js';
import type { EvaluationRating, RequestCategory, RequestEventType, RequestStatus } from './request-states.js';
import { RequestTransition } from './request-transition.entity.js';
import { TransitionEngine } from '../workflow/index.js';

/** Who acts: the signed-in user (or, for the demo seed, a stand-in with the same fields). */
export type Actor = Pick<Principal, 'username' | 'role' | 'region' | 'chain' | 'department'>;

export interface RequestApplyOptions {
  /** The version the caller read (If-Match); stale → 412. */
  expectedVersion?: number;
  /** Record at this instant instead of now (the demo seed replaying its story only). */
  recordedAt?: string;
}

/**
 * Who may send each event (docs/domain/requests.md "Who does what"): the department the request
 * is routed to handles it and tells the enterprise (the city office may act for it); the
 * enterprise's evaluation is recorded by the problem's county (a problem about a whole chain
 * without a county: by the chain's team); only the city office takes a problem to the 常务会 and
 * records what it decided.
 */
const SENDERS: Record<RequestEventType, { roles: Actor['role'][]; refusal: string }> = {
  ACCEPT: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以受理' },
  RESOLVE: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以办结' },
  FEEDBACK: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以记录向企业的反馈' },
  RETURN: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以退回' },
  EVALUATE: { roles: ['region', 'chain'], refusal: '企业评价由问题所在的县（市、区）记录（无县区的全链问题由产业链专班记录）' },
  ESCALATE: { roles: ['admin'], refusal: '只有市链长办可以提交市政府常务会' },
  DECIDE: { roles: ['admin'], refusal: '只有市链长办可以记录市政府常务会的议定事项' },
};

/** The county and chain a request is scoped by: its project's, or its own when it is about an enterprise or a chain. */
export function placeOf(request: Pick<FactorRequest, 'regionCode' | 'chainCode'>, project: Pick<Project, 'regionCode' | 'chainCode'> | null): { regionCode: string | null; chainCode: string | null } {
  return project ? { regionCode: project.regionCode, chainCode: project.chainCode } : { regionCode: request.regionCode, chainCode: request.chainCode };
}

/** The 专员 named on a 反馈 or 评价, when one is: a person of the register (422 otherwise, nothing recorded). */
async function commissionerOf(manager: EntityManager, id: number | undefined): Promise<number | null> {
  if (id === undefined) return null;
  if (!(await personExists(manager, id)))
    throw unprocessable('人员名录中没有该专员', [{ field: 'commissionerId', code: 'unknownPerson', message: `人员名录中没有该专员（${id}），请先在人员名录中登记` }]);
  return id;
}

function refuse(message: string): never {
  throw new ApiError(403, message, [{ field: 'type', code: 'notYourStep', message }]);
}

/**
 * The one place a request changes status. In one queued transaction: the request, if the
 * caller may see it (404 otherwise: a department sees its own requests, a county its county's),
 * if the caller may send this event (403), if its status takes the event (409) and its guards
 * pass (422, every reason); then the row (guarded by the version read), the transition row, the
 * project's history row (for a problem about a project) and the audit entry; after the
 * transition, its side effect (an approval request resolved with a date marks that approval
 * done on the project).
 */
@Injectable()
export class RequestEngine {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly approvals: ApprovalsService,
    private readonly records: ProjectRecordsService,
    private readonly engine: TransitionEngine,
  ) {}

  apply(requestId: number, event: RequestEvent, actor: Actor, options: RequestApplyOptions = {}): Promise<RequestStatus> {
    return this.writes.run((manager) => this.applyIn(manager, requestId, event, actor, options));
  }

  /** `apply` in the caller's write transaction (a 共性 group's answer resolves its members in its own). */
  applyIn(manager: EntityManager, requestId: number, event: RequestEvent, actor: Actor, options: RequestApplyOptions = {}): Promise<RequestStatus> {
    let project: Project | null = null;
    const now = options.recordedAt ?? this.clock.nowIso();
    const today = this.clock.dateOf(now);
    type Done = { changes: Partial<FactorRequest>; step: Partial<RequestTransition> };
    return this.engine.applyIn<FactorRequest, RequestStatus, RequestEvent, RequestContext, Done>(
      manager,
      {
        workflow: requestWorkflow,
        entity: FactorRequest,
        load: async (m) => {
          const request = await m.findOneBy(FactorRequest, { id: requestId });
          project = request?.projectId ? await this.records.find(m, request.projectId) : null;
          const exists = request !== null && (request.projectId === null || project !== null);
          const visible = exists && requestVisible(request, placeOf(request, project), scopeOf(actor));
          const found = visibleOr404(request, visible, '需求');
          const sender = SENDERS[event.type];
          if (!sender.roles.includes(actor.role)) refuse(sender.refusal);
          // A chain team records the evaluation of a problem about its whole chain only; a county's problems are the county's.
          if (event.type === 'EVALUATE' && actor.role === 'chain' && placeOf(found, project).regionCode !== null) refuse(sender.refusal);
          return found;
        },
        stateOf: (request) => request.status,
        context: async (_m, request) => ({
          request: { kind: request.kind, approvalKey: request.approvalKey, status: request.status, promisedDate: request.promisedDate, raisedOn: request.raisedOn },
          today,
        }),
        changes: async (m, request, _event, toStatus) => {
          const changes: Partial<FactorRequest> = {};
          const step: Partial<RequestTransition> = {};
          switch (event.type) {
            case 'ACCEPT':
              changes.category = step.category = event.category as RequestCategory;
              changes.promisedDate = step.promisedDate = event.promisedDate!;
              break;
            case 'RESOLVE': {
              const parsed = event.granted === undefined ? null : parseQuantity(request.kind, event.granted);
              changes.granted = step.granted = parsed?.ok ? parsed.scaled : null;
              step.note = event.note!.trim();
              step.approvalDate = event.approvalDate ?? null;
              break;
            }
            case 'FEEDBACK':
              step.method = event.method!;
              step.toldOn = event.date!;
              step.note = event.note?.trim() || null;
              step.personId = await commissionerOf(m, event.commissionerId);
              break;
            case 'EVALUATE':
              changes.rating = step.rating = event.rating as EvaluationRating;
              step.reason = event.reason?.trim() || null;
              step.respondent = event.respondent?.trim() || null;
              step.personId = await commissionerOf(m, event.commissionerId);
              if (toStatus === 'accepted') changes.reopenCount = request.reopenCount + 1;
              break;
            case 'RETURN':
              step.reason = event.reason!.trim();
              break;
            case 'ESCALATE':
              step.reason = event.reason!.trim();
              step.topic = event.topic?.trim() || null;
              step.opinion = event.opinion?.trim() || null;
              step.proposal = event.proposal?.trim() || null;
              break;
            case 'DECIDE':
              // The 常务会's deadline is the date the decided problem now waits on (rules/request-overdue.ts).
              changes.promisedDate = step.promisedDate = event.deadline!;
              step.decision = event.decision!.trim();
              step.responsibleUnit = event.responsibleUnit!.trim();
              break;
          }
          return { columns: { ...changes, status: toStatus, updatedAt: now }, done: { changes, step } };
        },
        record: async (m, request, _event, toStatus, { step }) => {
          await m.insert(RequestTransition, {
            category: null,
            promisedDate: null,
            granted: null,
            approvalDate: null,
            rating: null,
            note: null,
            reason: null,
            method: null,
            toldOn: null,
            topic: null,
            opinion: null,
            proposal: null,
            decision: null,
            responsibleUnit: null,
            respondent: null,
            personId: null,
            ...step,
            requestId,
            event: event.type,
            fromStatus: request.status,
            toStatus,
            actor: actor.username,
            recordedAt: now,
            effectiveDate: today,
            effectiveDay: dayNumber(today),
          });
          const { type, ...payload } = event;
          const onProject: Project | null = project;
          const data = { requestId, kind: request.kind, fromStatus: request.status, toStatus, ...payload };
          await this.changes.record(m, {
            actor: actor.username,
            subject: auditSubject.request(requestId),
            action: 'transition',
            before: { status: request.status },
            after: { event: type, projectId: request.projectId, ...payload, status: toStatus },
            reason: step.reason ?? null,
            at: now,
            history: onProject ? { projectId: onProject.id, kind: 'request', event: type, fromStage: onProject.stage, toStage: onProject.stage, effectiveDate: today, data } : undefined,
          });

          // Side effect, after the transition: the approval the request was about is now obtained.
          if (onProject && event.type === 'RESOLVE' && request.kind === 'approval' && request.approvalKey && event.approvalDate && !approvalsOf(onProject)[request.approvalKey]) {
            const fresh = (await this.records.find(m, onProject.id))!;
            await this.approvals.setIn(m, fresh, request.approvalKey, { status: 'done', date: event.approvalDate, commitmentDate: null, department: request.departmentCode }, actor.username, now);
          }
        },
      },
      event,
      options.expectedVersion,
    );
  }
}
