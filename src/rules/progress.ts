/**
 * 序时进度 (time-proportional progress) and the 蓝黄红 rating: docs/domain/figures.md
 * "序时进度" and "蓝黄红榜".
 *
 * A figure's progress is the exact fraction `actual12 / expected12`, both multiplied by 12
 * so that "target × M/12" stays an integer; comparisons are made on integers (BigInt), so
 * a ratio of exactly 80% is yellow, never red by rounding.
 */
import { roundDiv } from '../common/index.js';
import type { Rating } from './labels.js';

export interface Thresholds {
  bluePct: number;
  yellowPct: number;
}

export interface Progress {
  /** actual × 12, 万元 */
  actual12: number;
  /** expected × 12, 万元 (an integer even when expected itself is not) */
  expected12: number;
}

/**
 * 12 × the expected amount through month M of an annual target: target × M/12. Used for the
 * city (实施类 165亿 in 2024), for a chain (its appendix target) and for key projects (75亿).
 */
export function expected12OfTarget(targetWan: number, month: number): number {
  return targetWan * month;
}

/** Progress of an actual amount against an annual target through month M. */
export function progressAgainstTarget(actualWan: number, targetWan: number, month: number): Progress {
  return { actual12: actualWan * 12, expected12: expected12OfTarget(targetWan, month) };
}

const monthColumns = (month: number) =>
  Array.from({ length: month }, (_, i) => `l.plan_m${String(i + 1).padStart(2, '0')}`).join(' + ');

/**
 * 12 × a listed project's expected amount through month M, as SQL over a list entry `l`:
 * the sum of its monthly plan curve (倒排工期) for months ≤ M when it has one, else its
 * planned annual investment × M/12. A region's expected is the sum over its projects.
 */
export function projectExpected12Sql(month: number): string {
  if (!Number.isInteger(month) || month < 0 || month > 12) throw new Error(`month out of range: ${month}`);
  if (month === 0) return '0';
  return `CASE WHEN l.plan_m01 IS NULL THEN CAST(l.planned_investment_wan AS BIGINT) * ${month}
              ELSE 12 * (CAST(${monthColumns(month)} AS BIGINT)) END`;
}

/** Expected for display: rounded half up to whole 万元 (ratios are computed on the unrounded value). */
export function expectedWan({ expected12 }: Pick<Progress, 'expected12'>): number {
  return roundDiv(expected12, 12);
}

/** Blue when actual ÷ expected ≥ blue%, yellow when ≥ yellow%, red below; null when nothing was expected. */
export function ratingOf({ actual12, expected12 }: Progress, { bluePct, yellowPct }: Thresholds): Rating | null {
  if (expected12 <= 0) return null;
  const scaled = BigInt(actual12) * 100n;
  if (scaled >= BigInt(bluePct) * BigInt(expected12)) return 'blue';
  if (scaled >= BigInt(yellowPct) * BigInt(expected12)) return 'yellow';
  return 'red';
}

/** actual ÷ expected to 4 decimals, for display; null when nothing was expected. */
export function ratioOf({ actual12, expected12 }: Progress): number | null {
  if (expected12 <= 0) return null;
  return Math.round((actual12 * 10000) / expected12) / 10000;
}

/** Compares two progresses by exact ratio: negative when a is ahead of b. */
export function compareRatioDesc(a: Progress, b: Progress): number {
  const left = BigInt(a.actual12) * BigInt(b.expected12);
  const right = BigInt(b.actual12) * BigInt(a.expected12);
  return left > right ? -1 : left < right ? 1 : 0;
}
