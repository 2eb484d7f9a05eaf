import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBook } from './factories/workbooks.js';
import { binary } from './support/bulletin-figures.js';
import { startedProject } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * The words of the 月通报 (docs/domain/bulletin-commentary.md): drafted from the month's figures,
 * edited by the city office, frozen with the figures at publication, then corrected only by a new
 * revision with a reason while the published words stay.
 */
interface Words {
  overview: string;
  problems: string[];
  nextSteps: string[];
  praise: string[];
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** The canonical JSON the publish entry hashes: the four parts in this order (written here, not taken from the code). */
const hashOf = (w: Words) => sha256(JSON.stringify({ overview: w.overview, problems: w.problems, nextSteps: w.nextSteps, praise: w.praise }));

describe('the bulletin’s words: draft, edit, publish, correct', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-07-05T02:00:00.000Z' });
    // 东昌府区 well behind 序时 (red), 临清市 ahead (blue): 1,200 planned each, through June 600 expected.
    await startedProject(t.client, { region: '371502' }, 100, 1200);
    await startedProject(t.client, { region: '371581' }, 900, 1200);
  });
  afterAll(async () => t.close());

  const auditTail = async (after: number) =>
    (await t.dataSource.query('SELECT entity, entity_id, action, reason, "after" FROM audit_entry WHERE seq > ? ORDER BY seq', [after])) as {
      entity: string;
      entity_id: string;
      action: string;
      reason: string | null;
      after: string;
    }[];
  const lastSeq = async () => Number((await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq);

  it('drafts the words from the month’s figures, naming the region behind 序时 and the one ahead', async () => {
    const res = await t.client.get('/api/bulletins/2024/6/draft');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['overview', 'praise', 'problems']);
    // 东昌府区 100 of 600 (16.67%), 临清市 900 of 600 (150.00%); last month (May) both had 100 and 900 of 500.
    expect(res.body.overview.startsWith('1—6月，全市2个实施类项目完成投资0.10亿元，')).toBe(true);
    expect(res.body.problems[0]).toBe('完成序时进度低于80%的县（市、区）：东昌府区（16.67%，第2名，持平）。对以上县（市、区）予以通报。');
    expect(res.body.praise[0]).toBe('完成序时进度达到100%以上的县（市、区）：临清市（150.00%，第1名，持平）。对以上县（市、区）予以表扬。');
  });

  let edited: Words;
  it('keeps every save as a revision before publishing, without a reason; the same words again add nothing', async () => {
    const draft = (await t.client.get('/api/bulletins/2024/6/draft')).body;
    const seq = await lastSeq();
    const first = await t.client.put('/api/bulletins/2024/6/commentary').send({ ...draft, nextSteps: [] });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2024, month: 6, published: false, publishedRevision: null, current: { revision: 1, correction: false, reason: null } });
    expect((await t.client.put('/api/bulletins/2024/6/commentary').send({ ...draft, nextSteps: [] })).body.revisions).toHaveLength(1);
    edited = {
      overview: `${draft.overview}总体保持平稳。`,
      problems: [...draft.problems, '  '], // an empty item is dropped
      nextSteps: ['东昌府区于7月15日前报送整改措施。', '各县（市、区）加快前期手续办理。'],
      praise: draft.praise,
    };
    const second = await t.client.put('/api/bulletins/2024/6/commentary').send(edited);
    expect(second.body.current).toMatchObject({ revision: 2, overview: edited.overview, problems: draft.problems, nextSteps: edited.nextSteps });
    edited = { ...edited, problems: draft.problems };
    expect((await auditTail(seq)).map((e) => [e.entity, e.entity_id, e.action])).toEqual([
      ['bulletin', '2024-06', 'commentary'],
      ['bulletin', '2024-06', 'commentary'],
    ]);
  });

  let published: { text: string; body: { hash: string; commentary: Words & { revision: number; publishedRevision: number; corrections: unknown[] }; dashboard: unknown } };
  it('publishing freezes the words that count with the figures; the publish entry carries their hash', async () => {
    const seq = await lastSeq();
    const res = await t.client.post('/api/bulletins/2024/6');
    expect(res.status).toBe(201);
    published = { text: res.text, body: res.body };
    expect(res.body.commentary).toEqual({ ...edited, revision: 2, publishedRevision: 2, corrections: [] });
    const [entry] = await auditTail(seq);
    expect(entry.action).toBe('publish');
    expect(JSON.parse(entry.after)).toMatchObject({ commentaryRevision: 2, commentaryHash: hashOf(edited) });
    expect((await t.client.get('/api/bulletins/2024/6')).text).toBe(res.text);
  });

  it('refuses a change after publishing without a reason, and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const res = await t.client.put('/api/bulletins/2024/6/commentary').send({ ...edited, nextSteps: ['改写的下步工作'] });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'reason', code: 'correctionReasonRequired' })]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('a correction is a new revision with its reason: the published words stay, the bulletin carries the correction', async () => {
    t.setNow('2024-07-08T02:00:00.000Z');
    const corrected = { ...edited, nextSteps: ['东昌府区于7月20日前报送整改措施。', '各县（市、区）加快前期手续办理。'] };
    const reason = '整改期限经市链长办研究调整';
    const res = await t.client.put('/api/bulletins/2024/6/commentary').send({ ...corrected, reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ published: true, publishedRevision: 2, current: { revision: 3, correction: true, reason, nextSteps: corrected.nextSteps } });
    // The first words are kept as they were.
    expect(res.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3]);
    expect(res.body.revisions[1]).toMatchObject({ ...edited, correction: false, reason: null });

    const bulletin = await t.client.get('/api/bulletins/2024/6');
    expect(bulletin.body.commentary).toEqual({ ...corrected, revision: 3, publishedRevision: 2, corrections: [{ revision: 3, recordedAt: '2024-07-08T02:00:00.000Z', actor: 'admin', reason }] });
    // The figures are the published bytes, untouched.
    const dashboardPart = (text: string) => text.slice(text.indexOf('"dashboard":'));
    expect(dashboardPart(bulletin.text)).toBe(dashboardPart(published.text));
    expect(bulletin.body.hash).toBe(published.body.hash);
  });

  it('every copy carries the words as corrected, and says so: the .xlsx and the .docx', async () => {
    const xlsx = (await t.client.get('/api/exports/bulletins/2024/6.xlsx').buffer(true).parse(binary)).body as Buffer;
    const sheet = (await readBook(xlsx)).getWorksheet('通报正文')!;
    const cells: string[] = [];
    sheet.eachRow((row) => cells.push(String(row.getCell(1).value ?? '')));
    expect(cells).toEqual(expect.arrayContaining(['一、总体情况', edited.overview, '三、存在问题', `（一）${edited.problems[0]}`, '四、下步工作', '（一）东昌府区于7月20日前报送整改措施。']));
    const note = '更正说明：本通报文字于2024-07-08更正（第3版，原因：整改期限经市链长办研究调整）；发布时的文字为第2版，存档备查。';
    expect(cells.at(-1)).toBe(note);

    const dir = mkdtempSync(join(tmpdir(), 'tracker-words-'));
    try {
      const file = join(dir, 'b.docx');
      writeFileSync(file, (await t.client.get('/api/exports/bulletins/2024/6.docx').buffer(true).parse(binary)).body as Buffer);
      const read = spawnSync('/usr/bin/python3', ['-c', 'import sys, docx; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' });
      const paragraphs = read.stdout.split('\n');
      expect(paragraphs).toEqual(expect.arrayContaining(['一、总体情况', edited.overview, '（一）东昌府区于7月20日前报送整改措施。', note.replace('2024-07-08', '2024年7月8日')]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a bulletin published with no saved words carries the draft of its own figures', async () => {
    const draft = (await t.client.get('/api/bulletins/2024/5/draft')).body;
    const res = await t.client.post('/api/bulletins/2024/5');
    expect(res.status).toBe(201);
    expect(res.body.commentary).toEqual({ ...draft, nextSteps: [], revision: 1, publishedRevision: 1, corrections: [] });
    expect((await t.client.get('/api/bulletins/2024/5/commentary')).body).toMatchObject({ published: true, publishedRevision: 1, current: { revision: 1, actor: 'admin' } });
  });

  it('refuses malformed words with a clear error and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const good = { overview: '总体情况', problems: [], nextSteps: [], praise: [] };
    const cases: [object, number, string][] = [
      [{ ...good, problems: '不是数组' }, 400, 'isArray'],
      [{ ...good, praise: [1] }, 400, 'isString'],
      [{ ...good, colour: 'red' }, 400, 'unknownField'],
      [{ problems: [], nextSteps: [], praise: [] }, 400, 'isDefined'],
      [{ ...good, problems: ['很长'.repeat(501)] }, 422, 'maxLength'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.client.put('/api/bulletins/2024/7/commentary').send(body);
      expect([res.status, res.body.statusCode, res.body.details?.map((d: { code: string }) => d.code)]).toEqual([status, status, expect.arrayContaining([code])]);
    }
    expect((await t.client.put('/api/bulletins/2024/13/commentary').send(good)).status).toBe(400);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});
