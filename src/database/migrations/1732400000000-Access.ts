import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Users and roles, app settings (token key), and project comments. */
export class Access1732400000000 implements MigrationInterface {
  name = 'Access1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'app_user',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'username', type: 'varchar', length: '64', isUnique: true },
          { name: 'password_hash', type: 'varchar', length: '255' },
          { name: 'role', type: 'varchar', length: '16' },
          { name: 'region_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'chain_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'active', type: 'boolean' },
          { name: 'token_version', type: 'integer' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'app_setting',
        columns: [
          { name: 'key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'value', type: 'text' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_comment',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'project_id', type: 'integer' },
          { name: 'author', type: 'varchar', length: '64' },
          { name: 'text', type: 'text' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [new TableIndex({ name: 'idx_comment_project', columnNames: ['project_id', 'id'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('project_comment');
    await queryRunner.dropTable('app_setting');
    await queryRunner.dropTable('app_user');
  }
}
