import { int } from '../database/index.js';
import {
  type BigProject,
  conditionalOverdueReason,
  expectedWan,
  haltedReason,
  laggingReason,
  milestoneOverdueReason,
  overdueStartReason,
  type Progress,
  rankChange,
  type RankedTotals,
  rankRegions,
  type Rating,
  ratingOf,
  ratioOf,
  type Thresholds,
} from '../rules/index.js';
import type { Rated, RatingOverrideView, RedListItem, RegionRow } from './dashboard.types.js';

/** The board's rows in the shapes the API shows, from the rows its queries return (dashboard.queries.ts). */

export type Row = Record<string, unknown>;

/** One 'group' row of BOARD_SQL: listed projects of one region, chain, list and key flag. */
export interface Group {
  region: string | null;
  chain: string | null;
  implementation: boolean;
  key: boolean;
  projects: number;
  plan: number;
  actual: number;
  expected12: number;
  actualPrev: number;
  expected12Prev: number;
  started: number;
  startedByMonthEnd: number;
  completedByMonthEnd: number;
}

export interface ListedProjectRow {
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  chain: string | null;
  category: 'implementation' | 'preparation';
  stage: string;
  totalInvestment: number | null;
  plan: number;
  actual: number;
  expected: number;
  ratio: number | null;
  /** 蓝黄红: implementation-list projects by their own 序时 ratio; a preparation-list project past its planned start, red. */
  rating: Rating | null;
  /** Why the colour: 序时 progress, 逾期未开工, or 容缺逾期 (rules/red-list.ts). */
  ratingReason: 'progress' | 'overdueStart' | 'conditionalOverdue' | null;
  actualStartDate: string | null;
  plannedStartDate: string | null;
}

/** Region rows with 序时 figures, rank and rank change (rules/ranking.ts). */
export function regionRows(
  reference: Row[],
  current: RankedTotals[],
  previous: RankedTotals[] | null,
  groups: Group[],
  rated: (p: Progress, key: string) => Rated,
): RegionRow[] {
  const currentRanks = rankRegions(current);
  const previousRanks = previous ? rankRegions(previous) : null;
  return reference.map((row, index) => {
    const code = row.code as string;
    const totals = current[index];
    const progress = { actual12: totals.actual * 12, expected12: totals.expected12 };
    const rank = currentRanks.get(code) ?? null;
    return {
      code,
      name: row.name as string,
      kind: row.kind as string,
      projects: totals.projects,
      plan: groups.filter((g) => g.implementation && g.region === code).reduce((sum, g) => sum + g.plan, 0),
      actual: totals.actual,
      expected: expectedWan(progress),
      ratio: ratioOf(progress),
      rank,
      rankChange: rankChange(previousRanks?.get(code), rank),
      ...rated(progress, `region:${code}`),
    };
  });
}

/** The red list's rows in the words the board shows (membership: rules/red-list.ts, decided in BOARD_SQL). */
export function redListOf(rows: Row[], halts: Map<number, { reason: string | null; date: string | null }>, regionRef: Row[]): RedListItem[] {
  const regionNames = new Map(regionRef.map((row) => [row.code as string, row.name as string]));
  const items: RedListItem[] = [];
  for (const row of rows) {
    const base = {
      projectId: int(row.project_id),
      code: row.code as string,
      name: row.name as string,
      region: (row.region_code as string | null) ?? null,
      regionName: regionNames.get(row.region_code as string) ?? null,
    };
    if (int(row.lagging) === 1) {
      const progress = { actual12: int(row.actual) * 12, expected12: int(row.expected12) };
      const expected = expectedWan(progress);
      const ratio = ratioOf(progress);
      items.push({ ...base, kind: 'lagging', reason: laggingReason(int(row.actual), expected, ratio), actual: int(row.actual), expected, ratio });
    }
    if (int(row.overdue) === 1) items.push({ ...base, kind: 'overdueStart', reason: overdueStartReason(row.planned_start_date as string) });
    if (int(row.halted) === 1) {
      const halt = halts.get(base.projectId);
      items.push({ ...base, kind: 'halted', reason: haltedReason(halt?.date ?? null, halt?.reason ?? null) });
    }
    if (int(row.conditional_overdue) === 1) items.push({ ...base, kind: 'conditionalOverdue', reason: conditionalOverdueReason(row.conditional_commitment as string) });
    if (row.milestone_overdue) items.push({ ...base, kind: 'milestone', reason: milestoneOverdueReason(row.milestone_overdue as string) });
  }
  return items;
}

/** A listed project with its own figures and colour (the drill-down from a region or chain). */
export function listedRowOf(row: Row, thresholds: Thresholds): ListedProjectRow {
  const progress = { actual12: int(row.actual) * 12, expected12: int(row.expected12) };
  const category = row.category as 'implementation' | 'preparation';
  const overdue = int(row.overdue) === 1;
  // A passed 容缺受理 commitment makes a started project red whatever its progress (rules/red-list.ts).
  const conditionalOverdue = int(row.conditional_overdue) === 1;
  const rating = conditionalOverdue ? 'red' : category === 'implementation' ? ratingOf(progress, thresholds) : overdue ? 'red' : null;
  return {
    projectId: int(row.project_id),
    code: row.code as string,
    name: row.name as string,
    region: (row.region_code as string | null) ?? null,
    chain: (row.chain_code as string | null) ?? null,
    category,
    stage: row.stage as string,
    totalInvestment: row.total_investment_wan === null ? null : int(row.total_investment_wan),
    plan: int(row.planned),
    actual: int(row.actual),
    expected: expectedWan(progress),
    ratio: ratioOf(progress),
    rating,
    ratingReason: rating === null ? null : conditionalOverdue ? 'conditionalOverdue' : category === 'implementation' ? 'progress' : 'overdueStart',
    actualStartDate: (row.actual_start_date as string | null) ?? null,
    plannedStartDate: (row.planned_start_date as string | null) ?? null,
  };
}

export function bigProjectOf(row: Row): BigProject {
  return {
    projectId: int(row.id),
    code: row.code as string,
    name: row.name as string,
    region: (row.region_code as string | null) ?? null,
    chain: (row.chain_code as string | null) ?? null,
    totalInvestment: int(row.total_investment_wan),
    stage: row.stage as string,
    origin: (row.origin as string | null) ?? null,
    plannedAt: (row.planned_at as string | null) ?? null,
  };
}

export function nullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}

export function overridesByKey(rows: Row[]): Map<string, RatingOverrideView> {
  const map = new Map<string, RatingOverrideView>();
  for (const row of rows)
    map.set(`${row.scope as string}:${row.key as string}`, {
      rating: row.rating as Rating,
      reason: row.reason as string,
      actor: row.actor as string,
      at: row.recorded_at as string,
    });
  return map;
}
