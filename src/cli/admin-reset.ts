import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { AppModule } from '../app.module.js';
import { AuthService, USERNAME } from '../auth/index.js';
import { ApiError } from '../common/index.js';
import { configOrExit, fail } from './cli.js';

/**
 * `npm run admin:reset -- [username]` (default `admin`), on the server: the recovery when
 * nobody can administer (the only admin lost their password, or was demoted or deactivated
 * before the app refused that). Makes the user an active admin with a new password, or
 * creates it; ends all its tokens; writes an audit entry with actor `cli`. The password is
 * ADMIN_PASSWORD when set (it must meet the password rules), else a generated one printed
 * once. Exit 0 done; 1 refused (e.g. a weak ADMIN_PASSWORD); 2 wrong usage or configuration.
 */
const USAGE = 'usage: npm run admin:reset -- [username]   (password: ADMIN_PASSWORD, or a generated one printed once)';
const CLI_ACTOR = 'cli';

const args = process.argv.slice(2);
if (args.length > 1 || args[0] === '--help' || args[0] === '-h') fail(2, USAGE);
const username = args[0] ?? 'admin';
if (!USERNAME.test(username)) fail(2, `user name must be 2–64 letters, digits or . _ -, got "${username}"\n${USAGE}`);

const config = configOrExit();
const generated = !config.adminPassword;
const password = config.adminPassword ?? randomBytes(12).toString('base64url');

const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
let exitCode = 0;
try {
  const { user, created } = await app.get(AuthService).resetAdmin(username, password, CLI_ACTOR);
  console.log(`${created ? 'created' : 'reset'} admin "${user.username}" (id ${user.id}); its earlier tokens no longer work`);
  if (generated) console.log(`password (shown once): ${password}`);
  else console.log('password: the one in ADMIN_PASSWORD');
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  console.error(`refused: ${error.message}`);
  for (const detail of error.details) console.error(`  - ${detail.message}`);
  exitCode = 1;
} finally {
  await app.close();
}
process.exit(exitCode);
