import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiveOnesBody, personBody } from './factories/people.factory.js';
import { startedProject } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Who answers for each chain and project (docs/domain/responsibility.md), over HTTP on a real
 * database: the register, a chain's "5个1" with its history, a project's 包联 (recorded in its
 * history and audited), 链长 activities raising a request with its origin, and the role `leader`
 * with its home. Every refusal is checked to change nothing.
 */
describe('responsibility: people, "5个1", 包联 and 专员, activities, the leader', () => {
  let t: TestApp;
  let region: ReturnType<TestApp['clientWith']>;
  let chain: ReturnType<TestApp['clientWith']>;
  let department: ReturnType<TestApp['clientWith']>;
  const ids = { cityLeader: 0, countyLeader: 0, commissioner: 0, otherCounty: 0, retired: 0, own: 0, other: 0 };
  const ANCHOR = '示例化工集团有限公司';

  /** Runs a refused call and checks its status and that no table changed. */
  const refused = async (status: number, call: () => PromiseLike<{ status: number; body: unknown }>) => {
    const before = await databaseState(t.dataSource);
    const res = await call();
    expect([res.status, res.body]).toEqual([status, expect.anything()]);
    expect(await databaseState(t.dataSource)).toEqual(before);
    return res.body as { details: { field?: string; code: string }[] };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    const person = async (body: Record<string, unknown>) => {
      const res = await t.client.post('/api/people').send(personBody(body));
      expect(res.status).toBe(201);
      return res.body.id as number;
    };
    ids.cityLeader = await person({ name: '（示例）市领导甲', title: '副市长', organisation: '聊城市人民政府' });
    ids.countyLeader = await person({ name: '（示例）县领导乙', title: '副区长', organisation: '东昌府区人民政府', region: '371502' });
    ids.commissioner = await person({ name: '（示例）专员丙', title: '助企远航服务专员', organisation: '市工业和信息化局' });
    ids.otherCounty = await person({ name: '（示例）临清领导丁', title: '副市长', organisation: '临清市人民政府', region: '371581' });
    ids.retired = await person({ name: '（示例）已离任戊', title: '原副市长', organisation: '聊城市人民政府' });
    expect((await t.client.patch(`/api/people/${ids.retired}`).send({ active: false })).body.active).toBe(false);
    ids.own = await startedProject(t.client, { region: '371502', chain: 'green-chemical', ownerEnterprise: ANCHOR }, 0, 6000);
    ids.other = await startedProject(t.client, { region: '371581', chain: 'bearings' }, 0, 6000);
    const users = [
      { username: 'region-r', password: 'region-password-1', role: 'region', region: '371502' },
      { username: 'chain-r', password: 'chain-password-1', role: 'chain', chain: 'green-chemical' },
      { username: 'department-r', password: 'department-password-1', role: 'department', department: 'natural-resources' },
    ];
    for (const user of users) expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    region = t.clientWith(await t.login('region-r', 'region-password-1'));
    chain = t.clientWith(await t.login('chain-r', 'chain-password-1'));
    department = t.clientWith(await t.login('department-r', 'department-password-1'));
  });
  afterAll(async () => t.close());

  it('the register: the city office keeps it, everyone reads it (a department without phone numbers); bad input is refused', async () => {
    const all = (await region.get('/api/people')).body;
    expect(all.map((p: { name: string }) => p.name)).toEqual(['（示例）市领导甲', '（示例）县领导乙', '（示例）专员丙', '（示例）临清领导丁', '（示例）已离任戊']);
    expect(all[0]).toEqual({ id: ids.cityLeader, name: '（示例）市领导甲', title: '副市长', organisation: '聊城市人民政府', phone: '0635-0000000', region: null, active: true });
    const forDepartment = (await department.get('/api/people')).body;
    expect(forDepartment[0]).toEqual({ id: ids.cityLeader, name: '（示例）市领导甲', title: '副市长', organisation: '聊城市人民政府', region: null, active: true });
    expect((await refused(422, () => t.client.post('/api/people').send(personBody({ region: '999999' })))).details).toEqual([expect.objectContaining({ field: 'region', code: 'unknownRegion' })]);
    await refused(422, () => t.client.post('/api/people').send(personBody({ name: '   ' })));
    await refused(400, () => t.client.post('/api/people').send(personBody({ nickname: 'x' })));
    await refused(403, () => region.post('/api/people').send(personBody()));
    await refused(404, () => t.client.patch('/api/people/999999').send({ title: '新职务' }));
  });

  it('a chain\'s "5个1": the lead unit by default, set by the city office, kept as revisions; a chain team may not change its 链长', async () => {
    const empty = (await t.client.get('/api/chains/green-chemical/responsibility/2024')).body;
    expect(empty).toMatchObject({ chain: 'green-chemical', year: 2024, revision: 0, leaderId: null, department: '市工业和信息化局', measures: [], anchorEnterprises: [], missing: ['leader', 'plan', 'measures', 'anchors'], complete: false, history: [] });

    const first = await t.client.put('/api/chains/green-chemical/responsibility/2024').send(fiveOnesBody(ids.cityLeader, ANCHOR));
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ revision: 1, leaderId: ids.cityLeader, leader: { name: '（示例）市领导甲', title: '副市长' }, department: '市工业和信息化局', complete: true, missing: [] });
    // the same again adds nothing
    const again = await t.client.put('/api/chains/green-chemical/responsibility/2024').send(fiveOnesBody(ids.cityLeader, ANCHOR));
    expect([again.status, again.body.revision]).toEqual([200, 1]);
    // the chain team adds a measure: a second revision, the first kept
    const added = await chain.put('/api/chains/green-chemical/responsibility/2024').send({ measures: ['设立产业链专项资金', '一企一策包联服务', '链主企业配套对接会'] });
    expect([added.status, added.body.revision, added.body.measures.length, added.body.leaderId]).toEqual([200, 2, 3, ids.cityLeader]);
    expect(added.body.history.map((h: { revision: number; actor: string }) => [h.revision, h.actor])).toEqual([[1, 'admin'], [2, 'chain-r']]);

    expect((await refused(403, () => chain.put('/api/chains/green-chemical/responsibility/2024').send({ leaderId: ids.commissioner }))).details[0].code).toBe('leaderByCityOffice');
    await refused(403, () => chain.put('/api/chains/bearings/responsibility/2024').send({ measures: ['x'] }));
    await refused(404, () => t.client.put('/api/chains/no-such-chain/responsibility/2024').send({ measures: ['x'] }));
    await refused(404, () => t.client.put('/api/chains/bearings/responsibility/2031').send({ measures: ['x'] }));
    const bad = await refused(422, () => t.client.put('/api/chains/bearings/responsibility/2024').send({ leaderId: 999_999, anchorEnterprises: ['不存在的企业有限公司'] }));
    expect(bad.details.map((d) => [d.field, d.code])).toEqual([['leaderId', 'unknownPerson'], ['anchorEnterprises', 'unknownEnterprise']]);
    expect((await refused(422, () => t.client.put('/api/chains/bearings/responsibility/2024').send({ leaderId: ids.countyLeader }))).details[0].code).toBe('notCityLevel');
    expect((await refused(422, () => t.client.put('/api/chains/bearings/responsibility/2024').send({ leaderId: ids.retired }))).details[0].code).toBe('personInactive');
    await refused(400, () => t.client.put('/api/chains/bearings/responsibility/2024').send({ leaderId: 'x' }));
    // the audit log has one entry per revision
    const entries = (await t.client.get('/api/audit/events?entity=chainResponsibility')).body.items;
    expect(entries.filter((e: { entityId: string }) => e.entityId === 'green-chemical:2024').map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([['update', 'admin'], ['update', 'chain-r']]);
  });

  it('a project\'s 包联: the city office names the 市级包联领导; the county its own leader, 专员 and contact; recorded in the project\'s history', async () => {
    const set = await t.client.put(`/api/projects/${ids.own}/responsibility`).send({ cityLeaderId: ids.cityLeader });
    expect([set.status, set.body.cityLeader.name, set.body.revision]).toEqual([201, '（示例）市领导甲', 1]);
    const county = await region.put(`/api/projects/${ids.own}/responsibility`).send({
      cityLeaderId: ids.cityLeader, // unchanged: allowed
      countyLeaderId: ids.countyLeader,
      commissionerId: ids.commissioner,
      contact: { name: '（示例）企业联系人', phone: '13800000000' },
    });
    expect(county.status).toBe(200);
    expect(county.body).toMatchObject({
      revision: 2,
      cityLeader: { name: '（示例）市领导甲' },
      countyLeader: { name: '（示例）县领导乙' },
      commissioner: { name: '（示例）专员丙' },
      commissionerKind: 'enterprise',
      contact: { name: '（示例）企业联系人', phone: '13800000000' },
    });
    const project = (await region.get(`/api/projects/${ids.own}`)).body;
    expect(project.responsibility).toMatchObject({ cityLeaderId: ids.cityLeader, countyLeaderId: ids.countyLeader, commissionerId: ids.commissioner });
    const history = (await region.get(`/api/projects/${ids.own}/history`)).body.filter((h: { kind: string }) => h.kind === 'responsibility');
    expect(history.map((h: { actor: string; data: unknown }) => [h.actor, h.data])).toEqual([
      ['admin', { cityLeader: { from: null, to: '（示例）市领导甲' } }],
      ['region-r', { countyLeader: { from: null, to: '（示例）县领导乙' }, commissioner: { from: null, to: '（示例）专员丙' }, commissionerKind: { from: null, to: 'enterprise' }, contact: { from: null, to: '（示例）企业联系人 13800000000' } }],
    ]);
    const audit = (await t.client.get(`/api/audit/events?entity=responsibility&entityId=${ids.own}`)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'update']);

    expect((await refused(403, () => region.put(`/api/projects/${ids.own}/responsibility`).send({ cityLeaderId: ids.commissioner }))).details[0].code).toBe('cityLeaderByCityOffice');
    await refused(404, () => region.put(`/api/projects/${ids.other}/responsibility`).send({ countyLeaderId: ids.otherCounty }));
    await refused(403, () => chain.put(`/api/projects/${ids.own}/responsibility`).send({ commissionerId: ids.commissioner }));
    expect((await refused(422, () => region.put(`/api/projects/${ids.own}/responsibility`).send({ countyLeaderId: ids.otherCounty }))).details[0].code).toBe('notThisCounty');
    expect((await refused(422, () => t.client.put(`/api/projects/${ids.own}/responsibility`).send({ commissionerId: 999_999 }))).details[0].code).toBe('unknownPerson');
    expect((await refused(422, () => t.client.put(`/api/projects/${ids.own}/responsibility`).send({ cityLeaderId: ids.countyLeader }))).details[0].code).toBe('notCityLevel');
    await refused(400, () => t.client.put(`/api/projects/${ids.own}/responsibility`).send({ contact: { phone: '123' } }));
    await refused(404, () => t.client.put('/api/projects/999999/responsibility').send({ cityLeaderId: ids.cityLeader }));
  });

  it('a 链长 activity: recorded by the chain team, a finding raised as a 要素保障 request in the same step, carrying its origin', async () => {
    const res = await chain.post('/api/chains/green-chemical/activities').send({
      kind: 'patrol',
      date: '2024-06-18',
      enterprises: [ANCHOR],
      projectIds: [ids.own],
      findings: '二期用地指标未落实',
      requests: [{ projectId: ids.own, kind: 'land', quantity: '35.5', description: '二期用地指标（巡链发现）' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ chain: 'green-chemical', kind: 'patrol', date: '2024-06-18', leaderId: ids.cityLeader, leader: { name: '（示例）市领导甲' }, enterprises: [ANCHOR], projectIds: [ids.own], actor: 'chain-r' });
    expect(res.body.requests).toHaveLength(1);
    const request = (await t.client.get(`/api/requests/${res.body.requests[0].id}`)).body;
    expect(request).toMatchObject({ projectId: ids.own, kind: 'land', quantity: '35.50', origin: { kind: 'activity', id: res.body.id }, channel: 'patrol', raisedBy: 'chain-r', status: 'raised' });
    expect((await t.client.get('/api/chains/green-chemical/activities?year=2024')).body.map((a: { id: number }) => a.id)).toEqual([res.body.id]);

    const body = { kind: 'diagnosis', date: '2024-06-20', enterprises: [], projectIds: [ids.own], findings: '工艺路线需优化' };
    expect((await refused(422, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, projectIds: [999_999] }))).details[0].code).toBe('unknownProject');
    expect((await refused(422, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, date: '2024-07-02' }))).details[0].code).toBe('dateInFuture');
    expect((await refused(422, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, enterprises: ['不存在的企业有限公司'] }))).details[0].code).toBe('unknownEnterprise');
    expect((await refused(422, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, requests: [{ projectId: ids.other, kind: 'land', quantity: 1, description: '用地' }] }))).details[0].code).toBe('projectNotVisited');
    // a request the requests module refuses refuses the whole activity, named by its place in the body
    const quantity = await refused(422, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, requests: [{ projectId: ids.own, kind: 'land', description: '用地' }] }));
    expect(quantity.details[0]).toMatchObject({ field: 'requests[0].quantity', code: 'quantityRequired' });
    await refused(403, () => chain.post('/api/chains/bearings/activities').send({ ...body, projectIds: [] }));
    await refused(400, () => chain.post('/api/chains/green-chemical/activities').send({ ...body, kind: 'picnic' }));
  });

  it('role leader: linked to a person (422 without, or with an unknown one); reads, writes nothing (403); its home lists its chain and projects and the people below', async () => {
    expect((await refused(422, () => t.client.post('/api/users').send({ username: 'leader-x', password: 'leader-password-1', role: 'leader' }))).details[0].code).toBe('personRequired');
    expect((await refused(422, () => t.client.post('/api/users').send({ username: 'leader-x', password: 'leader-password-1', role: 'leader', personId: 999_999 }))).details[0].code).toBe('unknownPerson');
    expect((await t.client.post('/api/users').send({ username: 'leader-a', password: 'leader-password-1', role: 'leader', personId: ids.cityLeader })).status).toBe(201);
    const leader = t.clientWith(await t.login('leader-a', 'leader-password-1'));
    expect((await leader.get('/api/auth/me')).body).toMatchObject({ role: 'leader', personId: ids.cityLeader });
    expect((await leader.get(`/api/projects/${ids.other}`)).status).toBe(200); // reads city-wide
    await refused(403, () => leader.put(`/api/projects/${ids.own}/responsibility`).send({ contact: { name: '某人' } }));
    await refused(403, () => leader.put('/api/chains/green-chemical/responsibility/2024').send({ measures: [] }));
    await refused(403, () => leader.post('/api/chains/green-chemical/activities').send({ kind: 'inquiry', date: '2024-06-20', enterprises: [], projectIds: [], findings: '问链' }));
    await refused(403, () => leader.put(`/api/projects/${ids.own}/reports/2024-05`).send({ amount: 10 }));
    await refused(403, () => leader.post('/api/people').send(personBody()));

    const home = (await leader.get('/api/me/home?year=2024&month=5')).body;
    expect(home.person).toMatchObject({ id: ids.cityLeader, name: '（示例）市领导甲' });
    expect(home.chains.map((c: { code: string }) => c.code)).toEqual(['green-chemical']);
    // the own project: listed (6000 a year), nothing reported (its April report was 0) → red, lagging
    expect(home.projects).toHaveLength(1);
    expect(home.projects[0]).toMatchObject({ projectId: ids.own, roles: ['cityLeader'], category: 'implementation', rating: 'red', actual: 0, expected: 2500, openRequests: 1, overdueRequests: 0 });
    expect(home.projects[0].red.map((r: { kind: string }) => r.kind)).toEqual(['lagging']);
    expect(home.chains[0]).toMatchObject({ code: 'green-chemical', listedProjects: 1, redProjects: 1, openRequests: 1, overdueRequests: 0, fiveOnesMissing: [] });
    expect(home.people.map((p: { name: string; roles: string[] }) => [p.name, p.roles])).toEqual([
      ['（示例）县领导乙', ['countyLeader']],
      ['（示例）专员丙', ['commissioner']],
    ]);
    // a user linked to no one has an empty home
    expect((await region.get('/api/me/home')).body).toMatchObject({ person: null, chains: [], projects: [], people: [] });
  });
});
