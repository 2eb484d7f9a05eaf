import { describe, expect, it } from '@jest/globals';
import type { Dashboard } from '../board/index.js';
import { draftCommentary, NAMED_PROJECTS_MAX } from './commentary-draft.js';

/**
 * The drafting rules (docs/domain/bulletin-commentary.md "The draft") against a small board written
 * by hand: which counties, chains, projects and people the draft names, under which item, and why.
 * The expected sentences are written out here from the rules, not produced by the code.
 */
type Region = Dashboard['regions'][number];
type Chain = Dashboard['chains'][number];
type Red = Dashboard['redList'][number];

const rated = (rating: 'blue' | 'yellow' | 'red' | null) => ({ rating, computedRating: rating, override: null });
const region = (name: string, rank: number | null, ratio: number | null, rating: 'blue' | 'yellow' | 'red' | null, rankChange: number | null): Region => ({
  code: name, name, kind: 'county', projects: 1, plan: 1000, actual: 500, expected: 500, ratio, rank, rankChange, ...rated(rating),
});
const chain = (no: number, name: string, ratio: number | null, rating: 'blue' | 'yellow' | 'red' | null, leader?: string): Chain =>
  ({ code: name, no, name, flagship: false, targetProjects: 1, listedProjects: 1, targetInvestment: 1000, actual: 500, expected: 500, ratio, ...rated(rating), ...(leader ? { leader } : {}) }) as Chain;
let nextId = 0;
const red = (regionName: string, name: string, kind: Red['kind'], reason: string, extra: Record<string, unknown> = {}): Red =>
  ({ projectId: extra.projectId ?? ++nextId, code: name, name, region: regionName, regionName, kind, reason, ...extra }) as Red;

/** June 2024 of a small city: five implementation-list projects, three preparation-list ones. */
function june(): Dashboard {
  const bing = 9001;
  return {
    year: 2024,
    month: 6,
    asOf: '2024-07-05T02:00:00.000Z',
    thresholds: { bluePct: 100, yellowPct: 80 },
    investment: { plan: 120_000, planShare: 0.4362, target: 110_000, actual: 52_340, expected: 55_025, ratio: 0.9512, listed: 5, ...rated('yellow') },
    implementationCounts: { listed: 5, started: 4, completed: 1 },
    startRate: { listed: 3, started: 1, rate: 0.3333, target: 0.8, neededForTarget: 2 },
    regions: [
      region('高唐县', 2, 1.0, 'blue', 0),
      region('莘县', 4, 0.621, 'red', -2),
      region('东阿县', 1, 1.25, 'blue', 1),
      region('冠县', 3, 0.95, 'yellow', null),
      region('临清市', null, null, null, null), // no implementation-list project: not ranked, not named
    ],
    chains: [chain(10, '绿色化工', 1.1, 'blue', '示例链长甲'), chain(5, '新能源', 0.45, 'red'), chain(11, '高端轴承', 0.85, 'yellow'), chain(9, '大健康', null, null)],
    redList: [
      red('莘县', '甲项目', 'overdueStart', '计划 2024-03-01 开工，尚未开工', { responsible: { cityLeader: '示例领导乙', commissioner: '示例专员丙' } }),
      red('冠县', '乙项目', 'milestone', '节点滞后：主体完工计划 2024-05-31 完成，尚未完成'),
      red('莘县', '丙项目', 'lagging', '投资进度滞后', { projectId: bing }),
      red('莘县', '丁项目', 'lagging', '投资进度滞后'),
      red('东阿县', '戊项目', 'lagging', '投资进度滞后'),
      red('莘县', '丙项目', 'conditionalOverdue', '容缺受理承诺 2024-06-10 前补齐手续，已逾期', { projectId: bing }),
    ],
    factorGuarantee: {
      refDate: '2024-06-30', open: 5, overdue: 2, awaitingEvaluation: 0, escalated: 0, byKind: [], byDepartment: [],
      longestOverdue: [{ requestId: 1, projectId: 1, projectName: '甲项目', region: '莘县', kind: 'land', department: 'natural-resources', departmentName: '市自然资源和规划局', due: '2024-06-03', daysOverdue: 27 }],
    },
  } as unknown as Dashboard;
}

describe('the drafted words of the bulletin (bulletins/commentary-draft.ts)', () => {
  const draft = draftCommentary(june());

  it('总体情况: the city against 序时, starts, the regions by colour, the projects to watch', () => {
    expect(draft.overview).toBe(
      '1—6月，全市5个实施类项目完成投资5.23亿元，占年度计划的43.62%，完成序时进度的95.12%（黄色）；已开工4个，竣工投产1个。' +
        '准备类项目3个，已开工1个，开工率33.33%（目标80.00%），距目标还需开工2个。' +
        '按完成序时进度，4个县（市、区）中蓝色2个、黄色1个、红色1个。' +
        // 丙项目 is on the list twice (lagging, 容缺逾期): five projects.
        '需重点关注的项目5个（见预警清单）。',
    );
  });

  it('存在问题: red then yellow regions in rank order with rank change, chains, the red list by kind with the people, overdue requests', () => {
    expect(draft.problems).toEqual([
      '完成序时进度低于80%的县（市、区）：莘县（62.10%，第4名，下降 2 位）。对以上县（市、区）予以通报。',
      '完成序时进度未达100%的县（市、区）：冠县（95.00%，第3名），须加快推进。',
      '完成序时进度低于80%的产业链：新能源（45.00%）。对以上产业链予以通报。',
      '完成序时进度未达100%的产业链：高端轴承（85.00%），须加快推进。',
      '逾期未开工的准备类项目1个：莘县“甲项目”（计划 2024-03-01 开工，尚未开工；市级包联领导：示例领导乙；服务专员：示例专员丙）。对以上项目予以通报。',
      '容缺受理逾期未补齐手续的项目1个：莘县“丙项目”（容缺受理承诺 2024-06-10 前补齐手续，已逾期）。对以上项目予以通报。',
      '节点滞后的项目1个：冠县“乙项目”（主体完工计划 2024-05-31 完成，尚未完成）。对以上项目予以通报。',
      '投资完成低于自身序时进度80%的实施类项目3个，其中莘县2个、东阿县1个。',
      '要素保障需求逾期未办结2项，逾期最久的：“甲项目”用地需求（市自然资源和规划局，应于2024-06-03办理，已逾期27天）。请承办部门加快办理。',
    ]);
  });

  it('表扬: the blue regions in rank order, the blue chains with their 链长', () => {
    expect(draft.praise).toEqual([
      '完成序时进度达到100%以上的县（市、区）：东阿县（125.00%，第1名，上升 1 位）、高唐县（100.00%，第2名，持平）。对以上县（市、区）予以表扬。',
      '完成序时进度达到100%以上的产业链：绿色化工（110.00%，链长：示例链长甲）。对以上产业链予以表扬。',
    ]);
  });

  it('names the colour shown, an override included', () => {
    const board = june();
    // The office overrode 冠县 to blue with a reason: the draft follows the colour the board shows.
    board.regions[3] = { ...board.regions[3], rating: 'blue', override: { rating: 'blue', reason: '示例', actor: 'admin', at: '2024-07-01T00:00:00.000Z' } };
    const d = draftCommentary(board);
    expect(d.problems.some((p) => p.includes('冠县（'))).toBe(false); // no longer among the yellow regions (its project still lags a milestone)
    expect(d.praise[0]).toContain('冠县（95.00%，第3名）');
  });

  it('names at most twenty projects in one item and counts the rest', () => {
    const board = june();
    board.redList = Array.from({ length: NAMED_PROJECTS_MAX + 3 }, (_, i) => red('莘县', `项目${i + 1}`, 'overdueStart', '计划 2024-03-01 开工，尚未开工'));
    const item = draftCommentary(board).problems.find((p) => p.startsWith('逾期未开工'))!;
    expect(item.startsWith('逾期未开工的准备类项目23个：')).toBe(true);
    expect(item).toContain('莘县“项目20”');
    expect(item).not.toContain('项目21”');
    expect(item).toContain('等23个。');
  });

  it('says so when nothing lags', () => {
    const board = june();
    board.regions = [region('东阿县', 1, 1.25, 'blue', null)];
    board.chains = [];
    board.redList = [];
    board.factorGuarantee = { ...board.factorGuarantee, overdue: 0, longestOverdue: [] };
    const d = draftCommentary(board);
    expect(d.problems).toEqual([]);
    expect(d.overview.endsWith('按完成序时进度，1个县（市、区）中蓝色1个、黄色0个、红色0个。本期无需重点关注的项目。')).toBe(true);
  });
});
