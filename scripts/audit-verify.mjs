// Verifies the audit log's hash chain on the database of DATABASE_URL (as the app would
// open it) and prints the result as JSON: { ok, checked, firstBad?: { seq, reason, message } }.
// Run after `npm run build`.
//
//   node scripts/audit-verify.mjs [--checkpoint kept.json] [--save-checkpoint new.json]
//
// --checkpoint: a checkpoint kept outside the database ({ "seq": N, "hash": "…" }, as from
//   GET /api/audit/checkpoint); also detects a truncated or rewritten tail.
// --save-checkpoint: when the chain verifies, writes its current checkpoint to that file.
// Exit status: 0 verified, 1 not verified (tampering), 2 could not verify (usage, database).
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { verifyChain } from '../dist/src/audit/audit-chain.js';
import { loadConfig } from '../dist/src/config/app-config.js';
import { dataSourceOptions } from '../dist/src/database/data-source-options.js';

const USAGE = 'usage: node scripts/audit-verify.mjs [--checkpoint kept.json] [--save-checkpoint new.json]';

function parseArgs(argv) {
  const options = {};
  const names = { '--checkpoint': 'checkpoint', '--save-checkpoint': 'saveCheckpoint' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    if (flag === '--help' || flag === '-h') options.help = true;
    else if (names[flag]) {
      const value = inline ?? argv[++i];
      if (!value) throw new Error(`${flag} needs a file name`);
      options[names[flag]] = value;
    } else throw new Error(`unknown argument ${argv[i]}`);
  }
  return options;
}

function readCheckpoint(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (!Number.isSafeInteger(data?.seq) || data.seq < 0 || typeof data.hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(data.hash))
    throw new Error(`${file}: a checkpoint is { "seq": integer ≥ 0, "hash": 64 hex digits }`);
  return { seq: data.seq, hash: data.hash.toLowerCase() };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const checkpoint = options.checkpoint ? readCheckpoint(options.checkpoint) : undefined;
  const config = loadConfig();
  // Opening a missing SQLite file would create an empty database: refuse instead.
  if (config.database.type === 'sqlite' && config.database.location !== ':memory:' && !existsSync(config.database.location))
    throw new Error(`database file not found: ${config.database.location} (set DATABASE_URL)`);

  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    // Read before verifying: verification covers every entry present when it starts.
    const [latest] = await dataSource.query('SELECT seq, hash, "at" FROM audit_entry ORDER BY seq DESC LIMIT 1');
    const result = await verifyChain(dataSource, checkpoint);
    console.log(JSON.stringify(result, null, 2));
    if (result.ok && options.saveCheckpoint) {
      const kept = latest ? { seq: Number(latest.seq), hash: latest.hash, at: latest.at } : { seq: 0, hash: '0'.repeat(64), at: null };
      writeFileSync(options.saveCheckpoint, `${JSON.stringify(kept, null, 2)}\n`);
      console.error(`checkpoint #${kept.seq} written to ${options.saveCheckpoint}`);
    }
    return result.ok ? 0 : 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error) => {
    console.error(`audit-verify: ${error.message}`);
    console.error(USAGE);
    process.exitCode = 2;
  },
);
