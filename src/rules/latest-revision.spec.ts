import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { FUND_REVISIONS, INDICATOR_REVISIONS, isLatestRevisionSql } from './latest-revision.js';

const REVISIONS = `CREATE TABLE report_revision (project_id INTEGER, month TEXT, revision INTEGER, amount_wan INTEGER, recorded_at TEXT);
  INSERT INTO report_revision VALUES
    (1, '2024-05', 1, 100, '2024-06-03T02:00:00.000Z'),
    (1, '2024-05', 2, 120, '2024-06-10T02:00:00.000Z'),
    (1, '2024-05', 3,  90, '2024-07-01T02:00:00.000Z'),
    (1, '2024-06', 1, 200, '2024-07-02T02:00:00.000Z'),
    (2, '2024-05', 1,  50, '2024-06-04T02:00:00.000Z');`;

describe('the latest revision counts (rules/latest-revision.ts)', () => {
  it('now: the highest revision of each project and month', () => {
    const rows = runStatement(REVISIONS, `SELECT project_id, month, amount_wan FROM report_revision r WHERE ${isLatestRevisionSql('r')} ORDER BY project_id, month`);
    expect(rows).toEqual([
      { project_id: 1, month: '2024-05', amount_wan: 90 },
      { project_id: 1, month: '2024-06', amount_wan: 200 },
      { project_id: 2, month: '2024-05', amount_wan: 50 },
    ]);
  });

  it('as of an instant: the highest revision recorded by then', () => {
    const asOf = (instant: string) =>
      runStatement(
        REVISIONS,
        `SELECT project_id, month, amount_wan FROM report_revision r
          WHERE r.recorded_at <= :asOf AND ${isLatestRevisionSql('r', { asOf: true })} ORDER BY project_id, month`,
        { asOf: instant },
      );
    expect(asOf('2024-06-30T00:00:00.000Z')).toEqual([
      { project_id: 1, month: '2024-05', amount_wan: 120 },
      { project_id: 2, month: '2024-05', amount_wan: 50 },
    ]);
    expect(asOf('2024-06-03T02:00:00.000Z')).toEqual([{ project_id: 1, month: '2024-05', amount_wan: 100 }]);
  });
});

describe('the same rule for every figure kept as revisions', () => {
  const FUNDS = `CREATE TABLE lead_fund (lead_id INTEGER, month TEXT, revision INTEGER, amount_wan INTEGER, recorded_at TEXT);
    INSERT INTO lead_fund VALUES
      (7, '2024-03', 1, 5000, '2024-04-02T02:00:00.000Z'),
      (7, '2024-03', 2, 4500, '2024-04-09T02:00:00.000Z'),
      (7, '2024-04', 1, 3000, '2024-05-03T02:00:00.000Z'),
      (8, '2024-03', 1,  800, '2024-04-05T02:00:00.000Z');`;
  const INDICATORS = `CREATE TABLE chain_indicator (chain_code TEXT, year INTEGER, quarter INTEGER, revision INTEGER, new_above_scale INTEGER, recorded_at TEXT);
    INSERT INTO chain_indicator VALUES
      ('ferrous', 2024, 1, 1, 3, '2024-04-10T02:00:00.000Z'),
      ('ferrous', 2024, 1, 2, 4, '2024-04-20T02:00:00.000Z'),
      ('ferrous', 2024, 2, 1, 9, '2024-07-10T02:00:00.000Z'),
      ('ferrous', 2023, 1, 3, 1, '2023-04-10T02:00:00.000Z'),
      ('health',  2024, 1, 1, 2, '2024-04-11T02:00:00.000Z');`;

  it('funds: the latest revision of each lead and month, now and as of an instant', () => {
    const sum = (asOf: string) =>
      runStatement(FUNDS, `SELECT SUM(amount_wan) AS total FROM lead_fund f WHERE f.recorded_at <= :asOf AND ${isLatestRevisionSql('f', { asOf: true, of: FUND_REVISIONS })}`, { asOf });
    expect(runStatement(FUNDS, `SELECT lead_id, month, amount_wan FROM lead_fund f WHERE ${isLatestRevisionSql('f', { of: FUND_REVISIONS })} ORDER BY lead_id, month`)).toEqual([
      { lead_id: 7, month: '2024-03', amount_wan: 4500 },
      { lead_id: 7, month: '2024-04', amount_wan: 3000 },
      { lead_id: 8, month: '2024-03', amount_wan: 800 },
    ]);
    expect(sum('2024-04-06T00:00:00.000Z')).toEqual([{ total: 5000 + 800 }]);
    expect(sum('2024-06-01T00:00:00.000Z')).toEqual([{ total: 4500 + 3000 + 800 }]);
  });

  it('indicators: one figure per chain, year and quarter (another year\'s revision number is no competitor)', () => {
    const rows = runStatement(INDICATORS, `SELECT chain_code, year, quarter, new_above_scale FROM chain_indicator i WHERE ${isLatestRevisionSql('i', { of: INDICATOR_REVISIONS })} ORDER BY chain_code, year, quarter`);
    expect(rows).toEqual([
      { chain_code: 'ferrous', year: 2023, quarter: 1, new_above_scale: 1 },
      { chain_code: 'ferrous', year: 2024, quarter: 1, new_above_scale: 4 },
      { chain_code: 'ferrous', year: 2024, quarter: 2, new_above_scale: 9 },
      { chain_code: 'health', year: 2024, quarter: 1, new_above_scale: 2 },
    ]);
  });
});
