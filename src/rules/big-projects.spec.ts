import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { bigProjectsBlock, bigProjectsSql, placeCountChecks, PLACE_SIZE_COUNTS_SQL, type BigProject } from './big-projects.js';

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
    expect(block.regions).toEqual([
      { code: '371502', name: '东昌府区', required: true, count: 1, ok: true, projectIds: [1] },
      { code: '371525', name: '冠县', required: true, count: 0, ok: false, projectIds: [] }, // only a continuing one
      { code: '371521', name: '阳谷县', required: true, count: 1, ok: true, projectIds: [9] },
      { code: '371573', name: '旅游度假区', required: false, count: 0, ok: true, projectIds: [] },
    ]);
    expect(block.chains.map((c) => [c.code, c.flagship, c.count, c.ok])).toEqual([
      ['chem', true, 1, true],
      ['health', true, 1, true],
      ['newenergy', true, 0, false],
      ['steel', false, 0, false],
    ]);
    expect(block.flagshipChains.map((c) => [c.code, c.ok])).toEqual([
      ['chem', true],
      ['health', true],
      ['newenergy', false],
    ]);
  });

  it('place count rules: projects over 10亿 and over 50亿 against the ranges set', () => {
    const rows = runStatement(PROJECTS, PLACE_SIZE_COUNTS_SQL('p.stage', 'p.actual_completion_date'), params);
    const counts = new Map(rows.map((r) => [r.region_code as string, { overKey: Number(r.over_key), overBig: Number(r.over_big) }]));
    // 371502: A (50亿) and B (≥10亿). 371525: H only (G is planned for 2025). 371522: E (F entered after the instant).
    expect(counts.get('371502')).toEqual({ overKey: 2, overBig: 1 });
    expect(counts.get('371525')).toEqual({ overKey: 1, overBig: 1 });
    const checks = placeCountChecks(
      [
        { code: '371502', name: '东昌府区', overKeyMin: 5, overKeyMax: 10, overBigMin: 1, overBigMax: 2 },
        { code: '371525', name: '冠县', overKeyMin: 1, overKeyMax: null, overBigMin: null, overBigMax: null },
        { code: '371573', name: '旅游度假区', overKeyMin: null, overKeyMax: null, overBigMin: null, overBigMax: null },
      ],
      counts,
    );
    expect(checks).toEqual([
      { code: '371502', name: '东昌府区', overKey: { count: 2, min: 5, max: 10, ok: false }, overBig: { count: 1, min: 1, max: 2, ok: true } },
      { code: '371525', name: '冠县', overKey: { count: 1, min: 1, max: null, ok: true }, overBig: { count: 1, min: null, max: null, ok: true } },
    ]);
  });
});
