#!/usr/bin/env node
// The README's screenshots (docs/*.png): runs the war room's and the workbench's browser specs,
// which leave their screenshots in test-artifacts/, then copies the ones the README shows. The
// test suite itself never writes to docs/. Usage: npm run screenshots
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';

const COPIES = {
  'war-room-1920x1080.png': 'war-room.png',
  'war-room-1366x768.png': 'war-room-laptop.png',
  'workbench-list-1366x768.png': 'workbench-list.png',
  'workbench-project-1366x768.png': 'workbench-project.png',
  'workbench-report-1366x768.png': 'workbench-report.png',
};

// the specs run built, as in `npm test` (scripts/build-tests.mjs, jest.config.js)
const build = spawnSync(process.execPath, ['scripts/build-tests.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const specs = ['dist/test/war-room.browser-spec.js', 'dist/test/workbench.browser-spec.js'];
const run = spawnSync(process.execPath, ['scripts/test.mjs', '--runInBand', ...specs], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
for (const [from, to] of Object.entries(COPIES)) {
  copyFileSync(join('test-artifacts', from), join('docs', to));
  console.log(`docs/${to} ← test-artifacts/${from}`);
}
