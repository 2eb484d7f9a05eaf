import { jest } from '@jest/globals';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { PASSWORD_COST, setPasswordCostForTests } from '../../src/auth/index.js';
import { Clock } from '../../src/common/index.js';
import { loadConfig, parseDatabaseUrl, type SeedMode } from '../../src/config/index.js';
import { dataSourceOptions } from '../../src/database/index.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { useOpenApiDocument } from './openapi-validator.js';
import { snapshot } from './row-snapshots.js';

/** The first admin's password in every test app (user `admin`). */
export const TEST_ADMIN_PASSWORD = 'test-admin-password-8f3c';

/**
 * The password hashing cost of test apps (docs/development.md "Where the suite's time goes"):
 * scrypt still, at about 1 ms a hash instead of ~0.3 s, unless a spec asks for the production
 * cost (`passwordCost: 'production'`: the specs about the cost and sign-in under load).
 */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };

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
 *
 * The database comes from a template built once per test run and copied for the test (a file
 * copy on SQLite, CREATE DATABASE … TEMPLATE on PostgreSQL): the migrated empty database, or,
 * for a seeded app, the database seeded the same way at the same instant (the seeders are
 * deterministic for a given clock). Each test gets its own copy.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-test-'));
  const template = await templateFor(options);
  const database = await freshDatabase(dir, template);
  const { app, setNow } = await bootApp(database, options);
  await app.init();
  const http = app.getHttpServer();
  // Every JSON answer of this app that a test receives through supertest is checked against the document from here on.
  await useOpenApiDocument(http, { runCopy: true });
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
    setNow,
    async close() {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestAppOptions {
  seed?: SeedMode;
  now?: string;
  env?: Record<string, string>;
  /** 'production': hash passwords at the app's real cost (PASSWORD_COST) rather than TEST_PASSWORD_COST. */
  passwordCost?: 'production';
}

/** The app on a database, "now" fixed (and movable), seeded as asked. */
async function bootApp(database: { url: string; postgres: boolean }, options: TestAppOptions): Promise<{ app: NestExpressApplication; setNow(iso: string): void }> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    SEED: options.seed ?? 'none',
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    // Tests move the clock across years; tokens must outlive that (expiry has its own test).
    TOKEN_TTL_SECONDS: String(TEST_TOKEN_TTL_SECONDS),
    // The signing key's file: beside a SQLite test database (the default); on PostgreSQL, in the run's
    // folder, which the global teardown removes (in the system's temporary folder it stayed behind).
    ...(database.postgres ? { TOKEN_KEY_FILE: join(templatesFolder(), `token-${process.pid}.key`) } : {}),
    // No scheduler: tests run the notice rules through the route or the service, at the fixed clock.
    NOTIFY_TIMES: 'off',
    ...options.env,
  });
  setPasswordCostForTests(options.passwordCost === 'production' ? PASSWORD_COST : TEST_PASSWORD_COST);
  const app = await createApp(config, { logger: false, seed: false });
  if (database.postgres) acceptQuestionMarks(app.get(DataSource));
  const clock = app.get(Clock);
  let now = new Date(options.now ?? '2024-06-30T04:00:00.000Z');
  jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  const { SeederService } = await import('../../src/seeding/index.js');
  await app.get(SeederService).run(config.seed);
  return { app, setNow: (iso: string) => void (now = new Date(iso)) };
}

/** The run's template folder: made by the global setup (test/support/global-setup.ts), or this process's own for a spec run alone. */
function templatesFolder(): string {
  const folder = process.env.TRACKER_TEST_TEMPLATES ?? join(tmpdir(), `tracker-templates-${process.pid}`);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/**
 * The template a test's database is copied from (built on first use in this run): the migrated
 * empty database, or the one seeded with these options. On SQLite a file, on PostgreSQL a
 * database name; its marker file in the run's folder says it is complete.
 */
async function templateFor(options: TestAppOptions): Promise<string> {
  const seeded = options.seed !== undefined && options.seed !== 'none';
  const key = seeded ? createHash('sha256').update(JSON.stringify([options.seed, options.now ?? null, options.env ?? {}, options.passwordCost ?? 'test'])).digest('hex').slice(0, 12) : 'migrated';
  const folder = templatesFolder();
  const postgres = Boolean(process.env.TEST_DATABASE_URL);
  const runId = createHash('sha256').update(folder).digest('hex').slice(0, 8);
  const template = postgres ? `tracker_tmpl_${runId}_${key}` : join(folder, `${key}.sqlite`);
  const marker = join(folder, `${postgres ? template : key}.ready`);
  if (existsSync(marker)) return template;
  if (await builtElsewhere(join(folder, `${key}.building`), marker)) return template;

  const lock = join(folder, `${key}.building`);
  const base = seeded ? await templateFor({}) : null;
  const dir = mkdtempSync(join(tmpdir(), 'tracker-template-'));
  try {
    const building = await freshDatabase(dir, base, { keep: true });
    if (seeded) {
      const { app } = await bootApp(building, options);
      await app.close();
    } else await migrate(building.url);
    if (postgres) await renameDatabase(building.url, template);
    else renameSync(building.url.slice('sqlite:'.length), template);
    writeFileSync(marker, template);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(lock, { force: true });
  }
  return template;
}

/**
 * One worker builds a template, the others wait for it (docs/development.md "Where the suite's
 * time goes": two workers used to seed the same demo at a run's start). True when another worker
 * built it meanwhile; false when this one is to build it (it holds `lock`), or when the builder
 * gave up (its lock gone without the marker) or took too long.
 */
async function builtElsewhere(lock: string, marker: string): Promise<boolean> {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; ) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (existsSync(marker)) return true;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    // Claimed: unless it was finished between the look and the claim, this worker builds it.
    if (!existsSync(marker)) return false;
    rmSync(lock, { force: true });
    return true;
  }
  return false;
}

/** Runs the committed migrations on an empty database (the migrated template). */
async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(parseDatabaseUrl(url)), migrations: MIGRATIONS });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

async function renameDatabase(url: string, to: string): Promise<void> {
  const from = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`ALTER DATABASE ${from} RENAME TO ${to}`);
  } catch (error) {
    // Another worker built the same template first: keep theirs.
    await client.query(`DROP DATABASE IF EXISTS ${from} WITH (FORCE)`);
    if (!(error instanceof Error && /already exists/.test(error.message))) throw error;
  } finally {
    await client.end();
  }
}

let databases = 0;

/**
 * A new database for one test app: a SQLite file in the test's temporary folder, or, when
 * TEST_DATABASE_URL points at a PostgreSQL server (scripts/with-postgres.sh), a new database
 * created on it and dropped afterwards. Empty, or a copy of `template` (a file, or a database name).
 */
export async function freshDatabase(dir: string, template: string | null = null, options: { keep?: boolean } = {}): Promise<{ url: string; postgres: boolean; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const file = join(dir, 'tracker.sqlite');
    if (template) copyFileSync(template, file);
    return { url: `sqlite:${file}`, postgres: false, drop: async () => {} };
  }
  const name = `tracker_test_${process.pid}_${++databases}_${Date.now() % 100000}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    postgres: true,
    async drop() {
      if (options.keep) return;
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
  return snapshot(await dataSource.query(`SELECT * FROM "${table}" ORDER BY 1`));
}

const BOOKKEEPING = ['write_counter', 'login_attempt', 'job', 'security_event'];

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
  // holds the places sign-in attempts take (a refused sign-in keeps its place: that is the limit),
  // job the background work a request started (a refused import's job ends failed, applying nothing),
  // and security_event the log of what was refused (a refused request is written there, and only there).
  for (const { name } of tables) if (!BOOKKEEPING.includes(name)) state[name] = await tableRows(dataSource, name);
  return snapshot(state);
}
