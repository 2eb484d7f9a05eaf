/**
 * The figure that counts for a (project, month) is its latest revision (docs/domain/figures.md
 * "Monthly reports"): every revision is kept; a re-filing adds one. As SQL, for a revision
 * row `r` of report_revision: no later revision of the same project and month exists — among
 * those recorded by `:asOf` when the figure is replayed as of an instant. The NOT EXISTS form
 * measured fastest on SQLite and PostgreSQL (docs/benchmarks.md).
 */
export function isLatestRevisionSql(alias = 'r', options: { asOf?: boolean } = {}): string {
  const recorded = options.asOf ? ` AND later.recorded_at <= :asOf` : '';
  return `NOT EXISTS (SELECT 1 FROM report_revision later
                   WHERE later.project_id = ${alias}.project_id AND later.month = ${alias}.month
                     AND later.revision > ${alias}.revision${recorded})`;
}
