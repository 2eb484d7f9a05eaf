import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_APPROVALS, projectBody, startedProject } from './factories/project.factory.js';
import { personBody } from './factories/people.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The notice rules beyond 缺报, each reaching whom it names (docs/notifications.md "Rules"): an
 * overdue 要素保障 request to its department and the county, escalated to the city office; a
 * halted listed project (red list) and a preparation-list project past its planned start to the
 * county and its 包联领导/专员; a published bulletin to every county and leader.
 *
 * The clock: Wednesday 2024-06-12, 10:00 in Liaocheng; a request raised today is due for
 * acceptance on Wednesday 2024-06-19 (5 working days: 13, 14, 17, 18, 19 June).
 */
type Inbox = { unread: number; items: { kind: string; title: string; body: string; link: string }[] };

describe('notice rules over HTTP', () => {
  let t: TestApp;
  let inboxOf: Record<'county' | 'otherCounty' | 'land' | 'leader' | 'admin', () => Promise<Inbox>>;
  let halted: number;
  let prep: number;
  let requestId: number;

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-12T02:00:00.000Z' });
    const cityLeader = (await t.client.post('/api/people').send(personBody({ name: '（示例）市领导甲', title: '副市长', organisation: '聊城市人民政府' }))).body.id as number;
    const commissioner = (await t.client.post('/api/people').send(personBody({ name: '（示例）专员丙', title: '服务专员', organisation: '市工业和信息化局' }))).body.id as number;
    const users = [
      { username: 'county-n', password: 'county-password-n', role: 'region', region: '371502' },
      { username: 'county-lq', password: 'county-password-lq', role: 'region', region: '371581' },
      { username: 'dept-land', password: 'dept-password-land', role: 'department', department: 'natural-resources' },
      { username: 'leader-n', password: 'leader-password-n', role: 'leader', personId: cityLeader },
    ];
    for (const user of users) expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    const reader = async (username: string, password: string) => {
      const client = t.clientWith(await t.login(username, password));
      return async () => (await client.get('/api/notifications/inbox')).body as Inbox;
    };
    inboxOf = {
      county: await reader('county-n', 'county-password-n'),
      otherCounty: await reader('county-lq', 'county-password-lq'),
      land: await reader('dept-land', 'dept-password-land'),
      leader: await reader('leader-n', 'leader-password-n'),
      admin: async () => (await t.client.get('/api/notifications/inbox')).body as Inbox,
    };

    // April's 6,000 万元 is ahead of its 序时 (3,000 by June): halted, not lagging.
    halted = await startedProject(t.client, { name: '停工测试项目', region: '371502' }, 6000, 6000);
    expect((await t.client.put(`/api/projects/${halted}/responsibility`).send({ cityLeaderId: cityLeader, commissionerId: commissioner })).status).toBe(201);
    expect((await t.client.post(`/api/projects/${halted}/events`).send({ type: 'HALT', date: '2024-06-01', reason: '设备检修' })).status).toBe(200);
    prep = (await t.client.post('/api/projects').send(projectBody({ name: '逾期未开工测试', region: '371502', approvals: ALL_APPROVALS, plannedStartDate: '2024-03-01' }))).body.id;
    await t.client.post(`/api/projects/${prep}/events`).send({ type: 'PROMOTE' });
    expect((await t.client.put(`/api/lists/2024/entries/${prep}`).send({ category: 'preparation', plannedInvestment: 5000 })).status).toBe(201);
    const raised = await t.client.post(`/api/projects/${halted}/requests`).send({ kind: 'land', quantity: 12.5, unit: '亩', description: '新增用地' });
    expect(raised.status).toBe(201);
    requestId = raised.body.id;
  });
  afterAll(async () => t?.close());

  const run = async () => (await t.client.post('/api/notifications/run')).body as { created: number };
  const kinds = (box: Inbox) => box.items.map((i) => i.kind).sort();
  const one = (box: Inbox, kind: string) => {
    const found = box.items.filter((i) => i.kind === kind);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('a halted project and one past its planned start: to the county and the project’s 包联领导, not to another county', async () => {
    await run();
    const county = await inboxOf.county();
    expect(one(county, 'red-list')).toMatchObject({ title: '新上预警清单（停工）：停工测试项目', link: `/workbench/project.html?id=${halted}` });
    expect(one(county, 'red-list').body).toBe('东昌府区「停工测试项目」停工（2024-06-01 起）：设备检修。包联责任：（示例）市领导甲、（示例）专员丙。');
    expect(one(county, 'start-overdue')).toMatchObject({ title: '逾期未开工：逾期未开工测试', link: `/workbench/project.html?id=${prep}` });
    expect(one(county, 'start-overdue').body).toBe('东昌府区「逾期未开工测试」计划 2024-03-01 开工，尚未开工。');
    expect(kinds(await inboxOf.leader())).toEqual(['red-list']); // his project only; the other has no 包联 named
    expect((await inboxOf.otherCounty()).items.filter((i) => i.kind === 'red-list' || i.kind === 'start-overdue')).toEqual([]);
    expect((await inboxOf.land()).items).toEqual([]); // nothing overdue yet
  });

  it('a request past its acceptance deadline: to its department and the county; escalated, to the city office too', async () => {
    t.setNow('2024-06-19T02:00:00.000Z'); // the due date itself: in time
    await run();
    expect((await inboxOf.land()).items).toEqual([]);
    t.setNow('2024-06-20T02:00:00.000Z');
    await run();
    const land = await inboxOf.land();
    expect(kinds(land)).toEqual(['request-overdue']);
    expect(land.items[0].title).toBe('要素保障逾期 1 天：停工测试项目（用地）');
    expect(land.items[0].body).toBe('东昌府区「停工测试项目」的用地需求由市自然资源和规划局办理，应于 2024-06-19 前处理，已逾期 1 天。');
    expect(one(await inboxOf.county(), 'request-overdue').title).toBe(land.items[0].title);
    expect((await inboxOf.admin()).items.filter((i) => i.kind === 'request-overdue')).toEqual([]);
    expect(kinds(await inboxOf.leader())).toEqual(['red-list']);

    expect((await t.client.post(`/api/requests/${requestId}/events`).send({ type: 'ESCALATE', reason: '跨县指标调剂' })).status).toBe(200);
    t.setNow('2024-06-21T02:00:00.000Z');
    await run();
    const admin = (await inboxOf.admin()).items.filter((i) => i.kind === 'request-overdue');
    expect(admin).toHaveLength(1);
    expect(admin[0].title).toBe('要素保障逾期 2 天：停工测试项目（用地）');
    expect(admin[0].body).toContain('已提请市级协调');
    expect((await inboxOf.land()).items.filter((i) => i.kind === 'request-overdue')).toHaveLength(2);
  });

  it('a published bulletin: to every county and every leader, with the Word file’s name and its link', async () => {
    expect((await t.client.post('/api/bulletins/2024/5')).status).toBe(201);
    await run();
    for (const who of ['county', 'otherCounty', 'leader'] as const) {
      const notice = one(await inboxOf[who](), 'bulletin-published');
      expect(notice).toMatchObject({ title: '2024年5月通报已发布', link: '/api/bulletins/2024/5.docx' });
      expect(notice.body).toContain('聊城市制造业重点项目月通报-2024年5月.docx');
    }
    expect((await inboxOf.land()).items.filter((i) => i.kind === 'bulletin-published')).toEqual([]);
    expect((await run()).created).toBe(0);
  });
});
