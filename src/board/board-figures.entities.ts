import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The current board's figures, kept in the write transaction (board-figures.ts; docs/board.md
 * "Kept figures"): one row per listed project and year (what it adds to its group), one per group
 * (the sums a board reads), one per project and month it may be on the red list (read by index).
 * Month columns come in twelves (`ac01`…`ac12`, …): declared below in a loop.
 */
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/** `ac01…ac12` actual through each month (cumulative), `e01…e12` 12 × expected through each month. */
export const FIGURE_MONTH_COLUMNS = [...MONTHS.map((m) => `ac${m}`), ...MONTHS.map((m) => `e${m}`)];
/** Starts and completions per month of the year: `s00` before it, `s01…s12` in it. */
export const COUNT_MONTH_COLUMNS = [...['00', ...MONTHS].map((m) => `s${m}`), ...['00', ...MONTHS].map((m) => `c${m}`)];

@Entity('board_member')
@Index('idx_board_member_year', ['year'])
export class BoardMember {
  @PrimaryColumn({ name: 'project_id', type: 'integer' }) projectId: number;
  @PrimaryColumn({ type: 'integer' }) year: number;
  /** '' for none (group keys are never NULL). */
  @Column({ name: 'region_code', type: 'varchar', length: 12 }) regionCode: string;
  @Column({ name: 'chain_code', type: 'varchar', length: 32 }) chainCode: string;
  @Column({ type: 'varchar', length: 16 }) category: string;
  @Column({ name: 'is_key', type: 'integer' }) isKey: number;
  @Column({ type: 'bigint' }) planned: string;
  /** The month of the year the project started / completed in: 0 before the year, 1–12, NULL after or none. */
  @Column({ name: 'start_month', type: 'integer', nullable: true }) startMonth: number | null;
  @Column({ name: 'completion_month', type: 'integer', nullable: true }) completionMonth: number | null;
  @Column({ name: 'region_sort', type: 'integer' }) regionSort: number;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ type: 'varchar', length: 32 }) stage: string;
  @Column({ name: 'planned_start_date', type: 'varchar', length: 10, nullable: true }) plannedStartDate: string | null;
  @Column({ name: 'actual_start_date', type: 'varchar', length: 10, nullable: true }) actualStartDate: string | null;
  @Column({ name: 'conditional_commitment', type: 'varchar', length: 10, nullable: true }) conditionalCommitment: string | null;
  @Column({ name: 'has_halts', type: 'integer' }) hasHalts: number;
}

@Entity('board_group')
export class BoardGroup {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12 }) regionCode: string;
  @PrimaryColumn({ name: 'chain_code', type: 'varchar', length: 32 }) chainCode: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) category: string;
  @PrimaryColumn({ name: 'is_key', type: 'integer' }) isKey: number;
  @Column({ type: 'bigint' }) projects: string;
  @Column({ type: 'bigint' }) planned: string;
}

/** A project and month where it may be on the red list (any reason, with the month's last day as the reference date). */
@Entity('board_red')
@Index('idx_board_red_order', ['year', 'month', 'regionSort', 'code'])
export class BoardRed {
  @PrimaryColumn({ name: 'project_id', type: 'integer' }) projectId: number;
  @PrimaryColumn({ type: 'integer' }) year: number;
  @PrimaryColumn({ type: 'integer' }) month: number;
  @Column({ name: 'region_sort', type: 'integer' }) regionSort: number;
  @Column({ type: 'varchar', length: 64 }) code: string;
  @Column({ type: 'varchar', length: 16 }) category: string;
  @Column({ type: 'varchar', length: 32 }) stage: string;
  @Column({ name: 'planned_start_date', type: 'varchar', length: 10, nullable: true }) plannedStartDate: string | null;
  @Column({ name: 'actual_start_date', type: 'varchar', length: 10, nullable: true }) actualStartDate: string | null;
  @Column({ name: 'conditional_commitment', type: 'varchar', length: 10, nullable: true }) conditionalCommitment: string | null;
  @Column({ name: 'last_halt_event', type: 'varchar', length: 16, nullable: true }) lastHaltEvent: string | null;
  @Column({ type: 'bigint' }) actual: string;
  @Column({ type: 'bigint' }) expected12: string;
}

/** The last day of every month (2000–2099), for statements that evaluate every month of a year at once. */
@Entity('board_month')
export class BoardMonth {
  @PrimaryColumn({ type: 'integer' }) year: number;
  @PrimaryColumn({ type: 'integer' }) month: number;
  @Column({ name: 'month_end', type: 'varchar', length: 10 }) monthEnd: string;
}

for (const name of FIGURE_MONTH_COLUMNS) {
  Column({ type: 'bigint', default: 0 })(BoardMember.prototype, name);
  Column({ type: 'bigint', default: 0 })(BoardGroup.prototype, name);
}
for (const name of COUNT_MONTH_COLUMNS) Column({ type: 'bigint', default: 0 })(BoardGroup.prototype, name);

export const BOARD_FIGURE_ENTITIES = [BoardMember, BoardGroup, BoardRed, BoardMonth];
