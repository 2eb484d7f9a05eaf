import { ApiProperty } from '@nestjs/swagger';
import { DISPLAY_ROLE, ROLES } from '../access/index.js';
import { ApiWan } from '../common/index.js';
import { STAGES, type Stage } from '../lifecycle/index.js';
import { PersonRefAnswer } from '../people/index.js';
import { RESPONSIBLE_ROLE_LABELS } from '../people/labels.js';
import { LIST_CATEGORIES } from '../plans/index.js';
import { ProjectMilestoneAnswer } from '../project-records/index.js';
import { ProjectView } from '../projects/index.js';
import { FactorResponsibleAnswer } from '../requests/index.js';
import { FIVE_ONES, RATINGS, RED_LIST_KINDS, type Rating, type RedListKind } from '../rules/index.js';
import type { HomeChain, HomePerson, HomeProject, LeaderHome } from './home.types.js';
import type { ReportSheet, ReportSheetRow, SheetReport, WorkbenchContext, WorkbenchProjectPage, WorkbenchProjectRow } from './workbench.service.js';

/**
 * What the workbench and 我的 routes answer, as the OpenAPI document declares it: each class
 * implements the answer's own type (workbench.service.ts, home.types.ts).
 */

type Category = 'implementation' | 'preparation';
const RATING = { type: String, nullable: true, enum: [...RATINGS, null] } as const;
const RATING_REASON = { type: String, nullable: true, enum: ['progress', 'overdueStart', 'conditionalOverdue', null], description: 'why the colour: 序时 progress, 逾期未开工, 容缺逾期' } as const;
const LIST = { type: String, nullable: true, enum: [...LIST_CATEGORIES, null], description: 'its list in the year (null: on neither)' } as const;
const RESPONSIBLE_ROLES = Object.keys(RESPONSIBLE_ROLE_LABELS);

export class WorkbenchUser {
  @ApiProperty() username: string;
  @ApiProperty({ enum: [...ROLES, DISPLAY_ROLE] }) role: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ type: String, nullable: true }) chainName: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'role department: its 要素保障组 department' }) department: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentName: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'the person of the register the user is (链长, 包联领导, 专员)' }) personId: number | null;
}

/** `GET /api/workbench/context`. */
export class WorkbenchContextAnswer implements WorkbenchContext {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ example: '2026-12' }) currentMonth: string;
  @ApiProperty({ example: '2026-11', description: 'the month being collected by default (last month)' }) defaultMonth: string;
  @ApiProperty({ type: WorkbenchUser }) user: WorkbenchUser;
  @ApiProperty({ description: 'whether the role may change project data and file reports (in its scope)' }) canEdit: boolean;
  @ApiProperty({ description: 'whether the role writes nothing at all (只读)' }) readOnly: boolean;
}

export class WorkbenchReportStatus {
  @ApiProperty({ enum: ['filed', 'missing', 'notDue'] }) status: 'filed' | 'missing' | 'notDue';
  @ApiWan('本月完成投资（已报时）', { nullable: true }) amount: number | null;
}

export class WorkbenchProjectRowAnswer extends ProjectView implements WorkbenchProjectRow {
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ type: String, nullable: true }) chainName: string | null;
  @ApiProperty(LIST) listCategory: Category | null;
  @ApiProperty({ type: WorkbenchReportStatus, description: 'the month\'s report: filed, missing (due) or not due' }) report: WorkbenchReportStatus;
  @ApiProperty(RATING) rating: Rating | null;
  @ApiProperty(RATING_REASON) ratingReason: WorkbenchProjectRow['ratingReason'];
  @ApiProperty({ type: Number, nullable: true, description: '序时进度 ratio, 4 decimals' }) ratio: number | null;
}

export class WorkbenchReportCounts {
  @ApiProperty({ type: 'integer' }) due: number;
  @ApiProperty({ type: 'integer' }) filed: number;
  @ApiProperty({ type: 'integer' }) missing: number;
}

/** `GET /api/workbench/projects`: one page of the caller's projects with the month's report status. */
export class WorkbenchProjectPageAnswer implements WorkbenchProjectPage {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ type: [WorkbenchProjectRowAnswer] }) items: WorkbenchProjectRowAnswer[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
  @ApiProperty({ type: WorkbenchReportCounts, description: 'over the caller\'s whole scope (not the filters)' }) reports: WorkbenchReportCounts;
}

export class SheetReportAnswer implements SheetReport {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiWan('当月完成投资') amount: number;
  @ApiProperty({ type: String, nullable: true }) progress: string | null;
  @ApiProperty({ type: String, nullable: true }) problems: string | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ type: 'integer' }) revisions: number;
  @ApiProperty() correction: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty() actor: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ReportSheetRowAnswer implements ReportSheetRow {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() stageLabel: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ type: String, nullable: true }) chainName: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualStartDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualCompletionDate: string | null;
  @ApiWan('总投资', { nullable: true }) totalInvestment: number | null;
  @ApiProperty(LIST) listCategory: Category | null;
  @ApiProperty({ type: SheetReportAnswer, nullable: true, description: 'the month\'s latest revision (null: not filed)' }) report: SheetReportAnswer | null;
  @ApiProperty({ type: SheetReportAnswer, nullable: true, description: 'the previous month\'s latest revision' }) previous: SheetReportAnswer | null;
  @ApiWan('本年此前各月累计') yearToDateBefore: number;
  @ApiProperty({ type: [ProjectMilestoneAnswer], description: 'milestones not yet reached, each marked overdue by today' }) milestones: ProjectMilestoneAnswer[];
}

export class ClosedBy {
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer' }) month: number;
}

/** `GET /api/workbench/reports/:month`: the monthly report sheet (月调度填报表). */
export class ReportSheetAnswer implements ReportSheet {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ example: '2026-12' }) currentMonth: string;
  @ApiProperty({ type: ClosedBy, nullable: true, description: 'the published bulletin that closed the month (new revisions then need a reason)' }) closedBy: ClosedBy | null;
  @ApiProperty({ type: [ReportSheetRowAnswer] }) rows: ReportSheetRowAnswer[];
}

export class HomeChainAnswer implements HomeChain {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() flagship: boolean;
  @ApiProperty(RATING) rating: Rating | null;
  @ApiProperty({ type: Number, nullable: true }) ratio: number | null;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiWan('完成投资目标') targetInvestment: number;
  @ApiProperty({ type: 'integer' }) listedProjects: number;
  @ApiProperty({ type: 'integer', description: 'listed projects of the chain on the month\'s red list' }) redProjects: number;
  @ApiProperty({ type: 'integer' }) openRequests: number;
  @ApiProperty({ type: 'integer' }) overdueRequests: number;
  @ApiProperty({ enum: FIVE_ONES, isArray: true, description: 'what the year\'s "5个1" lacks' }) fiveOnesMissing: HomeChain['fiveOnesMissing'];
}

export class HomeRed {
  @ApiProperty({ enum: RED_LIST_KINDS }) kind: RedListKind;
  @ApiProperty() reason: string;
}

export class HomeProjectAnswer implements HomeProject {
  @ApiProperty({ type: 'integer' }) projectId: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) region: string | null;
  @ApiProperty({ type: String, nullable: true }) regionName: string | null;
  @ApiProperty({ type: String, nullable: true }) chain: string | null;
  @ApiProperty({ enum: STAGES }) stage: string;
  @ApiProperty({ enum: RESPONSIBLE_ROLES, isArray: true, description: 'his posts on the project' }) roles: HomeProject['roles'];
  @ApiProperty(LIST) category: Category | null;
  @ApiProperty(RATING) rating: Rating | null;
  @ApiProperty({ type: Number, nullable: true }) ratio: number | null;
  @ApiWan('年度计划投资') plan: number;
  @ApiWan('完成投资') actual: number;
  @ApiWan('序时目标') expected: number;
  @ApiProperty({ type: [HomeRed], description: 'why it is on the month\'s red list' }) red: HomeRed[];
  @ApiProperty({ type: 'integer' }) openRequests: number;
  @ApiProperty({ type: 'integer' }) overdueRequests: number;
  @ApiProperty({ type: FactorResponsibleAnswer }) responsible: FactorResponsibleAnswer;
}

export class HomePersonAnswer extends PersonRefAnswer implements HomePerson {
  @ApiProperty({ enum: RESPONSIBLE_ROLES, isArray: true }) roles: HomePerson['roles'];
  @ApiProperty({ type: 'integer', description: 'how many of his projects the person answers for' }) projects: number;
}

/** `GET /api/me/home`: a leader's or 专员's own view. */
export class LeaderHomeAnswer implements LeaderHome {
  @ApiProperty({ type: PersonRefAnswer, nullable: true, description: 'the person the user is (null: linked to none)' }) person: PersonRefAnswer | null;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ type: 'integer' }) month: number;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ format: 'date', description: 'the day requests are judged overdue on' }) today: string;
  @ApiProperty({ type: [HomeChainAnswer] }) chains: HomeChainAnswer[];
  @ApiProperty({ type: [HomeProjectAnswer] }) projects: HomeProjectAnswer[];
  @ApiProperty({ type: [HomePersonAnswer] }) people: HomePersonAnswer[];
}
