import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DISPLAY_ROLE, EDITORS, projectColumns, READ_ONLY_ROLES, scopeSql, type Principal, type Scope } from '../access/index.js';
import { ApiError, Clock, lastMonthOf, monthNumberOf, monthOf, previousMonth, yearOf } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { type Stage, STAGE_LABELS } from '../lifecycle/index.js';
import { CLOSING_BULLETIN_SQL, dueToReportSql, filedSql, isLatestRevisionSql, isMilestoneOverdue, type Rating, reportingParams } from '../rules/index.js';
import { pendingMilestonesOf, type ProjectMilestone } from '../project-records/index.js';
import { ProjectsService, type ProjectView } from '../projects/index.js';
import { DashboardService } from '../board/index.js';
import type { WorkbenchProjectsQuery } from './dto/workbench.query.js';

type Row = Record<string, unknown>;
type Category = 'implementation' | 'preparation';

export interface WorkbenchContext {
  today: string;
  currentMonth: string;
  /** The month being collected by default: last month (src/periods/default-period.ts, the war room's definition too). */
  defaultMonth: string;
  user: {
    username: string;
    role: string;
    region: string | null;
    regionName: string | null;
    chain: string | null;
    chainName: string | null;
    /** Role `department`: its 要素保障组 department. */
    department: string | null;
    departmentName: string | null;
    /** The person of the register the user is (链长, 包联领导, 专员): the workbench then offers 我的 (home.html). */
    personId: number | null;
  };
  /** Whether the role may change project data and file reports (in its scope). */
  canEdit: boolean;
  /** Whether the role writes nothing at all (the header's 只读 badge): a chain team, for one, writes comments, leads and filings. */
  readOnly: boolean;
}

export interface WorkbenchProjectRow extends ProjectView {
  regionName: string | null;
  chainName: string | null;
  /** The project's list in the month's year, if any. */
  listCategory: Category | null;
  /** The month's report: filed, missing (due: in implementation during the month), or not due. */
  report: { status: 'filed' | 'missing' | 'notDue'; amount: number | null };
  /** 蓝黄红: implementation-list projects by 序时进度 through the month; preparation-list projects past their planned start, red. */
  rating: Rating | null;
  ratingReason: 'progress' | 'overdueStart' | 'conditionalOverdue' | null;
  ratio: number | null;
}

export interface WorkbenchProjectPage {
  month: string;
  today: string;
  items: WorkbenchProjectRow[];
  total: number;
  page: number;
  pageSize: number;
  /** For the month, over the caller's whole scope (not the filters): projects due to report, filed and missing. */
  reports: { due: number; filed: number; missing: number };
}

export interface SheetReport {
  month: string;
  amount: number;
  progress: string | null;
  problems: string | null;
  revision: number;
  revisions: number;
  correction: boolean;
  reason: string | null;
  actor: string;
  recordedAt: string;
}

export interface ReportSheetRow {
  projectId: number;
  code: string;
  name: string;
  stage: Stage;
  stageLabel: string;
  region: string | null;
  regionName: string | null;
  chain: string | null;
  chainName: string | null;
  actualStartDate: string | null;
  actualCompletionDate: string | null;
  totalInvestment: number | null;
  listCategory: Category | null;
  /** The latest revision for the month, or null when not filed. */
  report: SheetReport | null;
  /** The previous month's latest revision, or null. */
  previous: SheetReport | null;
  /** Σ latest revisions of the year's months before this one, 万元. */
  yearToDateBefore: number;
  /** Its milestones not yet reached, each marked overdue by today (the form records their actual dates). */
  milestones: ProjectMilestone[];
}

export interface ReportSheet {
  month: string;
  today: string;
  currentMonth: string;
  /** The published bulletin that closed this month (new revisions then need a correction reason), or null. */
  closedBy: { year: number; month: number } | null;
  rows: ReportSheetRow[];
}

const LATEST = isLatestRevisionSql('r');

/**
 * The operators' workbench (工作台): the caller's projects with the month's report status and
 * colour in one call, and the monthly report sheet (月调度填报) with last month and the
 * year to date beside each row. Read-only; scope comes from the signed-in user.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly dashboard: DashboardService,
    private readonly clock: Clock,
  ) {}

  async context(user: Principal): Promise<WorkbenchContext> {
    const today = this.clock.today();
    const currentMonth = monthOf(today);
    const [region] = user.region ? await sql(this.dataSource, 'SELECT name FROM region WHERE code = :code', { code: user.region }) : [];
    const [chain] = user.chain ? await sql(this.dataSource, 'SELECT name FROM chain WHERE code = :code', { code: user.chain }) : [];
    const [department] = user.department ? await sql(this.dataSource, 'SELECT name FROM department WHERE code = :code', { code: user.department }) : [];
    return {
      today,
      currentMonth,
      defaultMonth: lastMonthOf(today),
      user: {
        username: user.username,
        role: user.role,
        region: user.region,
        regionName: (region?.name as string | undefined) ?? null,
        chain: user.chain,
        chainName: (chain?.name as string | undefined) ?? null,
        department: user.department,
        departmentName: (department?.name as string | undefined) ?? null,
        personId: user.personId ?? null,
      },
      canEdit: user.role !== DISPLAY_ROLE && EDITORS.includes(user.role),
      readOnly: user.role === DISPLAY_ROLE || READ_ONLY_ROLES.includes(user.role),
    };
  }

  async projectList(query: WorkbenchProjectsQuery, scope: Scope): Promise<WorkbenchProjectPage> {
    const today = this.clock.today();
    const month = query.month ?? lastMonthOf(today);
    const year = yearOf(month);
    const page = await this.projects.list(
      {
        stage: query.stage,
        region: query.region,
        chain: query.chain,
        list: query.list,
        year: query.list ? year : undefined,
        q: query.q,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 200,
      },
      scope,
    );
    const ids = page.items.map((p) => p.id);
    const inScope = scopeSql(scope, projectColumns('p'));
    const params = { ...reportingParams(month), year, ids, ...inScope.params };
    const [names, reported, dueRows, lists, ratings, [counts]] = await Promise.all([
      this.names(),
      ids.length
        ? sql(this.dataSource, `SELECT r.project_id, r.amount_wan FROM report_revision r WHERE r.month = :month AND r.project_id IN (:...ids) AND ${LATEST}`, params)
        : Promise.resolve([] as Row[]),
      ids.length
        ? sql(this.dataSource, `SELECT p.id FROM project p WHERE p.id IN (:...ids) AND ${dueToReportSql('p')}`, params)
        : Promise.resolve([] as Row[]),
      ids.length
        ? sql(this.dataSource, 'SELECT project_id, category FROM list_entry WHERE year = :year AND removed_at IS NULL AND project_id IN (:...ids)', params)
        : Promise.resolve([] as Row[]),
      this.ratings(year, monthNumberOf(month), scope),
      sql(
        this.dataSource,
        `SELECT COUNT(*) AS due, SUM(CASE WHEN ${filedSql('p')} THEN 1 ELSE 0 END) AS filed
           FROM project p
          WHERE ${dueToReportSql('p')} AND ${inScope.sql}`,
        params,
      ),
    ]);
    const amountOf = new Map(reported.map((r) => [int(r.project_id), int(r.amount_wan)]));
    const listOf = new Map(lists.map((r) => [int(r.project_id), r.category as Category]));
    const dueIds = new Set(dueRows.map((r) => int(r.id)));
    const items = page.items.map((project): WorkbenchProjectRow => {
      const listCategory = listOf.get(project.id) ?? null;
      const amount = amountOf.get(project.id);
      const rated = listCategory ? ratings.get(project.id) : undefined;
      const { rating = null, ratingReason = null, ratio = null } = rated ?? {};
      return {
        ...project,
        regionName: (project.region && names.regions.get(project.region)) || null,
        chainName: (project.chain && names.chains.get(project.chain)) || null,
        listCategory,
        report: { status: amount !== undefined ? 'filed' : dueIds.has(project.id) ? 'missing' : 'notDue', amount: amount ?? null },
        rating,
        ratingReason,
        ratio,
      };
    });
    const due = int(counts?.due);
    const filed = int(counts?.filed);
    return { month, today, items, total: page.total, page: page.page, pageSize: page.pageSize, reports: { due, filed, missing: due - filed } };
  }

  async reportSheet(month: string, scope: Scope): Promise<ReportSheet> {
    const today = this.clock.today();
    const year = yearOf(month);
    const inScope = scopeSql(scope, projectColumns('p'));
    const params = { ...reportingParams(month), year, ...inScope.params };
    const [projects, [closing]] = await Promise.all([
      sql(
        this.dataSource,
        `SELECT p.id, p.code, p.name, p.stage, p.region_code, g.name AS region_name, p.chain_code, c.name AS chain_name,
                p.actual_start_date, p.actual_completion_date, p.total_investment_wan,
                (SELECT l.category FROM list_entry l WHERE l.project_id = p.id AND l.year = :year AND l.removed_at IS NULL ORDER BY l.id DESC LIMIT 1) AS category
           FROM project p
           LEFT JOIN region g ON g.code = p.region_code
           LEFT JOIN chain c ON c.code = p.chain_code
          WHERE (${dueToReportSql('p')} OR ${filedSql('p')})
            AND ${inScope.sql}
          ORDER BY g.sort_order, p.code`,
        params,
      ),
      sql(this.dataSource, CLOSING_BULLETIN_SQL, params),
    ]);
    const ids = projects.map((p) => int(p.id));
    const previous = previousMonth(month);
    const from = previous < `${year}-01` ? previous : `${year}-01`;
    const reports = ids.length
      ? await sql(
          this.dataSource,
          `SELECT r.project_id, r.month, r.amount_wan, r.progress, r.problems, r.revision, r.correction, r.reason, r.actor, r.recorded_at,
                  (SELECT COUNT(*) FROM report_revision c WHERE c.project_id = r.project_id AND c.month = r.month) AS revisions
             FROM report_revision r
            WHERE r.project_id IN (:...ids) AND r.month >= :from AND r.month <= :month AND ${LATEST}`,
          { ids, from, month },
        )
      : [];
    const pending = await pendingMilestonesOf(this.dataSource.manager, ids);
    const byProject = new Map<number, SheetReport[]>();
    for (const r of reports) {
      const id = int(r.project_id);
      if (!byProject.has(id)) byProject.set(id, []);
      byProject.get(id)!.push({
        month: r.month as string,
        amount: int(r.amount_wan),
        progress: (r.progress as string | null) ?? null,
        problems: (r.problems as string | null) ?? null,
        revision: int(r.revision),
        revisions: int(r.revisions),
        correction: Boolean(r.correction),
        reason: (r.reason as string | null) ?? null,
        actor: r.actor as string,
        recordedAt: r.recorded_at as string,
      });
    }
    const rows = projects.map((p): ReportSheetRow => {
      const id = int(p.id);
      const own = byProject.get(id) ?? [];
      const stage = p.stage as Stage;
      return {
        projectId: id,
        code: p.code as string,
        name: p.name as string,
        stage,
        stageLabel: STAGE_LABELS[stage],
        region: (p.region_code as string | null) ?? null,
        regionName: (p.region_name as string | null) ?? null,
        chain: (p.chain_code as string | null) ?? null,
        chainName: (p.chain_name as string | null) ?? null,
        actualStartDate: (p.actual_start_date as string | null) ?? null,
        actualCompletionDate: (p.actual_completion_date as string | null) ?? null,
        totalInvestment: p.total_investment_wan === null || p.total_investment_wan === undefined ? null : int(p.total_investment_wan),
        listCategory: (p.category as Category | null) ?? null,
        report: own.find((r) => r.month === month) ?? null,
        previous: own.find((r) => r.month === previous) ?? null,
        yearToDateBefore: own.filter((r) => r.month >= `${year}-01` && r.month < month).reduce((sum, r) => sum + r.amount, 0),
        milestones: (pending.get(id) ?? []).map((m) => ({ ...m, overdue: isMilestoneOverdue(m, today) })),
      };
    });
    return {
      month,
      today,
      currentMonth: monthOf(today),
      closedBy: closing ? { year: int(closing.year), month: int(closing.month) } : null,
      rows,
    };
  }

  /** Colour and ratio of each listed project in scope through the month, as the board computes them (none when the year has no targets). */
  private async ratings(year: number, month: number, scope: Scope): Promise<Map<number, Pick<WorkbenchProjectRow, 'rating' | 'ratingReason' | 'ratio'>>> {
    const result = new Map<number, Pick<WorkbenchProjectRow, 'rating' | 'ratingReason' | 'ratio'>>();
    try {
      for (let page = 1; ; page++) {
        const listed = await this.dashboard.listedProjects(year, month, { scope }, page, 500);
        for (const row of listed.items)
          result.set(row.projectId, { rating: row.rating, ratingReason: row.ratingReason, ratio: row.category === 'implementation' ? row.ratio : null });
        if (page * 500 >= listed.total) break;
      }
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 404) return result; // no targets for that year
      throw error;
    }
    return result;
  }

  private async names(): Promise<{ regions: Map<string, string>; chains: Map<string, string> }> {
    const [regions, chains] = await Promise.all([
      sql(this.dataSource, 'SELECT code, name FROM region'),
      sql(this.dataSource, 'SELECT code, name FROM chain'),
    ]);
    return {
      regions: new Map(regions.map((r) => [r.code as string, r.name as string])),
      chains: new Map(chains.map((c) => [c.code as string, c.name as string])),
    };
  }
}
