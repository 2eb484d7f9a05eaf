import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The security log (docs/access.md "The security log"), and the token signing key taken out of
 * the database: it is kept in a key file or TOKEN_SECRET from now on (docs/access.md "Sessions and
 * tokens"), so the row that held it goes. Every session signed with it ends: a key that sat in
 * readable backups is not to be trusted again.
 */
export class SecurityLog1734300000000 implements MigrationInterface {
  name = 'SecurityLog1734300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'security_event',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'at', type: 'varchar', length: '30' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'username', type: 'varchar', length: '64', isNullable: true },
          { name: 'address', type: 'varchar', length: '64', isNullable: true },
          { name: 'route', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'integer', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'idx_security_event_at', columnNames: ['at'] }), new TableIndex({ name: 'idx_security_event_kind_at', columnNames: ['kind', 'at'] })],
      }),
    );
    await queryRunner.query(`DELETE FROM app_setting WHERE "key" = 'token-secret'`);
    await queryRunner.query(`DELETE FROM auth_session`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('security_event');
  }
}
