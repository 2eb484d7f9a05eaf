import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../src/app.factory.js';
import { Clock } from '../src/common/index.js';
import { loadConfig } from '../src/config/index.js';
import { NotificationsService } from '../src/notifications/index.js';
import { projectBody } from './factories/project.factory.js';
import { startTestApp, TEST_ADMIN_PASSWORD, TEST_TOKEN_TTL_SECONDS, type TestApp } from './support/test-app.js';

/**
 * Two servers on one PostgreSQL run the notice scheduler at the same minute (runs in the
 * PostgreSQL run of the suite, `npm run test:pg`): every notice is made once, lands in each
 * inbox once and reaches each channel once, however the two interleave. Server A is the test
 * app; server B a second application on A's database, its clock at the same instant.
 */
const NOW = '2024-07-08T02:00:00.000Z'; // Monday 10:00 in Liaocheng: no quiet hours

describe('notices with two servers on one PostgreSQL', () => {
  let a: TestApp;
  let b: NestExpressApplication;
  let receiver: Server;
  let url: string;
  const got: { path: string; text: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => {
        got.push({ path: new URL(req.url ?? '/', 'http://127.0.0.1').pathname, text });
        // A little slow, as a real robot is: the two servers overlap while sending.
        setTimeout(() => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}'), 20);
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    a = await startTestApp({ now: NOW, env: { NOTIFY_ALLOW_HTTP: 'true' } });
    const database = (a.dataSource.options as { url?: string }).url;
    expect(database).toMatch(/^postgres/);
    const config = loadConfig({ DATABASE_URL: database, SEED: 'none', ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, TOKEN_TTL_SECONDS: String(TEST_TOKEN_TTL_SECONDS), NOTIFY_TIMES: 'off', NOTIFY_ALLOW_HTTP: 'true' });
    b = await createApp(config, { logger: false, seed: false });
    await b.init();
    jest.spyOn(b.get(Clock), 'now').mockImplementation(() => new Date(NOW));

    await a.client.post('/api/users').send({ username: 'county-pg', password: 'county-pg-password', role: 'region', region: '371502' });
    // Eight 容缺受理 commitments due within the week: eight notices for 东昌府区.
    for (let i = 1; i <= 8; i += 1) {
      const id = (await a.client.post('/api/projects').send(projectBody({ name: `双服务器测试${i}`, region: '371502' }))).body.id;
      expect((await a.client.put(`/api/projects/${id}/approvals/land`).send({ status: 'conditional', date: '2024-07-01', commitmentDate: `2024-07-${String(8 + (i % 7)).padStart(2, '0')}` })).status).toBe(200);
    }
    for (const [path, type] of [['/wecom', 'wecom'], ['/ding', 'dingtalk']] as const)
      expect((await a.client.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type, url: `${url}${path}?key=k`, ...(type === 'dingtalk' ? { secret: 'SECpg' } : {}) })).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('both servers run at the same minute, three times over: each notice is made, filed and sent once', async () => {
    const services = [a.app.get(NotificationsService), b.get(NotificationsService)];
    const results = [];
    for (let round = 0; round < 3; round += 1) results.push(...(await Promise.all(services.map((s) => s.run({ manual: false, digests: true })))));
    const created = results.reduce((sum, r) => sum + r.created, 0);
    expect(created).toBe(8);
    expect(results.reduce((sum, r) => sum + r.delivered.sent, 0)).toBe(16);

    const notices = (await a.dataSource.query('SELECT id, title FROM notice ORDER BY id')) as { id: number; title: string }[];
    expect(notices).toHaveLength(8);
    for (const path of ['/wecom', '/ding']) {
      const calls = got.filter((g) => g.path === path);
      expect(calls).toHaveLength(8);
      for (const n of notices) expect(calls.filter((c) => c.text.includes(n.title))).toHaveLength(1);
    }
    const deliveries = (await a.dataSource.query('SELECT status, attempts FROM notice_delivery')) as { status: string; attempts: number }[];
    expect(deliveries).toHaveLength(16);
    expect(deliveries.every((d) => d.status === 'sent' && Number(d.attempts) === 1)).toBe(true);
    const inbox = (await a.clientWith(await a.login('county-pg', 'county-pg-password')).get('/api/notifications/inbox')).body as { unread: number };
    expect(inbox.unread).toBe(8);
  });
});
