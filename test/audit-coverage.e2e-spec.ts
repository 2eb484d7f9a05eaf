import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SIGN, leadBody } from './factories/lead.factory.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { minimalXlsx } from './factories/workbooks.js';
import { writeRoutes } from './support/routes.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every change is audited, route by route: for every write route the app serves (its own
 * route list; a route missing from the table fails), a successful call adds exactly the
 * audit entries named here (one per change: entity and action), and a refused call adds none.
 */
type Client = request.Agent;
interface Ctx {
  t: TestApp;
  admin: Client;
  region: Client;
  /** 市自然资源和规划局 (role department): handles 用地 requests. */
  department: Client;
  /** A fresh listed, started project with an April report, in 371502 (the region user's). */
  project(): Promise<number>;
  /** A fresh 用地 request (raised) on a fresh project. */
  request(): Promise<number>;
  /** A fresh 资金 request on a fresh project, 办结 with a 授信 of 1000 万元. */
  credited(): Promise<number>;
  /** A fresh 共性 group of three enterprises' problems (a policy tag of its own), confirmed when asked. */
  group(confirmed: boolean): Promise<number>;
}
interface Entry {
  entity: string;
  action: string;
}
/** A call, after whatever fixtures it needs have been made (their own entries are not counted). */
type Call = () => Promise<request.Response>;
type Prepare = (ctx: Ctx) => Promise<Call> | Call;
interface Row {
  /** A call that succeeds (2xx). */
  ok: Prepare;
  /** What it must add to the audit log, in order. Empty for routes that change no data. */
  entries: Entry[];
  /** Calls that are refused (4xx) and must add nothing. */
  refused: Prepare[];
}

const e = (entity: string, action: string): Entry => ({ entity, action });
/** A lead in 371502 (the region user's), signed unless asked otherwise. */
const makeLead = async ({ admin }: Ctx, signed = true): Promise<number> => {
  const id = (await admin.post('/api/leads').send(leadBody({ region: '371502', chain: 'green-chemical' }))).body.id as number;
  if (signed) await admin.post(`/api/leads/${id}/events`).send(SIGN);
  return id;
};
const LEDGER = (code: string) => minimalXlsx([['项目编码', '项目名称', '县（市、区）'], [code, '审计覆盖测试项目', '东昌府区']]);
let bulletinMonth = 0;

const TABLE: Record<string, Row> = {
  'POST /api/auth/login': {
    ok: ({ t }) => () => request(t.http).post('/api/auth/login').send({ username: 'region-a', password: 'region-password-a' }),
    entries: [e('user', 'login')],
    refused: [({ t }) => () => request(t.http).post('/api/auth/login').send({ username: 'region-a', password: 'wrong-password-x' })],
  },
  'POST /api/auth/session': {
    ok: ({ t }) => () => request(t.http).post('/api/auth/session').send({ username: 'region-a', password: 'region-password-a' }),
    entries: [e('user', 'login')],
    refused: [({ t }) => () => request(t.http).post('/api/auth/session').send({ username: 'region-a', password: 'wrong-password-y' })],
  },
  'POST /api/auth/logout': {
    ok: async ({ t }) => {
      const own = t.clientWith(await t.login('auditor-a', 'auditor-password-a'));
      return () => own.post('/api/auth/logout');
    },
    entries: [e('user', 'logout')],
    refused: [({ t }) => () => request(t.http).post('/api/auth/logout')],
  },
  'POST /api/auth/password': {
    ok: async ({ t }) => {
      const own = t.clientWith(await t.login('password-a', 'password-user-first-1'));
      return () => own.post('/api/auth/password').send({ currentPassword: 'password-user-first-1', newPassword: 'password-user-second-2' });
    },
    entries: [e('user', 'password')],
    refused: [
      async ({ t }) => {
        const own = t.clientWith(await t.login('password-b', 'password-user-first-1'));
        return () => own.post('/api/auth/password').send({ currentPassword: 'not-the-password-1', newPassword: 'password-user-second-2' });
      },
    ],
  },
  'POST /api/users': {
    ok: ({ admin }) => () => admin.post('/api/users').send({ username: `u-${Date.now()}`, password: 'a-long-password-1', role: 'auditor' }),
    entries: [e('user', 'create')],
    refused: [
      ({ admin }) => () => admin.post('/api/users').send({ username: 'region-a', password: 'a-long-password-1', role: 'auditor' }),
      ({ region }) => () => region.post('/api/users').send({ username: 'x-by-region', password: 'a-long-password-1', role: 'auditor' }),
    ],
  },
  'PATCH /api/users/:id': {
    ok: async ({ admin }) => {
      const users = await admin.get('/api/users');
      const id = users.body.find((u: { username: string }) => u.username === 'auditor-a').id;
      return () => admin.patch(`/api/users/${id}`).send({ active: true, role: 'auditor' });
    },
    entries: [e('user', 'update')],
    refused: [({ admin }) => () => admin.patch('/api/users/999999').send({ active: false })],
  },
  'POST /api/users/:id/password-reset': {
    ok: async ({ admin }) => {
      const users = await admin.get('/api/users');
      const id = users.body.find((u: { username: string }) => u.username === 'auditor-a').id;
      return () => admin.post(`/api/users/${id}/password-reset`);
    },
    entries: [e('user', 'password')],
    refused: [({ admin }) => () => admin.post('/api/users/999999/password-reset'), ({ region }) => () => region.post('/api/users/1/password-reset')],
  },
  'POST /api/targets/:year': {
    ok: ({ admin }) => () => admin.post('/api/targets/2031').send({ copyFrom: 2024, implementationListSize: 0, preparationListSize: 0 }),
    entries: [e('target', 'create')],
    refused: [({ admin }) => () => admin.post('/api/targets/2024').send({ copyFrom: 2023 }), ({ admin }) => () => admin.post('/api/targets/2032').send({ implementationListSize: 5 })],
  },
  'POST /api/targets/:year/publish': {
    ok: async ({ admin }) => {
      await admin.post('/api/targets/2033').send({ copyFrom: 2024, implementationListSize: 0, preparationListSize: 0 });
      return () => admin.post('/api/targets/2033/publish');
    },
    entries: [e('target', 'publish')],
    refused: [({ admin }) => () => admin.post('/api/targets/2033/publish'), ({ admin }) => () => admin.post('/api/targets/2024/publish')],
  },
  'POST /api/targets/:year/rollover': {
    ok: async (ctx) => {
      await ctx.admin.post('/api/targets/2025').send({ copyFrom: 2024 });
      const id = await ctx.project();
      return () => ctx.admin.post('/api/targets/2024/rollover').send({ entries: [{ projectId: id, category: 'implementation', plannedInvestment: 3000 }] });
    },
    entries: [e('list', 'add')],
    refused: [
      ({ admin }) => () => admin.post('/api/targets/2060/rollover').send({ entries: [] }),
      async (ctx) => {
        // One good entry and one whose monthly curve does not add up: all or nothing.
        const [good, bad] = [await ctx.project(), await ctx.project()];
        return () =>
          ctx.admin.post('/api/targets/2024/rollover').send({
            entries: [
              { projectId: good, category: 'implementation', plannedInvestment: 3000 },
              { projectId: bad, category: 'implementation', plannedInvestment: 3000, monthlyPlan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
            ],
          });
      },
    ],
  },
  'PATCH /api/targets/:year': {
    ok: ({ admin }) => () => admin.patch('/api/targets/2024').send({ ratingBluePct: 100, ratingYellowPct: 81 }),
    entries: [e('target', 'update')],
    refused: [({ admin }) => () => admin.patch('/api/targets/2024').send({ ratingBluePct: 80, ratingYellowPct: 90 }), ({ region }) => () => region.patch('/api/targets/2024').send({ ratingBluePct: 100, ratingYellowPct: 80 })],
  },
  'POST /api/projects': {
    ok: ({ region }) => () => region.post('/api/projects').send(projectBody({ region: undefined })),
    entries: [e('project', 'create')],
    refused: [({ admin }) => () => admin.post('/api/projects').send(projectBody({ totalInvestment: -1 })), ({ admin }) => () => admin.post('/api/projects').send(projectBody({ region: '999999' }))],
  },
  'PATCH /api/projects/:id': {
    ok: async (ctx) => {
      const id = await ctx.project();
      const read = await ctx.admin.get(`/api/projects/${id}`);
      return () => ctx.region.patch(`/api/projects/${id}`).send({ version: read.body.version, content: '调整后的建设内容' });
    },
    entries: [e('project', 'update')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.patch(`/api/projects/${id}`).send({ version: 1, content: '过期版本' });
      },
      async (ctx) => {
        const id = await ctx.project();
        const read = await ctx.admin.get(`/api/projects/${id}`);
        return () => ctx.admin.patch(`/api/projects/${id}`).send({ version: read.body.version, approvals: { ...ALL_APPROVALS, land: null } });
      },
    ],
  },
  'POST /api/projects/:id/events': {
    ok: async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.post(`/api/projects/${id}/events`).send({ type: 'HALT', date: '2024-05-01', reason: '设备检修' });
      },
    entries: [e('project', 'transition')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.post(`/api/projects/${id}/events`).send({ type: 'COMPLETE', date: '2024-01-01' });
      },
    ],
  },
  'POST /api/projects/:id/comments': {
    ok: async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.post(`/api/projects/${id}/comments`).send({ text: '请加快进度' });
      },
    entries: [e('comment', 'create')],
    refused: [async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.post(`/api/projects/${id}/comments`).send({ text: '   ' });
      }],
  },
  'PUT /api/projects/:id/reports/:month': {
    ok: async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/reports/2024-05`).send({ amount: 500, progress: '主体施工' });
      },
    entries: [e('report', 'file')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/reports/2024-02`).send({ amount: 500 });
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/reports/2024-05`).send({ amount: 1.5 });
      },
    ],
  },
  'PUT /api/lists/:year/entries/:projectId': {
    ok: async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 7000 });
      },
    entries: [e('list', 'change')],
    refused: [async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 7000, monthlyPlan: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] });
      }],
  },
  'DELETE /api/lists/:year/entries/:projectId': {
    ok: async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.delete(`/api/lists/2024/entries/${id}`);
      },
    entries: [e('list', 'remove')],
    refused: [({ admin }) => () => admin.delete('/api/lists/2023/entries/1'), async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.delete(`/api/lists/2024/entries/${id}`);
      }],
  },
  'PUT /api/ratings/:year/:month/:scope/:key': {
    ok: ({ admin }) => () => admin.put('/api/ratings/2024/5/region/371502').send({ rating: 'blue', reason: '市领导调度确认' }),
    entries: [e('rating', 'override')],
    refused: [({ admin }) => () => admin.put('/api/ratings/2024/5/region/371502').send({ rating: 'blue' }), ({ admin }) => () => admin.put('/api/ratings/2024/5/region/000000').send({ rating: 'blue', reason: 'x' })],
  },
  'DELETE /api/ratings/:year/:month/:scope/:key': {
    ok: async ({ admin }) => {
      await admin.put('/api/ratings/2024/6/region/371502').send({ rating: 'red', reason: '先调整' });
      return () => admin.delete('/api/ratings/2024/6/region/371502').query({ reason: '撤销' });
    },
    entries: [e('rating', 'revoke')],
    refused: [({ admin }) => () => admin.delete('/api/ratings/2024/7/region/371502')],
  },
  'POST /api/bulletins/:year/:month': {
    ok: ({ admin }) => () => admin.post(`/api/bulletins/2024/${++bulletinMonth}`),
    entries: [e('bulletin', 'publish')],
    refused: [({ admin }) => () => admin.post('/api/bulletins/2024/12'), ({ admin }) => () => admin.post('/api/bulletins/2024/1')],
  },
  'PUT /api/bulletins/:year/:month/commentary': {
    ok: ({ admin }) => () => admin.put('/api/bulletins/2024/11/commentary').send({ overview: `总体情况 ${Date.now()}`, problems: ['存在问题'], nextSteps: ['下步工作'], praise: [] }),
    entries: [e('bulletin', 'commentary')],
    refused: [
      ({ admin }) => () => admin.put('/api/bulletins/2024/11/commentary').send({ overview: '总体情况', problems: '不是数组', nextSteps: [], praise: [] }),
      // A published month's words change only with a reason (January: published by the row above, or here; it closes January only).
      async ({ admin }) => {
        await admin.post('/api/bulletins/2024/1');
        return () => admin.put('/api/bulletins/2024/1/commentary').send({ overview: '改写', problems: [], nextSteps: [], praise: [] });
      },
    ],
  },
  'POST /api/display-tokens': {
    ok: ({ admin }) => () => admin.post('/api/display-tokens').send({ name: '指挥部大屏' }),
    entries: [e('display', 'create')],
    refused: [({ admin }) => () => admin.post('/api/display-tokens').send({ name: '  ' }), ({ region }) => () => region.post('/api/display-tokens').send({ name: '县区大屏' })],
  },
  'POST /api/notifications/inbox/:id/read': {
    // Reading one's own notice is the user's bookkeeping, not a change of data: no audit entry.
    ok: async ({ t, admin }) => {
      const now = new Date().toISOString();
      await t.dataSource.query(`INSERT INTO notice ("key", kind, title, body, link, created_at) VALUES ('audit-coverage:1', 'bulletin-published', '测试', '测试', '/', '${now}')`);
      const [notice] = (await t.dataSource.query(`SELECT id FROM notice WHERE "key" = 'audit-coverage:1'`)) as { id: number }[];
      const me = (await admin.get('/api/auth/me')).body.id as number;
      await t.dataSource.query(`INSERT INTO inbox_item (user_id, notice_id, created_at) VALUES (${me}, ${notice.id}, '${now}')`);
      const [item] = (await t.dataSource.query(`SELECT id FROM inbox_item WHERE notice_id = ${notice.id}`)) as { id: number }[];
      return () => admin.post(`/api/notifications/inbox/${item.id}/read`);
    },
    entries: [],
    refused: [({ admin }) => () => admin.post('/api/notifications/inbox/999999/read')],
  },
  'POST /api/notifications/channels': {
    ok: ({ admin }) => () => admin.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'https://qyapi.example.test/webhook?key=audit' }),
    entries: [e('channel', 'create')],
    refused: [
      ({ admin }) => () => admin.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'http://10.0.0.1/webhook' }),
      ({ region }) => () => region.post('/api/notifications/channels').send({ unit: { kind: 'region', code: '371502' }, type: 'wecom', url: 'https://qyapi.example.test/x' }),
    ],
  },
  'DELETE /api/notifications/channels/:id': {
    ok: async ({ admin }) => {
      const id = (await admin.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'https://qyapi.example.test/webhook?key=gone' })).body.id;
      return () => admin.delete(`/api/notifications/channels/${id}`);
    },
    entries: [e('channel', 'remove')],
    refused: [({ admin }) => () => admin.delete('/api/notifications/channels/999999')],
  },
  'POST /api/notifications/channels/:id/test': {
    // A test message changes nothing (a closed port answers at once: ok false, status 200).
    ok: async ({ admin }) => {
      const id = (await admin.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'https://127.0.0.1:9/webhook' })).body.id;
      return () => admin.post(`/api/notifications/channels/${id}/test`);
    },
    entries: [],
    refused: [({ admin }) => () => admin.post('/api/notifications/channels/999999/test')],
  },
  'PUT /api/notifications/settings': {
    ok: async ({ admin }) => {
      const settings = (await admin.get('/api/notifications/settings')).body;
      const rule = settings.rules['commitment-due'];
      return () => admin.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'commitment-due': { ...rule, withinDays: rule.withinDays === 7 ? 10 : 7 } } });
    },
    entries: [e('setting', 'update')],
    refused: [
      async ({ admin }) => {
        const settings = (await admin.get('/api/notifications/settings')).body;
        return () => admin.put('/api/notifications/settings').send({ ...settings, rules: { ...settings.rules, 'no-such-kind': { enabled: true, recipients: [] } } });
      },
    ],
  },
  'POST /api/notifications/run': {
    ok: ({ admin }) => () => admin.post('/api/notifications/run'),
    entries: [e('notices', 'run')],
    refused: [({ region }) => () => region.post('/api/notifications/run')],
  },
  'DELETE /api/display-tokens/:id': {
    ok: async ({ admin }) => {
      const id = (await admin.post('/api/display-tokens').send({ name: '待撤销' })).body.id;
      return () => admin.delete(`/api/display-tokens/${id}`);
    },
    entries: [e('display', 'revoke')],
    refused: [
      async ({ admin }) => {
        const id = (await admin.post('/api/display-tokens').send({ name: '撤销两次' })).body.id;
        await admin.delete(`/api/display-tokens/${id}`);
        return () => admin.delete(`/api/display-tokens/${id}`);
      },
      ({ region }) => () => region.delete('/api/display-tokens/1'),
      ({ admin }) => () => admin.delete('/api/display-tokens/999999'),
    ],
  },
  'POST /api/leads': {
    ok: ({ region }) => () => region.post('/api/leads').send(leadBody({ region: undefined })),
    entries: [e('lead', 'create')],
    refused: [({ admin }) => () => admin.post('/api/leads').send(leadBody({ chain: undefined })), ({ region }) => () => region.post('/api/leads').send(leadBody({ region: '371581' }))],
  },
  'POST /api/leads/:id/events': {
    // 落地 with a new project: the project's creation and the lead's transition, one entry each.
    ok: async (ctx) => {
      const id = await makeLead(ctx);
      return () => ctx.region.post(`/api/leads/${id}/events`).send({ type: 'LAND', date: '2024-06-01', project: { code: `ZS-AUD-${id}` } });
    },
    entries: [e('project', 'create'), e('lead', 'transition')],
    refused: [
      async (ctx) => {
        const id = await makeLead(ctx, false);
        return () => ctx.region.post(`/api/leads/${id}/events`).send({ type: 'SIGN', date: '2024-06-01' });
      },
      async (ctx) => {
        const id = await makeLead(ctx, false);
        return () => ctx.region.post(`/api/leads/${id}/events`).send({ type: 'LAND', project: { code: `ZS-AUD-N-${id}` } });
      },
      async (ctx) => {
        const id = await makeLead(ctx);
        const taken = (await ctx.admin.post('/api/projects').send(projectBody())).body.code as string;
        return () => ctx.region.post(`/api/leads/${id}/events`).send({ type: 'LAND', project: { code: taken } });
      },
    ],
  },
  'PUT /api/leads/:id/funds/:month': {
    ok: async (ctx) => {
      const id = await makeLead(ctx);
      return () => ctx.region.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 700 });
    },
    entries: [e('fund', 'file')],
    refused: [
      async (ctx) => {
        const id = await makeLead(ctx, false);
        return () => ctx.region.put(`/api/leads/${id}/funds/2024-05`).send({ amount: 700 });
      },
      async (ctx) => {
        const id = await makeLead(ctx);
        return () => ctx.region.put(`/api/leads/${id}/funds/2024-08`).send({ amount: 700 });
      },
    ],
  },
  'PUT /api/chains/:code/indicators/:year/:quarter': {
    ok: ({ admin }) => () => admin.put('/api/chains/green-chemical/indicators/2024/1').send({ newAboveScale: 3, revenueGrowthPct: 7.5 }),
    entries: [e('indicator', 'file')],
    refused: [({ admin }) => () => admin.put('/api/chains/green-chemical/indicators/2024/1').send({}), ({ admin }) => () => admin.put('/api/chains/green-chemical/indicators/2024/3').send({ newAboveScale: 3 }), ({ region }) => () => region.put('/api/chains/green-chemical/indicators/2024/1').send({ newAboveScale: 4 })],
  },
  'PUT /api/chains/:code/notes/:year': {
    ok: ({ admin }) => () => admin.put('/api/chains/green-chemical/notes/2024').send({ status: 'inProgress', note: '园区营收占比 77%' }),
    entries: [e('chainNote', 'update')],
    refused: [({ admin }) => () => admin.put('/api/chains/green-chemical/notes/2024').send({ status: 'late' }), ({ admin }) => () => admin.put('/api/chains/green-chemical/notes/2019').send({ status: 'done' })],
  },
  'POST /api/imports/ledger': {
    ok: ({ admin }) => () => admin.post('/api/imports/ledger?commit=true&year=2024').attach('file', LEDGER(`AUD-${Date.now()}`), 'ledger.xlsx'),
    entries: [e('project', 'create'), e('import', 'import')],
    refused: [({ admin }) => () => admin.post('/api/imports/ledger?commit=true').attach('file', Buffer.from('not a workbook'), 'ledger.xlsx')],
  },
  'POST /api/imports/reports/:month': {
    ok: async (ctx) => {
      const id = await ctx.project();
      const code = (await ctx.admin.get(`/api/projects/${id}`)).body.code as string;
      const file = minimalXlsx([['项目编码', '本月完成投资（万元）'], [code, 321]]);
      return () => ctx.region.post('/api/imports/reports/2024-05?commit=true').attach('file', file, 'reports.xlsx');
    },
    entries: [e('report', 'file'), e('import', 'import')],
    refused: [({ region }) => () => region.post('/api/imports/reports/2024-05?commit=true').attach('file', Buffer.from('PK not really a zip'), 'reports.xlsx')],
  },
  'PUT /api/departments/:code': {
    ok: ({ admin }) => () => admin.put('/api/departments/housing').send({ name: '市住房城乡建设局', kinds: [] }),
    entries: [e('department', 'create')],
    refused: [
      ({ admin }) => () => admin.put('/api/departments/housing').send({ name: '市住房城乡建设局', kinds: ['pipes'] }),
      ({ admin }) => () => admin.put('/api/departments/natural-resources').send({ name: '市自然资源和规划局', kinds: [] }),
      ({ region }) => () => region.put('/api/departments/housing').send({ name: 'x', kinds: [] }),
    ],
  },
  'PUT /api/request-settings': {
    ok: ({ admin }) => () => admin.put('/api/request-settings').send({ acceptWorkingDays: 6 }),
    entries: [e('setting', 'update')],
    refused: [({ admin }) => () => admin.put('/api/request-settings').send({ acceptWorkingDays: 31 }), ({ region }) => () => region.put('/api/request-settings').send({ acceptWorkingDays: 4 })],
  },
  'POST /api/projects/:id/requests': {
    ok: async (ctx) => {
      const id = await ctx.project();
      return () => ctx.region.post(`/api/projects/${id}/requests`).send({ kind: 'land', quantity: '20.5', description: '用地需求' });
    },
    entries: [e('request', 'raise')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.post(`/api/projects/${id}/requests`).send({ kind: 'water', description: '未知类型' });
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.post(`/api/projects/${id}/requests`).send({ kind: 'land', quantity: '1.001', description: '过细' });
      },
    ],
  },
  'PUT /api/projects/:id/milestones': {
    ok: async (ctx) => {
      const id = await ctx.project();
      return () => ctx.region.put(`/api/projects/${id}/milestones`).send([{ name: '开工', plannedDate: '2024-03-01', actualDate: '2024-03-01' }, { name: '竣工投产', plannedDate: '2024-10-31' }]);
    },
    // The milestones, then the list entry's curve derived from them (docs/domain/milestones.md).
    entries: [e('project', 'milestones'), e('list', 'change')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/milestones`).send([{ name: '开工', plannedDate: '2024-03-01' }, { name: '开工', plannedDate: '2024-04-01' }]);
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/milestones`).send({ name: '开工' });
      },
    ],
  },
  'PUT /api/projects/:id/approvals/:key': {
    ok: async (ctx) => {
      const id = await ctx.project();
      return () => ctx.region.put(`/api/projects/${id}/approvals/land`).send({ status: 'done', date: '2024-01-21', department: 'natural-resources' });
    },
    entries: [e('project', 'approval')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/approvals/land`).send({ status: 'conditional' });
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.region.put(`/api/projects/${id}/approvals/land`).send({ status: 'pending' });
      },
    ],
  },
  'POST /api/requests': {
    ok: ({ region }) => () => region.post('/api/requests').send({ channel: 'hotline', enterprise: { name: '审计覆盖企业', contact: '联系人' }, kind: 'utilities', description: '供水管网接入' }),
    entries: [e('request', 'raise')],
    refused: [
      ({ admin }) => () => admin.post('/api/requests').send({ channel: 'hotline', kind: 'other', description: '没有对象' }),
      ({ admin }) => () => admin.post('/api/requests').send({ channel: 'fax', chain: 'bearings', kind: 'other', description: '未知渠道' }),
      ({ region }) => () => region.post('/api/requests').send({ channel: 'hotline', enterprise: { name: '他县企业' }, region: '371581', kind: 'other', description: '他县' }),
    ],
  },
  'PUT /api/requests/:id/disbursements/:month': {
    ok: async (ctx) => {
      const id = await ctx.credited();
      return () => ctx.admin.put(`/api/requests/${id}/disbursements/2024-06`).send({ amount: 600 });
    },
    entries: [e('request', 'disburse')],
    refused: [
      async (ctx) => {
        const id = await ctx.credited();
        return () => ctx.admin.put(`/api/requests/${id}/disbursements/2024-06`).send({ amount: 1001 });
      },
      async (ctx) => {
        const id = await ctx.request();
        return () => ctx.admin.put(`/api/requests/${id}/disbursements/2024-06`).send({ amount: 1 });
      },
    ],
  },
  'POST /api/requests/groups/:id/confirm': {
    ok: async (ctx) => {
      const id = await ctx.group(false);
      return () => ctx.admin.post(`/api/requests/groups/${id}/confirm`);
    },
    entries: [e('requestGroup', 'transition')],
    refused: [
      async (ctx) => {
        const id = await ctx.group(true);
        return () => ctx.admin.post(`/api/requests/groups/${id}/confirm`);
      },
      async (ctx) => {
        const id = await ctx.group(false);
        return () => ctx.region.post(`/api/requests/groups/${id}/confirm`);
      },
    ],
  },
  'POST /api/requests/groups/:id/events': {
    ok: async (ctx) => {
      const id = await ctx.group(true);
      return () => ctx.admin.post(`/api/requests/groups/${id}/events`).send({ type: 'RESOLVE', note: '统一答复' });
    },
    // The group's step, then each of its three raised members accepted onto 高频 and resolved.
    entries: [e('requestGroup', 'transition'), ...Array(6).fill(e('request', 'transition'))],
    refused: [
      async (ctx) => {
        const id = await ctx.group(true);
        return () => ctx.admin.post(`/api/requests/groups/${id}/events`).send({ type: 'RESOLVE' });
      },
      async (ctx) => {
        const id = await ctx.group(false);
        return () => ctx.admin.post(`/api/requests/groups/${id}/events`).send({ type: 'RESOLVE', note: '未确认' });
      },
    ],
  },
  'POST /api/requests/:id/events': {
    ok: async (ctx) => {
      const id = await ctx.request();
      return () => ctx.department.post(`/api/requests/${id}/events`).send({ type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-31' });
    },
    entries: [e('request', 'transition')],
    refused: [
      async (ctx) => {
        const id = await ctx.request();
        return () => ctx.department.post(`/api/requests/${id}/events`).send({ type: 'RESOLVE', note: '未受理先办结' });
      },
      async (ctx) => {
        const id = await ctx.request();
        return () => ctx.department.post(`/api/requests/${id}/events`).send({ type: 'ACCEPT', promisedDate: '2024-06-01' });
      },
      async (ctx) => {
        const id = await ctx.request();
        return () => ctx.region.post(`/api/requests/${id}/events`).send({ type: 'EVALUATE', rating: 'satisfied' });
      },
    ],
  },
  // Who answers for what (docs/domain/responsibility.md).
  'POST /api/people': {
    ok: ({ admin }) => () => admin.post('/api/people').send({ name: '（示例）审计人员', title: '副市长', organisation: '聊城市人民政府' }),
    entries: [e('person', 'create')],
    refused: [
      ({ admin }) => () => admin.post('/api/people').send({ name: '（示例）审计人员', title: '副市长', organisation: '聊城市人民政府', region: '999999' }),
      ({ region }) => () => region.post('/api/people').send({ name: '（示例）审计人员', title: '副市长', organisation: '聊城市人民政府' }),
    ],
  },
  'PATCH /api/people/:id': {
    ok: async ({ admin }) => {
      const id = (await admin.post('/api/people').send({ name: '（示例）改名前', title: '职务', organisation: '单位' })).body.id as number;
      return () => admin.patch(`/api/people/${id}`).send({ title: '新职务', phone: '0635-7654321' });
    },
    entries: [e('person', 'update')],
    refused: [({ admin }) => () => admin.patch('/api/people/999999').send({ title: '新职务' }), ({ region }) => () => region.patch('/api/people/1').send({ title: '新职务' })],
  },
  'PUT /api/chains/:code/responsibility/:year': {
    ok: async ({ admin }) => {
      const leaderId = (await admin.post('/api/people').send({ name: '（示例）链长', title: '副市长', organisation: '聊城市人民政府' })).body.id as number;
      return () => admin.put('/api/chains/health/responsibility/2024').send({ leaderId, measures: ['一企一策'] });
    },
    entries: [e('chainResponsibility', 'update')],
    refused: [
      ({ admin }) => () => admin.put('/api/chains/health/responsibility/2024').send({ leaderId: 999999 }),
      ({ admin }) => () => admin.put('/api/chains/health/responsibility/2024').send({ anchorEnterprises: ['不存在的企业有限公司'] }),
      ({ region }) => () => region.put('/api/chains/health/responsibility/2024').send({ measures: ['x'] }),
    ],
  },
  'PUT /api/projects/:id/responsibility': {
    ok: async (ctx) => {
      const id = await ctx.project();
      return () => ctx.region.put(`/api/projects/${id}/responsibility`).send({ contact: { name: '（示例）企业联系人', phone: '13800000000' } });
    },
    entries: [e('responsibility', 'update')],
    refused: [
      async (ctx) => {
        const id = await ctx.project();
        const cityLeaderId = (await ctx.admin.post('/api/people').send({ name: '（示例）包联领导', title: '副市长', organisation: '聊城市人民政府' })).body.id as number;
        return () => ctx.region.put(`/api/projects/${id}/responsibility`).send({ cityLeaderId });
      },
      async (ctx) => {
        const id = await ctx.project();
        return () => ctx.admin.put(`/api/projects/${id}/responsibility`).send({ commissionerId: 999999 });
      },
    ],
  },
  'POST /api/chains/:code/activities': {
    ok: async (ctx) => {
      const id = await ctx.project();
      return () =>
        ctx.admin.post('/api/chains/green-chemical/activities').send({
          kind: 'patrol',
          date: '2024-06-20',
          enterprises: [],
          projectIds: [id],
          findings: '用地指标未落实',
          requests: [{ projectId: id, kind: 'land', quantity: 2, description: '巡链发现的用地需求' }],
        });
    },
    // the activity, then the request raised from its finding (recorded as any request is)
    entries: [e('activity', 'create'), e('request', 'raise')],
    refused: [
      ({ admin }) => () => admin.post('/api/chains/green-chemical/activities').send({ kind: 'patrol', date: '2024-07-20', enterprises: [], projectIds: [], findings: '未来日期' }),
      async (ctx) => {
        const id = await ctx.project();
        return () =>
          ctx.admin.post('/api/chains/green-chemical/activities').send({ kind: 'patrol', date: '2024-06-20', enterprises: [], projectIds: [id], findings: '需求缺数量', requests: [{ projectId: id, kind: 'land', description: '用地' }] });
      },
    ],
  },
};

describe('every successful write is audited exactly once per change; every refused write not at all', () => {
  let ctx: Ctx;

  const lastSeq = async () => Number((await ctx.t.dataSource.query('SELECT MAX(seq) AS seq FROM audit_entry'))[0].seq ?? 0);
  const entriesAfter = async (seq: number): Promise<Entry[]> =>
    ((await ctx.t.dataSource.query('SELECT entity, action FROM audit_entry WHERE seq > ? ORDER BY seq', [seq])) as Entry[]).map((row) => ({ entity: row.entity, action: row.action }));

  beforeAll(async () => {
    const t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    for (const user of [
      { username: 'region-a', password: 'region-password-a', role: 'region', region: '371502' },
      { username: 'auditor-a', password: 'auditor-password-a', role: 'auditor' },
      { username: 'password-a', password: 'password-user-first-1', role: 'auditor' },
      { username: 'password-b', password: 'password-user-first-1', role: 'auditor' },
      { username: 'department-a', password: 'department-password-a', role: 'department', department: 'natural-resources' },
    ])
      expect((await t.client.post('/api/users').send(user)).status).toBe(201);
    const region = t.clientWith(await t.login('region-a', 'region-password-a'));
    const project = async () => {
      const id = (await t.client.post('/api/projects').send(projectBody({ region: '371502', approvals: ALL_APPROVALS }))).body.id as number;
      await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
      await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-03-01' });
      await t.client.put(`/api/projects/${id}/reports/2024-04`).send({ amount: 1000 });
      await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 6000 });
      return id;
    };
    const department = t.clientWith(await t.login('department-a', 'department-password-a'));
    const request = async () => {
      const raised = await t.client.post(`/api/projects/${await project()}/requests`).send({ kind: 'land', quantity: 3, description: '用地需求' });
      expect(raised.status).toBe(201);
      return raised.body.id as number;
    };
    const credited = async () => {
      const raised = await t.client.post(`/api/projects/${await project()}/requests`).send({ kind: 'funding', quantity: 2000, description: '贷款' });
      for (const body of [
        { type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-31' },
        { type: 'RESOLVE', granted: 1000, note: '授信 1000 万元' },
      ])
        expect((await t.client.post(`/api/requests/${raised.body.id}/events`).send(body)).status).toBe(200);
      return raised.body.id as number;
    };
    let tags = 0;
    const group = async (confirmed: boolean) => {
      const tag = `审计覆盖-${++tags}`;
      let last: { group: { id: number } | null } = { group: null };
      for (const name of ['甲', '乙', '丙'])
        last = (await t.client.post('/api/requests').send({ channel: 'appeal', enterprise: { name: `${tag}${name}公司` }, region: '371502', kind: 'other', policyTag: tag, description: '共性问题' })).body;
      const id = last.group!.id;
      if (confirmed) expect((await t.client.post(`/api/requests/groups/${id}/confirm`)).status).toBe(200);
      return id;
    };
    ctx = { t, admin: t.client, region, department, project, request, credited, group };
  });
  afterAll(async () => ctx.t.close());

  it('has a row for every write route the app serves, and none for a route it does not', () => {
    const served = writeRoutes(ctx.t.app);
    expect(served.length).toBeGreaterThan(10);
    expect(served.filter((route) => !(route in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const [route, row] of Object.entries(TABLE)) {
    it(route, async () => {
      const call = await row.ok(ctx);
      let before = await lastSeq();
      const res = await call();
      expect([route, res.status < 300 ? 'ok' : `${res.status} ${JSON.stringify(res.body)}`]).toEqual([route, 'ok']);
      expect(await entriesAfter(before)).toEqual(row.entries);
      expect(row.refused.length).toBeGreaterThan(0);
      for (const refuse of row.refused) {
        const refusedCall = await refuse(ctx);
        before = await lastSeq();
        const refused = await refusedCall();
        expect([route, refused.status >= 400 && refused.status < 500 ? 'refused' : `${refused.status} ${JSON.stringify(refused.body)}`]).toEqual([route, 'refused']);
        expect([route, await entriesAfter(before)]).toEqual([route, []]);
      }
    });
  }
});
