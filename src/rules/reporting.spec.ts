import { describe, expect, it } from '@jest/globals';
import { evaluateFragment } from '../../test/support/sql-cases.js';
import { dueToReportSql, reportingParams } from './reporting.js';

const P = 'stage TEXT, actual_start_date TEXT, actual_completion_date TEXT';

describe('due to report for month M (rules/reporting.ts)', () => {
  it('June 2024: started by 30 June and under construction during June', () => {
    const rows = [
      { stage: 'implementation.active', actual_start_date: '2024-03-01', actual_completion_date: null, due: 1 },
      { stage: 'implementation.halted', actual_start_date: '2024-03-01', actual_completion_date: null, due: 1 }, // halted projects still report (0)
      { stage: 'implementation.active', actual_start_date: '2024-06-30', actual_completion_date: null, due: 1 }, // started on the last day
      { stage: 'implementation.active', actual_start_date: '2024-07-01', actual_completion_date: null, due: 0 }, // started after June
      { stage: 'completed', actual_start_date: '2024-01-10', actual_completion_date: '2024-06-15', due: 1 }, // completed mid-June: reports June
      { stage: 'completed', actual_start_date: '2024-01-10', actual_completion_date: '2024-06-01', due: 1 }, // completed on the first
      { stage: 'completed', actual_start_date: '2024-01-10', actual_completion_date: '2024-09-01', due: 1 }, // completed later: was building in June
      { stage: 'completed', actual_start_date: '2024-01-10', actual_completion_date: '2024-05-31', due: 0 }, // completed before June
      { stage: 'withdrawn', actual_start_date: '2024-01-10', actual_completion_date: null, due: 0 },
      { stage: 'preparation', actual_start_date: null, actual_completion_date: null, due: 0 },
      { stage: 'reserve', actual_start_date: null, actual_completion_date: null, due: 0 },
    ];
    const params = reportingParams('2024-06');
    expect(params).toEqual({ month: '2024-06', monthStart: '2024-06-01', monthEnd: '2024-06-30' });
    for (const { row, value } of evaluateFragment({ name: 'p', columns: P, rows }, dueToReportSql('p'), params)) expect([row, value]).toEqual([row, row.due]);
  });

  it('February of a leap year ends on the 29th', () => {
    const rows = [{ stage: 'implementation.active', actual_start_date: '2024-02-29', actual_completion_date: null }];
    expect(evaluateFragment({ name: 'p', columns: P, rows }, dueToReportSql('p'), reportingParams('2024-02'))[0].value).toBe(1);
  });
});
