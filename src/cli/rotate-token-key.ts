import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { AuthService } from '../auth/index.js';
import { configOrExit, fail } from './cli.js';

/**
 * `npm run token:rotate`, on the server, with the same DATABASE_URL and TOKEN_KEY_FILE as the app
 * (it may keep running): writes a new token signing key to the key file and ends every session, so
 * every token and page session signed before stops working at once and everyone signs in again. For
 * when the key may have leaked (docs/access.md "Sessions and tokens"). Audited with actor `cli`.
 * With TOKEN_SECRET set the key is the environment's: change it on every server and restart them.
 * Exit 0 done; 2 wrong usage or configuration.
 */
const USAGE = 'usage: npm run token:rotate   (a new key in TOKEN_KEY_FILE; every session ends)';
if (process.argv.length > 2) fail(2, USAGE);
const config = configOrExit();
if (config.tokenSecret) fail(2, 'the token key comes from TOKEN_SECRET: set a new value (at least 32 characters) on every server and restart them; nothing was changed');

const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, backup: undefined }), { logger: ['error', 'warn'] });
try {
  const { sessionsEnded } = await app.get(AuthService).rotateSigningKey('cli');
  console.log(`new token signing key written to ${config.tokenKeyFile}; ${sessionsEnded} session(s) ended: everyone signs in again`);
} finally {
  await app.close();
}
