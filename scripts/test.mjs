// `npm test` and `npm run test:pg`: Jest on the built specs (jest.config.js, built by
// scripts/build-tests.mjs), with the hook that serves '@jest/globals' (test/support/jest-globals.mjs).
// A spec named by its source (test/lists.e2e-spec.ts, src/rules/progress.spec.ts) runs from its build
// (dist/test/lists.e2e-spec.js, …). docs/development.md "Tests".
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const hook = pathToFileURL(resolve('test/support/jest-globals-hook.mjs')).href;
const args = process.argv.slice(2).map((arg) => {
  const source = /^(?:\.\/)?((?:src|test|seeds)\/.+)\.ts$/.exec(arg);
  return source ? `dist/${source[1]}.js` : arg;
});
const run = spawnSync(process.execPath, ['--import', hook, 'node_modules/jest/bin/jest.js', ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
