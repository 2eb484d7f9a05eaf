import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 正排进度 (docs/domain/milestones.md): a project's milestones (节点), each row current until the set
 * is replaced; and on a list entry, whether its monthly plan curve was derived from them.
 */
export class Milestones1734500000000 implements MigrationInterface {
  name = 'Milestones1734500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Boolean defaults as each database spells them (SQLite stores 0/1), as in YearPlans.
    const no = queryRunner.connection.options.type === 'postgres' ? false : 0;
    await queryRunner.createTable(
      new Table({
        name: 'milestone',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'project_id', type: 'integer' },
          { name: 'seq', type: 'integer' },
          { name: 'name', type: 'varchar', length: '32' },
          { name: 'planned_date', type: 'varchar', length: '10' },
          { name: 'actual_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'recorded_by', type: 'varchar', length: '64' },
          { name: 'removed_at', type: 'varchar', length: '30', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'idx_milestone_project', columnNames: ['project_id', 'removed_at'] })],
      }),
    );
    await queryRunner.addColumn('list_entry', new TableColumn({ name: 'plan_derived', type: 'boolean', default: no }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('list_entry', 'plan_derived');
    await queryRunner.dropTable('milestone');
  }
}
