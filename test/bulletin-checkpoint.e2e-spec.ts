import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { AuditService } from '../src/audit/index.js';
import { projectBody, startedProject } from './factories/project.factory.js';
import { binary } from './support/bulletin-figures.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

/**
 * Every published bulletin is an audit checkpoint: the seq and hash of its own publish entry,
 * carried by its JSON and printed on its copies. `GET /api/audit/verify?bulletin=YYYY-MM` holds
 * the log to it: a log cut back to before the bulletin and rewritten (a chain that verifies on
 * its own) fails against it, and so does one cut short of it.
 */
describe('bulletins as audit checkpoints', () => {
  let t: TestApp;
  let checkpoint: { seq: number; hash: string };
  const verify = async (query: string) => (await t.client.get(`/api/audit/verify${query}`)).body;
  /** Appends entries through the app's own chain code, as someone rewriting the log would. */
  const append = (count: number, tag: string) =>
    t.dataSource.transaction(async (manager) => {
      for (let n = 0; n < count; n++) await t.app.get(AuditService).append(manager, { actor: 'intruder', entity: 'project', entityId: 1, action: 'update', after: { tag, n } });
    });

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    await startedProject(t.client, { region: '371502' });
  });
  afterAll(async () => t.close());

  it('records the checkpoint of its own publish entry, in the bulletin, its JSON and the list', async () => {
    const published = await t.client.post('/api/bulletins/2024/4');
    expect(published.status).toBe(201);
    const [entry] = await t.dataSource.query(`SELECT seq, hash, "after" FROM audit_entry WHERE entity = 'bulletin' AND entity_id = '2024-04' AND action = 'publish'`);
    checkpoint = { seq: Number(entry.seq), hash: entry.hash };
    expect(published.body.checkpoint).toEqual(checkpoint);
    expect(JSON.parse(entry.after).hash).toBe(published.body.hash);
    expect(Number((await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq)).toBe(checkpoint.seq);
    expect((await t.client.get('/api/bulletins/2024/4')).body.checkpoint).toEqual(checkpoint);
    expect((await t.client.get('/api/bulletins')).body).toEqual([expect.objectContaining({ year: 2024, month: 4, checkpoint })]);
    expect(await verify('?bulletin=2024-04')).toEqual({ ok: true, checked: checkpoint.seq });
  });

  it('prints it on the .xlsx copy', async () => {
    const res = await t.client.get('/api/exports/bulletins/2024/4.xlsx').buffer(true).parse(binary);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const texts: string[] = [];
    workbook.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((text) => text.includes(`审计检查点：第 ${checkpoint.seq} 条，哈希 ${checkpoint.hash}`))).toBe(true);
  });

  it('refuses a month without a bulletin (404), a malformed month and a second checkpoint (400)', async () => {
    expect((await t.client.get('/api/audit/verify?bulletin=2024-05')).status).toBe(404);
    for (const query of ['?bulletin=2024-13', '?bulletin=2024-4', `?bulletin=2024-04&seq=1&hash=${'0'.repeat(64)}`])
      expect([query, (await t.client.get(`/api/audit/verify${query}`)).status]).toEqual([query, 400]);
  });

  it('still holds when entries after the bulletin are cut and rewritten (it vouches for the log up to its publication)', async () => {
    await t.client.post('/api/projects').send(projectBody());
    await t.dataSource.query('DELETE FROM audit_entry WHERE seq > ?', [checkpoint.seq]);
    await append(3, 'after the bulletin');
    expect((await verify('')).ok).toBe(true);
    expect(await verify('?bulletin=2024-04')).toEqual({ ok: true, checked: checkpoint.seq + 3 });
  });

  it('fails once the log is cut back to before the bulletin and rewritten, though the chain verifies on its own', async () => {
    await t.dataSource.query('DELETE FROM audit_entry WHERE seq > ?', [checkpoint.seq - 2]);
    await append(6, 'rewritten');
    const plain = await verify('');
    expect(plain).toEqual({ ok: true, checked: checkpoint.seq + 4 });
    const held = await verify('?bulletin=2024-04');
    expect(held).toMatchObject({ ok: false, checked: checkpoint.seq - 1, firstBad: { seq: checkpoint.seq, reason: 'checkpointHashMismatch' } });
    // The same answer as with the checkpoint written down by hand.
    expect(await verify(`?seq=${checkpoint.seq}&hash=${checkpoint.hash}`)).toEqual(held);
  });

  it('fails when the log is cut short of the bulletin', async () => {
    await t.dataSource.query('DELETE FROM audit_entry WHERE seq >= ?', [checkpoint.seq]);
    expect((await verify('')).ok).toBe(true);
    expect(await verify('?bulletin=2024-04')).toMatchObject({ ok: false, firstBad: { seq: checkpoint.seq, reason: 'checkpointMissing' } });
  });
});

describe('bulletins published before checkpoints existed', () => {
  it('get the checkpoint of their own publish entry when the migration runs', async () => {
    const t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    try {
      expect((await t.client.post('/api/bulletins/2024/3')).status).toBe(201);
      await t.client.post('/api/projects').send(projectBody());
      const [entry] = await t.dataSource.query(`SELECT seq, hash FROM audit_entry WHERE entity = 'bulletin' AND entity_id = '2024-03'`);
      // Back to the schema before this migration (no checkpoint columns): the migrations after it are undone
      // first, newest first, then it; then forward again.
      const executed = async () => (await t.dataSource.query('SELECT name FROM migrations')).map((m: { name: string }) => m.name);
      while ((await executed()).some((name: string) => name.startsWith('Operations'))) await t.dataSource.undoLastMigration();
      expect((await t.dataSource.query('SELECT * FROM bulletin'))[0]).not.toHaveProperty('checkpoint_seq');
      await t.dataSource.runMigrations();
      const [row] = await t.dataSource.query('SELECT checkpoint_seq, checkpoint_hash FROM bulletin WHERE year = 2024 AND month = 3');
      expect({ seq: Number(row.checkpoint_seq), hash: row.checkpoint_hash }).toEqual({ seq: Number(entry.seq), hash: entry.hash });
      // Running the migrations again ends every session (the security log's migration moves the token
      // key out of the database, docs/operations.md): sign in again to ask.
      const client = t.clientWith(await t.login('admin', TEST_ADMIN_PASSWORD));
      expect((await client.get('/api/audit/verify?bulletin=2024-03')).body).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });
});

