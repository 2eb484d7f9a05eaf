import { describe, expect, it } from '@jest/globals';
import { runStatement } from '../../test/support/sql-cases.js';
import { isMilestoneOverdue, milestoneCurve, milestoneOverdueReason, overdueMilestoneSql } from './milestones.js';

/** Hand-worked cases from docs/domain/milestones.md, not from the code. */
describe('the plan curve from milestones (rules/milestones.ts)', () => {
  const sum = (curve: number[] | null) => (curve ?? []).reduce((a, b) => a + b, 0);

  it('spreads the planned amount evenly over the months from the first milestone to the last', () => {
    // 开工 10 April, 竣工投产 20 September: April–September, 6 months, 1,200 ÷ 6 = 200.
    expect(milestoneCurve(1200, 2024, ['2024-04-10', '2024-09-20'])).toEqual([0, 0, 0, 200, 200, 200, 200, 200, 200, 0, 0, 0]);
    // Unsorted input, same span.
    expect(milestoneCurve(1200, 2024, ['2024-09-20', '2024-06-01', '2024-04-10'])).toEqual([0, 0, 0, 200, 200, 200, 200, 200, 200, 0, 0, 0]);
  });

  it('gives the remainder one 万元 a month to the span’s last months', () => {
    // 1,003 over April–September: 167 × 6 = 1,002, 1 left → September 168.
    const curve = milestoneCurve(1003, 2024, ['2024-04-10', '2024-09-20']);
    expect(curve).toEqual([0, 0, 0, 167, 167, 167, 167, 167, 168, 0, 0, 0]);
    expect(sum(curve)).toBe(1003);
    // 5,000 over October–December (the last milestone is in 2026): 1,666 × 3 = 4,998, 2 left → November and December.
    const late = milestoneCurve(5000, 2024, ['2024-10-01', '2026-06-30']);
    expect(late).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1666, 1667, 1667]);
    expect(sum(late)).toBe(5000);
  });

  it('starts the span in January when the first milestone is in an earlier year (续建)', () => {
    // 开工 May 2023, then March, June and October 2024: January–October, 10 months of 100.
    expect(milestoneCurve(1000, 2024, ['2023-05-01', '2024-03-31', '2024-06-30', '2024-10-15'])).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 0, 0]);
  });

  it('puts everything in one month when both ends fall in it', () => {
    expect(milestoneCurve(700, 2024, ['2024-06-01', '2024-06-30'])).toEqual([0, 0, 0, 0, 0, 700, 0, 0, 0, 0, 0, 0]);
  });

  it('derives nothing from one milestone, or when all lie before or after the year', () => {
    expect(milestoneCurve(1200, 2024, [])).toBeNull();
    expect(milestoneCurve(1200, 2024, ['2024-06-30'])).toBeNull();
    expect(milestoneCurve(1200, 2024, ['2022-01-01', '2023-12-31'])).toBeNull();
    expect(milestoneCurve(1200, 2024, ['2025-01-01', '2025-06-01'])).toBeNull();
  });
});

describe('节点滞后 (rules/milestones.ts)', () => {
  /** October 2024's board, shown on 15 November: reference date 2024-10-31, as recorded by the 15th. */
  const october = { refDate: '2024-10-31', monthEnd: '2024-10-31', asOf: '2024-11-15T00:00:00.000Z' };
  const recorded = '2024-02-01T00:00:00.000Z';

  const overdueOf = (stage: string, milestones: { planned: string; actual?: string; name?: string; recordedAt?: string; removedAt?: string }[]) => {
    const values = milestones
      .map((m, i) => `(1, '${m.name ?? `节点${i + 1}`}', '${m.planned}', ${m.actual ? `'${m.actual}'` : 'NULL'}, '${m.recordedAt ?? recorded}', ${m.removedAt ? `'${m.removedAt}'` : 'NULL'})`)
      .join(', ');
    const setup = `CREATE TABLE lp (project_id INTEGER, stage TEXT); INSERT INTO lp VALUES (1, '${stage}');
      CREATE TABLE milestone (project_id INTEGER, name TEXT, planned_date TEXT, actual_date TEXT, recorded_at TEXT, removed_at TEXT);
      ${values ? `INSERT INTO milestone VALUES ${values};` : ''}`;
    return runStatement(setup, `SELECT ${overdueMilestoneSql('lp')} AS overdue FROM lp`, october)[0].overdue;
  };

  it('names a milestone past its planned date with no actual date by the month end', () => {
    expect(overdueOf('implementation.active', [{ planned: '2024-10-30', name: '主体完工' }])).toBe('2024-10-30 主体完工');
    // Due on the reference date itself: not yet overdue.
    expect(overdueOf('implementation.active', [{ planned: '2024-10-31' }])).toBeNull();
    // Reached in time for October's board; reached only in November.
    expect(overdueOf('implementation.active', [{ planned: '2024-06-30', actual: '2024-10-31' }])).toBeNull();
    expect(overdueOf('implementation.active', [{ planned: '2024-06-30', actual: '2024-11-03', name: '设备安装' }])).toBe('2024-06-30 设备安装');
  });

  it('names the earliest of several overdue milestones', () => {
    expect(overdueOf('implementation.active', [{ planned: '2024-09-30', name: '试生产' }, { planned: '2024-06-30', name: '主体完工' }, { planned: '2024-12-31', name: '竣工投产' }])).toBe('2024-06-30 主体完工');
  });

  it('reads the milestones as recorded by the board’s instant', () => {
    expect(overdueOf('implementation.active', [{ planned: '2024-06-30', recordedAt: '2024-11-20T00:00:00.000Z' }])).toBeNull(); // entered after
    expect(overdueOf('implementation.active', [{ planned: '2024-06-30', removedAt: '2024-11-01T00:00:00.000Z' }])).toBeNull(); // replaced before
    expect(overdueOf('implementation.active', [{ planned: '2024-06-30', removedAt: '2024-11-20T00:00:00.000Z', name: '开工' }])).toBe('2024-06-30 开工'); // replaced after
  });

  it('leaves completed and withdrawn projects alone', () => {
    expect(overdueOf('completed', [{ planned: '2024-06-30' }])).toBeNull();
    expect(overdueOf('withdrawn', [{ planned: '2024-06-30' }])).toBeNull();
    expect(overdueOf('preparation', [{ planned: '2024-06-30', name: '开工' }])).toBe('2024-06-30 开工');
    expect(overdueOf('implementation.active', [])).toBeNull();
  });

  it('agrees with the same rule in JavaScript, and reads back as the reason', () => {
    expect(isMilestoneOverdue({ name: '主体完工', plannedDate: '2024-10-30', actualDate: null }, '2024-10-31')).toBe(true);
    expect(isMilestoneOverdue({ name: '主体完工', plannedDate: '2024-10-31', actualDate: null }, '2024-10-31')).toBe(false);
    expect(isMilestoneOverdue({ name: '主体完工', plannedDate: '2024-06-30', actualDate: '2024-11-03' }, '2024-10-31')).toBe(true);
    expect(isMilestoneOverdue({ name: '主体完工', plannedDate: '2024-06-30', actualDate: '2024-10-03' }, '2024-10-31')).toBe(false);
    expect(milestoneOverdueReason('2024-06-30 主体完工')).toBe('节点滞后：主体完工计划 2024-06-30 完成，尚未完成');
  });
});
