import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';

/**
 * CI fails on a type error in browser JavaScript: `npm run check` (which CI runs) includes the
 * browser type check, which passes on the page scripts as they are and fails, naming the file,
 * when one of them misuses an API shape or a shared function. Runs that very command on a copy
 * of the sources. The API shapes are generated from the OpenAPI document
 * (docs/development.md "API types"): a page reading a field the document does not declare fails,
 * and so does the check when the committed generated file is stale.
 */
const ROOT = projectRoot(); // the tests run built, from dist/test: the repository's root by its package.json

/** The part of the `check` script that type-checks the browser files. */
function browserCheckCommand(): string {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = scripts.check.split('&&').map((part) => part.trim()).find((part) => part.includes('tsconfig.web.json'));
  if (!command) throw new Error(`npm run check does not type-check the browser files: ${scripts.check}`);
  return command;
}

/** A copy of the sources and the browser tsconfig, sharing this checkout's node_modules. */
function copyOfSources(): string {
  const dir = mkdtempSync(join(tmpdir(), 'browser-types-'));
  cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(ROOT, 'generated'), join(dir, 'generated'), { recursive: true });
  cpSync(join(ROOT, 'tsconfig.web.json'), join(dir, 'tsconfig.web.json'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function runCheck(dir: string): { status: number | null; diagnostics: string[] } {
  const result = spawnSync('sh', ['-c', browserCheckCommand()], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}` },
  });
  const diagnostics = `${result.stdout}${result.stderr}`.split('\n').filter((line) => /error TS\d+/.test(line));
  return { status: result.status, diagnostics };
}

/** Replaces one exact piece of a copied file (the test fails if the piece is not there). */
function inject(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('the browser type check in npm run check', () => {
  it('is part of the check script', () => {
    expect(browserCheckCommand()).toMatch(/^tsc -p tsconfig\.web\.json$/);
  });

  // One run of the check (a type check of every page is ~20 s of a core): every diagnostic it gives
  // is one of the planted faults below, so the pages as they are have none.
  it('passes on the page scripts as they are, and fails naming each file that misuses a type', () => {
    const dir = copyOfSources();
    try {
      // a misspelt field of the dashboard's shape, a wrong argument to a shared formatter, a wrong label key
      inject(dir, 'src/war-room/public/js/headline.js', "setText('investment-actual', yi(inv.actual));", "setText('investment-actual', yi(inv.actuall));");
      inject(dir, 'src/workbench/public/js/list-page.js', 'stageName(p.stage)', 'stageName(p)');
      inject(dir, 'src/web/public/history.js', 'STAGE_LABELS.reserve', 'STAGE_LABELS.reserved');
      // a page reading a field the import's answer does not declare (its typedef is the generated type)
      writeFileSync(
        join(dir, 'src/workbench/public/js/planted-import.js'),
        [
          '// @ts-check',
          "/** @typedef {import('/shared/types.js').ImportResult} ImportResult */",
          'export const rowsOf = (/** @type {ImportResult} */ result) => result.rows + result.rowsRead;',
          '',
        ].join('\n'),
      );
      // the document stops declaring a field a real page reads: the page fails, not the typedef
      inject(dir, 'generated/api-types.d.ts', 'ignoredColumns: string[];', '');
      const broken = runCheck(dir);
      expect(broken.status).not.toBe(0);
      const files = new Set(broken.diagnostics.map((line) => line.slice(0, line.indexOf('('))));
      expect([...files].sort()).toEqual([
        'src/war-room/public/js/headline.js',
        'src/web/public/history.js',
        'src/workbench/public/js/excel-import-result.js',
        'src/workbench/public/js/list-page.js',
        'src/workbench/public/js/planted-import.js',
      ]);
      // the planted faults' diagnostics and nothing else (the dropped field is read twice on one line):
      // no page as it is has a type error
      const codes = broken.diagnostics.map((line) => `${line.slice(0, line.indexOf('('))} ${/error (TS\d+)/.exec(line)?.[1]}`).sort();
      expect(codes).toEqual([
        'src/war-room/public/js/headline.js TS2551',
        'src/web/public/history.js TS2551',
        'src/workbench/public/js/excel-import-result.js TS2339',
        'src/workbench/public/js/excel-import-result.js TS2339',
        'src/workbench/public/js/list-page.js TS2345',
        'src/workbench/public/js/planted-import.js TS2339',
      ]);
      const text = broken.diagnostics.join('\n');
      expect(text).toContain("Property 'actuall' does not exist");
      expect(text).toContain("Property 'rowsRead' does not exist");
      expect(text).toContain("Property 'ignoredColumns' does not exist");
      expect(text).toContain("Property 'reserved' does not exist");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  // The labels module (/shared/labels.js, src/web/labels.ts) gathers every module's labels.ts, which
  // import only plain modules: through an import of a module's index.ts the check read ~1,350 more
  // files (NestJS, TypeORM, the services) and took 16 s instead of 4 (docs/development.md
  // "The browser specs in chromium's headless shell").
  it('reads no server framework and no service through the labels module', () => {
    const listed = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--listFilesOnly'], { cwd: ROOT, encoding: 'utf8' });
    expect(listed.status).toBe(0);
    const files = listed.stdout.split('\n').filter(Boolean);
    expect(files.some((file) => file.endsWith('/src/web/labels.ts'))).toBe(true);
    const heavy = files.filter((file) => /\/node_modules\/(@nestjs|typeorm|class-validator|rxjs)\/|\.(service|entity|controller|module)\.ts$/.test(file));
    expect(heavy).toEqual([]);
  });

  it('fails when the committed generated API types are not what the server document gives', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.check).toContain('npm run --silent api:types -- --check');
    expect(scripts['api:types']).toBe('npm run build && node scripts/api-types.mjs');

    // the scripts and the generated file in a folder of their own, with this checkout's build (npm test builds first)
    const dir = mkdtempSync(join(tmpdir(), 'api-types-'));
    try {
      cpSync(join(ROOT, 'scripts'), join(dir, 'scripts'), { recursive: true });
      mkdirSync(join(dir, 'generated'), { recursive: true });
      const generated = join(dir, 'generated/api-types.d.ts');
      cpSync(join(ROOT, 'generated/api-types.d.ts'), generated);
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
      symlinkSync(join(ROOT, 'dist'), join(dir, 'dist'), 'dir');
      // a stale check leaves the regenerated file in a temporary folder for the developer: this one's, removed below
      const check = () => spawnSync(process.execPath, ['scripts/api-types.mjs', '--check'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TMPDIR: dir } });

      const current = check();
      expect(`${current.stdout}${current.stderr}`).toContain('matches the server');
      expect(current.status).toBe(0);

      const committed = readFileSync(generated, 'utf8');
      const line = committed.split('\n').findIndex((l) => l.includes('ignoredColumns: string[];')) + 1;
      expect(line).toBeGreaterThan(0);
      writeFileSync(generated, committed.replace('ignoredColumns: string[];', 'ignoredColumns: number[];'));
      const stale = check();
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain(`api types are STALE: generated/api-types.d.ts`);
      expect(stale.stderr).toContain(`first difference at line ${line}: committed "ignoredColumns: number[];", now "ignoredColumns: string[];"`);
      expect(stale.stderr).toContain(`Run \`npm run api:types\` and commit the file (the regenerated one is at ${dir}/api-types-`);
      // the check only reads: the committed file is left as it was
      expect(readFileSync(generated, 'utf8')).toContain('ignoredColumns: number[];');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
