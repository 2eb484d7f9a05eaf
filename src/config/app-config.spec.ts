import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

/** Every environment variable is checked at start; a bad value stops the process with a message naming it. */
describe('configuration from the environment', () => {
  it('defaults', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', location: 'data/tracker.sqlite' },
      seed: 'demo',
      timeZone: 'Asia/Shanghai',
      bodyLimit: '1mb',
      tokenTtlSeconds: 8 * 3600,
      loginAttempts: 10,
      logFormat: 'text',
      backup: undefined,
      trustProxy: false,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['SEED', 'all'],
    ['TZ_CALENDAR', 'Mars/Olympus'],
    ['BODY_LIMIT', 'lots'],
    ['BODY_LIMIT', '10'],
    ['BODY_LIMIT', '2gb'],
    ['TOKEN_TTL_SECONDS', '0'],
    ['TOKEN_SECRET', 'short'],
    ['LOGIN_ATTEMPTS', '-1'],
    ['LOG_FORMAT', 'xml'],
    ['BACKUP_EVERY', '24h'],
    ['BACKUP_KEEP', '3'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'proxy.intranet'],
    ['TRUST_PROXY', '1,loopback'],
  ])('%s=%s is refused, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}`));
  });

  it('accepts sizes with units and a long enough secret', () => {
    expect(loadConfig({ BODY_LIMIT: '500KB' }).bodyLimit).toBe('500kb');
    expect(loadConfig({ BODY_LIMIT: '2048' }).bodyLimit).toBe('2048');
    expect(loadConfig({ TOKEN_SECRET: 'x'.repeat(32) }).tokenSecret).toBe('x'.repeat(32));
  });

  it('reads the backup schedule: minutes, hours or days, at least 5 minutes; a count to keep', () => {
    expect(loadConfig({ BACKUP_DIR: 'backups' }).backup).toEqual({ dir: 'backups', everyMs: 24 * 3600_000, keep: 7 });
    expect(loadConfig({ BACKUP_DIR: 'b', BACKUP_EVERY: '30m', BACKUP_KEEP: '3' }).backup).toEqual({ dir: 'b', everyMs: 30 * 60_000, keep: 3 });
    expect(loadConfig({ BACKUP_DIR: 'b', BACKUP_EVERY: '7d' }).backup?.everyMs).toBe(7 * 86_400_000);
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    for (const [name, value] of [['BACKUP_EVERY', '1m'], ['BACKUP_EVERY', '24'], ['BACKUP_EVERY', '1.5h'], ['BACKUP_EVERY', '2w'], ['BACKUP_KEEP', '0'], ['BACKUP_KEEP', 'all']])
      expect(() => loadConfig({ BACKUP_DIR: 'b', [name]: value })).toThrow(new RegExp(`^${name}`));
  });

  it('reads which reverse proxies to trust: none, a hop count, or addresses', () => {
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/24' }).trustProxy).toEqual(['loopback', '10.0.0.0/24']);
    expect(loadConfig({ TRUST_PROXY: '::1' }).trustProxy).toEqual(['::1']);
  });
});
