import { Injectable } from '@nestjs/common';
import { DataSource, In, LessThanOrEqual, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, type Page, periodParams, unprocessable } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { addWorkingDays, dayNumber, formatQuantity, meanDays, parseQuantity } from '../rules/index.js';
import { DepartmentsService, isQuantityKind, isRequestKind, KIND_UNITS, type Pollutant, POLLUTANTS, type QuantityKind, REQUEST_KINDS, routeOf } from '../reference/index.js';
import { ALL, notFoundInScope, type Scope, type ScopeCondition, scopeSql } from '../access/index.js';
import type { RaiseRequestDto } from './dto/request.dto.js';
import { FactorRequest } from './factor-request.entity.js';
import { initialStatus } from './request.snapshot.js';
import { isApprovalKey } from './request.guards.js';
import { requestViewOf, quantityText } from './request.view.js';
import type { ListCategory, MonthCounts, MonthLists, RaisedRequest, RequestDetail, RequestView } from './request.types.js';

export type { ListCategory, MonthCounts, MonthLists, RaisedRequest, RequestDetail } from './request.types.js';
import { acceptWorkingDays } from './request-settings.service.js';
import { RequestTransition } from './request-transition.entity.js';
import { filterParams, grantedVsAskedSql, monthCountsSql, openCountsSql, requestsCountSql, requestsPageSql, type MonthGroup, type RequestFilter } from './requests.queries.js';
import { REQUEST_KIND_LABELS, UNIT_LABELS } from '../reference/labels.js';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from './request-states.js';

/** A month's list items at most (a city raises a few dozen a month). */
const MONTH_ITEMS_LIMIT = 2000;

/**
 * 要素保障 requests: raising (from the project page or with a monthly report), and every read,
 * all through the replayed state of requests.queries.ts; events go through RequestEngine.
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
  ) {}

  async raise(projectId: number, dto: RaiseRequestDto, actor: string, scope: Scope = ALL): Promise<RequestView> {
    const [{ id }] = await this.writes.run((manager) => this.raiseIn(manager, projectId, [dto], actor, scope));
    return this.findOne(id, scope);
  }

  /**
   * Raises needs on a project in the caller's transaction: every item checked first (422 naming
   * each failure, `requests[i].field` when more than one), then each routed to the department
   * owning its kind, its acceptance deadline set, its RAISE row, project history and audit entry
   * written. `from.month`: raised with that month's report — an item identical to one already
   * raised with the same report is not raised twice (re-sending a report is idempotent).
   */
  async raiseIn(
    manager: EntityManager,
    projectId: number,
    items: RaiseRequestDto[],
    actor: string,
    scope: Scope = ALL,
    from: { month?: string; at?: string; origin?: { kind: string; id: number } } = {},
  ): Promise<RaisedRequest[]> {
    // A department answers requests; it raises none (404, as for a project it cannot see).
    if (scope.department !== undefined) throw notFoundInScope('项目');
    const project = await this.records.findVisible(manager, projectId, scope);
    const at = from.at ?? this.clock.nowIso();
    const today = this.clock.dateOf(at);
    const failures: ErrorDetail[] = [];
    if (!project.regionCode) failures.push({ field: 'project', code: 'regionRequired', message: '项目未指定所属县（市、区），无法提出需求（评价由所属县区作出）' });
    if (project.stage === 'withdrawn') failures.push({ field: 'project', code: 'projectWithdrawn', message: '项目已调出项目库，不能再提出需求' });
    const checked = [];
    for (const [index, item] of items.entries()) {
      const prefix = items.length > 1 || from.month ? `requests[${index}].` : '';
      const result = await this.checkItem(manager, item, today);
      failures.push(...result.failures.map((f) => ({ ...f, field: `${prefix}${f.field}` })));
      checked.push(result);
    }
    if (failures.length) throw unprocessable(`需求未通过校验：${failures.map((f) => f.message).join('；')}`, failures);

    const days = await acceptWorkingDays(manager);
    const raised: RaisedRequest[] = [];
    for (const { row } of checked) {
      const candidate = row!;
      if (from.month) {
        const same = await manager.findOneBy(FactorRequest, {
          projectId,
          sourceMonth: from.month,
          kind: candidate.kind,
          description: candidate.description,
        });
        if (same && same.quantity === candidate.quantity && same.approvalKey === candidate.approvalKey && same.pollutant === candidate.pollutant) {
          raised.push({ id: same.id, kind: same.kind, department: same.departmentCode });
          continue;
        }
      }
      const request = manager.create(FactorRequest, {
        ...candidate,
        projectId,
        sourceMonth: from.month ?? null,
        originKind: from.origin?.kind ?? null,
        originId: from.origin?.id ?? null,
        raisedBy: actor,
        raisedAt: at,
        raisedOn: today,
        raisedDay: dayNumber(today),
        acceptDue: addWorkingDays(today, days),
        status: initialStatus({ request: { kind: candidate.kind, approvalKey: candidate.approvalKey, status: 'raised', promisedDate: null }, today }),
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
        origin: from.origin ?? null,
      };
      await this.changes.record(manager, {
        actor,
        subject: auditSubject.request(request.id),
        action: 'raise',
        after: { projectId, status: request.status, ...data },
        at,
        history: { projectId, kind: 'request', event: 'RAISE', toStage: project.stage, fromStage: project.stage, effectiveDate: today, data },
      });
      raised.push({ id: request.id, kind: request.kind, department: request.departmentCode });
    }
    return raised;
  }

  /** One item's failures, or the columns it will be stored with. */
  private async checkItem(manager: EntityManager, item: RaiseRequestDto, today: string) {
    const failures: ErrorDetail[] = [];
    const description = item.description.trim();
    if (!description) failures.push({ field: 'description', code: 'descriptionRequired', message: '需求说明不能为空' });
    if (item.neededBy !== undefined && item.neededBy < today)
      failures.push({ field: 'neededBy', code: 'neededByInPast', message: `需要保障的日期 ${item.neededBy} 已过（今天 ${today}）` });
    if (!isRequestKind(item.kind)) {
      failures.push({ field: 'kind', code: 'unknownKind', message: `未知的需求类型：${item.kind}（应为 ${REQUEST_KINDS.join(', ')}）` });
      return { failures, row: null };
    }
    const kind = item.kind;
    const label = REQUEST_KIND_LABELS[kind];
    if (kind === 'approval') {
      if (item.approval === undefined) failures.push({ field: 'approval', code: 'approvalRequired', message: '审批类需求需指明哪一项前期手续' });
      else if (!isApprovalKey(item.approval)) failures.push({ field: 'approval', code: 'unknownApproval', message: `未知的前期手续：${item.approval}` });
    } else if (item.approval !== undefined) failures.push({ field: 'approval', code: 'approvalNotApplicable', message: `${label}类需求不填前期手续` });
    if (kind === 'environment') {
      if (item.pollutant === undefined) failures.push({ field: 'pollutant', code: 'pollutantRequired', message: '环境容量需求需指明污染物' });
      else if (!(POLLUTANTS as readonly string[]).includes(item.pollutant))
        failures.push({ field: 'pollutant', code: 'unknownPollutant', message: `未知的污染物：${item.pollutant}（应为 ${POLLUTANTS.join(', ')}）` });
    } else if (item.pollutant !== undefined) failures.push({ field: 'pollutant', code: 'pollutantNotApplicable', message: `${label}类需求不填污染物` });
    let quantity: number | null = null;
    if (isQuantityKind(kind)) {
      const unit = KIND_UNITS[kind].unit as keyof typeof UNIT_LABELS;
      if (item.unit !== undefined && item.unit.trim() !== unit && item.unit.trim() !== UNIT_LABELS[unit])
        failures.push({ field: 'unit', code: 'unknownUnit', message: `${label}的计量单位是${UNIT_LABELS[unit]}（${unit}），不是“${item.unit}”` });
      if (item.quantity === undefined) failures.push({ field: 'quantity', code: 'quantityRequired', message: `${label}需求需填写数量（${UNIT_LABELS[unit]}）` });
      else {
        const parsed = parseQuantity(kind, item.quantity);
        if (parsed.ok) quantity = parsed.scaled;
        else failures.push({ field: 'quantity', code: parsed.failure.code, message: `数量：${parsed.failure.message}` });
      }
    } else {
      if (item.quantity !== undefined) failures.push({ field: 'quantity', code: 'quantityNotApplicable', message: `${label}类需求不填数量` });
      if (item.unit !== undefined) failures.push({ field: 'unit', code: 'unknownUnit', message: `${label}类需求没有计量单位` });
    }
    const department = await routeOf(manager, kind);
    if (!department) failures.push({ field: 'kind', code: 'noDepartment', message: `${label}类需求尚无承办部门，请市链长办先设置` });
    if (failures.length) return { failures, row: null };
    return {
      failures,
      row: {
        kind,
        approvalKey: kind === 'approval' && isApprovalKey(item.approval) ? item.approval : null,
        pollutant: kind === 'environment' ? (item.pollutant as Pollutant) : null,
        quantity,
        description,
        neededBy: item.neededBy ?? null,
        departmentCode: department!.code,
      },
    };
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
    if (query.region !== undefined && (await sql(this.dataSource, 'SELECT 1 FROM region WHERE code = :code', { code: query.region })).length === 0)
      failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）：${query.region}` });
    const at = this.at(asOf);
    if (refDate !== undefined && refDate > at.refDate)
      failures.push({ field: 'refDate', code: 'refDateAfterAsOf', message: `逾期计算日期 ${refDate} 不能晚于数据时点（${at.refDate}）` });
    if (failures.length) throw unprocessable('筛选条件有误', failures);
    if (refDate !== undefined) at.refDate = refDate;
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const filter: RequestFilter = { scope: requestScope(scope), status: query.status, kind: query.kind, department: query.department, region: query.region, project: query.project, overdue: query.overdue };
    const params = { ...at, ...filterParams(filter), limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, [count]] = await Promise.all([sql(this.dataSource, requestsPageSql(filter), params), sql(this.dataSource, requestsCountSql(filter), params)]);
    return { items: rows.map((row) => requestViewOf(row, at.refDate)), total: int(count?.total), page, pageSize };
  }

  /** One request with its steps, as of `asOf`; 404 outside the caller's scope. */
  async findOne(id: number, scope: Scope, asOf?: string): Promise<RequestDetail> {
    const at = this.at(asOf);
    const filter: RequestFilter = { scope: requestScope(scope), id };
    const [row] = await sql(this.dataSource, requestsPageSql(filter), { ...at, ...filterParams(filter), limit: 1, offset: 0 });
    if (!row) throw notFound(`需求 ${id} 不存在`);
    const view = requestViewOf(row, at.refDate);
    const steps = await this.dataSource.getRepository(RequestTransition).find({ where: { requestId: id, recordedAt: LessThanOrEqual(at.asOf) }, order: { id: 'ASC' } });
    return {
      ...view,
      transitions: steps.map((t) => ({
        id: t.id,
        event: t.event,
        fromStatus: t.fromStatus,
        toStatus: t.toStatus,
        category: t.category,
        promisedDate: t.promisedDate,
        granted: quantityText(view.kind, t.granted),
        approvalDate: t.approvalDate,
        rating: t.rating,
        note: t.note,
        reason: t.reason,
        actor: t.actor,
        recordedAt: t.recordedAt,
        effectiveDate: t.effectiveDate,
      })),
    };
  }

  /** The month's three lists (and 待研判), counted by list, department, kind and region, with granted vs asked. */
  async monthLists(month: string, scope: Scope, asOf?: string): Promise<MonthLists> {
    const at = this.at(asOf);
    const { monthStart, monthEnd } = periodParams(month);
    const filter: RequestFilter = { scope: requestScope(scope), monthStart, monthEnd };
    const params = { ...at, ...filterParams(filter) };
    const groups: MonthGroup[] = ['list', 'department', 'kind', 'region'];
    const [byList, byDepartment, byKind, byRegion, grants, rows, departments, regions] = await Promise.all([
      ...groups.map((group) => sql(this.dataSource, monthCountsSql(group, filter), params)),
      sql(this.dataSource, grantedVsAskedSql(filter), params),
      sql(this.dataSource, requestsPageSql(filter), { ...params, limit: MONTH_ITEMS_LIMIT, offset: 0 }),
      sql(this.dataSource, 'SELECT code, name FROM department ORDER BY sort_order, code'),
      sql(this.dataSource, 'SELECT code, name FROM region ORDER BY sort_order'),
    ]);
    const items = rows.map((row) => requestViewOf(row, at.refDate));
    const countsBy = (groupRows: Record<string, unknown>[]) => new Map(groupRows.map((row) => [(row.group_key as string | null) ?? null, countsOf(row)]));
    const listCounts = countsBy(byList);
    const departmentCounts = countsBy(byDepartment);
    const kindCounts = countsBy(byKind);
    const regionCounts = countsBy(byRegion);
    const departmentNames = new Map(departments.map((d) => [d.code as string, d.name as string]));
    const regionNames = new Map(regions.map((r) => [r.code as string, r.name as string]));
    const categories: ListCategory[] = [...REQUEST_CATEGORIES, 'unsorted'];
    return {
      month,
      refDate: at.refDate,
      asOf: at.asOf,
      totals: sumCounts(byList),
      lists: categories.map((category) => ({
        category,
        counts: listCounts.get(category) ?? emptyCounts(),
        items: items.filter((item) => (item.category ?? 'unsorted') === category),
      })),
      byDepartment: [...departmentNames.keys(), ...[...departmentCounts.keys()].filter((code): code is string => code !== null && !departmentNames.has(code))].map((code) => ({
        code,
        name: departmentNames.get(code) ?? code,
        counts: departmentCounts.get(code) ?? emptyCounts(),
      })),
      byKind: REQUEST_KINDS.map((kind) => ({ kind, counts: kindCounts.get(kind) ?? emptyCounts() })),
      byRegion: [...regionCounts.keys()]
        .sort((a, b) => regionOrder(regions, a) - regionOrder(regions, b))
        .map((code) => ({ code, name: code === null ? null : (regionNames.get(code) ?? code), counts: regionCounts.get(code)! })),
      grantedVsAsked: grants
        .map((row) => {
          const kind = row.kind as QuantityKind;
          return {
            kind,
            pollutant: (row.pollutant as Pollutant | null) ?? null,
            unit: KIND_UNITS[kind].unit,
            requests: int(row.requests),
            asked: formatQuantity(kind, int(row.asked)),
            granted: formatQuantity(kind, int(row.granted)),
          };
        })
        .sort((a, b) => REQUEST_KINDS.indexOf(a.kind) - REQUEST_KINDS.indexOf(b.kind) || POLLUTANTS.indexOf(a.pollutant ?? 'cod') - POLLUTANTS.indexOf(b.pollutant ?? 'cod')),
    };
  }

  /** The requests raised from these origins (a 链长 activity's findings), oldest first. */
  async raisedFrom(manager: EntityManager, kind: string, ids: readonly number[]): Promise<{ id: number; originId: number; projectId: number; kind: string; department: string; status: string }[]> {
    if (ids.length === 0) return [];
    const rows = await manager.find(FactorRequest, { where: { originKind: kind, originId: In([...ids]) }, order: { id: 'ASC' } });
    return rows.map((r) => ({ id: r.id, originId: r.originId!, projectId: r.projectId, kind: r.kind, department: r.departmentCode, status: r.status }));
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

/** The caller's scope as request filters: county, chain, or department; nothing for the city office and auditors. */

function countsOf(row: Record<string, unknown>): MonthCounts {
  return {
    raised: int(row.raised),
    accepted: int(row.accepted),
    resolved: int(row.resolved),
    closed: int(row.closed),
    returned: int(row.returned),
    escalated: int(row.escalated),
    open: int(row.open_count),
    overdue: int(row.overdue),
    meanDaysToClose: meanDays(int(row.close_days), int(row.closed)),
  };
}

function sumCounts(rows: Record<string, unknown>[]): MonthCounts {
  const total = (column: string) => rows.reduce((sum, row) => sum + int(row[column]), 0);
  return {
    raised: total('raised'),
    accepted: total('accepted'),
    resolved: total('resolved'),
    closed: total('closed'),
    returned: total('returned'),
    escalated: total('escalated'),
    open: total('open_count'),
    overdue: total('overdue'),
    meanDaysToClose: meanDays(total('close_days'), total('closed')),
  };
}

function emptyCounts(): MonthCounts {
  return { raised: 0, accepted: 0, resolved: 0, closed: 0, returned: 0, escalated: 0, open: 0, overdue: 0, meanDaysToClose: null };
}

function regionOrder(regions: Record<string, unknown>[], code: string | null): number {
  const index = regions.findIndex((r) => r.code === code);
  return index < 0 ? regions.length : index;
}

/** The caller's scope on a request row `rq`: its place and chain (the project's), or the department it is routed to. */
function requestScope(scope: Scope): ScopeCondition {
  return scopeSql(scope, { region: 'rq.region_code', chain: 'rq.chain_code', department: 'rq.department_code' });
}
