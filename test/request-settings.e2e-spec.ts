import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type request from 'supertest';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Departments and the acceptance time limit as data (docs/domain/requests.md "Departments",
 * "Overdue"), over HTTP on a real database. The clock: Wednesday 2024-06-12, 10:00 in Liaocheng.
 */
type Client = ReturnType<typeof request.agent>;

describe('要素保障 departments and settings over HTTP', () => {
  let t: TestApp;
  let county: Client; // 东昌府区 371502
  let land: Client; // 市自然资源和规划局
  let projectId: number;
  const codes = (res: request.Response) => (res.body.details as { code: string }[]).map((d) => d.code);
  const raised = async (body: Record<string, unknown>) => {
    const res = await county.post(`/api/projects/${projectId}/requests`).send(body);
    expect(res.status).toBe(201);
    return res.body as { id: number; department: string; acceptDue: string };
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-12T02:00:00.000Z' });
    for (const user of [
      { username: 'county-dcf', password: 'county-password-1', role: 'region', region: '371502' },
      { username: 'dept-land', password: 'dept-password-land', role: 'department', department: 'natural-resources' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    county = t.clientWith(await t.login('county-dcf', 'county-password-1'));
    land = t.clientWith(await t.login('dept-land', 'dept-password-land'));
    projectId = (await t.client.post('/api/projects').send(projectBody({ region: '371502' }))).body.id as number;
  });
  afterAll(async () => t.close());

  describe('departments and settings as data', () => {
    it('moves a kind to another department, refuses leaving a kind without one, audited', async () => {
      const before = await databaseState(t.dataSource);
      let res = await t.client.put('/api/departments/natural-resources').send({ name: '市自然资源和规划局', kinds: [] });
      expect(res.status).toBe(422);
      expect(codes(res)).toEqual(['kindUnrouted']);
      res = await t.client.put('/api/departments/housing').send({ name: '市住房城乡建设局', kinds: ['pipes'] });
      expect(codes(res)).toEqual(['unknownKind']);
      expect((await land.put('/api/departments/housing').send({ name: 'x', kinds: [] })).status).toBe(403);
      expect(await databaseState(t.dataSource)).toEqual(before);

      res = await t.client.put('/api/departments/housing').send({ name: '市住房城乡建设局', kinds: ['utilities'] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ code: 'housing', name: '市住房城乡建设局', kinds: ['utilities'] });
      const list = (await county.get('/api/departments')).body as { code: string; kinds: string[] }[];
      expect(list.find((d) => d.code === 'industry-it')!.kinds).toEqual([]);
      const r = await raised({ kind: 'utilities', description: '供水' });
      expect(r.department).toBe('housing');
      // Back again, so the other tests' routing holds.
      await t.client.put('/api/departments/industry-it').send({ name: '市工业和信息化局', kinds: ['utilities'] });
      const audit = await t.dataSource.query("SELECT entity_id, action FROM audit_entry WHERE entity = 'department' ORDER BY seq");
      expect(audit).toEqual([{ entity_id: 'housing', action: 'create' }, { entity_id: 'industry-it', action: 'update' }]);
    });

    it('the acceptance time limit is a setting; it applies to requests raised afterwards', async () => {
      expect((await county.get('/api/request-settings')).body).toEqual({ acceptWorkingDays: 5 });
      expect((await t.client.put('/api/request-settings').send({ acceptWorkingDays: 31 })).status).toBe(422);
      expect((await t.client.put('/api/request-settings').send({ acceptWorkingDays: 2.5 })).status).toBe(422);
      expect((await county.put('/api/request-settings').send({ acceptWorkingDays: 3 })).status).toBe(403);
      expect((await t.client.put('/api/request-settings').send({ acceptWorkingDays: 3 })).body).toEqual({ acceptWorkingDays: 3 });
      const r = await raised({ kind: 'other', description: '其他事项' });
      expect(r).toMatchObject({ acceptDue: '2024-06-17' }); // Wed + 3 working days = Monday
      await t.client.put('/api/request-settings').send({ acceptWorkingDays: 5 });
    });
  });
});
