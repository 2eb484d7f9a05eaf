import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { requestVisible, scopeOf, visibleOr404 } from '../access/index.js';
import { ApiError, Clock, type ErrorDetail, monthOf } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { fileRevision } from '../revisions/index.js';
import { FactorRequest } from './factor-request.entity.js';
import { type Actor, placeOf } from './request.engine.js';
import { RequestDisbursement } from './request-disbursement.entity.js';

/** What filing a month's 到位 answers: the revision that counts now, and the request's 授信 against all its 到位. */
export interface FiledDisbursement {
  requestId: number;
  month: string;
  /** 万元. */
  amount: number;
  revision: number;
  correction: boolean;
  /** A first filing of the month (201), else a new revision or the same again (200). */
  created: boolean;
  /** The request's 授信 (its grant) and every month's 到位 so far, 万元. */
  credit: number;
  disbursed: number;
}

/** The latest 到位 of each month of a request (among the filings recorded by `asOf`), months in order. */
export async function latestByMonth(manager: EntityManager, requestId: number, asOf?: string): Promise<Map<string, number>> {
  const rows = await manager.find(RequestDisbursement, { where: { requestId, ...(asOf ? { recordedAt: LessThanOrEqual(asOf) } : {}) }, order: { month: 'ASC', revision: 'ASC' } });
  return new Map(rows.map((row) => [row.month, row.amountWan]));
}

/**
 * 到位 of a 资金 request (docs/domain/requests.md "Year to date"): the money that reached the
 * enterprise, month by month, against the credit (授信) its 办结 granted; filed by the department
 * it is routed to (or the city office) as revisions (src/revisions: the latest counts; a month
 * closed by a published bulletin takes a new revision only with a reason).
 */
@Injectable()
export class RequestDisbursementsService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly records: ProjectRecordsService,
  ) {}

  file(requestId: number, month: string, dto: { amount: number; reason?: string }, actor: Actor): Promise<FiledDisbursement> {
    return this.writes.run(async (manager) => {
      const request = await manager.findOneBy(FactorRequest, { id: requestId });
      const project = request?.projectId ? await this.records.find(manager, request.projectId) : null;
      const visible = request !== null && requestVisible(request, placeOf(request, project), scopeOf(actor));
      const found = visibleOr404(request, visible, '需求');
      if (actor.role !== 'admin' && actor.role !== 'department')
        throw new ApiError(403, '只有承办部门（或市链长办）可以填报资金到位', [{ field: 'month', code: 'notYourStep', message: '只有承办部门（或市链长办）可以填报资金到位' }]);
      const now = this.clock.nowIso();
      const credit = found.granted ?? 0;
      const others = await latestByMonth(manager, requestId);
      others.delete(month);
      const elsewhere = [...others.values()].reduce((sum, amount) => sum + amount, 0);
      const failures: ErrorDetail[] = [];
      if (found.kind !== 'funding') failures.push({ field: 'month', code: 'notFunding', message: '只有资金类需求填报到位' });
      else if (found.granted === null || !['resolved', 'answered', 'closed'].includes(found.status))
        failures.push({ field: 'month', code: 'noCredit', message: '该资金需求尚未办结授信，不能填报到位' });
      else if (elsewhere + dto.amount > credit)
        failures.push({ field: 'amount', code: 'exceedsCredit', message: `到位合计 ${elsewhere + dto.amount} 万元将超过授信 ${credit} 万元` });
      if (month > monthOf(this.clock.dateOf(now))) failures.push({ field: 'month', code: 'monthInFuture', message: `${month} 尚未到来，不能填报` });
      if (month < monthOf(found.raisedOn)) failures.push({ field: 'month', code: 'monthBeforeRaised', message: `${month} 早于需求提出的月份 ${monthOf(found.raisedOn)}` });
      const reason = dto.reason?.trim() || null;
      const filed = await fileRevision(manager, {
        entity: RequestDisbursement,
        key: { requestId, month },
        failures,
        same: (latest) => latest.amountWan === dto.amount,
        closing: { month, reason, what: '资金到位' },
        build: (revision, correction) => manager.create(RequestDisbursement, { requestId, month, revision, amountWan: dto.amount, actor: actor.username, recordedAt: now, correction, reason }),
      });
      const { row, previous } = filed;
      if (filed.added) {
        const data = { requestId, month, revision: row.revision, amount: row.amountWan, correction: row.correction, credit };
        await this.changes.record(manager, {
          actor: actor.username,
          subject: auditSubject.request(requestId),
          action: 'disburse',
          before: previous ? { month, revision: previous.revision, amount: previous.amountWan } : null,
          after: data,
          reason,
          at: now,
          history: project ? { projectId: project.id, kind: 'request', event: 'DISBURSE', fromStage: project.stage, toStage: project.stage, effectiveDate: this.clock.dateOf(now), data } : undefined,
        });
      }
      return {
        requestId,
        month,
        amount: row.amountWan,
        revision: row.revision,
        correction: row.correction,
        created: filed.added && previous === null,
        credit,
        disbursed: elsewhere + row.amountWan,
      };
    });
  }
}
