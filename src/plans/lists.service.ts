import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { ApiWan, Clock, type ErrorDetail, notFound, unprocessable } from '../common/index.js';
import { recordAdjustment } from './plan-adjustments.js';
import { YearTarget } from './year-target.entity.js';
import { frozenChangeFailures, keyDesignationFailures, milestoneCurve } from '../rules/index.js';
import { WriteQueue } from '../database/index.js';
import { milestonesOf, Project, type MilestoneView } from '../project-records/index.js';
import type { PutListEntryDto } from './dto/list-entry.dto.js';
import { LIST_CATEGORIES, ListEntry, monthlyPlanOf, PLAN_MONTH_KEYS, type ListCategory } from './list-entry.entity.js';
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
  /** Where the curve comes from: entered, or derived from the project's milestones (docs/domain/milestones.md). */
  monthlyPlanSource?: 'entered' | 'milestones';
  /** 市级重点项目 (designated). */
  keyProject: boolean;
  addedAt: string;
}

/** A project's place on one year's list, as the project's read shows it. */
export class ListMembershipView {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ enum: LIST_CATEGORIES }) category: string;
  @ApiWan('年度计划投资') plannedInvestment: number;
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
      if (plan) {
        view.monthlyPlan = plan;
        view.monthlyPlanSource = row.planDerived ? 'milestones' : 'entered';
      }
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
    // No curve entered: the one the project's milestones give, if any (docs/domain/milestones.md).
    const derived = monthly ? null : milestoneCurve(dto.plannedInvestment, year, plannedDatesOf(await milestonesOf(manager, projectId)));
    const next: EntryFacts = { category: dto.category, plannedInvestment: dto.plannedInvestment, monthlyPlan: monthly ?? derived, derived: derived !== null, keyProject };
    if (current && sameFacts(entryFactsOf(current), next)) return { created: false, changed: false };
    const frozen = frozenChangeFailures(plan.status, dto.reason, year);
    if (frozen.length) throw unprocessable(frozen[0].message, frozen);
    await this.replace(manager, { year, project, current, next, reason: dto.reason, published: plan.status === 'published', options });
    return { created: !current, changed: Boolean(current) };
  }

  /**
   * After a project's milestones changed (in the same transaction): each of its current list
   * entries without an entered curve takes the curve its milestones give now (or the even spread
   * when they give none), as a list change like any other: the row closed and a new one added,
   * recorded, and kept as a plan adjustment once the plan is published. Returns the years changed.
   */
  async deriveCurvesIn(manager: EntityManager, project: Project, milestones: MilestoneView[], options: ListChangeOptions & { reason?: string | null }): Promise<number[]> {
    const entries = await manager.find(ListEntry, { where: { projectId: project.id, removedAt: IsNull() }, order: { year: 'ASC' } });
    const changed: number[] = [];
    for (const current of entries) {
      const facts = entryFactsOf(current);
      if (facts.monthlyPlan && !facts.derived) continue; // an entered 倒排工期 stands
      const derived = milestoneCurve(current.plannedInvestmentWan, current.year, plannedDatesOf(milestones));
      const next: EntryFacts = { ...facts, monthlyPlan: derived, derived: derived !== null };
      if (sameFacts(facts, next)) continue;
      const plan = await planOf(manager, current.year);
      const reason = [DERIVED_REASON, options.reason?.trim()].filter(Boolean).join('：');
      await this.replace(manager, { year: current.year, project, current, next, reason, published: plan.status === 'published', options });
      changed.push(current.year);
    }
    return changed;
  }

  /** Closes the current row (if any), adds the new one, records the change and, on a published plan, the adjustment. */
  private async replace(
    manager: EntityManager,
    change: { year: number; project: Project; current: ListEntry | null; next: EntryFacts; reason: string | undefined; published: boolean; options: ListChangeOptions },
  ): Promise<void> {
    const { year, project, current, next, reason, options } = change;
    const projectId = project.id;
    const now = options.at ?? this.clock.nowIso();
    if (current) await this.close(manager, current, now, options.actor, reason ?? null);
    const entry = manager.create(ListEntry, {
      year,
      projectId,
      category: next.category,
      plannedInvestmentWan: next.plannedInvestment,
      addedAt: now,
      addedBy: options.actor,
      removedAt: null,
      removedBy: null,
      reason: reason?.trim() || null,
      keyProject: next.keyProject,
      planDerived: next.derived,
    });
    PLAN_MONTH_KEYS.forEach((key, index) => (entry[key] = next.monthlyPlan ? next.monthlyPlan[index] : null));
    await manager.insert(ListEntry, entry);
    const before = current ? auditFacts(entryFactsOf(current)) : null;
    const after = auditFacts(next);
    await this.changes.record(manager, {
      actor: options.actor,
      subject: auditSubject.list(projectId),
      action: current ? 'change' : 'add',
      before: before && { year, ...before },
      after: { year, ...after },
      reason,
      at: now,
      history: { projectId, kind: 'list', fromStage: project.stage, toStage: project.stage, data: { year, action: current ? 'changed' : 'added', before, after } },
    });
    if (change.published)
      await recordAdjustment(manager, { year, at: now, actor: options.actor, kind: 'list', action: current ? 'change' : 'add', projectId, before, after, reason: reason! });
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
      const before = auditFacts(entryFactsOf(current));
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

/** Why a list entry's curve changed without anyone entering it. */
const DERIVED_REASON = '按节点计划推算月度计划';

/** A list entry's facts: what a change compares and records. */
interface EntryFacts {
  category: ListCategory;
  plannedInvestment: number;
  monthlyPlan: number[] | null;
  /** The curve was derived from milestones. */
  derived: boolean;
  keyProject: boolean;
}

function entryFactsOf(entry: ListEntry): EntryFacts {
  const monthlyPlan = monthlyPlanOf(entry);
  return { category: entry.category, plannedInvestment: entry.plannedInvestmentWan, monthlyPlan, derived: monthlyPlan !== null && Boolean(entry.planDerived), keyProject: Boolean(entry.keyProject) };
}

function sameFacts(a: EntryFacts, b: EntryFacts): boolean {
  return JSON.stringify(auditFacts(a)) === JSON.stringify(auditFacts(b));
}

/** As the history and the audit log keep them; a derived curve says so (`monthlyPlanFromMilestones`). */
function auditFacts(facts: EntryFacts) {
  const { derived, ...rest } = facts;
  return { category: rest.category, plannedInvestment: rest.plannedInvestment, monthlyPlan: rest.monthlyPlan, keyProject: rest.keyProject, ...(derived ? { monthlyPlanFromMilestones: true } : {}) };
}

const plannedDatesOf = (milestones: MilestoneView[]) => milestones.map((m) => m.plannedDate);

/** The year's plan: a list belongs to a year that has one (404 otherwise). */
async function planOf(manager: EntityManager, year: number): Promise<YearTarget> {
  const plan = await manager.findOneBy(YearTarget, { year });
  if (!plan) throw notFound(`${year} 年尚无年度计划`, [{ field: 'year', code: 'noPlan', message: `${year} 年尚无年度计划，请先建立年度计划` }]);
  return plan;
}
