import { ApiProperty } from '@nestjs/swagger';
import { ApiWan } from '../common/index.js';
import { acceptedEventsOf, APPROVAL_KEYS, APPROVAL_LABELS, type ApprovalKey, EVENT_TYPES, type EventType, type Stage, STAGE_LABELS, STAGES } from '../lifecycle/index.js';
import { PROJECT_ORIGINS, type Project } from './project.entity.js';

/** Column of each approval on the entity. */
export const APPROVAL_COLUMNS: Record<ApprovalKey, keyof Project & keyof ProjectRow> = {
  filing: 'approvalFiling',
  land: 'approvalLand',
  planning: 'approvalPlanning',
  environment: 'approvalEnvironment',
  energy: 'approvalEnergy',
  construction: 'approvalConstruction',
};

/** A project's row as a page reads it: every column but the machine's snapshot (src/projects/project-list.ts). */
export type ProjectRow = Omit<Project, 'lifecycleSnapshot'>;

export function approvalsOf(project: ProjectRow): Record<ApprovalKey, string | null> {
  // A plain loop, not Object.fromEntries over pairs: it runs for every row of every list page.
  const approvals = {} as Record<ApprovalKey, string | null>;
  for (const key of APPROVAL_KEYS) approvals[key] = (project[APPROVAL_COLUMNS[key]] as string | null) ?? null;
  return approvals;
}

/** The date each of the six approvals was obtained (YYYY-MM-DD), or null. */
export class ApprovalDates implements Record<ApprovalKey, string | null> {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.filing }) filing: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.land }) land: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.planning }) planning: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.environment }) environment: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.energy }) energy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: APPROVAL_LABELS.construction }) construction: string | null;
}

/**
 * A project's record as the API shows it (docs/api.md "Names that stay"): its row, its stage
 * and the events the stage accepts. The project reads add what other modules keep
 * (src/projects/project.view.ts: list places, approval statuses, the lead it came from).
 */
export class ProjectRecordView {
  @ApiProperty({ type: 'integer' }) id: number;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: '项目单位（业主企业）' }) ownerEnterprise: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'region code' }) region: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'chain code' }) chain: string | null;
  @ApiWan('总投资', { nullable: true }) totalInvestment: number | null;
  @ApiProperty({ type: String, nullable: true }) content: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedStartDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualStartDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) plannedCompletionDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) actualCompletionDate: string | null;
  @ApiProperty({ type: String, nullable: true, description: '形象进度（当前进展，文字）' }) progress: string | null;
  @ApiProperty({ type: ApprovalDates, description: 'date each approval was obtained, or null' }) approvals: ApprovalDates;
  @ApiProperty({ type: String, nullable: true, enum: [...PROJECT_ORIGINS, null], description: '项目来源：招商引进 / 本地企业扩产 / 技改' }) origin: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '谋划入库日期' }) plannedAt: string | null;
  @ApiProperty({ enum: STAGES }) stage: Stage;
  @ApiProperty() stageLabel: string;
  @ApiProperty({ enum: EVENT_TYPES, isArray: true, description: 'event types the current stage accepts' }) allowedEvents: EventType[];
  @ApiProperty({ type: 'integer', description: 'the row version (ETag); send it back as If-Match or version' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export function recordViewOf(project: ProjectRow): ProjectRecordView {
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    ownerEnterprise: project.ownerEnterprise,
    region: project.regionCode,
    chain: project.chainCode,
    totalInvestment: project.totalInvestmentWan,
    content: project.content,
    plannedStartDate: project.plannedStartDate,
    actualStartDate: project.actualStartDate,
    plannedCompletionDate: project.plannedCompletionDate,
    actualCompletionDate: project.actualCompletionDate,
    progress: project.progress,
    approvals: approvalsOf(project),
    origin: project.origin ?? null,
    plannedAt: project.plannedAt ?? null,
    stage: project.stage,
    stageLabel: STAGE_LABELS[project.stage],
    allowedEvents: acceptedEventsOf(project.stage),
    version: project.version,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}
