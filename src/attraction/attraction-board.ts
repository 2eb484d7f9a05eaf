/**
 * The board's 招商 block (docs/domain/attraction.md "The board's block"): ONE statement with one
 * row per chain (its plan row's targets, what was signed, landed and funded in the period, its
 * latest indicator filing and 差异化指标 note, all as recorded by the board's instant), and the
 * plain function that turns those rows into the block. No service here: the dashboard calls it.
 */
import { int } from '../database/index.js';
import { attractedInPeriodSql, attractionFigure, attractionWarnings, DEAL_OVER_100M_WAN, fundedInPeriodSql, INDICATOR_REVISIONS, isLatestRevisionSql, landedInPeriodSql, NOTE_REVISIONS, signedInPeriodSql, type Thresholds, type Warning } from '../rules/index.js';
import type { AttractionBlock, ChainNoteView, IndicatorFiling } from './attraction.types.js';
import type { NoteStatus } from './lead-states.js';

type Row = Record<string, unknown>;

/** The columns of a chain_indicator row `i`, as the API names them (rates are stored in permille). */
export const INDICATOR_COLUMNS = `${['revenue_growth_permille', 'value_added_growth_permille', 'new_above_scale', 'new_quality', 'new_high_tech', 'new_innovation_platforms', 'loan_growth_permille'].map((c) => `i.${c}`).join(', ')}`;

/** The quarter month M falls in. */
export const quarterOf = (month: number): number => Math.ceil(month / 3);

/** Parameters: the board's (`:year`, `:asOf`, `:yearStart`, `:monthEnd`, `:fromMonth`, `:toMonth`) and `:quarter`. */
export const ATTRACTION_SQL = `
WITH signed AS (
  SELECT l.chain_code, SUM(t.amount_wan) AS amount, COUNT(*) AS deals,
         SUM(CASE WHEN t.amount_wan >= ${DEAL_OVER_100M_WAN} THEN 1 ELSE 0 END) AS over_100m
    FROM lead_transition t JOIN lead l ON l.id = t.lead_id
   WHERE ${signedInPeriodSql('t')}
   GROUP BY l.chain_code
),
landed AS (
  SELECT l.chain_code, COUNT(*) AS deals
    FROM lead_transition t JOIN lead l ON l.id = t.lead_id
   WHERE ${landedInPeriodSql('t')}
   GROUP BY l.chain_code
),
funded AS (
  SELECT l.chain_code, SUM(f.amount_wan) AS amount
    FROM lead_fund f JOIN lead l ON l.id = f.lead_id
   WHERE ${fundedInPeriodSql('f')}
   GROUP BY l.chain_code
),
attracted AS (
  SELECT p.chain_code, COUNT(*) AS projects
    FROM project p JOIN chain_target ct ON ct.chain_code = p.chain_code AND ct.year = :year
   WHERE ct.attracted_over_threshold_wan IS NOT NULL AND p.total_investment_wan >= ct.attracted_over_threshold_wan
     AND ${attractedInPeriodSql('p')}
   GROUP BY p.chain_code
),
ind AS (
  SELECT i.chain_code, i.quarter, i.revision, ${INDICATOR_COLUMNS}, i.note, i.actor, i.recorded_at
    FROM chain_indicator i
   WHERE i.year = :year AND i.quarter <= :quarter AND i.recorded_at <= :asOf
     AND ${isLatestRevisionSql('i', { asOf: true, of: INDICATOR_REVISIONS })}
     AND NOT EXISTS (SELECT 1 FROM chain_indicator q
                      WHERE q.chain_code = i.chain_code AND q.year = i.year AND q.quarter > i.quarter
                        AND q.quarter <= :quarter AND q.recorded_at <= :asOf)
),
note AS (
  SELECT n.chain_code, n.status, n.note, n.revision, n.actor, n.recorded_at
    FROM chain_note n
   WHERE n.year = :year AND n.recorded_at <= :asOf AND ${isLatestRevisionSql('n', { asOf: true, of: NOTE_REVISIONS })}
)
SELECT c.code, c.no, c.name, c.flagship,
       COALESCE(t.signed_wan, 0) AS target_signed, COALESCE(t.funded_wan, 0) AS target_funded,
       t.signed_over_100m_target, t.landed_target, t.attracted_over_target, t.attracted_over_threshold_wan, t.differentiated,
       t.revenue_growth_pct AS target_revenue_growth_pct, t.value_added_growth_pct AS target_value_added_growth_pct,
       t.new_above_scale AS target_new_above_scale, t.new_quality AS target_new_quality, t.new_high_tech AS target_new_high_tech,
       t.new_innovation_platforms AS target_new_innovation_platforms, t.loan_growth_pct AS target_loan_growth_pct,
       COALESCE(s.amount, 0) AS signed, COALESCE(s.deals, 0) AS signed_deals, COALESCE(s.over_100m, 0) AS signed_over_100m,
       COALESCE(d.deals, 0) AS landed, COALESCE(a.projects, 0) AS attracted_over, COALESCE(f.amount, 0) AS funded,
       ind.quarter AS ind_quarter, ind.revision AS ind_revision,
       ind.revenue_growth_permille, ind.value_added_growth_permille, ind.new_above_scale, ind.new_quality,
       ind.new_high_tech, ind.new_innovation_platforms, ind.loan_growth_permille,
       ind.note AS ind_note, ind.actor AS ind_actor, ind.recorded_at AS ind_recorded_at,
       note.status AS note_status, note.note AS note_note, note.revision AS note_revision,
       note.actor AS note_actor, note.recorded_at AS note_recorded_at
  FROM chain c
  LEFT JOIN chain_target t ON t.chain_code = c.code AND t.year = :year
  LEFT JOIN signed s ON s.chain_code = c.code
  LEFT JOIN landed d ON d.chain_code = c.code
  LEFT JOIN attracted a ON a.chain_code = c.code
  LEFT JOIN funded f ON f.chain_code = c.code
  LEFT JOIN ind ON ind.chain_code = c.code
  LEFT JOIN note ON note.chain_code = c.code
 ORDER BY c.no`;

export function nullableInt(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}

/** A permille figure as the API's percent with one decimal (63 → 6.3). */
export function percentOf(permille: number | null): number | null {
  return permille === null ? null : permille / 10;
}

/** A chain_indicator row (columns as in INDICATOR_COLUMNS, with `prefix` on the bookkeeping ones) as a filing. */
export function filingOf(row: Row, year: number, prefix = ''): IndicatorFiling {
  return {
    year,
    quarter: int(row[`${prefix}quarter`]),
    revision: int(row[`${prefix}revision`]),
    revenueGrowthPct: percentOf(nullableInt(row.revenue_growth_permille)),
    valueAddedGrowthPct: percentOf(nullableInt(row.value_added_growth_permille)),
    newAboveScale: nullableInt(row.new_above_scale),
    newQuality: nullableInt(row.new_quality),
    newHighTech: nullableInt(row.new_high_tech),
    newInnovationPlatforms: nullableInt(row.new_innovation_platforms),
    loanGrowthPct: percentOf(nullableInt(row.loan_growth_permille)),
    note: (row[`${prefix}note`] as string | null) ?? null,
    actor: row[`${prefix}actor`] as string,
    recordedAt: row[`${prefix}recorded_at`] as string,
  };
}

export function noteOf(row: Row, year: number, prefix = ''): ChainNoteView {
  return {
    year,
    status: row[`${prefix}status`] as NoteStatus,
    note: (row[`${prefix}note`] as string | null) ?? null,
    revision: int(row[`${prefix}revision`]),
    actor: row[`${prefix}actor`] as string,
    recordedAt: row[`${prefix}recorded_at`] as string,
  };
}

/** The block from ATTRACTION_SQL's rows and the city's targets, and the plan's warnings about them. */
export function attractionBlock(
  rows: Row[],
  city: { signedWan: number; fundedWan: number },
  year: number,
  month: number,
  thresholds: Thresholds,
): { block: AttractionBlock; warnings: Warning[] } {
  const chains = rows.map((row) => ({
    code: row.code as string,
    no: int(row.no),
    name: row.name as string,
    flagship: Boolean(row.flagship),
    signed: attractionFigure(int(row.signed), int(row.target_signed), month, thresholds),
    funded: attractionFigure(int(row.funded), int(row.target_funded), month, thresholds),
    signedCount: int(row.signed_deals),
    signedOver100m: { count: int(row.signed_over_100m), target: nullableInt(row.signed_over_100m_target) },
    landed: { count: int(row.landed), target: nullableInt(row.landed_target) },
    attractedOver: { count: int(row.attracted_over), target: nullableInt(row.attracted_over_target), thresholdWan: nullableInt(row.attracted_over_threshold_wan) },
    indicatorTargets: {
      revenueGrowthPct: nullableInt(row.target_revenue_growth_pct),
      valueAddedGrowthPct: nullableInt(row.target_value_added_growth_pct),
      newAboveScale: nullableInt(row.target_new_above_scale),
      newQuality: nullableInt(row.target_new_quality),
      newHighTech: nullableInt(row.target_new_high_tech),
      newInnovationPlatforms: nullableInt(row.target_new_innovation_platforms),
      loanGrowthPct: nullableInt(row.target_loan_growth_pct),
    },
    indicators: row.ind_quarter === null || row.ind_quarter === undefined ? null : filingOf(row, year, 'ind_'),
    differentiated: {
      text: (row.differentiated as string | null) ?? null,
      note: row.note_status === null || row.note_status === undefined ? null : noteOf(row, year, 'note_'),
    },
  }));
  const sum = (pick: (c: (typeof chains)[number]) => number) => chains.reduce((total, c) => total + pick(c), 0);
  const block: AttractionBlock = {
    signed: attractionFigure(sum((c) => c.signed.actual), city.signedWan, month, thresholds),
    funded: attractionFigure(sum((c) => c.funded.actual), city.fundedWan, month, thresholds),
    signedCount: sum((c) => c.signedCount),
    landedCount: sum((c) => c.landed.count),
    chains,
  };
  const warnings = attractionWarnings({
    citySignedWan: city.signedWan,
    cityFundedWan: city.fundedWan,
    chainSignedWan: sum((c) => c.signed.target),
    chainFundedWan: sum((c) => c.funded.target),
    chains: chains.length,
  });
  return { block, warnings };
}
