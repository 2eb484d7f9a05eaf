import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startedProject } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Milestones (节点, 正排进度; docs/domain/milestones.md) over HTTP with a fake clock: 节点滞后 on and
 * off the red list as days pass and actual dates are recorded (from the month form too), and the
 * plan curve a list entry derives from them, against months worked out by hand.
 */
interface RedItem {
  projectId: number;
  kind: string;
  reason: string;
}

describe('milestones (正排进度)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-15T04:00:00.000Z' });
  });
  afterAll(async () => {
    await t.close();
  });

  const board = async (month: number, asOf?: string) => {
    const res = await t.client.get(`/api/dashboard/2024?month=${month}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`);
    expect(res.status).toBe(200);
    return res.body as { redList: RedItem[]; regions: { code: string; expected: number }[] };
  };
  const milestoneItems = async (month: number, id: number, asOf?: string) => (await board(month, asOf)).redList.filter((i) => i.projectId === id && i.kind === 'milestone');
  const entryOf = async (id: number) =>
    ((await t.client.get('/api/lists/2024')).body as { projectId: number; monthlyPlan?: number[]; monthlyPlanSource?: string }[]).find((e) => e.projectId === id);

  it('puts a project on the red list as 节点滞后 once a milestone is past its planned date, and takes it off when reached', async () => {
    // Region 371526 holds only this project, so the region's expected is the project's.
    const id = await startedProject(t.client, { region: '371526' }, 500, 1200);
    const put = await t.client.put(`/api/projects/${id}/milestones`).send([
      { name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' },
      { name: '主体完工', plannedDate: '2024-06-20' },
      { name: '竣工投产', plannedDate: '2024-09-30' },
    ]);
    expect(put.status).toBe(200);
    expect(put.body).toEqual([
      { name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' },
      { name: '主体完工', plannedDate: '2024-06-20', actualDate: null },
      { name: '竣工投产', plannedDate: '2024-09-30', actualDate: null },
    ]);

    // 15 June: June's board looks at 15 June (the running month); 20 June has not passed.
    expect(await milestoneItems(6, id)).toEqual([]);
    // 25 June: past it, not reached.
    t.setNow('2024-06-25T04:00:00.000Z');
    const june = await milestoneItems(6, id);
    expect(june).toEqual([expect.objectContaining({ kind: 'milestone', reason: '节点滞后：主体完工计划 2024-06-20 完成，尚未完成' })]);
    // The project card shows it overdue too.
    const card = (await t.client.get(`/api/projects/${id}`)).body;
    expect(card.milestones.map((m: { name: string; overdue: boolean }) => [m.name, m.overdue])).toEqual([['开工', false], ['主体完工', true], ['竣工投产', false]]);

    // 10 July: the county records 主体完工 reached on 5 July with July's report (the month form).
    t.setNow('2024-07-10T04:00:00.000Z');
    const filed = await t.client.put(`/api/projects/${id}/reports/2024-07`).send({ amount: 300, milestones: [{ name: '主体完工', actualDate: '2024-07-05' }] });
    expect(filed.status).toBe(201);
    expect((await t.client.get(`/api/projects/${id}/milestones`)).body[1]).toEqual({ name: '主体完工', plannedDate: '2024-06-20', actualDate: '2024-07-05' });
    // July's board: reached in July, off the list. June's board: still on it (not reached by 30 June).
    expect(await milestoneItems(7, id)).toEqual([]);
    expect(await milestoneItems(6, id)).toHaveLength(1);
  });

  it('reads 节点滞后 as recorded by the board’s instant', async () => {
    t.setNow('2024-07-20T04:00:00.000Z');
    const id = await startedProject(t.client, { region: '371525' }, 500, 1200);
    const before = '2024-07-20T04:00:00.000Z';
    t.setNow('2024-07-20T05:00:00.000Z');
    await t.client.put(`/api/projects/${id}/milestones`).send([{ name: '设备安装', plannedDate: '2024-07-01' }, { name: '试生产', plannedDate: '2024-10-31' }]);
    expect(await milestoneItems(7, id)).toHaveLength(1);
    expect(await milestoneItems(7, id, before)).toEqual([]);
    expect((await t.client.get(`/api/projects/${id}?asOf=${encodeURIComponent(before)}`)).body.milestones).toEqual([]);
  });

  it('derives the plan curve from the milestones when the entry has none, and the region’s 序时 follows', async () => {
    t.setNow('2024-07-25T04:00:00.000Z');
    const id = await startedProject(t.client, { region: '371524' }, 500, 1200);
    // No milestones: the even spread, no curve.
    expect((await entryOf(id))?.monthlyPlan).toBeUndefined();
    await t.client.put(`/api/projects/${id}/milestones`).send([
      { name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' },
      { name: '主体完工', plannedDate: '2024-06-30', actualDate: '2024-06-28' },
      { name: '竣工投产', plannedDate: '2024-09-30' },
    ]);
    // March–September, 7 months: 1,200 = 171 × 7 + 3, the 3 to July, August and September.
    const curve = [0, 0, 171, 171, 171, 171, 172, 172, 172, 0, 0, 0];
    expect(await entryOf(id)).toMatchObject({ monthlyPlan: curve, monthlyPlanSource: 'milestones' });
    // 序时 through June: 171 × 4 = 684 (the even spread would say 600); through July 856.
    const region = async (month: number) => (await board(month)).regions.find((r) => r.code === '371524')!.expected;
    expect(await region(6)).toBe(684);
    expect(await region(7)).toBe(856);

    // The planned amount changes: the curve is derived again from the same milestones (2,100 ÷ 7 = 300).
    expect((await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 2100 })).status).toBe(200);
    expect((await entryOf(id))?.monthlyPlan).toEqual([0, 0, 300, 300, 300, 300, 300, 300, 300, 0, 0, 0]);
    // The milestones are removed: back to the even spread.
    await t.client.put(`/api/projects/${id}/milestones`).send([]);
    expect((await entryOf(id))?.monthlyPlan).toBeUndefined();
    expect(await region(6)).toBe(1050);
  });

  it('leaves an entered curve (倒排工期) as it is', async () => {
    const id = await startedProject(t.client, { region: '371503' }, 500, 1200);
    const entered = [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100];
    await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 1200, monthlyPlan: entered });
    await t.client.put(`/api/projects/${id}/milestones`).send([{ name: '开工', plannedDate: '2024-03-01' }, { name: '竣工投产', plannedDate: '2024-05-31' }]);
    expect(await entryOf(id)).toMatchObject({ monthlyPlan: entered, monthlyPlanSource: 'entered' });
  });

  it('records the milestones and the derived curve as audited changes, a plan adjustment once the plan is published', async () => {
    const id = await startedProject(t.client, { region: '371581' }, 500, 1200);
    const listed = ((await t.client.get('/api/lists/2024')).body as { category: string }[]).filter((e) => e.category === 'implementation').length;
    expect((await t.client.patch('/api/targets/2024').send({ implementationListSize: listed, preparationListSize: 0 })).status).toBe(200);
    expect((await t.client.post('/api/targets/2024/publish')).status).toBe(200);
    const seqBefore = (await t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq;
    const put = await t.client.put(`/api/projects/${id}/milestones?reason=${encodeURIComponent('企业调整建设计划')}`).send([
      { name: '开工', plannedDate: '2024-04-01' },
      { name: '竣工投产', plannedDate: '2024-09-30' },
    ]);
    expect(put.status).toBe(200);
    const entries = (await t.dataSource.query('SELECT entity, action, reason FROM audit_entry WHERE seq > ? ORDER BY seq', [seqBefore])) as { entity: string; action: string; reason: string | null }[];
    expect(entries).toEqual([
      { entity: 'project', action: 'milestones', reason: '企业调整建设计划' },
      { entity: 'list', action: 'change', reason: '按节点计划推算月度计划：企业调整建设计划' },
    ]);
    const adjustments = (await t.client.get('/api/dashboard/2024?month=7')).body.plan.adjustments.items as { projectId: number; reason: string }[];
    expect(adjustments.filter((a) => a.projectId === id).map((a) => a.reason)).toEqual(['按节点计划推算月度计划：企业调整建设计划']);
    // April–September, 6 months of 200.
    expect((await entryOf(id))?.monthlyPlan).toEqual([0, 0, 0, 200, 200, 200, 200, 200, 200, 0, 0, 0]);
  });

  it('refuses bad milestones with a clear error and changes nothing', async () => {
    const id = await startedProject(t.client, { region: '371502' }, 500, 1200);
    const state = await databaseState(t.dataSource);
    const cases: [unknown, number, string][] = [
      [{ name: '开工', plannedDate: '2024-03-01' }, 400, 'isArray'],
      [[{ name: '开工' }], 400, 'isDefined'],
      [[{ name: '开工', plannedDate: '2024-02-30' }], 400, 'isCalendarDate'],
      [[{ name: '开工', plannedDate: '2024-03-01', colour: 'red' }], 400, 'unknownField'],
      [[{ name: '开工', plannedDate: '2024-03-01' }, { name: '开工', plannedDate: '2024-04-01' }], 422, 'duplicateMilestone'],
      [[{ name: '试生产', plannedDate: '2024-03-01', actualDate: '2099-01-01' }], 422, 'dateInFuture'],
      [[{ name: '  ', plannedDate: '2024-03-01' }], 422, 'nameRequired'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.client.put(`/api/projects/${id}/milestones`).send(body as object);
      expect([res.status, res.body.statusCode, res.body.details?.map((d: { code: string }) => d.code)]).toEqual([status, status, expect.arrayContaining([code])]);
    }
    const report = await t.client.put(`/api/projects/${id}/reports/2024-07`).send({ amount: 1, milestones: [{ name: '不存在的节点', actualDate: '2024-07-01' }] });
    expect([report.status, report.body.details?.[0]?.code]).toEqual([422, 'unknownMilestone']);
    expect(await databaseState(t.dataSource)).toEqual(state);
    // A stale If-Match is refused like any project edit.
    const stale = await t.client.put(`/api/projects/${id}/milestones`).set('If-Match', '"1"').send([]);
    expect([stale.status, stale.body.details?.[0]?.code]).toEqual([412, 'staleVersion']);
  });
});
