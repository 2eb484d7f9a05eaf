import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder, type HistoryRow } from '../audit/index.js';
import { ApiError, Clock, type ErrorDetail, validationExceptionFactory } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { LifecycleEngine } from '../projects/index.js';
import { APPROVAL_KEYS, type ApprovalKey, EVENT_LABELS, type LifecycleEvent, type Stage, STAGE_LABELS } from '../lifecycle/index.js';
import { ListEntry, ListsService, monthlyPlanOf } from '../plans/index.js';
import { APPROVAL_COLUMNS, CreateProjectDto, Project, ProjectRecordsService, UpdateProjectDto } from '../project-records/index.js';
import { Chain, Region } from '../reference/index.js';
import { runTrial } from './import-trial.js';
import type { ImportResult, RowError, RowOutcome, StageDecisionView } from './import-result.js';
import { phaseOf, type ImportProgress } from './import-progress.js';
import { fieldValueCheck, prepareImport, type UploadedWorkbook } from './import-preparation.js';
import { ImportMappingService } from './mapping/import-mapping.service.js';
import type { ColumnMapping } from './mapping/column-mapping.js';
import { LEDGER_FIELDS, type LedgerKey } from './parsing/columns.js';
import { checkLedgerUnits, LEDGER_TABLE, readLedgerRows, type LedgerFields, type LedgerRow } from './parsing/ledger-rows.js';
import { ChainLookup, RegionLookup } from './parsing/reference-lookup.js';
import { CLAIM_RANK, decideStage, isConflict, keptDetail, type StageDecision } from './parsing/stage-evidence.js';
import { categoryNamed, CLAIM_WORDS, STAGE_WORDS } from './parsing/stage-text.js';
import type { Table } from './parsing/table.js';
import { ALL } from '../access/index.js';

export interface LedgerImportOptions {
  commit: boolean;
  /** The list year 项目类别 refers to; default: the year in the first sheet's name or title, else 2024. */
  year?: number;
  actor: string;
  /** The region the file comes from: its kept column mapping applies, and a given one is kept for it. Default: the city office. */
  region?: string;
  /** A column mapping given with the request (`mapping`), over the kept one and the rules. */
  mapping?: ColumnMapping;
  /** For a job: how far parsing and the rows are. */
  progress?: ImportProgress;
}

/** The year a ledger without `?year=` and without a year in its title is read for. */
export const DEFAULT_LEDGER_YEAR = 2024;

/** Entity column and ledger column of each project field a row may change. */
const FIELD_COLUMNS: Record<keyof LedgerFields, [keyof Project, LedgerKey]> = {
  ownerEnterprise: ['ownerEnterprise', 'owner'],
  region: ['regionCode', 'region'],
  chain: ['chainCode', 'chain'],
  totalInvestment: ['totalInvestmentWan', 'total'],
  content: ['content', 'content'],
  plannedStartDate: ['plannedStartDate', 'plannedStart'],
  plannedCompletionDate: ['plannedCompletionDate', 'plannedCompletion'],
  progress: ['progress', 'progress'],
};

/** Where an API refusal's `field` lands in the sheet. */
const FIELD_TO_COLUMN: Record<string, LedgerKey> = {
  code: 'code',
  name: 'name',
  ownerEnterprise: 'owner',
  region: 'region',
  chain: 'chain',
  totalInvestment: 'total',
  content: 'content',
  plannedStartDate: 'plannedStart',
  plannedCompletionDate: 'plannedCompletion',
  progress: 'progress',
  plannedInvestment: 'planned',
  monthlyPlan: 'planned',
  category: 'category',
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [`approvals.${key}`, `approval.${key}` as LedgerKey])),
};

const STAGE_RANK: Record<Stage, number> = {
  reserve: 0,
  preparation: 1,
  'implementation.active': 2,
  'implementation.halted': 2,
  completed: 3,
  withdrawn: -1,
};

/** Generated codes in a workbook of several sheets: the sheet's list in the code (LC2024-S001, 实施类). */
const SHEET_CODE_LETTERS = { implementation: 'S', preparation: 'Z', reserve: 'C' } as const;

interface Context {
  /** Several sheets read (generated codes then say which). */
  severalSheets: boolean;
  year: number;
  actor: string;
  /** Today in the configured zone (the guards' today). */
  today: string;
  file: { name: string; sha256: string };
  /** Project ids the committed import changed (for the import's audit entry). */
  changed: number[];
  /** Each changed project's history row naming the file and the row (written with the import's record). */
  histories: HistoryRow[];
  decisions: StageDecisionView[];
}

/** The reason a ledger import's changes carry: the file they came from (a reason holds 1,000 characters). */
const importReason = (file: string): string => `台账导入：${file}`.slice(0, 1000);

/** Thrown inside a row for a refusal the import itself makes (not a service's). */
class RowRefused extends ApiError {
  constructor(key: LedgerKey | null, message: string) {
    super(422, message, [{ field: key ?? '', code: 'rowRefused', message }]);
  }
}

/**
 * The ledger import (台账导入): a project list as offices keep it, into projects, their
 * year-list places and their stages. Every change goes through the services the API uses
 * (ProjectRecordsService.createIn/updateIn, ListsService.putIn, LifecycleEngine.applyIn), inside
 * one write transaction for the whole file: a dry run or any error applies nothing.
 */
@Injectable()
export class LedgerImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly projects: ProjectRecordsService,
    private readonly lists: ListsService,
    private readonly lifecycle: LifecycleEngine,
    private readonly recorder: ChangeRecorder,
    private readonly mappings: ImportMappingService,
  ) {}

  async import(upload: UploadedWorkbook, options: LedgerImportOptions): Promise<ImportResult> {
    const region = options.region ?? null;
    const given = options.mapping ?? new Map<string, string | null>();
    const [regionRows, chainRows, saved] = await Promise.all([
      this.dataSource.getRepository(Region).find(),
      this.dataSource.getRepository(Chain).find(),
      this.mappings.kept('ledger', region),
    ]);
    const lookups = { regions: new RegionLookup(regionRows), chains: new ChainLookup(chainRows) };
    const prepared = await prepareImport(upload, LEDGER_TABLE, LEDGER_FIELDS, { region, given, saved, fits: fieldValueCheck(lookups), progress: options.progress });
    const { tables, sha256 } = prepared;
    tables.forEach(checkLedgerUnits);
    const year = options.year ?? tables[0]?.year ?? DEFAULT_LEDGER_YEAR;
    const rows = tables.flatMap((table) => readLedgerRows(table, lookups, options.year));
    markDuplicates(rows);

    const context: Context = {
      severalSheets: tables.length > 1,
      year,
      actor: options.actor,
      today: this.clock.today(),
      file: { name: upload.name, sha256 },
      changed: [],
      histories: [],
      decisions: [],
    };
    const commit = options.commit && prepared.errors.length === 0;
    const outcome = await runTrial(this.writes, rows, commit, {
      apply: (manager, row) => this.applyRow(manager, row, context),
      errorsOf: (error, row) => rowErrors(error, row),
      progress: (done, total) => options.progress?.(phaseOf(options.commit), done, total),
      beforeCommit: async (manager, counts) => {
        prepared.mapping.saved = await this.mappings.keepIn(manager, 'ledger', region, given, options.actor);
        // A file that changed nothing leaves the database exactly as it was, log included.
        if (counts.created + counts.updated === 0) return;
        await this.recorder.record(manager, {
          actor: options.actor,
          subject: auditSubject.import('ledger', sha256.slice(0, 16)),
          action: 'import',
          after: { file: upload.name, sha256, sheets: tables.map((t) => t.sheet), year, rows: rows.length, ...counts, projectIds: context.changed },
          reason: importReason(upload.name),
          history: context.histories,
        });
      },
    });
    return {
      rows: rows.length,
      ...outcome.counts,
      errors: [...prepared.errors, ...outcome.errors],
      committed: outcome.committed,
      sheet: tables[0]?.sheet ?? prepared.errors[0].sheet,
      sheets: tables.map((table) => table.sheet),
      file: context.file,
      ignoredColumns: [...new Set(tables.flatMap((table) => table.columns.filter((column) => column.key === null).map((column) => column.label)))],
      skipped: prepared.skipped,
      mapping: prepared.mapping,
      decisions: context.decisions,
      year,
    };
  }

  private async applyRow(manager: EntityManager, row: LedgerRow, context: Context): Promise<RowOutcome> {
    const { table } = row;
    const existing = await this.find(manager, row);
    const stageBefore: Stage = existing?.stage ?? 'reserve';
    const decision = decideStage(
      { actualStartDate: row.actualStartDate, actualCompletionDate: row.actualCompletionDate, stageText: row.stageText, category: row.categoryEvidence },
      existing?.actualStartDate ?? null,
      context.today,
    );
    if (isConflict(decision)) throw new RowRefused(table.byKey.has(decision.key) ? decision.key : stageKeyOf(table), decision.message);
    const { events, kept } = stageEvents(row, existing, decision);

    // Approvals: a ledger without approval columns says nothing about them, but a project it
    // marks as started must have all six (START's guard): they are taken as obtained on the
    // start date (README "Excel in and out": the assumption is recorded in the project's history).
    const approvals = { ...row.approvals };
    const starts = events.some((event) => event.type === 'START');
    const hasApprovalColumns = APPROVAL_KEYS.some((key) => table.byKey.has(`approval.${key}`));
    let approvalsAssumed = false;
    if (starts && !hasApprovalColumns && row.actualStartDate) {
      for (const key of APPROVAL_KEYS) {
        if (!existing || existing[APPROVAL_COLUMNS[key]] === null) {
          approvals[key] = row.actualStartDate;
          approvalsAssumed = true;
        }
      }
    }

    let projectId: number;
    let changed = false;
    if (!existing) {
      const code = row.code ?? generatedCode(row, context);
      const dto = await validated(CreateProjectDto, { code, name: row.name, ...row.fields, ...(Object.keys(approvals).length ? { approvals } : {}) });
      projectId = (await this.projects.createIn(manager, dto, context.actor, ALL)).id;
    } else {
      projectId = existing.id;
      const edits = fieldEdits(existing, row, approvals);
      if (Object.keys(edits).length) {
        const dto = await validated(UpdateProjectDto, edits);
        await this.projects.updateIn(manager, existing.id, dto, existing.version, context.actor, ALL);
        changed = true;
      }
    }

    if (await this.putOnList(manager, projectId, row, context)) changed = true;

    for (const event of events) {
      try {
        await this.lifecycle.applyIn(manager, projectId, event, { actor: context.actor });
      } catch (error) {
        if (error instanceof ApiError) throw eventRefused(error, event);
        throw error;
      }
      changed = true;
    }

    const project = !existing || changed ? await manager.findOneByOrFail(Project, { id: projectId }) : existing;
    context.decisions.push(decisionView(row, project.stage, decision, kept));
    if (!existing || changed) {
      context.histories.push({
        projectId,
        kind: 'updated',
        fromStage: existing ? stageBefore : null,
        toStage: project.stage,
        data: {
          import: {
            kind: 'ledger',
            file: context.file.name,
            sha256: context.file.sha256,
            sheet: row.sheet,
            row: row.row,
            year: context.year,
            action: existing ? 'updated' : 'created',
            ...(approvalsAssumed ? { approvalsAssumedFromStartDate: row.actualStartDate } : {}),
          },
        },
      });
      context.changed.push(projectId);
    }
    return !existing ? 'created' : changed ? 'updated' : 'unchanged';
  }

  /** By code; without a code column, by exact name (one project of that name, else the row is refused). */
  private async find(manager: EntityManager, row: LedgerRow): Promise<Project | null> {
    if (row.table.byKey.has('code')) return manager.findOneBy(Project, { code: row.code! });
    const named = await manager.find(Project, { where: { name: row.name }, take: 2 });
    if (named.length > 1) throw new RowRefused('name', `有多个名为“${row.name}”的项目：请在台账中加上“项目编码”列`);
    return named[0] ?? null;
  }

  /**
   * 项目类别 + 年度计划投资 → the year list. A blank category leaves the project's list places
   * alone (removing a project from a list is a logged change with a reason: the list API).
   * A monthly plan curve (倒排工期) is kept; a planned amount it no longer sums to is refused.
   */
  private async putOnList(manager: EntityManager, projectId: number, row: LedgerRow, context: Context): Promise<boolean> {
    const current = await manager.findOneBy(ListEntry, { year: context.year, projectId, removedAt: IsNull() });
    const category = row.category ?? current?.category;
    const planned = row.plannedInvestment ?? current?.plannedInvestmentWan;
    if (!row.category && (row.plannedInvestment === undefined || row.plannedInvestment === null)) return false;
    if (!category) throw new RowRefused('category', `填写了年度计划投资，但没有项目类别（实施类/准备类），无法列入 ${context.year} 年清单`);
    if (planned === undefined) throw new RowRefused('planned', `列入 ${context.year} 年${category === 'implementation' ? '实施类' : '准备类'}清单需要年度计划投资`);
    if (current && current.category === category && current.plannedInvestmentWan === planned) return false;
    const plan = current ? monthlyPlanOf(current) : null;
    if (plan && plan.reduce((sum, amount) => sum + amount, 0) !== planned)
      throw new RowRefused('planned', '该项目在清单中有倒排工期（12 个月计划）：调整年度计划投资请在年度清单中同时修改倒排工期');
    await this.lists.putIn(
      manager,
      context.year,
      projectId,
      { category, plannedInvestment: planned, ...(plan ? { monthlyPlan: plan } : {}), reason: importReason(context.file.name) },
      { actor: context.actor },
    );
    return true;
  }
}

/** A file that names the same project twice (in one sheet or in two): the later rows are refused. */
function markDuplicates(rows: LedgerRow[]): void {
  const seen = new Map<string, LedgerRow>();
  for (const row of rows) {
    const byCode = row.table.byKey.has('code');
    const key = byCode ? row.code : row.name;
    if (!key) continue;
    const first = seen.get(`${byCode ? 'code' : 'name'}:${key}`);
    if (first !== undefined) {
      const where = first.sheet === row.sheet ? `第 ${first.row} 行` : `工作表“${first.sheet}”第 ${first.row} 行`;
      row.errors.push({ row: row.row, sheet: row.sheet, column: row.table.byKey.get(byCode ? 'code' : 'name')!.label, message: `与${where}是同一项目（${key}）` });
    } else seen.set(`${byCode ? 'code' : 'name'}:${key}`, row);
  }
}

/**
 * Without a 项目编码 column, a new project's code is LC{year}-{序号 to three digits}; in a
 * workbook of several sheets the sheet's list comes first (LC2024-S001 实施类, Z 准备类,
 * C 储备, else the sheet's position: LC2024-2-001), since each sheet numbers from 1.
 */
function generatedCode(row: LedgerRow, context: Context): string {
  const seq = row.seq?.trim();
  if (!seq || !/^\d{1,6}$/.test(seq)) throw new RowRefused('seq', '台账没有“项目编码”列：新项目的编码由年份和序号生成（LC年份-序号），此行缺少整数序号');
  const category = categoryNamed(row.sheet);
  const prefix = !context.severalSheets ? '' : category ? SHEET_CODE_LETTERS[category] : `${row.table.sheetIndex}-`;
  return `LC${context.year}-${prefix}${seq.padStart(3, '0')}`;
}

/** The project fields (and approvals) whose ledger value differs from the stored one. */
function fieldEdits(project: Project, row: LedgerRow, approvals: LedgerRow['approvals']): Record<string, unknown> {
  const edits: Record<string, unknown> = {};
  if (row.name !== project.name) edits.name = row.name;
  for (const [field, [column]] of Object.entries(FIELD_COLUMNS) as [keyof LedgerFields, [keyof Project, LedgerKey]][]) {
    const value = row.fields[field];
    if (value !== undefined && !same(project[column], value)) edits[field] = value;
  }
  const approvalEdits: Partial<Record<ApprovalKey, string | null>> = {};
  for (const key of APPROVAL_KEYS) {
    const value = approvals[key];
    if (value !== undefined && project[APPROVAL_COLUMNS[key]] !== value) approvalEdits[key] = value;
  }
  if (Object.keys(approvalEdits).length) edits.approvals = approvalEdits;
  return edits;
}

/** Equal as a person reads them: texts compare with line endings normalised (a cell stores \n). */
function same(stored: unknown, value: unknown): boolean {
  if (typeof stored === 'string' && typeof value === 'string') return stored.replace(/\r\n?/g, '\n') === value;
  return stored === value;
}

/**
 * The lifecycle events that take the project from its stage to the one the row's evidence
 * gives (parsing/stage-evidence.ts), each to be applied through the engine so its guards hold.
 * An existing project is never moved back by derived evidence (dates, list, sheet): it keeps
 * its stage (`kept`); a cell that names a lower stage is refused. Moves that need a reason or
 * a date the ledger does not carry (停工, 复工, 退出, 退回储备) are refused with a message
 * pointing to the API.
 */
function stageEvents(row: LedgerRow, existing: Project | null, decision: StageDecision): { events: LifecycleEvent[]; kept: boolean } {
  const current: Stage = existing?.stage ?? 'reserve';
  const claim = decision.claim;
  const stageKey = stageKeyOf(row.table, decision);
  const shown = (stage: Stage) => `${STAGE_WORDS[stage]}（${STAGE_LABELS[stage]}）`;

  if (current === 'withdrawn') {
    if (claim === 'withdrawn' || !decision.stated) return { events: [], kept: claim !== 'withdrawn' };
    throw new RowRefused(stageKey, `项目已调出项目库（退出），台账写的是“${CLAIM_WORDS[claim]}”：已退出的项目不能通过导入恢复`);
  }
  if (claim === 'withdrawn')
    throw new RowRefused(stageKey, '调出项目库需要原因：请在系统中办理“调出项目库”（项目事件 WITHDRAW）');
  if (claim === 'halted' && current !== 'implementation.halted')
    throw new RowRefused(stageKey, `项目在系统中为“${shown(current)}”，停工需要原因和日期：请在系统中办理“停工”（HALT）`);
  if (claim === 'active' && current === 'implementation.halted')
    throw new RowRefused(stageKey, '项目在系统中为停工，复工需要日期：请在系统中办理“复工”（RESUME）');

  const from = STAGE_RANK[current];
  const to = CLAIM_RANK[claim];
  if (to < from) {
    if (!decision.stated) return { events: checkDates(row, existing, []), kept: true };
    throw new RowRefused(stageKey, `台账写的阶段“${CLAIM_WORDS[claim]}”早于系统中的“${shown(current)}”：阶段不能通过导入回退（退回储备需在系统中填写原因）`);
  }
  const events: LifecycleEvent[] = [];
  if (from < 1 && to >= 1) events.push({ type: 'PROMOTE' });
  // decideStage has made sure a start (and a completion) date is there when the claim needs one.
  if (from < 2 && to >= 2) events.push({ type: 'START', date: row.actualStartDate! });
  if (from < 3 && to >= 3) events.push({ type: 'COMPLETE', date: row.actualCompletionDate! });
  return { events: checkDates(row, existing, events), kept: false };
}

/** The column a refusal about the stage points to: the cell that stated it, else 当前阶段 or 当前进展, else the name. */
function stageKeyOf(table: Table<LedgerKey>, decision?: StageDecision): LedgerKey {
  if (decision?.evidence === 'startDate' && table.byKey.has('actualStart')) return 'actualStart';
  if (decision?.evidence === 'completionDate' && table.byKey.has('actualCompletion')) return 'actualCompletion';
  return (['stage', 'progress', 'category'] as const).find((key) => table.byKey.has(key)) ?? 'name';
}

/** The result's entry for an applied row: its stage now, and the evidence that decided it. */
function decisionView(row: LedgerRow, stage: Stage, decision: StageDecision, kept: boolean): StageDecisionView {
  const unused = row.unusedStageText ? `；当前阶段“${row.unusedStageText}”不是阶段名称，未采用（形象进度取自进展列）` : '';
  if (kept) return { row: row.row, sheet: row.sheet, stage, evidence: 'recorded', detail: keptDetail(stage, decision) + unused, warning: null };
  return { row: row.row, sheet: row.sheet, stage, evidence: decision.evidence, detail: decision.detail + unused, warning: decision.warning };
}

/** A start or completion date already recorded is a fact of the history: the ledger cannot move it. */
function checkDates(row: LedgerRow, existing: Project | null, events: LifecycleEvent[]): LifecycleEvent[] {
  if (!existing) return events;
  if (row.actualStartDate && existing.actualStartDate && row.actualStartDate !== existing.actualStartDate)
    throw new RowRefused('actualStart', `实际开工时间与系统记录（${existing.actualStartDate}）不一致：开工日期不能通过导入修改`);
  if (row.actualCompletionDate && existing.actualCompletionDate && row.actualCompletionDate !== existing.actualCompletionDate)
    throw new RowRefused('actualCompletion', `竣工时间与系统记录（${existing.actualCompletionDate}）不一致：竣工日期不能通过导入修改`);
  return events;
}

/** A DTO as the API would receive it, validated by the same rules (class-validator, same messages). */
async function validated<T extends object>(type: new () => T, plain: Record<string, unknown>): Promise<T> {
  const instance = plainToInstance(type, plain);
  const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (failures.length) throw validationExceptionFactory(failures);
  return instance;
}

/** A lifecycle refusal, with the event named (开工未通过：缺少前期手续：用地). */
function eventRefused(error: ApiError, event: LifecycleEvent): ApiError {
  const details: ErrorDetail[] = (error.details.length ? error.details : [{ code: 'refused', message: error.message }]).map((detail) => ({
    ...detail,
    field: detail.field === 'date' ? (event.type === 'COMPLETE' ? 'actualCompletionDate' : 'actualStartDate') : detail.field,
    message: `${EVENT_LABELS[event.type]}未通过：${detail.message}`,
  }));
  return new ApiError(error.getStatus(), error.message, details);
}

function rowErrors(error: ApiError, row: LedgerRow): RowError[] {
  const details = error.details.length ? error.details : [{ field: undefined, code: 'refused', message: error.message }];
  return details.map((detail) => {
    const found = columnKeyOf(detail.field);
    // A refusal about the stage points at the cell that stated it (当前阶段 or 当前进展).
    const key = found === 'stage' ? stageKeyOf(row.table) : found;
    return { row: row.row, sheet: row.sheet, column: key ? (row.table.byKey.get(key)?.label ?? null) : null, message: detail.message };
  });
}

function columnKeyOf(field: string | undefined): LedgerKey | null {
  if (!field) return null;
  if (field in FIELD_TO_COLUMN) return FIELD_TO_COLUMN[field];
  if (field === 'actualStartDate' || field === 'date') return 'actualStart';
  if (field === 'actualCompletionDate') return 'actualCompletion';
  // 竣工 needs a month report first: the refusal is about the completion.
  if (field === 'reports') return 'actualCompletion';
  if (field === 'type' || field === 'reason') return 'stage';
  if (Object.hasOwn(LEDGER_FIELDS, field)) return field as LedgerKey;
  return null;
}
