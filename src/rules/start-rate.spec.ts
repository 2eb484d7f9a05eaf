import { describe, expect, it } from '@jest/globals';
import { evaluateFragment, runStatement } from '../../test/support/sql-cases.js';
import { monthOfYearSql, startRate, startedInYearSql } from './start-rate.js';

describe('开工率 (rules/start-rate.ts)', () => {
  it('exactly 80%: 24 of 30 started needs no more', () => {
    expect(startRate(30, 24, 80)).toEqual({ listed: 30, started: 24, rate: 0.8, target: 0.8, neededForTarget: 0 });
  });

  it('one short: 23 of 30 needs one more start', () => {
    expect(startRate(30, 23, 80)).toMatchObject({ rate: 0.7667, neededForTarget: 1 });
  });

  it('a list whose 80% is not whole rounds the required starts up: 31 × 80% = 24.8 → 25', () => {
    expect(startRate(31, 20, 80).neededForTarget).toBe(5);
    expect(startRate(31, 25, 80).neededForTarget).toBe(0);
  });

  it('100% started, and more than needed, never asks for negative starts', () => {
    expect(startRate(30, 30, 80)).toMatchObject({ rate: 1, neededForTarget: 0 });
  });

  it('an empty list has no rate', () => {
    expect(startRate(0, 0, 80)).toEqual({ listed: 0, started: 0, rate: null, target: 0.8, neededForTarget: 0 });
  });

  it('a start counts when it falls between 1 January and the end of month M', () => {
    const rows = [
      { actual_start_date: '2024-01-01', expected: 1 },
      { actual_start_date: '2024-10-31', expected: 1 },
      { actual_start_date: '2024-11-01', expected: 0 }, // after the October board's month
      { actual_start_date: '2023-12-31', expected: 0 }, // started last year: not this year's start
      { actual_start_date: null, expected: 0 },
    ];
    const results = evaluateFragment({ name: 'lp', columns: 'actual_start_date TEXT', rows }, startedInYearSql('lp.actual_start_date'), {
      yearStart: '2024-01-01',
      monthEnd: '2024-10-31',
    });
    for (const { row, value } of results) expect([row.actual_start_date, value]).toEqual([row.actual_start_date, row.expected]);
  });

  it('the month of the year a date falls in: 0 before the year, 1–12 in it, none after; started by month M in the year is a month 1..M', () => {
    const rows = [
      { d: '2023-12-31', expected: 0 },
      { d: '2024-01-01', expected: 1 },
      { d: '2024-02-29', expected: 2 },
      { d: '2024-10-31', expected: 10 },
      { d: '2024-12-31', expected: 12 },
      { d: '2025-01-01', expected: null },
      { d: null, expected: null },
    ];
    const bucket = runStatement(
      `CREATE TABLE t (n INTEGER, d TEXT); INSERT INTO t VALUES ${rows.map((r, i) => `(${i}, ${r.d ? `'${r.d}'` : 'NULL'})`).join(', ')};`,
      `SELECT n, ${monthOfYearSql('t.d', "'2024-01-01'", "'2024-12-31'")} AS m FROM t ORDER BY n`,
    );
    expect(bucket.map((r) => r.m)).toEqual(rows.map((r) => r.expected));
    for (const month of [1, 2, 10, 12]) {
      const monthEnd = { 1: '2024-01-31', 2: '2024-02-29', 10: '2024-10-31', 12: '2024-12-31' }[month];
      const started = evaluateFragment({ name: 'lp', columns: 'actual_start_date TEXT', rows: rows.map((r) => ({ actual_start_date: r.d })) }, startedInYearSql('lp.actual_start_date'), { yearStart: '2024-01-01', monthEnd });
      expect(started.map((s) => s.value)).toEqual(rows.map((r) => (r.expected !== null && r.expected >= 1 && r.expected <= month ? 1 : 0)));
    }
  });
});
