import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { AppModule } from '../app.module.js';
import { ApiError } from '../common/index.js';
import { EXCEL_LIMITS, LedgerImportService } from '../excel/index.js';
import { SeederService } from '../seeding/index.js';
import { configOrExit, fail } from './cli.js';

/**
 * `npm run import:ledger -- <file.xlsx> [--commit] [--year 2024] [--actor name]`: the ledger
 * import of `POST /api/imports/ledger`, on the database DATABASE_URL points at. A dry run
 * unless --commit; prints the result as JSON. Exit 0: no errors (and applied with --commit);
 * 1: row errors or the file was refused (nothing applied); 2: wrong usage or configuration.
 */
const USAGE = 'usage: node dist/src/cli/import-ledger.js <file.xlsx> [--commit] [--year 2024] [--actor name]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { commit: { type: 'boolean', default: false }, year: { type: 'string' }, actor: { type: 'string' }, help: { type: 'boolean', default: false } },
  });
}
try {
  args = parse();
} catch (error) {
  fail(2, `${(error as Error).message}\n${USAGE}`);
}
if (args.values.help || args.positionals.length !== 1) fail(2, USAGE);
const file = args.positionals[0];
const year = args.values.year === undefined ? undefined : Number(args.values.year);
if (year !== undefined && (!/^\d{4}$/.test(args.values.year!) || year < 2000 || year > 2100)) fail(2, `--year must be a year 2000–2100, got "${args.values.year}"`);
const actor = (args.values.actor ?? `cli:${userInfo().username}`).slice(0, 64);

let size: number;
try {
  size = statSync(file).size;
} catch (error) {
  fail(2, `cannot read ${file}: ${(error as Error).message}`);
}
if (size > EXCEL_LIMITS.uploadBytes) fail(1, `refused: ${file} is larger than ${EXCEL_LIMITS.uploadBytes / 1024 / 1024} MB`);

const config = configOrExit();

const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
let exitCode = 0;
try {
  // Regions and chains must be there to resolve names; adding missing reference rows is idempotent.
  await app.get(SeederService).seedReference();
  const result = await app.get(LedgerImportService).import({ name: basename(file), buffer: readFileSync(file) }, { commit: args.values.commit, year, actor });
  console.log(JSON.stringify(result, null, 2));
  if (result.errors.length) {
    console.error(`${result.errors.length} error(s): nothing was imported`);
    exitCode = 1;
  } else if (!args.values.commit) {
    console.error('dry run: nothing was imported (add --commit to apply)');
  }
} catch (error) {
  if (!(error instanceof ApiError)) throw error;
  console.error(`refused (${error.getStatus()}): ${error.message}`);
  for (const detail of error.details) console.error(`  - ${detail.message}`);
  exitCode = 1;
} finally {
  await app.close();
}
process.exit(exitCode);
