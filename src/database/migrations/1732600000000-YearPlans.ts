import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Year plans as data: plan status and publication, attraction targets and 容缺 on the city
 * part; every appendix column on the chain part; per-place rules; the adjustments made after
 * publication; designated key projects on list entries; a project's origin and the date it
 * entered the library. Plans that exist already were the city's published plans.
 */
export class YearPlans1732600000000 implements MigrationInterface {
  name = 'YearPlans1732600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Boolean defaults as each database spells them (SQLite stores 0/1), so the schema matches the entities.
    const postgres = queryRunner.connection.options.type === 'postgres';
    const yes = postgres ? true : 1;
    const no = postgres ? false : 0;
    await queryRunner.addColumns('year_target', [
      new TableColumn({ name: 'attraction_signed_wan', type: 'integer', default: 0 }),
      new TableColumn({ name: 'attraction_funded_wan', type: 'integer', default: 0 }),
      new TableColumn({ name: 'conditional_approvals_allowed', type: 'boolean', default: no }),
      new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'draft'" }),
      new TableColumn({ name: 'published_at', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'published_by', type: 'varchar', length: '64', isNullable: true }),
    ]);
    await queryRunner.query(`UPDATE year_target SET status = 'published'`);
    await queryRunner.addColumns('chain_target', [
      new TableColumn({ name: 'signed_wan', type: 'integer', default: 0 }),
      new TableColumn({ name: 'funded_wan', type: 'integer', default: 0 }),
      new TableColumn({ name: 'revenue_growth_pct', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'value_added_growth_pct', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'new_above_scale', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'new_quality', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'new_high_tech', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'new_innovation_platforms', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'loan_growth_pct', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'differentiated', type: 'text', isNullable: true }),
      new TableColumn({ name: 'big_project_required', type: 'boolean', default: yes }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'place_rule',
        columns: [
          { name: 'year', type: 'integer', isPrimary: true },
          { name: 'region_code', type: 'varchar', length: '12', isPrimary: true },
          { name: 'big_project_required', type: 'boolean' },
          { name: 'over_key_min', type: 'integer', isNullable: true },
          { name: 'over_key_max', type: 'integer', isNullable: true },
          { name: 'over_big_min', type: 'integer', isNullable: true },
          { name: 'over_big_max', type: 'integer', isNullable: true },
        ],
      }),
    );
    // Existing plans keep the rule the region table carried.
    await queryRunner.query(
      `INSERT INTO place_rule (year, region_code, big_project_required)
       SELECT t.year, r.code, r.big_project_required FROM year_target t CROSS JOIN region r`,
    );
    await queryRunner.createTable(
      new Table({
        name: 'plan_adjustment',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'year', type: 'integer' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'project_id', type: 'integer', isNullable: true },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'reason', type: 'text' },
        ],
        indices: [new TableIndex({ name: 'idx_adjustment_year', columnNames: ['year', 'at'] })],
      }),
    );
    await queryRunner.addColumn('list_entry', new TableColumn({ name: 'key_project', type: 'boolean', default: no }));
    await queryRunner.addColumns('project', [
      new TableColumn({ name: 'origin', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'planned_at', type: 'varchar', length: '10', isNullable: true }),
    ]);
    await queryRunner.query('UPDATE project SET planned_at = substr(created_at, 1, 10)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('project', ['origin', 'planned_at']);
    await queryRunner.dropColumn('list_entry', 'key_project');
    await queryRunner.dropTable('plan_adjustment');
    await queryRunner.dropTable('place_rule');
    await queryRunner.dropColumns('chain_target', [
      'signed_wan', 'funded_wan', 'revenue_growth_pct', 'value_added_growth_pct', 'new_above_scale', 'new_quality',
      'new_high_tech', 'new_innovation_platforms', 'loan_growth_pct', 'differentiated', 'big_project_required',
    ]);
    await queryRunner.dropColumns('year_target', ['attraction_signed_wan', 'attraction_funded_wan', 'conditional_approvals_allowed', 'status', 'published_at', 'published_by']);
  }
}
