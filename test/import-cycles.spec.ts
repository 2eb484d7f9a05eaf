import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Layering: the runtime import graph has no cycle between files, and no feature uses a
 * service of a feature that uses one of its own (scripts/check-import-cycles.mjs, run by
 * `npm run lint` in CI). The checker itself is shown to fail on both kinds of cycle.
 */
const SCRIPT = join(process.cwd(), 'scripts/check-import-cycles.mjs');
const check = (root: string) => spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('import graph', () => {
  it('src/ has no import cycle', () => {
    const result = check('src');
    expect([result.status, result.stderr]).toEqual([0, '']);
  });

  it('fails on a cycle between files, naming them', () => {
    const root = tree({
      'a/one.ts': "import { two } from './two.js';\nexport const one = () => two;\n",
      'a/two.ts': "import { one } from './one.js';\nexport const two = () => one;\n",
      'a/three.ts': "import { one } from './one.js';\nexport const three = one;\n",
    });
    try {
      const result = check(root);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/import cycle between files: .*one\.ts → .*two\.ts/);
      expect(result.stderr).not.toMatch(/three\.ts/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('fails when two features use each other’s services', () => {
    const root = tree({
      'projects/projects.service.ts': "import { ListsService } from '../lists/lists.service.js';\n@Injectable()\nexport class ProjectsService { constructor(readonly l: ListsService) {} }\n",
      'lists/lists.service.ts': "import { helper } from '../projects/helper.js';\n@Injectable()\nexport class ListsService {}\nexport const x = helper;\n",
      'projects/helper.ts': "export const helper = 'a plain module';\n",
    });
    try {
      // lists → projects/helper.ts is a plain module, not a service: no feature cycle from it alone.
      expect(check(root).status).toBe(0);
      // lists uses a service of projects (no file cycle: a different file), while projects uses lists' service.
      writeFileSync(join(root, 'projects/history.service.ts'), '@Injectable()\nexport class HistoryService {}\n');
      writeFileSync(join(root, 'lists/lists.service.ts'), "import { HistoryService } from '../projects/history.service.js';\n@Injectable()\nexport class ListsService { constructor(readonly h: HistoryService) {} }\n");
      const result = check(root);
      expect(result.status).toBe(1);
      expect(result.stderr).not.toMatch(/between files/);
      expect(result.stderr).toMatch(/import cycle between features .*lists ↔ projects/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('type-only imports are not edges', () => {
    const root = tree({
      'a/one.ts': "import type { Two } from './two.js';\nexport interface One { two: Two }\n",
      'a/two.ts': "import { type One } from './one.js';\nexport interface Two { one: One }\nexport const x = 1;\n",
    });
    try {
      expect(check(root).status).toBe(0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the lifecycle definition and guards are free of persistence', () => {
    for (const file of ['lifecycle.machine.ts', 'lifecycle.guards.ts', 'lifecycle.snapshot.ts', 'stages.ts']) {
      const text = readFileSync(join('src/lifecycle', file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect([file, imports.filter((specifier) => !specifier.startsWith('./') && specifier !== 'xstate')]).toEqual([file, []]);
    }
  });
});
