import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 招商 (docs/domain/attraction.md): leads and their transitions, 到位资金 by month (revisions
 * kept), the chains' quarterly 通用指标 filings and 差异化指标 notes (revisions kept), and two
 * count targets on the chains' plan rows. A database that already holds the 2024 plan gets the
 * two counts its appendix names (黑色金属: 10 deals over 1亿; 大健康: 10 deals landed), as a
 * fresh one gets them from the reference data.
 */
export class Attraction1733200000000 implements MigrationInterface {
  name = 'Attraction1733200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const id = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
    const recorded = [
      { name: 'actor', type: 'varchar', length: '64' },
      { name: 'recorded_at', type: 'varchar', length: '30' },
    ];
    const chainKey = () => new TableForeignKey({ columnNames: ['chain_code'], referencedTableName: 'chain', referencedColumnNames: ['code'], onDelete: 'RESTRICT' });
    const leadKey = () => new TableForeignKey({ columnNames: ['lead_id'], referencedTableName: 'lead', referencedColumnNames: ['id'], onDelete: 'CASCADE' });

    await queryRunner.createTable(
      new Table({
        name: 'lead',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '200' },
          { name: 'investor', type: 'varchar', length: '200' },
          { name: 'origin', type: 'varchar', length: '16' },
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'region_code', type: 'varchar', length: '12' },
          { name: 'intended_investment_wan', type: 'integer' },
          { name: 'contact', type: 'varchar', length: '200', isNullable: true },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'signed_amount_wan', type: 'integer', isNullable: true },
          { name: 'signed_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'agreement_no', type: 'varchar', length: '64', isNullable: true },
          { name: 'landed_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'project_id', type: 'integer', isNullable: true },
          { name: 'terminated_date', type: 'varchar', length: '10', isNullable: true },
          { name: 'version', type: 'integer' },
          { name: 'created_by', type: 'varchar', length: '64' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
        foreignKeys: [
          chainKey(),
          new TableForeignKey({ columnNames: ['region_code'], referencedTableName: 'region', referencedColumnNames: ['code'], onDelete: 'RESTRICT' }),
          new TableForeignKey({ columnNames: ['project_id'], referencedTableName: 'project', referencedColumnNames: ['id'], onDelete: 'RESTRICT' }),
        ],
        indices: [
          new TableIndex({ name: 'idx_lead_chain_status', columnNames: ['chain_code', 'status'] }),
          new TableIndex({ name: 'idx_lead_region_status', columnNames: ['region_code', 'status'] }),
          new TableIndex({ name: 'idx_lead_project', columnNames: ['project_id'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lead_transition',
        columns: [
          id,
          { name: 'lead_id', type: 'integer' },
          { name: 'event', type: 'varchar', length: '16' },
          { name: 'from_status', type: 'varchar', length: '16' },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'effective_date', type: 'varchar', length: '10' },
          { name: 'amount_wan', type: 'integer', isNullable: true },
          { name: 'project_id', type: 'integer', isNullable: true },
          { name: 'data', type: 'text' },
          { name: 'reason', type: 'text', isNullable: true },
          ...recorded,
        ],
        foreignKeys: [leadKey()],
        indices: [
          new TableIndex({ name: 'idx_lead_transition_lead', columnNames: ['lead_id', 'id'] }),
          new TableIndex({ name: 'idx_lead_transition_event', columnNames: ['event', 'effective_date', 'recorded_at'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'lead_fund',
        columns: [
          id,
          { name: 'lead_id', type: 'integer' },
          { name: 'month', type: 'varchar', length: '7' },
          { name: 'revision', type: 'integer' },
          { name: 'amount_wan', type: 'integer' },
          ...recorded,
          { name: 'correction', type: 'boolean' },
          { name: 'reason', type: 'text', isNullable: true },
        ],
        foreignKeys: [leadKey()],
        indices: [
          new TableIndex({ name: 'idx_lead_fund_lead_month_rev', columnNames: ['lead_id', 'month', 'revision'], isUnique: true }),
          new TableIndex({ name: 'idx_lead_fund_month_lead', columnNames: ['month', 'lead_id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'chain_indicator',
        columns: [
          id,
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'year', type: 'integer' },
          { name: 'quarter', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'revenue_growth_permille', type: 'integer', isNullable: true },
          { name: 'value_added_growth_permille', type: 'integer', isNullable: true },
          { name: 'new_above_scale', type: 'integer', isNullable: true },
          { name: 'new_quality', type: 'integer', isNullable: true },
          { name: 'new_high_tech', type: 'integer', isNullable: true },
          { name: 'new_innovation_platforms', type: 'integer', isNullable: true },
          { name: 'loan_growth_permille', type: 'integer', isNullable: true },
          { name: 'note', type: 'text', isNullable: true },
          ...recorded,
        ],
        foreignKeys: [chainKey()],
        indices: [new TableIndex({ name: 'idx_chain_indicator_rev', columnNames: ['chain_code', 'year', 'quarter', 'revision'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'chain_note',
        columns: [
          id,
          { name: 'chain_code', type: 'varchar', length: '32' },
          { name: 'year', type: 'integer' },
          { name: 'revision', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'note', type: 'text', isNullable: true },
          ...recorded,
        ],
        foreignKeys: [chainKey()],
        indices: [new TableIndex({ name: 'idx_chain_note_rev', columnNames: ['chain_code', 'year', 'revision'], isUnique: true })],
      }),
    );

    await queryRunner.addColumns('chain_target', [
      new TableColumn({ name: 'signed_over_100m_target', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'landed_target', type: 'integer', isNullable: true }),
    ]);
    // The 2024 appendix's 差异化指标 counts, for a database that holds the 2024 plan already.
    await queryRunner.query(`UPDATE chain_target SET signed_over_100m_target = 10 WHERE year = 2024 AND chain_code = 'ferrous'`);
    await queryRunner.query(`UPDATE chain_target SET landed_target = 10 WHERE year = 2024 AND chain_code = 'health'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumns('chain_target', ['signed_over_100m_target', 'landed_target']);
    await queryRunner.dropTable('chain_note');
    await queryRunner.dropTable('chain_indicator');
    await queryRunner.dropTable('lead_fund');
    await queryRunner.dropTable('lead_transition');
    await queryRunner.dropTable('lead');
  }
}
