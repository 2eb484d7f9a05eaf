import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requestColumns, type Scope, scopeSql } from '../access/index.js';
import { Clock, periodParams } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { KIND_UNITS, type Pollutant, POLLUTANTS, type QuantityKind, REQUEST_KINDS } from '../reference/index.js';
import { formatQuantity, meanDays } from '../rules/index.js';
import { requestViewOf } from './request.view.js';
import type { ListCategory, MonthCounts, MonthLists } from './request.types.js';
import { REQUEST_CATEGORIES } from './request-states.js';
import { filterParams, grantedVsAskedSql, monthCountsSql, requestsPageSql, type MonthGroup, type RequestFilter } from './requests.queries.js';

/** A month's list items at most (a city raises a few dozen a month). */
const MONTH_ITEMS_LIMIT = 2000;

/**
 * The month's three problem lists (docs/domain/requests.md "The month's three lists"): every
 * problem open at any time in the month, as it stood at the month's end (or today, within the
 * month), each marked 新增 / 结转 / 本月办结, counted by list, department, kind and county.
 */
@Injectable()
export class MonthListsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The instant read and the day the list stands on: the month's last day, or the day of now (or of `asOf`) when earlier. */
  at(month: string, asOf?: string): { asOf: string; refDate: string } {
    const now = this.clock.nowIso();
    const instant = asOf && asOf < now ? asOf : now;
    const day = this.clock.dateOf(instant);
    const { monthEnd } = periodParams(month);
    return { asOf: instant, refDate: day < monthEnd ? day : monthEnd };
  }

  async monthLists(month: string, scope: Scope, asOf?: string): Promise<MonthLists> {
    const at = this.at(month, asOf);
    const { monthStart } = periodParams(month);
    const filter: RequestFilter = { scope: scopeSql(scope, requestColumns('rq')), monthStart };
    const params = { ...at, ...filterParams(filter) };
    const groups: MonthGroup[] = ['list', 'department', 'kind', 'region'];
    const [byList, byDepartment, byKind, byRegion, grants, rows, departments, regions] = await Promise.all([
      ...groups.map((group) => sql(this.dataSource, monthCountsSql(group, filter), params)),
      sql(this.dataSource, grantedVsAskedSql(filter), params),
      sql(this.dataSource, requestsPageSql(filter), { ...params, limit: MONTH_ITEMS_LIMIT, offset: 0 }),
      sql(this.dataSource, 'SELECT code, name FROM department ORDER BY sort_order, code'),
      sql(this.dataSource, 'SELECT code, name FROM region ORDER BY sort_order'),
    ]);
    const items = rows.map((row) => requestViewOf(row, at.refDate));
    const countsBy = (groupRows: Record<string, unknown>[]) => new Map(groupRows.map((row) => [(row.group_key as string | null) ?? null, countsOf(row)]));
    const listCounts = countsBy(byList);
    const departmentCounts = countsBy(byDepartment);
    const kindCounts = countsBy(byKind);
    const regionCounts = countsBy(byRegion);
    const departmentNames = new Map(departments.map((d) => [d.code as string, d.name as string]));
    const regionNames = new Map(regions.map((r) => [r.code as string, r.name as string]));
    const categories: ListCategory[] = [...REQUEST_CATEGORIES, 'unsorted'];
    return {
      month,
      refDate: at.refDate,
      asOf: at.asOf,
      totals: sumCounts(byList),
      lists: categories.map((category) => {
        const listed = items.filter((item) => item.list === category);
        // The 高频 list's confirmed 共性 groups, each one item of the list with its members on it.
        const groupIds = [...new Set(listed.flatMap((item) => (item.group?.confirmed ? [item.group.id] : [])))];
        return {
          category,
          counts: listCounts.get(category) ?? emptyCounts(),
          items: listed,
          groups: groupIds.map((id) => ({ id, memberIds: listed.filter((item) => item.group?.id === id).map((item) => item.id) })),
        };
      }),
      byDepartment: [...departmentNames.keys(), ...[...departmentCounts.keys()].filter((code): code is string => code !== null && !departmentNames.has(code))].map((code) => ({
        code,
        name: departmentNames.get(code) ?? code,
        counts: departmentCounts.get(code) ?? emptyCounts(),
      })),
      byKind: REQUEST_KINDS.map((kind) => ({ kind, counts: kindCounts.get(kind) ?? emptyCounts() })),
      byRegion: [...regionCounts.keys()]
        .sort((a, b) => regionOrder(regions, a) - regionOrder(regions, b))
        .map((code) => ({ code, name: code === null ? null : (regionNames.get(code) ?? code), counts: regionCounts.get(code)! })),
      grantedVsAsked: grants
        .map((row) => {
          const kind = row.kind as QuantityKind;
          return {
            kind,
            pollutant: (row.pollutant as Pollutant | null) ?? null,
            unit: KIND_UNITS[kind].unit,
            requests: int(row.requests),
            asked: formatQuantity(kind, int(row.asked)),
            granted: formatQuantity(kind, int(row.granted)),
          };
        })
        .sort((a, b) => REQUEST_KINDS.indexOf(a.kind) - REQUEST_KINDS.indexOf(b.kind) || POLLUTANTS.indexOf(a.pollutant ?? 'cod') - POLLUTANTS.indexOf(b.pollutant ?? 'cod')),
    };
  }
}

const COUNT_COLUMNS: Record<Exclude<keyof MonthCounts, 'meanDaysToClose'>, string> = {
  raised: 'raised',
  carried: 'carried',
  cumulative: 'cumulative',
  accepted: 'accepted',
  resolved: 'resolved',
  closed: 'closed',
  returned: 'returned',
  escalated: 'escalated',
  open: 'open_count',
  overdue: 'overdue',
};

function countsFrom(read: (column: string) => number): MonthCounts {
  const counts = Object.fromEntries(Object.entries(COUNT_COLUMNS).map(([name, column]) => [name, read(column)])) as Omit<MonthCounts, 'meanDaysToClose'>;
  return { ...counts, meanDaysToClose: meanDays(read('close_days'), counts.closed) };
}

function countsOf(row: Record<string, unknown>): MonthCounts {
  return countsFrom((column) => int(row[column]));
}

function sumCounts(rows: Record<string, unknown>[]): MonthCounts {
  return countsFrom((column) => rows.reduce((sum, row) => sum + int(row[column]), 0));
}

function emptyCounts(): MonthCounts {
  return countsFrom(() => 0);
}

function regionOrder(regions: Record<string, unknown>[], code: string | null): number {
  const index = regions.findIndex((r) => r.code === code);
  return index < 0 ? regions.length : index;
}
