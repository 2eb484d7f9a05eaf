import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { databaseState, startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

/**
 * The city office's user management behind the 用户管理 page (issue 23): office names shown in
 * histories, a password reset to a generated password shown once, deactivation ending sessions,
 * the rules the page shows at its fields.
 */
describe('user management (用户管理)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const create = (body: Record<string, unknown>) => t.client.post('/api/users').send(body);

  it('creates a user with an office name; a blank or over-long one is refused and changes nothing', async () => {
    const res = await create({ username: 'shen-fgj', password: 'shen-password-1', role: 'region', region: '371522', officeName: '  莘县发展和改革局 ' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'shen-fgj', role: 'region', region: '371522', officeName: '莘县发展和改革局', active: true });
    const before = await databaseState(t.dataSource);
    for (const officeName of ['   ', '局'.repeat(65), 'a\u0007b', 'a\u2028b', '\u202Eabc'])
      expect([officeName, (await create({ username: 'x-office', password: 'x-office-password-1', role: 'auditor', officeName })).status]).toEqual([officeName, 422]);
    expect(await databaseState(t.dataSource)).toEqual(before);
  });

  it('names every actor for the histories: the office name, else the scope\'s or the role\'s words; system actors too', async () => {
    expect((await create({ username: 'guan-op', password: 'guan-password-1', role: 'region', region: '371525' })).status).toBe(201);
    expect((await create({ username: 'dept-nr', password: 'dept-password-1', role: 'department', department: 'natural-resources' })).status).toBe(201);
    expect((await create({ username: 'chain-chem', password: 'chain-password-1', role: 'chain', chain: 'green-chemical' })).status).toBe(201);
    const names = Object.fromEntries(((await t.client.get('/api/users/names')).body as { username: string; name: string }[]).map((n) => [n.username, n.name]));
    expect(names).toMatchObject({
      'shen-fgj': '莘县发展和改革局',
      'guan-op': '冠县',
      'dept-nr': '市自然资源和规划局',
      'chain-chem': '绿色化工产业链专班',
      admin: '市链长办',
      'demo-seed': '演示数据',
      system: '系统',
    });
  });

  it('resets a password to a generated one, shown once: the old password and the user\'s sessions stop working', async () => {
    expect((await create({ username: 'forgetful', password: 'forgetful-password-1', role: 'auditor' })).status).toBe(201);
    const token = await t.login('forgetful', 'forgetful-password-1');
    const id = ((await t.client.get('/api/users')).body as { id: number; username: string }[]).find((u) => u.username === 'forgetful')!.id;
    const res = await t.client.post(`/api/users/${id}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('forgetful');
    expect(res.body.password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect((await t.clientWith(token).get('/api/auth/me')).status).toBe(401);
    expect((await request(t.http).post('/api/auth/login').send({ username: 'forgetful', password: 'forgetful-password-1' })).status).toBe(401);
    expect((await request(t.http).post('/api/auth/login').send({ username: 'forgetful', password: res.body.password })).status).toBe(200);
    // Two resets give two different passwords; the password is nowhere in the audit log.
    const second = await t.client.post(`/api/users/${id}/password-reset`);
    expect(second.body.password).not.toBe(res.body.password);
    const audit = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_entry'));
    expect(audit).not.toContain(res.body.password);
    expect(audit).not.toContain(second.body.password);
    expect((await t.client.post('/api/users/999999/password-reset')).status).toBe(404);
  });

  it('deactivates a user: it cannot sign in and its sessions end; reactivated, it signs in again', async () => {
    expect((await create({ username: 'leaving', password: 'leaving-password-1', role: 'region', region: '371502' })).status).toBe(201);
    const token = await t.login('leaving', 'leaving-password-1');
    const session = await request(t.http).post('/api/auth/session').send({ username: 'leaving', password: 'leaving-password-1' });
    const cookie = session.headers['set-cookie'];
    const id = ((await t.client.get('/api/users')).body as { id: number; username: string }[]).find((u) => u.username === 'leaving')!.id;
    expect((await t.client.patch(`/api/users/${id}`).send({ active: false })).body.active).toBe(false);
    expect((await t.clientWith(token).get('/api/auth/me')).status).toBe(401);
    expect((await request(t.http).get('/api/auth/session').set('Cookie', cookie)).status).toBe(401);
    expect(await t.dataSource.query('SELECT id FROM auth_session WHERE user_id = ?', [id])).toEqual([]);
    expect((await request(t.http).post('/api/auth/login').send({ username: 'leaving', password: 'leaving-password-1' })).status).toBe(401);
    expect((await t.client.patch(`/api/users/${id}`).send({ active: true })).body.active).toBe(true);
    expect((await request(t.http).post('/api/auth/login').send({ username: 'leaving', password: 'leaving-password-1' })).status).toBe(200);
  });

  it('states its rules: user names, passwords, office names, every role with its words and scope, the last admin', async () => {
    const rules = (await t.client.get('/api/users/rules')).body;
    expect(rules.password.minLength).toBe(12);
    expect(new RegExp(rules.username.pattern).test('region-371522')).toBe(true);
    expect(new RegExp(rules.username.pattern).test('有中文')).toBe(false);
    expect(rules.roles).toEqual([
      { role: 'admin', label: '市链长办', scope: null },
      { role: 'region', label: '县区操作员', scope: 'region' },
      { role: 'chain', label: '产业链专班', scope: 'chain' },
      { role: 'auditor', label: '审计督查（只读）', scope: null },
      { role: 'department', label: '要素保障部门', scope: 'department' },
      { role: 'leader', label: '领导/专员（只读）', scope: 'person' },
    ]);
    expect(rules.lastAdmin.activeAdmins).toBe(1);
    const adminId = ((await t.client.get('/api/users')).body as { id: number; username: string }[]).find((u) => u.username === 'admin')!.id;
    const refused = await t.client.patch(`/api/users/${adminId}`).send({ active: false });
    expect(refused.status).toBe(422);
    expect(refused.body.details[0].code).toBe('lastAdmin');
    expect(TEST_ADMIN_PASSWORD).toBeTruthy();
  });
});
