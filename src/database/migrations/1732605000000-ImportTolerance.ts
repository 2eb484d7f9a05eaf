import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Real county ledgers: the project's 形象进度 (free text the ledgers carry), and the column
 * mappings users confirm per region for headers the import does not know.
 */
export class ImportTolerance1732605000000 implements MigrationInterface {
  name = 'ImportTolerance1732605000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('project', new TableColumn({ name: 'progress', type: 'text', isNullable: true }));
    await queryRunner.createTable(
      new Table({
        name: 'import_mapping',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'region_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'mapping', type: 'text' },
          { name: 'updated_by', type: 'varchar', length: '64' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [new TableIndex({ name: 'idx_import_mapping_kind_region', columnNames: ['kind', 'region_code'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('import_mapping');
    await queryRunner.dropColumn('project', 'progress');
  }
}
