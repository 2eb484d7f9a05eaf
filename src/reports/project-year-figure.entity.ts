import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A project's reported investment in one year, month by month: the latest revision of each
 * month (万元; 0 when the month has no report). Kept up to date in the same transaction as
 * every report revision (report-figures.ts), so a current board adds up one row per listed
 * project instead of re-deriving the latest revision of every month from all revisions.
 * Boards as of a past instant do not use it: they replay the revisions (docs/domain/figures.md).
 */
@Entity('project_year_figure')
export class ProjectYearFigure {
  @PrimaryColumn({ name: 'project_id', type: 'integer' })
  projectId: number;

  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ type: 'integer', default: 0 }) m01: number;
  @Column({ type: 'integer', default: 0 }) m02: number;
  @Column({ type: 'integer', default: 0 }) m03: number;
  @Column({ type: 'integer', default: 0 }) m04: number;
  @Column({ type: 'integer', default: 0 }) m05: number;
  @Column({ type: 'integer', default: 0 }) m06: number;
  @Column({ type: 'integer', default: 0 }) m07: number;
  @Column({ type: 'integer', default: 0 }) m08: number;
  @Column({ type: 'integer', default: 0 }) m09: number;
  @Column({ type: 'integer', default: 0 }) m10: number;
  @Column({ type: 'integer', default: 0 }) m11: number;
  @Column({ type: 'integer', default: 0 }) m12: number;
}

/** The column of month m (1–12). */
export function figureColumn(month: number): string {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`month out of range: ${month}`);
  return `m${String(month).padStart(2, '0')}`;
}

/** SQL: a figure row's total of months 1..M (0 for M = 0), summed as bigint. */
export function figuresThroughSql(alias: string, month: number): string {
  if (month === 0) return '0';
  return Array.from({ length: month }, (_, i) => `CAST(${alias}.${figureColumn(i + 1)} AS BIGINT)`).join(' + ');
}
