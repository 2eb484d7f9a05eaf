/**
 * The figure that counts for a (project, month) is its latest revision (docs/domain/figures.md
 * "Monthly reports"): every revision is kept; a re-filing adds one. As SQL, for a revision
 * row `r` of report_revision: no later revision of the same project and month exists — among
 * those recorded by `:asOf` when the figure is replayed as of an instant. The NOT EXISTS form
 * measured fastest on SQLite and PostgreSQL (docs/benchmarks.md).
 *
 * The same rule holds for every figure kept as revisions (docs/domain/attraction.md): a lead's
 * 到位资金 of a month (`lead_fund`, keyed by lead and month), a chain's quarterly indicators
 * (`chain_indicator`, by chain, year and quarter) and its 差异化指标 note (`chain_note`, by chain
 * and year), a chain's "5个1" (`chain_responsibility`, by chain and year), a project's 包联
 * responsibility (`project_responsibility`, by project) and the 到位 of a 资金 request
 * (`request_disbursement`, by request and month): name the table and the columns that identify
 * one figure.
 */
export interface RevisionTable {
  table: string;
  /** The columns that together name one figure (its revisions share them). */
  keys: readonly string[];
}

export const REPORT_REVISIONS: RevisionTable = { table: 'report_revision', keys: ['project_id', 'month'] };
export const FUND_REVISIONS: RevisionTable = { table: 'lead_fund', keys: ['lead_id', 'month'] };
export const INDICATOR_REVISIONS: RevisionTable = { table: 'chain_indicator', keys: ['chain_code', 'year', 'quarter'] };
export const NOTE_REVISIONS: RevisionTable = { table: 'chain_note', keys: ['chain_code', 'year'] };
/** 到位 of a 资金 request in a month (docs/domain/requests.md "Year to date"). */
export const DISBURSEMENT_REVISIONS: RevisionTable = { table: 'request_disbursement', keys: ['request_id', 'month'] };
/** A chain's "5个1" of a year, and a project's 包联 responsibility (docs/domain/responsibility.md). */
export const CHAIN_RESPONSIBILITY_REVISIONS: RevisionTable = { table: 'chain_responsibility', keys: ['chain_code', 'year'] };
export const PROJECT_RESPONSIBILITY_REVISIONS: RevisionTable = { table: 'project_responsibility', keys: ['project_id'] };

export function isLatestRevisionSql(alias = 'r', options: { asOf?: boolean; of?: RevisionTable } = {}): string {
  const { table, keys } = options.of ?? REPORT_REVISIONS;
  const recorded = options.asOf ? ` AND later.recorded_at <= :asOf` : '';
  const same = keys.map((key) => `later.${key} = ${alias}.${key}`).join(' AND ');
  return `NOT EXISTS (SELECT 1 FROM ${table} later
                   WHERE ${same}
                     AND later.revision > ${alias}.revision${recorded})`;
}
