import type { RequestKind } from '../reference/index.js';

/**
 * The war room's 要素保障 block (`factorGuarantee` of GET /api/dashboard/:year; docs/domain/requests.md
 * "On the board"): requests as they stood at the board's reference date, among what was recorded
 * by its instant. Plain types, read by the pages' type check too.
 */
export interface FactorCounts {
  /** Waiting on a department or the 常务会 (raised, accepted, escalated). */
  open: number;
  /** Open and past the date they wait on. */
  overdue: number;
}

export interface FactorLongestOverdue {
  requestId: number;
  projectId: number;
  projectName: string;
  region: string | null;
  kind: RequestKind;
  department: string;
  departmentName: string;
  /** The date it waits on (acceptance deadline or promised date). */
  due: string;
  daysOverdue: number;
  /** The project's 包联领导 and 专员 by name (added by the board; docs/domain/responsibility.md). */
  responsible?: { cityLeader?: string; countyLeader?: string; commissioner?: string };
}

export interface FactorGuaranteeBlock extends FactorCounts {
  /** The date overdue is judged on (the board's reference date). */
  refDate: string;
  /** Resolved, waiting for the county's evaluation. */
  awaitingEvaluation: number;
  /** Taken to the 市政府常务会 and not yet handled since. */
  escalated: number;
  byKind: (FactorCounts & { kind: RequestKind })[];
  byDepartment: (FactorCounts & { code: string; name: string })[];
  /** The five longest overdue, oldest due date first. */
  longestOverdue: FactorLongestOverdue[];
}
