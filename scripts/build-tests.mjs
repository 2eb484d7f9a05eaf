// Builds what the suite runs: src/, seeds/ and test/ compiled into dist/ (tsconfig.test.json,
// incremental), then removes compiled files whose source is gone, so a deleted or renamed spec
// never runs from an old build. docs/development.md "Tests".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.cwd();
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'], { stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

let removed = 0;
for (const folder of ['src', 'seeds', 'test']) {
  const built = join(root, 'dist', folder);
  if (!existsSync(built)) continue;
  for (const entry of readdirSync(built, { recursive: true, withFileTypes: true })) {
    const match = /^(.*)\.js(\.map)?$/.exec(entry.name);
    if (!entry.isFile() || !match) continue;
    const source = join(root, folder, relative(built, entry.parentPath), `${match[1]}.ts`);
    if (existsSync(source)) continue;
    rmSync(join(entry.parentPath, entry.name));
    removed += 1;
  }
}
if (removed > 0) console.log(`build-tests: removed ${removed} compiled files whose source is gone`);
