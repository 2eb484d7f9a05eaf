import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { bulletinCoversSql, CLOSING_BULLETIN_SQL, correctionReasonFailure } from './month-closed.js';

const BULLETINS = `CREATE TABLE bulletin (year INTEGER, month INTEGER);
  INSERT INTO bulletin VALUES (2024, 6), (2024, 3), (2023, 12);`;

describe('month closed by a bulletin (rules/month-closed.ts)', () => {
  const closedBy = (month: string) => runStatement(BULLETINS, CLOSING_BULLETIN_SQL, { month })[0] ?? null;

  it('a month is closed by the earliest published bulletin of its year that covers it', () => {
    expect(closedBy('2024-01')).toEqual({ year: 2024, month: 3 });
    expect(closedBy('2024-03')).toEqual({ year: 2024, month: 3 });
    expect(closedBy('2024-04')).toEqual({ year: 2024, month: 6 });
    expect(closedBy('2024-06')).toEqual({ year: 2024, month: 6 });
  });

  it('months after the last bulletin, and other years, are open', () => {
    expect(closedBy('2024-07')).toBeNull();
    expect(closedBy('2025-01')).toBeNull();
    expect(closedBy('2023-12')).toEqual({ year: 2023, month: 12 });
  });

  it('the same rule over a column of months', () => {
    const rows = runStatement(
      `${BULLETINS} CREATE TABLE r (month TEXT); INSERT INTO r VALUES ('2024-02'), ('2024-05'), ('2024-07'), ('2023-11');`,
      `SELECT r.month, (SELECT MIN(b.month) FROM bulletin b WHERE ${bulletinCoversSql('b', 'r.month')}) AS closed_by FROM r ORDER BY r.month`,
    );
    expect(rows).toEqual([
      { month: '2023-11', closed_by: 12 },
      { month: '2024-02', closed_by: 3 },
      { month: '2024-05', closed_by: 6 },
      { month: '2024-07', closed_by: null },
    ]);
  });

  it('a closed month needs a correction reason; an open month or a given reason does not', () => {
    expect(correctionReasonFailure({ year: 2024, month: 6 }, '2024-05', null, '数据')).toEqual({
      field: 'reason',
      code: 'correctionReasonRequired',
      message: '2024年6月通报已发布，修改 2024-05 的数据需填写更正原因',
    });
    expect(correctionReasonFailure({ year: 2024, month: 6 }, '2024-05', '台账更正', '数据')).toBeNull();
    expect(correctionReasonFailure(null, '2024-07', null, '到位资金')).toBeNull();
  });
});
