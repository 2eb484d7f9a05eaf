import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Running it for real: wall-screen display tokens, and every published bulletin as an audit
 * checkpoint. Bulletins published before this migration get the checkpoint of their own
 * publish entry, found in the audit log (entity `bulletin`, id `YYYY-MM`, action `publish`).
 */
export class Operations1732900000000 implements MigrationInterface {
  name = 'Operations1732900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'display_token',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'name', type: 'varchar', length: '48' },
          { name: 'token_hash', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'varchar', length: '30' },
          { name: 'last_used_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'revoked_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'revoked_by', type: 'varchar', length: '64', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_display_token_hash', columnNames: ['token_hash'], isUnique: true })],
      }),
    );
    await queryRunner.addColumns('bulletin', [
      new TableColumn({ name: 'checkpoint_seq', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'checkpoint_hash', type: 'varchar', length: '64', isNullable: true }),
    ]);
    const p = (n: number) => (queryRunner.connection.driver.options.type === 'postgres' ? `$${n}` : '?');
    const bulletins: { id: number; year: number; month: number }[] = await queryRunner.query('SELECT id, year, month FROM bulletin');
    for (const { id, year, month } of bulletins) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      const [entry]: { seq: number; hash: string }[] = await queryRunner.query(
        `SELECT seq, hash FROM audit_entry WHERE entity = 'bulletin' AND entity_id = ${p(1)} AND action = 'publish' ORDER BY seq LIMIT 1`,
        [key],
      );
      if (entry) await queryRunner.query(`UPDATE bulletin SET checkpoint_seq = ${p(1)}, checkpoint_hash = ${p(2)} WHERE id = ${p(3)}`, [Number(entry.seq), entry.hash, id]);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('bulletin', 'checkpoint_hash');
    await queryRunner.dropColumn('bulletin', 'checkpoint_seq');
    await queryRunner.dropTable('display_token');
  }
}
