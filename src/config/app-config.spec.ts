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
  ])('%s=%s is refused, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}`));
  });

  it('accepts sizes with units and a long enough secret', () => {
    expect(loadConfig({ BODY_LIMIT: '500KB' }).bodyLimit).toBe('500kb');
    expect(loadConfig({ BODY_LIMIT: '2048' }).bodyLimit).toBe('2048');
    expect(loadConfig({ TOKEN_SECRET: 'x'.repeat(32) }).tokenSecret).toBe('x'.repeat(32));
  });
});
