import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 要素保障 (docs/domain/requests.md): departments and the kinds they own, requests with their
 * transition rows, the status history of the six approvals (督办, 容缺受理), the `department`
 * role's department on users, and the city-wide acceptance time limit (5 working days) as a
 * setting an administrator changes.
 */
export class Requests1733100000000 implements MigrationInterface {
  name = 'Requests1733100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'department',
        columns: [
          { name: 'code', type: 'varchar', length: '32', isPrimary: true },
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'kinds', type: 'varchar', length: '200' },
          { name: 'sort_order', type: 'integer' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'factor_request',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'project_id', type: 'integer' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'approval_key', type: 'varchar', length: '16', isNullable: true },
          { name: 'pollutant', type: 'varchar', length: '16', isNullable: true },
          { name: 'quantity', type: 'integer', isNullable: true },
          { name: 'description', type: 'text' },
          { name: 'needed_by', type: 'varchar', length: '10', isNullable: true },
          { name: 'department_code', type: 'varchar', length: '32' },
          { name: 'source_month', type: 'varchar', length: '7', isNullable: true },
          { name: 'raised_by', type: 'varchar', length: '64' },
          { name: 'raised_at', type: 'varchar', length: '30' },
          { name: 'raised_on', type: 'varchar', length: '10' },
          { name: 'raised_day', type: 'integer' },
          { name: 'accept_due', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'category', type: 'varchar', length: '16', isNullable: true },
          { name: 'promised_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'granted', type: 'integer', isNullable: true },
          { name: 'rating', type: 'varchar', length: '16', isNullable: true },
          { name: 'reopen_count', type: 'integer' },
          { name: 'version', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [
          new TableIndex({ name: 'idx_request_project', columnNames: ['project_id'] }),
          new TableIndex({ name: 'idx_request_department_status', columnNames: ['department_code', 'status'] }),
          new TableIndex({ name: 'idx_request_raised', columnNames: ['raised_on'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'factor_request_transition',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'request_id', type: 'integer' },
          { name: 'event', type: 'varchar', length: '16' },
          { name: 'from_status', type: 'varchar', length: '16', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'category', type: 'varchar', length: '16', isNullable: true },
          { name: 'promised_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'granted', type: 'integer', isNullable: true },
          { name: 'approval_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'rating', type: 'varchar', length: '16', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'effective_date', type: 'varchar', length: '10' },
          { name: 'effective_day', type: 'integer' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['request_id'], referencedTableName: 'factor_request', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'idx_request_transition_request', columnNames: ['request_id', 'event', 'id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'approval_status',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'project_id', type: 'integer' },
          { name: 'approval_key', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'date', type: 'varchar', length: '10', isNullable: true },
          { name: 'commitment_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'department_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'idx_approval_status_project_key', columnNames: ['project_id', 'approval_key', 'id'] })],
      }),
    );
    // Plain SQL: TypeORM's SQLite addColumn rebuilds the table and cannot rebuild the expression
    // index on lower(username) (Sessions migration); ALTER TABLE … ADD COLUMN keeps it on both databases.
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "department_code" varchar(32)');
    await queryRunner.query(`INSERT INTO app_setting ("key", "value") VALUES ('requests.acceptWorkingDays', '5')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM app_setting WHERE "key" = 'requests.acceptWorkingDays'`);
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "department_code"');
    await queryRunner.dropTable('approval_status');
    await queryRunner.dropTable('factor_request_transition');
    await queryRunner.dropTable('factor_request');
    await queryRunner.dropTable('department');
  }
}
