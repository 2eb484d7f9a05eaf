import { describe, expect, it } from '@jest/globals';
import { bulletinInstant, happenedBy, stepsBy, type DemoStep } from './demo-steps.js';

/*
 * Which of the demo's dated records have happened on the day it is loaded (seeds/demo-steps.ts),
 * worked by hand. "Now" is 2026-12-05 10:00 Beijing time (02:00Z): last month is November 2026.
 */
const today = { now: '2026-12-05T02:00:00.000Z', lastMonth: '2026-11' };

describe('the demo as of the day it is loaded', () => {
  it('keeps what was recorded by now, at its own instant, and leaves out what comes later', () => {
    expect(happenedBy(today, '2026-12-05T02:00:00.000Z')).toBe('2026-12-05T02:00:00.000Z');
    expect(happenedBy(today, '2026-11-20T02:00:00.000Z')).toBe('2026-11-20T02:00:00.000Z');
    expect(happenedBy(today, '2026-12-05T02:00:00.001Z')).toBeNull();
    // A step of a month not over yet (December) is not pulled in.
    expect(happenedBy(today, '2027-01-05T02:00:00.000Z', '2026-12')).toBeNull();
  });

  it("pulls in last month's filings recorded after now: ten minutes before now", () => {
    // November's report, due on 5 December at 10:30, is there on 5 December at 10:00.
    expect(happenedBy(today, '2026-12-05T02:30:00.000Z', '2026-11')).toBe('2026-12-05T01:50:00.000Z');
    expect(happenedBy(today, '2026-12-06T02:00:00.000Z', '2026-10')).toBe('2026-12-05T01:50:00.000Z');
  });

  it('orders the steps kept by instant, then by project code', () => {
    const steps: DemoStep[] = [
      { kind: 'report', code: 'B', month: '2026-11', amountWan: 10, progress: 'x', problems: null, at: '2026-12-06T02:00:00.000Z' },
      { kind: 'event', code: 'C', event: { type: 'START', date: '2026-12-06' }, at: '2026-12-06T03:00:00.000Z' },
      { kind: 'report', code: 'A', month: '2026-11', amountWan: 10, progress: 'x', problems: null, at: '2026-12-07T02:00:00.000Z' },
      { kind: 'report', code: 'D', month: '2026-10', amountWan: 10, progress: 'x', problems: null, at: '2026-11-05T02:00:00.000Z' },
    ];
    expect(stepsBy(today, steps).map((s) => `${s.code}@${s.at}`)).toEqual([
      'D@2026-11-05T02:00:00.000Z',
      'A@2026-12-05T01:50:00.000Z',
      'B@2026-12-05T01:50:00.000Z',
    ]);
  });

  it("publishes a month's bulletin on the 8th of the next month; last month's before the 8th just before now, never before the month is over", () => {
    const inDecember = (instant: string) => instant >= '2026-11-30T16:00:00.000Z'; // 1 December 00:00 Beijing time
    expect(bulletinInstant(today, '2026-10', inDecember)).toBe('2026-11-08T02:00:00.000Z');
    expect(bulletinInstant(today, '2026-11', inDecember)).toBe('2026-12-05T01:55:00.000Z');
    expect(bulletinInstant(today, '2026-12', inDecember)).toBeNull();
    // Opened at 00:03 on 1 December (Beijing): five minutes earlier was still November, so now itself.
    const justAfter = { now: '2026-11-30T16:03:00.000Z', lastMonth: '2026-11' };
    expect(bulletinInstant(justAfter, '2026-11', inDecember)).toBe('2026-11-30T16:03:00.000Z');
    // On the 9th, November's is the one published on the 8th.
    expect(bulletinInstant({ now: '2026-12-09T02:00:00.000Z', lastMonth: '2026-11' }, '2026-11', inDecember)).toBe('2026-12-08T02:00:00.000Z');
  });
});
