// `npm run lint:api` (after `npm run build`): writes the OpenAPI document the app serves at
// /api/docs-json to test-artifacts/openapi.json (scripts/openapi-document.mjs: the built app on a
// temporary SQLite database, no demo data, not listening), then runs `redocly lint` on it with the
// rules of redocly.yaml (the recommended ones, less those turned off there with the reason).
// Fails on any error.
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { openapiDocument, writeDocument } from './openapi-document.mjs';

const document = await openapiDocument();
const out = relative(process.cwd(), writeDocument(document));
const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
console.log(`${out}: ${Object.keys(document.paths).length} paths, ${operations} operations`);
const lint = spawnSync('node_modules/.bin/redocly', ['lint', out, '--config', 'redocly.yaml'], { stdio: 'inherit' });
process.exitCode = lint.status ?? 1;
