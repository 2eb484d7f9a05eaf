import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { bigProjectsBlock, bigProjectsSql, type BigProject } from './big-projects.js';

const PROJECTS = `CREATE TABLE project (id INTEGER, code TEXT, name TEXT, region_code TEXT, chain_code TEXT, total_investment_wan INTEGER,
                                    origin TEXT, planned_at TEXT, stage TEXT, actual_completion_date TEXT, created_at TEXT);
  INSERT INTO project VALUES
    (1, 'A', 'a', '371502', 'chem', 500000, 'attracted', '2024-02-01', 'reserve', NULL, '2024-02-01T00:00:00.000Z'),
    (2, 'B', 'b', '371502', 'chem', 499999, 'expansion', '2024-02-01', 'implementation.active', NULL, '2024-02-01T00:00:00.000Z'),
    (3, 'C', 'c', '371521', 'steel', 800000, 'attracted', '2024-03-01', 'withdrawn', NULL, '2024-03-01T00:00:00.000Z'),
    (4, 'D', 'd', '371521', 'steel', 600000, 'expansion', '2022-05-01', 'completed', '2023-12-31', '2022-05-01T00:00:00.000Z'),
    (5, 'E', 'e', '371522', 'health', 700000, 'renovation', '2023-06-01', 'completed', '2024-01-01', '2023-06-01T00:00:00.000Z'),
    (6, 'F', 'f', '371522', 'health', 900000, 'attracted', '2024-08-01', 'preparation', NULL, '2024-08-01T00:00:00.000Z'),
    (7, 'G', 'g', '371525', 'steel', 550000, 'attracted', '2025-01-10', 'reserve', NULL, '2024-06-01T00:00:00.000Z'),
    (8, 'H', 'h', '371525', 'chem', 520000, 'expansion', '2022-03-01', 'implementation.halted', NULL, '2022-03-01T00:00:00.000Z');`;

const params = { bigThreshold: 500_000, keyThreshold: 100_000, asOf: '2024-07-01T00:00:00.000Z', yearStart: '2024-01-01', yearEnd: '2024-12-31' };

const big = (id: number, region: string, chain: string, plannedAt: string): BigProject => ({
  projectId: id,
  code: String(id),
  name: String(id),
  region,
  chain,
  totalInvestment: 600_000,
  stage: 'reserve',
  origin: 'attracted',
  plannedAt,
});

describe('大项目 (rules/big-projects.ts)', () => {
  it('counts for the year: at or above the threshold, in the library by the instant, planned by the year end, not withdrawn, not completed before the year', () => {
    const rows = runStatement(PROJECTS, bigProjectsSql('p.stage', 'p.actual_completion_date'), params);
    // A: exactly 50亿. B: one 万元 short. C: withdrawn. D: completed in 2023. E: completed on 1 January 2024 (counts, continuing).
    // F: entered the library after the instant. G: planned for 2025. H: halted since 2022, continuing.
    expect(rows.map((r) => r.code)).toEqual(['E', 'H', 'A']);
  });

  it('new in the year meets the targets; continuing projects are listed apart and meet none', () => {
    const projects = [big(1, '371502', 'chem', '2024-02-01'), big(5, '371502', 'health', '2023-06-01'), big(8, '371525', 'chem', '2022-03-01'), big(9, '371521', 'health', '2024-12-31')];
    const block = bigProjectsBlock(
      projects,
      { thresholdWan: 500_000, cityTarget: 10, yearStart: '2024-01-01' },
      [
        { code: '371502', name: '东昌府区', required: true },
        { code: '371525', name: '冠县', required: true },
        { code: '371521', name: '阳谷县', required: true },
        { code: '371573', name: '旅游度假区', required: false },
      ],
      [
        { code: 'chem', name: '绿色化工', flagship: true, required: true },
        { code: 'health', name: '大健康', flagship: true, required: true },
        { code: 'newenergy', name: '新能源', flagship: true, required: true },
        { code: 'steel', name: '黑色金属', flagship: false, required: true },
      ],
    );
    expect(block).toMatchObject({ threshold: 500_000, count: 2, target: 10, ok: false });
    expect(block.newThisYear.map((p) => p.projectId)).toEqual([1, 9]);
    expect(block.continuing.map((p) => p.projectId)).toEqual([5, 8]);
    const attracted = (ids: number[], ok: boolean) => ({ count: ids.length, ok, projectIds: ids });
    expect(block.regions).toEqual([
      { code: '371502', name: '东昌府区', required: true, count: 1, ok: true, projectIds: [1], attracted: attracted([1], true) },
      { code: '371525', name: '冠县', required: true, count: 0, ok: false, projectIds: [], attracted: attracted([], false) }, // only a continuing one
      { code: '371521', name: '阳谷县', required: true, count: 1, ok: true, projectIds: [9], attracted: attracted([9], true) },
      { code: '371573', name: '旅游度假区', required: false, count: 0, ok: true, projectIds: [], attracted: attracted([], true) },
    ]);
    // 谋划 is asked of the flagship chains only; 引进 of every chain whose row says so.
    expect(block.chains.map((c) => [c.code, c.flagship, c.count, c.ok, c.attracted.count, c.attracted.ok])).toEqual([
      ['chem', true, 1, true, 1, true],
      ['health', true, 1, true, 1, true],
      ['newenergy', true, 0, false, 0, false],
      ['steel', false, 0, true, 0, false],
    ]);
    expect(block.flagshipChains.map((c) => [c.code, c.ok])).toEqual([
      ['chem', true],
      ['health', true],
      ['newenergy', false],
    ]);
  });

  it('引进 counts only projects attracted from outside; 谋划 counts any origin (2025: 高唐县 有色金属 is an expansion)', () => {
    const project = (id: number, region: string, chain: string, origin: string): BigProject => ({ ...big(id, region, chain, '2025-03-01'), origin });
    const block = bigProjectsBlock(
      [
        project(1, '371526', 'nonferrous', 'expansion'), // 高唐县 有色金属 本地企业扩产: 谋划 yes, 引进 no
        project(2, '371525', 'new-energy', 'attracted'), // 冠县 新能源 招商引进: both
        project(3, '371522', 'health', 'renovation'), // 莘县 大健康 技改: 谋划 only
        { ...big(4, '371522', 'health', '2023-05-01'), origin: 'attracted' }, // 续建: neither
      ],
      { thresholdWan: 500_000, cityTarget: 10, yearStart: '2025-01-01' },
      [
        { code: '371526', name: '高唐县', required: true },
        { code: '371525', name: '冠县', required: true },
        { code: '371522', name: '莘县', required: true },
      ],
      [
        { code: 'nonferrous', name: '有色金属', flagship: true, required: true },
        { code: 'new-energy', name: '新能源', flagship: true, required: true },
        { code: 'health', name: '大健康', flagship: true, required: true },
      ],
    );
    expect(block.count).toBe(3);
    expect(block.attractedCount).toBe(1);
    expect(block.regions.map((r) => [r.name, r.count, r.ok, r.attracted.count, r.attracted.ok])).toEqual([
      ['高唐县', 1, true, 0, false],
      ['冠县', 1, true, 1, true],
      ['莘县', 1, true, 0, false],
    ]);
    expect(block.chains.map((c) => [c.name, c.count, c.ok, c.attracted.count, c.attracted.ok])).toEqual([
      ['有色金属', 1, true, 0, false],
      ['新能源', 1, true, 1, true],
      ['大健康', 1, true, 0, false],
    ]);
  });
});
