import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * 督办 and 容缺受理 over HTTP with a fake clock (docs/domain/requests.md "Approvals", "容缺受理"):
 * an approval's status, START allowed on a conditional approval before its commitment date when
 * the year's plan allows it, 容缺逾期 on the red list (and the workbench colour) the day after the
 * commitment passes, off it once the approval is done, and replayed as it was.
 */
const at = (date: string) => `${date}T02:00:00.000Z`; // 10:00 in Liaocheng

describe('approvals with 督办 and 容缺受理', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: at('2024-06-10') });
  });
  afterAll(async () => t.close());

  const preparation = async (approvals: Record<string, string | null>) => {
    const id = (await t.client.post('/api/projects').send(projectBody({ region: '371502', approvals }))).body.id as number;
    expect((await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' })).status).toBe(200);
    return id;
  };
  const put = (id: number, key: string, body: Record<string, unknown>) => t.client.put(`/api/projects/${id}/approvals/${key}`).send(body);
  const codes = (body: { details: { code: string }[] }) => body.details.map((d) => d.code);

  it('sets an approval’s status, department and dates; done ⇔ the approval date; history and audit', async () => {
    const id = await preparation({ ...ALL_APPROVALS, land: null });
    let res = await put(id, 'land', { status: 'in_progress', date: '2024-06-01', department: 'natural-resources' });
    expect(res.status).toBe(200);
    expect(res.body.approvals.land).toBeNull();
    expect(res.body.approvalDetails.land).toEqual({ status: 'in_progress', date: '2024-06-01', commitmentDate: null, department: 'natural-resources' });
    expect(res.body.approvalDetails.filing).toEqual({ status: 'done', date: ALL_APPROVALS.filing, commitmentDate: null, department: null });
    const version = res.body.version;
    res = await put(id, 'land', { status: 'in_progress', date: '2024-06-01', department: 'natural-resources' });
    expect(res.body.version).toBe(version); // the same status again changes nothing
    res = await put(id, 'land', { status: 'done', date: '2024-06-09', department: 'natural-resources' });
    expect(res.body.approvals.land).toBe('2024-06-09');
    expect(res.body.approvalDetails.land.status).toBe('done');
    const history = (await t.client.get(`/api/projects/${id}/history`)).body as { kind: string; data: Record<string, unknown> }[];
    expect(history.filter((h) => h.kind === 'updated').map((h) => Object.keys(h.data).sort())).toEqual([['approvalStatus.land'], ['approvalLand', 'approvalStatus.land']]);
    const audit = await t.dataSource.query("SELECT action FROM audit_entry WHERE entity = 'project' AND entity_id = ? ORDER BY seq", [String(id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['create', 'transition', 'approval', 'approval']);
    // A project edit clearing the date makes it 未办 again (the status follows the date).
    const read = await t.client.get(`/api/projects/${id}`);
    await t.client.patch(`/api/projects/${id}`).send({ version: read.body.version, approvals: { land: null } });
    expect((await t.client.get(`/api/projects/${id}`)).body.approvalDetails.land).toEqual({ status: 'pending', date: null, commitmentDate: null, department: 'natural-resources' });
  });

  it('refuses what does not hold, and changes nothing', async () => {
    const id = await preparation({ ...ALL_APPROVALS, land: null });
    const before = await databaseState(t.dataSource);
    const cases: [string, Record<string, unknown>, number, string[]][] = [
      ['land', { status: 'done' }, 422, ['dateRequired']],
      ['land', { status: 'done', date: '2024-06-11' }, 422, ['dateInFuture']],
      ['land', { status: 'conditional' }, 422, ['commitmentDateRequired']],
      ['land', { status: 'conditional', commitmentDate: '2024-06-09' }, 422, ['commitmentDatePassed']],
      ['land', { status: 'in_progress', commitmentDate: '2024-07-01' }, 422, ['commitmentNotApplicable']],
      ['land', { status: 'pending', date: '2024-06-01' }, 422, ['dateNotApplicable']],
      ['land', { status: 'in_progress', department: 'police' }, 422, ['unknownDepartment']],
      ['land', { status: 'granted' }, 400, ['isIn']],
      ['fire', { status: 'pending' }, 400, ['invalidApproval']],
    ];
    for (const [key, body, status, expected] of cases) {
      const res = await put(id, key, body);
      expect([body, res.status, codes(res.body)]).toEqual([body, status, expected]);
    }
    expect((await t.client.put(`/api/projects/${id}/approvals/land`).set('If-Match', '"1"').send({ status: 'pending' })).status).toBe(412);
    expect((await put(999_999, 'land', { status: 'pending' })).status).toBe(404);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('START: 容缺 allowed before the commitment date when the plan allows it; not otherwise; the refusal names the rule', async () => {
    const id = await preparation({ ...ALL_APPROVALS, land: null, energy: null });
    expect((await put(id, 'land', { status: 'conditional', date: '2024-06-05', commitmentDate: '2024-07-15', department: 'natural-resources' })).status).toBe(200);
    let res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-10' });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'approvals.energy', code: 'approvalMissing' })]);
    expect((await put(id, 'energy', { status: 'in_progress' })).status).toBe(200);
    res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-10' });
    expect(res.body.details.map((d: { code: string }) => d.code)).toEqual(['approvalMissing']);
    expect((await put(id, 'energy', { status: 'done', date: '2024-06-10' })).status).toBe(200);

    // The 2024 plan allows 容缺; restricted (限制容缺受理开工), START is refused, naming the plan and the rule.
    expect((await t.client.patch('/api/targets/2024').send({ conditionalApprovalsAllowed: false })).status).toBe(200);
    const before = await databaseState(t.dataSource);
    res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-10' });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'approvals.land', code: 'conditionalNotAllowed' })]);
    expect(res.body.details[0].message).toBe('用地为容缺受理，但 2024 年度计划“限制容缺受理开工”：本年须手续办结后开工');
    expect(await databaseState(t.dataSource)).toEqual(before);
    expect((await t.client.patch('/api/targets/2024').send({ conditionalApprovalsAllowed: true })).status).toBe(200);

    res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-10' });
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('implementation.active');
    // Started on 容缺, the approval may not fall back to 未办 / 办理中.
    res = await put(id, 'land', { status: 'in_progress' });
    expect(res.status).toBe(422);
    expect(codes(res.body)).toEqual(['approvalMissing']);
  });

  it('START on 容缺 in a year without a plan is allowed: 容缺受理 is the standing rule; a new plan allows it unless it says otherwise', async () => {
    t.setNow(at('2025-03-10'));
    try {
      expect((await t.client.get('/api/targets/2025')).status).toBe(404);
      const id = await preparation({ ...ALL_APPROVALS, environment: null });
      expect((await put(id, 'environment', { status: 'conditional', commitmentDate: '2025-05-31' })).status).toBe(200);
      const res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2025-03-10' });
      expect([res.status, res.body.stage]).toEqual([200, 'implementation.active']);
      // A 2026 plan created with every city target but without the flag allows it (the plan page
      // shows 限制容缺受理开工 unticked).
      const city = (await t.client.get('/api/targets/2024')).body as Record<string, unknown>;
      const fields = ['implementationListSize', 'implementationInvestmentWan', 'preparationListSize', 'startRateTargetPct', 'bigProjectThresholdWan', 'bigProjectCityTarget', 'keyProjectThresholdWan', 'keyProjectCount', 'keyProjectInvestmentWan', 'ratingBluePct', 'ratingYellowPct', 'attractionSignedWan', 'attractionFundedWan'];
      const created = await t.client.post('/api/targets/2026').send(Object.fromEntries(fields.map((f) => [f, city[f]])));
      expect(created.status).toBe(201);
      expect(created.body.conditionalApprovalsAllowed).toBe(true);
    } finally {
      t.setNow(at('2024-06-10'));
    }
  });

  it('START refused once the commitment date has passed', async () => {
    const id = await preparation({ ...ALL_APPROVALS, planning: null });
    expect((await put(id, 'planning', { status: 'conditional', commitmentDate: '2024-06-12' })).status).toBe(200);
    t.setNow(at('2024-06-13'));
    const res = await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-13' });
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'approvals.planning', code: 'conditionalCommitmentPassed' })]);
    t.setNow(at('2024-06-10'));
  });

  it('容缺逾期: on the red list and red on the workbench the day after the commitment, off once done, replayed as it was', async () => {
    t.setNow(at('2024-06-10'));
    const id = await preparation({ ...ALL_APPROVALS, land: null });
    expect((await put(id, 'land', { status: 'conditional', commitmentDate: '2024-07-15' })).status).toBe(200);
    expect((await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-06-10' })).status).toBe(200);
    expect((await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 6000 })).status).toBe(201);
    const redOf = async (query = '') =>
      ((await t.client.get(`/api/dashboard/2024?month=7${query}`)).body.redList as { projectId: number; kind: string; reason: string }[]).filter((i) => i.projectId === id && i.kind === 'conditionalOverdue'); // (it is also lagging: no reports)

    t.setNow(at('2024-07-15')); // the commitment date itself: not yet passed
    expect(await redOf()).toEqual([]);
    t.setNow(at('2024-07-16'));
    const red = await redOf();
    expect(red.map((i) => [i.kind, i.reason])).toEqual([['conditionalOverdue', '容缺受理承诺 2024-07-15 前补齐手续，已逾期']]);
    const row = (await t.client.get('/api/workbench/projects?month=2024-07&pageSize=500')).body.items.find((p: { id: number }) => p.id === id);
    expect(row).toMatchObject({ rating: 'red', ratingReason: 'conditionalOverdue' });

    t.setNow(at('2024-07-20'));
    expect((await put(id, 'land', { status: 'done', date: '2024-07-19' })).status).toBe(200);
    expect(await redOf()).toEqual([]);
    const row2 = (await t.client.get('/api/workbench/projects?month=2024-07&pageSize=500')).body.items.find((p: { id: number }) => p.id === id);
    expect(row2.ratingReason).toBe('progress');
    // As recorded on 18 July it was still overdue.
    expect((await redOf(`&asOf=${encodeURIComponent('2024-07-18T10:00:00+08:00')}`)).map((i) => i.kind)).toEqual(['conditionalOverdue']);
  });
});
