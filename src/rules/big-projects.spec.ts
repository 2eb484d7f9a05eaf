import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { bigProjectsBlock, bigProjectsSql, type BigProject } from './big-projects.js';

const PROJECTS = `CREATE TABLE project (id INTEGER, code TEXT, name TEXT, region_code TEXT, chain_code TEXT, total_investment_wan INTEGER,
                                    stage TEXT, actual_completion_date TEXT, created_at TEXT);
  INSERT INTO project VALUES
    (1, 'A', 'a', '371502', 'chem', 500000, 'reserve', NULL, '2024-01-05T00:00:00.000Z'),
    (2, 'B', 'b', '371502', 'chem', 499999, 'implementation.active', NULL, '2024-01-05T00:00:00.000Z'),
    (3, 'C', 'c', '371521', 'steel', 800000, 'withdrawn', NULL, '2024-01-05T00:00:00.000Z'),
    (4, 'D', 'd', '371521', 'steel', 600000, 'completed', '2023-12-31', '2022-01-05T00:00:00.000Z'),
    (5, 'E', 'e', '371522', 'health', 700000, 'completed', '2024-01-01', '2022-01-05T00:00:00.000Z'),
    (6, 'F', 'f', '371522', 'health', 900000, 'preparation', NULL, '2024-08-01T00:00:00.000Z');`;

describe('大项目 (rules/big-projects.ts)', () => {
  it('counts non-withdrawn projects at or above the threshold, in the library by the instant, not completed before the year', () => {
    const rows = runStatement(PROJECTS, bigProjectsSql('p.stage', 'p.actual_completion_date'), {
      bigThreshold: 500_000,
      asOf: '2024-07-01T00:00:00.000Z',
      yearStart: '2024-01-01',
    });
    // A: exactly 50亿 counts. B: one 万元 short. C: withdrawn. D: completed in 2023. E: completed on 1 January 2024 counts.
    // F: entered the library after the instant. Order: largest first.
    expect(rows.map((r) => r.code)).toEqual(['E', 'A']);
  });

  it('the city, every place whose rule requires one and every flagship chain need at least one', () => {
    const projects: BigProject[] = [
      { projectId: 1, code: 'A', name: 'a', region: '371502', chain: 'chem', totalInvestment: 500_000, stage: 'reserve' },
      { projectId: 5, code: 'E', name: 'e', region: '371502', chain: 'health', totalInvestment: 700_000, stage: 'completed' },
    ];
    const block = bigProjectsBlock(
      projects,
      500_000,
      10,
      [
        { code: '371502', name: '东昌府区', required: true },
        { code: '371525', name: '冠县', required: true },
        { code: '371573', name: '旅游度假区', required: false },
      ],
      [
        { code: 'chem', name: '绿色化工', flagship: true },
        { code: 'newenergy', name: '新能源', flagship: true },
        { code: 'steel', name: '黑色金属', flagship: false },
      ],
    );
    expect(block).toMatchObject({ threshold: 500_000, count: 2, target: 10, ok: false });
    expect(block.regions).toEqual([
      { code: '371502', name: '东昌府区', required: true, count: 2, ok: true, projectIds: [1, 5] },
      { code: '371525', name: '冠县', required: true, count: 0, ok: false, projectIds: [] },
      { code: '371573', name: '旅游度假区', required: false, count: 0, ok: true, projectIds: [] },
    ]);
    expect(block.flagshipChains).toEqual([
      { code: 'chem', name: '绿色化工', count: 1, ok: true, projectIds: [1] },
      { code: 'newenergy', name: '新能源', count: 0, ok: false, projectIds: [] },
    ]);
  });
});
