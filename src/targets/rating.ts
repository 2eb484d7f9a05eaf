import type { Rating } from './dashboard.types.js';

/**
 * 蓝黄红榜 (DOMAIN.md "Units and figures"): blue when actual ÷ expected ≥ blue%, yellow
 * when ≥ yellow%, red below. A figure's progress is the exact fraction
 * `actual12 / expected12` (both ×12 so monthly shares stay integers); comparisons are
 * made on integers, so a ratio of exactly 80% is yellow, never red by rounding.
 */
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
