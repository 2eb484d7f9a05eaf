// `npm run lint:api` (after `npm run build`): writes the OpenAPI document the app serves at
// /api/docs-json to test-artifacts/openapi.json (the built app on a temporary SQLite database,
// no demo data, not listening), then runs `redocly lint` on it with the rules of redocly.yaml
// (the recommended ones, less those turned off there with the reason). Fails on any error.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
const out = join('test-artifacts', 'openapi.json');
try {
  const { createApp } = await import('../dist/src/app.factory.js');
  const { loadConfig } = await import('../dist/src/config/index.js');
  const { buildOpenApiDocument } = await import('../dist/src/operations/index.js');
  const config = loadConfig({
    DATABASE_URL: `sqlite:${join(dir, 'openapi.sqlite')}`,
    SEED: 'none',
    ADMIN_PASSWORD: 'openapi-lint-password-1',
    TOKEN_KEY_FILE: join(dir, 'token.key'),
    NOTIFY_TIMES: 'off',
    HEAVY_THREADS: '0',
  });
  const app = await createApp(config, { logger: false, seed: false });
  const document = buildOpenApiDocument(app);
  await app.close();
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
  console.log(`${out}: ${Object.keys(document.paths).length} paths, ${operations} operations`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const lint = spawnSync('node_modules/.bin/redocly', ['lint', out, '--config', 'redocly.yaml'], { stdio: 'inherit' });
process.exitCode = lint.status ?? 1;
