import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fiveOnesBody, personBody } from './factories/people.factory.js';
import { startedProject } from './factories/project.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The board's 包联 coverage and names (docs/domain/responsibility.md "Coverage", "On the board"),
 * on a small world worked by hand. Five started projects, four of them on the 2024 implementation
 * list (plan 6,000 万元 each; May's board expects 6,000 × 5/12 = 2,500):
 *
 *   project  listed  report (April)  市级包联领导  县级包联领导  专员
 *   A        yes     3,000           甲           乙           丙
 *   B        yes     0               甲           —            —
 *   C        yes     3,000           —            乙           丙
 *   D        yes     0               —            —            —
 *   E        no      0               甲           —            丙     (not listed: not counted)
 *
 * Coverage: listed 4; without a 市级包联领导 C, D → 2; without a 专员 B, D → 2. The red list (May,
 * actual below 80% of 2,500): B and D (0 reported), named B with 甲 and D with nobody.
 * "5个1": 绿色化工 complete; 高端轴承 only a 链长; the other ten nothing → 11 incomplete chains,
 * 高端轴承 missing plan, measures and anchors (its 责任部门 is the appendix's lead unit).
 * The people are named after the board of 2024-06-30 10:00+08:00 was shown: that board, asked for
 * as of then, still shows nobody and every listed project uncovered.
 */
describe('包联 coverage and names on the board, worked by hand', () => {
  let t: TestApp;
  const p: Record<'A' | 'B' | 'C' | 'D' | 'E', number> = { A: 0, B: 0, C: 0, D: 0, E: 0 };
  const BEFORE = '2024-06-30T10:00:00+08:00';
  const ANCHOR = '覆盖测试化工有限公司';

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T01:00:00.000Z' });
    p.A = await startedProject(t.client, { ownerEnterprise: ANCHOR }, 3000);
    p.B = await startedProject(t.client, {}, 0);
    p.C = await startedProject(t.client, {}, 3000);
    p.D = await startedProject(t.client, {}, 0);
    const e = (await t.client.post('/api/projects').send({ code: 'COVER-E', name: '未列入清单的项目', region: '371502', chain: 'green-chemical' })).body;
    p.E = e.id;
    t.setNow('2024-06-30T04:00:00.000Z');
    const person = async (body: Record<string, unknown>) => (await t.client.post('/api/people').send(personBody(body))).body.id as number;
    const jia = await person({ name: '（示例）甲', title: '副市长' });
    const yi = await person({ name: '（示例）乙', title: '副区长', region: '371502' });
    const bing = await person({ name: '（示例）丙', title: '服务专员' });
    const put = async (id: number, body: Record<string, unknown>) => expect((await t.client.put(`/api/projects/${id}/responsibility`).send(body)).status).toBe(201);
    await put(p.A, { cityLeaderId: jia, countyLeaderId: yi, commissionerId: bing });
    await put(p.B, { cityLeaderId: jia });
    await put(p.C, { countyLeaderId: yi, commissionerId: bing, commissionerKind: 'land' });
    await put(p.E, { cityLeaderId: jia, commissionerId: bing });
    expect((await t.client.put('/api/chains/green-chemical/responsibility/2024').send(fiveOnesBody(jia, ANCHOR))).status).toBe(201);
    expect((await t.client.put('/api/chains/bearings/responsibility/2024').send({ leaderId: jia })).status).toBe(201);
  });
  afterAll(async () => t.close());

  it('counts listed projects without a 市级包联领导 or a 专员, and the chains whose "5个1" is incomplete', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=5')).body;
    const others = ['ferrous', 'equipment', 'nonferrous', 'auto-parts', 'new-energy', 'new-it', 'light-textile', 'building-materials', 'health', 'agri-food'];
    expect(board.responsibilityCoverage).toMatchObject({ listed: 4, listedWithoutCityLeader: 2, listedWithoutCommissioner: 2 });
    expect([...board.responsibilityCoverage.chainsIncomplete].sort()).toEqual([...others, 'bearings'].sort());
    expect(board.responsibilityCoverage.chainsMissing.find((c: { code: string }) => c.code === 'bearings').missing).toEqual(['plan', 'measures', 'anchors']);
  });

  it('names the 包联领导 and 专员 beside the county on the red list, and the 链长 beside each chain', async () => {
    const board = (await t.client.get('/api/dashboard/2024?month=5')).body;
    const red = board.redList.map((item: { projectId: number; kind: string; responsible: unknown }) => [item.projectId, item.kind, item.responsible]);
    expect(red).toEqual([
      [p.B, 'lagging', { cityLeader: '（示例）甲' }],
      [p.D, 'lagging', {}],
    ]);
    const leaders = Object.fromEntries(board.chains.map((c: { code: string; leader: string | null }) => [c.code, c.leader]));
    expect(leaders['green-chemical']).toBe('（示例）甲');
    expect(leaders.bearings).toBe('（示例）甲');
    expect(leaders.health).toBeNull();
  });

  it('a board as of an instant before the people were named shows none of them', async () => {
    const board = (await t.client.get(`/api/dashboard/2024?month=5&asOf=${encodeURIComponent(BEFORE)}`)).body;
    expect(board.responsibilityCoverage).toMatchObject({ listed: 4, listedWithoutCityLeader: 4, listedWithoutCommissioner: 4 });
    expect(board.responsibilityCoverage.chainsIncomplete).toHaveLength(12);
    expect(board.redList.map((item: { responsible: unknown }) => item.responsible)).toEqual([{}, {}]);
    expect(board.chains.every((c: { leader: string | null }) => c.leader === null)).toBe(true);
  });
});
