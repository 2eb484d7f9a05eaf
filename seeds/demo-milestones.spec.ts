import { describe, expect, it } from '@jest/globals';
import { IMPLEMENTATION } from './demo-2024-rows.js';
import { DEMO_MILESTONES, milestoneSteps } from './demo-milestones.js';

/** The demo's illustrative milestones (seeds/demo-milestones.ts): what they stand on, and their steps worked by hand. */
describe('the demo milestones', () => {
  it('are on projects started before 2024 with an entered curve (so no curve is derived), each name once', () => {
    for (const { project } of DEMO_MILESTONES) {
      const rows = IMPLEMENTATION.filter((row) => row.name === project);
      expect([project, rows.map((row) => [row.phase, row.curve !== undefined])]).toEqual([project, [['C', true]]]);
    }
  });

  it('reach everything due by 31 October 2024 on time; one milestone alone is late, in November', () => {
    const late = DEMO_MILESTONES.flatMap((d) => d.milestones.filter((m) => m.actualDate > m.plannedDate).map((m) => [d.project, m.name]));
    expect(late).toEqual([['年产1.2亿只高端电子元器件项目', '试生产']]);
  });

  it('records the list on 10 April 2024, then each milestone on the day it was reached, up to now', () => {
    const parts = DEMO_MILESTONES.find((d) => d.project === '年产1.2亿只高端电子元器件项目')!;
    expect(milestoneSteps(parts, '2024-04-01T00:00:00.000Z')).toEqual([]);
    const steps = milestoneSteps(parts, '2024-11-20T02:00:00.000Z');
    expect(steps.map((s) => [s.at, s.milestones.map((m) => m.actualDate)])).toEqual([
      ['2024-04-10T02:00:00.000Z', [null, null, null]],
      ['2024-06-21T09:00:00.000Z', ['2024-06-21', null, null]],
      ['2024-10-28T09:00:00.000Z', ['2024-06-21', '2024-10-28', null]],
    ]);
    // Reached before the list was entered: recorded with it.
    const machines = milestoneSteps(DEMO_MILESTONES[0], '2024-04-10T02:00:00.000Z');
    expect(machines).toEqual([{ at: '2024-04-10T02:00:00.000Z', milestones: expect.arrayContaining([{ name: '主体完工', plannedDate: '2024-03-31', actualDate: '2024-03-26' }]) }]);
  });
});
