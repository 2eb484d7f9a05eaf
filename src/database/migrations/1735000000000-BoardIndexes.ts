import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Two indexes the board reads by (docs/benchmarks.md): the listed projects of a year with their
 * entry dates (the 包联 coverage counts reach the list by index, not by a scan of every row), and
 * projects by origin and 纳入 date (the attracted projects counted for a chain's 差异化指标 are
 * found by index instead of a scan of every project).
 */
export class BoardIndexes1735000000000 implements MigrationInterface {
  name = 'BoardIndexes1735000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex('list_entry', new TableIndex({ name: 'idx_list_year_project_live', columnNames: ['year', 'project_id', 'added_at', 'removed_at'] }));
    await queryRunner.createIndex('project', new TableIndex({ name: 'idx_project_origin_planned', columnNames: ['origin', 'planned_at'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('project', 'idx_project_origin_planned');
    await queryRunner.dropIndex('list_entry', 'idx_list_year_project_live');
  }
}
