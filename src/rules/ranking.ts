import { compareRatioDesc, type Progress } from './progress.js';

/**
 * Region ranking (排名) for the 蓝黄红榜: docs/domain/figures.md "Ranking". Regions with
 * implementation-list projects and something expected are ranked by 序时 ratio, highest
 * first; ties go to the larger actual, then to the lower region code so that the order is
 * total. Rank change = last month's rank − this month's (positive = moved up); none in
 * January (the year's first board has no previous month) or when either month is unranked.
 */
export interface RankedTotals {
  code: string;
  /** Implementation-list projects of the region. */
  projects: number;
  /** Reported, 万元. */
  actual: number;
  /** 12 × expected, 万元. */
  expected12: number;
}

export function rankRegions(totals: readonly RankedTotals[]): Map<string, number> {
  const ranked = totals
    .filter((r) => r.projects > 0 && r.expected12 > 0)
    .map((r) => ({ ...r, progress: { actual12: r.actual * 12, expected12: r.expected12 } satisfies Progress }))
    .sort((a, b) => compareRatioDesc(a.progress, b.progress) || b.actual - a.actual || a.code.localeCompare(b.code));
  return new Map(ranked.map((r, index) => [r.code, index + 1]));
}

export function rankChange(previousRank: number | null | undefined, rank: number | null | undefined): number | null {
  if (previousRank === null || previousRank === undefined || rank === null || rank === undefined) return null;
  return previousRank - rank;
}
