import { describe, expect, it } from '@jest/globals';
import { COMMON_THRESHOLD, COMMON_WINDOW_DAYS, commonProposal, commonWindowStart, subjectKey, type CommonCandidate } from './common-problems.js';

/** Hand-worked cases of the 共性 rule (docs/domain/requests.md "共性问题"): 3 subjects within 90 days. */
const problem = (id: number, raisedOn: string, about: { project?: number; enterprise?: string; chain?: string }): CommonCandidate => ({
  id,
  projectId: about.project ?? null,
  enterpriseName: about.enterprise ?? null,
  chainCode: about.chain ?? null,
  raisedOn,
});

describe('共性 detection (rules/common-problems.ts)', () => {
  it('is three subjects within ninety days', () => {
    expect([COMMON_THRESHOLD, COMMON_WINDOW_DAYS]).toEqual([3, 90]);
    // 2024-09-01 is day 90 of a window that began on 2024-06-04 (June 27 days + July 31 + August 31 + 1).
    expect(commonWindowStart('2024-09-01')).toBe('2024-06-04');
    expect(commonWindowStart('2024-03-01')).toBe('2023-12-03'); // 29 + 31 + 29 (2024 is a leap year) + 1 = 90
  });

  it('proposes a project, an enterprise and another project as one group, sorted by id', () => {
    const others = [problem(7, '2024-06-10', { project: 1 }), problem(3, '2024-07-01', { enterprise: '东阿阿胶股份有限公司' })];
    expect(commonProposal(others, problem(9, '2024-07-20', { project: 2 }))).toEqual([3, 7, 9]);
  });

  it('counts one project (or one enterprise) once: two subjects are not enough', () => {
    const others = [problem(1, '2024-06-10', { project: 1 }), problem(2, '2024-06-11', { project: 1 }), problem(3, '2024-06-12', { enterprise: ' 甲企业 ' })];
    expect(commonProposal(others, problem(4, '2024-06-13', { enterprise: '甲企业' }))).toBeNull();
  });

  it('leaves out what was raised before the window: day 91 back is outside, day 90 inside', () => {
    const outside = [problem(1, '2024-06-03', { project: 1 }), problem(2, '2024-08-01', { project: 2 })];
    expect(commonProposal(outside, problem(3, '2024-09-01', { project: 3 }))).toBeNull();
    const inside = [problem(1, '2024-06-04', { project: 1 }), problem(2, '2024-08-01', { project: 2 })];
    expect(commonProposal(inside, problem(3, '2024-09-01', { project: 3 }))).toEqual([1, 2, 3]);
  });

  it('keeps every problem of the window, two of one subject included', () => {
    const others = [problem(1, '2024-06-10', { project: 1 }), problem(2, '2024-06-11', { project: 1 }), problem(5, '2024-06-12', { chain: 'bearings' })];
    expect(commonProposal(others, problem(6, '2024-06-13', { enterprise: '乙企业' }))).toEqual([1, 2, 5, 6]);
  });

  it('names subjects: project first, then enterprise, then chain', () => {
    expect(subjectKey({ projectId: 5, enterpriseName: '甲', chainCode: 'bearings' })).toBe('project:5');
    expect(subjectKey({ projectId: null, enterpriseName: '甲', chainCode: 'bearings' })).toBe('enterprise:甲');
    expect(subjectKey({ projectId: null, enterpriseName: null, chainCode: 'bearings' })).toBe('chain:bearings');
  });
});
