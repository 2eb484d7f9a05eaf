import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, lastMonthOf, monthKey, monthNumberOf, roundDiv } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { CUMULATIVE_ABOVE_TOTAL_SQL, missingMonthsSql, MONTH_SHARE_ABOVE_LIMIT_SQL, REPORT_OUTSIDE_PERIOD_SQL, REVISION_AFTER_BULLETIN_SQL, START_AFTER_FIRST_REPORT_SQL, SUDDEN_JUMP_SQL } from './anomalies.queries.js';

export const ANOMALY_RULES = [
  'cumulativeAboveTotal',
  'reportOutsidePeriod',
  'monthShareAboveLimit',
  'suddenJump',
  'revisionAfterBulletin',
  'missingMonths',
  'startAfterFirstReport',
] as const;
export type AnomalyRule = (typeof ANOMALY_RULES)[number];

export const ANOMALY_RULE_LABELS: Record<AnomalyRule, string> = {
  cumulativeAboveTotal: '累计投资超过总投资',
  reportOutsidePeriod: '实施期外填报',
  monthShareAboveLimit: '单月投资占比过高',
  suddenJump: '单月投资突增',
  revisionAfterBulletin: '通报发布后修改',
  missingMonths: '在建期间缺报',
  startAfterFirstReport: '开工晚于首次填报',
};

export type Figure = number | string | boolean | null;

export interface AnomalyItem {
  rule: AnomalyRule;
  projectId: number;
  code: string;
  name: string;
  region: string | null;
  months: string[];
  /** Amounts in 万元; dates and months as text. */
  figures: Record<string, Figure>;
  /** 中文 explanation for the audit file. */
  message: string;
}

export interface AnomalyOptions {
  /** (c) a month above this percentage of the total investment; 1–100, default 30. */
  maxMonthSharePct?: number;
  /** (d) a month above this multiple of the mean of the other months; default 3, one decimal. */
  jumpFactor?: number;
}

export interface AnomalyReport {
  year: number;
  generatedAt: string;
  parameters: { maxMonthSharePct: number; jumpFactor: number; minOtherMonths: number; lastEndedMonth: string | null };
  total: number;
  counts: Record<AnomalyRule, number>;
  items: AnomalyItem[];
}

export const DEFAULT_MAX_MONTH_SHARE_PCT = 30;
export const DEFAULT_JUMP_FACTOR = 3;
/** A jump is judged against at least this many other months of the same year. */
export const MIN_OTHER_MONTHS = 3;

type Row = Record<string, unknown>;

const text = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
const wan = (value: number): string => `${value} 万元`;

/**
 * Anomaly checks for auditors (审计/督查): reports that deserve a second look. Each rule is
 * one SQL query over project, report_revision, bulletin and project_history; JavaScript only
 * groups the rows a rule returns and words the message.
 */
@Injectable()
export class AnomaliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async find(year: number, options: AnomalyOptions = {}): Promise<AnomalyReport> {
    const maxMonthSharePct = options.maxMonthSharePct ?? DEFAULT_MAX_MONTH_SHARE_PCT;
    const jumpFactor = options.jumpFactor ?? DEFAULT_JUMP_FACTOR;
    const lastEndedMonth = this.lastEndedMonth(year);
    const range = { fromMonth: monthKey(year, 1), toMonth: monthKey(year, 12), year };
    const [a, b, c, d, e, f, g] = await Promise.all([
      this.cumulativeAboveTotal(range),
      this.reportOutsidePeriod(range),
      this.monthShareAboveLimit(range, maxMonthSharePct),
      this.suddenJump(range, jumpFactor),
      this.revisionAfterBulletin(range),
      this.missingMonths(year, lastEndedMonth),
      this.startAfterFirstReport(range),
    ]);
    const items = [...a, ...b, ...c, ...d, ...e, ...f, ...g];
    const counts = Object.fromEntries(ANOMALY_RULES.map((rule) => [rule, items.filter((item) => item.rule === rule).length])) as Record<AnomalyRule, number>;
    return {
      year,
      generatedAt: this.clock.nowIso(),
      parameters: { maxMonthSharePct, jumpFactor, minOtherMonths: MIN_OTHER_MONTHS, lastEndedMonth },
      total: items.length,
      counts,
      items,
    };
  }

  /** The year's last month that has ended (Asia/Shanghai calendar), or null if none has. */
  lastEndedMonth(year: number): string | null {
    const last = lastMonthOf(this.clock.today());
    if (last < monthKey(year, 1)) return null;
    return last > monthKey(year, 12) ? monthKey(year, 12) : last;
  }

  private async cumulativeAboveTotal(range: Record<string, unknown>): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, CUMULATIVE_ABOVE_TOTAL_SQL, range);
    return rows.map((row) => {
      const total = int(row.total_investment_wan);
      const cumulative = int(row.cumulative_wan);
      const crossed = String(row.crossed_month);
      return {
        ...projectOf(row),
        rule: 'cumulativeAboveTotal' as const,
        months: [crossed],
        figures: { totalInvestment: total, cumulative, excess: cumulative - total, crossedMonth: crossed },
        message: `累计填报投资 ${wan(cumulative)}，超过项目总投资 ${wan(total)}（超出 ${wan(cumulative - total)}），自 ${crossed} 起超出`,
      };
    });
  }

  private async reportOutsidePeriod(range: Record<string, unknown>): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, REPORT_OUTSIDE_PERIOD_SQL, range);
    return groupByProject(rows).map((group) => {
      const first = group[0];
      const start = text(first.actual_start_date);
      const completion = text(first.actual_completion_date);
      const months = group.map((row) => String(row.month));
      const period = start ? `开工 ${start}${completion ? `，竣工 ${completion}` : ''}` : '项目未开工';
      return {
        ...projectOf(first),
        rule: 'reportOutsidePeriod' as const,
        months,
        figures: { actualStartDate: start, actualCompletionDate: completion, amountOutside: int(first.outside_wan) },
        message: `${months.join('、')} 有月报（合计 ${wan(int(first.outside_wan))}），不在项目实施期内（${period}）`,
      };
    });
  }

  private async monthShareAboveLimit(range: Record<string, unknown>, pct: number): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, MONTH_SHARE_ABOVE_LIMIT_SQL, { ...range, pct });
    return rows.map((row) => {
      const amount = int(row.amount_wan);
      const total = int(row.total_investment_wan);
      const month = String(row.month);
      const sharePct = roundDiv(amount * 10000, total) / 100;
      return {
        ...projectOf(row),
        rule: 'monthShareAboveLimit' as const,
        months: [month],
        figures: { amount, totalInvestment: total, sharePct, limitPct: pct },
        message: `${month} 完成投资 ${wan(amount)}，占总投资 ${wan(total)} 的 ${sharePct}%，超过 ${pct}%`,
      };
    });
  }

  private async suddenJump(range: Record<string, unknown>, factor: number): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, SUDDEN_JUMP_SQL, { ...range, minOthers: MIN_OTHER_MONTHS, factorTenths: Math.round(factor * 10) });
    return rows.map((row) => {
      const amount = int(row.amount_wan);
      const othersTotal = int(row.others_wan);
      const otherMonths = int(row.others_count);
      const month = String(row.month);
      const othersMean = roundDiv(othersTotal, otherMonths);
      const multiple = othersTotal > 0 ? Math.round((amount * otherMonths * 100) / othersTotal) / 100 : null;
      return {
        ...projectOf(row),
        rule: 'suddenJump' as const,
        months: [month],
        figures: { amount, otherMonths, othersTotal, othersMean, multiple, factor },
        message:
          `${month} 完成投资 ${wan(amount)}，` +
          (multiple === null
            ? `而本年其他 ${otherMonths} 个月均为 0`
            : `是本年其他 ${otherMonths} 个月平均值 ${wan(othersMean)} 的 ${multiple} 倍`) +
          `（阈值 ${factor} 倍）`,
      };
    });
  }

  private async revisionAfterBulletin(range: Record<string, unknown>): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, REVISION_AFTER_BULLETIN_SQL, range);
    return rows.map((row) => {
      const month = String(row.month);
      const amount = int(row.amount_wan);
      const previous = row.previous_wan === null || row.previous_wan === undefined ? null : int(row.previous_wan);
      const correction = Boolean(row.correction);
      const bulletinMonth = row.bulletin_month === null || row.bulletin_month === undefined ? null : int(row.bulletin_month);
      const publishedAt = text(row.published_at);
      const reason = text(row.reason);
      const when = bulletinMonth === null ? '标记为通报发布后的更正' : `在 ${range.year}年${bulletinMonth}月通报发布（${publishedAt}）之后录入`;
      return {
        ...projectOf(row),
        rule: 'revisionAfterBulletin' as const,
        months: [month],
        figures: {
          revision: int(row.revision),
          amount,
          previousAmount: previous,
          recordedAt: String(row.recorded_at),
          actor: String(row.actor),
          correction,
          reason,
          bulletinMonth,
          bulletinPublishedAt: publishedAt,
        },
        message:
          `${month} 第 ${int(row.revision)} 次填报（${String(row.recorded_at)}）${when}` +
          `${previous === null ? `：${wan(amount)}` : `：${previous} → ${wan(amount)}`}` +
          `${reason ? `，原因：${reason}` : '，未填写原因'}`,
      };
    });
  }

  private async missingMonths(year: number, lastEndedMonth: string | null): Promise<AnomalyItem[]> {
    if (lastEndedMonth === null) return [];
    const lastMonth = monthNumberOf(lastEndedMonth);
    const params: Record<string, unknown> = {};
    for (let m = 1; m <= lastMonth; m++) params[`m${m}`] = monthKey(year, m);
    const rows = await sql(this.dataSource, missingMonthsSql(Object.keys(params)), params);
    return groupByProject(rows).map((group) => {
      const first = group[0];
      const months = group.map((row) => String(row.month));
      return {
        ...projectOf(first),
        rule: 'missingMonths' as const,
        months,
        figures: {
          missing: months.length,
          stage: String(first.stage),
          actualStartDate: text(first.actual_start_date),
          actualCompletionDate: text(first.actual_completion_date),
          throughMonth: lastEndedMonth,
        },
        message: `在建期间缺少 ${months.length} 个月的月报：${months.join('、')}（统计至 ${lastEndedMonth}）`,
      };
    });
  }

  private async startAfterFirstReport(range: Record<string, unknown>): Promise<AnomalyItem[]> {
    const rows = await sql(this.dataSource, START_AFTER_FIRST_REPORT_SQL, range);
    return rows.map((row) => {
      const firstMonth = String(row.first_month);
      const start = String(row.actual_start_date);
      return {
        ...projectOf(row),
        rule: 'startAfterFirstReport' as const,
        months: [firstMonth],
        figures: { actualStartDate: start, firstReportMonth: firstMonth, monthsBeforeStart: int(row.months_before) },
        message: `首次填报月份 ${firstMonth} 早于实际开工日期 ${start}（开工前有 ${int(row.months_before)} 个月的月报）`,
      };
    });
  }
}

function projectOf(row: Row): Pick<AnomalyItem, 'projectId' | 'code' | 'name' | 'region'> {
  return { projectId: int(row.id), code: String(row.code), name: String(row.name), region: text(row.region_code) };
}

/** Consecutive rows of the same project (the queries order by project code). */
function groupByProject(rows: Row[]): Row[][] {
  const groups: Row[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && int(last[0].id) === int(row.id)) last.push(row);
    else groups.push([row]);
  }
  return groups;
}
