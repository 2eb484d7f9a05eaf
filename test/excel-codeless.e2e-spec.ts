import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/common/index.js';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Ledgers without a 项目编码 column (issue 23): every county numbers its rows from 1, so codes
 * cannot come from 序号. Two counties' ledgers, written by openpyxl
 * (test/fixtures/make-ledgers.py: codeless-shenxian.xlsx, codeless-guanxian.xlsx), are imported
 * one after the other on a database that already holds a project, then the first again.
 * Expected codes worked out by hand: one sequence per county and year, from the highest number in
 * use (莘县 already has LC2024-371522-001, so its ledger gets -002 and -003; 冠县 starts at -001).
 */
const fixture = (name: string) => readFileSync(join(projectRoot(), 'test/fixtures/ledgers', name));

describe('ledgers without codes from two counties, both numbered from 1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
  });
  afterAll(() => t.close());

  const commit = (file: string) => t.client.post('/api/imports/ledger?commit=true').attach('file', fixture(file), file);
  const projects = async () =>
    (await t.dataSource.query('SELECT code, name, region_code AS region, owner_enterprise AS owner FROM project ORDER BY id')) as { code: string; name: string; region: string; owner: string }[];

  it('created, created, unchanged: codes per county from the database; rows matched by name within their county', async () => {
    const existing = await t.client.post('/api/projects').send(projectBody({ code: 'LC2024-371522-001', name: '莘县已录入项目', region: '371522' }));
    expect(existing.status).toBe(201);

    const first = await commit('codeless-shenxian.xlsx');
    expect(first.body).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, errors: [], committed: true });

    const second = await commit('codeless-guanxian.xlsx');
    expect(second.body).toMatchObject({ rows: 3, created: 3, updated: 0, unchanged: 0, errors: [], committed: true });

    expect(await projects()).toEqual([
      { code: 'LC2024-371522-001', name: '莘县已录入项目', region: '371522', owner: expect.any(String) },
      { code: 'LC2024-371522-002', name: '莘县示例食品产业园项目', region: '371522', owner: '聊城示例食品有限公司' },
      { code: 'LC2024-371522-003', name: '年产10万吨精细化工项目', region: '371522', owner: '莘县示例化工有限公司' },
      { code: 'LC2024-371525-001', name: '冠县示例轴承扩产项目', region: '371525', owner: '冠县示例轴承有限公司' },
      // the same name in another county is another county's project
      { code: 'LC2024-371525-002', name: '年产10万吨精细化工项目', region: '371525', owner: '冠县示例化工有限公司' },
      { code: 'LC2024-371525-003', name: '冠县示例纺织技改项目', region: '371525', owner: '冠县示例纺织有限公司' },
    ]);

    // The first ledger again: every row finds its project by name within 莘县; nothing changes, audit log included.
    const before = await databaseState(t.dataSource);
    const again = await commit('codeless-shenxian.xlsx');
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(before);
    const guanAgain = await commit('codeless-guanxian.xlsx');
    expect(guanAgain.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});
