import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workbook } from './factories/workbooks.js';
import { freshDatabase } from './support/test-app.js';

/**
 * The ledger import from the command line (`npm run import:ledger -- file.xlsx [--commit]`),
 * run as built (`npm test` builds first) on a database of its own.
 */
const CLI = 'dist/src/cli/import-ledger.js';

describe('import-ledger command', () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let file: string;

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does)`);
    dir = mkdtempSync(join(tmpdir(), 'tracker-cli-'));
    database = await freshDatabase(dir);
    file = join(dir, '台账.xlsx');
    writeFileSync(
      file,
      await workbook({
        rows: [
          ['聊城市2024年制造业重点项目台账'],
          ['序号', '项目编码', '项目名称', '建设单位', '县（市、区）', '产业链', '总投资（亿元）', '年度计划投资（亿元）', '计划开工时间', '开工时间', '项目类别', '当前阶段'],
          [1, 'CLI-001', '命令行导入示例一', '聊城示例有限公司', '冠县', '绿色化工', '5.5', '1.2', '2024.3', '2024-03-20', '实施类', '在建'],
          [2, 'CLI-002', '命令行导入示例二', '聊城示例有限公司', '阳谷县', '装备制造', 0.8, 0.3, '2024年12月', null, '准备类', '准备'],
        ],
      }),
    );
  });
  afterAll(async () => {
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = (...args: string[]) => {
    const res = spawnSync(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, SEED: 'none', ADMIN_PASSWORD: 'cli-test-password' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: res.status, stderr: res.stderr, result: res.stdout ? JSON.parse(res.stdout) : null };
  };

  it('dry run, commit, and a second commit that changes nothing', () => {
    const dry = run(file);
    expect(dry.status).toBe(0);
    expect(dry.result).toMatchObject({ rows: 2, created: 2, committed: false, errors: [] });
    expect(dry.stderr).toContain('dry run');

    const commit = run(file, '--commit', '--year', '2024', '--actor', 'city-office');
    expect(commit.status).toBe(0);
    expect(commit.result).toMatchObject({ rows: 2, created: 2, committed: true, year: 2024 });

    const again = run(file, '--commit');
    expect(again.result).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('exits 1 on a refused file and 2 on wrong usage, importing nothing', () => {
    const bad = join(dir, 'bad.xlsx');
    writeFileSync(bad, 'not a workbook');
    const refused = run(bad, '--commit');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('refused (400)');
    expect(run().status).toBe(2);
    expect(run(file, '--year', 'next').status).toBe(2);
  });
});
