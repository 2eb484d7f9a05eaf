import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 差异化指标 counted from the projects (issue 28): a chain's plan row may ask for a number of projects
 * attracted from outside at or above a size (e.g. "招引投资过30亿元项目"), counted like the deals over 1亿
 * and the landed deals (docs/domain/attraction.md "差异化指标 counted").
 */
export class CountedIndicators1734700000000 implements MigrationInterface {
  name = 'CountedIndicators1734700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('chain_target', [
      new TableColumn({ name: 'attracted_over_target', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'attracted_over_threshold_wan', type: 'integer', isNullable: true }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('chain_target', ['attracted_over_target', 'attracted_over_threshold_wan']);
  }
}
