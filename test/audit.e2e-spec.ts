import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { type AuditInput, AuditService } from '../src/audit/index.js';
import { WriteQueue } from '../src/database/index.js';
import { ReportRevision } from '../src/reports/index.js';
import { projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The app's audit service and an HTTP client for the audit routes. */
function auditApp(t: TestApp): { audit: AuditService; client: ReturnType<typeof request.agent>; close(): Promise<void> } {
  return { audit: t.app.get(AuditService), client: t.client, close: async () => undefined };
}

// ---- an independent implementation of the hash the issue specifies, to check the stored chain against ----

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${sortedJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

interface Row {
  seq: number;
  actor: string;
  at: string;
  entity: string;
  entity_id: string;
  action: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

function expectedHash(row: Row, prevHash: string): string {
  const content = {
    seq: Number(row.seq),
    actor: row.actor,
    at: row.at,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    reason: row.reason,
    prevHash,
  };
  return createHash('sha256').update(sortedJson(content), 'utf8').digest('hex');
}

const ZEROS = '0'.repeat(64);

/** Eight changes of different kinds, as the write paths will record them. */
const CHANGES: AuditInput[] = [
  { actor: 'admin', entity: 'project', entityId: 1, action: 'create', after: { code: 'P-1', name: '项目一', totalInvestment: 10000 } },
  { actor: 'admin', entity: 'project', entityId: 1, action: 'transition', before: { stage: 'reserve' }, after: { event: 'PROMOTE', stage: 'preparation' } },
  { actor: 'dongchangfu', entity: 'report', entityId: 1, action: 'file', after: { month: '2024-03', revision: 1, amount: 1200 } },
  {
    actor: 'dongchangfu',
    entity: 'report',
    entityId: 1,
    action: 'file',
    before: { month: '2024-03', revision: 1, amount: 1200 },
    after: { month: '2024-03', revision: 2, amount: 1500 },
    reason: '统计口径更正',
  },
  { actor: 'admin', entity: 'list', entityId: 1, action: 'add', after: { year: 2024, category: 'implementation', plannedInvestment: 5000 } },
  { actor: 'admin', entity: 'rating', entityId: 'region:371502', action: 'override', after: { year: 2024, month: 5, rating: 'blue' }, reason: '专班核实' },
  { actor: 'admin', entity: 'bulletin', entityId: '2024-05', action: 'publish', after: { hash: 'ab'.repeat(32) } },
  { actor: 'admin', entity: 'user', entityId: 'dongchangfu', action: 'create', after: { role: 'region', region: '371502' } },
];

describe('audit log: hash chain, tamper evidence, one transaction with the change', () => {
  let t: TestApp;
  let audit: AuditService;
  let writes: WriteQueue;
  let client: ReturnType<typeof request.agent>;
  let closeAudit: () => Promise<void>;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    ({ audit, client, close: closeAudit } = auditApp(t));
    writes = t.app.get(WriteQueue);
  });
  afterAll(async () => {
    await closeAudit();
    await t.close();
  });

  const rows = (): Promise<Row[]> => t.dataSource.query('SELECT * FROM audit_entry ORDER BY seq');
  const count = async (table: string): Promise<number> => Number((await t.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);

  /** A fresh log of the eight changes, one minute apart, each in its own write transaction. */
  async function freshChain() {
    await t.dataSource.query('DELETE FROM audit_entry');
    for (const [index, change] of CHANGES.entries()) {
      t.setNow(`2024-06-30T05:0${index}:00.000Z`);
      await writes.run((manager) => audit.append(manager, change));
    }
    return audit.checkpoint();
  }

  describe('an untouched log', () => {
    beforeAll(freshChain);

    it('numbers entries 1..n and links each to the previous hash, as specified (recomputed independently)', async () => {
      const stored = await rows();
      expect(stored.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      let prev = ZEROS;
      for (const row of stored) {
        expect(row.prev_hash).toBe(prev);
        expect(row.hash).toBe(expectedHash(row, prev));
        prev = row.hash;
      }
      expect(stored[0]).toMatchObject({
        actor: 'admin',
        at: '2024-06-30T05:00:00.000Z',
        entity: 'project',
        entity_id: '1',
        action: 'create',
        before: null,
        after: '{"code":"P-1","name":"项目一","totalInvestment":10000}',
        reason: null,
      });
      expect(stored[3].reason).toBe('统计口径更正');
    });

    it('verifies clean, with and without its checkpoint, in one read or in batches', async () => {
      const checkpoint = await audit.checkpoint();
      expect(checkpoint).toEqual({ seq: 8, hash: (await rows())[7].hash, at: '2024-06-30T05:07:00.000Z' });
      expect(await audit.verify()).toEqual({ ok: true, checked: 8 });
      expect(await audit.verify(checkpoint)).toEqual({ ok: true, checked: 8 });
      expect(await audit.verify(checkpoint, { batchSize: 3 })).toEqual({ ok: true, checked: 8 });
      expect(await audit.verify({ seq: 5, hash: (await rows())[4].hash }, { batchSize: 1 })).toEqual({ ok: true, checked: 8 });
    });

    it('an empty log verifies, and its checkpoint is #0 with the zero hash', async () => {
      const kept = await rows();
      await t.dataSource.query('DELETE FROM audit_entry');
      expect(await audit.verify()).toEqual({ ok: true, checked: 0 });
      expect(await audit.checkpoint()).toEqual({ seq: 0, hash: ZEROS, at: null });
      expect((await audit.verify({ seq: 0, hash: ZEROS })).ok).toBe(true);
      await freshChain();
      expect((await rows()).map((row) => row.hash)).toEqual(kept.map((row) => row.hash));
    });
  });

  describe('tampering done to the SQLite file directly is detected, naming the first bad entry', () => {
    let checkpoint: { seq: number; hash: string };
    beforeEach(async () => {
      const latest = await freshChain();
      checkpoint = { seq: latest.seq, hash: latest.hash };
    });

    const cases: [string, () => Promise<unknown>, number, string][] = [
      [
        'one amount changed',
        () => t.dataSource.query(`UPDATE audit_entry SET "after" = REPLACE("after", '"amount":1500', '"amount":1600') WHERE seq = 4`),
        4,
        'hashMismatch',
      ],
      ['a timestamp changed', () => t.dataSource.query(`UPDATE audit_entry SET "at" = '2024-06-30T05:05:30.000Z' WHERE seq = 6`), 6, 'hashMismatch'],
      ['the actor changed', () => t.dataSource.query(`UPDATE audit_entry SET actor = 'someone' WHERE seq = 2`), 2, 'hashMismatch'],
      ['a reason removed', () => t.dataSource.query('UPDATE audit_entry SET reason = NULL WHERE seq = 6'), 6, 'hashMismatch'],
      ['a middle entry deleted', () => t.dataSource.query('DELETE FROM audit_entry WHERE seq = 5'), 5, 'missing'],
      ['the first entry deleted', () => t.dataSource.query('DELETE FROM audit_entry WHERE seq = 1'), 1, 'missing'],
      [
        'two entries swapped (reordered)',
        async () => {
          await t.dataSource.query('UPDATE audit_entry SET seq = -1 WHERE seq = 3');
          await t.dataSource.query('UPDATE audit_entry SET seq = 3 WHERE seq = 4');
          await t.dataSource.query('UPDATE audit_entry SET seq = 4 WHERE seq = -1');
        },
        3,
        'prevHashMismatch',
      ],
      [
        'an entry deleted and the later ones renumbered',
        async () => {
          await t.dataSource.query('DELETE FROM audit_entry WHERE seq = 5');
          for (const seq of [6, 7, 8]) await t.dataSource.query(`UPDATE audit_entry SET seq = ${seq - 1} WHERE seq = ${seq}`);
        },
        5,
        'prevHashMismatch',
      ],
      [
        'JSON re-spaced (same meaning, other bytes)',
        () => t.dataSource.query(`UPDATE audit_entry SET "after" = REPLACE("after", ':', ': ') WHERE seq = 7`),
        7,
        'malformedJson',
      ],
    ];

    it.each(cases)('%s', async (_name, tamper, seq, reason) => {
      await tamper();
      for (const batchSize of [500, 3, 1]) {
        expect(await audit.verify(undefined, { batchSize })).toEqual({ ok: false, checked: seq - 1, firstBad: { seq, reason, message: expect.any(String) } });
        expect((await audit.verify(checkpoint, { batchSize })).firstBad).toMatchObject({ seq, reason });
      }
    });

    it('dropping the tail verifies on its own, and is caught against the kept checkpoint', async () => {
      await t.dataSource.query('DELETE FROM audit_entry WHERE seq > 6');
      expect(await audit.verify()).toEqual({ ok: true, checked: 6 });
      expect(await audit.verify(checkpoint, { batchSize: 4 })).toEqual({
        ok: false,
        checked: 6,
        firstBad: { seq: 8, reason: 'checkpointMissing', message: expect.stringContaining('#6') },
      });
    });

    it('rewriting the whole chain with fresh hashes verifies on its own, and is caught against the kept checkpoint', async () => {
      // The forger changes entry 2 and recomputes every hash after it, consistently.
      await t.dataSource.query(`UPDATE audit_entry SET "after" = '{"event":"PROMOTE","stage":"implementation.active"}' WHERE seq = 2`);
      let prev = ZEROS;
      for (const row of await rows()) {
        const hash = expectedHash({ ...row, prev_hash: prev }, prev);
        await t.dataSource.query('UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?', [prev, hash, row.seq]);
        prev = hash;
      }
      expect(await audit.verify()).toEqual({ ok: true, checked: 8 });
      expect(await audit.verify(checkpoint)).toEqual({
        ok: false,
        checked: 7,
        firstBad: { seq: 8, reason: 'checkpointHashMismatch', message: expect.any(String) },
      });
    });

    it('a rewritten chain that also drops the tail is caught at the checkpoint', async () => {
      await t.dataSource.query('DELETE FROM audit_entry WHERE seq = 8');
      await t.dataSource.query(`UPDATE audit_entry SET "at" = '2024-06-30T05:59:00.000Z' WHERE seq = 7`);
      const [row7] = await t.dataSource.query('SELECT * FROM audit_entry WHERE seq = 7');
      await t.dataSource.query('UPDATE audit_entry SET hash = ? WHERE seq = 7', [expectedHash(row7, row7.prev_hash)]);
      expect((await audit.verify()).ok).toBe(true);
      expect((await audit.verify(checkpoint)).firstBad).toMatchObject({ seq: 8, reason: 'checkpointMissing' });
    });

    it('a checkpoint with a hash that never was is refused at its seq', async () => {
      expect((await audit.verify({ seq: 3, hash: 'f'.repeat(64) })).firstBad).toMatchObject({ seq: 3, reason: 'checkpointHashMismatch' });
      expect((await audit.verify({ seq: 0, hash: 'f'.repeat(64) })).firstBad).toMatchObject({ seq: 0, reason: 'checkpointHashMismatch' });
    });
  });

  describe('a change and its audit entry commit together or not at all', () => {
    let projectId: number;
    beforeAll(async () => {
      t.setNow('2024-06-30T04:00:00.000Z');
      projectId = (await t.client.post('/api/projects').send(projectBody())).body.id;
      await t.client.post(`/api/projects/${projectId}/events`).send({ type: 'PROMOTE' });
      expect((await t.client.post(`/api/projects/${projectId}/events`).send({ type: 'START', date: '2024-03-10' })).status).toBe(200);
    });

    const revision = (month: string, amountWan: number) => ({
      projectId,
      month,
      revision: 1,
      amountWan,
      progress: null,
      problems: null,
      actor: 'admin',
      recordedAt: '2024-06-30T04:00:00.000Z',
      correction: false,
      reason: null,
    });
    const reportsOf = async (month: string) =>
      Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM report_revision WHERE project_id = ? AND month = ?', [projectId, month]))[0].n);

    it('commits both when the audit entry is written', async () => {
      const entries = await count('audit_entry');
      const entry = await writes.run(async (manager) => {
        await manager.insert(ReportRevision, revision('2024-04', 700));
        return audit.append(manager, { actor: 'admin', entity: 'report', entityId: projectId, action: 'file', after: { month: '2024-04', revision: 1, amount: 700 } });
      });
      expect(entry.seq).toBe(entries + 1);
      expect(await reportsOf('2024-04')).toBe(1);
      expect(await count('audit_entry')).toBe(entries + 1);
      expect((await audit.verify()).ok).toBe(true);
    });

    it('an injected failure in the audit write leaves neither the report nor an entry', async () => {
      const entries = await count('audit_entry');
      const reports = await count('report_revision');
      const failing = jest.spyOn(audit, 'hashOf').mockImplementation(() => {
        throw new Error('injected audit failure');
      });
      try {
        await expect(
          writes.run(async (manager) => {
            await manager.insert(ReportRevision, revision('2024-05', 900));
            expect(await manager.count(ReportRevision, { where: { projectId, month: '2024-05' } })).toBe(1); // the change was made
            await audit.append(manager, { actor: 'admin', entity: 'report', entityId: projectId, action: 'file', after: { month: '2024-05', revision: 1, amount: 900 } });
          }),
        ).rejects.toThrow('injected audit failure');
      } finally {
        failing.mockRestore();
      }
      expect(await reportsOf('2024-05')).toBe(0);
      expect(await count('report_revision')).toBe(reports);
      expect(await count('audit_entry')).toBe(entries);
      expect((await audit.verify()).ok).toBe(true);
    });

    it('a failure after the audit entry was appended leaves neither, and the next entry takes the same seq', async () => {
      const entries = await count('audit_entry');
      await expect(
        writes.run(async (manager) => {
          await manager.insert(ReportRevision, revision('2024-05', 900));
          await audit.append(manager, { actor: 'admin', entity: 'report', entityId: projectId, action: 'file', after: { month: '2024-05', amount: 900 } });
          throw new Error('the change failed after its audit entry');
        }),
      ).rejects.toThrow('the change failed');
      expect(await reportsOf('2024-05')).toBe(0);
      expect(await count('audit_entry')).toBe(entries);
      const next = await writes.run((manager) => audit.append(manager, { actor: 'admin', entity: 'project', entityId: projectId, action: 'update', after: { content: '新' } }));
      expect(next.seq).toBe(entries + 1);
      expect((await audit.verify()).ok).toBe(true);
    });

    it('refuses an entry it cannot store faithfully, inside the transaction', async () => {
      const entries = await count('audit_entry');
      await expect(writes.run((manager) => audit.append(manager, { actor: 'admin', entity: 'report', entityId: projectId, action: 'file', after: { amount: Number.NaN } }))).rejects.toThrow(/finite/);
      await expect(writes.run((manager) => audit.append(manager, { actor: '', entity: 'report', entityId: projectId, action: 'file' }))).rejects.toThrow(/actor/);
      await expect(writes.run((manager) => audit.append(manager, { actor: 'a', entity: 'report', entityId: 1, action: 'file', at: '2024-06-30' }))).rejects.toThrow(/at must be/);
      expect(await count('audit_entry')).toBe(entries);
    });

    it('through the app: a report whose audit write fails is not filed', async () => {
      const reports = await count('report_revision');
      const entries = await count('audit_entry');
      const failing = jest.spyOn(audit, 'hashOf').mockImplementation(() => {
        throw new Error('injected audit failure');
      });
      try {
        expect((await t.client.put(`/api/projects/${projectId}/reports/2024-06`).send({ amount: 300 })).status).toBe(500);
      } finally {
        failing.mockRestore();
      }
      expect(await count('report_revision')).toBe(reports);
      expect(await count('audit_entry')).toBe(entries);
      expect((await t.client.put(`/api/projects/${projectId}/reports/2024-06`).send({ amount: 300 })).status).toBe(201);
      expect(await count('audit_entry')).toBe(entries + 1);
    });
  });

  describe('routes', () => {
    beforeAll(freshChain);

    it('GET /api/audit/verify and /checkpoint; a kept checkpoint is checked too', async () => {
      const checkpoint = await client.get('/api/audit/checkpoint');
      expect(checkpoint.status).toBe(200);
      expect(checkpoint.body).toEqual({ seq: 8, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: '2024-06-30T05:07:00.000Z' });
      expect((await client.get('/api/audit/verify')).body).toEqual({ ok: true, checked: 8 });
      const against = await client.get(`/api/audit/verify?seq=8&hash=${checkpoint.body.hash.toUpperCase()}`);
      expect(against.body).toEqual({ ok: true, checked: 8 });

      await t.dataSource.query('DELETE FROM audit_entry WHERE seq = 8');
      expect((await client.get('/api/audit/verify')).body).toEqual({ ok: true, checked: 7 });
      const truncated = await client.get(`/api/audit/verify?seq=8&hash=${checkpoint.body.hash}`);
      expect(truncated.body).toMatchObject({ ok: false, checked: 7, firstBad: { seq: 8, reason: 'checkpointMissing' } });
      await freshChain();
    });

    it.each([
      ['seq without hash', '?seq=3', 'checkpointIncomplete'],
      ['hash without seq', `?hash=${'a'.repeat(64)}`, 'checkpointIncomplete'],
      ['a short hash', '?seq=3&hash=abc', 'invalidHash'],
      ['a negative seq', `?seq=-1&hash=${'a'.repeat(64)}`, 'isQueryInt'],
      ['an unknown parameter', '?sequence=1', 'unknownField'],
    ])('GET /api/audit/verify with %s is 400', async (_name, query, code) => {
      const res = await client.get(`/api/audit/verify${query}`);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
    });

    it('GET /api/audit/events filters by entity and id, oldest first, with parsed before/after', async () => {
      const res = await client.get('/api/audit/events?entity=report&entityId=1');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 50 });
      expect(res.body.items.map((item: { seq: number }) => item.seq)).toEqual([3, 4]);
      expect(res.body.items[1]).toEqual({
        seq: 4,
        actor: 'dongchangfu',
        at: '2024-06-30T05:03:00.000Z',
        entity: 'report',
        entityId: '1',
        action: 'file',
        before: { amount: 1200, month: '2024-03', revision: 1 },
        after: { amount: 1500, month: '2024-03', revision: 2 },
        reason: '统计口径更正',
        prevHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('GET /api/audit/events by period (instants with offset, inclusive) and by page', async () => {
      // 13:02–13:05 in Beijing is 05:02–05:05 UTC: entries 3..6.
      const period = await client.get('/api/audit/events').query({ from: '2024-06-30T13:02:00+08:00', to: '2024-06-30T13:05:00+08:00' });
      expect(period.body.items.map((item: { seq: number }) => item.seq)).toEqual([3, 4, 5, 6]);
      const page = await client.get('/api/audit/events?page=2&pageSize=3');
      expect(page.body).toMatchObject({ total: 8, page: 2, pageSize: 3 });
      expect(page.body.items.map((item: { seq: number }) => item.seq)).toEqual([4, 5, 6]);
    });

    it('GET /api/audit/events page after page by seq (after=<next>): the whole log in order, then next is null', async () => {
      const seqs: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 10; i++) {
        const res = await client.get('/api/audit/events').query({ pageSize: 3, ...(after ? { after } : {}) });
        expect(res.body.total).toBe(8);
        seqs.push(...res.body.items.map((item: { seq: number }) => item.seq));
        after = res.body.next;
        if (after === null) break;
      }
      expect(seqs).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const filtered = await client.get('/api/audit/events').query({ from: '2024-06-30T13:02:00+08:00', pageSize: 2 });
      const rest = await client.get('/api/audit/events').query({ from: '2024-06-30T13:02:00+08:00', pageSize: 2, after: filtered.body.next });
      expect([...filtered.body.items, ...rest.body.items].map((item: { seq: number }) => item.seq).slice(0, 4)).toEqual([3, 4, 5, 6]);
    });

    it.each([
      ['from without an offset', '?from=2024-06-30T13:02:00', 'invalidInstant'],
      ['to as a date', '?to=2024-06-30', 'invalidInstant'],
      ['pageSize above 500', '?pageSize=501', 'isQueryInt'],
      ['a cursor that is not one of ours', '?after=bm90LWEtY3Vyc29y', 'invalidCursor'],
    ])('GET /api/audit/events with %s is 400', async (_name, query, code) => {
      const res = await client.get(`/api/audit/events${query}`);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
    });
  });
});
