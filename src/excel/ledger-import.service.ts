import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { ApiError, Clock } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { LifecycleEngine, ProjectsService } from '../projects/index.js';
import { APPROVAL_KEYS, type Stage } from '../lifecycle/index.js';
import { ListEntry, ListsService, monthlyPlanOf } from '../plans/index.js';
import { APPROVAL_COLUMNS, CreateProjectDto, Project, ProjectRecordsService, UpdateProjectDto } from '../project-records/index.js';
import { PeopleService, ProjectResponsibilityService } from '../people/index.js';
import { ReferenceService } from '../reference/index.js';
import { putLedgerResponsibility } from './ledger-responsibility.js';
import { putLedgerMilestones } from './ledger-milestones.js';
import { runTrial } from './import-trial.js';
import type { ImportResult, RowOutcome } from './import-result.js';
import { phaseOf, type ImportProgress } from './import-progress.js';
import { fieldValueCheck, prepareImport, type UploadedWorkbook } from './import-preparation.js';
import { ImportMappingService } from './mapping/import-mapping.service.js';
import type { ColumnMapping } from './mapping/column-mapping.js';
import { LEDGER_FIELDS } from './parsing/columns.js';
import { checkLedgerUnits, LEDGER_TABLE, readLedgerRows, type LedgerRow } from './parsing/ledger-rows.js';
import { ChainLookup, RegionLookup } from './parsing/reference-lookup.js';
import { decideStage, isConflict } from './parsing/stage-evidence.js';
import { ALL } from '../access/index.js';
import { type Context, RowRefused, decisionView, eventRefused, fieldEdits, codePrefix, importReason, markDuplicates, rowErrors, sameName, stageEvents, stageKeyOf, validated } from './ledger-decisions.js';

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
    private readonly reference: ReferenceService,
    private readonly people: PeopleService,
    private readonly responsibility: ProjectResponsibilityService,
    private readonly projectPaths: ProjectsService,
  ) {}

  async import(upload: UploadedWorkbook, options: LedgerImportOptions): Promise<ImportResult> {
    const region = options.region ?? null;
    const given = options.mapping ?? new Map<string, string | null>();
    const [regionRows, chainRows, saved] = await Promise.all([
      this.reference.regionRows(),
      this.reference.chainRows(),
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
    // start date (docs/excel.md "Choices, written down": the assumption is recorded in the project's history).
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
      const code = row.code ?? (await this.projects.nextCodeIn(manager, codePrefix(row, context)));
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
    if (await putLedgerResponsibility(manager, { people: this.people, responsibility: this.responsibility }, projectId, row, context.actor)) changed = true;

    for (const event of events) {
      try {
        await this.lifecycle.applyIn(manager, projectId, event, { actor: context.actor });
      } catch (error) {
        if (error instanceof ApiError) throw eventRefused(error, event);
        throw error;
      }
      changed = true;
    }
    // After the list place (the curve it derives from the milestones) and the stage events (the project's version).
    if (await putLedgerMilestones(manager, this.projectPaths, projectId, row, { actor: context.actor, reason: importReason(context.file.name) })) changed = true;

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

  /**
   * By code; without a code column, by name folded as the import folds text, within the row's
   * county (city-wide when the ledger names no county): one project of that name, else the row
   * is refused.
   */
  private async find(manager: EntityManager, row: LedgerRow): Promise<Project | null> {
    if (row.table.byKey.has('code')) return manager.findOneBy(Project, { code: row.code! });
    const county = row.fields.region;
    const candidates = await manager.find(Project, { select: { id: true, name: true }, where: county ? { regionCode: county } : {} });
    const named = candidates.filter((project) => sameName(project.name, row.name));
    if (named.length > 1) throw new RowRefused('name', `${county ? '本县（市、区）' : ''}有多个名为“${row.name}”的项目：请在台账中加上“项目编码”列`);
    return named.length ? manager.findOneBy(Project, { id: named[0].id }) : null;
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
