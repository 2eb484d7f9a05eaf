import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The audit log (审计日志): an append-only hash chain of every change. `seq` is assigned
 * by the application (MAX + 1 inside the writing transaction), not by the database, so
 * that it is the entry's position in the chain.
 */
export class Audit1732500000000 implements MigrationInterface {
  name = 'Audit1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'entity', type: 'varchar', length: '32' },
          { name: 'entity_id', type: 'varchar', length: '64' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'prev_hash', type: 'varchar', length: '64' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [
          new TableIndex({ name: 'idx_audit_entity', columnNames: ['entity', 'entity_id', 'seq'] }),
          new TableIndex({ name: 'idx_audit_at', columnNames: ['at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entry');
  }
}
