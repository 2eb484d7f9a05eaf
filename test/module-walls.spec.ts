import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * The walls between modules (docs/architecture.md "The layers"), as dependency-cruiser checks
 * them in `npm run lint` (.dependency-cruiser.cjs): the real tree passes, and each rule is shown
 * failing on a tree with one planted violation of it, naming the rule and the file.
 */
const REPO = process.cwd();
const CONFIG = join(REPO, '.dependency-cruiser.cjs');
const DEPCRUISE = join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const FORMAT = join(REPO, 'node_modules/dependency-cruiser/bin/depcruise-fmt.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/**
 * The violations found (read from the JSON report), and the exit status of the check as `npm run
 * lint` runs it: the `err` reporter's, which `depcruise-fmt` gives over the same cruise's result
 * (the repository is cruised once, not once per reporter).
 */
function cruise(cwd: string, paths: string[]): { status: number | null; violations: Violation[] } {
  const json = spawnSync(process.execPath, [DEPCRUISE, ...paths, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!json.stdout) throw new Error(`depcruise gave no output: ${json.stderr}`);
  const report = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
  const saved = join(mkdtempSync(join(tmpdir(), 'walls-result-')), 'cruise.json');
  try {
    writeFileSync(saved, json.stdout);
    const err = spawnSync(process.execPath, [FORMAT, saved, '--output-type', 'err', '--exit-code'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: err.status, violations: report.summary.violations };
  } finally {
    rmSync(dirname(saved), { recursive: true, force: true });
  }
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'walls-'));
  const all: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', strict: true }, include: ['src', 'test'] }),
    'package.json': JSON.stringify({ name: 'walls', type: 'module' }),
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A small house that keeps every rule: modules with faces, imports only downwards. */
const CLEAN = {
  'src/common/index.ts': "export { money } from './money.js';\n",
  'src/common/money.ts': 'export const money = (wan: number) => wan;\n',
  'src/rules/index.ts': "export { rule } from './rule.js';\n",
  'src/rules/rule.ts': "import { money } from '../common/index.js';\nexport const rule = () => money(1);\n",
  'src/project-records/index.ts': "export { Project } from './project.entity.js';\n",
  'src/project-records/project.entity.ts': "import { rule } from '../rules/index.js';\nexport class Project { x = rule(); }\n",
  'src/requests/index.ts': "export { raise } from './requests.service.js';\n",
  'src/requests/requests.service.ts': "import { Project } from '../project-records/index.js';\nexport const raise = () => new Project();\n",
  'src/lifecycle/index.ts': "export const STAGES = ['reserve'] as const;\n",
  'src/app.module.ts': "import { raise } from './requests/index.js';\nexport const app = raise;\n",
  'test/app.spec.ts': "import { raise } from '../src/requests/index.js';\nexport const t = raise;\n",
};

describe('module walls (dependency-cruiser)', () => {
  it('src/, seeds/ and test/ keep every rule', () => {
    const { status, violations } = cruise(REPO, ['src', 'seeds', 'test']);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
    expect(status).toBe(0);
  }, 60_000);

  it('passes a clean house and fails one planted violation of each rule, naming it', () => {
    const clean = tree(CLEAN);
    const dirty = tree({
      ...CLEAN,
      // no-circular: two files of one module import each other.
      'src/rules/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/rules/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      // foundation-not-to-feature (and layer-order:common): the bottom imports a feature.
      'src/common/feature.ts': "import { raise } from '../requests/index.js';\nexport const f = raise;\n",
      // layer-order: a module imports one above it.
      'src/project-records/upward.ts': "import { raise } from '../requests/index.js';\nexport const u = raise;\n",
      // only-through-index: past another module's face.
      'src/requests/past-face.ts': "import { Project } from '../project-records/project.entity.js';\nexport const p = Project;\n",
      // only-through-index-from-outside: a test past a face.
      'test/past-face.spec.ts': "import { Project } from '../src/project-records/project.entity.js';\nexport const q = Project;\n",
      // module-not-to-shell-files: a module imports the app's assembly.
      'src/requests/shell.ts': "import { app } from '../app.module.js';\nexport const s = app;\n",
      // lifecycle-free-of-persistence: the lifecycle reaches the database.
      'src/database/index.ts': "export const db = 1;\n",
      'src/lifecycle/persisted.ts': "import { db } from '../database/index.js';\nexport const d = db;\n",
      // not-to-unresolvable.
      'src/rules/missing.ts': "import { nothing } from './nowhere.js';\nexport const m = nothing;\n",
    });
    try {
      const ok = cruise(clean, ['src', 'test']);
      expect([ok.status, ok.violations]).toEqual([0, []]);

      const bad = cruise(dirty, ['src', 'test']);
      expect(bad.status).not.toBe(0);
      const found = (rule: string) => bad.violations.filter((v) => v.rule.name === rule).map((v) => v.from);
      expect(found('no-circular')).toEqual([expect.stringMatching(/^src\/rules\/[ab]\.ts$/)]);
      expect(found('foundation-not-to-feature')).toEqual(['src/common/feature.ts']);
      expect(found('layer-order:project-records')).toEqual(['src/project-records/upward.ts']);
      expect(found('only-through-index')).toEqual(['src/requests/past-face.ts']);
      expect(found('only-through-index-from-outside')).toEqual(['test/past-face.spec.ts']);
      expect(found('module-not-to-shell-files')).toEqual(['src/requests/shell.ts']);
      expect(found('lifecycle-free-of-persistence')).toEqual(['src/lifecycle/persisted.ts']);
      expect(found('not-to-unresolvable')).toEqual(['src/rules/missing.ts']);
      // Nothing of the clean house is blamed.
      const cleanFiles = new Set(Object.keys(CLEAN));
      expect(bad.violations.filter((v) => cleanFiles.has(v.from) && v.rule.name !== 'no-circular')).toEqual([]);
    } finally {
      rmSync(clean, { recursive: true, force: true });
      rmSync(dirty, { recursive: true, force: true });
    }
  }, 60_000);
});
