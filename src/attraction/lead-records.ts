import type { EntityManager } from 'typeorm';
import { int } from '../database/index.js';
import { FUND_REVISIONS, isLatestRevisionSql } from '../rules/index.js';
import type { FundView, LeadSummary, LeadTransitionView } from './attraction.types.js';
import { Lead } from './lead.entity.js';
import type { LeadEventType, LeadStatus } from './lead-states.js';
import type { LeadTransition } from './lead-transition.entity.js';
import { inScope, type Scope, visibleOr404 } from '../access/index.js';

/** Reading leads, their transitions and funds: shared by the lead services and the engine. */

/** The lead, or 404 when it does not exist or lies outside the caller's scope (no difference shown). */
export async function leadInScope(manager: EntityManager, id: number, scope: Scope): Promise<Lead> {
  const lead = await manager.findOneBy(Lead, { id });
  return visibleOr404(lead, lead !== null && inScope(lead, scope), '招商项目');
}

/** Σ latest 到位资金 of every month of a lead `l` (recorded by `:asOf` when asked), as a correlated subquery. */
export function fundedSql(options: { asOf?: boolean } = {}): string {
  const recorded = options.asOf ? ' AND f.recorded_at <= :asOf' : '';
  return `(SELECT COALESCE(SUM(f.amount_wan), 0) FROM lead_fund f
            WHERE f.lead_id = l.id${recorded} AND ${isLatestRevisionSql('f', { of: FUND_REVISIONS, asOf: options.asOf })})`;
}

const nullableInt = (value: unknown) => (value === null || value === undefined ? null : int(value));

/** A lead row (`lead` columns and `funded`) as lists show it. */
export function summaryOf(row: Record<string, unknown>): LeadSummary {
  return {
    id: int(row.id),
    name: row.name as string,
    investor: row.investor as string,
    origin: row.origin as LeadSummary['origin'],
    chain: row.chain_code as string,
    region: row.region_code as string,
    intendedInvestment: int(row.intended_investment_wan),
    status: row.status as LeadStatus,
    signedAmount: nullableInt(row.signed_amount_wan),
    signedDate: (row.signed_date as string | null) ?? null,
    landedDate: (row.landed_date as string | null) ?? null,
    projectId: nullableInt(row.project_id),
    funded: int(row.funded),
  };
}

export function transitionView(row: LeadTransition): LeadTransitionView {
  return {
    id: row.id,
    event: row.event as LeadEventType,
    fromStatus: row.fromStatus as LeadStatus,
    toStatus: row.toStatus as LeadStatus,
    effectiveDate: row.effectiveDate,
    data: JSON.parse(row.data) as unknown,
    reason: row.reason,
    actor: row.actor,
    recordedAt: row.recordedAt,
  };
}

/** A lead_fund row (entity or raw) as the API shows it. */
export function fundViewOf(row: Record<string, unknown>): FundView {
  return {
    leadId: int(row.lead_id ?? row.leadId),
    month: row.month as string,
    revision: int(row.revision),
    amount: int(row.amount_wan ?? row.amountWan),
    actor: row.actor as string,
    recordedAt: (row.recorded_at ?? row.recordedAt) as string,
    correction: Boolean(row.correction),
    reason: (row.reason as string | null) ?? null,
  };
}
