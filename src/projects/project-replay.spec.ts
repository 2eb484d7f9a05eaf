import { describe, expect, it } from '@jest/globals';
import type { ProjectHistory } from '../audit/index.js';
import { replayProject } from './project-replay.js';

/** A creation snapshot as an early version recorded it: no 形象进度, origin or 谋划 date. */
const EARLY_SNAPSHOT = {
  id: 7,
  code: 'LC-2023-001',
  name: '高端轴承扩产项目',
  ownerEnterprise: null,
  region: '371502',
  chain: 'bearing',
  totalInvestment: 52000,
  content: null,
  plannedStartDate: '2023-05-01',
  actualStartDate: null,
  plannedCompletionDate: null,
  actualCompletionDate: null,
  approvals: { filing: null, land: null, planning: null, environment: null, energy: null, construction: null },
  stage: 'reserve',
  stageLabel: '储备',
  allowedEvents: ['PROMOTE', 'WITHDRAW'],
  version: 1,
  createdAt: '2023-03-01T02:00:00.000Z',
  updatedAt: '2023-03-01T02:00:00.000Z',
};

function row(id: number, kind: ProjectHistory['kind'], data: unknown, recordedAt: string): ProjectHistory {
  return { id, projectId: 7, kind, event: null, fromStage: null, toStage: null, effectiveDate: null, reason: null, data: JSON.stringify(data), actor: 'admin', recordedAt } as ProjectHistory;
}

describe('replayProject', () => {
  it('answers progress, origin and plannedAt as null when the creation snapshot predates them', () => {
    const view = replayProject([row(1, 'created', EARLY_SNAPSHOT, '2023-03-01T02:00:00.000Z')], []);
    expect(view).toMatchObject({ progress: null, origin: null, plannedAt: null });
    expect(Object.keys(view!)).toEqual(expect.arrayContaining(['progress', 'origin', 'plannedAt']));
  });

  it('keeps an origin set by a later edit', () => {
    const view = replayProject(
      [row(1, 'created', EARLY_SNAPSHOT, '2023-03-01T02:00:00.000Z'), row(2, 'updated', { origin: { from: null, to: 'attracted' } }, '2023-04-01T02:00:00.000Z')],
      [],
    );
    expect(view).toMatchObject({ origin: 'attracted', plannedAt: null, version: 2 });
  });
});
