import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The first schema: reference data, projects with their lifecycle, history, year lists
 * and monthly report revisions. Written with TypeORM's schema builder rather than raw
 * SQL so the same migration runs on SQLite and on PostgreSQL.
 */
const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
const varchar = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const integer = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const text = (name: string, nullable = true) => ({ name, type: 'text', isNullable: nullable });
const boolean = (name: string) => ({ name, type: 'boolean', isNullable: false });

export class Init1732200000000 implements MigrationInterface {
  name = 'Init1732200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'region',
        columns: [
          { ...varchar('code', 12), isPrimary: true },
          varchar('name', 64),
          varchar('kind', 8),
          boolean('big_project_required'),
          integer('sort_order'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'chain',
        columns: [
          { ...varchar('code', 32), isPrimary: true },
          { ...integer('no'), isUnique: true },
          varchar('name', 64),
          boolean('flagship'),
          varchar('lead_unit', 64),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'chain_target',
        columns: [
          { ...varchar('chain_code', 32), isPrimary: true },
          { ...integer('year'), isPrimary: true },
          integer('projects'),
          integer('investment_wan'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'year_target',
        columns: [
          { ...integer('year'), isPrimary: true },
          integer('implementation_list_size'),
          integer('implementation_investment_wan'),
          integer('preparation_list_size'),
          integer('start_rate_target_pct'),
          integer('big_project_threshold_wan'),
          integer('big_project_city_target'),
          integer('key_project_threshold_wan'),
          integer('key_project_count'),
          integer('key_project_investment_wan'),
          integer('rating_blue_pct'),
          integer('rating_yellow_pct'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project',
        columns: [
          id,
          { ...varchar('code', 64), isUnique: true },
          varchar('name', 200),
          varchar('owner_enterprise', 200, true),
          varchar('region_code', 12, true),
          varchar('chain_code', 32, true),
          integer('total_investment_wan', true),
          text('content'),
          varchar('planned_start_date', 10, true),
          varchar('actual_start_date', 10, true),
          varchar('planned_completion_date', 10, true),
          varchar('actual_completion_date', 10, true),
          varchar('approval_filing', 10, true),
          varchar('approval_land', 10, true),
          varchar('approval_planning', 10, true),
          varchar('approval_environment', 10, true),
          varchar('approval_energy', 10, true),
          varchar('approval_construction', 10, true),
          varchar('stage', 32),
          text('lifecycle_snapshot', false),
          integer('version'),
          varchar('created_at', 30),
          varchar('updated_at', 30),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['region_code'], referencedTableName: 'region', referencedColumnNames: ['code'], onDelete: 'RESTRICT' }),
          new TableForeignKey({ columnNames: ['chain_code'], referencedTableName: 'chain', referencedColumnNames: ['code'], onDelete: 'RESTRICT' }),
        ],
        indices: [
          new TableIndex({ name: 'idx_project_stage', columnNames: ['stage'] }),
          new TableIndex({ name: 'idx_project_region_stage', columnNames: ['region_code', 'stage'] }),
          new TableIndex({ name: 'idx_project_chain_stage', columnNames: ['chain_code', 'stage'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_history',
        columns: [
          id,
          integer('project_id'),
          varchar('kind', 16),
          varchar('event', 16, true),
          varchar('from_stage', 32, true),
          varchar('to_stage', 32, true),
          varchar('effective_date', 10, true),
          text('reason'),
          text('data', false),
          varchar('actor', 64),
          varchar('recorded_at', 30),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [
          new TableIndex({ name: 'idx_history_project', columnNames: ['project_id', 'id'] }),
          new TableIndex({ name: 'idx_history_transition', columnNames: ['event', 'recorded_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'list_entry',
        columns: [
          id,
          integer('year'),
          integer('project_id'),
          varchar('category', 16),
          integer('planned_investment_wan'),
          ...Array.from({ length: 12 }, (_, i) => integer(`plan_m${String(i + 1).padStart(2, '0')}`, true)),
          varchar('added_at', 30),
          varchar('added_by', 64),
          varchar('removed_at', 30, true),
          varchar('removed_by', 64, true),
          text('reason'),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [
          new TableIndex({ name: 'idx_list_year_current', columnNames: ['year', 'removed_at', 'category'] }),
          new TableIndex({ name: 'idx_list_project', columnNames: ['project_id', 'year'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'report_revision',
        columns: [
          id,
          integer('project_id'),
          varchar('month', 7),
          integer('revision'),
          integer('amount_wan'),
          text('progress'),
          text('problems'),
          varchar('actor', 64),
          varchar('recorded_at', 30),
          boolean('correction'),
          text('reason'),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [
          new TableIndex({ name: 'idx_report_project_month_rev', columnNames: ['project_id', 'month', 'revision'], isUnique: true }),
          new TableIndex({ name: 'idx_report_month_project', columnNames: ['month', 'project_id'] }),
          new TableIndex({ name: 'idx_report_recorded', columnNames: ['recorded_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_revision', 'list_entry', 'project_history', 'project', 'year_target', 'chain_target', 'chain', 'region'])
      await queryRunner.dropTable(table);
  }
}
