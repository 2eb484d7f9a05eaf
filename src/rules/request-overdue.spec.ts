import { describe, expect, it } from '@jest/globals';
import { evaluateFragment } from '../../test/support/sql-cases.js';
import { daysOverdue, meanDays, requestOpenSql, requestOverdueSql } from './request-overdue.js';

const RQ = 'status TEXT, accept_due TEXT, promised_date TEXT';
const ref = { refDate: '2024-06-12' };

describe('open and overdue requests (rules/request-overdue.ts)', () => {
  it('open: raised, accepted, escalated and decided; not resolved, answered, closed or returned', () => {
    const rows = [
      { status: 'raised', expected: 1 },
      { status: 'accepted', expected: 1 },
      { status: 'escalated', expected: 1 },
      { status: 'decided', expected: 1 },
      { status: 'resolved', expected: 0 },
      { status: 'answered', expected: 0 },
      { status: 'closed', expected: 0 },
      { status: 'returned', expected: 0 },
    ];
    for (const { row, value } of evaluateFragment({ name: 'rq', columns: RQ, rows }, requestOpenSql('rq'), ref)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('overdue: past the date the request waits on, on 2024-06-12', () => {
    const rows = [
      { status: 'raised', accept_due: '2024-06-11', expected: 1 }, // acceptance deadline passed yesterday
      { status: 'raised', accept_due: '2024-06-12', expected: 0 }, // due today: still in time
      { status: 'raised', accept_due: '2024-06-13', expected: 0 },
      { status: 'accepted', accept_due: '2024-06-01', promised_date: '2024-06-30', expected: 0 }, // accepted: the promise counts now
      { status: 'accepted', accept_due: '2024-06-20', promised_date: '2024-06-11', expected: 1 },
      { status: 'accepted', accept_due: '2024-06-01', promised_date: '2024-06-12', expected: 0 },
      { status: 'escalated', accept_due: '2024-06-01', promised_date: null, expected: 1 }, // never accepted: the acceptance deadline
      { status: 'escalated', accept_due: '2024-06-01', promised_date: '2024-07-01', expected: 0 }, // accepted before: its promise
      { status: 'escalated', accept_due: '2024-06-20', promised_date: '2024-06-10', expected: 1 },
      { status: 'decided', accept_due: '2024-01-01', promised_date: '2024-06-11', expected: 1 }, // the 常务会's deadline passed
      { status: 'decided', accept_due: '2024-01-01', promised_date: '2024-06-12', expected: 0 },
      { status: 'resolved', accept_due: '2024-01-01', promised_date: '2024-02-01', expected: 0 }, // done by the department
      { status: 'answered', accept_due: '2024-01-01', promised_date: '2024-02-01', expected: 0 }, // told, waiting on the enterprise
      { status: 'closed', accept_due: '2024-01-01', promised_date: '2024-02-01', expected: 0 },
      { status: 'returned', accept_due: '2024-01-01', promised_date: null, expected: 0 },
    ];
    for (const { row, value } of evaluateFragment({ name: 'rq', columns: RQ, rows }, requestOverdueSql('rq'), ref)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('counts the days past due', () => {
    expect(daysOverdue('2024-06-11', '2024-06-12')).toBe(1);
    expect(daysOverdue('2024-05-31', '2024-06-12')).toBe(12);
    expect(daysOverdue('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('mean days to close, to one decimal, half up', () => {
    expect(meanDays(0, 0)).toBeNull();
    expect(meanDays(30, 3)).toBe(10);
    expect(meanDays(10, 3)).toBe(3.3); // 3.333…
    expect(meanDays(5, 3)).toBe(1.7); // 1.666…
    expect(meanDays(1, 4)).toBe(0.3); // 0.25 → 0.3 (half up)
    expect(meanDays(23, 2)).toBe(11.5);
  });
});
