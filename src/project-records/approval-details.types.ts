import type { ApprovalKey, ApprovalStatus } from '../lifecycle/index.js';

/** Where one approval stands (督办, 容缺受理). */
export interface ApprovalDetail {
  status: ApprovalStatus;
  /** done: the date obtained; in_progress / conditional: the date accepted (受理), if known. */
  date: string | null;
  /** conditional: the date the missing papers are promised by. */
  commitmentDate: string | null;
  /** The department handling it, if named. */
  department: string | null;
}

export type ApprovalDetails = Record<ApprovalKey, ApprovalDetail>;
