/**
 * 招商 figures of the board (docs/domain/attraction.md "The board's block"): which deals count as
 * signed, landed and funded in year Y through month M as recorded by an instant, and how each
 * figure stands against its target. SQL fragments over `lead_transition` / `lead_fund`; the
 * `:asOf`, `:yearStart`, `:monthEnd`, `:fromMonth` and `:toMonth` parameters are the board's.
 */
import { roundDiv } from '../common/index.js';
import { ATTRACTED_ORIGIN } from './big-projects.js';
import { FUND_REVISIONS, isLatestRevisionSql } from './latest-revision.js';
import { expectedWan, progressAgainstTarget, ratingOf, ratioOf, type Thresholds } from './progress.js';
import type { Rating } from './labels.js';

/** "过亿元": a deal whose contract is at least 1亿元 = 10,000 万元 (黑色金属's 差异化指标). */
export const DEAL_OVER_100M_WAN = 10_000;

/**
 * A SIGN row `t` counts for the period: signed from 1 January to the end of M, recorded by the
 * instant, and its lead not terminated by then (a TERMINATE recorded by the instant and dated by
 * the end of M): a cancelled contract stops counting from its termination.
 */
export function signedInPeriodSql(t = 't'): string {
  return `(${t}.event = 'SIGN' AND ${t}.recorded_at <= :asOf
     AND ${t}.effective_date >= :yearStart AND ${t}.effective_date <= :monthEnd
     AND NOT EXISTS (SELECT 1 FROM lead_transition x
                      WHERE x.lead_id = ${t}.lead_id AND x.event = 'TERMINATE'
                        AND x.recorded_at <= :asOf AND x.effective_date <= :monthEnd))`;
}

/** A LAND row `t` counts for the period: landed from 1 January to the end of M, recorded by the instant. */
export function landedInPeriodSql(t = 't'): string {
  return `(${t}.event = 'LAND' AND ${t}.recorded_at <= :asOf
     AND ${t}.effective_date >= :yearStart AND ${t}.effective_date <= :monthEnd)`;
}

/**
 * A project row `p` counts as attracted in the period (招引, for a chain's 差异化指标 "招引投资过30亿元项目"
 * and the like): attracted from outside (`origin` attracted, 招商引进), entered the library (谋划,
 * `planned_at`) from 1 January to the end of M and by the instant, and not withdrawn by the instant.
 * The size it must reach is the plan row's; the caller compares `total_investment_wan` with it.
 */
export function attractedInPeriodSql(p = 'p'): string {
  return `(${p}.origin = '${ATTRACTED_ORIGIN}' AND ${p}.planned_at >= :yearStart AND ${p}.planned_at <= :monthEnd AND ${p}.created_at <= :asOf
     AND NOT EXISTS (SELECT 1 FROM project_history wh
                      WHERE wh.project_id = ${p}.id AND wh.kind = 'transition' AND wh.to_stage = 'withdrawn' AND wh.recorded_at <= :asOf))`;
}

/** A fund row `f` counts for the period: a month of the year through M, its latest revision recorded by the instant. */
export function fundedInPeriodSql(f = 'f'): string {
  return `(${f}.month >= :fromMonth AND ${f}.month <= :toMonth AND ${f}.recorded_at <= :asOf
     AND ${isLatestRevisionSql(f, { asOf: true, of: FUND_REVISIONS })})`;
}

/** 签约 or 到位 against an annual target through month M (序时 = target × M/12). */
export interface AttractionFigure {
  /** Annual target, 万元. */
  target: number;
  actual: number;
  /** target × M/12, rounded to whole 万元. */
  expected: number;
  ratio: number | null;
  rating: Rating | null;
}

export function attractionFigure(actualWan: number, targetWan: number, month: number, thresholds: Thresholds): AttractionFigure {
  const progress = progressAgainstTarget(actualWan, targetWan, month);
  return { target: targetWan, actual: actualWan, expected: expectedWan(progress), ratio: ratioOf(progress), rating: ratingOf(progress, thresholds) };
}

/** A count against the plan's count target, where there is one (null: the plan names none). */
export interface CountAgainstTarget {
  count: number;
  target: number | null;
}

/**
 * A quarterly count indicator (新增规上企业 …) filed year to date, against its annual target:
 * expected by quarter Q = target × Q/4, rounded half up for display; ratio on exact integers.
 */
export function countByQuarter(actual: number, target: number | null, quarter: number): { expected: number | null; ratio: number | null } {
  if (target === null || target <= 0) return { expected: null, ratio: null };
  return { expected: roundDiv(target * quarter, 4), ratio: Math.round((actual * 4 * 10000) / (target * quarter)) / 10000 };
}

/** A rate indicator (增幅) filed in permille against its target in whole percent: met when at least the target. */
export function rateMet(actualPermille: number | null, targetPct: number | null): boolean | null {
  if (actualPermille === null || targetPct === null) return null;
  return actualPermille >= targetPct * 10;
}
