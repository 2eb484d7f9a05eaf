import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { isKeyProjectSql } from './key-projects.js';

describe('重点项目 (rules/key-projects.ts)', () => {
  it('a listed project is a key project when designated, whatever its size says', () => {
    const rows = runStatement(
      `CREATE TABLE lp (code TEXT, total_investment_wan INTEGER, key_project BOOLEAN);
       INSERT INTO lp VALUES ('designated', 100000, 1), ('large but not designated', 350000, 0), ('designated, large', 500000, 1);`,
      `SELECT code, ${isKeyProjectSql('lp')} AS key FROM lp ORDER BY rowid`,
    );
    expect(rows).toEqual([
      { code: 'designated', key: 1 },
      { code: 'large but not designated', key: 0 },
      { code: 'designated, large', key: 1 },
    ]);
  });
});
