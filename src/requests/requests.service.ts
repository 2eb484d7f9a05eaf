import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, type Page, unprocessable } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { type Project, ProjectRecordsService } from '../project-records/index.js';
import { addWorkingDays, dayNumber } from '../rules/index.js';
import { DepartmentsService, isQuantityKind, isRequestKind, KIND_UNITS, ReferenceService } from '../reference/index.js';
import { ALL, notFoundInScope, refuseOtherScope, requestColumns, type Scope, scopeSql } from '../access/index.js';
import type { NeedDto, RaiseProblemDto, RaiseRequestDto } from './dto/request.dto.js';
import { FactorRequest } from './factor-request.entity.js';
import { initialStatus } from './request.snapshot.js';
import { requestViewOf, quantityText } from './request.view.js';
import type { ProblemEnterprise, RaisedRequest, RequestDetail, RequestView } from './request.types.js';
import { acceptWorkingDays } from './request-settings.service.js';
import { RequestTransition } from './request-transition.entity.js';
import { RequestGroupsService } from './request-groups.service.js';
import { checkNeed } from './request-needs.js';
import { latestByMonth } from './request-disbursements.service.js';
import { filterParams, openCountsSql, requestsCountSql, requestsPageSql, type RequestFilter } from './requests.queries.js';
import { REQUEST_STATUSES, type RequestChannel } from './request-states.js';

export type { ListCategory, MonthCounts, MonthLists, RaisedRequest, RequestDetail } from './request.types.js';

/**
 * What a problem is about (docs/domain/requests.md "Problems from every channel"): a project (its
 * county and chain are the project's), or an enterprise or a whole chain with the county and chain
 * given for it; the enterprise and a contact may be named either way.
 */
type Subject = { project: Project; enterprise: ProblemEnterprise | null } | { project: null; enterprise: ProblemEnterprise | null; regionCode: string | null; chainCode: string | null };

/**
 * Where raised needs come from: a month's report (`month`), the demo seed (`at`), a 链长 activity
 * (`origin`), the channel when an item names none.
 */
export interface RaiseFrom {
  month?: string;
  at?: string;
  origin?: { kind: string; id: number };
  channel?: RequestChannel;
}

/**
 * The channel of needs raised on a project without naming one (docs/domain/requests.md "Problems
 * from every channel"): with a month's report 月调度, from a 链长 activity (巡链, 问企, 诊断, 座谈,
 * 对接) 巡链, else 其他.
 */
function channelOf(from: RaiseFrom): RequestChannel {
  if (from.month) return 'monthly';
  if (from.origin?.kind === 'activity') return 'patrol';
  return 'other';
}

/**
 * 要素保障 requests and problems: raising (from the project page, with a monthly report, or from
 * any channel about a project, an enterprise or a chain), and every read, all through the
 * replayed state of requests.queries.ts; events go through RequestEngine.
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly records: ProjectRecordsService,
    private readonly departments: DepartmentsService,
    private readonly reference: ReferenceService,
    private readonly groups: RequestGroupsService,
  ) {}

  async raise(projectId: number, dto: RaiseRequestDto, actor: string, scope: Scope = ALL): Promise<RequestDetail> {
    const [{ id }] = await this.writes.run((manager) => this.raiseIn(manager, projectId, [dto], actor, scope));
    return this.findOne(id, scope);
  }

  /**
   * POST /api/requests: a problem from any channel. About a project (`projectId`, seen by the
   * caller; a county or chain named must be the project's), an enterprise (`enterprise`, in a
   * county: the caller's own for a county operator) or a chain (`chain`, the caller's own for a
   * chain team); neither → 422 naming what is missing.
   */
  async raiseProblem(dto: RaiseProblemDto, actor: string, scope: Scope): Promise<RequestDetail> {
    const { projectId, enterprise, chain, region, ...item } = dto;
    const [{ id }] = await this.writes.run(async (manager) => {
      const named = enterprise ? { name: enterprise.name.trim(), contact: enterprise.contact?.trim() || null, phone: enterprise.phone?.trim() || null } : null;
      const failures: ErrorDetail[] = [];
      if (named && !named.name) failures.push({ field: 'enterprise.name', code: 'enterpriseRequired', message: '企业名称不能为空' });
      if (projectId !== undefined) {
        const project = await this.records.findVisible(manager, projectId, scope);
        if (region !== undefined && region !== project.regionCode)
          failures.push({ field: 'region', code: 'subjectMismatch', message: `项目所在县（市、区）为 ${project.regionCode ?? '未指定'}，与 region 不一致` });
        if (chain !== undefined && chain !== project.chainCode)
          failures.push({ field: 'chain', code: 'subjectMismatch', message: `项目所属产业链为 ${project.chainCode ?? '未指定'}，与 chain 不一致` });
        if (failures.length) throw unprocessable(`问题未通过校验：${failures.map((f) => f.message).join('；')}`, failures);
        return this.raiseOn(manager, { project, enterprise: named }, [item], actor, { channel: item.channel as RequestChannel });
      }
      refuseOtherScope(scope, { region, chain }, {
        region: { message: '只能登记本县（市、区）企业的问题' },
        chain: { message: '只能登记本产业链的问题' },
      });
      const regionCode = scope.region ?? region ?? null;
      const chainCode = scope.chain ?? chain ?? null;
      if (!named && chain === undefined)
        failures.push({ field: 'projectId', code: 'subjectRequired', message: '问题需指明涉及的项目（projectId）、企业（enterprise）或产业链（chain）' });
      if (named && regionCode === null) failures.push({ field: 'region', code: 'regionRequired', message: '企业问题需指明企业所在县（市、区）（由县区记录企业评价）' });
      if (regionCode !== null && !(await this.reference.regionExists(manager, regionCode))) failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）：${regionCode}` });
      if (chainCode !== null && !(await this.reference.chainExists(manager, chainCode))) failures.push({ field: 'chain', code: 'unknownChain', message: `未知的产业链：${chainCode}` });
      return this.raiseOn(manager, { project: null, enterprise: named, regionCode, chainCode }, [item], actor, { channel: item.channel as RequestChannel }, failures);
    });
    return this.findOne(id, scope);
  }

  /**
   * Raises needs on a project in the caller's transaction (the project page; a monthly report,
   * `from.month`: an item identical to one already raised with the same report is not raised
   * twice, so re-sending a report is idempotent).
   */
  async raiseIn(manager: EntityManager, projectId: number, items: RaiseRequestDto[], actor: string, scope: Scope = ALL, from: RaiseFrom = {}): Promise<RaisedRequest[]> {
    // A department answers requests; it raises none (404, as for a project it cannot see).
    if (scope.department !== undefined) throw notFoundInScope('项目');
    const project = await this.records.findVisible(manager, projectId, scope);
    return this.raiseOn(manager, { project, enterprise: null }, items, actor, { channel: channelOf(from), ...from });
  }

  /**
   * Every item checked first (422 naming each failure, `requests[i].field` when more than one),
   * then each routed to the department owning its kind, its acceptance deadline set, its RAISE
   * row, the project's history (for a problem about a project) and the audit entry written, and
   * the 共性 detection run (rules/common-problems.ts; what it proposed or joined is in the entry).
   */
  private async raiseOn(manager: EntityManager, subject: Subject, items: NeedDto[], actor: string, from: RaiseFrom & { channel: RequestChannel }, failuresBefore: ErrorDetail[] = []): Promise<RaisedRequest[]> {
    const { project } = subject;
    const at = from.at ?? this.clock.nowIso();
    const today = this.clock.dateOf(at);
    const failures: ErrorDetail[] = [...failuresBefore];
    if (project && !project.regionCode) failures.push({ field: 'project', code: 'regionRequired', message: '项目未指定所属县（市、区），无法提出需求（评价由所属县区作出）' });
    if (project?.stage === 'withdrawn') failures.push({ field: 'project', code: 'projectWithdrawn', message: '项目已调出项目库，不能再提出需求' });
    const checked = [];
    for (const [index, item] of items.entries()) {
      const prefix = items.length > 1 || from.month ? `requests[${index}].` : '';
      const result = await checkNeed(manager, item, today, from.channel);
      failures.push(...result.failures.map((f) => ({ ...f, field: `${prefix}${f.field}` })));
      checked.push(result);
    }
    if (failures.length) throw unprocessable(`需求未通过校验：${failures.map((f) => f.message).join('；')}`, failures);

    const days = await acceptWorkingDays(manager);
    const raised: RaisedRequest[] = [];
    for (const { row } of checked) {
      const candidate = row!;
      if (project && from.month) {
        const same = await manager.findOneBy(FactorRequest, { projectId: project.id, sourceMonth: from.month, kind: candidate.kind, description: candidate.description });
        if (same && same.quantity === candidate.quantity && same.approvalKey === candidate.approvalKey && same.pollutant === candidate.pollutant) {
          raised.push({ id: same.id, kind: same.kind, department: same.departmentCode });
          continue;
        }
      }
      const request = manager.create(FactorRequest, {
        ...candidate,
        projectId: project?.id ?? null,
        enterpriseName: subject.enterprise?.name ?? null,
        contactName: subject.enterprise?.contact ?? null,
        contactPhone: subject.enterprise?.phone ?? null,
        regionCode: subject.project ? null : subject.regionCode,
        chainCode: subject.project ? null : subject.chainCode,
        groupId: null,
        groupedAt: null,
        sourceMonth: from.month ?? null,
        originKind: from.origin?.kind ?? null,
        originId: from.origin?.id ?? null,
        raisedBy: actor,
        raisedAt: at,
        raisedOn: today,
        raisedDay: dayNumber(today),
        acceptDue: addWorkingDays(today, days),
        status: initialStatus({ request: { kind: candidate.kind, approvalKey: candidate.approvalKey, status: 'raised', promisedDate: null, raisedOn: today }, today }),
        category: null,
        promisedDate: null,
        granted: null,
        rating: null,
        reopenCount: 0,
        version: 1,
        updatedAt: at,
      });
      await manager.insert(FactorRequest, request);
      await manager.insert(RequestTransition, {
        requestId: request.id,
        event: 'RAISE',
        fromStatus: null,
        toStatus: request.status,
        actor,
        recordedAt: at,
        effectiveDate: today,
        effectiveDay: dayNumber(today),
      });
      const commonGroup = await this.groups.detectIn(manager, request, at);
      const data = {
        requestId: request.id,
        kind: request.kind,
        approval: request.approvalKey,
        pollutant: request.pollutant,
        quantity: quantityText(request.kind, request.quantity),
        unit: isQuantityKind(request.kind) ? KIND_UNITS[request.kind].unit : null,
        description: request.description,
        neededBy: request.neededBy,
        department: request.departmentCode,
        acceptDue: request.acceptDue,
        sourceMonth: request.sourceMonth,
        channel: request.channel,
        policyTag: request.policyTag,
        enterprise: subject.enterprise,
        origin: from.origin ?? null,
      };
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.request(request.id),
        action: 'raise',
        after: { projectId: request.projectId, region: request.regionCode, chain: request.chainCode, status: request.status, ...data, commonGroup },
        at,
        history: project ? { projectId: project.id, kind: 'request', event: 'RAISE', toStage: project.stage, fromStage: project.stage, effectiveDate: today, data } : undefined,
      });
      raised.push({ id: request.id, kind: request.kind, department: request.departmentCode });
    }
    return raised;
  }

  /**
   * GET /api/requests: the caller's requests (filters checked: an unknown code is a 422), replayed
   * as of `asOf`, overdue counted to `refDate` (the board's 截至 date; not after the asOf day).
   */
  async list(query: { status?: string; kind?: string; department?: string; region?: string; project?: number; overdue?: boolean; page?: number; pageSize?: number }, scope: Scope, asOf?: string, refDate?: string): Promise<Page<RequestView>> {
    const failures: ErrorDetail[] = [];
    if (query.status !== undefined && !(REQUEST_STATUSES as readonly string[]).includes(query.status))
      failures.push({ field: 'status', code: 'unknownStatus', message: `未知的状态：${query.status}` });
    if (query.kind !== undefined && !isRequestKind(query.kind)) failures.push({ field: 'kind', code: 'unknownKind', message: `未知的需求类型：${query.kind}` });
    if (query.department !== undefined && !(await this.departments.exists(this.dataSource.manager, query.department)))
      failures.push({ field: 'department', code: 'unknownDepartment', message: `未知的部门：${query.department}` });
    if (query.region !== undefined && !(await this.reference.regionExists(this.dataSource.manager, query.region)))
      failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）：${query.region}` });
    const at = this.at(asOf);
    if (refDate !== undefined && refDate > at.refDate)
      failures.push({ field: 'refDate', code: 'refDateAfterAsOf', message: `逾期计算日期 ${refDate} 不能晚于数据时点（${at.refDate}）` });
    if (failures.length) throw unprocessable('筛选条件有误', failures);
    if (refDate !== undefined) at.refDate = refDate;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter: RequestFilter = { scope: scopeSql(scope, requestColumns('rq')), status: query.status, kind: query.kind, department: query.department, region: query.region, project: query.project, overdue: query.overdue };
    const params = { ...at, ...filterParams(filter), limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, [count]] = await Promise.all([sql(this.dataSource, requestsPageSql(filter), params), sql(this.dataSource, requestsCountSql(filter), params)]);
    return { items: rows.map((row) => requestViewOf(row, at.refDate)), total: int(count?.total), page, pageSize };
  }

  /** One request with its steps, as of `asOf`; 404 outside the caller's scope. */
  async findOne(id: number, scope: Scope, asOf?: string): Promise<RequestDetail> {
    const at = this.at(asOf);
    const filter: RequestFilter = { scope: scopeSql(scope, requestColumns('rq')), id };
    const [row] = await sql(this.dataSource, requestsPageSql(filter), { ...at, ...filterParams(filter), limit: 1, offset: 0 });
    if (!row) throw notFound(`需求 ${id} 不存在`);
    const view = requestViewOf(row, at.refDate);
    const steps = await this.dataSource.getRepository(RequestTransition).find({ where: { requestId: id, recordedAt: LessThanOrEqual(at.asOf) }, order: { id: 'ASC' } });
    const disbursed = view.kind === 'funding' ? await latestByMonth(this.dataSource.manager, id, at.asOf) : new Map<string, number>();
    return {
      ...view,
      transitions: steps.map(({ requestId: _request, effectiveDay: _day, granted, ...t }) => ({ ...t, granted: quantityText(view.kind, granted) })),
      disbursements: [...disbursed].map(([month, amount]) => ({ month, amount })),
    };
  }

  /** The requests raised from these origins (a 链长 activity's findings, always on a project), oldest first. */
  async raisedFrom(manager: EntityManager, kind: string, ids: readonly number[]): Promise<{ id: number; originId: number; projectId: number; kind: string; department: string; status: string }[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(FactorRequest, { where: { originKind: kind, originId: In([...ids]) }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, originId: r.originId!, projectId: r.projectId!, kind: r.kind, department: r.departmentCode, status: r.status }));
  }

  /** Open and overdue requests now (today's date), per project or per chain, for the keys given; keys without any are absent. */
  async openCounts(by: 'project' | 'chain', keys: readonly (number | string)[]): Promise<Map<number | string, { open: number; overdue: number }>> {
    if (keys.length === 0) return new Map();
    const rows = await sql(this.dataSource, openCountsSql(by), { ...this.at(), keys: [...keys] });
    return new Map(rows.map((row) => [by === 'project' ? int(row.group_key) : (row.group_key as string), { open: int(row.open_count), overdue: int(row.overdue) }]));
  }

  /** The instant read and the day overdue is judged on: now and today, or an earlier asOf and its day. */
  private at(asOf?: string): { asOf: string; refDate: string } {
    const now = this.clock.nowIso();
    const instant = asOf && asOf < now ? asOf : now;
    return { asOf: instant, refDate: this.clock.dateOf(instant) };
  }
}
