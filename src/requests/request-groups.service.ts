import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { ApiError, Clock, unprocessable } from '../common/index.js';
import { int, sql, sqlCodes, WriteQueue } from '../database/index.js';
import { notFoundInScope, requestColumns, scopeOf, scopeSql, type Scope } from '../access/index.js';
import { commonProposal, commonWindowStart, OPEN_REQUEST_STATUSES } from '../rules/index.js';
import { TransitionEngine } from '../workflow/index.js';
import type { RequestKind } from '../reference/index.js';
import { FactorRequest } from './factor-request.entity.js';
import { type Actor, RequestEngine } from './request.engine.js';
import { RequestGroup } from './request-group.entity.js';
import { type GroupContext, type GroupEvent, requestGroupWorkflow } from './request-group.machine.js';
import { GROUP_STATUSES, type GroupEventType, type GroupStatus } from './request-states.js';
import { acceptedEventsOf } from '../workflow/index.js';
import { GROUP_EVENT_TYPES } from './request-states.js';
import { REQUESTS_CTE } from './requests.queries.js';

/** A 共性问题 group as the API shows it (docs/api.md "Requests and problems"). */
export interface RequestGroupView {
  id: number;
  kind: RequestKind;
  department: string;
  departmentName: string;
  policyTag: string | null;
  status: GroupStatus;
  /** Its members the caller may see (every member for the city office, auditors and the department). */
  memberIds: number[];
  proposedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  endedAt: string | null;
  /** RESOLVE's one answer, or DISMISS's reason. */
  note: string | null;
  allowedEvents: GroupEventType[];
  version: number;
}

/** What raising a problem did to the groups: proposed a new one, or joined an open one (recorded with the raise). */
export interface CommonGroupChange {
  id: number;
  change: 'proposed' | 'joined';
  memberIds: number[];
}

/** Who may send each group event: the city office confirms and dismisses; the department (or the city office) solves it. */
const GROUP_SENDERS: Record<GroupEventType, { roles: Actor['role'][]; refusal: string }> = {
  CONFIRM: { roles: ['admin'], refusal: '只有市链长办可以确认共性问题' },
  DISMISS: { roles: ['admin'], refusal: '只有市链长办可以决定不予合并' },
  RESOLVE: { roles: ['department', 'admin'], refusal: '只有承办部门（或市链长办）可以统一办结' },
};

const OPEN = sqlCodes(OPEN_REQUEST_STATUSES);

/**
 * 共性问题 (docs/domain/requests.md "共性问题"): found when a problem is raised (rules/common-problems.ts),
 * read in the caller's scope, confirmed, dismissed or solved once through the one transition
 * engine; solving a group resolves each open member through the request engine, in the same
 * transaction, with the group's answer.
 */
@Injectable()
export class RequestGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly engine: TransitionEngine,
    private readonly requests: RequestEngine,
  ) {}

  /**
   * After `request` was raised (in the raising transaction): it joins the open group of its key
   * (kind, department, policy tag), else, with the open ungrouped problems of its key, it may
   * complete a new proposal. What changed is recorded with the raise (its audit entry).
   */
  async detectIn(manager: EntityManager, request: FactorRequest, at: string): Promise<CommonGroupChange | null> {
    const key = { kind: request.kind, departmentCode: request.departmentCode, policyTag: request.policyTag ?? IsNull() };
    const open = await manager.findOne(RequestGroup, { where: { ...key, status: In(['proposed', 'confirmed']) }, order: { id: 'ASC' } });
    if (open) {
      await manager.update(FactorRequest, { id: request.id }, { groupId: open.id, groupedAt: at });
      const members = await manager.find(FactorRequest, { select: { id: true }, where: { groupId: open.id }, order: { id: 'ASC' } });
      return { id: open.id, change: 'joined', memberIds: members.map((m) => m.id) };
    }
    const tag = request.policyTag === null ? 'r.policy_tag IS NULL' : 'r.policy_tag = :tag';
    const rows = await sql(
      manager,
      `SELECT r.id, r.project_id, r.enterprise_name, r.chain_code, r.raised_on FROM factor_request r
        WHERE r.kind = :kind AND r.department_code = :department AND ${tag}
          AND r.status IN ${OPEN} AND r.group_id IS NULL AND r.raised_on >= :from AND r.raised_on <= :until`,
      { kind: request.kind, department: request.departmentCode, tag: request.policyTag, from: commonWindowStart(request.raisedOn), until: request.raisedOn },
    );
    const candidates = rows.map((r) => ({
      id: int(r.id),
      projectId: r.project_id === null ? null : int(r.project_id),
      enterpriseName: (r.enterprise_name as string | null) ?? null,
      chainCode: (r.chain_code as string | null) ?? null,
      raisedOn: r.raised_on as string,
    }));
    const newest = candidates.find((c) => c.id === request.id) ?? { id: request.id, projectId: request.projectId, enterpriseName: request.enterpriseName, chainCode: request.chainCode, raisedOn: request.raisedOn };
    const memberIds = commonProposal(candidates, newest);
    if (!memberIds) return null;
    const group = manager.create(RequestGroup, {
      kind: request.kind,
      departmentCode: request.departmentCode,
      policyTag: request.policyTag,
      status: 'proposed',
      proposedAt: at,
      confirmedAt: null,
      confirmedBy: null,
      endedAt: null,
      note: null,
      version: 1,
      updatedAt: at,
    });
    await manager.insert(RequestGroup, group);
    await manager.update(FactorRequest, { id: In(memberIds) }, { groupId: group.id, groupedAt: at });
    return { id: group.id, change: 'proposed', memberIds };
  }

  /** GET /api/requests/groups: the groups the caller sees (a county or chain team: those with a member of its own, and only those members). */
  async list(status: string | undefined, scope: Scope): Promise<RequestGroupView[]> {
    if (status !== undefined && !(GROUP_STATUSES as readonly string[]).includes(status))
      throw unprocessable('筛选条件有误', [{ field: 'status', code: 'unknownStatus', message: `未知的共性问题状态：${status}（应为 ${GROUP_STATUSES.join(', ')}）` }]);
    const groups = await this.dataSource.getRepository(RequestGroup).find({ where: status ? { status: status as GroupStatus } : {}, order: { id: 'ASC' } });
    return this.views(groups, scope);
  }

  async findOne(id: number, scope: Scope): Promise<RequestGroupView> {
    const group = await this.dataSource.getRepository(RequestGroup).findOneBy({ id });
    const [view] = group ? await this.views([group], scope) : [];
    if (!view) throw notFoundInScope('共性问题');
    return view;
  }

  /** Applies CONFIRM, DISMISS or RESOLVE (the one answer, given to every open member) in one queued transaction. */
  apply(groupId: number, event: GroupEvent, actor: Actor, expectedVersion?: number): Promise<void> {
    return this.writes.run(async (manager) => {
      const now = this.clock.nowIso();
      const today = this.clock.dateOf(now);
      await this.engine.applyIn<RequestGroup, GroupStatus, GroupEvent, GroupContext, null>(
        manager,
        {
          workflow: requestGroupWorkflow,
          entity: RequestGroup,
          load: async (m) => {
            const group = await m.findOneBy(RequestGroup, { id: groupId });
            const scope = scopeOf(actor);
            if (!group || (scope.department !== undefined && group.departmentCode !== scope.department)) throw notFoundInScope('共性问题');
            const sender = GROUP_SENDERS[event.type];
            if (!sender.roles.includes(actor.role)) throw new ApiError(403, sender.refusal, [{ field: 'type', code: 'notYourStep', message: sender.refusal }]);
            return group;
          },
          stateOf: (group) => group.status,
          context: async () => ({ today }),
          changes: async (_m, _group, _event, to) => {
            const columns: Partial<RequestGroup> = { status: to, updatedAt: now };
            if (event.type === 'CONFIRM') Object.assign(columns, { confirmedAt: now, confirmedBy: actor.username });
            if (event.type === 'RESOLVE') Object.assign(columns, { endedAt: now, note: event.note!.trim() });
            if (event.type === 'DISMISS') Object.assign(columns, { endedAt: now, note: event.reason!.trim() });
            return { columns, done: null };
          },
          record: async (m, group, _event, to) => {
            const members = await m.find(FactorRequest, { where: { groupId }, order: { id: 'ASC' } });
            const { type, ...payload } = event;
            await this.changes.record(m, {
              actor: actor.username,
              subject: auditSubject.requestGroup(groupId),
              action: 'transition',
              before: { status: group.status },
              after: { event: type, ...payload, status: to, memberIds: members.map((r) => r.id) },
              reason: event.type === 'DISMISS' ? (event.reason ?? null) : null,
              at: now,
            });
            if (event.type !== 'RESOLVE') return;
            // Side effect, after the transition: one answer, each open member's 办结 (a member not yet
            // accepted is accepted onto the 高频 list the same day, then resolved).
            const note = event.note!.trim();
            for (const member of members.filter((r) => (OPEN_REQUEST_STATUSES as readonly string[]).includes(r.status))) {
              if (member.status === 'raised') await this.requests.applyIn(m, member.id, { type: 'ACCEPT', category: 'frequent', promisedDate: today }, actor, { recordedAt: now });
              await this.requests.applyIn(m, member.id, { type: 'RESOLVE', note }, actor, { recordedAt: now });
            }
          },
        },
        event,
        expectedVersion,
      );
    });
  }

  private async views(groups: RequestGroup[], scope: Scope): Promise<RequestGroupView[]> {
    if (groups.length === 0) return [];
    const now = this.clock.nowIso();
    const condition = scopeSql(scope, requestColumns('rq'));
    const members = await sql(this.dataSource, `${REQUESTS_CTE} SELECT rq.id, rq.group_id FROM rq WHERE rq.group_id IS NOT NULL AND ${condition.sql} ORDER BY rq.id`, {
      asOf: now,
      refDate: this.clock.dateOf(now),
      ...condition.params,
    });
    const departments = await sql(this.dataSource, 'SELECT code, name FROM department');
    const names = new Map(departments.map((d) => [d.code as string, d.name as string]));
    const byGroup = new Map<number, number[]>();
    for (const row of members) byGroup.set(int(row.group_id), [...(byGroup.get(int(row.group_id)) ?? []), int(row.id)]);
    const everything = scope.region === undefined && scope.chain === undefined;
    return groups
      .filter((g) => (scope.department === undefined || g.departmentCode === scope.department) && (everything || byGroup.has(g.id)))
      .map((g) => ({
        id: g.id,
        kind: g.kind,
        department: g.departmentCode,
        departmentName: names.get(g.departmentCode) ?? g.departmentCode,
        policyTag: g.policyTag,
        status: g.status,
        memberIds: byGroup.get(g.id) ?? [],
        proposedAt: g.proposedAt,
        confirmedAt: g.confirmedAt,
        confirmedBy: g.confirmedBy,
        endedAt: g.endedAt,
        note: g.note,
        allowedEvents: acceptedEventsOf(requestGroupWorkflow.machine, g.status, GROUP_EVENT_TYPES),
        version: g.version,
      }));
  }
}
