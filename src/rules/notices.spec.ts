import { describe, expect, it } from '@jest/globals';
import { commitmentNotice, inQuietHours, noticeKey, reportDueDate, reportNotices, retryDelayMinutes } from './notices.js';

/*
 * Worked by hand on a 2024 calendar: 2024-07-01 was a Monday, so 07-05 a Friday and 07-06/07 a
 * weekend; 2024-06-01 a Saturday and 06-03 a Monday; 2024-05-01 a Wednesday, 05-30 a Thursday,
 * 05-31 a Friday; 2024-10-05 a Saturday; 2025-01-10 a Friday.
 */
describe('notice rules (rules/notices.ts)', () => {
  it.each([
    ['2024-06', 5, '2024-07-05'], // the 5th of the next month, a Friday
    ['2024-05', 1, '2024-06-03'], // 1 June is a Saturday → Monday 3 June
    ['2024-09', 5, '2024-10-07'], // 5 October is a Saturday → Monday 7 October
    ['2024-12', 10, '2025-01-10'], // across the year: 10 January 2025 is a Friday
  ] as const)('month %s with due day %d is due on %s', (month, dueDay, expected) => {
    expect(reportDueDate(month, dueDay)).toBe(expected);
  });

  it('refuses a due day outside 1–28', () => {
    expect(() => reportDueDate('2024-06', 0)).toThrow();
    expect(() => reportDueDate('2024-06', 29)).toThrow();
  });

  const window = { dueDay: 5, reminderWorkingDays: 3 };
  it.each([
    // June's report, due Friday 5 July; 3 working days before: Tuesday 2 July.
    ['2024-07-01', []],
    ['2024-07-02', [{ month: '2024-06', stage: 'reminder', dueDate: '2024-07-05' }]],
    ['2024-07-05', [{ month: '2024-06', stage: 'reminder', dueDate: '2024-07-05' }]], // the due day itself: still a reminder
    ['2024-07-06', [{ month: '2024-06', stage: 'missing', dueDate: '2024-07-05' }]], // the day after (a Saturday): missing
    ['2024-07-15', [{ month: '2024-06', stage: 'missing', dueDate: '2024-07-05' }]],
    // July's own report is due Monday 5 August; 3 working days before: Wednesday 31 July.
    ['2024-07-30', [{ month: '2024-06', stage: 'missing', dueDate: '2024-07-05' }]],
    [
      '2024-07-31',
      [
        { month: '2024-06', stage: 'missing', dueDate: '2024-07-05' },
        { month: '2024-07', stage: 'reminder', dueDate: '2024-08-05' },
      ],
    ],
  ] as const)('on %s (due day 5, reminder 3 working days)', (today, expected) => {
    expect(reportNotices(today, window)).toEqual(expected);
  });

  it('a due day moved past a weekend moves the window too (due day 1, reminder 2 working days)', () => {
    // May's report: 1 June is a Saturday → due Monday 3 June; 2 working days before: Thursday 30 May.
    // April's report was due Wednesday 1 May: missing all May.
    expect(reportNotices('2024-05-29', { dueDay: 1, reminderWorkingDays: 2 })).toEqual([{ month: '2024-04', stage: 'missing', dueDate: '2024-05-01' }]);
    expect(reportNotices('2024-05-30', { dueDay: 1, reminderWorkingDays: 2 })).toEqual([
      { month: '2024-04', stage: 'missing', dueDate: '2024-05-01' },
      { month: '2024-05', stage: 'reminder', dueDate: '2024-06-03' },
    ]);
    // Saturday 1 June and Monday 3 June: May's reminder; Tuesday 4 June: missing.
    expect(reportNotices('2024-06-01', { dueDay: 1, reminderWorkingDays: 2 })).toEqual([{ month: '2024-05', stage: 'reminder', dueDate: '2024-06-03' }]);
    expect(reportNotices('2024-06-03', { dueDay: 1, reminderWorkingDays: 2 })).toEqual([{ month: '2024-05', stage: 'reminder', dueDate: '2024-06-03' }]);
    expect(reportNotices('2024-06-04', { dueDay: 1, reminderWorkingDays: 2 })).toEqual([{ month: '2024-05', stage: 'missing', dueDate: '2024-06-03' }]);
  });

  it('reminder 0 working days: only on the due day', () => {
    expect(reportNotices('2024-07-04', { dueDay: 5, reminderWorkingDays: 0 })).toEqual([]);
    expect(reportNotices('2024-07-05', { dueDay: 5, reminderWorkingDays: 0 })).toEqual([{ month: '2024-06', stage: 'reminder', dueDate: '2024-07-05' }]);
  });

  it.each([
    ['2024-07-20', '2024-07-10', 7, null], // 10 days left: not yet
    ['2024-07-17', '2024-07-10', 7, 'commitment-due'], // 7 days left: due
    ['2024-07-10', '2024-07-10', 7, 'commitment-due'], // the date itself: still due
    ['2024-07-10', '2024-07-11', 7, 'commitment-lapsed'], // the day after: lapsed
    ['2024-02-29', '2024-03-01', 0, 'commitment-lapsed'], // across a leap day
    ['2024-03-01', '2024-02-29', 1, 'commitment-due'], // one calendar day left across a leap day
  ] as const)('a commitment dated %s, on %s, within %d days: %s', (commitment, today, within, expected) => {
    expect(commitmentNotice(commitment, today, within)).toBe(expected);
  });

  it.each([
    ['21:59', true],
    ['22:00', true],
    ['23:30', true],
    ['00:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ] as const)('quiet 21:30–07:00 (past midnight) at %s: %s', (time, quiet) => {
    expect(inQuietHours(time, { from: '21:30', to: '07:00' })).toBe(quiet);
  });

  it('quiet hours within a day, and none', () => {
    expect(inQuietHours('12:30', { from: '12:00', to: '13:00' })).toBe(true);
    expect(inQuietHours('13:00', { from: '12:00', to: '13:00' })).toBe(false);
    expect(inQuietHours('11:59', { from: '12:00', to: '13:00' })).toBe(false);
    expect(inQuietHours('03:00', { from: '08:00', to: '08:00' })).toBe(false);
    expect(inQuietHours('03:00', null)).toBe(false);
  });

  it('backs off 1, 5, 15, 60 minutes, then gives up', () => {
    expect([1, 2, 3, 4, 5].map(retryDelayMinutes)).toEqual([1, 5, 15, 60, null]);
  });

  it('keys a notice by rule, subject and period', () => {
    expect(noticeKey('report-missing', 'missing:371502', '2024-06')).toBe('report-missing:missing:371502:2024-06');
  });
});
