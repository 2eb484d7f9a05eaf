import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const FIGURES = [...MONTHS.map((m) => `ac${m}`), ...MONTHS.map((m) => `e${m}`)];
const COUNTS = [...['00', ...MONTHS].map((m) => `s${m}`), ...['00', ...MONTHS].map((m) => `c${m}`)];
const bigints = (names: string[]) => names.map((name) => ({ name, type: 'bigint', default: 0 }));

/**
 * The current board's figures kept in the write transaction (src/board/board-figures.ts): per
 * listed project and year, per group, and the red list's candidates per month, read by index;
 * a calendar of month ends. The tables start empty and marked stale: the app fills them from the
 * data at its next start (board.figures in app_setting).
 */
export class BoardFigures1734910000000 implements MigrationInterface {
  name = 'BoardFigures1734910000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'board_member',
        columns: [
          { name: 'project_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '12' },
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'category', type: 'varchar', length: '16' },
          { name: 'is_key', type: 'integer' },
          { name: 'planned', type: 'bigint' },
          { name: 'start_month', type: 'integer', isNullable: true },
          { name: 'completion_month', type: 'integer', isNullable: true },
          { name: 'region_sort', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'stage', type: 'varchar', length: '32' },
          { name: 'planned_start_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'actual_start_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'conditional_commitment', type: 'varchar', length: '10', isNullable: true },
          { name: 'has_halts', type: 'integer' },
          ...bigints(FIGURES),
        ],
        indices: [new TableIndex({ name: 'idx_board_member_year', columnNames: ['year'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'board_group',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'chain_code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'category', type: 'varchar', length: '16', isPrimary: true },
          { name: 'is_key', type: 'integer', isPrimary: true },
          { name: 'projects', type: 'bigint' },
          { name: 'planned', type: 'bigint' },
          ...bigints(FIGURES),
          ...bigints(COUNTS),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'board_red',
        columns: [
          { name: 'project_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'month', type: 'integer', isPrimary: true },
          { name: 'region_sort', type: 'integer' },
          { name: 'code', type: 'varchar', length: '64' },
          { name: 'category', type: 'varchar', length: '16' },
          { name: 'stage', type: 'varchar', length: '32' },
          { name: 'planned_start_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'actual_start_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'conditional_commitment', type: 'varchar', length: '10', isNullable: true },
          { name: 'last_halt_event', type: 'varchar', length: '16', isNullable: true },
          { name: 'actual', type: 'bigint' },
          { name: 'expected12', type: 'bigint' },
        ],
        indices: [new TableIndex({ name: 'idx_board_red_order', columnNames: ['year', 'month', 'region_sort', 'code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'board_month',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'month', type: 'integer', isPrimary: true },
          { name: 'month_end', type: 'varchar', length: '10' },
        ],
      }),
    );
    const rows: string[] = [];
    for (let year = 2000; year < 2100; year++)
      for (let month = 1; month <= 12; month++) rows.push(`(${year}, ${month}, '${new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)}')`);
    for (let i = 0; i < rows.length; i += 200) await queryRunner.query(`INSERT INTO board_month (year, month, month_end) VALUES ${rows.slice(i, i + 200).join(', ')}`);
    await queryRunner.query(`INSERT INTO app_setting (key, value) VALUES ('board.figures', 'stale')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM app_setting WHERE key = 'board.figures'`);
    for (const table of ['board_month', 'board_red', 'board_group', 'board_member']) await queryRunner.dropTable(table);
  }
}
