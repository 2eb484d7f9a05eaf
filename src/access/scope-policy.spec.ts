import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { runStatement } from '../../test/support/sql-cases.js';
import type { Principal } from './principal.js';
import { ALL, inScope, projectColumns, projectVisible, refuseOtherScope, requestVisible, scopeOf, scopeSql, visibleOr404, type Scope } from './scope-policy.js';

/**
 * The one owner of "who may see what" (docs/access.md "Scope"). A small world worked out by hand:
 * four projects in two counties and two chains, two requests routed to two departments.
 *
 *   project  region   chain     requests routed to
 *   1        371502   chemical  land-dept
 *   2        371502   textile   —
 *   3        371581   chemical  energy-dept
 *   4        371581   textile   land-dept
 */
const WORLD = `
  CREATE TABLE project (id INTEGER PRIMARY KEY, region_code TEXT, chain_code TEXT);
  INSERT INTO project VALUES (1, '371502', 'chemical'), (2, '371502', 'textile'), (3, '371581', 'chemical'), (4, '371581', 'textile');
  CREATE TABLE factor_request (id INTEGER PRIMARY KEY, project_id INTEGER, department_code TEXT, region_code TEXT, chain_code TEXT);
  INSERT INTO factor_request VALUES (10, 1, 'land-dept', '371502', 'chemical'), (11, 3, 'energy-dept', '371581', 'chemical'), (12, 4, 'land-dept', '371581', 'textile');
`;

const user = (role: Principal['role'], scope: Partial<Pick<Principal, 'region' | 'chain' | 'department'>> = {}) => ({ role, region: null, chain: null, department: null, ...scope });

function projectsSeen(scope: Scope): number[] {
  const condition = scopeSql(scope, projectColumns('p'));
  return runStatement(WORLD, `SELECT p.id FROM project p WHERE ${condition.sql} ORDER BY p.id`, condition.params).map((r) => Number(r.id));
}

function requestsSeen(scope: Scope): number[] {
  const condition = scopeSql(scope, { region: 'rq.region_code', chain: 'rq.chain_code', department: 'rq.department_code' });
  return runStatement(WORLD, `SELECT rq.id FROM factor_request rq WHERE ${condition.sql} ORDER BY rq.id`, condition.params).map((r) => Number(r.id));
}

/** Leads have a place and a chain but no request: a department sees none. */
function leadsSeen(scope: Scope): number[] {
  const condition = scopeSql(scope, { region: 'p.region_code', chain: 'p.chain_code' });
  return runStatement(WORLD, `SELECT p.id FROM project p WHERE ${condition.sql} ORDER BY p.id`, condition.params).map((r) => Number(r.id));
}

describe('scope policy', () => {
  it('turns each role into its scope, from the user alone', () => {
    expect(scopeOf(user('admin'))).toEqual({});
    expect(scopeOf(user('auditor'))).toEqual({});
    expect(scopeOf(user('display'))).toEqual({});
    expect(scopeOf(user('region', { region: '371502', chain: 'ignored' }))).toEqual({ region: '371502' });
    expect(scopeOf(user('chain', { chain: 'chemical' }))).toEqual({ chain: 'chemical' });
    expect(scopeOf(user('department', { department: 'land-dept' }))).toEqual({ department: 'land-dept' });
  });

  it('gives a scoped user without a scope nothing at all, not everything', () => {
    for (const role of ['region', 'chain', 'department'] as const) {
      const scope = scopeOf(user(role));
      expect([role, projectsSeen(scope), requestsSeen(scope)]).toEqual([role, [], []]);
    }
  });

  it('as SQL: lists only the rows in scope, for every role', () => {
    expect(projectsSeen(ALL)).toEqual([1, 2, 3, 4]);
    expect(projectsSeen(scopeOf(user('display')))).toEqual([1, 2, 3, 4]);
    expect(projectsSeen({ region: '371502' })).toEqual([1, 2]);
    expect(projectsSeen({ chain: 'chemical' })).toEqual([1, 3]);
    // A department reads the projects with a request routed to it, and only those.
    expect(projectsSeen({ department: 'land-dept' })).toEqual([1, 4]);
    expect(projectsSeen({ department: 'energy-dept' })).toEqual([3]);

    expect(requestsSeen({ region: '371581' })).toEqual([11, 12]);
    expect(requestsSeen({ chain: 'textile' })).toEqual([12]);
    expect(requestsSeen({ department: 'land-dept' })).toEqual([10, 12]);

    expect(leadsSeen({ region: '371502' })).toEqual([1, 2]);
    expect(leadsSeen({ department: 'land-dept' })).toEqual([]);
  });

  it('for one row: the same answers', () => {
    const row = { regionCode: '371502', chainCode: 'chemical' };
    expect([inScope(row, ALL), inScope(row, { region: '371502' }), inScope(row, { region: '371581' }), inScope(row, { chain: 'textile' }), inScope(row, { department: 'land-dept' })]).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const request = { departmentCode: 'land-dept' };
    expect([requestVisible(request, row, { department: 'land-dept' }), requestVisible(request, row, { department: 'energy-dept' }), requestVisible(request, row, { chain: 'chemical' })]).toEqual([
      true,
      false,
      true,
    ]);
  });

  describe('one project for a department, from the database', () => {
    let db: DataSource;
    beforeAll(async () => {
      db = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
      for (const statement of WORLD.split(';').map((s) => s.trim()).filter(Boolean)) await db.query(statement);
    });
    afterAll(() => db.destroy());

    it('sees a project with a request routed to it, not another', async () => {
      const seen = async (id: number, scope: Scope) => projectVisible(db.manager, { id, ...(await db.query(`SELECT region_code AS "regionCode", chain_code AS "chainCode" FROM project WHERE id = ${id}`))[0] }, scope);
      expect(await Promise.all([seen(1, { department: 'land-dept' }), seen(2, { department: 'land-dept' }), seen(3, { department: 'land-dept' }), seen(3, { department: 'energy-dept' })])).toEqual([
        true,
        false,
        false,
        true,
      ]);
      expect(await Promise.all([seen(2, { region: '371502' }), seen(3, { region: '371502' }), seen(4, ALL)])).toEqual([true, false, true]);
    });
  });

  it('answers 404 alike for a row that does not exist and one out of scope', () => {
    const missing = (() => {
      try {
        visibleOr404(null, true, '项目 9 不存在');
      } catch (error) {
        return error;
      }
    })();
    const hidden = (() => {
      try {
        visibleOr404({ id: 9 }, false, '项目 9 不存在');
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toEqual(hidden);
    expect((missing as { getStatus(): number }).getStatus()).toBe(404);
    expect((missing as { details: unknown }).details).toEqual((hidden as { details: unknown }).details);
    expect(visibleOr404({ id: 9 }, true, '项目 9 不存在')).toEqual({ id: 9 });
  });

  it('keeps writes in the caller\'s county or chain (403 naming the field)', () => {
    const refusals = { region: { message: '只能管理本县（市、区）的项目' }, chain: { message: '只能登记本产业链的招商项目' } };
    expect(() => refuseOtherScope({ region: '371502' }, { region: '371502' }, refusals)).not.toThrow();
    expect(() => refuseOtherScope({ region: '371502' }, {}, refusals)).not.toThrow();
    expect(() => refuseOtherScope(ALL, { region: '371581', chain: 'x' }, refusals)).not.toThrow();
    const refused = (scope: Scope, given: { region?: string | null; chain?: string | null }) => {
      try {
        refuseOtherScope(scope, given, refusals);
        return null;
      } catch (error) {
        const e = error as { getStatus(): number; details: { field: string; code: string }[] };
        return [e.getStatus(), e.details[0].field, e.details[0].code];
      }
    };
    expect(refused({ region: '371502' }, { region: '371581' })).toEqual([403, 'region', 'outOfScope']);
    expect(refused({ region: '371502' }, { region: null })).toEqual([403, 'region', 'outOfScope']);
    expect(refused({ chain: 'chemical' }, { chain: 'textile' })).toEqual([403, 'chain', 'outOfScope']);
  });
});
