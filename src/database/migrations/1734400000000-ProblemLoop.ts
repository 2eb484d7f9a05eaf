import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The problem loop (docs/domain/requests.md): a problem may be about an enterprise or a chain as
 * well as a project (project_id nullable; the enterprise, its contact, the county and chain of a
 * problem without a project), its channel (existing requests: 月调度 when raised with a report,
 * else 其他) and policy tag; the steps' new fields (反馈, 常务会 paper and decision, who at the
 * enterprise evaluated, the 专员 named); 共性 groups; 到位 of 资金 requests as revisions.
 */
export class ProblemLoop1734400000000 implements MigrationInterface {
  name = 'ProblemLoop1734400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn('factor_request', 'project_id', new TableColumn({ name: 'project_id', type: 'integer', isNullable: true }));
    await queryRunner.addColumns('factor_request', [
      new TableColumn({ name: 'enterprise_name', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'contact_name', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'contact_phone', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'region_code', type: 'varchar', length: '12', isNullable: true }),
      new TableColumn({ name: 'chain_code', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'channel', type: 'varchar', length: '16', default: "'other'" }),
      new TableColumn({ name: 'policy_tag', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'commissioner_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'group_id', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'grouped_at', type: 'varchar', length: '30', isNullable: true }),
    ]);
    await queryRunner.query(`UPDATE factor_request SET channel = 'monthly' WHERE source_month IS NOT NULL`);
    await queryRunner.createIndices('factor_request', [
      new TableIndex({ name: 'idx_request_common', columnNames: ['kind', 'department_code', 'raised_on'] }),
      new TableIndex({ name: 'idx_request_group', columnNames: ['group_id'] }),
    ]);
    await queryRunner.addColumns('factor_request_transition', [
      new TableColumn({ name: 'method', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'told_on', type: 'varchar', length: '10', isNullable: true }),
      new TableColumn({ name: 'topic', type: 'text', isNullable: true }),
      new TableColumn({ name: 'opinion', type: 'text', isNullable: true }),
      new TableColumn({ name: 'proposal', type: 'text', isNullable: true }),
      new TableColumn({ name: 'decision', type: 'text', isNullable: true }),
      new TableColumn({ name: 'responsible_unit', type: 'varchar', length: '200', isNullable: true }),
      new TableColumn({ name: 'respondent', type: 'varchar', length: '100', isNullable: true }),
      new TableColumn({ name: 'person_id', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'request_group',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'department_code', type: 'varchar', length: '32' },
          { name: 'policy_tag', type: 'varchar', length: '64', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'proposed_at', type: 'varchar', length: '30' },
          { name: 'confirmed_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'confirmed_by', type: 'varchar', length: '64', isNullable: true },
          { name: 'ended_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        indices: [new TableIndex({ name: 'idx_request_group_status', columnNames: ['status', 'kind', 'department_code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'request_disbursement',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'request_id', type: 'integer' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'revision', type: 'integer' },
          { name: 'amount_wan', type: 'integer' },
          { name: 'actor', type: 'varchar', length: '64' },
          { name: 'recorded_at', type: 'varchar', length: '30' },
          { name: 'correction', type: 'boolean' },
          { name: 'reason', type: 'text', isNullable: true },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['request_id'], referencedTableName: 'factor_request', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [
          new TableIndex({ name: 'idx_request_disbursement_rev', columnNames: ['request_id', 'month', 'revision'], isUnique: true }),
          new TableIndex({ name: 'idx_request_disbursement_month', columnNames: ['month', 'request_id'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('request_disbursement');
    await queryRunner.dropTable('request_group');
    for (const column of ['person_id', 'respondent', 'responsible_unit', 'decision', 'proposal', 'opinion', 'topic', 'told_on', 'method'])
      await queryRunner.dropColumn('factor_request_transition', column);
    await queryRunner.dropIndex('factor_request', 'idx_request_group');
    await queryRunner.dropIndex('factor_request', 'idx_request_common');
    for (const column of ['grouped_at', 'group_id', 'commissioner_id', 'policy_tag', 'channel', 'chain_code', 'region_code', 'contact_phone', 'contact_name', 'enterprise_name'])
      await queryRunner.dropColumn('factor_request', column);
    await queryRunner.query('DELETE FROM factor_request WHERE project_id IS NULL');
    await queryRunner.changeColumn('factor_request', 'project_id', new TableColumn({ name: 'project_id', type: 'integer' }));
  }
}
