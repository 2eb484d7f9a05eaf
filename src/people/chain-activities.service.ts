import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError, Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { WriteQueue } from '../database/index.js';
import { ProjectRecordsService } from '../project-records/index.js';
import { ReferenceService } from '../reference/index.js';
import { RequestsService } from '../requests/index.js';
import { refuseOtherScope, type Scope } from '../access/index.js';
import { ChainActivity } from './chain-activity.entity.js';
import { ChainResponsibilityService } from './chain-responsibility.service.js';
import type { CreateActivityDto } from './dto/activity.dto.js';
import { PeopleService, personRef } from './people.service.js';
import type { ActivityView } from './people.types.js';

/** The origin a request raised from an activity's findings carries. */
export const ACTIVITY_ORIGIN = 'activity';

/**
 * 链长 activities (docs/domain/responsibility.md "Activities"): recorded by the city office or the
 * chain's own team, read by everyone who reads the chain. A finding may be raised as 要素保障
 * requests in the same step, through the requests module (each routed, audited and in the
 * project's history as any other), carrying the activity as its origin.
 */
@Injectable()
export class ChainActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly people: PeopleService,
    private readonly reference: ReferenceService,
    private readonly records: ProjectRecordsService,
    private readonly chains: ChainResponsibilityService,
    private readonly requests: RequestsService,
  ) {}

  /** A chain's activities, newest first; of one year when asked. */
  async list(code: string, year?: number): Promise<ActivityView[]> {
    const manager = this.dataSource.manager;
    if (!(await this.reference.chainExists(manager, code))) throw notFound(`产业链 ${code} 不存在`);
    const qb = manager.getRepository(ChainActivity).createQueryBuilder('a').where('a.chain_code = :code', { code });
    if (year !== undefined) qb.andWhere('a.date >= :from AND a.date <= :to', { from: `${year}-01-01`, to: `${year}-12-31` });
    const rows = await qb.orderBy('a.date', 'DESC').addOrderBy('a.id', 'DESC').getMany();
    return this.views(manager, rows);
  }

  create(code: string, dto: CreateActivityDto, actor: string, scope: Scope): Promise<ActivityView> {
    return this.writes.run((manager) => this.createIn(manager, code, dto, actor, scope));
  }

  /** `create` in the caller's write transaction; `at`: record at this instant (the demo seed only). */
  async createIn(manager: EntityManager, code: string, dto: CreateActivityDto, actor: string, scope: Scope, at?: string): Promise<ActivityView> {
    if (!(await this.reference.chainExists(manager, code))) throw notFound(`产业链 ${code} 不存在`);
    refuseOtherScope(scope, { chain: code }, { chain: { message: '只能记录本产业链的链长活动', detail: '产业链专班只能记录本产业链' } });
    const now = at ?? this.clock.nowIso();
    const today = this.clock.dateOf(now);
    const projectIds = [...new Set(dto.projectIds)];
    const enterprises = [...new Set(dto.enterprises.map((name) => name.trim()).filter(Boolean))];
    const findings = dto.findings.trim();
    // Without a leader named, the chain's 链长 of the activity's year leads it (when there is one).
    const leaderId = dto.leaderId !== undefined ? dto.leaderId : (await this.chains.get(code, Number(dto.date.slice(0, 4)), undefined, manager)).leaderId;
    const failures: ErrorDetail[] = [
      ...(await this.people.assignmentFailures(manager, dto.leaderId, 'leaderId', { kind: 'city' }, '带队领导')),
      ...(await this.chains.enterpriseFailures(manager, enterprises, 'enterprises', '走访企业')),
    ];
    if (dto.date > today) failures.push({ field: 'date', code: 'dateInFuture', message: `活动日期 ${dto.date} 晚于今天（${today}）` });
    if (!findings) failures.push({ field: 'findings', code: 'findingsRequired', message: '请填写发现的情况' });
    const known = new Set((await this.records.findMany(manager, projectIds)).map((p) => p.id));
    for (const id of projectIds) if (!known.has(id)) failures.push({ field: 'projectIds', code: 'unknownProject', message: `项目 ${id} 不存在` });
    (dto.requests ?? []).forEach((item, index) => {
      if (!projectIds.includes(item.projectId))
        failures.push({ field: `requests[${index}].projectId`, code: 'projectNotVisited', message: '需求须针对本次活动走访的项目' });
    });
    if (failures.length) throw unprocessable(`链长活动未通过校验：${failures.map((f) => f.message).join('；')}`, failures);

    const row = manager.create(ChainActivity, {
      chainCode: code,
      kind: dto.kind,
      date: dto.date,
      leaderId,
      enterprises: JSON.stringify(enterprises),
      projectIds: JSON.stringify(projectIds),
      findings,
      actor,
      recordedAt: now,
    });
    await manager.insert(ChainActivity, row);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.activity(row.id),
      action: 'create',
      after: { chain: code, kind: row.kind, date: row.date, leaderId, enterprises, projectIds, findings },
      at: now,
    });
    for (const [index, { projectId, ...item }] of (dto.requests ?? []).entries()) {
      try {
        await this.requests.raiseIn(manager, projectId, [item], actor, scope, { at: now, origin: { kind: ACTIVITY_ORIGIN, id: row.id } });
      } catch (error) {
        // The request's own checks, named by their place in this body.
        if (error instanceof ApiError && error.getStatus() === 422)
          throw unprocessable(`第 ${index + 1} 项需求未通过校验`, error.details.map((d) => ({ ...d, field: `requests[${index}].${d.field ?? ''}` })));
        throw error;
      }
    }
    return (await this.views(manager, [row]))[0];
  }

  private async views(manager: EntityManager, rows: ChainActivity[]): Promise<ActivityView[]> {
    const people = await this.people.byIds(manager, rows.map((row) => row.leaderId));
    const projectIds = [...new Set(rows.flatMap((row) => JSON.parse(row.projectIds) as number[]))];
    const projects = new Map((await this.records.findMany(manager, projectIds)).map((p) => [p.id, p]));
    const raised = await this.requests.raisedFrom(manager, ACTIVITY_ORIGIN, rows.map((row) => row.id));
    return rows.map((row) => {
      const leader = row.leaderId ? people.get(row.leaderId) : undefined;
      const ids = JSON.parse(row.projectIds) as number[];
      return {
        id: row.id,
        chain: row.chainCode,
        kind: row.kind,
        date: row.date,
        leaderId: row.leaderId,
        leader: leader ? personRef(leader) : null,
        enterprises: JSON.parse(row.enterprises) as string[],
        projectIds: ids,
        projects: ids.flatMap((id) => {
          const p = projects.get(id);
          return p ? [{ id: p.id, code: p.code, name: p.name }] : [];
        }),
        findings: row.findings,
        actor: row.actor,
        recordedAt: row.recordedAt,
        requests: raised.filter((r) => r.originId === row.id).map(({ originId: _origin, ...r }) => r),
      };
    });
  }
}
