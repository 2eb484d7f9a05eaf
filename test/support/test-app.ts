import { jest } from '@jest/globals';
import request from 'supertest';
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

/** Token lifetime in test apps: ten years. */
export const TEST_TOKEN_TTL_SECONDS = 10 * 365 * 24 * 3600;

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  dataSource: DataSource;
  /** An HTTP client signed in as the first admin (every request carries its bearer token). */
  client: ReturnType<typeof request.agent>;
  /** Sign in and return the bearer token (fails the test when sign-in fails). */
  login(username: string, password: string): Promise<string>;
  /** An HTTP client carrying a given token. */
  clientWith(token: string): ReturnType<typeof request.agent>;
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
    // Tests move the clock across years; tokens must outlive that (expiry has its own test).
    TOKEN_TTL_SECONDS: String(TEST_TOKEN_TTL_SECONDS),
  });
  const app = await createApp(config, { logger: false, seed: false });
  const clock = app.get(Clock);
  let now = new Date(options.now ?? '2024-06-30T04:00:00.000Z');
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  const { SeederService } = await import('../../src/seeding/seeder.service.js');
  await app.get(SeederService).run(config.seed);
  await app.init();
  const http = app.getHttpServer();
  const login = async (username: string, password: string) => {
    const res = await request(http).post('/api/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken as string;
  };
  const clientWith = (token: string) => request.agent(http).set('Authorization', `Bearer ${token}`);
  const client = clientWith(await login('admin', TEST_ADMIN_PASSWORD));
  return {
    app,
    http,
    client,
    login,
    clientWith,
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

/** Every table's rows, for byte-for-byte "a rejected request changed nothing" checks. */
export async function databaseState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const state: Record<string, unknown[]> = {};
  for (const { name } of tables) state[name] = await tableRows(dataSource, name);
  return state;
}
