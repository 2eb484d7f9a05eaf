import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { ChangeRecorder } from '../audit/change-recorder.js';
import { auditSubject } from '../audit/audit-subjects.js';
import { ALL, type Scope } from '../auth/principal.js';
import { notFound, unprocessable } from '../common/api-error.js';
import { Clock } from '../common/clock.js';
import { WriteQueue } from '../database/write-queue.js';
import { Project } from '../projects/project.entity.js';
import type { PutListEntryDto } from './dto/list-entry.dto.js';
import { ListEntry, monthlyPlanOf, PLAN_MONTH_KEYS, type ListCategory } from './list-entry.entity.js';

export interface ListEntryView {
  projectId: number;
  projectCode: string;
  projectName: string;
  category: ListCategory;
  /** 年度计划投资, 万元. */
  plannedInvestment: number;
  /** 倒排工期, twelve amounts in 万元, January first. */
  monthlyPlan?: number[];
  addedAt: string;
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
    if (scope.region !== undefined) qb.andWhere('p.region_code = :region', { region: scope.region });
    if (scope.chain !== undefined) qb.andWhere('p.chain_code = :chain', { chain: scope.chain });
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
        addedAt: row.addedAt,
      };
      const plan = monthlyPlanOf(row);
      if (plan) view.monthlyPlan = plan;
      return view;
    });
  }

  put(year: number, projectId: number, dto: PutListEntryDto, options: ListChangeOptions): Promise<{ created: boolean }> {
    return this.writes.run((manager) => this.putIn(manager, year, projectId, dto, options));
  }

  async putIn(
    manager: EntityManager,
    year: number,
    projectId: number,
    dto: PutListEntryDto,
    options: ListChangeOptions,
  ): Promise<{ created: boolean }> {
    const project = await manager.findOneBy(Project, { id: projectId });
    if (!project) throw notFound(`项目 ${projectId} 不存在`);
    const failures = [];
    if (project.stage === 'withdrawn')
      failures.push({ field: 'projectId', code: 'projectWithdrawn', message: '已调出项目库的项目不能列入清单' });
    if (project.totalInvestmentWan !== null && dto.plannedInvestment > project.totalInvestmentWan)
      failures.push({ field: 'plannedInvestment', code: 'planAboveTotal', message: '年度计划投资不能超过项目总投资' });
    const plan = dto.monthlyPlan ?? null;
    if (plan && plan.reduce((sum, amount) => sum + amount, 0) !== dto.plannedInvestment)
      failures.push({ field: 'monthlyPlan', code: 'monthlyPlanSumMismatch', message: '倒排工期 12 个月合计必须等于年度计划投资' });
    if (failures.length) throw unprocessable('清单条目未通过校验', failures);

    const current = await manager.findOneBy(ListEntry, { year, projectId, removedAt: IsNull() });
    if (current && sameEntry(current, dto, plan)) return { created: false };

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
    });
    PLAN_MONTH_KEYS.forEach((key, index) => (entry[key] = plan ? plan[index] : null));
    await manager.insert(ListEntry, entry);
    const before = current ? { category: current.category, plannedInvestment: current.plannedInvestmentWan, monthlyPlan: monthlyPlanOf(current) } : null;
    const after = { category: dto.category, plannedInvestment: dto.plannedInvestment, monthlyPlan: plan };
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
    return { created: !current };
  }

  remove(year: number, projectId: number, reason: string | undefined, options: ListChangeOptions): Promise<void> {
    return this.writes.run(async (manager) => {
      const current = await manager.findOneBy(ListEntry, { year, projectId, removedAt: IsNull() });
      if (!current) throw notFound(`项目 ${projectId} 不在 ${year} 年清单中`);
      const project = await manager.findOneByOrFail(Project, { id: projectId });
      const now = options.at ?? this.clock.nowIso();
      await this.close(manager, current, now, options.actor, reason ?? null);
      const before = { category: current.category, plannedInvestment: current.plannedInvestmentWan, monthlyPlan: monthlyPlanOf(current) };
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
    });
  }

  private async close(manager: EntityManager, entry: ListEntry, at: string, actor: string, reason: string | null) {
    await manager.update(ListEntry, { id: entry.id }, { removedAt: at, removedBy: actor, reason: reason?.trim() || entry.reason });
  }
}

function sameEntry(current: ListEntry, dto: PutListEntryDto, plan: number[] | null): boolean {
  const currentPlan = monthlyPlanOf(current);
  return (
    current.category === dto.category &&
    current.plannedInvestmentWan === dto.plannedInvestment &&
    JSON.stringify(currentPlan) === JSON.stringify(plan)
  );
}
