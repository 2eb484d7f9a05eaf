import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError, notFound, unprocessable, badRequest, type ErrorDetail } from '../common/api-error.js';
import { leadOfProject } from '../attraction/lead-link.js';
import { ChangeRecorder } from '../audit/change-recorder.js';
import { auditSubject } from '../audit/audit-subjects.js';
import { ALL, type Scope } from '../access/principal.js';
import { ProjectComment } from '../project-records/project-comment.entity.js';
import { replayProject } from './project-replay.js';
import { Clock } from '../common/clock.js';
import type { Page } from '../common/page.js';
import { WriteQueue } from '../database/write-queue.js';
import { factsOf, loadFacts, stageInvariantFailures } from './lifecycle.facts.js';
import { initialPersisted } from '../lifecycle/lifecycle.snapshot.js';
import { APPROVAL_KEYS, APPROVAL_LABELS } from '../lifecycle/stages.js';
import { ListEntry } from '../plans/list-entry.entity.js';
import { approvalDetailsOf, recordApprovalDates } from '../project-records/approval-details.js';
import { departmentProjectsSql, projectVisible } from '../access/scope-policy.js';
import { Chain } from '../reference/chain.entity.js';
import { Region } from '../reference/region.entity.js';
import type { CreateProjectDto } from '../project-records/dto/create-project.dto.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';
import type { ProjectFieldsDto } from '../project-records/dto/project-fields.dto.js';
import type { UpdateProjectDto } from '../project-records/dto/update-project.dto.js';
import { ProjectHistory } from '../audit/project-history.entity.js';
import { Project } from '../project-records/project.entity.js';
import { APPROVAL_COLUMNS, toView, type ListMembershipView, type ProjectView } from './project.view.js';
import { checkReadVersion, updateVersioned } from '../database/versioned.js';

/** Entity columns an edit may change, with the DTO field each comes from. */
type EditableColumn = keyof Project;

export interface HistoryView {
  id: number;
  kind: string;
  event: string | null;
  fromStage: string | null;
  toStage: string | null;
  effectiveDate: string | null;
  reason: string | null;
  data: unknown;
  actor: string;
  recordedAt: string;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
  ) {}

  async list(query: ListProjectsQuery, scope: Scope = ALL): Promise<Page<ProjectView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const qb = this.dataSource.getRepository(Project).createQueryBuilder('p');
    if (query.stage === 'implementation') qb.andWhere('p.stage IN (:...stages)', { stages: ['implementation.active', 'implementation.halted'] });
    else if (query.stage) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (scope.region !== undefined) qb.andWhere('p.region_code = :scopeRegion', { scopeRegion: scope.region });
    if (scope.chain !== undefined) qb.andWhere('p.chain_code = :scopeChain', { scopeChain: scope.chain });
    if (scope.department !== undefined) qb.andWhere(departmentProjectsSql('p'), { scopeDepartment: scope.department });
    if (query.region) qb.andWhere('p.region_code = :region', { region: query.region });
    if (query.chain) qb.andWhere('p.chain_code = :chain', { chain: query.chain });
    if (query.list && query.year === undefined)
      throw badRequest('按清单筛选时需要同时指定年份 year', [{ field: 'year', code: 'yearRequired', message: 'list 需要 year' }]);
    if (query.year !== undefined) {
      const sub = qb
        .subQuery()
        .select('1')
        .from(ListEntry, 'l')
        .where('l.project_id = p.id')
        .andWhere('l.year = :year')
        .andWhere('l.removed_at IS NULL');
      if (query.list) sub.andWhere('l.category = :list');
      qb.andWhere(`EXISTS ${sub.getQuery()}`, { year: query.year, list: query.list });
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere("(p.code LIKE :like ESCAPE '\\' OR p.name LIKE :like ESCAPE '\\' OR p.owner_enterprise LIKE :like ESCAPE '\\')", { like });
    }
    const [rows, total] = await qb
      .orderBy('p.code', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((row) => toView(row)), total, page, pageSize };
  }

  /** The project now, or as it was recorded at `asOf` (rebuilt from its history). */
  async findOne(id: number, scope: Scope = ALL, asOf?: string): Promise<ProjectView> {
    const project = await this.findInScope(this.dataSource.manager, id, scope);
    const lists = await this.dataSource.getRepository(ListEntry).find({
      where: { projectId: id },
      order: { year: 'ASC' },
    });
    const memberships: ListMembershipView[] = lists
      .filter((entry) => (asOf ? entry.addedAt <= asOf && (entry.removedAt === null || entry.removedAt > asOf) : entry.removedAt === null))
      .map((entry) => ({ year: entry.year, category: entry.category, plannedInvestment: entry.plannedInvestmentWan }));
    const lead = await leadOfProject(this.dataSource.manager, id, asOf);
    if (!asOf) {
      const view = toView(project, memberships);
      return { ...view, approvalDetails: await approvalDetailsOf(this.dataSource.manager, id, view.approvals), lead };
    }
    const rows = (await this.dataSource.getRepository(ProjectHistory).find({ where: { projectId: id }, order: { id: 'ASC' } })).filter(
      (row) => row.recordedAt <= asOf,
    );
    const replayed = replayProject(rows, memberships);
    if (!replayed) throw notFound(`项目 ${id} 在 ${asOf} 时尚未建立`);
    return { ...replayed, approvalDetails: await approvalDetailsOf(this.dataSource.manager, id, replayed.approvals, asOf), lead };
  }

  create(dto: CreateProjectDto, actor: string, scope: Scope = ALL): Promise<ProjectView> {
    return this.writes.run((manager) => this.createIn(manager, dto, actor, scope));
  }

  /**
   * `create` inside the caller's write transaction (the Excel import runs a whole file in one;
   * a lead's 落地 creates its project with its transition). `at`: record at this instant instead
   * of now, for the demo seed replaying a year only.
   */
  async createIn(manager: EntityManager, dto: CreateProjectDto, actor: string, scope: Scope = ALL, at?: string): Promise<ProjectView> {
    if (scope.region !== undefined) {
      // A county operator creates projects in their own county; scope comes from the user, not the body.
      if (dto.region !== undefined && dto.region !== null && dto.region !== scope.region) throw outOfScopeRegion();
      dto.region = scope.region;
    }
    const now = at ?? this.clock.nowIso();
    const draft = manager.create(Project, {
      code: dto.code.trim(),
      name: dto.name.trim(),
      ownerEnterprise: null,
      regionCode: null,
      chainCode: null,
      totalInvestmentWan: null,
      content: null,
      progress: null,
      plannedStartDate: null,
      origin: null,
      plannedAt: null,
      actualStartDate: null,
      plannedCompletionDate: null,
      actualCompletionDate: null,
      approvalFiling: null,
      approvalLand: null,
      approvalPlanning: null,
      approvalEnvironment: null,
      approvalEnergy: null,
      approvalConstruction: null,
      stage: 'reserve',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    Object.assign(draft, this.columnsFrom(dto));
    draft.plannedAt ??= this.clock.today();
    draft.lifecycleSnapshot = JSON.stringify(initialPersisted({ project: factsOf(draft, 0, null), today: this.clock.today() }));
    const failures = [
      ...(await this.referenceFailures(manager, draft)),
      ...this.fieldFailures(draft),
    ];
    if (await manager.existsBy(Project, { code: draft.code }))
      failures.push({ field: 'code', code: 'duplicateCode', message: `项目编码 ${draft.code} 已存在` });
    if (failures.length) throw unprocessable('项目数据未通过校验', failures);

    const saved = await manager.save(Project, draft);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.project(saved.id),
      action: 'create',
      after: toView(saved),
      at: now,
      history: { projectId: saved.id, kind: 'created', toStage: saved.stage, data: toView(saved) },
    });
    return toView(saved, []);
  }

  /**
   * An edit with an optimistic version check done by the database: the UPDATE carries
   * `WHERE version = :read`, so of two edits made from the same read only one lands.
   */
  async update(id: number, dto: UpdateProjectDto, ifMatch: number | undefined, actor: string, scope: Scope = ALL): Promise<ProjectView> {
    await this.writes.run((manager) => this.updateIn(manager, id, dto, ifMatch, actor, scope));
    return this.findOne(id, scope);
  }

  /** `update` inside the caller's write transaction (the Excel import runs a whole file in one). */
  async updateIn(
    manager: EntityManager,
    id: number,
    dto: UpdateProjectDto,
    ifMatch: number | undefined,
    actor: string,
    scope: Scope = ALL,
    /** Record at this instant instead of now: for the demo seed replaying a year only. */
    at?: string,
  ): Promise<void> {
    const { version: bodyVersion, ...fields } = dto;
    if (bodyVersion !== undefined && ifMatch !== undefined && bodyVersion !== ifMatch)
      throw badRequest('If-Match 与 version 不一致', [{ field: 'version', code: 'versionMismatch', message: 'If-Match 与请求体中的 version 不一致' }]);
    const readVersion = bodyVersion ?? ifMatch;
    if (readVersion === undefined)
      throw badRequest('修改项目需要提供读取时的版本号（version 或 If-Match）', [
        { field: 'version', code: 'versionRequired', message: '缺少版本号 version（或 If-Match 头）' },
      ]);

    const project = await this.findInScope(manager, id, scope);
    checkReadVersion(readVersion, project.version);
    if (scope.region !== undefined && fields.region !== undefined && fields.region !== scope.region) throw outOfScopeRegion();

    const columns = this.columnsFrom(fields);
    const changes: Partial<Record<EditableColumn, { from: unknown; to: unknown }>> = {};
    for (const [column, value] of Object.entries(columns) as [EditableColumn, unknown][]) {
      if (project[column] !== value) changes[column] = { from: project[column], to: value };
    }
    if (Object.keys(changes).length === 0) return;

    const edited = Object.assign(manager.create(Project, { ...project }), columns);
    const facts = await loadFacts(manager, edited);
    const failures = [
      ...(await this.referenceFailures(manager, edited)),
      ...this.fieldFailures(edited),
      ...stageInvariantFailures(edited.stage, { project: facts, today: this.clock.today() }),
    ];
    if (failures.length) throw unprocessable('项目数据未通过校验', failures);

    const now = at ?? this.clock.nowIso();
    await updateVersioned(manager, Project, { id, version: readVersion }, { ...columns, updatedAt: now });
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.project(id),
      action: 'update',
      before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v!.from])),
      after: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v!.to])),
      at: now,
      history: { projectId: id, kind: 'updated', fromStage: project.stage, toStage: project.stage, data: changes },
    });
    const dates = Object.fromEntries(
      APPROVAL_KEYS.filter((key) => APPROVAL_COLUMNS[key] in changes).map((key) => [key, (columns[APPROVAL_COLUMNS[key]] as string | null) ?? null]),
    );
    await recordApprovalDates(manager, id, dates, actor, now);
  }

  /** The project, or 404 when it does not exist or lies outside the caller's scope (no difference shown). */
  async findInScope(manager: EntityManager, id: number, scope: Scope): Promise<Project> {
    const project = await manager.findOneBy(Project, { id });
    if (!project || !(await projectVisible(manager, project, scope))) throw notFound(`项目 ${id} 不存在`);
    return project;
  }

  async comments(id: number, scope: Scope): Promise<{ id: number; author: string; text: string; createdAt: string }[]> {
    await this.findInScope(this.dataSource.manager, id, scope);
    const rows = await this.dataSource.getRepository(ProjectComment).find({ where: { projectId: id }, order: { id: 'ASC' } });
    return rows.map(({ id: commentId, author, text, createdAt }) => ({ id: commentId, author, text, createdAt }));
  }

  addComment(id: number, text: string, actor: string, scope: Scope) {
    return this.writes.run(async (manager) => {
      await this.findInScope(manager, id, scope);
      const comment = manager.create(ProjectComment, { projectId: id, author: actor, text: text.trim(), createdAt: this.clock.nowIso() });
      if (!comment.text) throw unprocessable('评论不能为空', [{ field: 'text', code: 'textRequired', message: '评论不能为空' }]);
      await manager.insert(ProjectComment, comment);
      await this.changes.record(manager, { actor, subject: auditSubject.comment(id), action: 'create', after: { id: comment.id, text: comment.text }, at: comment.createdAt });
      return { id: comment.id, author: comment.author, text: comment.text, createdAt: comment.createdAt };
    });
  }

  async history(id: number, scope: Scope = ALL, asOf?: string): Promise<HistoryView[]> {
    await this.findInScope(this.dataSource.manager, id, scope);
    const rows = (await this.dataSource.getRepository(ProjectHistory).find({ where: { projectId: id }, order: { id: 'ASC' } })).filter(
      (row) => !asOf || row.recordedAt <= asOf,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      event: row.event,
      fromStage: row.fromStage,
      toStage: row.toStage,
      effectiveDate: row.effectiveDate,
      reason: row.reason,
      data: JSON.parse(row.data) as unknown,
      actor: row.actor,
      recordedAt: row.recordedAt,
    }));
  }

  /** DTO fields → entity columns, for the fields present in the request. */
  private columnsFrom(dto: ProjectFieldsDto & { name?: string }): Partial<Project> {
    const columns: Partial<Project> = {};
    const text = (value: string | null | undefined) => (value === null || value === undefined ? null : value.trim() || null);
    if (dto.name !== undefined) columns.name = dto.name.trim();
    if (dto.ownerEnterprise !== undefined) columns.ownerEnterprise = text(dto.ownerEnterprise);
    if (dto.region !== undefined) columns.regionCode = dto.region;
    if (dto.chain !== undefined) columns.chainCode = dto.chain;
    if (dto.totalInvestment !== undefined) columns.totalInvestmentWan = dto.totalInvestment;
    if (dto.content !== undefined) columns.content = text(dto.content);
    if (dto.progress !== undefined) columns.progress = text(dto.progress);
    if (dto.plannedStartDate !== undefined) columns.plannedStartDate = dto.plannedStartDate;
    if (dto.plannedCompletionDate !== undefined) columns.plannedCompletionDate = dto.plannedCompletionDate;
    if (dto.origin !== undefined) columns.origin = dto.origin;
    if (dto.plannedAt !== undefined) columns.plannedAt = dto.plannedAt;
    if (dto.approvals) {
      for (const key of APPROVAL_KEYS) {
        const value = dto.approvals[key];
        if (value !== undefined) (columns as Record<string, unknown>)[APPROVAL_COLUMNS[key]] = value;
      }
    }
    return columns;
  }

  private async referenceFailures(manager: EntityManager, project: Project): Promise<ErrorDetail[]> {
    const failures: ErrorDetail[] = [];
    if (project.regionCode !== null && !(await manager.existsBy(Region, { code: project.regionCode })))
      failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）代码：${project.regionCode}` });
    if (project.chainCode !== null && !(await manager.existsBy(Chain, { code: project.chainCode })))
      failures.push({ field: 'chain', code: 'unknownChain', message: `未知的产业链代码：${project.chainCode}` });
    return failures;
  }

  private fieldFailures(project: Project): ErrorDetail[] {
    const failures: ErrorDetail[] = [];
    const today = this.clock.today();
    if (project.plannedStartDate && project.plannedCompletionDate && project.plannedCompletionDate < project.plannedStartDate)
      failures.push({ field: 'plannedCompletionDate', code: 'completionBeforeStart', message: '计划竣工时间不能早于计划开工时间' });
    for (const key of APPROVAL_KEYS) {
      const date = project[APPROVAL_COLUMNS[key]] as string | null;
      if (date && date > today)
        failures.push({ field: `approvals.${key}`, code: 'dateInFuture', message: `${APPROVAL_LABELS[key]}办结日期不能晚于今天` });
    }
    return failures;
  }
}

function outOfScopeRegion(): ApiError {
  return new ApiError(403, '只能管理本县（市、区）的项目', [{ field: 'region', code: 'outOfScope', message: '所属县（市、区）只能是本人负责的县（市、区）' }]);
}
