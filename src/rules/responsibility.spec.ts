import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { fiveOnesMissing, listedRows, responsibilityCoverageSql } from './responsibility.js';

const complete = { leaderId: 7, department: '市工业和信息化局', planTitle: '绿色化工产业链2024年工作方案', measures: ['链主企业培育'], anchorEnterprises: ['鲁西化工集团股份有限公司'] };

describe('"5个1" and 包联 coverage (rules/responsibility.ts)', () => {
  it('a chain\'s "5个1" is complete only with all five, and names what is missing in the document\'s order', () => {
    expect(fiveOnesMissing(complete)).toEqual([]);
    // nothing filed yet: the lead unit stands in for the 责任部门, the other four are missing
    expect(fiveOnesMissing({ leaderId: null, department: '市工业和信息化局', planTitle: null, measures: [], anchorEnterprises: [] })).toEqual(['leader', 'plan', 'measures', 'anchors']);
    // blank text is not a plan, a measure or an enterprise
    expect(fiveOnesMissing({ ...complete, planTitle: '  ', measures: [' '], anchorEnterprises: [''] })).toEqual(['plan', 'measures', 'anchors']);
    expect(fiveOnesMissing({ ...complete, department: '' })).toEqual(['department']);
    expect(fiveOnesMissing({ ...complete, leaderId: null })).toEqual(['leader']);
    // two measures and two 链主 are as complete as one
    expect(fiveOnesMissing({ ...complete, measures: ['甲', '乙'], anchorEnterprises: ['甲公司', '乙公司'] })).toEqual([]);
  });

  it('listed projects without a 市级包联领导 or a 专员: a project on both lists counts once; a 县级 leader alone covers neither', () => {
    // Five projects: 1 fully covered; 2 a city leader only; 3 a county leader only; 4 nothing filed;
    // 5 a 专员 only and on both lists; 6 fully covered but not listed (it counts nowhere); 7 listed
    // but taken off (the list's condition leaves it out). Hand count: listed 5 (six entries);
    // without a city leader 3, 4, 5 = 3; without a 专员 2, 3, 4 = 3.
    const setup = `
      CREATE TABLE lst (project_id INTEGER, category TEXT, removed INTEGER DEFAULT 0);
      INSERT INTO lst (project_id, category) VALUES (1, 'implementation'), (2, 'implementation'), (3, 'preparation'), (4, 'implementation'), (5, 'implementation'), (5, 'preparation');
      INSERT INTO lst VALUES (7, 'implementation', 1);
      CREATE TABLE pr (project_id INTEGER, city_leader_id INTEGER, county_leader_id INTEGER, commissioner_id INTEGER);
      INSERT INTO pr VALUES (1, 10, 20, 30), (2, 10, NULL, NULL), (3, NULL, 21, NULL), (5, NULL, NULL, 31), (6, 11, NULL, 32), (7, 12, NULL, 33);`;
    const [row] = runStatement(setup, responsibilityCoverageSql(listedRows('lst', (l) => `${l}.removed = 0`), 'SELECT * FROM pr'));
    expect(row).toEqual({ listed: 5, without_city_leader: 3, without_commissioner: 3 });
  });
});
