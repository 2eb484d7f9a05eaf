/**
 * The codes of 要素保障 (docs/domain/requests.md): what a project may ask for and the units a
 * need is counted in. Reference data like the departments that handle each kind. Plain data,
 * no imports: src/reference/labels.ts names each code for the pages and the server's messages.
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

export function isRequestKind(value: unknown): value is RequestKind {
  return typeof value === 'string' && (REQUEST_KINDS as readonly string[]).includes(value);
}

export function isQuantityKind(kind: RequestKind): kind is QuantityKind {
  return (QUANTITY_KINDS as readonly string[]).includes(kind);
}
