import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Problems from every channel (docs/domain/requests.md "Problems from every channel") and 共性
 * found, not guessed ("共性问题": the same kind and department, and the same policy where one is
 * named, for 3 or more enterprises or projects within 90 days). Every step at 10:00 in Liaocheng.
 */
type Client = ReturnType<typeof request.agent>;
const at = (date: string) => `${date}T02:00:00.000Z`;
const codes = (res: request.Response) => (res.body.details as { code: string }[]).map((d) => d.code);

describe('problems from every channel', () => {
  let t: TestApp;
  let dcf: Client;
  let lq: Client;
  let bearings: Client;
  let project: number;

  beforeAll(async () => {
    t = await startTestApp({ now: at('2024-06-03') });
    for (const user of [
      { username: 'ch-dcf', password: 'channel-password-1', role: 'region', region: '371502' },
      { username: 'ch-lq', password: 'channel-password-2', role: 'region', region: '371581' },
      { username: 'ch-bearings', password: 'channel-password-3', role: 'chain', chain: 'bearings' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    dcf = t.clientWith(await t.login('ch-dcf', 'channel-password-1'));
    lq = t.clientWith(await t.login('ch-lq', 'channel-password-2'));
    bearings = t.clientWith(await t.login('ch-bearings', 'channel-password-3'));
    project = (await t.client.post('/api/projects').send(projectBody({ region: '371502', chain: 'green-chemical', name: '东昌府甲项目' }))).body.id;
  });
  afterAll(async () => t.close());

  it('an enterprise not on any list, from the hotline: in the county of the operator who enters it, routed by kind', async () => {
    const res = await dcf.post('/api/requests').send({ channel: 'hotline', enterprise: { name: '聊城市丁纺织有限公司', contact: '李会计', phone: '13800000000' }, kind: 'funding', quantity: 300, description: '流动资金周转困难' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ projectId: null, subject: '聊城市丁纺织有限公司', region: '371502', chain: null, channel: 'hotline', department: 'financial-regulation', status: 'raised' });
    expect((await lq.get(`/api/requests/${res.body.id}`)).status).toBe(404);
    expect((await bearings.get(`/api/requests/${res.body.id}`)).status).toBe(404);
    const audit = await t.dataSource.query("SELECT action FROM audit_entry WHERE entity = 'request' AND entity_id = ?", [String(res.body.id)]);
    expect(audit).toEqual([{ action: 'raise' }]);
  });

  it('a whole chain, from a 巡链: the chain team enters it for its own chain and records the evaluation', async () => {
    const res = await bearings.post('/api/requests').send({ channel: 'patrol', chain: 'bearings', kind: 'utilities', description: '园区双回路供电' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ region: null, chain: 'bearings', subject: '高端轴承产业链（全链）', department: 'industry-it' });
    const id = res.body.id;
    expect((await dcf.get(`/api/requests/${id}`)).status).toBe(404);
    for (const body of [
      { type: 'ACCEPT', category: 'frequent', promisedDate: '2024-06-28' },
      { type: 'RESOLVE', note: '已协调供电公司' },
      { type: 'FEEDBACK', method: 'meeting', date: '2024-06-03' },
    ])
      expect((await t.client.post(`/api/requests/${id}/events`).send(body)).status).toBe(200);
    const evaluated = await bearings.post(`/api/requests/${id}/events`).send({ type: 'EVALUATE', rating: 'satisfied', respondent: '链主企业代表' });
    expect(evaluated.body).toMatchObject({ status: 'closed', rating: 'satisfied' });
  });

  it('about a project: the project route keeps working; a county or chain named must be the project’s', async () => {
    const res = await dcf.post('/api/requests').send({ channel: 'commissioner', projectId: project, enterprise: { name: '聊城测试有限公司', contact: '王工' }, kind: 'land', quantity: 12, description: '专员走访发现用地缺口' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ projectId: project, subject: '东昌府甲项目', channel: 'commissioner', enterprise: { name: '聊城测试有限公司', contact: '王工', phone: null } });
    const history = await t.client.get(`/api/projects/${project}/history`);
    expect(history.body.some((h: { kind: string; event: string }) => h.kind === 'request' && h.event === 'RAISE')).toBe(true);
    const mismatch = await dcf.post('/api/requests').send({ channel: 'other', projectId: project, chain: 'bearings', kind: 'land', quantity: 1, description: 'x' });
    expect([mismatch.status, codes(mismatch)]).toEqual([422, ['subjectMismatch']]);
  });

  it('a 专员 of the register is named: who brought the problem in, who told the enterprise and took its answer', async () => {
    const commissioner = await t.client.post('/api/people').send({ name: '（示例）专员赵', title: '服务专员', organisation: '市工业和信息化局' });
    expect(commissioner.status).toBe(201);
    const personId = commissioner.body.id as number;
    const raised = await dcf.post('/api/requests').send({ channel: 'commissioner', commissionerId: personId, enterprise: { name: '聊城市辛机械有限公司' }, kind: 'other', description: '专员走访：厂区道路待硬化' });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ channel: 'commissioner', commissioner: { id: personId, name: '（示例）专员赵' }, region: '371502' });
    const id = raised.body.id as number;
    for (const body of [
      { type: 'ACCEPT', category: 'simple', promisedDate: '2024-06-28' },
      { type: 'RESOLVE', note: '已协调交通部门' },
    ])
      expect((await t.client.post(`/api/requests/${id}/events`).send(body)).status).toBe(200);
    const before = await databaseState(t.dataSource);
    const unknown = await t.client.post(`/api/requests/${id}/events`).send({ type: 'FEEDBACK', method: 'visit', date: '2024-06-03', commissionerId: 999_999 });
    expect([unknown.status, codes(unknown)]).toEqual([422, ['unknownPerson']]);
    expect(await databaseState(t.dataSource)).toEqual(before);
    expect((await t.client.post(`/api/requests/${id}/events`).send({ type: 'FEEDBACK', method: 'visit', date: '2024-06-03', commissionerId: personId })).status).toBe(200);
    expect((await dcf.post(`/api/requests/${id}/events`).send({ type: 'EVALUATE', rating: 'basically', commissionerId: personId })).status).toBe(200);
    const steps = (await dcf.get(`/api/requests/${id}`)).body.transitions as { event: string; personId: number | null }[];
    expect(steps.map((s) => [s.event, s.personId])).toEqual([
      ['RAISE', null],
      ['ACCEPT', null],
      ['RESOLVE', null],
      ['FEEDBACK', personId],
      ['EVALUATE', personId],
    ]);
  });

  it('bad input is a clear error and changes nothing', async () => {
    const before = await databaseState(t.dataSource);
    const refused: [Client, Record<string, unknown>, number, string[]][] = [
      [t.client, { channel: 'hotline', kind: 'land', quantity: 1, description: '没有对象' }, 422, ['subjectRequired']],
      [t.client, { channel: 'wechat', chain: 'bearings', kind: 'other', description: '未知渠道' }, 422, ['unknownChannel']],
      [t.client, { chain: 'bearings', kind: 'other', description: '缺少渠道' }, 400, ['isDefined']],
      [t.client, { channel: 'hotline', enterprise: { name: '戊公司' }, kind: 'other', description: '企业问题不指明县区' }, 422, ['regionRequired']],
      [t.client, { channel: 'hotline', enterprise: { name: '  ' }, region: '371502', kind: 'other', description: 'x' }, 422, ['enterpriseRequired']],
      [t.client, { channel: 'hotline', chain: 'no-such-chain', region: '999999', kind: 'other', description: 'x' }, 422, ['unknownRegion', 'unknownChain']],
      [t.client, { channel: 'hotline', enterprise: { name: '己公司', fax: '1' }, region: '371502', kind: 'other', description: 'x' }, 400, ['unknownField']],
      [dcf, { channel: 'hotline', enterprise: { name: '庚公司' }, region: '371581', kind: 'other', description: '他县企业' }, 403, ['outOfScope']],
      [bearings, { channel: 'patrol', chain: 'green-chemical', kind: 'other', description: '他链' }, 403, ['outOfScope']],
      [dcf, { channel: 'other', projectId: 999_999, kind: 'other', description: 'x' }, 404, []],
      [dcf, { channel: 'commissioner', commissionerId: 999_999, enterprise: { name: '壬公司' }, kind: 'other', description: '名录外的专员' }, 422, ['unknownPerson']],
    ];
    for (const [client, body, status, expected] of refused) {
      const res = await client.post('/api/requests').send(body);
      // A missing field is a 400 naming it first (its type checks follow).
      expect([body, res.status, res.status === 404 ? [] : codes(res).slice(0, expected.length)]).toEqual([body, status, expected]);
    }
    expect(await databaseState(t.dataSource)).toEqual(before);
  });
});

/**
 * 共性 detection on a fixture (all 能耗, routed to 市发展改革委, raised in June 2024 unless said):
 *  Q0  P4                raised 2024-02-01 — more than 90 days before Q5: outside the window
 *  Q7  P5                raised 06-01, resolved 06-02 (no longer waiting on the department): not counted
 *  Q1  P1 (东昌府区)      06-03
 *  Q2  P1 again          06-04 — the same project: still one subject
 *  Q3  乙化工 (临清市, 热线) 06-05 — two subjects: nothing proposed yet
 *  T1  P2 policy 技改     06-05 — another key (a policy named)
 *  L1  P2 用地            06-06 — another kind
 *  Q5  P3 (东昌府区)      06-07 — the third subject: proposed, members Q1 Q2 Q3 Q5
 *  Q6  P2                06-10 — joins the proposed group
 */
describe('共性 found, not guessed', () => {
  let t: TestApp;
  let dcf: Client;
  let lq: Client;
  let energy: Client;
  let land: Client;
  const ids: Record<string, number> = {};
  const groups = async (client: Client, status?: string) => (await client.get(`/api/requests/groups${status ? `?status=${status}` : ''}`)).body as { id: number; kind: string; department: string; status: string; memberIds: number[]; policyTag: string | null }[];
  const named = (memberIds: number[]) => memberIds.map((id) => Object.keys(ids).find((k) => ids[k] === id)).sort();

  beforeAll(async () => {
    t = await startTestApp({ now: at('2024-02-01') });
    for (const user of [
      { username: 'cp-dcf', password: 'common-password-1', role: 'region', region: '371502' },
      { username: 'cp-lq', password: 'common-password-2', role: 'region', region: '371581' },
      { username: 'cp-energy', password: 'common-password-3', role: 'department', department: 'development-reform' },
      { username: 'cp-land', password: 'common-password-4', role: 'department', department: 'natural-resources' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    dcf = t.clientWith(await t.login('cp-dcf', 'common-password-1'));
    lq = t.clientWith(await t.login('cp-lq', 'common-password-2'));
    energy = t.clientWith(await t.login('cp-energy', 'common-password-3'));
    land = t.clientWith(await t.login('cp-land', 'common-password-4'));
    const newProject = async (region: string) => (await t.client.post('/api/projects').send(projectBody({ region, approvals: {} }))).body.id as number;
    const [p1, p2, p3, p4, p5] = [await newProject('371502'), await newProject('371581'), await newProject('371502'), await newProject('371581'), await newProject('371502')];
    const raise = async (name: string, body: Record<string, unknown>, client: Client = t.client) => {
      const res = await client.post('/api/requests').send({ kind: 'energy', quantity: 10, description: `用能指标 ${name}`, channel: 'other', ...body });
      expect([name, res.status]).toEqual([name, 201]);
      ids[name] = res.body.id;
      return res.body;
    };
    await raise('Q0', { projectId: p4 });
    t.setNow(at('2024-06-01'));
    await raise('Q7', { projectId: p5 });
    t.setNow(at('2024-06-02'));
    await t.client.post(`/api/requests/${ids.Q7}/events`).send({ type: 'ACCEPT', category: 'simple', promisedDate: '2024-06-10' });
    await t.client.post(`/api/requests/${ids.Q7}/events`).send({ type: 'RESOLVE', note: '已安排' });
    t.setNow(at('2024-06-03'));
    await raise('Q1', { projectId: p1 });
    t.setNow(at('2024-06-04'));
    await raise('Q2', { projectId: p1 });
    t.setNow(at('2024-06-05'));
    await raise('Q3', { channel: 'hotline', enterprise: { name: '乙化工有限公司' }, region: '371581' });
    await raise('T1', { projectId: p2, policyTag: '技改' });
    t.setNow(at('2024-06-06'));
    await raise('L1', { projectId: p2, kind: 'land', quantity: 5 });
    expect(await groups(t.client)).toEqual([]);
    t.setNow(at('2024-06-07'));
    await raise('Q5', { projectId: p3 });
    t.setNow(at('2024-06-10'));
    await raise('Q6', { projectId: p2 });
  });
  afterAll(async () => t.close());

  it('proposes one group of the three subjects’ problems, and the one raised since; nothing else', async () => {
    const proposed = await groups(t.client, 'proposed');
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ kind: 'energy', department: 'development-reform', status: 'proposed', policyTag: null });
    expect(named(proposed[0].memberIds)).toEqual(['Q1', 'Q2', 'Q3', 'Q5', 'Q6']);
    expect(await groups(t.client, 'confirmed')).toEqual([]);
    // The raise that completed it records the proposal; the one after, its joining.
    const entry = async (name: string) => JSON.parse((await t.dataSource.query("SELECT after FROM audit_entry WHERE entity = 'request' AND entity_id = ? AND action = 'raise'", [String(ids[name])]))[0].after);
    expect((await entry('Q5')).commonGroup).toMatchObject({ id: proposed[0].id, change: 'proposed' });
    expect((await entry('Q6')).commonGroup).toMatchObject({ id: proposed[0].id, change: 'joined' });
    expect((await entry('Q3')).commonGroup).toBeNull();
  });

  it('each caller sees the group through its own members', async () => {
    expect(named((await groups(dcf))[0].memberIds)).toEqual(['Q1', 'Q2', 'Q5']);
    expect(named((await groups(lq))[0].memberIds)).toEqual(['Q3', 'Q6']);
    expect(named((await groups(energy))[0].memberIds)).toEqual(['Q1', 'Q2', 'Q3', 'Q5', 'Q6']);
    expect(await groups(land)).toEqual([]);
    expect((await t.client.get('/api/requests/groups?status=open')).status).toBe(422);
  });

  it('the city office confirms it: the 高频 list is the confirmed group plus what was marked 高频', async () => {
    const [group] = await groups(t.client, 'proposed');
    expect((await dcf.post(`/api/requests/groups/${group.id}/confirm`)).status).toBe(403);
    expect((await energy.post(`/api/requests/groups/${group.id}/events`).send({ type: 'CONFIRM' })).status).toBe(403);
    const confirmed = await t.client.post(`/api/requests/groups/${group.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', allowedEvents: ['RESOLVE'] });
    expect((await t.client.post(`/api/requests/groups/${group.id}/confirm`)).status).toBe(409);
    // The department had put Q2 on the 复杂 list; Q7 is on 简单: the confirmed group puts every member on 高频.
    await energy.post(`/api/requests/${ids.Q2}/events`).send({ type: 'ACCEPT', category: 'complex', promisedDate: '2024-06-30' });
    const lists = (await t.client.get('/api/requests/lists/2024-06')).body.lists as { category: string; items: { id: number }[]; groups: { id: number; memberIds: number[] }[] }[];
    const byList = Object.fromEntries(lists.map((l) => [l.category, named(l.items.map((i) => i.id))]));
    expect(byList).toEqual({ simple: ['Q7'], frequent: ['Q1', 'Q2', 'Q3', 'Q5', 'Q6'], complex: [], unsorted: ['L1', 'Q0', 'T1'] });
    expect(lists[1].groups.map((g) => [g.id, named(g.memberIds)])).toEqual([[group.id, ['Q1', 'Q2', 'Q3', 'Q5', 'Q6']]]);
  });

  it('solving it without an answer is refused; with one, every open member is 办结 with that answer, nothing else moves', async () => {
    const [group] = await groups(t.client, 'confirmed');
    const before = await databaseState(t.dataSource);
    const refused = await energy.post(`/api/requests/groups/${group.id}/events`).send({ type: 'RESOLVE' });
    expect([refused.status, codes(refused)]).toEqual([422, ['noteRequired']]);
    expect((await land.post(`/api/requests/groups/${group.id}/events`).send({ type: 'RESOLVE', note: 'x' })).status).toBe(404);
    expect((await dcf.post(`/api/requests/groups/${group.id}/events`).send({ type: 'RESOLVE', note: 'x' })).status).toBe(403);
    expect((await energy.post(`/api/requests/groups/${group.id}/events`).send({ type: 'RESOLVE', note: 'x', reason: 'y' })).status).toBe(400);
    expect(await databaseState(t.dataSource)).toEqual(before);

    t.setNow(at('2024-06-12'));
    const solved = await energy.post(`/api/requests/groups/${group.id}/events`).send({ type: 'RESOLVE', note: '市级统筹新增用能指标，按项目分配' });
    expect(solved.status).toBe(200);
    expect(solved.body).toMatchObject({ status: 'resolved', note: '市级统筹新增用能指标，按项目分配', allowedEvents: [] });
    const status = async (name: string) => (await t.client.get(`/api/requests/${ids[name]}`)).body;
    for (const name of ['Q1', 'Q2', 'Q3', 'Q5', 'Q6']) {
      const r = await status(name);
      expect([name, r.status, r.transitions.at(-1).note]).toEqual([name, 'resolved', '市级统筹新增用能指标，按项目分配']);
    }
    // A member not yet accepted was accepted onto 高频 the same day; Q2 kept its own 研判.
    expect((await status('Q1')).transitions.map((s: { event: string }) => s.event)).toEqual(['RAISE', 'ACCEPT', 'RESOLVE']);
    expect((await status('Q1')).category).toBe('frequent');
    expect((await status('Q2')).category).toBe('complex');
    for (const name of ['Q0', 'T1', 'L1']) expect([name, (await status(name)).status]).toEqual([name, 'raised']);
    expect((await status('Q7')).status).toBe('resolved');
    const audit = await t.dataSource.query("SELECT entity, action FROM audit_entry WHERE actor = 'cp-energy' AND at = ? ORDER BY seq", [at('2024-06-12')]);
    expect(audit).toEqual([{ entity: 'requestGroup', action: 'transition' }, ...Array(4 * 2 + 1).fill({ entity: 'request', action: 'transition' })]);
    // Solved, the loop goes on for each enterprise: 反馈, then its own 评价.
    expect((await status('Q1')).allowedEvents).toEqual(['FEEDBACK', 'ESCALATE']);
  });

  it('a new problem of a solved group’s key starts afresh; a proposal the city office dismisses needs a reason', async () => {
    t.setNow(at('2024-06-13'));
    const mk = async (body: Record<string, unknown>) => (await t.client.post('/api/requests').send({ kind: 'energy', quantity: 1, description: '技改用能', channel: 'appeal', policyTag: '技改', ...body })).body.id as number;
    // Untagged again: the solved group takes no new member, and nothing open of its key is left to group with.
    const fresh = await mk({ chain: 'bearings', policyTag: undefined });
    expect((await t.client.get(`/api/requests/${fresh}`)).body.group).toBeNull();
    await mk({ enterprise: { name: '丙机械' }, region: '371502' });
    await mk({ chain: 'bearings' });
    const proposed = await groups(t.client, 'proposed');
    expect(proposed.map((g) => [g.policyTag, named(g.memberIds).length])).toEqual([['技改', 3]]); // T1 and the two new ones
    const id = proposed[0].id;
    const refused = await t.client.post(`/api/requests/groups/${id}/events`).send({ type: 'DISMISS' });
    expect([refused.status, codes(refused)]).toEqual([422, ['reasonRequired']]);
    const dismissed = await t.client.post(`/api/requests/groups/${id}/events`).send({ type: 'DISMISS', reason: '各企业技改内容不同，不属同一问题' });
    expect(dismissed.body).toMatchObject({ status: 'dismissed', note: '各企业技改内容不同，不属同一问题' });
    expect((await t.client.post(`/api/requests/groups/${id}/events`).send({ type: 'RESOLVE', note: 'x' })).status).toBe(409);
  });
});
