import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { ApiError, validationExceptionFactory } from '../common/index.js';
import { WriteQueue } from '../database/index.js';
import { Project } from '../project-records/index.js';
import { FileReportDto, ReportsService } from '../reports/index.js';
import { ReferenceService } from '../reference/index.js';
import { fieldValueCheck, prepareImport, type UploadedWorkbook } from './import-preparation.js';
import { phaseOf, type ImportProgress } from './import-progress.js';
import { runTrial } from './import-trial.js';
import type { ImportResult, RowError, RowOutcome } from './import-result.js';
import type { ColumnMapping } from './mapping/column-mapping.js';
import { ImportMappingService } from './mapping/import-mapping.service.js';
import { REPORT_FIELDS, type ReportKey } from './parsing/columns.js';
import { checkReportColumns, monthOfTitle, readReportRows, REPORT_TABLE, type ReportRow } from './parsing/report-rows.js';
import { RegionLookup } from './parsing/reference-lookup.js';
import { inScope, type Scope } from '../access/index.js';

export interface ReportImportOptions {
  commit: boolean;
  actor: string;
  scope: Scope;
  /** Correction reason, needed for a month whose bulletin is published (ReportsService rule). */
  reason?: string;
  /** The region the file comes from (a county operator's own): its kept column mapping applies, and a given one is kept for it. */
  region?: string;
  /** A column mapping given with the request (`mapping`), over the kept one and the rules. */
  mapping?: ColumnMapping;
  progress?: ImportProgress;
}

/** Where an API refusal's `field` lands in the sheet (month and reason concern the whole row: no column). */
const FIELD_TO_COLUMN: Record<string, ReportKey> = { amount: 'amount', progress: 'progress', problems: 'problems' };

/**
 * A county's month sheet (月调度表) into monthly reports: each row is filed through
 * ReportsService.fileIn, exactly as `PUT /api/projects/:id/reports/:month` would file it
 * (month within the project's time in implementation, not in the future, amount a
 * non-negative integer, a correction reason for a closed month), all rows in one write
 * transaction. A region operator's sheet may only name their own region's projects.
 * Laid out as the ledger may be (several sheets, merged cells, totals, notes, mappings).
 */
@Injectable()
export class ReportImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly reports: ReportsService,
    private readonly recorder: ChangeRecorder,
    private readonly mappings: ImportMappingService,
    private readonly reference: ReferenceService,
  ) {}

  async import(upload: UploadedWorkbook, month: string, options: ReportImportOptions): Promise<ImportResult> {
    const region = options.region ?? null;
    const given = options.mapping ?? new Map<string, string | null>();
    const [regionRows, saved] = await Promise.all([this.reference.regionRows(), this.mappings.kept('reports', region)]);
    const fits = fieldValueCheck({ regions: new RegionLookup(regionRows) });
    const prepared = await prepareImport(upload, REPORT_TABLE, REPORT_FIELDS, { region, given, saved, fits, progress: options.progress });
    const { tables, sha256 } = prepared;
    for (const table of tables) {
      checkReportColumns(table);
      const titled = monthOfTitle(table.title) ?? monthOfTitle(table.sheet);
      if (titled && titled !== month) {
        const message = `工作表“${table.sheet}”标题中的月份（${titled}）与导入的月份（${month}）不一致`;
        throw new ApiError(422, message, [{ field: 'month', code: 'monthMismatch', message }]);
      }
    }
    const rows = tables.flatMap((table) => readReportRows(table));
    const changed: number[] = [];
    const seen = new Map<number, ReportRow>();

    const commit = options.commit && prepared.errors.length === 0;
    const outcome = await runTrial(this.writes, rows, commit, {
      apply: async (manager, row) => {
        const project = await this.find(manager, row, options.scope);
        const first = seen.get(project.id);
        if (first !== undefined)
          throw refused(row.code ? 'code' : 'name', `与${first.sheet === row.sheet ? '' : `工作表“${first.sheet}”`}第 ${first.row} 行是同一项目（${project.code}）`);
        seen.set(project.id, row);
        const latest = await this.reports.latestIn(manager, project.id, month);
        const dto = await validated({
          amount: row.amount,
          // A sheet without the column leaves the text as filed before.
          progress: row.progress === undefined ? (latest?.progress ?? null) : row.progress,
          problems: row.problems === undefined ? (latest?.problems ?? null) : row.problems,
          ...(options.reason !== undefined ? { reason: options.reason } : {}),
        });
        const filed = await this.reports.fileIn(manager, project.id, month, dto, options.actor, options.scope);
        const result: RowOutcome = filed.created ? 'created' : latest && filed.revision === latest.revision ? 'unchanged' : 'updated';
        if (result !== 'unchanged') changed.push(project.id);
        return result;
      },
      errorsOf: (error, row) => rowErrors(error, row),
      progress: (done, total) => options.progress?.(phaseOf(options.commit), done, total),
      beforeCommit: async (manager, counts) => {
        prepared.mapping.saved = await this.mappings.keepIn(manager, 'reports', region, given, options.actor);
        // A file that changed nothing leaves the database exactly as it was, log included.
        if (counts.created + counts.updated === 0) return;
        await this.recorder.record(manager, {
          actor: options.actor,
          subject: auditSubject.import('reports', sha256.slice(0, 16)),
          action: 'import',
          after: { file: upload.name, sha256, sheets: tables.map((t) => t.sheet), month, rows: rows.length, ...counts, projectIds: changed },
          reason: options.reason ?? null,
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
      file: { name: upload.name, sha256 },
      ignoredColumns: [...new Set(tables.flatMap((table) => table.columns.filter((column) => column.key === null).map((column) => column.label)))],
      skipped: prepared.skipped,
      mapping: prepared.mapping,
      month,
    };
  }

  /** By code, else by exact name; outside the caller's scope it is "not found", as on the API. */
  private async find(manager: EntityManager, row: ReportRow, scope: Scope): Promise<Project> {
    const missing = () =>
      refused(row.code ? 'code' : 'name', `项目“${row.code ?? row.name}”不存在${scope.region !== undefined ? '或不属于本县（市、区）' : ''}`);
    if (row.code) {
      const project = await manager.findOneBy(Project, { code: row.code });
      if (!project || !inScope(project, scope)) throw missing();
      return project;
    }
    const named = (await manager.find(Project, { where: { name: row.name! }, take: 50 })).filter((p) => inScope(p, scope));
    if (named.length > 1) throw refused('name', `有多个名为“${row.name}”的项目：请填写项目编码`);
    if (!named.length) throw missing();
    return named[0];
  }
}

function refused(key: ReportKey, message: string): ApiError {
  return new ApiError(422, message, [{ field: key, code: 'rowRefused', message }]);
}

async function validated(plain: Record<string, unknown>): Promise<FileReportDto> {
  const instance = plainToInstance(FileReportDto, plain);
  const failures = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (failures.length) throw validationExceptionFactory(failures);
  return instance;
}

function rowErrors(error: ApiError, row: ReportRow): RowError[] {
  const details = error.details.length ? error.details : [{ field: undefined, code: 'refused', message: error.message }];
  return details.map((detail) => {
    const field = detail.field ?? '';
    const key: ReportKey | undefined = FIELD_TO_COLUMN[field] ?? (['code', 'name'].includes(field) ? (field as ReportKey) : undefined);
    return { row: row.row, sheet: row.sheet, column: key ? (row.table.byKey.get(key)?.label ?? null) : null, message: detail.message };
  });
}
