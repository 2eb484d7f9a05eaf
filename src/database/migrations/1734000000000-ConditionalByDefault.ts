import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 容缺受理 is a standing reform, not a yearly favour (issue 23): START on an approval accepted
 * conditionally is allowed unless the plan of the start's year restricts it. A year without a
 * plan row now allows it (the guard reads the restricting years), and a plan created without
 * saying allows it too: the column's default becomes true. Plans already stored keep what they
 * say (a false there now reads "restricted" on the plan page; the city office may untick it).
 */
export class ConditionalByDefault1734000000000 implements MigrationInterface {
  name = 'ConditionalByDefault1734000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await this.setDefault(queryRunner, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.setDefault(queryRunner, false);
  }

  private async setDefault(queryRunner: QueryRunner, value: boolean): Promise<void> {
    // Boolean defaults as each database spells them (SQLite stores 0/1), so the schema matches the entity.
    const postgres = queryRunner.connection.options.type === 'postgres';
    const column = (fallback: boolean) =>
      new TableColumn({ name: 'conditional_approvals_allowed', type: 'boolean', default: postgres ? fallback : Number(fallback) });
    await queryRunner.changeColumn('year_target', column(!value), column(value));
  }
}
