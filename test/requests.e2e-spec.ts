import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * 要素保障 requests over HTTP on a real database (docs/domain/requests.md): raising and routing,
 * every kind's units, each actor's steps, the refusals (404 / 403 / 409 / 422, each changing
 * nothing), reopening, escalation, replay asOf, needs raised with a monthly report, the
 * department role's view of projects (departments and settings as data: request-settings.e2e-spec.ts).
 *
 * The clock: Wednesday 2024-06-12, 10:00 in Liaocheng. With the default 5 working days a request
 * raised today is due for acceptance on Wednesday 2024-06-19 (13, 14, 17, 18, 19 June).
 */
type Client = ReturnType<typeof request.agent>;

describe('要素保障 requests over HTTP', () => {
  let t: TestApp;
  let county: Client; // 东昌府区 371502
  let otherCounty: Client; // 临清市 371581
  let land: Client; // 市自然资源和规划局
  let energy: Client; // 市发展改革委
  let approvalDept: Client; // 市行政审批服务局
  let chain: Client;
  let auditor: Client;
  let projectId: number;
  let otherProjectId: number;

  const NOW = '2024-06-12T02:00:00.000Z';

  const newProject = async (overrides: Record<string, unknown> = {}) => {
    const res = await t.client.post('/api/projects').send(projectBody({ region: '371502', approvals: ALL_APPROVALS, ...overrides }));
    expect(res.status).toBe(201);
    return res.body.id as number;
  };
  const raise = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/projects/${id}/requests`).send(body);
  const raised = async (body: Record<string, unknown> = { kind: 'land', quantity: '120.5', description: '新增建设用地指标' }, id = projectId) => {
    const res = await raise(county, id, body);
    expect(res.status).toBe(201);
    return res.body as { id: number; version: number; status: string; department: string };
  };
  const send = (client: Client, id: number, body: Record<string, unknown>) => client.post(`/api/requests/${id}/events`).send(body);
  const codes = (res: request.Response) => (res.body.details as { code: string }[]).map((d) => d.code);

  beforeAll(async () => {
    t = await startTestApp({ now: NOW });
    const users = [
      { username: 'county-dcf', password: 'county-password-1', role: 'region', region: '371502' },
      { username: 'county-lq', password: 'county-password-2', role: 'region', region: '371581' },
      { username: 'dept-land', password: 'dept-password-land', role: 'department', department: 'natural-resources' },
      { username: 'dept-energy', password: 'dept-password-energy', role: 'department', department: 'development-reform' },
      { username: 'dept-approval', password: 'dept-password-approval', role: 'department', department: 'administrative-approval' },
      { username: 'chain-gc', password: 'chain-password-1', role: 'chain', chain: 'green-chemical' },
      { username: 'auditor-r', password: 'auditor-password-1', role: 'auditor' },
    ];
    for (const user of users) expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    county = t.clientWith(await t.login('county-dcf', 'county-password-1'));
    otherCounty = t.clientWith(await t.login('county-lq', 'county-password-2'));
    land = t.clientWith(await t.login('dept-land', 'dept-password-land'));
    energy = t.clientWith(await t.login('dept-energy', 'dept-password-energy'));
    approvalDept = t.clientWith(await t.login('dept-approval', 'dept-password-approval'));
    chain = t.clientWith(await t.login('chain-gc', 'chain-password-1'));
    auditor = t.clientWith(await t.login('auditor-r', 'auditor-password-1'));
    projectId = await newProject();
    otherProjectId = await newProject({ region: '371581', chain: 'bearings' });
  });
  afterAll(async () => t.close());

  describe('raising', () => {
    it('routes each kind to its department, in its unit, with the acceptance deadline in working days', async () => {
      const cases: [Record<string, unknown>, string, string | null, string | null][] = [
        [{ kind: 'land', quantity: 12.5, unit: '亩', description: '新增用地' }, 'natural-resources', '12.50', 'mu'],
        [{ kind: 'energy', quantity: '3000', unit: 'tce', description: '能耗指标' }, 'development-reform', '3000', 'tce'],
        [{ kind: 'environment', pollutant: 'nox', quantity: '1.234', description: '氮氧化物总量指标' }, 'ecology-environment', '1.234', 'tpa'],
        [{ kind: 'funding', quantity: 50000, unit: 'wan', description: '项目贷款授信' }, 'financial-regulation', '50000', 'wan'],
        [{ kind: 'approval', approval: 'environment', description: '环评并联审批' }, 'administrative-approval', null, null],
        [{ kind: 'utilities', description: '10kV 双回路供电' }, 'industry-it', null, null],
        [{ kind: 'other', description: '员工子女入学' }, 'chain-office', null, null],
      ];
      for (const [body, department, quantity, unit] of cases) {
        const res = await raise(county, projectId, { ...body, neededBy: '2024-09-30' });
        expect([body.kind, res.status]).toEqual([body.kind, 201]);
        expect(res.body).toMatchObject({
          kind: body.kind,
          department,
          quantity,
          unit,
          status: 'raised',
          raisedOn: '2024-06-12',
          acceptDue: '2024-06-19',
          due: '2024-06-19',
          overdue: false,
          allowedEvents: ['ACCEPT', 'RETURN', 'ESCALATE'],
          version: 1,
          projectId,
          region: '371502',
          raisedBy: 'county-dcf',
        });
      }
      const history = await t.client.get(`/api/projects/${projectId}/history`);
      expect(history.body.filter((h: { kind: string }) => h.kind === 'request').length).toBe(cases.length);
    });

    it.each([
      ['an unknown kind', { kind: 'water', description: 'x' }, ['unknownKind']],
      ['a unit that is not the kind’s', { kind: 'land', quantity: 1, unit: '公顷', description: 'x' }, ['unknownUnit']],
      ['a unit on a kind without one', { kind: 'other', unit: '件', description: 'x' }, ['unknownUnit']],
      ['a negative quantity', { kind: 'land', quantity: -1, description: 'x' }, ['quantityNegative']],
      ['亩 finer than hundredths', { kind: 'land', quantity: '1.234', description: 'x' }, ['quantityTooFine']],
      ['吨标准煤 with a fraction', { kind: 'energy', quantity: 0.5, description: 'x' }, ['quantityTooFine']],
      ['a counted kind without its quantity', { kind: 'funding', description: 'x' }, ['quantityRequired']],
      ['a quantity on an approval', { kind: 'approval', approval: 'land', quantity: 1, description: 'x' }, ['quantityNotApplicable']],
      ['an approval without its key', { kind: 'approval', description: 'x' }, ['approvalRequired']],
      ['an unknown approval', { kind: 'approval', approval: 'fire', description: 'x' }, ['unknownApproval']],
      ['environment without a pollutant', { kind: 'environment', quantity: 1, description: 'x' }, ['pollutantRequired']],
      ['an unknown pollutant', { kind: 'environment', pollutant: 'co2', quantity: 1, description: 'x' }, ['unknownPollutant']],
      ['a blank description', { kind: 'other', description: '   ' }, ['descriptionRequired']],
      ['a needed-by date already past', { kind: 'other', description: 'x', neededBy: '2024-06-11' }, ['neededByInPast']],
    ])('refuses %s with 422 and changes nothing', async (_name, body, expected) => {
      const before = await databaseState(t.dataSource);
      const res = await raise(county, projectId, body);
      expect(res.status).toBe(422);
      expect(codes(res)).toEqual(expected);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });

    it('refuses a quantity that is neither number nor text (400), another county’s project (404), a chain team and a department (403)', async () => {
      const before = await databaseState(t.dataSource);
      expect((await raise(county, projectId, { kind: 'land', quantity: true, description: 'x' })).status).toBe(400);
      expect((await raise(county, projectId, { kind: 'land', quantity: 1, description: 'x', extra: 1 })).status).toBe(400);
      expect((await raise(county, otherProjectId, { kind: 'land', quantity: 1, description: 'x' })).status).toBe(404);
      expect((await raise(chain, projectId, { kind: 'land', quantity: 1, description: 'x' })).status).toBe(403);
      expect((await raise(land, projectId, { kind: 'land', quantity: 1, description: 'x' })).status).toBe(403);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });
  });

  describe('the request machine over HTTP', () => {
    it('department accepts, resolves and tells the enterprise; the county records the enterprise’s evaluation; each step recorded with who, when and why', async () => {
      const r = await raised();
      let res = await send(land, r.id, { type: 'ACCEPT', category: 'complex', promisedDate: '2024-07-31' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'accepted', category: 'complex', promisedDate: '2024-07-31', due: '2024-07-31', version: 2, allowedEvents: ['RESOLVE', 'RETURN', 'ESCALATE'] });
      res = await send(land, r.id, { type: 'RESOLVE', granted: '100.25', note: '已安排新增建设用地指标 100.25 亩' });
      expect(res.body).toMatchObject({ status: 'resolved', granted: '100.25', due: null, overdue: false, allowedEvents: ['FEEDBACK', 'ESCALATE'] });
      // 评价 waits for the 反馈: the enterprise has to have been told first.
      expect((await send(county, r.id, { type: 'EVALUATE', rating: 'basically' })).status).toBe(409);
      res = await send(land, r.id, { type: 'FEEDBACK', method: 'visit', date: '2024-06-12', note: '上门告知指标安排' });
      expect(res.body).toMatchObject({ status: 'answered', feedback: { method: 'visit', date: '2024-06-12' }, allowedEvents: ['EVALUATE', 'ESCALATE'] });
      res = await send(county, r.id, { type: 'EVALUATE', rating: 'basically', respondent: '企业办公室王主任' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'closed', rating: 'basically', allowedEvents: [], version: 5 });
      expect(res.body.transitions.map((s: { event: string; toStatus: string; actor: string }) => `${s.event}>${s.toStatus}@${s.actor}`)).toEqual([
        'RAISE>raised@county-dcf',
        'ACCEPT>accepted@dept-land',
        'RESOLVE>resolved@dept-land',
        'FEEDBACK>answered@dept-land',
        'EVALUATE>closed@county-dcf',
      ]);
      expect(res.body.transitions[3]).toMatchObject({ method: 'visit', toldOn: '2024-06-12', note: '上门告知指标安排' });
      expect(res.body.transitions[4]).toMatchObject({ rating: 'basically', respondent: '企业办公室王主任' });
      const audit = await t.dataSource.query("SELECT action, actor FROM audit_entry WHERE entity = 'request' AND entity_id = ? ORDER BY seq", [String(r.id)]);
      expect(audit).toEqual([
        { action: 'raise', actor: 'county-dcf' },
        { action: 'transition', actor: 'dept-land' },
        { action: 'transition', actor: 'dept-land' },
        { action: 'transition', actor: 'dept-land' },
        { action: 'transition', actor: 'county-dcf' },
      ]);
    });

    it('不满意 sends it back to the department, counted; the department resolves again', async () => {
      const r = await raised();
      await send(land, r.id, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-06-20' });
      await send(land, r.id, { type: 'RESOLVE', granted: 50, note: '落实一半' });
      await send(land, r.id, { type: 'FEEDBACK', method: 'phone', date: '2024-06-12' });
      let res = await send(county, r.id, { type: 'EVALUATE', rating: 'dissatisfied' });
      expect(res.status).toBe(422);
      expect(codes(res)).toEqual(['reasonRequired']);
      res = await send(county, r.id, { type: 'EVALUATE', rating: 'dissatisfied', reason: '只落实一半' });
      expect(res.body).toMatchObject({ status: 'accepted', rating: 'dissatisfied', reopenCount: 1, promisedDate: '2024-06-20', category: 'simple' });
      res = await send(land, r.id, { type: 'RESOLVE', granted: '120.5', note: '全部落实' });
      expect(res.body).toMatchObject({ status: 'resolved', granted: '120.50', reopenCount: 1 });
      await send(land, r.id, { type: 'FEEDBACK', method: 'letter', date: '2024-06-12' });
      res = await send(county, r.id, { type: 'EVALUATE', rating: 'satisfied' });
      expect(res.body).toMatchObject({ status: 'closed', reopenCount: 1 });
    });

    it('returned with a reason is final; the city office escalates; the department may still accept an escalated request', async () => {
      const a = await raised();
      let res = await send(land, a.id, { type: 'RETURN', reason: '请先完成规划调整' });
      expect(res.body).toMatchObject({ status: 'returned', allowedEvents: [] });
      const b = await raised();
      expect((await send(land, b.id, { type: 'ESCALATE', reason: 'x' })).status).toBe(403);
      res = await send(t.client, b.id, { type: 'ESCALATE', reason: '跨县指标调剂，一事一议' });
      expect(res.body).toMatchObject({ status: 'escalated', allowedEvents: ['ACCEPT', 'RESOLVE', 'DECIDE'], due: '2024-06-19' });
      res = await send(land, b.id, { type: 'ACCEPT', category: 'complex', promisedDate: '2024-08-31' });
      expect(res.body).toMatchObject({ status: 'accepted' });
      // The city office may act for a department.
      res = await send(t.client, b.id, { type: 'RESOLVE', note: '常务会研究后落实' });
      expect(res.body).toMatchObject({ status: 'resolved', granted: null });
    });

    it('the 常务会’s decision is recorded back and runs as a tracked item with its own deadline', async () => {
      const r = await raised();
      await send(t.client, r.id, { type: 'ESCALATE', reason: '跨县指标调剂', topic: '关于甲项目用地指标调剂的议题', opinion: '建议市级统筹', proposal: '提请会议研究' });
      let res = await send(t.client, r.id, { type: 'DECIDE', decision: '由市自然资源和规划局统筹调剂 100 亩', responsibleUnit: '市自然资源和规划局、东昌府区政府', deadline: '2024-06-20' });
      expect(res.body).toMatchObject({
        status: 'decided',
        due: '2024-06-20',
        overdue: false,
        allowedEvents: ['RESOLVE'],
        decision: { decision: '由市自然资源和规划局统筹调剂 100 亩', responsibleUnit: '市自然资源和规划局、东昌府区政府', deadline: '2024-06-20' },
      });
      expect(res.body.transitions.find((s: { event: string }) => s.event === 'ESCALATE')).toMatchObject({ topic: '关于甲项目用地指标调剂的议题', opinion: '建议市级统筹', proposal: '提请会议研究' });
      t.setNow('2024-06-21T02:00:00.000Z');
      res = await land.get(`/api/requests/${r.id}`);
      expect(res.body).toMatchObject({ status: 'decided', overdue: true, daysOverdue: 1 });
      res = await send(land, r.id, { type: 'RESOLVE', granted: 100, note: '已按常务会议定调剂' });
      expect(res.body).toMatchObject({ status: 'resolved', overdue: false });
      t.setNow(NOW);
    });

    it('refusals: 404 another department’s or county’s, 403 the wrong actor, 409 the wrong status, 422 every failed guard — none changes anything', async () => {
      const r = await raised();
      const before = await databaseState(t.dataSource);
      const expectations: [Client, Record<string, unknown>, number, string[]][] = [
        [energy, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-01' }, 404, ['']],
        [otherCounty, { type: 'EVALUATE', rating: 'satisfied' }, 404, ['']],
        [county, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-01' }, 403, ['notYourStep']],
        [t.client, { type: 'EVALUATE', rating: 'satisfied' }, 403, ['notYourStep']],
        [land, { type: 'EVALUATE', rating: 'satisfied' }, 403, ['notYourStep']],
        [chain, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-01' }, 403, ['notYourStep']],
        [chain, { type: 'EVALUATE', rating: 'satisfied' }, 403, ['notYourStep']],
        [t.client, { type: 'DECIDE', decision: 'x', responsibleUnit: 'y', deadline: '2024-07-01' }, 409, ['eventNotAllowed']],
        [land, { type: 'DECIDE', decision: 'x', responsibleUnit: 'y', deadline: '2024-07-01' }, 403, ['notYourStep']],
        [land, { type: 'FEEDBACK', method: 'phone', date: '2024-06-12', rating: 'satisfied' }, 400, ['unknownField']],
        [auditor, { type: 'ESCALATE', reason: 'x' }, 403, ['forbidden']],
        [land, { type: 'RESOLVE', note: '已办' }, 409, ['eventNotAllowed']],
        [land, { type: 'ACCEPT' }, 422, ['categoryRequired', 'promisedDateRequired']],
        [land, { type: 'ACCEPT', category: 'urgent', promisedDate: '2024-06-11' }, 422, ['unknownCategory', 'promisedDateInPast']],
        [land, { type: 'RETURN', reason: '  ' }, 422, ['reasonRequired']],
        [land, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-01', note: 'x' }, 400, ['unknownField']],
        [land, { type: 'FINISH' }, 400, ['isIn']],
      ];
      for (const [client, body, status, expected] of expectations) {
        const res = await send(client, r.id, body);
        expect([body, res.status]).toEqual([body, status]);
        if (expected[0]) expect([body, codes(res)]).toEqual([body, expected]);
      }
      expect((await send(land, 999_999, { type: 'RETURN', reason: 'x' })).status).toBe(404);
      expect(await databaseState(t.dataSource)).toEqual(before);
      // Granted finer than the kind's scale, after acceptance: 422, nothing changes.
      await send(land, r.id, { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-01' });
      const accepted = await databaseState(t.dataSource);
      const res = await send(land, r.id, { type: 'RESOLVE', granted: '1.001', note: '已办' });
      expect(res.status).toBe(422);
      expect(codes(res)).toEqual(['quantityTooFine']);
      expect(await databaseState(t.dataSource)).toEqual(accepted);
      // A stale If-Match: 412.
      const stale = await land.post(`/api/requests/${r.id}/events`).set('If-Match', '"1"').send({ type: 'RESOLVE', note: '已办' });
      expect(stale.status).toBe(412);
      expect(await databaseState(t.dataSource)).toEqual(accepted);
    });

    it('an approval request resolved with its date marks that approval done on the project', async () => {
      const id = await newProject({ approvals: { ...ALL_APPROVALS, environment: null } });
      const r = await raised({ kind: 'approval', approval: 'environment', description: '环评审批' }, id);
      await send(approvalDept, r.id, { type: 'ACCEPT', category: 'frequent', promisedDate: '2024-06-30' });
      const res = await send(approvalDept, r.id, { type: 'RESOLVE', note: '环评已批复', approvalDate: '2024-06-11' });
      expect(res.body).toMatchObject({ status: 'resolved', approvalDate: '2024-06-11' });
      const project = await t.client.get(`/api/projects/${id}`);
      expect(project.body.approvals.environment).toBe('2024-06-11');
      expect(project.body.approvalDetails.environment).toEqual({ status: 'done', date: '2024-06-11', commitmentDate: null, department: 'administrative-approval' });
      const audit = await t.dataSource.query("SELECT entity, action FROM audit_entry WHERE actor = 'dept-approval' ORDER BY seq");
      expect(audit.slice(-2)).toEqual([{ entity: 'request', action: 'transition' }, { entity: 'project', action: 'approval' }]);
    });
  });

  describe('overdue and replay', () => {
    it('is overdue the day after the acceptance deadline; accepted, it waits on the promised date; asOf replays the past', async () => {
      t.setNow('2024-06-14T02:00:00.000Z'); // Friday
      const r = await raised({ kind: 'energy', quantity: 800, description: '用能指标' });
      expect(r).toMatchObject({ acceptDue: '2024-06-21' }); // Fri + 5 working days = next Friday
      const beforeAccept = '2024-06-24T01:00:00.000Z'; // Monday 09:00 in Liaocheng
      t.setNow('2024-06-21T12:00:00.000Z'); // Friday evening: due today, still in time
      let read = await energy.get(`/api/requests/${r.id}`);
      expect(read.body).toMatchObject({ overdue: false, due: '2024-06-21' });
      t.setNow(beforeAccept); // Monday: one working day late, three calendar days
      read = await energy.get(`/api/requests/${r.id}`);
      expect(read.body).toMatchObject({ overdue: true, daysOverdue: 3 });
      expect((await energy.get('/api/requests?overdue=true')).body.items.map((i: { id: number }) => i.id)).toContain(r.id);
      t.setNow('2024-06-24T03:00:00.000Z');
      await send(energy, r.id, { type: 'ACCEPT', category: 'frequent', promisedDate: '2024-06-28' });
      read = await energy.get(`/api/requests/${r.id}`);
      expect(read.body).toMatchObject({ overdue: false, due: '2024-06-28', status: 'accepted' });
      t.setNow('2024-07-01T03:00:00.000Z');
      read = await energy.get(`/api/requests/${r.id}`);
      expect(read.body).toMatchObject({ overdue: true, daysOverdue: 3 });

      // As recorded on Monday before the acceptance: raised, overdue, version 1, one step.
      const past = await energy.get(`/api/requests/${r.id}?asOf=${encodeURIComponent('2024-06-24T09:30:00+08:00')}`);
      expect(past.body).toMatchObject({ status: 'raised', overdue: true, daysOverdue: 3, version: 1, category: null });
      expect(past.body.transitions).toHaveLength(1);
      const list = await energy.get(`/api/requests?asOf=${encodeURIComponent('2024-06-13T10:00:00+08:00')}`);
      expect(list.body.items.map((i: { id: number }) => i.id)).not.toContain(r.id); // not raised yet then
      t.setNow(NOW);
    });
  });

  describe('scopes', () => {
    it('each caller lists only its own: a department its department’s, a county its county’s', async () => {
      const mine = await raised({ kind: 'energy', quantity: 10, description: '能耗' });
      const theirs = (await raise(otherCounty, otherProjectId, { kind: 'energy', quantity: 10, description: '能耗' })).body.id as number;
      const ids = async (client: Client, query = '') => ((await client.get(`/api/requests?pageSize=500${query}`)).body.items as { id: number; department: string; region: string }[]);
      const energyList = await ids(energy);
      expect(energyList.every((i) => i.department === 'development-reform')).toBe(true);
      expect(energyList.map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs]));
      expect((await ids(land)).every((i) => i.department === 'natural-resources')).toBe(true);
      expect((await ids(county)).every((i) => i.region === '371502')).toBe(true);
      expect((await ids(otherCounty)).map((i) => i.id)).toContain(theirs);
      expect((await ids(chain)).every((i) => i.region !== '371581')).toBe(true);
      expect((await ids(auditor)).map((i) => i.id)).toEqual(expect.arrayContaining([mine.id, theirs]));
      expect((await county.get(`/api/requests/${theirs}`)).status).toBe(404);
      expect((await land.get(`/api/requests/${theirs}`)).status).toBe(404);
      // Filters: an unknown code is a 422.
      for (const query of ['?kind=water', '?department=police', '?status=done', '?region=999999'])
        expect([query, (await t.client.get(`/api/requests${query}`)).status]).toEqual([query, 422]);
      expect((await t.client.get('/api/requests?kind=energy&department=development-reform&region=371581')).body.items.map((i: { id: number }) => i.id)).toContain(theirs);
    });

    it('a department reads, read-only, the projects it has a request on, and nothing else project-wise', async () => {
      const visible = await newProject({ name: '部门可见项目' });
      const hidden = await newProject({ name: '部门不可见项目' });
      await raised({ kind: 'land', quantity: 1, description: '用地' }, visible);
      expect((await land.get(`/api/projects/${visible}`)).status).toBe(200);
      expect((await land.get(`/api/projects/${visible}/history`)).status).toBe(200);
      expect((await land.get(`/api/projects/${visible}/reports`)).status).toBe(200);
      expect((await land.get(`/api/projects/${hidden}`)).status).toBe(404);
      const list = await land.get('/api/projects?pageSize=500');
      expect(list.body.items.map((p: { id: number }) => p.id)).toContain(visible);
      expect(list.body.items.map((p: { id: number }) => p.id)).not.toContain(hidden);
      for (const path of ['/api/dashboard/2024', '/api/lists/2024', `/api/projects/${visible}/comments`, '/api/reports/missing', '/api/workbench/projects', '/api/targets'])
        expect([path, (await land.get(path)).status]).toEqual([path, 403]);
      expect((await land.patch(`/api/projects/${visible}`).send({ version: 1, name: 'x' })).status).toBe(403);
      const me = await land.get('/api/auth/me');
      expect(me.body).toMatchObject({ role: 'department', department: 'natural-resources', region: null });
      const context = await land.get('/api/workbench/context');
      expect(context.body.user).toMatchObject({ department: 'natural-resources', departmentName: '市自然资源和规划局' });
    });

    it('a department user needs a known department', async () => {
      const before = await databaseState(t.dataSource);
      const res = await t.client.post('/api/users').send({ username: 'dept-x', password: 'dept-password-xx', role: 'department', department: 'police' });
      expect(res.status).toBe(422);
      expect(codes(res)).toEqual(['departmentRequired']);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });
  });

  describe('needs entered with the monthly report', () => {
    it('become requests in the same transaction; the same report sent again raises nothing twice; a bad need refuses the whole report', async () => {
      const id = await newProject();
      await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
      await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-03-01' });
      const body = {
        amount: 800,
        progress: '主体施工',
        problems: '用地指标不足；需扩容供电',
        requests: [
          { kind: 'land', quantity: '30', description: '二期用地 30 亩' },
          { kind: 'utilities', description: '扩容至 10kV 双回路', neededBy: '2024-08-01' },
        ],
      };
      const first = await county.put(`/api/projects/${id}/reports/2024-05`).send(body);
      expect(first.status).toBe(201);
      expect(first.body.requests.map((r: { kind: string; department: string }) => `${r.kind}:${r.department}`)).toEqual(['land:natural-resources', 'utilities:industry-it']);
      const again = await county.put(`/api/projects/${id}/reports/2024-05`).send(body);
      expect(again.status).toBe(200);
      expect(again.body.requests.map((r: { id: number }) => r.id)).toEqual(first.body.requests.map((r: { id: number }) => r.id));
      const list = await county.get(`/api/requests?project=${id}`);
      expect(list.body.total).toBe(2);
      expect(list.body.items.map((r: { sourceMonth: string }) => r.sourceMonth)).toEqual(['2024-05', '2024-05']);

      const before = await databaseState(t.dataSource);
      const bad = await county.put(`/api/projects/${id}/reports/2024-06`).send({ amount: 100, requests: [{ kind: 'land', quantity: '1', description: '好' }, { kind: 'land', quantity: '-1', description: '坏' }] });
      expect(bad.status).toBe(422);
      expect(bad.body.details).toEqual([expect.objectContaining({ field: 'requests[1].quantity', code: 'quantityNegative' })]);
      expect(await databaseState(t.dataSource)).toEqual(before);
    });
  });
});
