import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, type Page, unprocessable } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { Project } from '../project-records/index.js';
import { ReferenceService } from '../reference/index.js';
import { FUND_REVISIONS, isLatestRevisionSql } from '../rules/index.js';
import type { LeadSummary, LeadView, MonthFundView } from './attraction.types.js';
import type { CreateLeadDto, ListLeadsQuery } from './dto/lead.dto.js';
import { fundedSql, fundViewOf, leadInScope, summaryOf, transitionView } from './lead-records.js';
import { leadEventsOf } from './lead.snapshot.js';
import { Lead } from './lead.entity.js';
import { LEAD_STATUS_LABELS } from './lead-states.js';
import { LeadTransition } from './lead-transition.entity.js';
import { ALL, refuseOtherScope, type Scope, scopeSql } from '../access/index.js';

/**
 * Leads (招商项目, docs/domain/attraction.md "Leads"): recorded by chain teams in their chain,
 * county operators in their county and the city office anywhere; read in the caller's scope.
 * Status changes go through the LeadEngine, 到位资金 through LeadFundsService.
 */
@Injectable()
export class LeadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
  ) {}

  async create(dto: CreateLeadDto, actor: string, scope: Scope = ALL): Promise<LeadView> {
    const id = await this.writes.run((manager) => this.createIn(manager, dto, actor, scope));
    return this.findOne(id, scope);
  }

  /** `create` in the caller's transaction; `at` records at that instant instead of now (the demo seed). */
  async createIn(manager: EntityManager, dto: CreateLeadDto, actor: string, scope: Scope = ALL, at?: string): Promise<number> {
    // A chain team records its own chain's leads, a county operator its own county's: scope comes from the user.
    refuseOtherScope(scope, dto, { chain: { message: '只能登记本产业链的招商项目' }, region: { message: '只能登记本县（市、区）的招商项目' } });
    const chain = scope.chain ?? dto.chain;
    const region = scope.region ?? dto.region;
    const failures: ErrorDetail[] = [];
    if (!chain) failures.push({ field: 'chain', code: 'chainRequired', message: '缺少所属产业链' });
    else if (!(await this.reference.chainExists(manager, chain))) failures.push({ field: 'chain', code: 'unknownChain', message: `未知的产业链代码：${chain}` });
    if (!region) failures.push({ field: 'region', code: 'regionRequired', message: '缺少意向落地县（市、区）' });
    else if (!(await this.reference.regionExists(manager, region))) failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）代码：${region}` });
    if (failures.length) throw unprocessable('招商项目数据未通过校验', failures);

    const now = at ?? this.clock.nowIso();
    const lead = manager.create(Lead, {
      name: dto.name.trim(),
      investor: dto.investor.trim(),
      origin: dto.origin,
      chainCode: chain!,
      regionCode: region!,
      intendedInvestmentWan: dto.intendedInvestment,
      contact: dto.contact?.trim() || null,
      status: 'negotiating',
      signedAmountWan: null,
      signedDate: null,
      agreementNo: null,
      landedDate: null,
      projectId: null,
      terminatedDate: null,
      version: 1,
      createdBy: actor,
      createdAt: now,
      updatedAt: now,
    });
    const saved = await manager.save(Lead, lead);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.lead(saved.id),
      action: 'create',
      after: { name: saved.name, investor: saved.investor, origin: saved.origin, chain: saved.chainCode, region: saved.regionCode, intendedInvestment: saved.intendedInvestmentWan, contact: saved.contact, status: saved.status },
      at: now,
    });
    return saved.id;
  }

  async list(query: ListLeadsQuery, scope: Scope = ALL): Promise<Page<LeadSummary>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const conditions = ['1 = 1'];
    const params: Record<string, unknown> = { limit: pageSize, offset: (page - 1) * pageSize };
    const filter = (column: string, name: string, value: string | undefined) => {
      if (value === undefined) return;
      conditions.push(`l.${column} = :${name}`);
      params[name] = value;
    };
    const inScope = scopeSql(scope, { region: 'l.region_code', chain: 'l.chain_code' });
    conditions.push(inScope.sql);
    Object.assign(params, inScope.params);
    filter('chain_code', 'chain', query.chain);
    filter('region_code', 'region', query.region);
    filter('status', 'status', query.status);
    const where = conditions.join(' AND ');
    const [rows, [count]] = await Promise.all([
      sql(this.dataSource, `SELECT l.*, ${fundedSql()} AS funded FROM lead l WHERE ${where} ORDER BY l.id DESC LIMIT :limit OFFSET :offset`, params),
      sql(this.dataSource, `SELECT COUNT(*) AS total FROM lead l WHERE ${where}`, params),
    ]);
    return { items: rows.map(summaryOf), total: int(count?.total), page, pageSize };
  }

  async findOne(id: number, scope: Scope = ALL): Promise<LeadView> {
    const manager = this.dataSource.manager;
    const lead = await leadInScope(manager, id, scope);
    const [[row], transitions, funds, project] = await Promise.all([
      sql(manager, `SELECT l.*, ${fundedSql()} AS funded FROM lead l WHERE l.id = :id`, { id }),
      manager.find(LeadTransition, { where: { leadId: id }, order: { id: 'ASC' } }),
      this.monthlyFunds(manager, id),
      lead.projectId === null ? null : manager.findOneBy(Project, { id: lead.projectId }),
    ]);
    return {
      ...summaryOf(row),
      contact: lead.contact,
      agreementNo: lead.agreementNo,
      terminatedDate: lead.terminatedDate,
      statusLabel: LEAD_STATUS_LABELS[lead.status],
      allowedEvents: leadEventsOf(lead.status),
      version: lead.version,
      createdBy: lead.createdBy,
      createdAt: lead.createdAt,
      updatedAt: lead.updatedAt,
      project: project ? { id: project.id, code: project.code, name: project.name, stage: project.stage } : null,
      transitions: transitions.map(transitionView),
      funds,
    };
  }

  /** Every month's latest 到位资金 with its revision count. */
  private async monthlyFunds(manager: EntityManager, leadId: number): Promise<MonthFundView[]> {
    const rows = await sql(
      manager,
      `SELECT f.*, (SELECT COUNT(*) FROM lead_fund c WHERE c.lead_id = f.lead_id AND c.month = f.month) AS revisions
         FROM lead_fund f WHERE f.lead_id = :leadId AND ${isLatestRevisionSql('f', { of: FUND_REVISIONS })} ORDER BY f.month`,
      { leadId },
    );
    return rows.map((row) => ({ ...fundViewOf(row), revisions: int(row.revisions) }));
  }
}
