import type { DataSource } from 'typeorm';
import { ALL, requestColumns, type Scope, scopeSql } from '../access/index.js';
import { periodParams } from '../common/index.js';
import { int, sql } from '../database/index.js';
import { isQuantityKind, KIND_UNITS, type Pollutant, POLLUTANTS, REQUEST_KINDS, type RequestKind } from '../reference/index.js';
import { DISBURSEMENT_REVISIONS, formatQuantity, isLatestRevisionSql } from '../rules/index.js';
import type { FactorTotals, FactorTotalsRow } from './factor-guarantee.types.js';
import { REQUESTS_CTE } from './requests.queries.js';

/**
 * Year to date (docs/domain/requests.md "Year to date"; 001 reports 要素 as year totals: "68个项目
 * 新增用地指标5551亩", "授信30.8亿…到位21.65亿"), from the replayed requests as they stood on
 * `refDate` among what was recorded by `asOf`: asked by the requests raised from January 1 on;
 * granted by those whose latest 办结 fell from January 1 on (returned ones aside); projects served
 * = the different projects (or enterprises, or chains) granted something — for a kind without a
 * unit, 办结. 到位 is the latest filing of each month, January to the month, of the 资金 requests.
 */
const SUBJECT = `CASE WHEN rq.project_id IS NOT NULL THEN CAST(rq.project_id AS VARCHAR(20)) ELSE COALESCE('e:' || rq.enterprise_name, 'c:' || rq.chain_code) END`;
const GRANTED_IN_YEAR = `rq.resolved_on >= :yearStart AND rq.status <> 'returned'`;
const SERVED = `${GRANTED_IN_YEAR} AND (rq.granted > 0 OR rq.kind NOT IN ('land', 'energy', 'environment', 'funding'))`;

function totalsSql(byDepartment: boolean, where: string): string {
  const keys = `rq.kind, rq.pollutant${byDepartment ? ', rq.department_code' : ''}`;
  return `${REQUESTS_CTE}
SELECT ${keys},
       SUM(CASE WHEN rq.raised_on >= :yearStart THEN 1 ELSE 0 END) AS requests,
       SUM(CASE WHEN rq.raised_on >= :yearStart THEN rq.quantity ELSE 0 END) AS asked,
       SUM(CASE WHEN ${GRANTED_IN_YEAR} THEN rq.granted ELSE 0 END) AS granted,
       COUNT(DISTINCT CASE WHEN ${SERVED} THEN ${SUBJECT} END) AS projects
  FROM rq
 WHERE ${where} AND (rq.raised_on >= :yearStart OR rq.resolved_on >= :yearStart)
 GROUP BY ${keys}`;
}

function disbursedSql(where: string): string {
  return `${REQUESTS_CTE}
SELECT SUM(d.amount_wan) AS disbursed
  FROM request_disbursement d
  JOIN rq ON rq.id = d.request_id
 WHERE ${where} AND d.month >= :fromMonth AND d.month <= :toMonth AND d.recorded_at <= :asOf
   AND ${isLatestRevisionSql('d', { asOf: true, of: DISBURSEMENT_REVISIONS })}`;
}

function rowOf(kind: RequestKind, pollutant: Pollutant | null, rows: Record<string, unknown>[]): FactorTotalsRow {
  const total = (column: string) => rows.reduce((sum, row) => sum + int(row[column]), 0);
  const counted = isQuantityKind(kind);
  return {
    kind,
    pollutant,
    unit: counted ? KIND_UNITS[kind].unit : null,
    requests: total('requests'),
    projects: total('projects'),
    asked: counted ? formatQuantity(kind, total('asked')) : null,
    granted: counted ? formatQuantity(kind, total('granted')) : null,
  };
}

/** Every kind in order (环境容量: each pollutant with a figure, or one empty row), from grouped rows. */
function kindRows(rows: Record<string, unknown>[], all: boolean): FactorTotalsRow[] {
  return REQUEST_KINDS.flatMap((kind) => {
    const ofKind = rows.filter((row) => row.kind === kind);
    if (kind !== 'environment') return ofKind.length || all ? [rowOf(kind, null, ofKind)] : [];
    const pollutants = POLLUTANTS.filter((p) => ofKind.some((row) => row.pollutant === p));
    if (pollutants.length === 0) return all ? [rowOf(kind, null, [])] : [];
    return pollutants.map((p) => rowOf(kind, p, ofKind.filter((row) => row.pollutant === p)));
  });
}

export async function factorTotals(db: DataSource, at: { month: string; asOf: string; refDate: string }, scope: Scope = ALL): Promise<FactorTotals> {
  const condition = scopeSql(scope, requestColumns('rq'));
  const { yearStart, fromMonth, toMonth } = periodParams(at.month);
  const params = { asOf: at.asOf, refDate: at.refDate, yearStart, fromMonth, toMonth, ...condition.params };
  const [byKind, byDepartment, [disbursed], departments] = await Promise.all([
    sql(db, totalsSql(false, condition.sql), params),
    sql(db, totalsSql(true, condition.sql), params),
    sql(db, disbursedSql(condition.sql), params),
    sql(db, 'SELECT code, name FROM department ORDER BY sort_order, code'),
  ]);
  const funding = byKind.filter((row) => row.kind === 'funding');
  const names = new Map(departments.map((d) => [d.code as string, d.name as string]));
  const codes = [...names.keys(), ...byDepartment.map((row) => row.department_code as string).filter((code) => !names.has(code))];
  return {
    month: at.month,
    refDate: at.refDate,
    kinds: kindRows(byKind, true),
    byDepartment: [...new Set(codes)]
      .map((code) => ({ code, name: names.get(code) ?? code, kinds: kindRows(byDepartment.filter((row) => row.department_code === code), false) }))
      .filter((d) => d.kinds.length > 0),
    funding: { credit: funding.reduce((sum, row) => sum + int(row.granted), 0), disbursed: int(disbursed?.disbursed) },
  };
}
