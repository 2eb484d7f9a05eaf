import { requestDueSql, requestOpenSql, requestOverdueSql } from '../rules/index.js';
import type { ScopeCondition } from '../access/index.js';

/**
 * The requests' SQL. Every read starts from `rq`: one row per request raised by `:asOf` (and
 * on or before `:refDate`), its state REPLAYED from its transition rows recorded by then —
 * status, list, promise, grant, 反馈, evaluation, reopenings, version — so a past instant reads
 * exactly as it was recorded, and "now" is the same query with asOf = now (one read path). Its
 * county and chain are its project's, or, for a problem about an enterprise or a chain, its own
 * (the scope policy reads them: access/scope-policy.ts requestColumns).
 */
const DONE_BY = `t.request_id = r.id AND t.recorded_at <= :asOf AND t.effective_date <= :refDate`;

const last = (column: string, events?: string[]) =>
  `(SELECT t.${column} FROM factor_request_transition t WHERE ${DONE_BY}${events ? ` AND t.event IN (${events.map((e) => `'${e}'`).join(', ')})` : ''} ORDER BY t.id DESC LIMIT 1)`;
const count = (condition: string) => `(SELECT COUNT(*) FROM factor_request_transition t WHERE ${DONE_BY} AND ${condition})`;

export const REQUESTS_CTE = `
WITH rq AS (
  SELECT r.id, r.project_id, r.kind, r.approval_key, r.pollutant, r.quantity, r.description, r.needed_by,
         r.department_code, r.source_month, r.origin_kind, r.origin_id, r.raised_by, r.raised_at, r.raised_on, r.raised_day, r.accept_due,
         r.channel, r.enterprise_name, r.contact_name, r.contact_phone, r.policy_tag, r.commissioner_id,
         p.code AS project_code, p.name AS project_name,
         CASE WHEN r.project_id IS NULL THEN r.region_code ELSE p.region_code END AS region_code,
         CASE WHEN r.project_id IS NULL THEN r.chain_code ELSE p.chain_code END AS chain_code,
         CASE WHEN r.grouped_at <= :asOf THEN r.group_id END AS group_id,
         g.id AS common_group_id,
         ${last('to_status')} AS status,
         ${last('category', ['ACCEPT'])} AS category,
         ${last('promised_date', ['ACCEPT', 'DECIDE'])} AS promised_date,
         ${last('granted', ['RESOLVE'])} AS granted,
         ${last('approval_date', ['RESOLVE'])} AS approval_date,
         ${last('effective_date', ['RESOLVE'])} AS resolved_on,
         ${last('method', ['FEEDBACK'])} AS feedback_method,
         ${last('told_on', ['FEEDBACK'])} AS told_on,
         ${last('rating', ['EVALUATE'])} AS rating,
         ${last('decision', ['DECIDE'])} AS decision,
         ${last('responsible_unit', ['DECIDE'])} AS responsible_unit,
         ${last('reason', ['RETURN'])} AS return_reason,
         ${last('effective_day')} AS last_day,
         ${last('effective_date')} AS last_date,
         ${last('recorded_at')} AS updated_at,
         ${count("t.event = 'EVALUATE' AND t.to_status = 'accepted'")} AS reopen_count,
         ${count("t.event = 'ACCEPT'")} AS accepts,
         ${count("t.event = 'RESOLVE'")} AS resolves,
         ${count("t.event = 'ESCALATE'")} AS escalations,
         ${count('1 = 1')} AS version
    FROM factor_request r
    LEFT JOIN project p ON p.id = r.project_id
    LEFT JOIN request_group g ON g.id = r.group_id AND r.grouped_at <= :asOf AND g.confirmed_at <= :asOf
   WHERE r.raised_at <= :asOf AND r.raised_on <= :refDate
)`;

/**
 * On a month's list (docs/domain/requests.md "The month's three lists"): open at any time in the
 * month — raised by its end (the CTE's `:refDate`, at most the month's last day) and not ended
 * (closed or returned) before it began. Binds `:monthStart`.
 */
export const ON_MONTH_LIST_SQL = `NOT (rq.status IN ('closed', 'returned') AND rq.last_date < :monthStart)`;

/** 新增 / 结转 / 本月办结: closed in the month wins; else raised in it or carried over into it. */
export const CARRY_SQL = `CASE WHEN rq.status = 'closed' THEN 'closed' WHEN rq.raised_on >= :monthStart THEN 'new' ELSE 'carried' END`;

/** The list a request is on: 高频 when its 共性 group is confirmed, else the list its department chose (待研判 before). */
export const LIST_SQL = `CASE WHEN rq.common_group_id IS NOT NULL THEN 'frequent' ELSE COALESCE(rq.category, 'unsorted') END`;

/** The caller's scope and the filters of GET /api/requests, as conditions on rq (bind the same names). */
export interface RequestFilter {
  /** The caller's scope (src/access/scope-policy.ts) as a condition on rq, with its parameters. */
  scope: ScopeCondition;
  status?: string;
  kind?: string;
  department?: string;
  region?: string;
  project?: number;
  overdue?: boolean;
  id?: number;
  /** On the list of the month starting `monthStart` (ON_MONTH_LIST_SQL; the month's end is the CTE's refDate). */
  monthStart?: string;
  /** In this 共性 group. */
  group?: number;
}

/** The named parameters a filter's conditions bind: its fields and its scope's. */
export function filterParams(filter: RequestFilter): Record<string, unknown> {
  const { scope, ...fields } = filter;
  return { ...fields, ...scope.params };
}

export function requestWhere(filter: RequestFilter): string {
  const conditions = [filter.scope.sql];
  if (filter.status !== undefined) conditions.push('rq.status = :status');
  if (filter.kind !== undefined) conditions.push('rq.kind = :kind');
  if (filter.department !== undefined) conditions.push('rq.department_code = :department');
  if (filter.region !== undefined) conditions.push('rq.region_code = :region');
  if (filter.project !== undefined) conditions.push('rq.project_id = :project');
  if (filter.id !== undefined) conditions.push('rq.id = :id');
  if (filter.overdue !== undefined) conditions.push(filter.overdue ? requestOverdueSql('rq') : `NOT ${requestOverdueSql('rq')}`);
  if (filter.group !== undefined) conditions.push('rq.group_id = :group');
  if (filter.monthStart !== undefined) conditions.push(ON_MONTH_LIST_SQL);
  return conditions.join(' AND ');
}

/** One page of requests: open ones by the date they wait on (soonest first), then the rest, newest first. */
export function requestsPageSql(filter: RequestFilter): string {
  return `${REQUESTS_CTE}
SELECT rq.*, d.name AS department_name, g.name AS region_name, c.name AS chain_name, cp.name AS commissioner_name,
       ${requestDueSql('rq')} AS due,
       CASE WHEN ${requestOverdueSql('rq')} THEN 1 ELSE 0 END AS overdue,
       ${filter.monthStart !== undefined ? CARRY_SQL : 'NULL'} AS carry,
       ${LIST_SQL} AS list
  FROM rq
  LEFT JOIN department d ON d.code = rq.department_code
  LEFT JOIN region g ON g.code = rq.region_code
  LEFT JOIN chain c ON c.code = rq.chain_code
  LEFT JOIN person cp ON cp.id = rq.commissioner_id
 WHERE ${requestWhere(filter)}
 ORDER BY CASE WHEN ${requestDueSql('rq')} IS NULL THEN 1 ELSE 0 END, ${requestDueSql('rq')}, rq.raised_at DESC, rq.id DESC
 LIMIT :limit OFFSET :offset`;
}

export function requestsCountSql(filter: RequestFilter): string {
  return `${REQUESTS_CTE} SELECT COUNT(*) AS total FROM rq WHERE ${requestWhere(filter)}`;
}

/** The counts every month-list group carries (by list, department, kind, region); binds `:monthStart`. */
const COUNTS = `
       SUM(CASE WHEN rq.raised_on >= :monthStart THEN 1 ELSE 0 END) AS raised,
       SUM(CASE WHEN rq.raised_on < :monthStart THEN 1 ELSE 0 END) AS carried,
       COUNT(*) AS cumulative,
       SUM(CASE WHEN rq.accepts > 0 THEN 1 ELSE 0 END) AS accepted,
       SUM(CASE WHEN rq.resolves > 0 THEN 1 ELSE 0 END) AS resolved,
       SUM(CASE WHEN rq.status = 'closed' THEN 1 ELSE 0 END) AS closed,
       SUM(CASE WHEN rq.status = 'returned' THEN 1 ELSE 0 END) AS returned,
       SUM(CASE WHEN rq.escalations > 0 THEN 1 ELSE 0 END) AS escalated,
       SUM(CASE WHEN ${requestOpenSql('rq')} THEN 1 ELSE 0 END) AS open_count,
       SUM(CASE WHEN ${requestOverdueSql('rq')} THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN rq.status = 'closed' THEN rq.last_day - rq.raised_day ELSE 0 END) AS close_days`;

export type MonthGroup = 'list' | 'department' | 'kind' | 'region';

const GROUP_KEY: Record<MonthGroup, string> = {
  list: LIST_SQL,
  department: 'rq.department_code',
  kind: 'rq.kind',
  region: 'rq.region_code',
};

/** The month's list (every request open at any time in it, in the caller's scope) counted by one grouping. */
export function monthCountsSql(group: MonthGroup, filter: RequestFilter): string {
  return `${REQUESTS_CTE}
SELECT ${GROUP_KEY[group]} AS group_key, ${COUNTS}
  FROM rq
 WHERE ${requestWhere(filter)}
 GROUP BY ${GROUP_KEY[group]}`;
}

/** 保障 vs 需求: per counted kind (and pollutant), what was asked and what was granted (not counting returned requests' grants). */
export function grantedVsAskedSql(filter: RequestFilter): string {
  return `${REQUESTS_CTE}
SELECT rq.kind, rq.pollutant, COUNT(rq.quantity) AS requests, SUM(rq.quantity) AS asked,
       SUM(CASE WHEN rq.status <> 'returned' THEN rq.granted ELSE NULL END) AS granted
  FROM rq
 WHERE ${requestWhere(filter)} AND rq.kind IN ('land', 'energy', 'environment', 'funding')
 GROUP BY rq.kind, rq.pollutant`;
}

/** The war room's 要素保障 block: open, overdue, awaiting evaluation and escalated, by kind and department. */
export const FACTOR_GROUPS_SQL = `${REQUESTS_CTE}
SELECT rq.kind, rq.department_code,
       SUM(CASE WHEN ${requestOpenSql('rq')} THEN 1 ELSE 0 END) AS open_count,
       SUM(CASE WHEN ${requestOverdueSql('rq')} THEN 1 ELSE 0 END) AS overdue,
       SUM(CASE WHEN rq.status IN ('resolved', 'answered') THEN 1 ELSE 0 END) AS awaiting,
       SUM(CASE WHEN rq.status = 'resolved' THEN 1 ELSE 0 END) AS awaiting_feedback,
       SUM(CASE WHEN rq.status = 'escalated' THEN 1 ELSE 0 END) AS escalated
  FROM rq
 GROUP BY rq.kind, rq.department_code`;

/** The longest overdue requests, by the date they wait on. */
export const LONGEST_OVERDUE_SQL = `${REQUESTS_CTE}
SELECT rq.id, rq.project_id, COALESCE(rq.project_name, rq.enterprise_name, c.name) AS project_name, rq.region_code, rq.kind, rq.department_code, ${requestDueSql('rq')} AS due
  FROM rq
  LEFT JOIN chain c ON c.code = rq.chain_code
 WHERE ${requestOverdueSql('rq')}
 ORDER BY ${requestDueSql('rq')}, rq.id
 LIMIT :limit`;

/** Open and overdue requests per project or per chain (a leader's home), among the keys asked for. */
export function openCountsSql(by: 'project' | 'chain'): string {
  const key = by === 'project' ? 'rq.project_id' : 'rq.chain_code';
  return `${REQUESTS_CTE}
SELECT ${key} AS group_key,
       SUM(CASE WHEN ${requestOpenSql('rq')} THEN 1 ELSE 0 END) AS open_count,
       SUM(CASE WHEN ${requestOverdueSql('rq')} THEN 1 ELSE 0 END) AS overdue
  FROM rq
 WHERE ${key} IN (:...keys)
 GROUP BY ${key}`;
}
