import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { APPROVAL_KEYS, type ApprovalKey } from '../lifecycle/index.js';
import type { ApprovalDetail, ApprovalDetails } from './approval-details.types.js';
import { ApprovalStatusRow } from './approval-status.entity.js';

export type { ApprovalDetail, ApprovalDetails } from './approval-details.types.js';

/**
 * The status of a project's six approvals (督办, 容缺受理; docs/domain/requests.md "Approvals"):
 * the project's approval date column says "obtained on that date" (status done); otherwise the
 * latest recorded status row says where it stands (未办 when there is none). Plain functions over
 * the caller's manager, shared by the project reads, the lifecycle's facts and the approvals route.
 */
/** Each approval's latest status row recorded by `asOf` (all of them when absent). */
export async function latestApprovalRows(manager: EntityManager, projectId: number, asOf?: string): Promise<Map<ApprovalKey, ApprovalStatusRow>> {
  const rows = await manager.find(ApprovalStatusRow, {
    where: asOf ? { projectId, recordedAt: LessThanOrEqual(asOf) } : { projectId },
    order: { id: 'ASC' },
  });
  return new Map(rows.map((row) => [row.approvalKey, row]));
}

/** One approval's status from its date column and its latest status row. */
export function detailOf(obtained: string | null, latest: ApprovalStatusRow | undefined): ApprovalDetail {
  const department = latest?.departmentCode ?? null;
  if (obtained) return { status: 'done', date: obtained, commitmentDate: null, department };
  if (latest && latest.status !== 'done')
    return { status: latest.status, date: latest.date, commitmentDate: latest.commitmentDate, department };
  return { status: 'pending', date: null, commitmentDate: null, department };
}

/** The six approvals' details, given the project's approval dates as of the same instant. */
export async function approvalDetailsOf(
  manager: EntityManager,
  projectId: number,
  approvals: Record<ApprovalKey, string | null>,
  asOf?: string,
): Promise<ApprovalDetails> {
  const latest = await latestApprovalRows(manager, projectId, asOf);
  return Object.fromEntries(APPROVAL_KEYS.map((key) => [key, detailOf(approvals[key], latest.get(key))])) as ApprovalDetails;
}

/** For START's guard: the commitment date of each approval not obtained but accepted conditionally (容缺受理). */
export async function conditionalCommitments(
  manager: EntityManager,
  projectId: number,
  approvals: Record<ApprovalKey, string | null>,
): Promise<Partial<Record<ApprovalKey, string>>> {
  const details = await approvalDetailsOf(manager, projectId, approvals);
  const out: Partial<Record<ApprovalKey, string>> = {};
  for (const key of APPROVAL_KEYS) {
    const { status, commitmentDate } = details[key];
    if (status === 'conditional' && commitmentDate) out[key] = commitmentDate;
  }
  return out;
}

/**
 * A project edit that set or cleared approval dates (PATCH, the ledger import) keeps the status
 * rows in step: a date set is `done`, a date cleared is `pending`; the department named stays.
 * Called by the edit in its own transaction; the edit's own history and audit entry cover it.
 */
export async function recordApprovalDates(
  manager: EntityManager,
  projectId: number,
  dates: Partial<Record<ApprovalKey, string | null>>,
  actor: string,
  at: string,
): Promise<void> {
  const keys = APPROVAL_KEYS.filter((key) => key in dates);
  if (keys.length === 0) return;
  const latest = await latestApprovalRows(manager, projectId);
  for (const key of keys) {
    const date = dates[key] ?? null;
    await manager.insert(ApprovalStatusRow, {
      projectId,
      approvalKey: key,
      status: date ? 'done' : 'pending',
      date,
      commitmentDate: null,
      departmentCode: latest.get(key)?.departmentCode ?? null,
      actor,
      recordedAt: at,
    });
  }
}
