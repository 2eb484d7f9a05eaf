import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The words of the 月通报 (docs/domain/bulletin-commentary.md): their revisions per month, and on a
 * published bulletin the revision frozen with its figures.
 */
export class BulletinCommentary1734510000000 implements MigrationInterface {
  name = 'BulletinCommentary1734510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Boolean defaults as each database spells them (SQLite stores 0/1), as in YearPlans.
    const no = queryRunner.connection.options.type === 'postgres' ? false : 0;
    await queryRunner.createTable(
      new Table({
        name: 'bulletin_commentary',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'year', type: 'integer' },
          { name: 'month', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'overview', type: 'text' },
          { name: 'problems', type: 'text' },
          { name: 'next_steps', type: 'text' },
          { name: 'praise', type: 'text' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'correction', type: 'boolean', default: no },
          { name: 'reason', type: 'text', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_bulletin_commentary_month', columnNames: ['year', 'month', 'revision'], isUnique: true })],
      }),
    );
    await queryRunner.addColumn('bulletin', new TableColumn({ name: 'commentary_revision', type: 'integer', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('bulletin', 'commentary_revision');
    await queryRunner.dropTable('bulletin_commentary');
  }
}
