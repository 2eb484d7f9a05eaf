import type { DataSource } from 'typeorm';
import { int, sql } from '../database/index.js';
import { daysOverdue } from '../rules/index.js';
import type { FactorGuaranteeBlock } from './factor-guarantee.types.js';
import { REQUEST_KINDS, type RequestKind } from '../reference/index.js';
import { FACTOR_GROUPS_SQL, LONGEST_OVERDUE_SQL } from './requests.queries.js';

export const LONGEST_OVERDUE_LIMIT = 5;

/**
 * The board's 要素保障 block at (asOf, refDate): two queries over the replayed requests (one
 * row per kind × department, and the longest overdue), the rows added up here by kind and by
 * department (every kind and every department listed, zeros included).
 */
export async function factorGuaranteeBlock(db: DataSource, at: { asOf: string; refDate: string }): Promise<FactorGuaranteeBlock> {
  const [groups, longest, departments] = await Promise.all([
    sql(db, FACTOR_GROUPS_SQL, at),
    sql(db, LONGEST_OVERDUE_SQL, { ...at, limit: LONGEST_OVERDUE_LIMIT }),
    sql(db, 'SELECT code, name FROM department ORDER BY sort_order, code'),
  ]);
  const names = new Map(departments.map((d) => [d.code as string, d.name as string]));
  const rows = groups.map((g) => ({
    kind: g.kind as RequestKind,
    department: g.department_code as string,
    open: int(g.open_count),
    overdue: int(g.overdue),
    awaiting: int(g.awaiting),
    escalated: int(g.escalated),
  }));
  const sum = (of: (r: (typeof rows)[number]) => number, where: (r: (typeof rows)[number]) => boolean = () => true) =>
    rows.filter(where).reduce((total, r) => total + of(r), 0);
  const departmentCodes = [...names.keys(), ...rows.map((r) => r.department).filter((code) => !names.has(code))];
  return {
    refDate: at.refDate,
    open: sum((r) => r.open),
    overdue: sum((r) => r.overdue),
    awaitingEvaluation: sum((r) => r.awaiting),
    escalated: sum((r) => r.escalated),
    byKind: REQUEST_KINDS.map((kind) => ({ kind, open: sum((r) => r.open, (r) => r.kind === kind), overdue: sum((r) => r.overdue, (r) => r.kind === kind) })),
    byDepartment: [...new Set(departmentCodes)].map((code) => ({
      code,
      name: names.get(code) ?? code,
      open: sum((r) => r.open, (r) => r.department === code),
      overdue: sum((r) => r.overdue, (r) => r.department === code),
    })),
    longestOverdue: longest.map((row) => ({
      requestId: int(row.id),
      projectId: row.project_id === null || row.project_id === undefined ? null : int(row.project_id),
      projectName: row.project_name as string,
      region: (row.region_code as string | null) ?? null,
      kind: row.kind as RequestKind,
      department: row.department_code as string,
      departmentName: names.get(row.department_code as string) ?? (row.department_code as string),
      due: row.due as string,
      daysOverdue: daysOverdue(row.due as string, at.refDate),
    })),
  };
}
