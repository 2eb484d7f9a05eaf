import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The office a user works for (莘县发展和改革局, 市自然资源和规划局…), shown instead of the login
 * name in every history (issue 23). Optional: without one, the histories name the user's role and
 * scope (docs/access.md "Names in histories").
 */
export class UserOfficeName1734010000000 implements MigrationInterface {
  name = 'UserOfficeName1734010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Plain SQL: TypeORM's SQLite addColumn rebuilds the table and cannot rebuild the expression
    // index on lower(username) (Sessions migration); ALTER TABLE … ADD COLUMN keeps it on both databases.
    await queryRunner.query('ALTER TABLE "app_user" ADD COLUMN "office_name" varchar(64)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "app_user" DROP COLUMN "office_name"');
  }
}
