import { jest } from '@jest/globals';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { Clock } from '../../src/common/index.js';
import { loadConfig, type SeedMode } from '../../src/config/index.js';

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
export async function startTestApp(options: { seed?: SeedMode; now?: string; env?: Record<string, string> } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
  const database = await freshDatabase(dir);
  const config = loadConfig({
    DATABASE_URL: database.url,
    SEED: options.seed ?? 'none',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    // Tests move the clock across years; tokens must outlive that (expiry has its own test).
    TOKEN_TTL_SECONDS: String(TEST_TOKEN_TTL_SECONDS),
    // The signing key's file in the test's folder (on PostgreSQL there is no database file to put it beside).
    TOKEN_KEY_FILE: join(dir, 'token.key'),
    ...options.env,
  });
  const app = await createApp(config, { logger: false, seed: false });
  if (database.postgres) acceptQuestionMarks(app.get(DataSource));
  const clock = app.get(Clock);
  let now = new Date(options.now ?? '2024-06-30T04:00:00.000Z');
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  const { SeederService } = await import('../../src/seeding/index.js');
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
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

/**
 * A new, empty database for one test app: a SQLite file in the test's temporary folder, or,
 * when TEST_DATABASE_URL points at a PostgreSQL server (scripts/with-postgres.sh), a new
 * database created on it and dropped afterwards.
 */
export async function freshDatabase(dir: string): Promise<{ url: string; postgres: boolean; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return { url: `sqlite:${join(dir, 'tracker.sqlite')}`, postgres: false, drop: async () => {} };
  const name = `tracker_test_${process.pid}_${++databases}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    postgres: true,
    async drop() {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Tests write raw SQL with `?` placeholders (SQLite's); on PostgreSQL they are numbered
 * `$1, $2…` here, for the tests' own queries only (the app never sends `?`).
 */
function acceptQuestionMarks(dataSource: DataSource): void {
  const query = dataSource.query.bind(dataSource);
  dataSource.query = ((text: string, parameters?: unknown[], ...rest: unknown[]) => {
    let n = 0;
    return (query as (...args: unknown[]) => Promise<unknown>)(parameters?.length ? text.replace(/\?/g, () => `$${++n}`) : text, parameters, ...rest);
  }) as DataSource['query'];
}

/** Every row of a table, in id order, as plain objects: for "nothing changed" comparisons. */
export async function tableRows(dataSource: DataSource, table: string): Promise<unknown[]> {
  return dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`);
}

const BOOKKEEPING = ['write_counter', 'login_attempt', 'security_event'];

/** Every table's rows, for byte-for-byte "a rejected request changed nothing" checks. */
export async function databaseState(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await dataSource.query(
    dataSource.options.type === 'postgres'
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const state: Record<string, unknown[]> = {};
  // Bookkeeping, not data: write_counter counts committed write transactions (the board cache's
  // shared key; a request that changes nothing may still commit an empty one), and login_attempt
  // holds the places sign-in attempts take (a refused sign-in keeps its place: that is the limit), and
  // security_event is the log of what was refused (a refused request is written there, and only there).
  for (const { name } of tables) if (!BOOKKEEPING.includes(name)) state[name] = await tableRows(dataSource, name);
  return state;
}
