import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_CHAIN_DUTIES, DEMO_LEADER_USERS, DEMO_PEOPLE } from '../seeds/demo-people.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The demo's people (illustrative, seeds/demo-people.ts): every name marked （示例）; five chains
 * with a complete or partial "5个1"; the demo's 链长 signs in (role leader) and finds his chain and
 * his 包联 projects at home; the board says how much is still uncovered.
 */
describe('demo: who answers for the demo chains and projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: 'demo', now: '2024-11-20T02:00:00.000Z' });
  });
  afterAll(async () => t.close());

  it('names only made-up people, each marked as an example', async () => {
    const people = (await t.client.get('/api/people')).body as { name: string }[];
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    expect(people.every((p) => p.name.startsWith('（示例）'))).toBe(true);
  });

  it('the demo 链长 signs in and sees his chain and his 包联 projects; the board warns of what is uncovered', async () => {
    const [li] = DEMO_LEADER_USERS;
    const leader = t.clientWith(await t.login(li.username, li.password));
    const home = (await leader.get('/api/me/home?year=2024&month=10')).body;
    expect(home.person.name).toBe('（示例）李某某');
    expect(home.chains.map((c: { code: string }) => c.code)).toEqual(['green-chemical']);
    const listed = (await t.client.get('/api/dashboard/2024/projects?month=10&chain=green-chemical&pageSize=500')).body.items as { projectId: number }[];
    expect(home.projects.map((p: { projectId: number }) => p.projectId).sort()).toEqual(listed.map((p) => p.projectId).sort());
    expect(home.projects.every((p: { roles: string[] }) => p.roles.includes('cityLeader'))).toBe(true);

    const board = (await t.client.get('/api/dashboard/2024?month=10')).body;
    const withDuty = DEMO_CHAIN_DUTIES.map((d) => d.chain);
    expect(board.chains.filter((c: { leader: string | null }) => c.leader !== null).map((c: { code: string }) => c.code).sort()).toEqual([...withDuty].sort());
    // the chains with every one of the five: those whose demo duty names a 链主
    const complete = DEMO_CHAIN_DUTIES.filter((d) => d.anchors.length > 0).map((d) => d.chain);
    expect(board.responsibilityCoverage.chainsIncomplete).toHaveLength(12 - complete.length);
    expect(board.responsibilityCoverage.listedWithoutCityLeader).toBeGreaterThan(0);
    expect(board.redList.some((item: { responsible: { cityLeader?: string } }) => item.responsible.cityLeader)).toBe(true);
  });
});
