import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { attractedInPeriodSql, attractionFigure, countByQuarter, DEAL_OVER_100M_WAN, fundedInPeriodSql, landedInPeriodSql, rateMet, signedInPeriodSql } from './attraction.js';

/*
 * Hand-worked cases for the board's 招商 rules (docs/domain/attraction.md): the period is 2024
 * through June (monthEnd 2024-06-30), as recorded by 2024-07-05.
 */
const PERIOD = { asOf: '2024-07-05T00:00:00.000Z', yearStart: '2024-01-01', monthEnd: '2024-06-30', fromMonth: '2024-01', toMonth: '2024-06' };

const TRANSITIONS = `CREATE TABLE lead_transition (lead_id INTEGER, event TEXT, effective_date TEXT, amount_wan INTEGER, recorded_at TEXT);
  INSERT INTO lead_transition VALUES
    (1, 'SIGN', '2024-03-10', 20000, '2024-03-11T02:00:00.000Z'),   -- counts
    (2, 'SIGN', '2023-12-30', 50000, '2024-01-02T02:00:00.000Z'),   -- signed last year
    (3, 'SIGN', '2024-07-01',  8000, '2024-07-01T02:00:00.000Z'),   -- after the end of June
    (4, 'SIGN', '2024-06-20',  9000, '2024-07-06T02:00:00.000Z'),   -- recorded after the instant
    (5, 'SIGN', '2024-02-01', 12000, '2024-02-01T02:00:00.000Z'),   -- terminated in May: no longer counts
    (5, 'TERMINATE', '2024-05-15', NULL, '2024-05-15T02:00:00.000Z'),
    (6, 'SIGN', '2024-04-01', 10000, '2024-04-01T02:00:00.000Z'),   -- terminated in July: still counts through June
    (6, 'TERMINATE', '2024-07-02', NULL, '2024-07-02T02:00:00.000Z'),
    (7, 'SIGN', '2024-05-05',  3000, '2024-05-05T02:00:00.000Z'),   -- termination recorded after the instant
    (7, 'TERMINATE', '2024-06-10', NULL, '2024-07-08T02:00:00.000Z'),
    (1, 'LAND', '2024-06-30', NULL, '2024-06-30T09:00:00.000Z'),     -- landed on the last day
    (6, 'LAND', '2024-07-01', NULL, '2024-07-01T02:00:00.000Z');`;

describe('which signed deals count for the period (rules/attraction.ts)', () => {
  it('signed in the year through M, recorded by the instant, not terminated by then', () => {
    const rows = runStatement(TRANSITIONS, `SELECT t.lead_id, t.amount_wan FROM lead_transition t WHERE ${signedInPeriodSql('t')} ORDER BY t.lead_id`, PERIOD);
    expect(rows).toEqual([
      { lead_id: 1, amount_wan: 20000 },
      { lead_id: 6, amount_wan: 10000 },
      { lead_id: 7, amount_wan: 3000 },
    ]);
  });

  it('as of an earlier instant the terminated deal still counted, and later ones did not yet', () => {
    const rows = runStatement(TRANSITIONS, `SELECT t.lead_id FROM lead_transition t WHERE ${signedInPeriodSql('t')} ORDER BY t.lead_id`, { ...PERIOD, asOf: '2024-05-01T00:00:00.000Z', monthEnd: '2024-04-30' });
    expect(rows.map((r) => r.lead_id)).toEqual([1, 5, 6]);
  });

  it('deals over 1亿: a contract of exactly 10,000 万元 is one', () => {
    expect(DEAL_OVER_100M_WAN).toBe(10_000);
    const rows = runStatement(TRANSITIONS, `SELECT SUM(CASE WHEN t.amount_wan >= ${DEAL_OVER_100M_WAN} THEN 1 ELSE 0 END) AS over FROM lead_transition t WHERE ${signedInPeriodSql('t')}`, PERIOD);
    expect(rows).toEqual([{ over: 2 }]); // 20,000 and 10,000; not 3,000
  });

  it('landed in the year through M, by landing date, recorded by the instant', () => {
    const rows = runStatement(TRANSITIONS, `SELECT t.lead_id FROM lead_transition t WHERE ${landedInPeriodSql('t')}`, PERIOD);
    expect(rows).toEqual([{ lead_id: 1 }]);
  });
});

describe('which funds count for the period', () => {
  const FUNDS = `CREATE TABLE lead_fund (lead_id INTEGER, month TEXT, revision INTEGER, amount_wan INTEGER, recorded_at TEXT);
    INSERT INTO lead_fund VALUES
      (1, '2023-12', 1, 700, '2024-01-03T02:00:00.000Z'),
      (1, '2024-03', 1, 2000, '2024-04-02T02:00:00.000Z'),
      (1, '2024-03', 2, 2500, '2024-04-20T02:00:00.000Z'),
      (1, '2024-06', 1, 1000, '2024-07-02T02:00:00.000Z'),
      (1, '2024-06', 2, 1200, '2024-07-09T02:00:00.000Z'),
      (5, '2024-04', 1,  300, '2024-05-02T02:00:00.000Z'),
      (5, '2024-07', 1,  999, '2024-07-03T02:00:00.000Z');`;

  it('months January–M of the year, the latest revision recorded by the instant, terminated leads\' money included', () => {
    const [row] = runStatement(FUNDS, `SELECT SUM(f.amount_wan) AS total FROM lead_fund f WHERE ${fundedInPeriodSql('f')}`, PERIOD);
    expect(row).toEqual({ total: 2500 + 1000 + 300 });
  });
});

describe('a figure against its target with 序时', () => {
  const thresholds = { bluePct: 100, yellowPct: 80 };

  it('900亿 through June, 400亿 signed: expected 450亿, ratio 0.8889, yellow', () => {
    expect(attractionFigure(4_000_000, 9_000_000, 6, thresholds)).toEqual({ target: 9_000_000, actual: 4_000_000, expected: 4_500_000, ratio: 0.8889, rating: 'yellow' });
  });

  it('60亿 through October: expected 50亿 exactly; 50亿 is blue; 39.99亿 is red', () => {
    expect(attractionFigure(500_000, 600_000, 10, thresholds)).toEqual({ target: 600_000, actual: 500_000, expected: 500_000, ratio: 1, rating: 'blue' });
    expect(attractionFigure(399_900, 600_000, 10, thresholds).rating).toBe('red');
  });

  it('a 15亿 target through May: expected 6.25亿 (62,500 万元)', () => {
    expect(attractionFigure(0, 150_000, 5, thresholds)).toEqual({ target: 150_000, actual: 0, expected: 62_500, ratio: 0, rating: 'red' });
  });

  it('no target: nothing expected, no ratio, no colour', () => {
    expect(attractionFigure(1000, 0, 6, thresholds)).toEqual({ target: 0, actual: 1000, expected: 0, ratio: null, rating: null });
  });
});

describe('quarterly indicators against their annual targets', () => {
  it('counts: 20 a year, 12 by Q3 → expected 15, ratio 0.8; 5 a year by Q1 → expected 1.25, shown 1', () => {
    expect(countByQuarter(12, 20, 3)).toEqual({ expected: 15, ratio: 0.8 });
    expect(countByQuarter(2, 5, 1)).toEqual({ expected: 1, ratio: 1.6 });
    expect(countByQuarter(3, 6, 2)).toEqual({ expected: 3, ratio: 1 });
    expect(countByQuarter(3, null, 2)).toEqual({ expected: null, ratio: null });
  });

  it('rates: 6.3% against 6% is met, 5.9% is not, exactly 6.0% is', () => {
    expect(rateMet(63, 6)).toBe(true);
    expect(rateMet(59, 6)).toBe(false);
    expect(rateMet(60, 6)).toBe(true);
    expect(rateMet(-25, -2)).toBe(false); // −2.5% is below −2%
    expect(rateMet(-12, -2)).toBe(true);
    expect(rateMet(null, 6)).toBeNull();
    expect(rateMet(60, null)).toBeNull();
  });
});

describe('招引 projects for a chain’s 差异化指标 (rules/attraction.ts attractedInPeriodSql)', () => {
  // Hand-worked: the board of 2025 through June, as recorded by 1 July 2025.
  const world = `
    CREATE TABLE project (id INTEGER, origin TEXT, planned_at TEXT, created_at TEXT);
    CREATE TABLE project_history (project_id INTEGER, kind TEXT, to_stage TEXT, recorded_at TEXT);
    INSERT INTO project VALUES
      (1, 'attracted', '2025-03-18', '2025-03-18T02:00:00.000Z'),  -- counts
      (2, 'expansion', '2025-03-18', '2025-03-18T02:00:00.000Z'),  -- a local expansion: not 招引
      (3, 'renovation', '2025-04-01', '2025-04-01T02:00:00.000Z'), -- 技改: not 招引
      (4, 'attracted', '2024-12-31', '2024-12-31T02:00:00.000Z'),  -- entered the library last year
      (5, 'attracted', '2025-07-02', '2025-07-02T02:00:00.000Z'),  -- after the end of June
      (6, 'attracted', '2025-06-30', '2025-07-03T02:00:00.000Z'),  -- dated in June, recorded after the instant
      (7, 'attracted', '2025-02-01', '2025-02-01T02:00:00.000Z'),  -- withdrawn in May
      (8, 'attracted', '2025-02-01', '2025-02-01T02:00:00.000Z'),  -- withdrawn after the instant: still counts
      (9, NULL, '2025-02-01', '2025-02-01T02:00:00.000Z');         -- origin unknown
    INSERT INTO project_history VALUES
      (7, 'transition', 'withdrawn', '2025-05-10T02:00:00.000Z'),
      (8, 'transition', 'withdrawn', '2025-08-10T02:00:00.000Z'),
      (1, 'transition', 'preparation', '2025-04-01T02:00:00.000Z');`;
  const params = { yearStart: '2025-01-01', monthEnd: '2025-06-30', asOf: '2025-07-01T00:00:00.000Z' };

  it('attracted from outside, entered the library in the year through M and by the instant, not withdrawn by then', () => {
    const rows = runStatement(world, `SELECT p.id FROM project p WHERE ${attractedInPeriodSql('p')} ORDER BY p.id`, params);
    expect(rows.map((r) => Number(r.id))).toEqual([1, 8]);
  });
});
