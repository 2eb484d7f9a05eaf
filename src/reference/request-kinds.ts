/**
 * The codes of 要素保障 (docs/domain/requests.md): what a project may ask for, the units a need
 * is counted in, the steps a request goes through, and an approval's status. Plain data, no
 * imports: src/common/labels.ts names each code for the pages and the server's messages.
 */

/** 用地, 能耗, 环境容量, 资金, 审批, 水电气, 其他. */
export const REQUEST_KINDS = ['land', 'energy', 'environment', 'funding', 'approval', 'utilities', 'other'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** The kinds counted in a unit; the others carry no quantity (docs/domain/requests.md "Kinds and units"). */
export const QUANTITY_KINDS = ['land', 'energy', 'environment', 'funding'] as const;
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

/**
 * Each counted kind's unit and decimal places. A quantity is stored as an integer count of the
 * smallest step (亩 × 100, 吨/年 × 1000), so sums and comparisons are exact.
 */
export const KIND_UNITS: Record<QuantityKind, { unit: string; scale: 0 | 2 | 3 }> = {
  land: { unit: 'mu', scale: 2 },
  energy: { unit: 'tce', scale: 0 },
  environment: { unit: 'tpa', scale: 3 },
  funding: { unit: 'wan', scale: 0 },
};

/** 环境容量 is asked per pollutant (污染物排放总量指标). */
export const POLLUTANTS = ['cod', 'ammonia', 'so2', 'nox', 'vocs', 'particulates'] as const;
export type Pollutant = (typeof POLLUTANTS)[number];

export const REQUEST_STATUSES = ['raised', 'accepted', 'resolved', 'closed', 'returned', 'escalated'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the request waits on a department (or the 常务会): what "open" counts. */
export const OPEN_STATUSES: readonly RequestStatus[] = ['raised', 'accepted', 'escalated'];

/** The events a request takes after it is raised (RAISE is its creation). */
export const REQUEST_EVENT_TYPES = ['ACCEPT', 'RESOLVE', 'RETURN', 'EVALUATE', 'ESCALATE'] as const;
export type RequestEventType = (typeof REQUEST_EVENT_TYPES)[number];

/** The month's three problem lists (“简单”“高频”“复杂”), chosen when a department accepts. */
export const REQUEST_CATEGORIES = ['simple', 'frequent', 'complex'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

/** The county's evaluation (满意 / 基本满意 / 不满意). */
export const EVALUATION_RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/** An approval's status (未办 / 办理中 / 容缺受理 / 已办). */
export const APPROVAL_STATUSES = ['pending', 'in_progress', 'conditional', 'done'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}

export function isQuantityKind(kind: RequestKind): kind is QuantityKind {
  return (QUANTITY_KINDS as readonly string[]).includes(kind);
}
