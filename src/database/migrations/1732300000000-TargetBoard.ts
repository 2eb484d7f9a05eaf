import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Rating overrides (蓝黄红 manual colours) and published monthly bulletins (月通报). */
export class TargetBoard1732300000000 implements MigrationInterface {
  name = 'TargetBoard1732300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rating_override',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'year', type: 'integer' },
          { name: 'month', type: 'integer' },
          { name: 'scope', type: 'varchar', length: '16' },
          { name: 'key', type: 'varchar', length: '32' },
          { name: 'rating', type: 'varchar', length: '8' },
          { name: 'reason', type: 'text' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'revoked_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'revoked_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'revoke_reason', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_override_board', columnNames: ['year', 'month', 'scope', 'key'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'bulletin',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'year', type: 'integer' },
          { name: 'month', type: 'integer' },
          { name: 'published_at', type: 'varchar', length: '30' },
          { name: 'published_by', type: 'varchar', length: '64' },
          { name: 'body', type: 'text' },
          { name: 'hash', type: 'varchar', length: '64' },
        ],
        indices: [new TableIndex({ name: 'idx_bulletin_month', columnNames: ['year', 'month'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('bulletin');
    await queryRunner.dropTable('rating_override');
  }
}
