import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { readBook } from './factories/workbooks.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * One calendar (TZ_CALENDAR, Asia/Shanghai by default): every "today", every effective date
 * and every printed time is the day and hour in Liaocheng, not in UTC. 07:00 in Liaocheng on
 * 1 July is 23:00 UTC on 30 June.
 */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('one calendar', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-20T02:00:00.000Z' });
  });
  afterAll(() => t.close());

  const history = async (id: number) => (await t.client.get(`/api/projects/${id}/history`)).body as { event: string | null; effectiveDate: string | null; recordedAt: string }[];

  it('a transition recorded at 07:00 Asia/Shanghai carries that day’s date, not the UTC one', async () => {
    const withdrawn = (await t.client.post('/api/projects').send(projectBody())).body.id as number;
    const deferred = (await t.client.post('/api/projects').send(projectBody())).body.id as number;
    expect((await t.client.post(`/api/projects/${deferred}/events`).send({ type: 'PROMOTE' })).status).toBe(200);

    t.setNow('2024-06-30T23:00:00.000Z'); // 2024-07-01 07:00 in Liaocheng
    expect((await t.client.post(`/api/projects/${withdrawn}/events`).send({ type: 'WITHDRAW', reason: '企业放弃投资' })).status).toBe(200);
    expect((await t.client.post(`/api/projects/${deferred}/events`).send({ type: 'DEFER', reason: '资金未落实' })).status).toBe(200);

    const withdrawal = (await history(withdrawn)).find((h) => h.event === 'WITHDRAW')!;
    expect(withdrawal.recordedAt).toBe('2024-06-30T23:00:00.000Z');
    expect(withdrawal.effectiveDate).toBe('2024-07-01');
    expect((await history(deferred)).find((h) => h.event === 'DEFER')!.effectiveDate).toBe('2024-07-01');
  });

  it('"today" for the guards is Liaocheng’s: a start dated 1 July is allowed at 07:00 there', async () => {
    t.setNow('2024-06-30T23:00:00.000Z');
    const id = (await t.client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS }))).body.id as number;
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
    const started = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-07-01' });
    expect(started.status).toBe(200);
    const other = (await t.client.post('/api/projects').send(projectBody({ approvals: ALL_APPROVALS }))).body.id as number;
    await t.client.post(`/api/projects/${other}/events`).send({ type: 'PROMOTE' });
    const tomorrow = await t.client.post(`/api/projects/${other}/events`).send({ type: 'START', date: '2024-07-02' });
    expect(tomorrow.status).toBe(422);
  });

  it('the bulletin workbook prints its times in Liaocheng’s wall-clock time', async () => {
    t.setNow('2024-07-31T23:30:00.000Z'); // 2024-08-01 07:30 in Liaocheng: July is over there
    const published = await t.client.post('/api/bulletins/2024/7');
    expect(published.status).toBe(201);
    const res = await t.client.get('/api/exports/bulletins/2024/7.xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const sheet = (await readBook(res.body as Buffer)).worksheets[0];
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    const stamp = texts.find((text) => text.startsWith('数据截至：'));
    expect(stamp).toContain('数据截至：2024-08-01 07:30（北京时间）');
    expect(stamp).toContain('发布：2024-08-01 07:30');
  });
});
