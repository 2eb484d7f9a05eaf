import { describe, expect, it } from '@jest/globals';
import { evaluateFragment, runStatement } from '../../test/support/sql-cases.js';
import { dueToReportSql, reportingParams, wasDueToReportSql } from './reporting.js';

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

describe('owed a report for a month of the past (wasDueToReportSql, the 缺报 anomaly)', () => {
  const setup = (rows: { id: number; stage: string; start: string | null; completion: string | null; withdrawn?: string }[]) => `
    CREATE TABLE project (id INTEGER PRIMARY KEY, stage TEXT, actual_start_date TEXT, actual_completion_date TEXT);
    CREATE TABLE project_history (project_id INTEGER, event TEXT, effective_date TEXT, recorded_at TEXT);
    ${rows.map((r) => `INSERT INTO project VALUES (${r.id}, '${r.stage}', ${r.start ? `'${r.start}'` : 'NULL'}, ${r.completion ? `'${r.completion}'` : 'NULL'});`).join('\n')}
    ${rows.filter((r) => r.withdrawn).map((r) => `INSERT INTO project_history VALUES (${r.id}, 'WITHDRAW', '${r.withdrawn}', '${r.withdrawn}T02:00:00.000Z');`).join('\n')}`;
  const owed = (rows: Parameters<typeof setup>[0], month: string) =>
    runStatement(setup(rows), `SELECT p.id FROM project p WHERE ${wasDueToReportSql('p', ':month')} ORDER BY p.id`, { month }).map((r) => Number(r.id));

  it('counts the months a project was under construction, up to its withdrawal month', () => {
    const rows = [
      { id: 1, stage: 'implementation.active', start: '2024-03-01', completion: null },
      { id: 2, stage: 'completed', start: '2024-01-10', completion: '2024-06-15' },
      { id: 3, stage: 'withdrawn', start: '2024-02-01', completion: null, withdrawn: '2024-08-20' }, // built Feb–Aug, then withdrawn
      { id: 4, stage: 'preparation', start: null, completion: null },
    ];
    expect(owed(rows, '2024-02')).toEqual([2, 3]);
    expect(owed(rows, '2024-06')).toEqual([1, 2, 3]);
    expect(owed(rows, '2024-08')).toEqual([1, 3]); // the withdrawal month is still owed
    expect(owed(rows, '2024-09')).toEqual([1]);
  });

  it('says what dueToReportSql says for every project not withdrawn', () => {
    const cases = [
      { id: 1, stage: 'implementation.active', start: '2024-03-01', completion: null },
      { id: 2, stage: 'implementation.halted', start: '2024-06-30', completion: null },
      { id: 3, stage: 'implementation.active', start: '2024-07-01', completion: null },
      { id: 4, stage: 'completed', start: '2024-01-10', completion: '2024-06-01' },
      { id: 5, stage: 'completed', start: '2024-01-10', completion: '2024-05-31' },
      { id: 6, stage: 'preparation', start: null, completion: null },
    ];
    const params = reportingParams('2024-06');
    const now = runStatement(setup(cases), `SELECT p.id FROM project p WHERE ${dueToReportSql('p')} ORDER BY p.id`, params).map((r) => Number(r.id));
    expect(owed(cases, '2024-06')).toEqual(now);
    expect(now).toEqual([1, 2, 4]);
  });
});
