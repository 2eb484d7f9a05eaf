import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ALL, type Scope, scopeSql } from '../access/index.js';
import { notFound } from '../common/index.js';
import { sql } from '../database/index.js';
import { PlansService } from '../plans/index.js';
import { countByQuarter, INDICATOR_REVISIONS, isLatestRevisionSql, rateMet } from '../rules/index.js';
import { DashboardService } from './dashboard.service.js';
import type { ChainPageView } from './dashboard.types.js';
import { ChainActivitiesService, ChainResponsibilityService } from '../people/index.js';
import { filingOf, fundedSql, INDICATOR_COLUMNS, INDICATOR_KEYS, type IndicatorFiling, type IndicatorRow, type IndicatorValues, noteOf, quarterOf, RATE_INDICATORS, summaryOf } from '../attraction/index.js';

/**
 * A chain's page (docs/domain/attraction.md "The chain page"): the appendix's whole row for the
 * chain, each target beside what the app knows — the board's figures for the chain (its cached
 * computation, so the page and the board agree), each quarter's indicator filing, the
 * 差异化指标 note and its history, and the chain's leads, all as recorded by the instant.
 *
 * The figures are city-wide, like the board; the leads listed are only those the caller may open
 * (`GET /api/leads/:id`), through the scope policy: the city office and auditors every lead of the
 * chain, the chain's own team too, another chain's team none, a county its county's
 * (docs/domain/attraction.md "The chain page").
 */
@Injectable()
export class ChainPageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dashboard: DashboardService,
    private readonly plans: PlansService,
    private readonly fiveOnes: ChainResponsibilityService,
    private readonly activities: ChainActivitiesService,
  ) {}

  async page(code: string, year: number, month: number, asOf?: string, scope: Scope = ALL): Promise<ChainPageView> {
    const plan = await this.plans.plan(year);
    const row = plan.chains.find((chain) => chain.code === code);
    if (!row) throw notFound(`产业链 ${code} 不存在`);
    const board = await this.dashboard.board(year, month, asOf);
    const instant = board.asOf;
    const quarter = quarterOf(month);
    const params = { chain: code, year, asOf: instant };
    const leadsInScope = scopeSql(scope, { region: 'l.region_code', chain: 'l.chain_code' });
    const [filingRows, noteRows, leadRows, responsibility, activities] = await Promise.all([
      sql(
        this.dataSource,
        `SELECT i.quarter, i.revision, ${INDICATOR_COLUMNS}, i.note, i.actor, i.recorded_at FROM chain_indicator i
          WHERE i.chain_code = :chain AND i.year = :year AND i.recorded_at <= :asOf
            AND ${isLatestRevisionSql('i', { asOf: true, of: INDICATOR_REVISIONS })}
          ORDER BY i.quarter`,
        params,
      ),
      sql(this.dataSource, `SELECT n.* FROM chain_note n WHERE n.chain_code = :chain AND n.year = :year AND n.recorded_at <= :asOf ORDER BY n.revision`, params),
      sql(this.dataSource, leadsAsOfSql(leadsInScope.sql), { ...params, ...leadsInScope.params }),
      this.fiveOnes.get(code, year, instant),
      this.activities.list(code, year),
    ]);
    const chainRow = board.chains.find((chain) => chain.code === code)!;
    const attraction = board.attraction.chains.find((chain) => chain.code === code)!;
    const filings = filingRows.map((r) => filingOf(r, year));
    const history = noteRows.map((r) => noteOf(r, year));
    return {
      year,
      month: board.month,
      quarter,
      asOf: instant,
      chain: { code: row.code, no: row.no, name: row.name, flagship: row.flagship, leadUnit: row.leadUnit },
      projects: { target: chainRow.targetProjects, listed: chainRow.listedProjects },
      investment: { target: chainRow.targetInvestment, actual: chainRow.actual, expected: chainRow.expected, ratio: chainRow.ratio, rating: chainRow.rating },
      attraction,
      indicators: indicatorRows(attraction.indicatorTargets, filings.filter((f) => f.quarter <= quarter)),
      filings,
      differentiated: {
        text: row.differentiated,
        signedOver100m: attraction.signedOver100m,
        landed: attraction.landed,
        attractedOver: attraction.attractedOver,
        note: history.at(-1) ?? null,
        history,
      },
      leads: leadRows.map(summaryOf),
      // The "5个1" and the 链长's activities of the year, as recorded by the instant (docs/domain/responsibility.md).
      responsibility,
      activities: activities.filter((activity) => activity.recordedAt <= instant),
    };
  }
}

/** Each indicator: its target, the latest filed figure up to the quarter (of the filings given), and how it stands. */
function indicatorRows(targets: IndicatorValues, filings: IndicatorFiling[]): IndicatorRow[] {
  return INDICATOR_KEYS.map((key) => {
    const filed = [...filings].reverse().find((f) => f[key] !== null) ?? null;
    const actual = filed ? filed[key] : null;
    const target = targets[key];
    const rate = RATE_INDICATORS.includes(key);
    const progress = !rate && actual !== null && filed ? countByQuarter(actual, target, filed.quarter) : { expected: null, ratio: null };
    return {
      key,
      target,
      actual,
      quarter: filed?.quarter ?? null,
      ...progress,
      met: rate ? rateMet(actual === null ? null : Math.round(actual * 10), target) : null,
    };
  });
}

/** The chain's leads in the caller's scope as recorded by `:asOf`: recorded by then, each with its status, contract and funds as they stood. */
function leadsAsOfSql(inScope: string): string {
  const last = (column: string, event?: string) =>
    `(SELECT t.${column} FROM lead_transition t WHERE t.lead_id = l.id${event ? ` AND t.event = '${event}'` : ''} AND t.recorded_at <= :asOf ORDER BY t.id DESC LIMIT 1)`;
  return `
SELECT l.id, l.name, l.investor, l.origin, l.chain_code, l.region_code, l.intended_investment_wan,
       COALESCE(${last('to_status')}, 'negotiating') AS status,
       ${last('amount_wan', 'SIGN')} AS signed_amount_wan,
       ${last('effective_date', 'SIGN')} AS signed_date,
       ${last('effective_date', 'LAND')} AS landed_date,
       ${last('project_id', 'LAND')} AS project_id,
       ${fundedSql({ asOf: true })} AS funded
  FROM lead l
 WHERE l.chain_code = :chain AND l.created_at <= :asOf AND ${inScope}
 ORDER BY l.id DESC`;
}
