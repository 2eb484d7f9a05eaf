import type { EntityManager } from 'typeorm';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import type { AdjustmentKind, AdjustmentView } from './plan.types.js';

export interface AdjustmentInput {
  year: number;
  at: string;
  actor: string;
  kind: AdjustmentKind;
  action: string;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
  reason: string;
}

/**
 * Keeps a change to a published plan or its lists as an adjustment the board counts, in the
 * caller's transaction (the change itself is recorded through the ChangeRecorder as usual).
 */
export async function recordAdjustment(manager: EntityManager, input: AdjustmentInput): Promise<void> {
  await manager.insert(PlanAdjustment, {
    year: input.year,
    at: input.at,
    actor: input.actor,
    kind: input.kind,
    action: input.action,
    projectId: input.projectId ?? null,
    before: input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
    after: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
    reason: input.reason.trim(),
  });
}

/** The year's adjustments recorded by `asOf` (all when omitted), oldest first. */
export async function adjustmentsOf(manager: EntityManager, year: number, asOf?: string): Promise<AdjustmentView[]> {
  const rows = await manager
    .createQueryBuilder(PlanAdjustment, 'a')
    .leftJoin('project', 'p', 'p.id = a.project_id')
    .select(['a.at AS at', 'a.actor AS actor', 'a.kind AS kind', 'a.action AS action', 'a.project_id AS project_id', 'p.name AS project_name', 'a.before AS before', 'a.after AS after', 'a.reason AS reason'])
    .where('a.year = :year', { year })
    .andWhere(asOf ? 'a.at <= :asOf' : '1 = 1', { asOf })
    .orderBy('a.at', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getRawMany<Record<string, unknown>>();
  return rows.map((row) => ({
    at: row.at as string,
    actor: row.actor as string,
    kind: row.kind as AdjustmentKind,
    action: row.action as string,
    projectId: row.project_id === null || row.project_id === undefined ? null : Number(row.project_id),
    projectName: (row.project_name as string | null) ?? null,
    before: row.before ? JSON.parse(row.before as string) : null,
    after: row.after ? JSON.parse(row.after as string) : null,
    reason: row.reason as string,
  }));
}
