import { Injectable } from '@nestjs/common';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { type Principal, requestVisible, scopeOf, visibleOr404 } from '../access/index.js';
import { ApiError, Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { approvalsOf, ApprovalsService, type Project, ProjectRecordsService } from '../project-records/index.js';
import { dayNumber, parseQuantity } from '../rules/index.js';
import { FactorRequest } from './factor-request.entity.js';
import type { RequestContext, RequestEvent } from './request.guards.js';
import { requestWorkflow } from './request.workflow.js';
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
 * is routed to handles it (the city office may act for it); only the requesting county evaluates;
 * only the city office takes a request to the 常务会.
 */
const SENDERS: Record<RequestEventType, { roles: Actor['role'][]; refusal: string }> = {
  ACCEPT: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以受理' },
  RESOLVE: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以办结' },
  RETURN: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以退回' },
  EVALUATE: { roles: ['region'], refusal: '只有提出需求的县（市、区）可以评价' },
  ESCALATE: { roles: ['admin'], refusal: '只有市链长办可以提交市政府常务会' },
};

/**
 * The one place a request changes status. In one queued transaction: the request, if the
 * caller may see it (404 otherwise: a department sees its own requests, a county its projects'),
 * if the caller may send this event (403), if its status takes the event (409) and its guards
 * pass (422, every reason); then the row (guarded by the version read), the transition row, the
 * project's history row and the audit entry; after the transition, its side effect (an approval
 * request resolved with a date marks that approval done on the project).
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

  apply(requestId: number, event: RequestEvent, actor: Actor, options: RequestApplyOptions = {}): Promise<void> {
    return this.writes.run(async (manager) => {
      let project: Project | null = null;
      const now = options.recordedAt ?? this.clock.nowIso();
      const today = this.clock.dateOf(now);
      type Done = { changes: Partial<FactorRequest>; step: Partial<RequestTransition> };
      await this.engine.applyIn<FactorRequest, RequestStatus, RequestEvent, RequestContext, Done>(
        manager,
        {
          workflow: requestWorkflow,
          entity: FactorRequest,
          load: async (m) => {
            const request = await m.findOneBy(FactorRequest, { id: requestId });
            project = request ? await this.records.find(m, request.projectId) : null;
            const visible = request !== null && project !== null && requestVisible(request, project, scopeOf(actor));
            const found = visibleOr404(request, visible, '需求');
            const sender = SENDERS[event.type];
            if (!sender.roles.includes(actor.role))
              throw new ApiError(403, sender.refusal, [{ field: 'type', code: 'notYourStep', message: sender.refusal }]);
            return found;
          },
          stateOf: (request) => request.status,
          context: async (_m, request) => ({
            request: { kind: request.kind, approvalKey: request.approvalKey, status: request.status, promisedDate: request.promisedDate },
            today,
          }),
          changes: async (_m, request, _event, toStatus) => {
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
              case 'EVALUATE':
                changes.rating = step.rating = event.rating as EvaluationRating;
                step.reason = event.reason?.trim() || null;
                if (toStatus === 'accepted') changes.reopenCount = request.reopenCount + 1;
                break;
              case 'RETURN':
              case 'ESCALATE':
                step.reason = event.reason!.trim();
                break;
            }
            return { columns: { ...changes, status: toStatus, updatedAt: now }, done: { changes, step } };
          },
          record: async (m, request, _event, toStatus, { step }) => {
            const onProject = project!;
            await m.insert(RequestTransition, {
              category: null,
              promisedDate: null,
              granted: null,
              approvalDate: null,
              rating: null,
              note: null,
              reason: null,
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
            const data = { requestId, kind: request.kind, fromStatus: request.status, toStatus, ...payload };
            await this.changes.record(m, {
              actor: actor.username,
              subject: auditSubject.request(requestId),
              action: 'transition',
              before: { status: request.status },
              after: { event: type, projectId: onProject.id, ...payload, status: toStatus },
              reason: step.reason ?? null,
              at: now,
              history: { projectId: onProject.id, kind: 'request', event: type, fromStage: onProject.stage, toStage: onProject.stage, effectiveDate: today, data },
            });

            // Side effect, after the transition: the approval the request was about is now obtained.
            if (event.type === 'RESOLVE' && request.kind === 'approval' && request.approvalKey && event.approvalDate && !approvalsOf(onProject)[request.approvalKey]) {
              const fresh = (await this.records.find(m, onProject.id))!;
              await this.approvals.setIn(m, fresh, request.approvalKey, { status: 'done', date: event.approvalDate, commitmentDate: null, department: request.departmentCode }, actor.username, now);
            }
          },
        },
        event,
        options.expectedVersion,
      );
    });
  }
}
