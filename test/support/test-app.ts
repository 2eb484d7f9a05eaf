import { jest } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { Clock } from '../../src/common/clock.js';
import { loadConfig, type SeedMode } from '../../src/config/app-config.js';

/** The first admin's password in every test app (user `admin`). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-8f3c';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  /** Fix "now" (and so "today" in Asia/Shanghai) for the lifecycle guards. */
  setNow(iso: string): void;
  close(): Promise<void>;
}

/**
 * The real application on a real SQLite file built by the migrations, in a fresh
 * temporary directory. Set TEST_DATABASE_URL to run the same tests on PostgreSQL.
 */
export async function startTestApp(options: { seed?: SeedMode; now?: string } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'tracker.sqlite')}`,
    SEED: options.seed ?? 'none',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
  });
  const app = await createApp(config, { logger: false, seed: false });
  const clock = app.get(Clock);
  let now = new Date(options.now ?? '2024-06-30T04:00:00.000Z');
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  const { SeederService } = await import('../../src/seeding/seeder.service.js');
  await app.get(SeederService).run(config.seed);
  await app.init();
  return {
    app,
    http: app.getHttpServer(),
    dataSource: app.get(DataSource),
    setNow(iso: string) {
      now = new Date(iso);
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every row of a table, in id order, as plain objects: for "nothing changed" comparisons. */
export async function tableRows(dataSource: DataSource, table: string): Promise<unknown[]> {
  return dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`);
}

/** The whole database's user data, for byte-for-byte "a rejected request changed nothing" checks. */
export async function databaseState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables = ['region', 'chain', 'chain_target', 'year_target', 'project', 'project_history', 'list_entry', 'report_revision', 'rating_override', 'bulletin'];
  const state: Record<string, unknown[]> = {};
  for (const table of tables) state[table] = await tableRows(dataSource, table);
  return state;
}
