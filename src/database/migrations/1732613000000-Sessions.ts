import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Signed-in sessions (logout and own-password change end tokens one by one), and user
 * names unique whatever their case (`admin` and `ADMIN` were two users). The unique index
 * on lower(username) is written as SQL, which SQLite and PostgreSQL both accept; the
 * entity declares it with `synchronize: false` since TypeORM cannot express it.
 *
 * A database that already has two names differing only in case keeps both users: the
 * later ones (higher id) are renamed `<name>~<id>` so the index can be built, and an
 * admin tells them their new name (GET /api/users lists it).
 */
export class Sessions1732613000000 implements MigrationInterface {
  name = 'Sessions1732613000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const clashes: { id: number; username: string }[] = await queryRunner.query(
      `SELECT u.id, u.username FROM app_user u
        WHERE EXISTS (SELECT 1 FROM app_user v WHERE lower(v.username) = lower(u.username) AND v.id < u.id)
        ORDER BY u.id`,
    );
    for (const { id, username } of clashes) {
      const suffix = `~${id}`;
      const renamed = `${username.slice(0, 64 - suffix.length)}${suffix}`;
      await queryRunner.query(`UPDATE app_user SET username = ${param(queryRunner, 1)} WHERE id = ${param(queryRunner, 2)}`, [renamed, id]);
    }
    await queryRunner.query('CREATE UNIQUE INDEX "idx_user_username_lower" ON "app_user" (lower("username"))');

    await queryRunner.createTable(
      new Table({
        name: 'auth_session',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'integer' },
          { name: 'via', type: 'varchar', length: '8' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'expires_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'app_user', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [
          new TableIndex({ name: 'idx_session_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'idx_session_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('auth_session');
    await queryRunner.query('DROP INDEX "idx_user_username_lower"');
  }
}

/** The n-th bind parameter in the driver's own syntax (`?` for SQLite, `$n` for PostgreSQL). */
function param(queryRunner: QueryRunner, n: number): string {
  return queryRunner.connection.driver.options.type === 'postgres' ? `$${n}` : '?';
}
