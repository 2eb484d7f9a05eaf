import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ATTRACTION_SQL, attractionBlock, quarterOf } from '../attraction/index.js';
import { boardMonthOf, Clock, monthKey, type Page, periodParams } from '../common/index.js';
import { int, sql, WriteQueue } from '../database/index.js';
import { HeavyWork } from '../heavy/index.js';
import { adjustmentsOf, PlansService } from '../plans/index.js';
import { bigProjectsBlock, bigProjectsSql, boardWarnings, expectedWan, overdueReferenceDate, PLACE_SIZE_COUNTS_SQL, placeCountChecks, type Progress, progressAgainstTarget, type RankedTotals, ratingOf, ratioOf, startRate, type Thresholds } from '../rules/index.js';
import { factorGuaranteeBlock, factorTotals } from '../requests/index.js';
import { ResponsibilityReader } from '../people/index.js';
import { withResponsibility } from './responsibility-block.js';
import { boardCtes, eventDateExpression, BOARD_SQL, CHAINS_REFERENCE_SQL, HALT_REASONS_SQL, listedProjectsCountSql, listedProjectsSql, MONTHLY_ACTUAL_SQL, OVERRIDES_SQL, type ListedFilter, listedScope, REGIONS_REFERENCE_SQL, stageExpression } from './dashboard.queries.js';
import type { ChainRow, Dashboard, Rated } from './dashboard.types.js';
import { bigProjectOf, listedRowOf, nullableInt, overridesByKey, redListOf, regionRows, type Group, type ListedProjectRow, type Row } from './board-rows.js';
import { KEPT_CURVE_SQL, KEPT_RED_SQL, keptGroupsSql } from './board-figures.sql.js';

export type { ListedProjectRow };

/**
 * Projects the red list names at most, so the board's size does not grow with the number of
 * projects (a city has a few dozen; a province's full list is paged through the drill-down).
 */
const RED_LIST_LIMIT = 500;

export interface CurvePoint {
  month: number;
  /** Implementation-list investment reported for that month, 万元. */
  actual: number;
  cumulativeActual: number;
  /** 165亿 × m/12, rounded to whole 万元. */
  cumulativeExpected: number;
  ratio: number | null;
}



/**
 * The target board for a year through month M, as recorded by an instant (asOf): the SQL
 * and the cache live here; every rule it applies is a named function in src/rules/
 * (docs/domain/figures.md).
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansService,
    private readonly clock: Clock,
    private readonly writes: WriteQueue,
    private readonly responsibility: ResponsibilityReader,
    private readonly heavy: HeavyWork,
  ) {}

  /**
   * A replay as of a past instant reads every revision up to it: heavy work, done off the request
   * thread within the caller's limits (src/heavy, docs/operations.md "Heavy work"). A current read
   * uses the maintained figures and stays here.
   */
  private replays(asOf: string | undefined): asOf is string {
    return asOf !== undefined && asOf < this.clock.nowIso() && this.heavy.available;
  }

  /**
   * Boards already computed, keyed by year, month, asOf, today's date and the shared write
   * version: any write committed by any server changes it, so a cached board is only served
   * while nothing has changed since it was computed, whichever server wrote. A replay is kept as
   * the JSON its worker made (boardJson).
   */
  private readonly cache = new Map<string, Dashboard | Buffer>();
  private static readonly CACHE_SIZE = 64;

  /** The board, from the cache when nothing has been written since it was computed. */
  async board(year: number, month: number, asOf?: string): Promise<Dashboard> {
    const board = await this.boardOrJson(year, month, asOf);
    return Buffer.isBuffer(board) ? (JSON.parse(board.toString('utf8')) as Dashboard) : board;
  }

  /**
   * The board as its route answers it, JSON bytes. A replay's are the bytes its worker wrote: the
   * request thread neither takes the board apart nor writes it out again, it only sends them
   * (docs/operations.md "Heavy work").
   */
  async boardJson(year: number, month: number, asOf?: string): Promise<Buffer> {
    const board = await this.boardOrJson(year, month, asOf);
    return Buffer.isBuffer(board) ? board : Buffer.from(JSON.stringify(board), 'utf8');
  }

  private async boardOrJson(year: number, month: number, asOf?: string): Promise<Dashboard | Buffer> {
    const version = await this.writes.version();
    const key = [year, month, asOf ?? 'now', this.clock.today(), version].join('|');
    const hit = this.cache.get(key);
    if (hit) return asOf || Buffer.isBuffer(hit) ? hit : { ...hit, asOf: this.clock.nowIso() };
    const board = this.replays(asOf) ? await this.heavy.run<Buffer>('dashboard', { year, month, asOf }) : await this.build(year, month, asOf);
    if ((await this.writes.version()) === version) {
      if (this.cache.size >= DashboardService.CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, board);
    }
    return board;
  }

  /** The month a board shows when none is asked for (periods/default-period.ts): last month in its own year, December of a past year. */
  defaultMonth(year: number): number {
    return boardMonthOf(year, this.clock.today());
  }

  /** The board, computed here (heavy-tasks.ts runs it in a worker for a replay). */
  async build(year: number, month: number, asOf?: string): Promise<Dashboard> {
    const { target, instant, historical, thresholds, params } = await this.context(year, month, asOf);
    const stage = stageExpression(historical);
    const completion = eventDateExpression(historical, 'COMPLETE', 'actual_completion_date');
    const [[groupRows, redRows], bigRows, overrideRows, regionRef, chainRef, adjustments, factorGuarantee, factorTotalsBlock, attractionRows] = await Promise.all([
      this.groupsAndRedList(year, month, historical, params),
      sql(this.dataSource, bigProjectsSql(stage, completion), params),
      sql(this.dataSource, OVERRIDES_SQL, params),
      sql(this.dataSource, REGIONS_REFERENCE_SQL, params),
      sql(this.dataSource, CHAINS_REFERENCE_SQL, params),
      adjustmentsOf(this.dataSource.manager, year, instant),
      factorGuaranteeBlock(this.dataSource, { asOf: params.asOf, refDate: params.refDate }),
      factorTotals(this.dataSource, { month: monthKey(year, month), asOf: params.asOf, refDate: params.refDate }),
      sql(this.dataSource, ATTRACTION_SQL, { ...params, quarter: quarterOf(month) }),
    ]);
    // Count ranges per place are rare in a plan: their query runs only when one is set.
    const withRanges = regionRef.some((row) => [row.over_key_min, row.over_key_max, row.over_big_min, row.over_big_max].some((bound) => bound !== null && bound !== undefined));
    const placeCountRows = withRanges ? await sql(this.dataSource, PLACE_SIZE_COUNTS_SQL(stage, completion), params) : [];
    const haltedIds = redRows.filter((row) => int(row.halted) === 1).map((row) => int(row.project_id));
    // Always one query (an id that cannot exist when none is halted), so the count stays fixed.
    const haltRows = await sql(this.dataSource, HALT_REASONS_SQL, { ...params, haltedIds: haltedIds.length ? haltedIds : [-1] });
    const halts = new Map(haltRows.map((row) => [int(row.project_id), { reason: (row.reason as string | null) ?? null, date: (row.effective_date as string | null) ?? null }]));
    const groups: Group[] = groupRows.map((row) => ({
      region: (row.region_code as string | null) ?? null,
      chain: (row.chain_code as string | null) ?? null,
      implementation: row.category === 'implementation',
      key: int(row.is_key) === 1,
      projects: int(row.projects),
      plan: int(row.plan),
      actual: int(row.actual),
      expected12: int(row.expected12),
      actualPrev: int(row.actual_prev),
      expected12Prev: int(row.expected12_prev),
      started: int(row.started),
      startedByMonthEnd: int(row.started_by_month_end),
      completedByMonthEnd: int(row.completed_by_month_end),
    }));
    const total = (of: (g: Group) => number, where: (g: Group) => boolean) => groups.filter(where).reduce((sum, g) => sum + of(g), 0);
    const impl = (g: Group) => g.implementation;
    const prep = (g: Group) => !g.implementation;

    const overrides = overridesByKey(overrideRows);
    const rated = (progress: Progress, key: string): Rated => {
      const computedRating = ratingOf(progress, thresholds);
      const override = overrides.get(key) ?? null;
      return { rating: override?.rating ?? computedRating, computedRating, override };
    };

    // 实施类: the implementation list against the city target × M/12 (165亿 in 2024).
    const implActual = total((g) => g.actual, impl);
    const implPlan = total((g) => g.plan, impl);
    const cityProgress = progressAgainstTarget(implActual, target.implementationInvestmentWan, month);
    const investment = {
      target: target.implementationInvestmentWan,
      actual: implActual,
      expected: expectedWan(cityProgress),
      ratio: ratioOf(cityProgress),
      listed: total((g) => g.projects, impl),
      // 占年度计划: actual ÷ the list's planned annual investment (how the city reports it, e.g. 93.41%).
      plan: implPlan,
      planShare: ratioOf({ actual12: implActual, expected12: implPlan }),
      ...rated(cityProgress, 'city:'),
    };
    // The counts the city itself reports: implementation-list projects started and completed (竣工投产) by the month's end.
    const implementationCounts = {
      listed: investment.listed,
      started: total((g) => g.startedByMonthEnd, impl),
      completed: total((g) => g.completedByMonthEnd, impl),
    };

    // 准备类 开工率: listed preparation projects started in the year ÷ listed (≥80% by year end).
    const preparation = startRate(total((g) => g.projects, prep), total((g) => g.started, prep), target.startRateTargetPct);

    // 重点项目 (total ≥ 10亿) on either list, against 75亿 × M/12.
    const keyActual = total((g) => g.actual, (g) => g.key);
    const keyProgress = progressAgainstTarget(keyActual, target.keyProjectInvestmentWan, month);
    const keyProjects = {
      threshold: target.keyProjectThresholdWan,
      count: total((g) => g.projects, (g) => g.key),
      targetCount: target.keyProjectCount,
      investment: keyActual,
      target: target.keyProjectInvestmentWan,
      expected: expectedWan(keyProgress),
      ratio: ratioOf(keyProgress),
      ...rated(keyProgress, 'key:'),
    };

    const regionTotals = (prev: boolean): RankedTotals[] =>
      regionRef.map((row) => {
        const mine = (g: Group) => g.implementation && g.region === row.code;
        return {
          code: row.code as string,
          projects: total((g) => g.projects, mine),
          actual: total((g) => (prev ? g.actualPrev : g.actual), mine),
          expected12: total((g) => (prev ? g.expected12Prev : g.expected12), mine),
        };
      });
    const regions = regionRows(regionRef, regionTotals(false), month > 1 ? regionTotals(true) : null, groups, rated);
    const chains: ChainRow[] = chainRef.map((row) => {
      const mine = (g: Group) => g.implementation && g.chain === row.code;
      const actual = total((g) => g.actual, mine);
      const progress = progressAgainstTarget(actual, int(row.target_investment), month);
      return {
        code: row.code as string,
        no: int(row.no),
        name: row.name as string,
        flagship: Boolean(row.flagship),
        targetProjects: int(row.target_projects),
        listedProjects: total((g) => g.projects, mine),
        targetInvestment: int(row.target_investment),
        actual,
        expected: expectedWan(progress),
        ratio: ratioOf(progress),
        ...rated(progress, `chain:${row.code as string}`),
      };
    });
    const bigProjects = bigProjectsBlock(
      bigRows.map(bigProjectOf),
      { thresholdWan: target.bigProjectThresholdWan, cityTarget: target.bigProjectCityTarget, yearStart: params.yearStart },
      regionRef.map((row) => ({ code: row.code as string, name: row.name as string, required: Boolean(row.big_project_required) })),
      chainRef.map((row) => ({ code: row.code as string, name: row.name as string, flagship: Boolean(row.flagship), required: Boolean(row.big_project_required) })),
    );
    const placeCounts = placeCountChecks(
      regionRef.map((row) => ({
        code: row.code as string,
        name: row.name as string,
        overKeyMin: nullableInt(row.over_key_min),
        overKeyMax: nullableInt(row.over_key_max),
        overBigMin: nullableInt(row.over_big_min),
        overBigMax: nullableInt(row.over_big_max),
      })),
      new Map(placeCountRows.map((row) => [row.region_code as string, { overKey: int(row.over_key), overBig: int(row.over_big) }])),
    );
    const redList = redListOf(redRows.slice(0, RED_LIST_LIMIT), halts, regionRef);
    const warnings = boardWarnings({
      implementationInvestmentWan: target.implementationInvestmentWan,
      implementationListSize: target.implementationListSize,
      preparationListSize: target.preparationListSize,
      keyProjectCount: target.keyProjectCount,
      chainInvestmentWan: chainRef.reduce((sum, row) => sum + int(row.target_investment), 0),
      chainProjects: chainRef.reduce((sum, row) => sum + int(row.target_projects), 0),
      implementationListed: investment.listed,
      preparationListed: preparation.listed,
      keyProjects: keyProjects.count,
      bigProjects,
      placeCounts,
    });
    const named = await withResponsibility(this.dataSource, this.responsibility, { year, month, historical, params }, { chains, leadUnits: chainRef.map((row) => ({ code: row.code as string, leadUnit: row.lead_unit as string })), redList, factorGuarantee });
    const attraction = attractionBlock(attractionRows, { signedWan: target.attractionSignedWan, fundedWan: target.attractionFundedWan }, year, month, thresholds);
    const published = target.status === 'published' && target.publishedAt !== null ? target.publishedAt <= instant : target.status === 'published';

    return {
      year,
      month,
      asOf: instant,
      thresholds,
      plan: {
        status: published ? 'published' : 'draft',
        publishedAt: published ? target.publishedAt : null,
        adjustments: { count: adjustments.length, items: adjustments },
      },
      investment,
      implementationCounts,
      startRate: preparation,
      bigProjects,
      placeCounts,
      keyProjects,
      chains: named.chains,
      regions,
      redList: named.redList,
      redListTruncated: redRows.length > RED_LIST_LIMIT,
      warnings: [...warnings, ...attraction.warnings],
      factorGuarantee: named.factorGuarantee,
      factorTotals: factorTotalsBlock,
      attraction: attraction.block,
      responsibilityCoverage: named.responsibilityCoverage,
    };
  }

  /**
   * The board's groups and its red list: for the current board from the figures kept in the write
   * transaction (board-figures.ts), a few hundred group rows and the red list by index; for a past
   * instant replayed from the history in one statement (BOARD_SQL).
   */
  private async groupsAndRedList(year: number, month: number, historical: boolean, params: Record<string, unknown>): Promise<[Row[], Row[]]> {
    if (!historical) return Promise.all([sql(this.dataSource, keptGroupsSql(month), params), sql(this.dataSource, KEPT_RED_SQL, params)]);
    const rows = await sql(this.dataSource, boardCtes({ year, month, historical, withPrevious: true, withHaltEvent: true, materialized: true }) + BOARD_SQL, params);
    return [rows.filter((row) => row.row_kind === 'group'), rows.filter((row) => row.row_kind === 'red')];
  }

  /** Month by month through M: the implementation list's actual and the city's 序时 expected, cumulative. */
  async curve(year: number, month: number, asOf?: string): Promise<CurvePoint[]> {
    return this.replays(asOf) ? this.heavy.run<CurvePoint[]>('curve', { year, month, asOf }) : this.computeCurve(year, month, asOf);
  }

  /** The curve, computed here (heavy-tasks.ts runs it in a worker for a replay). */
  async computeCurve(year: number, month: number, asOf?: string): Promise<CurvePoint[]> {
    const { target, historical, params } = await this.context(year, month, asOf);
    const byMonth = new Map<string, number>();
    if (historical) {
      const rows = await sql(this.dataSource, boardCtes({ year, month, historical }) + MONTHLY_ACTUAL_SQL, params);
      for (const row of rows) byMonth.set(row.month as string, int(row.actual));
    } else {
      // The kept sums are cumulative: a month's own figure is its total less the month before's.
      const [row] = await sql(this.dataSource, KEPT_CURVE_SQL, params);
      const through = (m: number) => (m === 0 ? 0 : int(row?.[`ac${String(m).padStart(2, '0')}`]));
      for (let m = 1; m <= month; m++) byMonth.set(monthKey(year, m), through(m) - through(m - 1));
    }
    const points: CurvePoint[] = [];
    let cumulative = 0;
    for (let m = 1; m <= month; m++) {
      const actual = byMonth.get(monthKey(year, m)) ?? 0;
      cumulative += actual;
      const progress = progressAgainstTarget(cumulative, target.implementationInvestmentWan, m);
      points.push({ month: m, actual, cumulativeActual: cumulative, cumulativeExpected: expectedWan(progress), ratio: ratioOf(progress) });
    }
    return points;
  }

  /** Listed projects with their own figures (drill-down from a region or chain), paged. */
  async listedProjects(year: number, month: number, filter: ListedFilter, page: number, pageSize: number, asOf?: string): Promise<Page<ListedProjectRow>> {
    if (this.replays(asOf)) return this.heavy.run<Page<ListedProjectRow>>('listed', { year, month, filter, page, pageSize, asOf });
    return this.computeListed(year, month, filter, page, pageSize, asOf);
  }

  /** The listed projects, computed here (heavy-tasks.ts runs it in a worker for a replay). */
  async computeListed(year: number, month: number, filter: ListedFilter, page: number, pageSize: number, asOf?: string): Promise<Page<ListedProjectRow>> {
    const { historical, thresholds, params } = await this.context(year, month, asOf);
    const ctes = boardCtes({ year, month, historical });
    const { scope, ...filters } = filter;
    // An empty id list matches nothing (an id that cannot exist keeps the SQL valid).
    if (filters.projectIds !== undefined && filters.projectIds.length === 0) filters.projectIds = [-1];
    const query = { ...params, ...filters, ...listedScope(scope).params, limit: pageSize, offset: (page - 1) * pageSize };
    const [rows, [count]] = await Promise.all([
      sql(this.dataSource, ctes + listedProjectsSql(filter), query),
      sql(this.dataSource, ctes + listedProjectsCountSql(filter), query),
    ]);
    const items = rows.map((row) => listedRowOf(row, thresholds));
    return { items, total: int(count?.total), page, pageSize };
  }

  private async context(year: number, month: number, asOf?: string) {
    const target = await this.plans.yearTarget(year);
    const now = this.clock.nowIso();
    const instant = asOf && asOf < now ? asOf : now;
    const historical = instant < now;
    const thresholds: Thresholds = { bluePct: target.ratingBluePct, yellowPct: target.ratingYellowPct };
    const period = periodParams(monthKey(year, month));
    const params = {
      year,
      month,
      asOf: instant,
      fromMonth: period.fromMonth,
      toMonth: period.toMonth,
      yearStart: period.yearStart,
      yearEnd: period.yearEnd,
      monthEnd: period.monthEnd,
      prevMonth: monthKey(year, month - 1),
      refDate: overdueReferenceDate(period.monthEnd, this.clock.dateOf(instant)),
      keyThreshold: target.keyProjectThresholdWan,
      bigThreshold: target.bigProjectThresholdWan,
      yellowPct: target.ratingYellowPct,
      redListLimit: RED_LIST_LIMIT + 1,
    };
    return { target, instant, historical, thresholds, params };
  }
}
