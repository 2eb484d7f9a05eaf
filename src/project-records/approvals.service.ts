import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { auditSubject, ChangeRecorder } from '../audit/index.js';
import { Clock, type ErrorDetail, unprocessable } from '../common/index.js';
import { checkReadVersion, int, sql, updateVersioned, WriteQueue } from '../database/index.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, type ApprovalKey, stageInvariantFailures } from '../lifecycle/index.js';
import { Project } from './project.entity.js';
import { ProjectRecordsService } from './project-records.service.js';
import { detailOf, latestApprovalRows, type ApprovalDetail } from './approval-details.js';
import { ApprovalStatusRow } from './approval-status.entity.js';
import { DepartmentsService } from '../reference/index.js';
import type { PutApprovalDto } from './dto/approval.dto.js';
import { ALL, type Scope } from '../access/index.js';
import { APPROVAL_COLUMNS, approvalsOf } from './project-view.js';

/**
 * 督办 and 容缺受理 of a project's six approvals (docs/domain/requests.md "Approvals"). A PUT sets
 * an approval's whole status; `done` also sets the project's approval date (done ⇔ dated), so
 * START and everything else keep reading the date. One queued transaction: the project row
 * (date and version, guarded by the version read), a status row, one history row and one audit
 * entry (project / approval).
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly writes: WriteQueue,
    private readonly clock: Clock,
    private readonly changes: ChangeRecorder,
    private readonly records: ProjectRecordsService,
    private readonly departments: DepartmentsService,
  ) {}

  put(projectId: number, key: ApprovalKey, dto: PutApprovalDto, ifMatch: number | undefined, actor: string, scope: Scope = ALL): Promise<void> {
    return this.writes.run(async (manager) => {
      const project = await this.records.findVisible(manager, projectId, scope);
      checkReadVersion(ifMatch, project.version);
      const today = this.clock.today();
      const next: ApprovalDetail = { status: dto.status, date: dto.date ?? null, commitmentDate: dto.commitmentDate ?? null, department: dto.department ?? null };
      const failures = detailFailures(key, next, today);
      if (next.department !== null && !(await this.departments.exists(manager, next.department)))
        failures.push({ field: 'department', code: 'unknownDepartment', message: `未知的部门：${next.department}` });
      // A started project keeps each approval obtained or accepted conditionally (lifecycle.guards.ts stageInvariantFailures).
      if (failures.length === 0) {
        const edited = Object.assign(manager.create(Project, { ...project }), { [APPROVAL_COLUMNS[key]]: next.status === 'done' ? next.date : null });
        const facts = await this.records.recordFacts(manager, edited);
        if (next.status === 'conditional') facts.conditional[key] = next.commitmentDate!;
        else delete facts.conditional[key];
        failures.push(...stageInvariantFailures(project.stage, facts).filter((f) => f.field === `approvals.${key}`));
      }
      if (failures.length) throw unprocessable(`${APPROVAL_LABELS[key]}：${failures.map((f) => f.message).join('；')}`, failures);
      await this.setIn(manager, project, key, next, actor, this.clock.nowIso());
    });
  }

  /**
   * Records an approval's new status in the caller's transaction (no change, nothing written):
   * the project's date column and version, a status row, the history row and the audit entry.
   * Also used when a department resolves an approval request with the date it was obtained.
   */
  async setIn(manager: EntityManager, project: Project, key: ApprovalKey, next: ApprovalDetail, actor: string, at: string): Promise<boolean> {
    const column = APPROVAL_COLUMNS[key];
    const latest = (await latestApprovalRows(manager, project.id)).get(key);
    const before = detailOf(approvalsOf(project)[key], latest);
    if (sameDetail(before, next)) return false;
    const date = next.status === 'done' ? next.date : null;
    await updateVersioned(manager, Project, project, { [column]: date, updatedAt: at });
    await manager.insert(ApprovalStatusRow, {
      projectId: project.id,
      approvalKey: key,
      status: next.status,
      date: next.date,
      commitmentDate: next.commitmentDate,
      departmentCode: next.department,
      actor,
      recordedAt: at,
    });
    const previousDate = approvalsOf(project)[key];
    const data: Record<string, { from: unknown; to: unknown }> = { [`approvalStatus.${key}`]: { from: before, to: next } };
    if (previousDate !== date) data[column] = { from: previousDate, to: date };
    await this.changes.record(manager, {
      actor,
      subject: auditSubject.project(project.id),
      action: 'approval',
      before: { approval: key, ...before },
      after: { approval: key, ...next },
      at,
      history: { projectId: project.id, kind: 'updated', fromStage: project.stage, toStage: project.stage, data },
    });
    return true;
  }

  /**
   * Every 容缺受理 still open (docs/domain/requests.md "容缺受理"): an approval whose latest status
   * row is conditional and whose date is not set, on a project not withdrawn; for the notices.
   */
  async openCommitments(manager: EntityManager): Promise<OpenCommitment[]> {
    const columns = manager.connection.getMetadata(Project);
    const column = (key: ApprovalKey) => columns.findColumnWithPropertyName(APPROVAL_COLUMNS[key])!.databaseName;
    const notObtained = APPROVAL_KEYS.map((key) => `(a.approval_key = '${key}' AND p.${column(key)} IS NULL)`).join(' OR ');
    const rows = await sql<Record<string, unknown>>(
      manager,
      `SELECT a.project_id, a.approval_key, a.commitment_date, a.department_code, p.name, p.region_code, p.chain_code
         FROM approval_status a JOIN project p ON p.id = a.project_id
        WHERE a.status = 'conditional' AND a.commitment_date IS NOT NULL AND p.stage <> 'withdrawn' AND (${notObtained})
          AND NOT EXISTS (SELECT 1 FROM approval_status b WHERE b.project_id = a.project_id AND b.approval_key = a.approval_key AND b.id > a.id)
        ORDER BY a.project_id, a.approval_key`,
      {},
    );
    return rows.map((row) => ({
      projectId: int(row.project_id),
      projectName: row.name as string,
      region: (row.region_code as string | null) ?? null,
      chain: (row.chain_code as string | null) ?? null,
      approval: row.approval_key as ApprovalKey,
      commitmentDate: row.commitment_date as string,
      department: (row.department_code as string | null) ?? null,
    }));
  }
}

/** A 容缺受理 not yet made good: its project, approval, commitment date and the approving department. */
export interface OpenCommitment {
  projectId: number;
  projectName: string;
  region: string | null;
  chain: string | null;
  approval: ApprovalKey;
  commitmentDate: string;
  department: string | null;
}


/** What a status needs: done a date (not after today); 容缺受理 a commitment date not passed; no commitment otherwise. */
export function detailFailures(key: ApprovalKey, next: ApprovalDetail, today: string): ErrorDetail[] {
  const failures: ErrorDetail[] = [];
  const label = APPROVAL_LABELS[key];
  if (next.status === 'done' && next.date === null) failures.push({ field: 'date', code: 'dateRequired', message: `${label}已办需填写办结日期` });
  if (next.status === 'pending' && next.date !== null) failures.push({ field: 'date', code: 'dateNotApplicable', message: '未办的手续没有日期' });
  if (next.date !== null && next.date > today) failures.push({ field: 'date', code: 'dateInFuture', message: `日期 ${next.date} 不能晚于今天（${today}）` });
  if (next.status === 'conditional') {
    if (next.commitmentDate === null) failures.push({ field: 'commitmentDate', code: 'commitmentDateRequired', message: '容缺受理需填写承诺补齐手续的日期' });
    else if (next.commitmentDate < today)
      failures.push({ field: 'commitmentDate', code: 'commitmentDatePassed', message: `承诺日期 ${next.commitmentDate} 已过（今天 ${today}）` });
    else if (next.date !== null && next.commitmentDate < next.date)
      failures.push({ field: 'commitmentDate', code: 'commitmentBeforeAcceptance', message: '承诺日期不能早于受理日期' });
  } else if (next.commitmentDate !== null)
    failures.push({ field: 'commitmentDate', code: 'commitmentNotApplicable', message: '只有容缺受理填写承诺日期' });
  return failures;
}

function sameDetail(a: ApprovalDetail, b: ApprovalDetail): boolean {
  return a.status === b.status && a.date === b.date && a.commitmentDate === b.commitmentDate && a.department === b.department;
}
