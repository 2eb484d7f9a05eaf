import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { isLatestRevisionSql } from '../rules/index.js';
import { fileRevision, latestRevision, revisionStateOf, revisionsOf } from './revision-log.js';

/**
 * The one way a figure kept as revisions is filed and read, on a toy figure of its own (a
 * meter's reading of a month). A bulletin published for 2024-03 closes January to March.
 */
@Entity('reading')
class Reading {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'meter_id', type: 'integer' }) meterId: number;
  @Column({ type: 'varchar' }) month: string;
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'integer' }) value: number;
  @Column({ type: 'boolean' }) correction: boolean;
  @Column({ type: 'varchar', nullable: true }) reason: string | null;
  @Column({ name: 'recorded_at', type: 'varchar' }) recordedAt: string;
}

describe('revision log', () => {
  let db: DataSource;
  let clock = 0;
  const at = () => `2024-05-01T00:00:0${clock++}.000Z`;

  beforeAll(async () => {
    db = await new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [Reading], synchronize: true }).initialize();
    await db.query('CREATE TABLE bulletin (year INTEGER, month INTEGER)');
    await db.query('INSERT INTO bulletin VALUES (2024, 3)');
  });
  afterAll(() => db.destroy());

  const file = (month: string, value: number, reason: string | null = null, failures = [] as { field: string; code: string; message: string }[]) =>
    db.transaction((m) =>
      fileRevision<Reading>(m, {
        entity: Reading,
        key: { meterId: 1, month },
        failures,
        same: (latest) => latest.value === value,
        closing: { month, reason, what: '读数' },
        build: (revision, correction) => m.create(Reading, { meterId: 1, month, revision, value, correction, reason, recordedAt: at() }),
      }),
    );
  const refusal = async (run: Promise<unknown>) => {
    try {
      await run;
      return null;
    } catch (error) {
      const e = error as { getStatus(): number; details: { code: string }[] };
      return [e.getStatus(), e.details.map((d) => d.code)];
    }
  };

  it('adds the first revision, nothing for the same figure again, a new revision for a new figure', async () => {
    const first = await file('2024-04', 100);
    expect([first.added, first.previous, first.row.revision, first.row.correction]).toEqual([true, null, 1, false]);
    const again = await file('2024-04', 100);
    expect([again.added, again.row.revision]).toEqual([false, 1]);
    const second = await file('2024-04', 120);
    expect([second.added, second.previous?.revision, second.row.revision]).toEqual([true, 1, 2]);
    expect((await revisionsOf(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-04' } })).map((r) => [r.revision, r.value])).toEqual([
      [1, 100],
      [2, 120],
    ]);
    expect((await latestRevision(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-04' } }))?.value).toBe(120);
  });

  it('asks a reason to revise a closed month, then marks the revision a correction', async () => {
    await db.getRepository(Reading).insert({ meterId: 1, month: '2024-02', revision: 1, value: 50, correction: false, reason: null, recordedAt: at() });
    expect(await refusal(file('2024-02', 60))).toEqual([422, ['correctionReasonRequired']]);
    expect(await latestRevision(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-02' } })).toMatchObject({ revision: 1, value: 50 });
    const corrected = await file('2024-02', 60, '统计口径更正');
    expect([corrected.row.revision, corrected.row.correction, corrected.row.reason]).toEqual([2, true, '统计口径更正']);
  });

  it('refuses with the caller\'s own failures too, all named, adding nothing', async () => {
    const failure = { field: 'month', code: 'monthInFuture', message: '尚未到来' };
    expect(await refusal(file('2024-01', 70, null, [failure]))).toEqual([422, ['monthInFuture', 'correctionReasonRequired']]);
    expect(await latestRevision(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-01' } })).toBeNull();
  });

  it('reads the latest revision, as stored, and the closing bulletin in one statement, with or without a revision', async () => {
    const logger = db.logger;
    const original = logger.logQuery.bind(logger);
    let statements = 0;
    logger.logQuery = (...args: Parameters<typeof logger.logQuery>) => {
      statements++;
      return original(...args);
    };
    try {
      // 2024-02 (closed by the 2024-03 bulletin): revision 2 of 60, a correction (the case above).
      const closed = await revisionStateOf<Reading>(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-02' }, closing: { month: '2024-02' } });
      expect(statements).toBe(1);
      expect(closed.closedBy).toEqual({ year: 2024, month: 3 });
      expect(closed.latest).toBeInstanceOf(Reading);
      expect(closed.latest).toEqual(await latestRevision(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-02' } }));
      expect([closed.latest?.revision, closed.latest?.value, closed.latest?.correction, closed.latest?.reason]).toEqual([2, 60, true, '统计口径更正']);
      // No revision of 2024-06 yet, and no bulletin covers it; no closing asked: none read.
      expect(await revisionStateOf<Reading>(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-06' }, closing: { month: '2024-06' } })).toEqual({ latest: null, closedBy: null });
      expect(await revisionStateOf<Reading>(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-01' } })).toEqual({ latest: null, closedBy: null });
      const open = await revisionStateOf<Reading>(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-04' } });
      expect([open.latest?.revision, open.latest?.value, open.latest?.correction, open.latest?.reason, open.closedBy]).toEqual([2, 120, false, null, null]);
      expect(statements).toBe(5); // four states, one statement each, and the latestRevision read compared with above
    } finally {
      logger.logQuery = original;
    }
  });

  it('reads the figure as recorded by an instant (the latest revision recorded by then)', async () => {
    const asOf = async (instant: string) =>
      (await db.query(`SELECT r.value FROM reading r WHERE r.month = '2024-04' AND r.recorded_at <= ? AND ${isLatestRevisionSql('r', { asOf: true, of: { table: 'reading', keys: ['meter_id', 'month'] } }).replace(':asOf', '?')}`, [instant, instant])) as { value: number }[];
    const [first, second] = await revisionsOf(db.manager, { entity: Reading, key: { meterId: 1, month: '2024-04' } });
    expect(await asOf(first.recordedAt)).toEqual([{ value: 100 }]);
    expect(await asOf(second.recordedAt)).toEqual([{ value: 120 }]);
  });
});
