import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder, ProjectHistoryReader } from '../audit/index.js';
import { Clock, type ErrorDetail, monthOf } from '../common/index.js';
import { int, sql, type Statement, WriteQueue } from '../database/index.js';
import { dueToReportSql, filedSql, isLatestRevisionSql, reportingParams } from '../rules/index.js';
import { ALL, projectColumns, type Scope, scopeSql } from '../access/index.js';
import { type RaisedRequest, RequestsService } from '../requests/index.js';
import { MilestonesService, ProjectRecordsService, type Project } from '../project-records/index.js';
import type { FileReportDto } from './dto/file-report.dto.js';
import { figuresBeforeOf, revisionWrites, withFiguresSql } from './report-figures.js';
import { ReportRevision } from './report-revision.entity.js';
import { fileRevision, latestRevision, revisionStateSql, revisionsOf } from '../revisions/index.js';

export interface ReportView {
  projectId: number;
  month: string;
  revision: number;
  /** 万元 */
  amount: number;
  progress: string | null;
  problems: string | null;
  actor: string;
  recordedAt: string;
  /** Filed after the month's bulletin was published. */
  correction: boolean;
  reason: string | null;
}

export interface FiledReport extends ReportView {
  /** Σ latest revisions of every month, 万元. */
  cumulative: number;
  /** The 要素保障 requests raised with this report (or already raised with it before). */
  requests: RaisedRequest[];
  /** `cumulativeAboveTotal` when reports add up to more than the project's total investment. */
  flags: string[];
  created: boolean;
}

export interface MonthReportView extends ReportView {
  revisions: number;
}

export interface MissingReports {
  month: string;
  total: number;
  regions: {
    code: string | null;
    name: string | null;
    projects: { projectId: number; code: string; name: string; ownerEnterprise: string | null; stage: string }[];
  }[];
}

/**
 * Monthly reports (月调度): one project, one month, many revisions; the latest counts.
 * A month outside the project's time in implementation, or in the future, is refused.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly requests: RequestsService,
    private readonly records: ProjectRecordsService,
    private readonly history: ProjectHistoryReader,
    private readonly milestones: MilestonesService,
  ) {}

  file(projectId: number, month: string, dto: FileReportDto, actor: string, scope: Scope = ALL): Promise<FiledReport> {
    return this.writes.run((manager) => this.fileIn(manager, projectId, month, dto, actor, scope));
  }

  /** `file` inside the caller's write transaction (the Excel import files a whole sheet in one). */
  async fileIn(manager: EntityManager, projectId: number, month: string, dto: FileReportDto, actor: string, scope: Scope = ALL): Promise<FiledReport> {
    // One statement reads what the filing decides on: the project (in scope, or 404), the month's
    // latest revision and closing bulletin, and the kept figures the answer's total comes from.
    const revisionKey = { entity: ReportRevision, key: { projectId, month }, closing: { month } };
    const state = revisionStateSql(manager, revisionKey)!; // a plain key: never null
    const read = await this.records.findVisibleWith(manager, projectId, scope, withFiguresSql(state, projectId, month));
    const project = read.project;
    const figures = figuresBeforeOf(read.alongside);
    const failures = await this.periodFailures(manager, project, month);

    const progress = dto.progress?.trim() || null;
    const problems = dto.problems?.trim() || null;
    const reason = dto.reason?.trim() || null;
    let writes: Statement[] = [];
    const filed = await fileRevision<ReportRevision>(
      manager,
      {
        ...revisionKey,
        failures,
        same: (latest) => latest.amountWan === dto.amount && latest.progress === progress && latest.problems === problems,
        closing: { month, reason, what: '数据' },
        build: (revision, correction) =>
          manager.create(ReportRevision, { projectId, month, revision, amountWan: dto.amount, progress, problems, actor, recordedAt: this.clock.nowIso(), correction, reason }),
        // Written with the audit entry below, in one statement (ChangeRecorder `Change.writes`).
        store: async (m, row) => void (writes = revisionWrites(m, row)),
      },
      state.read(read.alongside),
    );
    // Needs entered with the report become requests in the same transaction (docs/domain/requests.md "Raised from").
    const raise = () => (dto.requests?.length ? this.requests.raiseIn(manager, projectId, dto.requests, actor, scope, { month }) : Promise.resolve([]));
    // Milestones reached, from the month form: their actual dates, in the same transaction (docs/domain/milestones.md).
    if (dto.milestones?.length) await this.milestones.recordActualsIn(manager, project, dto.milestones, actor);
    if (!filed.added) return this.filed(project, filed.row, figures.cumulative, false, await raise()); // same report again: idempotent, no new revision

    const { row: revision, previous: latest } = filed;
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.report(projectId),
      action: 'file',
      before: latest ? { month, revision: latest.revision, amount: latest.amountWan, progress: latest.progress, problems: latest.problems } : null,
      after: { month, revision: revision.revision, amount: revision.amountWan, progress, problems, correction: revision.correction },
      reason,
      at: revision.recordedAt,
      writes,
    });
    // storeRevision set the month's figure to the new amount: the total follows without reading it again.
    return this.filed(project, revision, figures.cumulative - figures.month + revision.amountWan, latest === null, await raise());
  }

  /** The latest revision of a project's month (null before its first report). */
  latestIn(manager: EntityManager, projectId: number, month: string): Promise<ReportRevision | null> {
    return latestRevision(manager, { entity: ReportRevision, key: { projectId, month } });
  }

  /** How many months the project has a report for (any revision). */
  async reportedMonths(manager: EntityManager, projectId: number): Promise<number> {
    const [row] = await sql(manager, 'SELECT COUNT(DISTINCT r.month) AS months FROM report_revision r WHERE r.project_id = :projectId', { projectId });
    return int(row?.months ?? 0);
  }

  /** Every month's latest revision (recorded by `asOf`, when given) with its revision count. */
  async monthly(projectId: number, scope: Scope = ALL, asOf?: string): Promise<MonthReportView[]> {
    await this.records.findVisible(this.dataSource.manager, projectId, scope);
    const until = asOf ?? '9999-12-31T23:59:59.999Z';
    const rows = await sql<Record<string, unknown>>(
      this.dataSource,
      `SELECT r.*, (SELECT COUNT(*) FROM report_revision c
                     WHERE c.project_id = r.project_id AND c.month = r.month AND c.recorded_at <= :asOf) AS revisions
         FROM report_revision r
        WHERE r.project_id = :projectId AND r.recorded_at <= :asOf
          AND ${isLatestRevisionSql('r', { asOf: true })}
        ORDER BY r.month`,
      { projectId, asOf: until },
    );
    return rows.map((row) => ({ ...viewOfRow(row), revisions: int(row.revisions) }));
  }

  async revisions(projectId: number, month: string, scope: Scope = ALL): Promise<ReportView[]> {
    await this.records.findVisible(this.dataSource.manager, projectId, scope);
    const rows = await revisionsOf(this.dataSource.manager, { entity: ReportRevision, key: { projectId, month } });
    return rows.map(viewOf);
  }

  /** Reminders (月调度催报): projects due to report for `month` (rules/reporting.ts) with no report for it, by region. */
  async missing(month: string, scope: Scope = ALL): Promise<MissingReports> {
    const inScope = scopeSql(scope, projectColumns('p'));
    const rows = await sql<Record<string, unknown>>(
      this.dataSource,
      `SELECT p.id, p.code, p.name, p.owner_enterprise, p.stage, p.region_code, g.name AS region_name
         FROM project p
         LEFT JOIN region g ON g.code = p.region_code
        WHERE ${dueToReportSql('p')}
          AND NOT ${filedSql('p')}
          AND ${inScope.sql}
        ORDER BY g.sort_order, p.code`,
      { ...reportingParams(month), ...inScope.params },
    );
    const regions: MissingReports['regions'] = [];
    for (const row of rows) {
      const code = (row.region_code as string | null) ?? null;
      let region = regions.find((r) => r.code === code);
      if (!region) regions.push((region = { code, name: (row.region_name as string | null) ?? null, projects: [] }));
      region.projects.push({
        projectId: int(row.id),
        code: row.code as string,
        name: row.name as string,
        ownerEnterprise: (row.owner_enterprise as string | null) ?? null,
        stage: row.stage as string,
      });
    }
    return { month, total: rows.length, regions };
  }

  /** Why a month cannot carry a report for this project (empty when it can). */
  private async periodFailures(manager: EntityManager, project: Project, month: string): Promise<ErrorDetail[]> {
    const currentMonth = monthOf(this.clock.today());
    if (month > currentMonth)
      return [{ field: 'month', code: 'monthInFuture', message: `${month} 尚未到来，不能填报（当前 ${currentMonth}）` }];
    if (!project.actualStartDate)
      return [{ field: 'month', code: 'projectNotStarted', message: '项目尚未开工，不能填报投资' }];
    if (month < monthOf(project.actualStartDate))
      return [{ field: 'month', code: 'monthBeforeStart', message: `${month} 早于开工月份 ${monthOf(project.actualStartDate)}` }];
    if (project.actualCompletionDate && month > monthOf(project.actualCompletionDate))
      return [{ field: 'month', code: 'monthAfterCompletion', message: `${month} 晚于竣工月份 ${monthOf(project.actualCompletionDate)}` }];
    if (project.stage === 'withdrawn') {
      const withdrawal = await this.history.lastEvent(manager, project.id, 'WITHDRAW');
      const withdrawnMonth = monthOf(withdrawal?.effectiveDate ?? withdrawal?.recordedAt ?? '0000-00');
      if (month > withdrawnMonth)
        return [{ field: 'month', code: 'monthAfterWithdrawal', message: `${month} 晚于项目调出月份 ${withdrawnMonth}` }];
    }
    return [];
  }

  private filed(project: Project, revision: ReportRevision, cumulative: number, created: boolean, requests: RaisedRequest[] = []): FiledReport {
    const flags = project.totalInvestmentWan !== null && cumulative > project.totalInvestmentWan ? ['cumulativeAboveTotal'] : [];
    return { ...viewOf(revision), cumulative, flags, created, requests };
  }
}

function viewOf(r: ReportRevision): ReportView {
  return {
    projectId: r.projectId,
    month: r.month,
    revision: r.revision,
    amount: r.amountWan,
    progress: r.progress,
    problems: r.problems,
    actor: r.actor,
    recordedAt: r.recordedAt,
    correction: Boolean(r.correction),
    reason: r.reason,
  };
}

function viewOfRow(row: Record<string, unknown>): ReportView {
  return {
    projectId: int(row.project_id),
    month: row.month as string,
    revision: int(row.revision),
    amount: int(row.amount_wan),
    progress: (row.progress as string | null) ?? null,
    problems: (row.problems as string | null) ?? null,
    actor: row.actor as string,
    recordedAt: row.recorded_at as string,
    correction: Boolean(row.correction),
    reason: (row.reason as string | null) ?? null,
  };
}
