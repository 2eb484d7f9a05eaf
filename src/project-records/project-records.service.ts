import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ALL, projectVisible, refuseOtherScope, type Scope, visibleOr404 } from '../access/index.js';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { badRequest, Clock, type ErrorDetail, unprocessable } from '../common/index.js';
import { checkReadVersion, entityOfRow, preparedSqlIn, updateVersioned, WriteQueue } from '../database/index.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, initialPersisted, type RecordFacts, stageInvariantFailures } from '../lifecycle/index.js';
import { ReferenceService } from '../reference/index.js';
import { conditionalCommitments, recordApprovalDates } from './approval-details.js';
import type { CreateProjectDto } from './dto/create-project.dto.js';
import type { ProjectFieldsDto } from './dto/project-fields.dto.js';
import type { UpdateProjectDto } from './dto/update-project.dto.js';
import { ProjectComment } from './project-comment.entity.js';
import { APPROVAL_COLUMNS, approvalsOf, recordViewOf } from './project-view.js';
import { Project } from './project.entity.js';

/** Entity columns an edit may change, with the DTO field each comes from. */
type EditableColumn = keyof Project;

export interface CommentView {
  id: number;
  author: string;
  text: string;
  createdAt: string;
}

/**
 * A project's record (项目库): the one place a project is created, edited, looked up for a caller
 * (in scope or 404) and commented on. Its stage changes go through the lifecycle engine
 * (src/projects/lifecycle.service.ts), its approvals' statuses through ApprovalsService.
 */
@Injectable()
export class ProjectRecordsService {
  /** `findVisibleWith`'s statement texts, by the other SELECT's text. */
  private readonly withTexts = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly reference: ReferenceService,
  ) {}

  /** The project, or 404 when it does not exist or lies outside the caller's scope (no difference shown). */
  async findVisible(manager: EntityManager, id: number, scope: Scope): Promise<Project> {
    const project = await manager.findOneBy(Project, { id });
    return visibleOr404(project, project !== null && (await projectVisible(manager, project, scope)), '项目');
  }

  /**
   * `findVisible` with another one-row SELECT read in the same statement (`alongside`: its text
   * with `:named` parameters): the project (or 404, as findVisible) and that row's columns as
   * read. For a write that needs the project and a few facts beside it in one round trip.
   */
  async findVisibleWith(manager: EntityManager, id: number, scope: Scope, alongside: { sql: string; params: Record<string, unknown> }): Promise<{ project: Project; alongside: Record<string, unknown> }> {
    // The statement's text depends only on the other SELECT's text: built once, then sent as a
    // prepared statement (a filing's one read: database/sql.ts `preparedSqlIn`).
    let text = this.withTexts.get(alongside.sql);
    if (text === undefined) {
      text = manager.createQueryBuilder(Project, 'p').leftJoin(`(${alongside.sql})`, 'alongside', '1 = 1').addSelect('alongside.*').where('p.id = :visibleProjectId').getQuery();
      if (this.withTexts.size < 100) this.withTexts.set(alongside.sql, text);
    }
    const [raw] = await preparedSqlIn(manager, text, { ...alongside.params, visibleProjectId: id });
    const project = raw ? entityOfRow(manager, Project, raw, 'p') : null;
    return { project: visibleOr404(project, project !== null && (await projectVisible(manager, project, scope)), '项目'), alongside: raw ?? {} };
  }

  /** The project row, whoever asks (for modules that check scope their own way); null when there is none. */
  find(manager: EntityManager, id: number): Promise<Project | null> {
    return manager.findOneBy(Project, { id });
  }

  /**
   * The next free code of a sequence (`LC2024-371522-` → `LC2024-371522-007` when -001…-006 are
   * taken): one more than the highest number in use under the prefix, read from the database in
   * the caller's transaction, so numbers never collide whoever numbered from 1 before.
   */
  async nextCodeIn(manager: EntityManager, prefix: string): Promise<string> {
    const rows = await manager
      .createQueryBuilder(Project, 'p')
      .select('p.code', 'code')
      // A prefix is letters, digits and '-' (no LIKE wildcard); SQLite's LIKE ignores case, hence startsWith.
      .where('p.code LIKE :pattern', { pattern: `${prefix}%` })
      .getRawMany<{ code: string }>();
    const used = rows.filter(({ code }) => code.startsWith(prefix)).map(({ code }) => code.slice(prefix.length)).filter((rest) => /^\d{1,9}$/.test(rest)).map(Number);
    return `${prefix}${String(Math.max(0, ...used) + 1).padStart(3, '0')}`;
  }

  /**
   * Which of these enterprise names the project library knows: the 建设单位 (owner enterprise) of
   * at least one project, compared after trimming (docs/domain/responsibility.md "Enterprises").
   */
  async knownEnterprises(manager: EntityManager, names: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(names.map((name) => name.trim()).filter(Boolean))];
    if (wanted.length === 0) return new Set();
    const rows = await manager.getRepository(Project).createQueryBuilder('p').select('DISTINCT p.owner_enterprise', 'name').where('p.owner_enterprise IN (:...wanted)', { wanted }).getRawMany<{ name: string }>();
    return new Set(rows.map((row) => row.name));
  }

  /** The project rows with these ids, whoever asks (missing ids are simply absent). */
  async findMany(manager: EntityManager, ids: readonly number[]): Promise<Project[]> {
    const wanted = [...new Set(ids)];
    return wanted.length ? manager.findBy(Project, { id: In(wanted) }) : [];
  }

  /** The facts the project's own record holds for the lifecycle's guards: its row and its approvals' statuses. */
  async recordFacts(manager: EntityManager, project: Project): Promise<RecordFacts> {
    return recordFactsOf(project, await conditionalCommitments(manager, project.id, approvalsOf(project)));
  }

  create(dto: CreateProjectDto, actor: string, scope: Scope = ALL): Promise<Project> {
    return this.writes.run((manager) => this.createIn(manager, dto, actor, scope));
  }

  /**
   * `create` inside the caller's write transaction (the Excel import runs a whole file in one;
   * a lead's 落地 creates its project with its transition). `at`: record at this instant instead
   * of now, for the demo seed replaying a year only.
   */
  async createIn(manager: EntityManager, dto: CreateProjectDto, actor: string, scope: Scope = ALL, at?: string): Promise<Project> {
    // A county operator creates projects in their own county; scope comes from the user, not the body.
    refuseOtherScope(scope, { region: dto.region ?? undefined }, OWN_COUNTY);
    if (scope.region !== undefined) dto.region = scope.region;
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
    Object.assign(draft, columnsFrom(dto));
    draft.plannedAt ??= this.clock.today();
    draft.lifecycleSnapshot = JSON.stringify(initialPersisted());
    const failures = [...(await this.referenceFailures(manager, draft)), ...this.fieldFailures(draft)];
    if (await manager.existsBy(Project, { code: draft.code }))
      failures.push({ field: 'code', code: 'duplicateCode', message: `项目编码 ${draft.code} 已存在` });
    if (failures.length) throw unprocessable('项目数据未通过校验', failures);

    const saved = await manager.save(Project, draft);
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.project(saved.id),
      action: 'create',
      after: recordViewOf(saved),
      at: now,
      history: { projectId: saved.id, kind: 'created', toStage: saved.stage, data: recordViewOf(saved) },
    });
    return saved;
  }

  /**
   * An edit with an optimistic version check done by the database: the UPDATE carries
   * `WHERE version = :read`, so of two edits made from the same read only one lands.
   */
  update(id: number, dto: UpdateProjectDto, ifMatch: number | undefined, actor: string, scope: Scope = ALL): Promise<void> {
    return this.writes.run((manager) => this.updateIn(manager, id, dto, ifMatch, actor, scope));
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

    const project = await this.findVisible(manager, id, scope);
    checkReadVersion(readVersion, project.version);
    refuseOtherScope(scope, { region: fields.region }, OWN_COUNTY);

    const columns = columnsFrom(fields);
    const changes: Partial<Record<EditableColumn, { from: unknown; to: unknown }>> = {};
    for (const [column, value] of Object.entries(columns) as [EditableColumn, unknown][]) {
      if (project[column] !== value) changes[column] = { from: project[column], to: value };
    }
    if (Object.keys(changes).length === 0) return;

    const edited = Object.assign(manager.create(Project, { ...project }), columns);
    const failures = [
      ...(await this.referenceFailures(manager, edited)),
      ...this.fieldFailures(edited),
      ...stageInvariantFailures(edited.stage, await this.recordFacts(manager, edited)),
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

  async comments(id: number, scope: Scope): Promise<CommentView[]> {
    await this.findVisible(this.dataSource.manager, id, scope);
    const rows = await this.dataSource.getRepository(ProjectComment).find({ where: { projectId: id }, order: { id: 'ASC' } });
    return rows.map(({ id: commentId, author, text, createdAt }) => ({ id: commentId, author, text, createdAt }));
  }

  addComment(id: number, text: string, actor: string, scope: Scope): Promise<CommentView> {
    return this.writes.run(async (manager) => {
      await this.findVisible(manager, id, scope);
      const comment = manager.create(ProjectComment, { projectId: id, author: actor, text: text.trim(), createdAt: this.clock.nowIso() });
      if (!comment.text) throw unprocessable('评论不能为空', [{ field: 'text', code: 'textRequired', message: '评论不能为空' }]);
      await manager.insert(ProjectComment, comment);
      await this.changes.record(manager, { actor, subject: auditSubject.comment(id), action: 'create', after: { id: comment.id, text: comment.text }, at: comment.createdAt });
      return { id: comment.id, author: comment.author, text: comment.text, createdAt: comment.createdAt };
    });
  }

  private async referenceFailures(manager: EntityManager, project: Project): Promise<ErrorDetail[]> {
    const failures: ErrorDetail[] = [];
    if (project.regionCode !== null && !(await this.reference.regionExists(manager, project.regionCode)))
      failures.push({ field: 'region', code: 'unknownRegion', message: `未知的县（市、区）代码：${project.regionCode}` });
    if (project.chainCode !== null && !(await this.reference.chainExists(manager, project.chainCode)))
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

/** A project row's facts for the lifecycle's guards, with the approvals accepted conditionally (容缺受理) and their commitment dates. */
export function recordFactsOf(project: Project, conditional: RecordFacts['conditional'] = {}): RecordFacts {
  return {
    regionCode: project.regionCode,
    chainCode: project.chainCode,
    ownerEnterprise: project.ownerEnterprise,
    totalInvestmentWan: project.totalInvestmentWan,
    plannedStartDate: project.plannedStartDate,
    actualStartDate: project.actualStartDate,
    approvals: approvalsOf(project),
    conditional,
  };
}

const OWN_COUNTY = { region: { message: '只能管理本县（市、区）的项目', detail: '所属县（市、区）只能是本人负责的县（市、区）' } };

/** DTO fields → entity columns, for the fields present in the request. */
function columnsFrom(dto: ProjectFieldsDto & { name?: string }): Partial<Project> {
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
