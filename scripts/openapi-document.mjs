// The OpenAPI document exactly as the server serves it at /api/docs-json: boots the built app
// (run `npm run build` first) on a fresh temporary SQLite database with no seed data and no
// background work, reads the document over loopback, and stops. One place for everything that
// needs the document (the generated page types, `npm run api:types`; the API lint).
//
//   node scripts/openapi-document.mjs [out.json]   writes it (default test-artifacts/openapi.json)
//   import { openapiDocument } from './openapi-document.mjs'   returns it
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = join(ROOT, 'test-artifacts', 'openapi.json');

/** The served document (a plain object). Needs the built app in dist/. */
export async function openapiDocument() {
  const { createApp } = await import(pathToFileURL(join(ROOT, 'dist/src/app.factory.js')).href);
  const { loadConfig } = await import(pathToFileURL(join(ROOT, 'dist/src/config/index.js')).href);
  const dir = mkdtempSync(join(tmpdir(), 'openapi-document-'));
  let app;
  try {
    // Only what this needs: never the caller's DATABASE_URL (a real database) or seed settings.
    const config = loadConfig({
      DATABASE_URL: `sqlite:${join(dir, 'document.sqlite')}`,
      SEED: 'none',
      HEAVY_THREADS: '0',
      NOTIFY_TIMES: 'off',
      TZ_CALENDAR: 'Asia/Shanghai',
    });
    app = await createApp(config, { seed: false, logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address();
    const response = await fetch(`http://127.0.0.1:${port}/api/docs-json`);
    if (!response.ok) throw new Error(`GET /api/docs-json answered ${response.status}`);
    return await response.json();
  } finally {
    if (app) await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the document as pretty JSON (stable: the server builds it the same way every time). */
export function writeDocument(document, out = DEFAULT_OUT) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = writeDocument(await openapiDocument(), process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT);
  console.log(`OpenAPI document written to ${out}`);
}
