import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));

/**
 * Several servers, one database: a write counter every server reads (the board cache's key), the
 * sign-in attempts every server counts, and each project's figures per year kept with every report revision (the current board reads
 * one row per listed project). Figures for existing revisions are filled in from the latest
 * revision of each month.
 */
export class Figures1733000000000 implements MigrationInterface {
  name = 'Figures1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'write_counter',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'version', type: 'bigint' },
        ],
      }),
    );
    await queryRunner.query('INSERT INTO write_counter (id, version) VALUES (1, 0)');
    await queryRunner.createTable(
      new Table({
        name: 'login_attempt',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'key', type: 'varchar', length: '200' },
          { name: 'at', type: 'varchar', length: '16' },
        ],
        indices: [new TableIndex({ name: 'idx_login_attempt_key', columnNames: ['key', 'at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_year_figure',
        columns: [
          { name: 'project_id', type: 'integer', isPrimary: true },
          { name: 'year', type: 'integer', isPrimary: true },
          ...MONTHS.map((m) => ({ name: `m${m}`, type: 'integer', default: 0 })),
        ],
      }),
    );
    await queryRunner.query(`
      INSERT INTO project_year_figure (project_id, year, ${MONTHS.map((m) => `m${m}`).join(', ')})
      SELECT r.project_id, CAST(substr(r.month, 1, 4) AS integer),
             ${MONTHS.map((m) => `CAST(SUM(CASE WHEN substr(r.month, 6, 2) = '${m}' THEN r.amount_wan ELSE 0 END) AS integer)`).join(',\n             ')}
        FROM report_revision r
       WHERE NOT EXISTS (SELECT 1 FROM report_revision later
                          WHERE later.project_id = r.project_id AND later.month = r.month AND later.revision > r.revision)
       GROUP BY r.project_id, CAST(substr(r.month, 1, 4) AS integer)`);
    // Big projects (≥ 50亿) and key ones (≥ 10亿) are found by a range on the total, not a scan.
    await queryRunner.createIndex('project', new TableIndex({ name: 'idx_project_total', columnNames: ['total_investment_wan'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('project', 'idx_project_total');
    await queryRunner.dropTable('project_year_figure');
    await queryRunner.dropTable('login_attempt');
    await queryRunner.dropTable('write_counter');
  }
}
