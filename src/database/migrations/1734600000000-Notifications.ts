import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Notices, their inbox items, the units' channels and the deliveries to them (src/notifications/,
 * docs/notifications.md); the rules' windows and recipients as one city-wide setting.
 */
export class Notifications1734600000000 implements MigrationInterface {
  name = 'Notifications1734600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notice',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'key', type: 'varchar', length: '200' },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'body', type: 'text' },
          { name: 'link', type: 'varchar', length: '300' },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
        indices: [new TableIndex({ name: 'uq_notice_key', columnNames: ['key'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'inbox_item',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'user_id', type: 'integer' },
          { name: 'notice_id', type: 'integer' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'read_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'uq_inbox_item', columnNames: ['user_id', 'notice_id'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notice_channel',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'unit_kind', type: 'varchar', length: '16' },
          { name: 'unit_code', type: 'varchar', length: '32', isNullable: true },
          { name: 'type', type: 'varchar', length: '16' },
          { name: 'url', type: 'text', isNullable: true },
          { name: 'secret', type: 'text', isNullable: true },
          { name: 'smtp', type: 'text', isNullable: true },
          { name: 'mail_to', type: 'text', isNullable: true },
          { name: 'digest', type: 'boolean' },
          { name: 'active', type: 'boolean' },
          { name: 'consecutive_failures', type: 'integer', default: 0 },
          { name: 'failing_since', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notice_delivery',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'notice_id', type: 'integer' },
          { name: 'channel_id', type: 'integer' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: 'varchar', length: '30' },
          { name: 'claimed_by', type: 'varchar', length: '80', isNullable: true },
          { name: 'claimed_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'answer', type: 'varchar', length: '500', isNullable: true },
          { name: 'sent_at', type: 'varchar', length: '30', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
        ],
        indices: [
          new TableIndex({ name: 'uq_notice_delivery', columnNames: ['notice_id', 'channel_id'], isUnique: true }),
          new TableIndex({ name: 'idx_notice_delivery_due', columnNames: ['status', 'next_attempt_at'] }),
        ],
      }),
    );
    const settings = {
      rules: {
        'report-missing': { enabled: true, recipients: ['county'], dueDay: 5, reminderWorkingDays: 3 },
        'request-overdue': { enabled: true, recipients: ['department', 'county'] },
        'commitment-due': { enabled: true, recipients: ['county', 'department'], withinDays: 7 },
        'commitment-lapsed': { enabled: true, recipients: ['county', 'department'] },
        'start-overdue': { enabled: true, recipients: ['county', 'responsible'] },
        'red-list': { enabled: true, recipients: ['county', 'responsible'] },
        'bulletin-published': { enabled: true, recipients: ['county', 'responsible'] },
      },
      quietHours: { from: '21:00', to: '08:00' },
    };
    await queryRunner.query(`INSERT INTO app_setting ("key", "value") VALUES ('notifications.settings', '${JSON.stringify(settings)}')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM app_setting WHERE "key" = 'notifications.settings'`);
    for (const table of ['notice_delivery', 'notice_channel', 'inbox_item', 'notice']) await queryRunner.dropTable(table);
  }
}
