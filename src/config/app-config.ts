import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Configuration is read from the environment once, validated, and turned into a
 * typed object. A bad value stops the process with a message naming it.
 */
export type SeedMode = 'demo' | 'none';

export interface DatabaseConfig {
  type: 'sqlite' | 'postgres';
  /** SQLite file path, or the PostgreSQL URL. */
  location: string;
}

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  seed: SeedMode;
  adminPassword?: string;
  /** The time zone whose calendar date is "today" for the lifecycle guards. */
  timeZone: string;
  bodyLimit: string;
  /** Bearer token lifetime. */
  tokenTtlSeconds: number;
  /** HMAC key for tokens (TOKEN_SECRET); when unset, the key file below is used. */
  tokenSecret?: string;
  /**
   * The token signing key's file (TOKEN_KEY_FILE), generated 0600 on first start, never in the
   * database: by default `token.key` beside the SQLite file, or `data/token.key` on PostgreSQL.
   */
  tokenKeyFile: string;
  /** Failed sign-ins allowed per user and address within 15 minutes before 429. */
  loginAttempts: number;
  /** Worker threads for heavy work (HEAVY_THREADS; 0: on the request thread). */
  heavyThreads: number;
  /** How many days the security log keeps an entry (SECURITY_LOG_DAYS). */
  securityLogDays: number;
  /** `npm run bench` only: mounts the bare comparison routes of src/bench/bench-routes.ts. */
  benchRoutes: boolean;
  /** How log lines are written: Nest's text lines, or one JSON object per line (LOG_FORMAT=json). */
  logFormat: LogFormat;
  /** Scheduled backups (BACKUP_DIR set), else none. */
  backup?: BackupConfig;
  /**
   * Express's `trust proxy` (TRUST_PROXY): which reverse proxies' `X-Forwarded-Proto`/`-For` to
   * believe, so that a request the proxy received over HTTPS counts as secure (HSTS, Secure
   * cookie). `false` (the default): none; the app sees what reached it.
   */
  trustProxy: TrustProxy;
  /** Notices' scheduler and channels (docs/notifications.md "Running"). */
  notifications: NotificationsConfig;
}

export interface NotificationsConfig {
  /** Wall-clock times (HH:MM, TZ_CALENDAR) at which the rules run (NOTIFY_TIMES, default 08:30); empty: no scheduler (NOTIFY_TIMES=off). */
  times: string[];
  /** NOTIFY_ALLOW_HTTP=true: http:// webhook URLs are accepted (an intranet gateway); otherwise https:// only. */
  allowHttp: boolean;
  /** NOTIFY_BASE_URL: the address people open the app at, to make the links in channel messages absolute. */
  baseUrl?: string;
}

/** `false`, a number of proxy hops, or a list of addresses, CIDR ranges and Express's names (`loopback`…). */
export type TrustProxy = false | number | string[];

export type LogFormat = 'text' | 'json';

export interface BackupConfig {
  /** Where the copies go (created when missing). */
  dir: string;
  /** How often, in milliseconds (BACKUP_EVERY: `30m`, `24h`, `7d`). */
  everyMs: number;
  /** How many copies to keep; older ones are deleted. */
  keep: number;
}

export class ConfigError extends Error {}

export function parseDatabaseUrl(url: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const location = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!location) throw new ConfigError('DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/tracker.sqlite');
    return { type: 'sqlite', location };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', location: url };
  throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
}

/** `BODY_LIMIT`: a size in bytes, or with a unit (`500kb`, `1mb`), from 1kb to 50mb. */
function bodyLimit(env: NodeJS.ProcessEnv): string {
  const text = (env.BODY_LIMIT ?? '1mb').trim();
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(text);
  const bytes = match ? Number(match[1]) * { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'] : NaN;
  if (!(bytes >= 1024 && bytes <= 50 * 1024 * 1024))
    throw new ConfigError(`BODY_LIMIT must be a size from 1kb to 50mb such as "1mb" or "500kb", got "${env.BODY_LIMIT}"`);
  return text.toLowerCase();
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const text = env[name];
  if (text === undefined || text === '' || text === '0') return false;
  if (text === '1') return true;
  throw new ConfigError(`${name} must be 0 or 1, got "${text}"`);
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return Number(text);
}

/** `TOKEN_SECRET`: when set, at least 32 characters (a shorter HMAC key is guessable offline). */
function tokenSecret(env: NodeJS.ProcessEnv): string | undefined {
  const secret = env.TOKEN_SECRET;
  if (secret === undefined || secret === '') return undefined;
  if (secret.length < 32) throw new ConfigError(`TOKEN_SECRET must be at least 32 characters, got ${secret.length}`);
  return secret;
}

/** NOTIFY_TIMES, NOTIFY_ALLOW_HTTP, NOTIFY_BASE_URL. */
function notifications(env: NodeJS.ProcessEnv): NotificationsConfig {
  const timesText = (env.NOTIFY_TIMES ?? '08:30').trim();
  const times = timesText === 'off' ? [] : timesText.split(',').map((t) => t.trim());
  if (!times.every((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t)))
    throw new ConfigError(`NOTIFY_TIMES must be "off" or wall-clock times such as "08:30,14:00", got "${env.NOTIFY_TIMES}"`);
  const allow = (env.NOTIFY_ALLOW_HTTP ?? '').trim();
  if (!['', 'true', 'false'].includes(allow)) throw new ConfigError(`NOTIFY_ALLOW_HTTP must be "true" or "false", got "${env.NOTIFY_ALLOW_HTTP}"`);
  const baseUrl = env.NOTIFY_BASE_URL?.trim() || undefined;
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new ConfigError(`NOTIFY_BASE_URL must be an http(s) address such as https://tracker.example.gov.cn, got "${baseUrl}"`);
  return { times: [...new Set(times)].sort(), allowHttp: allow === 'true', baseUrl };
}

/** `HEAVY_THREADS`: worker threads for exports and replays, 0–64; default one per core but one (at least one). */
function heavyThreads(env: NodeJS.ProcessEnv): number {
  const text = env.HEAVY_THREADS;
  if (text === undefined || text === '') return Math.max(1, availableParallelism() - 1);
  if (!/^\d+$/.test(text) || Number(text) > 64) throw new ConfigError(`HEAVY_THREADS must be an integer 0–64, got "${text}"`);
  return Number(text);
}

/** `LOG_FORMAT`: `text` (default) or `json`. */
function logFormat(env: NodeJS.ProcessEnv): LogFormat {
  const format = env.LOG_FORMAT || 'text';
  if (format !== 'text' && format !== 'json') throw new ConfigError(`LOG_FORMAT must be "text" or "json", got "${env.LOG_FORMAT}"`);
  return format;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY`: empty or `0` (trust no proxy), a number of hops (`1`: the one proxy in front),
 * or a comma-separated list of proxy addresses, CIDR ranges and `loopback`/`linklocal`/`uniquelocal`.
 * `true` (trust anyone's X-Forwarded-Proto) is refused: any client could then claim HTTPS.
 */
function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const text = (env.TRUST_PROXY ?? '').trim();
  if (text === '' || text === '0') return false;
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const items = text.split(',').map((item) => item.trim());
  const address = /^[0-9A-Fa-f.:]+(\/\d{1,3})?$/;
  if (items.every((item) => PROXY_NAMES.has(item) || (address.test(item) && /[.:]/.test(item)))) return items;
  throw new ConfigError(
    `TRUST_PROXY must be a number of proxy hops (e.g. 1) or proxy addresses (e.g. "loopback" or "10.0.0.5,10.0.0.0/24"), got "${env.TRUST_PROXY}"`,
  );
}

const DURATION_UNITS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * `BACKUP_DIR`, `BACKUP_EVERY` (a whole number of minutes, hours or days: `30m`, `24h`, `7d`;
 * default `24h`, at least 5 minutes) and `BACKUP_KEEP` (default 7). The last two mean nothing
 * without the first, so setting them alone is an error rather than silently no backups.
 */
function backup(env: NodeJS.ProcessEnv): BackupConfig | undefined {
  const dir = env.BACKUP_DIR?.trim();
  if (!dir) {
    for (const name of ['BACKUP_EVERY', 'BACKUP_KEEP'])
      if (env[name]) throw new ConfigError(`${name} is set but BACKUP_DIR is not: set BACKUP_DIR to the folder for the backups`);
    return undefined;
  }
  const everyText = env.BACKUP_EVERY || '24h';
  const match = /^(\d{1,5})(m|h|d)$/.exec(everyText);
  const everyMs = match ? Number(match[1]) * DURATION_UNITS[match[2] as keyof typeof DURATION_UNITS] : NaN;
  if (!(everyMs >= 5 * 60_000)) throw new ConfigError(`BACKUP_EVERY must be a duration of at least 5 minutes such as "30m", "24h" or "7d", got "${env.BACKUP_EVERY}"`);
  return { dir, everyMs, keep: positiveInt(env, 'BACKUP_KEEP', 7) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new ConfigError(`PORT must be an integer 0–65535, got "${portText}"`);

  const seed = (env.SEED ?? 'demo') as SeedMode;
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be "demo" or "none", got "${env.SEED}"`);

  const timeZone = env.TZ_CALENDAR || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new ConfigError(`TZ_CALENDAR is not a known time zone: "${timeZone}"`);
  }

  const database = parseDatabaseUrl(env.DATABASE_URL ?? 'sqlite:data/tracker.sqlite');
  return {
    port,
    database,
    seed,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    timeZone,
    bodyLimit: bodyLimit(env),
    tokenTtlSeconds: positiveInt(env, 'TOKEN_TTL_SECONDS', 8 * 3600),
    tokenSecret: tokenSecret(env),
    tokenKeyFile: env.TOKEN_KEY_FILE || (database.type === 'sqlite' && database.location !== ':memory:' ? join(dirname(database.location), 'token.key') : join('data', 'token.key')),
    loginAttempts: positiveInt(env, 'LOGIN_ATTEMPTS', 10),
    securityLogDays: positiveInt(env, 'SECURITY_LOG_DAYS', 180),
    heavyThreads: heavyThreads(env),
    benchRoutes: flag(env, 'BENCH_ROUTES'),
    logFormat: logFormat(env),
    backup: backup(env),
    trustProxy: trustProxy(env),
    notifications: notifications(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
