import { describe, expect, it } from '@jest/globals';
import { evaluateFragment, runStatement } from '../../test/support/sql-cases.js';
import {
  CONDITIONAL_COMMITMENTS_SQL,
  conditionalOverdueReason,
  conditionalOverdueSql,
  haltedReason,
  haltedSql,
  laggingReason,
  laggingSql,
  hasHaltEventsSql,
  LAST_HALT_EVENTS_SQL,
  lastHaltEventSql,
  overdueReferenceDate,
  overdueStartReason,
  overdueStartSql,
} from './red-list.js';

const LP = 'category TEXT, actual INTEGER, expected12 INTEGER, stage TEXT, planned_start_date TEXT, actual_start_date TEXT, last_halt_event TEXT, conditional_commitment TEXT';

/** October 2024's board, shown on 15 November: reference date 2024-10-31. */
const october = { yellowPct: 80, refDate: '2024-10-31', monthEnd: '2024-10-31' };

describe('预警清单 (红色预警) membership (rules/red-list.ts)', () => {
  it('lagging: an implementation-list project below 80% of its own 序时 expected', () => {
    const rows = [
      { category: 'implementation', actual: 800, expected12: 12_000, expected: 0 }, // exactly 80%: yellow, not red
      { category: 'implementation', actual: 799, expected12: 12_000, expected: 1 }, // 79.9%
      { category: 'implementation', actual: 0, expected12: 0, expected: 0 }, // nothing expected yet
      { category: 'preparation', actual: 0, expected12: 12_000, expected: 0 }, // the preparation list is judged on starts
    ];
    for (const { row, value } of evaluateFragment({ name: 'lp', columns: LP, rows }, laggingSql('lp'), october)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('overdue start: a preparation-list project past its planned start and not started by the month end', () => {
    const rows = [
      { category: 'preparation', stage: 'preparation', planned_start_date: '2024-10-30', actual_start_date: null, expected: 1 },
      { category: 'preparation', stage: 'preparation', planned_start_date: '2024-10-31', actual_start_date: null, expected: 0 }, // due on the reference date itself: not yet overdue
      { category: 'preparation', stage: 'implementation.active', planned_start_date: '2024-06-01', actual_start_date: '2024-11-05', expected: 1 }, // started only after October
      { category: 'preparation', stage: 'implementation.active', planned_start_date: '2024-06-01', actual_start_date: '2024-10-31', expected: 0 }, // started in time for October's board
      { category: 'preparation', stage: 'withdrawn', planned_start_date: '2024-06-01', actual_start_date: null, expected: 0 },
      { category: 'implementation', stage: 'preparation', planned_start_date: '2024-06-01', actual_start_date: null, expected: 0 }, // not on the preparation list
      { category: 'preparation', stage: 'preparation', planned_start_date: null, actual_start_date: null, expected: 0 },
    ];
    for (const { row, value } of evaluateFragment({ name: 'lp', columns: LP, rows }, overdueStartSql('lp'), october)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('the reference date is the month end, or the day of the board when that is earlier', () => {
    expect(overdueReferenceDate('2024-10-31', '2024-11-15')).toBe('2024-10-31');
    expect(overdueReferenceDate('2024-11-30', '2024-11-15')).toBe('2024-11-15');
    // A running month's board on the 15th does not call a start planned for the 20th overdue.
    const rows = [{ category: 'preparation', stage: 'preparation', planned_start_date: '2024-11-20', actual_start_date: null }];
    const running = { yellowPct: 80, refDate: overdueReferenceDate('2024-11-30', '2024-11-15'), monthEnd: '2024-11-30' };
    expect(evaluateFragment({ name: 'lp', columns: LP, rows }, overdueStartSql('lp'), running)[0].value).toBe(0);
  });

  it('halted: the last halt, resume, completion or withdrawal by the month end is a halt', () => {
    const rows = [
      { last_halt_event: 'HALT', expected: 1 },
      { last_halt_event: 'RESUME', expected: 0 },
      { last_halt_event: 'COMPLETE', expected: 0 },
      { last_halt_event: null, expected: 0 },
    ];
    for (const { row, value } of evaluateFragment({ name: 'lp', columns: LP, rows }, haltedSql('lp'), october)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('the event that decides halted: each project’s last halt, resume, completion or withdrawal by the month end, recorded by asOf', () => {
    const history = `CREATE TABLE project_history (id INTEGER, project_id INTEGER, event TEXT, effective_date TEXT, recorded_at TEXT);
      INSERT INTO project_history VALUES
        (1, 1, 'START',  '2024-02-01', '2024-02-01T02:00:00.000Z'),
        (2, 1, 'HALT',   '2024-05-10', '2024-05-10T02:00:00.000Z'),
        (3, 1, 'RESUME', '2024-06-01', '2024-06-01T02:00:00.000Z'),
        (4, 2, 'HALT',   '2024-04-01', '2024-04-01T02:00:00.000Z'),
        (5, 2, 'RESUME', '2024-04-01', '2024-04-02T02:00:00.000Z'),
        (6, 3, 'HALT',   '2024-03-15', '2024-07-20T02:00:00.000Z'),
        (7, 4, 'START',  '2024-01-10', '2024-01-10T02:00:00.000Z');`;
    const at = (monthEnd: string, asOf: string) =>
      runStatement(history, `${LAST_HALT_EVENTS_SQL} ORDER BY h.project_id`, { monthEnd, asOf }).map((r) => [r.project_id, r.event]);
    // May: project 1 halted (resumed only in June); project 2 halted and resumed on the same day: the later record wins.
    expect(at('2024-05-31', '2024-12-31T00:00:00.000Z')).toEqual([[1, 'HALT'], [2, 'RESUME'], [3, 'HALT']]);
    expect(at('2024-06-30', '2024-12-31T00:00:00.000Z')).toEqual([[1, 'RESUME'], [2, 'RESUME'], [3, 'HALT']]);
    // As of 1 July project 3's halt (dated March) had not been recorded yet; project 4 never halted.
    expect(at('2024-06-30', '2024-07-01T00:00:00.000Z')).toEqual([[1, 'RESUME'], [2, 'RESUME']]);
  });

  it('the same event for one project and month (the kept red list’s form) agrees with the set form, month by month', () => {
    const history = `CREATE TABLE project_history (id INTEGER, project_id INTEGER, event TEXT, effective_date TEXT, recorded_at TEXT);
      INSERT INTO project_history VALUES
        (1, 1, 'START',  '2024-02-01', '2024-02-01T02:00:00.000Z'),
        (2, 1, 'HALT',   '2024-05-10', '2024-05-10T02:00:00.000Z'),
        (3, 1, 'RESUME', '2024-06-01', '2024-06-01T02:00:00.000Z'),
        (4, 2, 'HALT',   '2024-04-01', '2024-04-01T02:00:00.000Z'),
        (5, 2, 'RESUME', '2024-04-01', '2024-04-02T02:00:00.000Z'),
        (6, 3, 'HALT',   '2024-03-15', '2024-07-20T02:00:00.000Z'),
        (7, 4, 'START',  '2024-01-10', '2024-01-10T02:00:00.000Z');
      CREATE TABLE month_end (d TEXT); INSERT INTO month_end VALUES ('2024-03-31'), ('2024-04-30'), ('2024-05-31'), ('2024-06-30');
      CREATE TABLE p (id INTEGER); INSERT INTO p VALUES (1), (2), (3), (4);`;
    const one = runStatement(history, `SELECT p.id, m.d, ${lastHaltEventSql('p.id', 'm.d')} AS event, ${hasHaltEventsSql('p.id')} AS has FROM p, month_end m ORDER BY p.id, m.d`);
    // worked by hand: project 1 halted in May only; 2 halted and resumed on 1 April (the later record wins); 3 halted from 15 March; 4 never
    expect(one.map((r) => [r.id, r.d, r.event, r.has])).toEqual([
      [1, '2024-03-31', null, 1], [1, '2024-04-30', null, 1], [1, '2024-05-31', 'HALT', 1], [1, '2024-06-30', 'RESUME', 1],
      [2, '2024-03-31', null, 1], [2, '2024-04-30', 'RESUME', 1], [2, '2024-05-31', 'RESUME', 1], [2, '2024-06-30', 'RESUME', 1],
      [3, '2024-03-31', 'HALT', 1], [3, '2024-04-30', 'HALT', 1], [3, '2024-05-31', 'HALT', 1], [3, '2024-06-30', 'HALT', 1],
      [4, '2024-03-31', null, 0], [4, '2024-04-30', null, 0], [4, '2024-05-31', null, 0], [4, '2024-06-30', null, 0],
    ]);
    for (const monthEnd of ['2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30']) {
      const set = runStatement(history, `${LAST_HALT_EVENTS_SQL} ORDER BY h.project_id`, { monthEnd, asOf: '2024-12-31T00:00:00.000Z' }).map((r) => [r.project_id, r.event]);
      expect(one.filter((r) => r.d === monthEnd && r.event !== null).map((r) => [r.id, r.event])).toEqual(set);
    }
  });

  it('the rules read their month from expressions as well as parameters (every month of a year in one statement)', () => {
    const rows = [
      { category: 'preparation', stage: 'preparation', planned_start_date: '2024-10-30', actual_start_date: null, month_end: '2024-10-31', yellow: 80, expected: 1 },
      { category: 'preparation', stage: 'preparation', planned_start_date: '2024-10-30', actual_start_date: null, month_end: '2024-09-30', yellow: 80, expected: 0 },
      { category: 'implementation', actual: 700, expected12: 12_000, month_end: '2024-10-31', yellow: 80, expected: 1 },
      { category: 'implementation', actual: 700, expected12: 12_000, month_end: '2024-10-31', yellow: 70, expected: 0 },
      { category: 'implementation', stage: 'implementation.active', conditional_commitment: '2024-09-01', month_end: '2024-09-30', yellow: 0, expected: 1 },
      { category: 'implementation', stage: 'implementation.active', conditional_commitment: '2024-09-30', month_end: '2024-09-30', yellow: 0, expected: 0 },
    ];
    const at = { yellowPct: 'lp.yellow', refDate: 'lp.month_end', monthEnd: 'lp.month_end' };
    const any = `(${laggingSql('lp', at)} OR ${overdueStartSql('lp', at)} OR ${conditionalOverdueSql('lp', at)})`;
    for (const { row, value } of evaluateFragment({ name: 'lp', columns: `${LP}, month_end TEXT, yellow INTEGER`, rows }, any)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('容缺逾期: a project in implementation whose conditional approval’s commitment date has passed', () => {
    const rows = [
      { stage: 'implementation.active', conditional_commitment: '2024-10-30', expected: 1 },
      { stage: 'implementation.halted', conditional_commitment: '2024-10-01', expected: 1 },
      { stage: 'implementation.active', conditional_commitment: '2024-10-31', expected: 0 }, // the commitment date itself: not yet passed
      { stage: 'implementation.active', conditional_commitment: '2024-12-01', expected: 0 },
      { stage: 'implementation.active', conditional_commitment: null, expected: 0 }, // no approval pending on a commitment
      { stage: 'preparation', conditional_commitment: '2024-06-01', expected: 0 }, // not started: START is what it is checked against
      { stage: 'completed', conditional_commitment: '2024-06-01', expected: 0 },
    ];
    for (const { row, value } of evaluateFragment({ name: 'lp', columns: LP, rows }, conditionalOverdueSql('lp'), october)) expect([row, value]).toEqual([row, row.expected]);
  });

  it('the commitment that counts: the earliest among approvals whose latest status by asOf is 容缺受理', () => {
    const setup = `
      CREATE TABLE p (id INTEGER PRIMARY KEY);
      INSERT INTO p (id) VALUES (1), (2), (3), (4), (5);
      CREATE TABLE approval_status (id INTEGER PRIMARY KEY, project_id INTEGER, approval_key TEXT, status TEXT, commitment_date TEXT, recorded_at TEXT);
      INSERT INTO approval_status VALUES
        -- 1: land conditional until 06-30, planning conditional until 05-31: the earlier counts
        (1, 1, 'land', 'conditional', '2024-06-30', '2024-03-01T00:00:00.000Z'),
        (2, 1, 'planning', 'conditional', '2024-05-31', '2024-03-02T00:00:00.000Z'),
        -- 2: conditional, then done: nothing pending
        (3, 2, 'land', 'conditional', '2024-04-30', '2024-03-01T00:00:00.000Z'),
        (4, 2, 'land', 'done', NULL, '2024-04-20T00:00:00.000Z'),
        -- 3: conditional, done only after asOf: still pending at asOf
        (5, 3, 'energy', 'conditional', '2024-04-30', '2024-03-01T00:00:00.000Z'),
        (6, 3, 'energy', 'done', NULL, '2024-12-01T00:00:00.000Z'),
        -- 4: in progress only
        (7, 4, 'land', 'in_progress', NULL, '2024-03-01T00:00:00.000Z'),
        -- 5: conditional recorded after asOf: not known then
        (8, 5, 'land', 'conditional', '2024-04-30', '2024-12-02T00:00:00.000Z');`;
    const rows = runStatement(setup, `SELECT p.id, c.commitment FROM p LEFT JOIN (${CONDITIONAL_COMMITMENTS_SQL}) c ON c.project_id = p.id ORDER BY p.id`, { asOf: '2024-11-15T00:00:00.000Z' });
    expect(rows).toEqual([
      { id: 1, commitment: '2024-05-31' },
      { id: 2, commitment: null },
      { id: 3, commitment: '2024-04-30' },
      { id: 4, commitment: null },
      { id: 5, commitment: null },
    ]);
  });

  it('says why in the words the board shows', () => {
    expect(conditionalOverdueReason('2024-05-31')).toBe('容缺受理承诺 2024-05-31 前补齐手续，已逾期');
    expect(laggingReason(700, 1000, 0.7)).toBe('投资进度滞后：完成 700 万元，序时应完成 1000 万元（70.0%）');
    expect(overdueStartReason('2024-03-01')).toBe('计划 2024-03-01 开工，尚未开工');
    expect(haltedReason('2024-05-10', '环保督查')).toBe('停工（2024-05-10 起）：环保督查');
    expect(haltedReason(null, null)).toBe('停工：未说明原因');
  });
});
