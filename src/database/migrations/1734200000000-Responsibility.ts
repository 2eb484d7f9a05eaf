import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Who answers for each chain and project (docs/domain/responsibility.md): the register of people,
 * each chain's "5个1" per year and each project's 包联 responsibility (both kept as revisions),
 * the 链长's activities; a user may point at a person (role `leader`); a 要素保障 request may carry
 * the activity it was found on as its origin.
 */
export class Responsibility1734200000000 implements MigrationInterface {
  name = 'Responsibility1734200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const recorded = [
      { name: 'actor', type: 'varchar', length: '64' },
      { name: 'recorded_at', type: 'varchar', length: '30' },
    ];
    const personKey = (column: string) => new TableForeignKey({ columnNames: [column], referencedTableName: 'person', referencedColumnNames: ['id'], onDelete: 'RESTRICT' });
    const chainKey = () => new TableForeignKey({ columnNames: ['chain_code'], referencedTableName: 'chain', referencedColumnNames: ['code'], onDelete: 'RESTRICT' });

    await queryRunner.createTable(
      new Table({
        name: 'person',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '64' },
          { name: 'title', type: 'varchar', length: '100' },
          { name: 'organisation', type: 'varchar', length: '100' },
          { name: 'phone', type: 'varchar', length: '32', isNullable: true },
          { name: 'region_code', type: 'varchar', length: '12', isNullable: true },
          { name: 'active', type: 'boolean' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['region_code'], referencedTableName: 'region', referencedColumnNames: ['code'], onDelete: 'RESTRICT' })],
        indices: [new TableIndex({ name: 'idx_person_name', columnNames: ['name'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'chain_responsibility',
        columns: [
          id,
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'year', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'leader_id', type: 'integer', isNullable: true },
          { name: 'department', type: 'varchar', length: '100', isNullable: true },
          { name: 'plan_title', type: 'varchar', length: '200', isNullable: true },
          { name: 'plan_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'plan_text', type: 'text', isNullable: true },
          { name: 'measures', type: 'text' },
          { name: 'anchor_enterprises', type: 'text' },
          ...recorded,
        ],
        foreignKeys: [chainKey(), personKey('leader_id')],
        indices: [new TableIndex({ name: 'idx_chain_responsibility_rev', columnNames: ['chain_code', 'year', 'revision'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'project_responsibility',
        columns: [
          id,
          { name: 'project_id', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'city_leader_id', type: 'integer', isNullable: true },
          { name: 'county_leader_id', type: 'integer', isNullable: true },
          { name: 'commissioner_id', type: 'integer', isNullable: true },
          { name: 'commissioner_kind', type: 'varchar', length: '16', isNullable: true },
          { name: 'contact_name', type: 'varchar', length: '64', isNullable: true },
          { name: 'contact_phone', type: 'varchar', length: '32', isNullable: true },
          ...recorded,
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          personKey('city_leader_id'),
          personKey('county_leader_id'),
          personKey('commissioner_id'),
        ],
        indices: [
          new TableIndex({ name: 'idx_project_responsibility_rev', columnNames: ['project_id', 'revision'], isUnique: true }),
          new TableIndex({ name: 'idx_project_responsibility_city_leader', columnNames: ['city_leader_id'] }),
          new TableIndex({ name: 'idx_project_responsibility_county_leader', columnNames: ['county_leader_id'] }),
          new TableIndex({ name: 'idx_project_responsibility_commissioner', columnNames: ['commissioner_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'chain_activity',
        columns: [
          id,
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'date', type: 'varchar', length: '10' },
          { name: 'leader_id', type: 'integer', isNullable: true },
          { name: 'enterprises', type: 'text' },
          { name: 'project_ids', type: 'text' },
          { name: 'findings', type: 'text' },
          ...recorded,
        ],
        foreignKeys: [chainKey(), personKey('leader_id')],
        indices: [new TableIndex({ name: 'idx_chain_activity_chain_date', columnNames: ['chain_code', 'date'] })],
      }),
    );

    // Plain SQL: TypeORM's SQLite addColumn rebuilds the table, and app_user's expression index on
    // lower(username) (Sessions migration) cannot be rebuilt by it; ADD COLUMN works on both databases.
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "person_id" integer');
    await queryRunner.query('ALTER TABLE "factor_request" ADD COLUMN "origin_kind" varchar(16)');
    await queryRunner.query('ALTER TABLE "factor_request" ADD COLUMN "origin_id" integer');
    await queryRunner.createIndex('factor_request', new TableIndex({ name: 'idx_request_origin', columnNames: ['origin_kind', 'origin_id'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('factor_request', 'idx_request_origin');
    await queryRunner.query('ALTER TABLE "factor_request" DROP COLUMN "origin_id"');
    await queryRunner.query('ALTER TABLE "factor_request" DROP COLUMN "origin_kind"');
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "person_id"');
    await queryRunner.dropTable('chain_activity');
    await queryRunner.dropTable('project_responsibility');
    await queryRunner.dropTable('chain_responsibility');
    await queryRunner.dropTable('person');
  }
}
