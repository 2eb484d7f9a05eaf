import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, monthOf } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import type { FiledFund, FundView } from './attraction.types.js';
import type { FileFundDto } from './dto/lead.dto.js';
import { LeadFund } from './lead-fund.entity.js';
import { fundViewOf, leadInScope } from './lead-records.js';
import type { Lead } from './lead.entity.js';
import { ALL, type Scope } from '../access/index.js';
import { fileRevision, revisionsOf } from '../revisions/index.js';

/**
 * 到位资金 (docs/domain/attraction.md): a signed or landed lead's funds per month, kept as
 * revisions like monthly reports (the latest counts; a month closed by a published bulletin
 * takes a new revision only with a correction reason).
 */
@Injectable()
export class LeadFundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  file(leadId: number, month: string, dto: FileFundDto, actor: string, scope: Scope = ALL): Promise<FiledFund> {
    return this.writes.run((manager) => this.fileIn(manager, leadId, month, dto, actor, scope));
  }

  /** `file` in the caller's transaction; `at` records at that instant instead of now (the demo seed). */
  async fileIn(manager: EntityManager, leadId: number, month: string, dto: FileFundDto, actor: string, scope: Scope = ALL, at?: string): Promise<FiledFund> {
    const lead = await leadInScope(manager, leadId, scope);
    const now = at ?? this.clock.nowIso();
    const reason = dto.reason?.trim() || null;
    const filed = await fileRevision(manager, {
      entity: LeadFund,
      key: { leadId, month },
      failures: periodFailures(lead, month, monthOf(this.clock.dateOf(now))),
      same: (latest) => latest.amountWan === dto.amount,
      closing: { month, reason, what: '到位资金' },
      build: (revision, correction) => manager.create(LeadFund, { leadId, month, revision, amountWan: dto.amount, actor, recordedAt: now, correction, reason }),
    });
    if (!filed.added) return { ...fundViewOf({ ...filed.row }), created: false }; // the same again: no new revision
    const { row: revision, previous: latest } = filed;
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.fund(leadId),
      action: 'file',
      before: latest ? { month, revision: latest.revision, amount: latest.amountWan } : null,
      after: { month, revision: revision.revision, amount: revision.amountWan, correction: revision.correction },
      reason,
      at: now,
    });
    return { ...fundViewOf({ ...revision }), created: latest === null };
  }

  async revisions(leadId: number, month: string, scope: Scope = ALL): Promise<FundView[]> {
    await leadInScope(this.dataSource.manager, leadId, scope);
    const rows = await revisionsOf(this.dataSource.manager, { entity: LeadFund, key: { leadId, month } });
    return rows.map((row) => fundViewOf({ ...row }));
  }
}

/** Why a month cannot carry funds for this lead (empty when it can). */
function periodFailures(lead: Lead, month: string, currentMonth: string): ErrorDetail[] {
  if (lead.status === 'negotiating' || lead.signedDate === null)
    return [{ field: 'status', code: 'leadNotSigned', message: '招商项目尚未签约，不能填报到位资金' }];
  if (lead.status === 'terminated') return [{ field: 'status', code: 'leadTerminated', message: '招商项目已终止，不能再填报到位资金' }];
  if (month > currentMonth) return [{ field: 'month', code: 'monthInFuture', message: `${month} 尚未到来，不能填报（当前 ${currentMonth}）` }];
  if (month < monthOf(lead.signedDate))
    return [{ field: 'month', code: 'monthBeforeSign', message: `${month} 早于签约月份 ${monthOf(lead.signedDate)}` }];
  return [];
}
