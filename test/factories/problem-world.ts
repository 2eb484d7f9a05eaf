import { expect } from '@jest/globals';
import type request from 'supertest';
import type { TestApp } from '../support/test-app.js';
import { projectBody } from './project.factory.js';

/**
 * A small world of problems over three months (August–October 2024) and the year before, worked
 * by hand in the specs that read it (test/problem-lists.e2e-spec.ts). Every step happens at 10:00
 * in Liaocheng (02:00Z) on the day named; the acceptance limit is 5 working days.
 *
 *  H  P1 东昌府区 funding 1000 万元  raised 2023-11-06; accepted 11-07; resolved 12-01 granting 1000 (授信); told 12-01; 满意 12-04.
 *                                    到位 2024-01: 600 (filed 2024-02-05).
 *  G  P2 临清市   funding 5000 万元  raised 2024-03-04; accepted 03-05 简单; resolved 03-20 granting 4000; told 03-21; 满意 03-25.
 *                                    到位 2024-04: 1500; 2024-06: 1000, then 1200 (a second revision); 2024-09: 400.
 *  A  P1 东昌府区 land 100 亩        raised 08-05; accepted 08-06 简单 (promise 08-30); resolved 08-20 granting 80; told 08-21; 满意 09-03.
 *  B  甲机械 (enterprise, 东昌府区, 企业热线) energy 500 吨   raised 08-12; accepted 08-13 复杂 (promise 10-15); nothing since.
 *  C  P2 临清市   funding 3000 万元  raised 08-26; returned 08-27.
 *  F  P1 东昌府区 funding 2000 万元  raised 09-02; accepted 09-03 简单 (promise 09-30); 常务会 09-20; decided 10-10 (deadline 11-30).
 *  D  高端轴承 chain (no county, 巡链, raised by the chain team) other   raised 09-10; accepted 09-11 高频 (promise 09-30);
 *                                    resolved 09-25; told 09-26; 不满意 10-08 (reopened); resolved 10-15; told 10-16; 基本满意 10-21.
 *  E  P2 临清市   land 50 亩         raised Wed 10-09 (accept due Wed 10-16); nothing since.
 *
 * The clock ends on 2024-11-05.
 */
export type Client = ReturnType<typeof request.agent>;
export const at = (date: string) => `${date}T02:00:00.000Z`;
export type ProblemName = 'H' | 'G' | 'A' | 'B' | 'C' | 'F' | 'D' | 'E';

export interface ProblemWorld {
  ids: Record<ProblemName, number>;
  nameOf(id: number): ProblemName | undefined;
  dcf: Client;
  lq: Client;
  bearings: Client;
  /** 市地方金融监管局's user. */
  finance: Client;
}

const NO_APPROVALS = { filing: null, land: null, planning: null, environment: null, energy: null, construction: null };

export async function buildProblemWorld(t: TestApp): Promise<ProblemWorld> {
  t.setNow(at('2023-11-06'));
  for (const user of [
    { username: 'world-dcf', password: 'world-password-1', role: 'region', region: '371502' },
    { username: 'world-lq', password: 'world-password-2', role: 'region', region: '371581' },
    { username: 'world-bearings', password: 'world-password-3', role: 'chain', chain: 'bearings' },
    { username: 'world-finance', password: 'world-password-4', role: 'department', department: 'financial-regulation' },
  ])
    expect((await t.client.post('/api/users').send(user)).status).toBe(201);
  const dcf = t.clientWith(await t.login('world-dcf', 'world-password-1'));
  const lq = t.clientWith(await t.login('world-lq', 'world-password-2'));
  const bearings = t.clientWith(await t.login('world-bearings', 'world-password-3'));
  const finance = t.clientWith(await t.login('world-finance', 'world-password-4'));
  const p1 = (await t.client.post('/api/projects').send(projectBody({ region: '371502', chain: 'green-chemical', name: '东昌府甲项目', approvals: NO_APPROVALS }))).body.id as number;
  const p2 = (await t.client.post('/api/projects').send(projectBody({ region: '371581', chain: 'bearings', name: '临清乙项目', approvals: NO_APPROVALS }))).body.id as number;

  const ids = {} as Record<ProblemName, number>;
  const on = (date: string) => t.setNow(at(date));
  const raise = async (name: ProblemName, client: Client, path: string, body: Record<string, unknown>) => {
    const res = await client.post(path).send(body);
    expect([name, res.status, res.body.message]).toEqual([name, 201, undefined]);
    ids[name] = res.body.id;
  };
  const step = async (name: ProblemName, body: Record<string, unknown>, client: Client = t.client) => {
    const res = await client.post(`/api/requests/${ids[name]}/events`).send(body);
    expect([name, body.type, res.status, res.body.message]).toEqual([name, body.type, 200, undefined]);
  };
  const disburse = async (name: ProblemName, month: string, amount: number) => {
    const res = await finance.put(`/api/requests/${ids[name]}/disbursements/${month}`).send({ amount });
    expect([name, month, res.status < 300, res.body.message]).toEqual([name, month, true, undefined]);
  };
  const told = (name: ProblemName, date: string) => step(name, { type: 'FEEDBACK', method: 'phone', date });

  await raise('H', dcf, `/api/projects/${p1}/requests`, { kind: 'funding', quantity: 1000, description: '设备贷款' });
  on('2023-11-07');
  await step('H', { type: 'ACCEPT', category: 'simple', promisedDate: '2023-11-30' });
  on('2023-12-01');
  await step('H', { type: 'RESOLVE', granted: 1000, note: '银行授信 1000 万元' });
  await told('H', '2023-12-01');
  on('2023-12-04');
  await step('H', { type: 'EVALUATE', rating: 'satisfied' }, dcf);
  on('2024-02-05');
  await disburse('H', '2024-01', 600);

  on('2024-03-04');
  await raise('G', lq, `/api/projects/${p2}/requests`, { kind: 'funding', quantity: 5000, description: '流动资金贷款' });
  on('2024-03-05');
  await step('G', { type: 'ACCEPT', category: 'simple', promisedDate: '2024-03-29' });
  on('2024-03-20');
  await step('G', { type: 'RESOLVE', granted: '4000', note: '银团授信 4000 万元' });
  on('2024-03-21');
  await told('G', '2024-03-21');
  on('2024-03-25');
  await step('G', { type: 'EVALUATE', rating: 'satisfied' }, lq);
  on('2024-05-06');
  await disburse('G', '2024-04', 1500);
  on('2024-07-01');
  await disburse('G', '2024-06', 1000);
  on('2024-07-02');
  await disburse('G', '2024-06', 1200);

  on('2024-08-05');
  await raise('A', dcf, `/api/projects/${p1}/requests`, { kind: 'land', quantity: 100, description: '二期用地' });
  on('2024-08-06');
  await step('A', { type: 'ACCEPT', category: 'simple', promisedDate: '2024-08-30' });
  on('2024-08-12');
  await raise('B', dcf, '/api/requests', { channel: 'hotline', enterprise: { name: '聊城市甲机械有限公司', contact: '张经理', phone: '0635-0000000' }, kind: 'energy', quantity: 500, description: '新增用能指标' });
  on('2024-08-13');
  await step('B', { type: 'ACCEPT', category: 'complex', promisedDate: '2024-10-15' });
  on('2024-08-20');
  await step('A', { type: 'RESOLVE', granted: 80, note: '安排新增建设用地指标 80 亩' });
  on('2024-08-21');
  await told('A', '2024-08-21');
  on('2024-08-26');
  await raise('C', lq, `/api/projects/${p2}/requests`, { kind: 'funding', quantity: 3000, description: '并购贷款' });
  on('2024-08-27');
  await step('C', { type: 'RETURN', reason: '属企业自主融资事项' });

  on('2024-09-02');
  await raise('F', dcf, `/api/projects/${p1}/requests`, { kind: 'funding', quantity: 2000, description: '技改专项贷款' });
  on('2024-09-03');
  await step('A', { type: 'EVALUATE', rating: 'satisfied' }, dcf);
  await step('F', { type: 'ACCEPT', category: 'simple', promisedDate: '2024-09-30' });
  on('2024-09-10');
  await raise('D', bearings, '/api/requests', { channel: 'patrol', chain: 'bearings', kind: 'other', description: '全链缺少熟练技工' });
  on('2024-09-11');
  await step('D', { type: 'ACCEPT', category: 'frequent', promisedDate: '2024-09-30' });
  on('2024-09-20');
  await step('F', { type: 'ESCALATE', reason: '贷款贴息涉及市级财政资金，一事一议', topic: '关于东昌府甲项目技改贷款贴息的议题', opinion: '市地方金融监管局：建议纳入技改贴息政策支持', proposal: '由市财政按 50% 贴息' });
  on('2024-09-25');
  await step('D', { type: 'RESOLVE', note: '组织职业院校定向培训' });
  on('2024-09-26');
  await told('D', '2024-09-26');
  on('2024-10-08');
  await step('D', { type: 'EVALUATE', rating: 'dissatisfied', reason: '培训名额太少' }, bearings);
  on('2024-10-09');
  await raise('E', lq, `/api/projects/${p2}/requests`, { kind: 'land', quantity: 50, description: '仓储用地' });
  on('2024-10-10');
  await step('F', { type: 'DECIDE', decision: '同意按 50% 贴息，由市财政局会同市地方金融监管局落实', responsibleUnit: '市财政局、市地方金融监管局', deadline: '2024-11-30' });
  on('2024-10-14');
  await disburse('G', '2024-09', 400);
  on('2024-10-15');
  await step('D', { type: 'RESOLVE', note: '追加培训名额 200 人' });
  on('2024-10-16');
  await told('D', '2024-10-16');
  on('2024-10-21');
  await step('D', { type: 'EVALUATE', rating: 'basically' }, bearings);
  on('2024-11-05');
  return { ids, nameOf: (id) => (Object.keys(ids) as ProblemName[]).find((name) => ids[name] === id), dcf, lq, bearings, finance };
}
