import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Background work kept in the database, seen by every server and resumed after a restart (src/jobs/). */
export class Jobs1734900000000 implements MigrationInterface {
  name = 'Jobs1734900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'job',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'owner', type: 'varchar', length: '64' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'phase', type: 'varchar', length: '16' },
          { name: 'done', type: 'integer', default: 0 },
          { name: 'total', type: 'integer', default: 0 },
          { name: 'payload', type: 'text' },
          { name: 'file', type: 'text', isNullable: true },
          { name: 'result', type: 'text', isNullable: true },
          { name: 'error', type: 'text', isNullable: true },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'claimed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'heartbeat_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'finished_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'idx_job_status', columnNames: ['status', 'created_at'] }),
          new TableIndex({ name: 'idx_job_owner', columnNames: ['owner', 'status'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job');
  }
}
