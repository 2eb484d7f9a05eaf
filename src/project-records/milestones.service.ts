import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ALL, type Scope } from '../access/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { badRequest, Clock, type ErrorDetail, unprocessable, validationExceptionFactory } from '../common/index.js';
import { updateVersioned } from '../database/index.js';
import { MilestoneListDto, type MilestoneActualDto, type MilestoneDto } from './dto/milestone.dto.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { ProjectRecordsService } from './project-records.service.js';

import type { MilestoneView } from './milestone.types.js';

export type { MilestoneView };

/** A project's milestones now, or as they stood at `asOf`, in their entered order. */
export async function milestonesOf(manager: EntityManager, projectId: number, asOf?: string): Promise<MilestoneView[]> {
  const rows = asOf
    ? await manager
        .createQueryBuilder(Milestone, 'm')
        .where('m.project_id = :projectId AND m.recorded_at <= :asOf AND (m.removed_at IS NULL OR m.removed_at > :asOf)', { projectId, asOf })
        .orderBy('m.seq', 'ASC')
        .getMany()
    : await manager.find(Milestone, { where: { projectId, removedAt: IsNull() }, order: { seq: 'ASC' } });
  return rows.map((row) => ({ name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate }));
}

/** The milestones not yet reached of each of `projectIds`, now, in their entered order (the month form). */
export async function pendingMilestonesOf(manager: EntityManager, projectIds: number[]): Promise<Map<number, MilestoneView[]>> {
  if (!projectIds.length) return new Map();
  return currentMilestones(manager, { projectIds, pendingOnly: true });
}

/** Every project's milestones now, in their entered order, by project (the ledger export); projects without any are absent. */
export async function currentMilestonesByProject(manager: EntityManager): Promise<Map<number, MilestoneView[]>> {
  return currentMilestones(manager, { pendingOnly: false });
}

async function currentMilestones(manager: EntityManager, which: { projectIds?: number[]; pendingOnly: boolean }): Promise<Map<number, MilestoneView[]>> {
  const qb = manager.createQueryBuilder(Milestone, 'm').where('m.removed_at IS NULL');
  if (which.projectIds) qb.andWhere('m.project_id IN (:...projectIds)', { projectIds: which.projectIds });
  if (which.pendingOnly) qb.andWhere('m.actual_date IS NULL');
  const rows = await qb.orderBy('m.project_id', 'ASC').addOrderBy('m.seq', 'ASC').getMany();
  const result = new Map<number, MilestoneView[]>();
  for (const row of rows) {
    if (!result.has(row.projectId)) result.set(row.projectId, []);
    result.get(row.projectId)!.push({ name: row.name, plannedDate: row.plannedDate, actualDate: row.actualDate });
  }
  return result;
}

/** The body of `PUT …/milestones`, an array, checked like any other body: 400 for its shape, 422 for its values. */
export async function parseMilestoneList(body: unknown): Promise<MilestoneDto[]> {
  if (!Array.isArray(body)) throw badRequest('请求参数格式错误', [{ field: 'body', code: 'isArray', message: '节点计划必须是数组 [{ name, plannedDate, actualDate? }]' }]);
  const list = plainToInstance(MilestoneListDto, { milestones: body });
  const errors = await validate(list, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length) {
    const error = validationExceptionFactory(errors);
    for (const detail of error.details) detail.field = (detail.field ?? '').replace(/^milestones\.?/, '') || 'body';
    throw error;
  }
  return list.milestones;
}

export interface MilestoneChange {
  changed: boolean;
  before: MilestoneView[];
  after: MilestoneView[];
}

/**
 * A project's milestones (节点, 正排进度; docs/domain/milestones.md). A PUT gives the whole list; a
 * month report may record actual dates of milestones the project already has. Either way, in the
 * caller's write transaction: the current rows closed and the new set added (nothing when nothing
 * changed), the project's version bumped (a stale If-Match is 412, as for any project edit), one
 * history row and one audit entry (project / milestones). The plan curve the list entries derive
 * from the milestones is the plans module's (ListsService.deriveCurvesIn), called by the route.
 */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly records: ProjectRecordsService,
  ) {}

  async list(projectId: number, scope: Scope = ALL, asOf?: string): Promise<MilestoneView[]> {
    await this.records.findVisible(this.dataSource.manager, projectId, scope);
    return milestonesOf(this.dataSource.manager, projectId, asOf);
  }

  /** Replaces the project's milestones with `items` (422 naming every failure; nothing written when the list is the same). */
  async replaceIn(manager: EntityManager, project: Project, items: MilestoneDto[], actor: string, options: { reason?: string | null; at?: string } = {}): Promise<MilestoneChange> {
    const after: MilestoneView[] = items.map((item) => ({ name: item.name.trim(), plannedDate: item.plannedDate, actualDate: item.actualDate ?? null }));
    const failures = milestoneFailures(after, this.clock.today());
    if (failures.length) throw unprocessable(`节点计划未通过校验：${failures.map((f) => f.message).join('；')}`, failures);
    const before = await milestonesOf(manager, project.id);
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false, before, after };

    const at = options.at ?? this.clock.nowIso();
    await updateVersioned(manager, Project, project, { updatedAt: at });
    await manager.update(Milestone, { projectId: project.id, removedAt: IsNull() }, { removedAt: at });
    if (after.length)
      await manager.insert(
        Milestone,
        after.map((m, seq) => ({ projectId: project.id, seq, name: m.name, plannedDate: m.plannedDate, actualDate: m.actualDate, recordedAt: at, recordedBy: actor, removedAt: null })),
      );
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.project(project.id),
      action: 'milestones',
      before: { milestones: before },
      after: { milestones: after },
      reason: options.reason ?? null,
      at,
      history: { projectId: project.id, kind: 'updated', fromStage: project.stage, toStage: project.stage, data: { milestones: { from: before, to: after } } },
    });
    return { changed: true, before, after };
  }

  /** Records actual dates of milestones the project has (the month form): 422 for a name it does not have. */
  async recordActualsIn(manager: EntityManager, project: Project, actuals: MilestoneActualDto[], actor: string, at?: string): Promise<MilestoneChange> {
    const current = await milestonesOf(manager, project.id);
    const failures: ErrorDetail[] = [];
    const next = current.map((m) => ({ ...m }));
    actuals.forEach((actual, index) => {
      const milestone = next.find((m) => m.name === actual.name.trim());
      if (!milestone) failures.push({ field: `milestones.${index}.name`, code: 'unknownMilestone', message: `项目没有名为“${actual.name}”的节点` });
      else milestone.actualDate = actual.actualDate;
    });
    if (failures.length) throw unprocessable('节点完成日期未通过校验', failures);
    return this.replaceIn(manager, project, next, actor, { at });
  }
}

/** Names unique and not empty; an actual date not after today. */
export function milestoneFailures(milestones: MilestoneView[], today: string): ErrorDetail[] {
  const failures: ErrorDetail[] = [];
  const seen = new Set<string>();
  milestones.forEach((m, index) => {
    if (!m.name) failures.push({ field: `${index}.name`, code: 'nameRequired', message: `第 ${index + 1} 个节点缺少名称` });
    else if (seen.has(m.name)) failures.push({ field: `${index}.name`, code: 'duplicateMilestone', message: `节点“${m.name}”重复` });
    seen.add(m.name);
    if (m.actualDate !== null && m.actualDate > today)
      failures.push({ field: `${index}.actualDate`, code: 'dateInFuture', message: `节点“${m.name}”的实际日期 ${m.actualDate} 不能晚于今天（${today}）` });
  });
  return failures;
}
