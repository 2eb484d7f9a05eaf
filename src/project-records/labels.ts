/**
 * The words of a project's record: the stored columns its change history names, and each approval's status.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import { FIELD_LABELS } from '../common/labels.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, type ApprovalKey, type ApprovalStatus } from '../lifecycle/labels.js';

/** The stored column of an approval (filing → approvalFiling), as a project's change history names it. */
const approvalColumn = (key: ApprovalKey): string => `approval${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/**
 * A change history entry names the stored columns it changed (regionCode, totalInvestmentWan,
 * approvalFiling …): the same words as the fields they hold.
 */
export const HISTORY_FIELD_LABELS: Record<string, string> = {
  code: FIELD_LABELS.code,
  name: FIELD_LABELS.name,
  ownerEnterprise: FIELD_LABELS.ownerEnterprise,
  regionCode: FIELD_LABELS.region,
  chainCode: FIELD_LABELS.chain,
  totalInvestmentWan: FIELD_LABELS.totalInvestment,
  content: FIELD_LABELS.content,
  plannedStartDate: FIELD_LABELS.plannedStartDate,
  actualStartDate: FIELD_LABELS.actualStartDate,
  plannedCompletionDate: FIELD_LABELS.plannedCompletionDate,
  actualCompletionDate: FIELD_LABELS.actualCompletionDate,
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [approvalColumn(key), APPROVAL_LABELS[key]])),
  // An approval's status change (PUT …/approvals/:key) is recorded under `approvalStatus.<key>`.
  ...Object.fromEntries(APPROVAL_KEYS.map((key) => [`approvalStatus.${key}`, `${APPROVAL_LABELS[key]}（办理状态）`])),
  // The milestones (PUT …/milestones, or actual dates from the month form) are recorded as one change.
  milestones: '节点计划',
};

/** An approval's status (督办). */
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  pending: '未办',
  in_progress: '办理中',
  conditional: '容缺受理',
  done: '已办',
};
