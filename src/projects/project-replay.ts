import { acceptedEventsOf, type ApprovalKey, type Stage, STAGE_LABELS } from '../lifecycle/index.js';
import type { ProjectHistory } from '../audit/index.js';
import type { ProjectView } from './project.view.js';
import type { ListMembershipView } from '../plans/index.js';

/** Entity column names (as edits record them) → the view's field, or an approval key. */
const COLUMN_TO_FIELD: Record<string, keyof ProjectView | `approvals.${ApprovalKey}`> = {
  name: 'name',
  ownerEnterprise: 'ownerEnterprise',
  regionCode: 'region',
  chainCode: 'chain',
  totalInvestmentWan: 'totalInvestment',
  content: 'content',
  origin: 'origin',
  plannedAt: 'plannedAt',
  progress: 'progress',
  plannedStartDate: 'plannedStartDate',
  plannedCompletionDate: 'plannedCompletionDate',
  actualStartDate: 'actualStartDate',
  actualCompletionDate: 'actualCompletionDate',
  approvalFiling: 'approvals.filing',
  approvalLand: 'approvals.land',
  approvalPlanning: 'approvals.planning',
  approvalEnvironment: 'approvals.environment',
  approvalEnergy: 'approvals.energy',
  approvalConstruction: 'approvals.construction',
};

function set(view: ProjectView, column: string, value: unknown): void {
  const field = COLUMN_TO_FIELD[column];
  if (!field) return;
  if (field.startsWith('approvals.')) view.approvals[field.slice('approvals.'.length) as ApprovalKey] = (value as string | null) ?? null;
  else (view as unknown as Record<string, unknown>)[field] = value;
}

/**
 * A project as it was recorded at an instant, rebuilt from its history (the creation
 * snapshot, then every edit's before/after and every transition's stage and dates, in
 * order): what the API answered then, for auditors (`asOf` on project reads).
 * Null when the project did not exist yet.
 */
export function replayProject(rows: ProjectHistory[], lists: ListMembershipView[]): ProjectView | null {
  const created = rows.find((row) => row.kind === 'created');
  if (!created) return null;
  const view = JSON.parse(created.data) as ProjectView;
  view.approvals = { ...view.approvals };
  // Projects created before 形象进度, the origin and the 谋划 date were kept have no such fields in
  // their creation snapshot: the answer still carries each (null), as the document declares.
  view.progress ??= null;
  view.origin ??= null;
  view.plannedAt ??= null;
  for (const row of rows) {
    if (row.id <= created.id) continue;
    const data = JSON.parse(row.data) as Record<string, unknown>;
    if (row.kind === 'updated') {
      // An edit bumps the version; a note without field changes (e.g. an import's file record) does not.
      let changed = false;
      for (const [column, change] of Object.entries(data))
        if (change && typeof change === 'object' && 'to' in change) {
          set(view, column, (change as { to: unknown }).to);
          changed = true;
        }
      if (!changed) continue;
    } else if (row.kind === 'transition') {
      view.stage = row.toStage as Stage;
      for (const column of ['actualStartDate', 'actualCompletionDate', 'plannedStartDate'])
        if (column in data && data[column] !== undefined) set(view, column, data[column]);
    } else continue;
    view.version += 1;
    view.updatedAt = row.recordedAt;
  }
  view.stageLabel = STAGE_LABELS[view.stage];
  view.allowedEvents = acceptedEventsOf(view.stage);
  view.lists = lists;
  return view;
}
