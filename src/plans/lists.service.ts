import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { recordAdjustment } from './plan-adjustments.js';
import { YearTarget } from './year-target.entity.js';
import { frozenChangeFailures, keyDesignationFailures } from '../rules/index.js';
import { WriteQueue } from '../database/index.js';
import { Project } from '../project-records/index.js';
import type { PutListEntryDto } from './dto/list-entry.dto.js';
import { ListEntry, monthlyPlanOf, PLAN_MONTH_KEYS, type ListCategory } from './list-entry.entity.js';
import { ALL, notFoundInScope, projectColumns, type Scope, scopeSql } from '../access/index.js';

export interface ListEntryView {
  projectId: number;
  projectCode: string;
  projectName: string;
  category: ListCategory;
  /** 年度计划投资, 万元. */
  plannedInvestment: number;
  /** 倒排工期, twelve amounts in 万元, January first. */
  monthlyPlan?: number[];
  /** 市级重点项目 (designated). */
  keyProject: boolean;
  addedAt: string;
}

/** A project's place on one year's list, as the project's read shows it. */
export class ListMembershipView {
  @ApiProperty() year: number;
  @ApiProperty({ enum: ['implementation', 'preparation'] }) category: string;
  @ApiProperty({ description: '万元' }) plannedInvestment: number;
}

/**
 * The published query for "on the year's list" (list entries open now), as a condition on a
 * project row's id column, binding `:listYear` and, with a category, `:listCategory`.
 */
export function onListSql(projectId: string, withCategory: boolean): string {
  return `EXISTS (SELECT 1 FROM list_entry le WHERE le.project_id = ${projectId} AND le.year = :listYear AND le.removed_at IS NULL${withCategory ? ' AND le.category = :listCategory' : ''})`;
}

export interface ListChange {
  created: boolean;
  /** An existing entry was changed (false when the same entry was put again). */
  changed: boolean;
}

export interface ListChangeOptions {
  actor: string;
  /** Record at this instant instead of now: for the demo seed only. */
  at?: string;
}

/**
 * The year lists (年度清单). A change never rewrites a row: the current row is closed
 * and a new one added, and the project's history records it, so "the list as it stood
 * on a date" can be read back and a mid-year change is itself a logged event.
 */
@Injectable()
export class ListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  async entries(year: number, scope: Scope = ALL): Promise<ListEntryView[]> {
    const qb = this.dataSource
      .getRepository(ListEntry)
      .createQueryBuilder('l')
      .innerJoinAndSelect('l.project', 'p')
      .where('l.year = :year AND l.removed_at IS NULL', { year });
    const inScope = scopeSql(scope, projectColumns('p'));
    qb.andWhere(inScope.sql, inScope.params);
    const rows = await qb
      .orderBy('l.category', 'ASC')
      .addOrderBy('p.code', 'ASC')
      .getMany();
    return rows.map((row) => {
      const view: ListEntryView = {
        projectId: row.projectId,
        projectCode: row.project!.code,
        projectName: row.project!.name,
        category: row.category,
        plannedInvestment: row.plannedInvestmentWan,
        keyProject: Boolean(row.keyProject),
        addedAt: row.addedAt,
      };
      const plan = monthlyPlanOf(row);
      if (plan) view.monthlyPlan = plan;
      return view;
    });
  }

  /** A project's places on the year lists, now or as they stood at `asOf`, oldest year first. */
  async membershipsOf(projectId: number, asOf?: string): Promise<ListMembershipView[]> {
    const entries = await this.dataSource.getRepository(ListEntry).find({ where: { projectId }, order: { year: 'ASC' } });
    return entries
      .filter((entry) => (asOf ? entry.addedAt <= asOf && (entry.removedAt === null || entry.removedAt > asOf) : entry.removedAt === null))
      .map((entry) => ({ year: entry.year, category: entry.category, plannedInvestment: entry.plannedInvestmentWan }));
  }

  put(year: number, projectId: number, dto: PutListEntryDto, options: ListChangeOptions): Promise<ListChange> {
    return this.writes.run((manager) => this.putIn(manager, year, projectId, dto, options));
  }

  async putIn(
    manager: EntityManager,
    year: number,
    projectId: number,
    dto: PutListEntryDto,
    options: ListChangeOptions,
  ): Promise<ListChange> {
    const project = await manager.findOneBy(Project, { id: projectId });
    if (!project) throw notFoundInScope('项目');
    const plan = await planOf(manager, year);
    const failures: ErrorDetail[] = [];
    if (project.stage === 'withdrawn')
      failures.push({ field: 'projectId', code: 'projectWithdrawn', message: '已调出项目库的项目不能列入清单' });
    if (project.totalInvestmentWan !== null && dto.plannedInvestment > project.totalInvestmentWan)
      failures.push({ field: 'plannedInvestment', code: 'planAboveTotal', message: '年度计划投资不能超过项目总投资' });
    const monthly = dto.monthlyPlan ?? null;
    if (monthly && monthly.reduce((sum, amount) => sum + amount, 0) !== dto.plannedInvestment)
      failures.push({ field: 'monthlyPlan', code: 'monthlyPlanSumMismatch', message: '倒排工期 12 个月合计必须等于年度计划投资' });
    const keyProject = dto.keyProject ?? false;
    if (keyProject) failures.push(...keyDesignationFailures(project.totalInvestmentWan, plan.keyProjectThresholdWan));
    if (failures.length) throw unprocessable('清单条目未通过校验', failures);

    const current = await manager.findOneBy(ListEntry, { year, projectId, removedAt: IsNull() });
    if (current && sameEntry(current, dto, monthly, keyProject)) return { created: false, changed: false };
    const frozen = frozenChangeFailures(plan.status, dto.reason, year);
    if (frozen.length) throw unprocessable(frozen[0].message, frozen);

    const now = options.at ?? this.clock.nowIso();
    if (current) await this.close(manager, current, now, options.actor, dto.reason ?? null);
    const entry = manager.create(ListEntry, {
      year,
      projectId,
      category: dto.category,
      plannedInvestmentWan: dto.plannedInvestment,
      addedAt: now,
      addedBy: options.actor,
      removedAt: null,
      removedBy: null,
      reason: dto.reason?.trim() || null,
      keyProject,
    });
    PLAN_MONTH_KEYS.forEach((key, index) => (entry[key] = monthly ? monthly[index] : null));
    await manager.insert(ListEntry, entry);
    const before = current ? entryFacts(current) : null;
    const after = { category: dto.category, plannedInvestment: dto.plannedInvestment, monthlyPlan: monthly, keyProject };
    await this.changes.record(manager, {
      actor: options.actor,
      subject: auditSubject.list(projectId),
      action: current ? 'change' : 'add',
      before: before && { year, ...before },
      after: { year, ...after },
      reason: dto.reason,
      at: now,
      history: { projectId, kind: 'list', fromStage: project.stage, toStage: project.stage, data: { year, action: current ? 'changed' : 'added', before, after } },
    });
    if (plan.status === 'published')
      await recordAdjustment(manager, { year, at: now, actor: options.actor, kind: 'list', action: current ? 'change' : 'add', projectId, before, after, reason: dto.reason! });
    return { created: !current, changed: Boolean(current) };
  }

  remove(year: number, projectId: number, reason: string | undefined, options: ListChangeOptions): Promise<void> {
    return this.writes.run(async (manager) => {
      const current = await manager.findOneBy(ListEntry, { year, projectId, removedAt: IsNull() });
      if (!current) throw notFound(`该项目不在 ${year} 年清单中`);
      const plan = await planOf(manager, year);
      const frozen = frozenChangeFailures(plan.status, reason, year);
      if (frozen.length) throw unprocessable(frozen[0].message, frozen);
      const project = await manager.findOneByOrFail(Project, { id: projectId });
      const now = options.at ?? this.clock.nowIso();
      await this.close(manager, current, now, options.actor, reason ?? null);
      const before = entryFacts(current);
      await this.changes.record(manager, {
        actor: options.actor,
        subject: auditSubject.list(projectId),
        action: 'remove',
        before: { year, ...before },
        after: null,
        reason,
        at: now,
        history: { projectId, kind: 'list', fromStage: project.stage, toStage: project.stage, data: { year, action: 'removed', before, after: null } },
      });
      if (plan.status === 'published') await recordAdjustment(manager, { year, at: now, actor: options.actor, kind: 'list', action: 'remove', projectId, before, after: null, reason: reason! });
    });
  }

  private async close(manager: EntityManager, entry: ListEntry, at: string, actor: string, reason: string | null) {
    await manager.update(ListEntry, { id: entry.id }, { removedAt: at, removedBy: actor, reason: reason?.trim() || entry.reason });
  }
}

function sameEntry(current: ListEntry, dto: PutListEntryDto, monthly: number[] | null, keyProject: boolean): boolean {
  return (
    current.category === dto.category &&
    current.plannedInvestmentWan === dto.plannedInvestment &&
    JSON.stringify(monthlyPlanOf(current)) === JSON.stringify(monthly) &&
    Boolean(current.keyProject) === keyProject
  );
}

function entryFacts(entry: ListEntry) {
  return { category: entry.category, plannedInvestment: entry.plannedInvestmentWan, monthlyPlan: monthlyPlanOf(entry), keyProject: Boolean(entry.keyProject) };
}

/** The year's plan: a list belongs to a year that has one (404 otherwise). */
async function planOf(manager: EntityManager, year: number): Promise<YearTarget> {
  const plan = await manager.findOneBy(YearTarget, { year });
  if (!plan) throw notFound(`${year} 年尚无年度计划`, [{ field: 'year', code: 'noPlan', message: `${year} 年尚无年度计划，请先建立年度计划` }]);
  return plan;
}
