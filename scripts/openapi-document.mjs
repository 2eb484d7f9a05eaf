// The OpenAPI document the server serves at /api/docs-json, built by the same function
// (src/operations `buildOpenApiDocument`) from the built app (run `npm run build` first) on a
// fresh temporary SQLite database with no seed data and no background work, not listening. The
// one place for everything that needs the document: the API lint (`npm run lint:api`,
// scripts/openapi-lint.mjs) and the pages' generated types (`npm run api:types`,
// scripts/api-types.mjs).
//
//   node scripts/openapi-document.mjs [out.json]   writes it (default test-artifacts/openapi.json)
//   import { openapiDocument, writeDocument } from './openapi-document.mjs'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'test-artifacts', 'openapi.json');

const built = (path) => import(pathToFileURL(join(ROOT, 'dist/src', path)).href);

/** The document (a plain object). Needs the built app in dist/. */
export async function openapiDocument() {
  const { createApp } = await built('app.factory.js');
  const { loadConfig } = await built('config/index.js');
  const { buildOpenApiDocument } = await built('operations/index.js');
  const dir = mkdtempSync(join(tmpdir(), 'openapi-document-'));
  try {
    // Only what this needs: never the caller's DATABASE_URL (a real database) or seed settings.
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'openapi.sqlite')}`,
      SEED: 'none',
      ADMIN_PASSWORD: 'openapi-document-password-1',
      TOKEN_KEY_FILE: join(dir, 'token.key'),
      NOTIFY_TIMES: 'off',
      HEAVY_THREADS: '0',
    });
    const app = await createApp(config, { logger: false, seed: false });
    try {
      // a copy: plain JSON, as a client reads it
      return JSON.parse(JSON.stringify(buildOpenApiDocument(app)));
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the document as pretty JSON; returns where. */
export function writeDocument(document, out = DEFAULT_OUT) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = writeDocument(await openapiDocument(), process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  console.log(`OpenAPI document written to ${out}`);
}
