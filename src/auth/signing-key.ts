import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { readPrivateFile, writePrivateFile } from '../database/index.js';

/** How often the key file is looked at again: a key rotated by the CLI reaches a running server within this. */
const RECHECK_MS = 1000;

/**
 * The HMAC key tokens are signed with (docs/access.md "Sessions and tokens"): TOKEN_SECRET when set,
 * else the key file (TOKEN_KEY_FILE), 32 random bytes generated 0600 on the first start. Never in
 * the database, so no copy of the database — a backup, a dump — yields it. `npm run token:rotate`
 * writes a new one (and ends every session); a running server notices the file changed within a
 * second and signs and checks with the new key from then on.
 */
@Injectable()
export class SigningKey {
  private readonly logger = new Logger('Auth');
  private key?: Buffer;
  private stamp = '';
  private checkedAt = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get fromEnvironment(): boolean {
    return this.config.tokenSecret !== undefined;
  }

  current(): Buffer {
    if (this.config.tokenSecret) return (this.key ??= Buffer.from(this.config.tokenSecret, 'utf8'));
    const now = Date.now();
    if (this.key && now - this.checkedAt < RECHECK_MS) return this.key;
    this.checkedAt = now;
    const file = this.config.tokenKeyFile;
    if (!existsSync(file)) {
      if (writePrivateFile(file, `${randomBytes(32).toString('base64')}\n`, { onlyIfMissing: true }))
        this.logger.log(`generated the token signing key in ${file} (0600; keep it out of backups, or set TOKEN_SECRET)`);
    }
    const stat = statSync(file);
    const stamp = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
    if (this.key && stamp === this.stamp) return this.key;
    const key = Buffer.from(readPrivateFile(file).trim(), 'base64');
    if (key.length < 32) throw new Error(`${file} does not hold a token key (32 bytes, base64): remove it to have one generated, or set TOKEN_SECRET`);
    this.stamp = stamp;
    return (this.key = key);
  }

  /** A new random key in the key file, replacing the old one in one step; refused when the key comes from TOKEN_SECRET. */
  rotate(): void {
    if (this.config.tokenSecret) throw new Error('the token key is TOKEN_SECRET: set a new value on every server and restart them');
    writePrivateFile(this.config.tokenKeyFile, `${randomBytes(32).toString('base64')}\n`);
    this.key = undefined;
    this.checkedAt = 0;
  }
}
