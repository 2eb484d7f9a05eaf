import type { Pollutant, RequestKind } from '../reference/index.js';

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
  /** Null for a problem about an enterprise or a whole chain (no project). */
  projectId: number | null;
  /** What it is about: the project's name, else the enterprise's, else the chain's. */
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

/**
 * One kind's year to date (docs/domain/requests.md "Year to date"), per pollutant for 环境容量.
 * Quantities are decimal strings in the kind's unit (null for kinds counted without one).
 */
export interface FactorTotalsRow {
  kind: RequestKind;
  pollutant: Pollutant | null;
  /** mu | tce | tpa | wan; null for 审批, 水电气, 其他. */
  unit: string | null;
  /** Raised from January to the month. */
  requests: number;
  /** Projects (and enterprises) served: granted something (a kind without a unit: 办结) from January to the month. */
  projects: number;
  /** Asked by the requests raised from January to the month. */
  asked: string | null;
  /** Granted by the requests 办结 from January to the month (their latest grant; returned ones do not count). */
  granted: string | null;
}

/** GET /api/requests/totals/:month and the board's `factorTotals`: 要素 from January to the month. */
export interface FactorTotals {
  month: string;
  /** The day the totals stand on (the month's last day, or today within it). */
  refDate: string;
  kinds: FactorTotalsRow[];
  byDepartment: { code: string; name: string; kinds: FactorTotalsRow[] }[];
  /** 资金, 万元: 授信 granted (the 资金 requests' grants) against 到位 (what reached the enterprises, filed month by month). */
  funding: { credit: number; disbursed: number };
}
