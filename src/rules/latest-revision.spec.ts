import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { isLatestRevisionSql } from './latest-revision.js';

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
