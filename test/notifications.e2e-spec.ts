import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Notices over HTTP (docs/notifications.md): the rules run by hand at a fixed clock, the inbox,
 * and real channels: a local HTTP receiver standing in for 企业微信 and 钉钉 (the JSON and the
 * 钉钉 signature checked here, independently of the app's code) and a local SMTP server
 * (smtp-server) reading the mail.
 */
interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** A robot webhook on 127.0.0.1: records each request; answers errcode 0, or what `answer` says. */
async function receiver(): Promise<{ url: string; got: Received[]; answer: { status: number; body: string }; close(): Promise<void> }> {
  const got: Received[] = [];
  const answer = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      got.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(text) as Record<string, unknown> });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, got, answer, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

interface Mail {
  from: string;
  to: string[];
  data: string;
}

async function mailServer(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    // The channel's user and its write-only password reach the server.
    onAuth(auth, _session, callback) {
      if (auth.username === 'notifier' && auth.password === 'smtp-password-1') callback(null, { user: auth.username });
      else callback(new Error('bad credentials'));
    },
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Quoted-printable / base64 bodies aside, the subject line is RFC 2047 encoded: decode it for the check. */
function subjectOf(data: string): string {
  const line = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(data)?.[1] ?? '';
  return line.replace(/\r?\n[ \t]/g, '').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'binary').toString('utf8'),
  );
}

describe('notifications over HTTP', () => {
  let t: TestApp;
  let robot: Awaited<ReturnType<typeof receiver>>;
  let smtp: Awaited<ReturnType<typeof mailServer>>;
  let region: ReturnType<TestApp['clientWith']>;
  let project: number;
  const SECRET = 'SECdingtalk-test-secret-0123456789';

  beforeAll(async () => {
    robot = await receiver();
    smtp = await mailServer();
    // 2024-06-20 10:00 in Liaocheng: June's report is due on 5 July (a Friday).
    t = await startTestApp({ now: '2024-06-20T02:00:00.000Z', env: { NOTIFY_ALLOW_HTTP: 'true' } });
    await t.client.post('/api/users').send({ username: 'county-dc', password: 'county-password-dc', role: 'region', region: '371502' });
    region = t.clientWith(await t.login('county-dc', 'county-password-dc'));
    project = (await t.client.post('/api/projects').send(projectBody({ name: '东昌府催报测试项目', region: '371502' }))).body.id;
    await t.client.post(`/api/projects/${project}/events`).send({ type: 'PROMOTE' });
    expect((await t.client.post(`/api/projects/${project}/events`).send({ type: 'START', date: '2024-03-10' })).status).toBe(200);
    // March to May are filed: only June's report is chased below.
    for (const month of ['2024-03', '2024-04', '2024-05']) expect((await t.client.put(`/api/projects/${project}/reports/${month}`).send({ amount: 100 })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.close();
    await robot?.close();
    await smtp?.close();
  });

  const inbox = async () => (await region.get('/api/notifications/inbox')).body as { unread: number; items: { id: number; kind: string; title: string; link: string; readAt: string | null }[] };
  const run = async () => {
    const res = await t.client.post('/api/notifications/run');
    expect(res.status).toBe(200);
    return res.body as { created: number; delivered: { sent: number; failed: number; retrying: number } };
  };

  it('nothing before the reminder window; a reminder inside it; "missing" the day after the due day — each once', async () => {
    expect((await run()).created).toBe(0);
    expect(await inbox()).toEqual({ unread: 0, items: [] });

    t.setNow('2024-07-02T02:00:00.000Z'); // Tuesday: 3 working days before Friday 5 July
    expect((await run()).created).toBe(1);
    let box = await inbox();
    expect(box.unread).toBe(1);
    expect(box.items[0]).toMatchObject({ kind: 'report-missing', link: '/workbench/report.html?month=2024-06', readAt: null });
    expect(box.items[0].title).toBe('东昌府区：2024年6月月报将于 2024-07-05 截止，尚有 1 个项目未报');
    expect((await run()).created).toBe(0); // the same key: nothing new

    t.setNow('2024-07-06T02:00:00.000Z'); // Saturday, the day after
    expect((await run()).created).toBe(1);
    box = await inbox();
    expect(box.unread).toBe(2);
    expect(box.items[0].title).toBe('东昌府区：2024年6月月报缺报 1 个项目');
  });

  it('marks the caller’s own item read (the unread count falls), and 404s another user’s', async () => {
    const box = await inbox();
    const read = await region.post(`/api/notifications/inbox/${box.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect((await inbox()).unread).toBe(box.unread - 1);
    const adminsOwn = await t.client.post(`/api/notifications/inbox/${box.items[1].id}/read`);
    expect(adminsOwn.status).toBe(404);
    expect((await inbox()).unread).toBe(box.unread - 1);
  });

  it('delivers to 企业微信 (markdown), 钉钉 (signed) and e-mail, once each', async () => {
    const wecom = await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: `${robot.url}/wecom?key=wecom-robot-key-1` });
    expect(wecom.status).toBe(201);
    const ding = await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'dingtalk', url: `${robot.url}/ding?access_token=ding-token-1`, secret: SECRET });
    expect(ding.status).toBe(201);
    const mail = await t.client
      .post('/api/notifications/channels')
      .send({ unit: { kind: 'region', code: '371502' }, type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'notifier', password: 'smtp-password-1', from: 'tracker@liaocheng.test' }, to: ['county@liaocheng.test'] });
    expect(mail.status).toBe(201);

    // A 容缺受理 commitment due in 3 days (7-day window): a new notice for the county.
    t.setNow('2024-07-08T02:00:00.000Z');
    const other = (await t.client.post('/api/projects').send(projectBody({ name: '容缺测试项目', region: '371502' }))).body.id;
    const approval = await t.client.put(`/api/projects/${other}/approvals/land`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: '2024-07-11' });
    expect(approval.status).toBe(200);
    const result = await run();
    expect(result.created).toBe(1);
    expect(result.delivered).toEqual({ sent: 3, failed: 0, retrying: 0 });

    const title = '容缺承诺 3 天后到期：容缺测试项目（用地）';
    const wecomCall = robot.got.find((g) => g.path === '/wecom')!;
    expect(wecomCall.query.get('key')).toBe('wecom-robot-key-1');
    expect(wecomCall.body.msgtype).toBe('markdown');
    expect((wecomCall.body.markdown as { content: string }).content).toContain(title);
    expect((wecomCall.body.markdown as { content: string }).content).toContain('承诺 2024-07-11 前补齐手续，还剩 3 天');

    const dingCall = robot.got.find((g) => g.path === '/ding')!;
    expect(dingCall.body).toMatchObject({ msgtype: 'markdown', markdown: { title } });
    const timestamp = dingCall.query.get('timestamp')!;
    expect(timestamp).toBe(String(Date.parse('2024-07-08T02:00:00.000Z')));
    const expected = createHmac('sha256', SECRET).update(`${timestamp}\n${SECRET}`).digest('base64');
    expect(dingCall.query.get('sign')).toBe(expected); // URLSearchParams has decoded the URL-encoding once

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(['county@liaocheng.test']);
    expect(subjectOf(smtp.mails[0].data)).toBe(title);

    // Again: the same notice is not delivered twice.
    expect(await run()).toMatchObject({ created: 0, delivered: { sent: 0, failed: 0, retrying: 0 } });
    expect(robot.got).toHaveLength(2);
    expect(smtp.mails).toHaveLength(1);
    const deliveries = (await t.client.get('/api/notifications/deliveries')).body as { status: string; attempts: number; answer: string }[];
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
      ['sent', 1],
    ]);
    expect(deliveries.some((d) => d.answer.includes('"errcode":0'))).toBe(true);
  });

  it('never shows, audits or stores in answers the webhook URL, the 钉钉 secret or the SMTP password', async () => {
    const listed = JSON.stringify((await t.client.get('/api/notifications/channels')).body);
    for (const secret of ['wecom-robot-key-1', 'ding-token-1', SECRET, 'smtp-password-1']) {
      expect(listed).not.toContain(secret);
      expect(JSON.stringify(await t.dataSource.query('SELECT * FROM audit_entry'))).not.toContain(secret);
      expect(JSON.stringify(await t.dataSource.query('SELECT answer FROM notice_delivery'))).not.toContain(secret);
    }
    expect(listed).toContain('"hasSecret":true');
    expect(listed).toContain('"hasPassword":true');
  });

  it('retries a failing channel with back-off, records the answers, then fails it; the board’s health names it', async () => {
    const channels = (await t.client.get('/api/notifications/channels')).body as { id: number }[];
    for (const c of channels) expect((await t.client.delete(`/api/notifications/channels/${c.id}`)).status).toBe(204);
    const broken = (await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: `${robot.url}/broken` })).body.id as number;
    robot.answer.status = 500;
    robot.answer.body = '{"errcode":-1,"errmsg":"system busy"}';
    const calls = robot.got.length;

    t.setNow('2024-07-09T02:00:00.000Z'); // the earlier commitment's key is taken: only the new one is told
    const fresh = (await t.client.post('/api/projects').send(projectBody({ name: '重试测试项目', region: '371502' }))).body.id;
    await t.client.put(`/api/projects/${fresh}/approvals/filing`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: '2024-07-10' });
    expect((await run()).delivered).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const service = (await import('../src/notifications/index.js')).NotificationsService;
    const notifications = t.app.get(service);
    const state = async () => ((await t.client.get('/api/notifications/deliveries')).body as { channel: { id: number }; status: string; attempts: number; answer: string; nextAttemptAt: string | null }[]).find((d) => d.channel.id === broken)!;
    expect(await state()).toMatchObject({ status: 'retrying', attempts: 1, answer: 'HTTP 500 {"errcode":-1,"errmsg":"system busy"}', nextAttemptAt: '2024-07-09T02:01:00.000Z' });

    // Not before its time; then at +1, +5, +15, +60 minutes; the fifth failure is final.
    expect(await notifications.deliverDue()).toEqual({ sent: 0, failed: 0, retrying: 0 });
    const steps: [string, string, number][] = [
      ['2024-07-09T02:01:00.000Z', 'retrying', 2],
      ['2024-07-09T02:06:00.000Z', 'retrying', 3],
      ['2024-07-09T02:21:00.000Z', 'retrying', 4],
      ['2024-07-09T03:21:00.000Z', 'failed', 5],
    ];
    for (const [now, status, attempts] of steps) {
      t.setNow(now);
      await notifications.deliverDue();
      expect(await state()).toMatchObject({ status, attempts });
    }
    expect(robot.got.length - calls).toBe(5);
    const health = (await region.get('/api/notifications/health')).body as { failingChannels: { id: number; consecutiveFailures: number }[] };
    expect(health.failingChannels).toEqual([expect.objectContaining({ id: broken, consecutiveFailures: 5, unit: { kind: 'region', code: '371502' }, type: 'wecom' })]);
    robot.answer.status = 200;
    robot.answer.body = '{"errcode":0,"errmsg":"ok"}';
    expect((await t.client.post(`/api/notifications/channels/${broken}/test`)).body).toMatchObject({ ok: true });
  });

  it('holds channels in quiet hours for the scheduler, not for a manual run; a digest channel gets one message', async () => {
    const channels = (await t.client.get('/api/notifications/channels')).body as { id: number }[];
    for (const c of channels) await t.client.delete(`/api/notifications/channels/${c.id}`);
    expect((await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: `${robot.url}/digest`, digest: true })).status).toBe(201);
    expect((await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: `${robot.url}/quiet` })).status).toBe(201);
    const service = (await import('../src/notifications/index.js')).NotificationsService;
    const notifications = t.app.get(service);

    // 22:30 in Liaocheng (quiet 21:00–08:00): a scheduled run makes the notices but sends nothing.
    t.setNow('2024-07-12T14:30:00.000Z');
    const p1 = (await t.client.post('/api/projects').send(projectBody({ name: '静默测试一', region: '371502' }))).body.id;
    const p2 = (await t.client.post('/api/projects').send(projectBody({ name: '静默测试二', region: '371502' }))).body.id;
    await t.client.put(`/api/projects/${p1}/approvals/land`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: '2024-07-14' });
    await t.client.put(`/api/projects/${p2}/approvals/land`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: '2024-07-15' });
    const calls = robot.got.length;
    const scheduled = await notifications.run({ manual: false, digests: true });
    expect(scheduled.created).toBeGreaterThanOrEqual(2);
    expect(scheduled.delivered).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(robot.got.length).toBe(calls);

    // A manual run at the same minute sends: one message per notice to the plain channel, one digest.
    const manual = await run();
    const toQuiet = robot.got.slice(calls).filter((g) => g.path === '/quiet');
    const toDigest = robot.got.slice(calls).filter((g) => g.path === '/digest');
    expect(toQuiet).toHaveLength(scheduled.created);
    expect(toDigest).toHaveLength(1);
    const content = (toDigest[0].body.markdown as { content: string }).content;
    expect(content).toContain(`重点项目提醒汇总（${scheduled.created} 条）`);
    expect(content).toContain('静默测试一');
    expect(content).toContain('静默测试二');
    expect(manual.delivered.sent).toBe(scheduled.created * 2);
  });

  it('a channel that cannot be reached does not fail the run or the write that caused the notice', async () => {
    const channels = (await t.client.get('/api/notifications/channels')).body as { id: number }[];
    for (const c of channels) await t.client.delete(`/api/notifications/channels/${c.id}`);
    await t.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'http://127.0.0.1:9/closed' });
    t.setNow('2024-07-13T02:00:00.000Z');
    const p = (await t.client.post('/api/projects').send(projectBody({ name: '断线测试', region: '371502' }))).body.id;
    expect((await t.client.put(`/api/projects/${p}/approvals/land`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: '2024-07-14' })).status).toBe(200);
    const result = await run();
    expect(result.created).toBe(1);
    expect(result.delivered).toEqual({ sent: 0, failed: 0, retrying: 1 });
    const last = ((await t.client.get('/api/notifications/deliveries')).body as { answer: string }[])[0];
    expect(last.answer).toMatch(/^未能连接：/);
    expect((await inbox()).items[0].title).toContain('断线测试');
  });

  it('refuses bad channels and settings with 422 and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const bad = [
      { unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'ftp://example.org/x' },
      { unit: { kind: 'region', code: '999999' }, type: 'wecom', url: 'https://qyapi.example/x' },
      { unit: { kind: 'county', code: '371502' }, type: 'wecom', url: 'https://qyapi.example/x' },
      { unit: { kind: 'region', code: '371502' }, type: 'sms', url: 'https://qyapi.example/x' },
      { unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'https://qyapi.example/x', secret: 'x' },
      { unit: { kind: 'region', code: '371502' }, type: 'email', smtp: { host: 'mail', port: 70000, secure: false, from: 'nobody' }, to: ['not an address'] },
      { unit: { kind: 'city' }, type: 'wecom', url: 'https://qyapi.example/x', extra: 1 },
    ];
    for (const body of bad) {
      const res = await t.client.post('/api/notifications/channels').send(body);
      expect(res.status).toBe(422);
      expect(res.body.details.length).toBeGreaterThan(0);
    }
    const settings = (await t.client.get('/api/notifications/settings')).body;
    const unknownKind = await t.client.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'weather-alert': { enabled: true, recipients: ['county'] } } });
    expect(unknownKind.status).toBe(422);
    expect(unknownKind.body.details).toEqual([expect.objectContaining({ field: 'rules.weather-alert', code: 'unknownKind' })]);
    const unknownRecipient = await t.client.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'red-list': { enabled: true, recipients: ['mayor'] } } });
    expect(unknownRecipient.status).toBe(422);
    expect(unknownRecipient.body.details).toEqual([expect.objectContaining({ field: 'rules.red-list.recipients', code: 'unknownRecipient' })]);
    const dueDay = await t.client.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'report-missing': { ...settings.rules['report-missing'], dueDay: 31 } } });
    expect(dueDay.status).toBe(422);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('the city office changes a window: a later due day moves the reminder', async () => {
    const settings = (await t.client.get('/api/notifications/settings')).body;
    const res = await t.client.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'report-missing': { enabled: true, recipients: ['county'], dueDay: 12, reminderWorkingDays: 1 } } });
    expect(res.status).toBe(200);
    // July's report, due Monday 12 August; 1 working day before: Friday 9 August. Thursday 8 August: nothing for July yet.
    t.setNow('2024-08-08T02:00:00.000Z');
    await run();
    expect((await inbox()).items.some((i) => i.link === '/workbench/report.html?month=2024-07')).toBe(false);
    t.setNow('2024-08-09T02:00:00.000Z');
    await run();
    expect((await inbox()).items[0]).toMatchObject({ link: '/workbench/report.html?month=2024-07' });
  });
});

describe('notifications: http:// webhooks without NOTIFY_ALLOW_HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it('refuses an http:// URL with 422 (https:// is taken)', async () => {
    const http = await t.client.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'http://10.1.2.3/webhook' });
    expect(http.status).toBe(422);
    expect(http.body.details).toEqual([expect.objectContaining({ field: 'url', code: 'httpNotAllowed' })]);
    const https = await t.client.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k' });
    expect(https.status).toBe(201);
  });
});
