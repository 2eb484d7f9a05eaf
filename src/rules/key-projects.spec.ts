import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { isKeyProjectSql } from './key-projects.js';

describe('重点项目 (rules/key-projects.ts)', () => {
  it('a listed project is a key project from exactly the threshold up', () => {
    const rows = runStatement(
      `CREATE TABLE lp (code TEXT, total_investment_wan INTEGER); INSERT INTO lp VALUES ('at', 100000), ('below', 99999), ('above', 350000), ('unknown', NULL);`,
      `SELECT code, ${isKeyProjectSql('lp')} AS key FROM lp ORDER BY rowid`,
      { keyThreshold: 100_000 },
    );
    expect(rows).toEqual([
      { code: 'at', key: 1 },
      { code: 'below', key: 0 },
      { code: 'above', key: 1 },
      { code: 'unknown', key: 0 },
    ]);
  });
});
