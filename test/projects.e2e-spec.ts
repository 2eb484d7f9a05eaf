import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/** The contract's error shape (docs/api.md "Errors"). */
function expectErrorShape(body: Record<string, unknown>, status: number) {
  expect(body).toEqual({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
    details: expect.any(Array),
    requestId: expect.any(String),
  });
}

describe('projects and the lifecycle over HTTP (real SQLite built by the migrations)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
  });
  afterAll(async () => t.close());

  const create = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.client.post('/api/projects').send(projectBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number; stage: string };
  };
  const event = (id: number, body: Record<string, unknown>) => t.client.post(`/api/projects/${id}/events`).send(body);

  it('walks create → promote → start → halt → resume → complete, recording each step', async () => {
    const created = await create();
    expect(created).toMatchObject({ stage: 'reserve', stageLabel: '储备', allowedEvents: ['PROMOTE', 'WITHDRAW'], version: 1 });

    let res = await event(created.id, { type: 'PROMOTE' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'preparation', allowedEvents: ['DEFER', 'START', 'WITHDRAW'], version: 2 });

    res = await event(created.id, { type: 'START', date: '2024-04-01' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'implementation.active', actualStartDate: '2024-04-01', allowedEvents: ['HALT', 'COMPLETE', 'WITHDRAW'] });

    res = await event(created.id, { type: 'HALT', date: '2024-05-01', reason: '环保督查整改' });
    expect(res.body).toMatchObject({ stage: 'implementation.halted', stageLabel: '实施（停工）', allowedEvents: ['RESUME', 'WITHDRAW'] });

    res = await event(created.id, { type: 'RESUME', date: '2024-05-20' });
    expect(res.body).toMatchObject({ stage: 'implementation.active' });

    // COMPLETE needs at least one investment report.
    res = await event(created.id, { type: 'COMPLETE', date: '2024-06-20' });
    expect(res.status).toBe(422);
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(['noInvestmentReport']);
    const report = await t.client.put(`/api/projects/${created.id}/reports/2024-05`).send({ amount: 3000, progress: '主体施工' });
    expect(report.status).toBe(201);
    res = await event(created.id, { type: 'COMPLETE', date: '2024-06-20' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'completed', stageLabel: '竣工', actualCompletionDate: '2024-06-20', allowedEvents: [], version: 6 });

    const history = await t.client.get(`/api/projects/${created.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((h: { kind: string; event: string | null }) => h.event ?? h.kind)).toEqual([
      'created', 'PROMOTE', 'START', 'HALT', 'RESUME', 'COMPLETE',
    ]);
    const halt = history.body.find((h: { event: string }) => h.event === 'HALT');
    expect(halt).toMatchObject({ fromStage: 'implementation.active', toStage: 'implementation.halted', effectiveDate: '2024-05-01', reason: '环保督查整改', actor: 'admin' });
    expect(halt.recordedAt).toBe('2024-06-30T04:00:00.000Z');

    // The stored snapshot and the stage column agree.
    const [row] = await t.dataSource.query('SELECT stage, lifecycle_snapshot FROM project WHERE id = ?', [created.id]);
    expect(row.stage).toBe('completed');
    expect(JSON.parse(row.lifecycle_snapshot)).toEqual({ value: 'completed', status: 'done' });
  });

  it('answers 409 for an event the stage does not take, and changes nothing', async () => {
    const created = await create();
    const before = await databaseState(t.dataSource);
    const res = await event(created.id, { type: 'COMPLETE', date: '2024-06-01' });
    expect(res.status).toBe(409);
    expectErrorShape(res.body, 409);
    expect(res.body.details[0]).toMatchObject({ code: 'eventNotAllowed' });
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('answers 422 naming every missing approval, and changes nothing', async () => {
    const created = await create({ approvals: { filing: '2024-01-10', land: null, planning: '2024-02-01', environment: null, energy: null, construction: null } });
    expect((await event(created.id, { type: 'PROMOTE' })).status).toBe(200);
    const before = await databaseState(t.dataSource);
    const res = await event(created.id, { type: 'START', date: '2024-07-15' });
    expect(res.status).toBe(422);
    expectErrorShape(res.body, 422);
    const details = res.body.details as { field: string; code: string; message: string }[];
    expect(details.map((d) => d.field).sort()).toEqual(['approvals.construction', 'approvals.energy', 'approvals.environment', 'approvals.land', 'date'].sort());
    expect(details.find((d) => d.field === 'approvals.land')?.message).toContain('用地');
    expect(details.find((d) => d.field === 'date')?.code).toBe('dateInFuture');
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('refuses a PATCH with a stale version (412) and keeps the newer edit', async () => {
    const created = await create();
    const first = await t.client.patch(`/api/projects/${created.id}`).send({ version: 1, name: '第一次修改' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: '第一次修改', version: 2 });
    expect(first.headers.etag).toBe('"2"');
    const before = await databaseState(t.dataSource);
    const stale = await t.client.patch(`/api/projects/${created.id}`).send({ version: 1, name: '过期的修改' });
    expect(stale.status).toBe(412);
    expectErrorShape(stale.body, 412);
    const staleHeader = await t.client.patch(`/api/projects/${created.id}`).set('If-Match', '"1"').send({ name: '过期的修改' });
    expect(staleHeader.status).toBe(412);
    expect(await databaseState(t.dataSource)).toEqual(before);
    const viaHeader = await t.client.patch(`/api/projects/${created.id}`).set('If-Match', '"2"').send({ totalInvestment: 130000 });
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body).toMatchObject({ name: '第一次修改', totalInvestment: 130000, version: 3 });
  });

  it('lets exactly one of many concurrent edits from the same read win', async () => {
    const created = await create();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.client.patch(`/api/projects/${created.id}`).send({ version: 1, name: `并发修改${i}` })),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const final = await t.client.get(`/api/projects/${created.id}`);
    expect(final.body.version).toBe(2);
  });

  it('lets exactly one of concurrent transitions win', async () => {
    const created = await create();
    const results = await Promise.all(Array.from({ length: 20 }, () => event(created.id, { type: 'PROMOTE' })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const history = await t.client.get(`/api/projects/${created.id}/history`);
    expect(history.body.filter((h: { event: string }) => h.event === 'PROMOTE')).toHaveLength(1);
  });

  it('keeps a stage\'s entry conditions: a started project cannot lose an approval', async () => {
    const created = await create();
    await event(created.id, { type: 'PROMOTE' });
    const started = await event(created.id, { type: 'START', date: '2024-04-01' });
    const res = await t.client
      .patch(`/api/projects/${created.id}`)
      .send({ version: started.body.version, approvals: { land: null } });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'approvals.land', code: 'approvalMissing' })]);
  });

  describe('bad input: 400/422 in the contract shape, never 500, nothing stored', () => {
    const cases: [string, () => request.Test, number, string][] = [
      ['malformed JSON', () => t.client.post('/api/projects').set('Content-Type', 'application/json').send('{"code": "X", '), 400, 'malformedJson'],
      ['unknown field', () => t.client.post('/api/projects').send(projectBody({ stage: 'completed' })), 400, 'unknownField'],
      ['negative money', () => t.client.post('/api/projects').send(projectBody({ totalInvestment: -1 })), 422, 'min'],
      ['fractional money', () => t.client.post('/api/projects').send(projectBody({ totalInvestment: 100.5 })), 422, 'isInt'],
      ['money as text', () => t.client.post('/api/projects').send(projectBody({ totalInvestment: '100' })), 400, 'isNumber'],
      ['bad date format', () => t.client.post('/api/projects').send(projectBody({ plannedStartDate: '2024/03/01' })), 400, 'isCalendarDate'],
      ['impossible date', () => t.client.post('/api/projects').send(projectBody({ plannedStartDate: '2024-02-30' })), 400, 'isCalendarDate'],
      ['bad approval date', () => t.client.post('/api/projects').send(projectBody({ approvals: { land: 'yesterday' } })), 400, 'isCalendarDate'],
      ['unknown approval', () => t.client.post('/api/projects').send(projectBody({ approvals: { luck: '2024-01-01' } })), 400, 'unknownField'],
      ['unknown region', () => t.client.post('/api/projects').send(projectBody({ region: '999999' })), 422, 'unknownRegion'],
      ['completion before start', () => t.client.post('/api/projects').send(projectBody({ plannedCompletionDate: '2024-01-01' })), 422, 'completionBeforeStart'],
      ['missing name', () => t.client.post('/api/projects').send({ code: 'NO-NAME' }), 400, 'isDefined'],
      ['control characters', () => t.client.post('/api/projects').send(projectBody({ name: 'bad\u0007name' })), 422, 'controlCharacters'],
      ['array body', () => t.client.post('/api/projects').send([1, 2]), 400, ''],
      ['unknown event', () => t.client.post('/api/projects/1/events').send({ type: 'EXPLODE' }), 400, 'isIn'],
      ['event field it does not take', () => t.client.post('/api/projects/1/events').send({ type: 'WITHDRAW', reason: 'x', date: '2024-01-01' }), 400, 'unknownField'],
      ['bad event date', () => t.client.post('/api/projects/1/events').send({ type: 'START', date: '2024-13-01' }), 400, 'isCalendarDate'],
      ['non-numeric id', () => t.client.get('/api/projects/abc'), 400, 'invalidId'],
      ['unknown id', () => t.client.get('/api/projects/999999'), 404, ''],
      ['unknown route', () => t.client.get('/api/nothing-here'), 404, ''],
      ['bad page size', () => t.client.get('/api/projects?pageSize=501'), 400, 'isQueryInt'],
      ['bad stage filter', () => t.client.get('/api/projects?stage=done'), 400, 'isIn'],
      ['bad If-Match', () => t.client.patch('/api/projects/1').set('If-Match', 'yesterday').send({ name: 'x' }), 400, 'invalidIfMatch'],
      ['PATCH without version', () => t.client.patch('/api/projects/1').send({ name: 'x' }), 400, 'versionRequired'],
      ['bad list year', () => t.client.get('/api/lists/24'), 400, 'invalidYear'],
      ['list entry with fractional plan', () => t.client.put('/api/lists/2024/entries/1').send({ category: 'implementation', plannedInvestment: 10.5 }), 422, 'isInt'],
    ];
    it.each(cases)('%s', async (_name, send, status, code) => {
      const before = await databaseState(t.dataSource);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expectErrorShape(res.body, status);
      if (code) expect(res.body.details.map((d: { code: string }) => d.code)).toContain(code);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });
  });

  it('round-trips Chinese text exactly, including characters outside the basic plane and 「·」', async () => {
    const name = '𠀀𪚥年产「·」10万吨 尼龙6（一期）';
    const created = await create({ name, ownerEnterprise: '鲁西化工集团股份有限公司·聊城' });
    const res = await t.client.get(`/api/projects/${created.id}`);
    expect(res.body.name).toBe(name);
    expect(res.body.ownerEnterprise).toBe('鲁西化工集团股份有限公司·聊城');
  });

  it('lists with filters and paging', async () => {
    await create({ region: '371581', chain: 'bearings', name: '临清轴承滚子项目' });
    await create({ region: '371581', chain: 'bearings', name: '临清轴承保持架项目' });
    const res = await t.client.get('/api/projects?region=371581&chain=bearings&pageSize=1&page=2');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(res.body.items).toHaveLength(1);
    const search = await t.client.get(`/api/projects?q=${encodeURIComponent('保持架')}`);
    expect(search.body.items.map((p: { name: string }) => p.name)).toEqual(['临清轴承保持架项目']);
    const byStage = await t.client.get('/api/projects?stage=completed');
    expect(byStage.body.items.every((p: { stage: string }) => p.stage === 'completed')).toBe(true);
  });

  it('reads a long list page after page by key: the same rows as by page number, in code order, to the end', async () => {
    for (let i = 0; i < 7; i++) await create({ region: '371526', chain: 'light-textile', name: `高唐纺织项目${i}` });
    const filter = 'region=371526&chain=light-textile';
    const all = (await t.client.get(`/api/projects?${filter}&pageSize=500`)).body as { items: { code: string }[]; total: number; next: string | null };
    expect(all.next).toBeNull();
    const codes = all.items.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
    const walked: string[] = [];
    let after: string | null = null;
    for (let page = 1; page <= 10; page++) {
      const res = await t.client.get(`/api/projects?${filter}&pageSize=3${after ? `&after=${after}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(all.total);
      const byNumber = (await t.client.get(`/api/projects?${filter}&pageSize=3&page=${page}`)).body;
      expect(res.body.items).toEqual(byNumber.items);
      walked.push(...res.body.items.map((p: { code: string }) => p.code));
      after = res.body.next;
      if (after === null) break;
    }
    expect(walked).toEqual(codes);
    // The total follows a write at once (it is counted again once the data has changed).
    await create({ region: '371526', chain: 'light-textile', name: '高唐纺织项目新' });
    expect((await t.client.get(`/api/projects?${filter}&pageSize=3`)).body.total).toBe(all.total + 1);
    // A numbered page past the end: no rows, the same total, no next page.
    const past = await t.client.get(`/api/projects?${filter}&pageSize=3&page=${Math.ceil((all.total + 1) / 3) + 1}`);
    expect([past.status, past.body.items, past.body.total, past.body.next]).toEqual([200, [], all.total + 1, null]);
    // The last numbered page holds what is left after the full pages.
    const last = await t.client.get(`/api/projects?${filter}&pageSize=3&page=${Math.ceil((all.total + 1) / 3)}`);
    expect(last.body.items).toHaveLength((all.total + 1) % 3 || 3);
    // A cursor that is not one of ours: 400 naming it.
    const bad = await t.client.get(`/api/projects?${filter}&after=not-a-cursor`);
    expect([bad.status, bad.body.details[0]]).toEqual([400, expect.objectContaining({ field: 'after', code: 'invalidCursor' })]);
  });
});
