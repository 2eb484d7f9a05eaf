import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SIGN, leadBody } from './factories/lead.factory.js';
import { ALL_APPROVALS, projectBody } from './factories/project.factory.js';
import { minimalXlsx } from './factories/workbooks.js';
import { servedRoutes } from './support/routes.js';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from './support/test-app.js';

/**
 * The authorization matrix: every route the app serves × every role × an object in the
 * caller's scope (own), outside it (other) and missing, with the expected status. The
 * route list comes from the running app; a route missing from the table fails the test.
 *
 * A `leader` (链长, 包联领导, 专员: docs/domain/responsibility.md) reads like the auditor and writes
 * nothing: its expectation is the auditor's unless a row names one of its own.
 */
type Role = 'admin' | 'region' | 'chain' | 'auditor' | 'department' | 'leader' | 'anonymous';
type Target = 'own' | 'other' | 'missing';
const ROLES: Role[] = ['admin', 'region', 'chain', 'auditor', 'department', 'leader', 'anonymous'];
const TARGETS: Target[] = ['own', 'other', 'missing'];

type Client = request.Agent | request.SuperTest<request.Test>;

interface Ids {
  project: number;
  /** A signed 招商 lead: own (371502, green-chemical), other (371581, bearings) or missing. */
  lead: number;
  /** A chain code: own (green-chemical), other (bearings) or missing. */
  chain: string;
  userId: number;
  /** A new user the admin creates (for writes that end a user's sessions, e.g. a password reset). */
  throwawayUser: () => Promise<number>;
  /** A person of the register (the leader user's). */
  personId: number;
  /** A client signed in again as the same role (a session of its own), for routes that end sessions. */
  again: () => Promise<Client>;
  /** An import job the admin started (a job is visible to its starter only). */
  jobId: string;
  /**
   * A request on `ids.project` raised by the admin: on an own project a 用地 need (routed to the
   * department user's department), on another an 能耗 need (another department's); 999999 when
   * the project is the missing one.
   */
  request: () => Promise<number>;
  /**
   * A 共性 group of three enterprises' problems raised by the admin (a policy tag of its own): own
   * 用地 (the department user's department), other 能耗 (another's); confirmed when asked; 999999
   * when missing.
   */
  group: (confirmed: boolean) => Promise<number>;
}
type Send = (client: Client, ids: Ids) => request.Test | Promise<request.Response>;

interface Row {
  /** How to send it; `ids.project` is the own, the other or a missing project. */
  send: Send;
  /** Expected status per role; one number (object-less route) or [own, other, missing]; a leader's is the auditor's unless given. */
  expect: Record<Exclude<Role, 'leader'>, number | [number, number, number]> & { leader?: number | [number, number, number] };
  /** Build fresh objects for each call (writes that consume state). */
  fresh?: boolean;
  /**
   * For a read that lists rows of many places: the place and chain of each row it answered. A
   * county's or a chain team's answer must hold only rows of its own county or chain (a row
   * outside is shown in the outcome as a leak).
   */
  rows?: (body: never) => { region: string | null; chain: string | null }[];
}

/** The scoped users' own county and chain (the matrix's 'own' objects are in both). */
const OWN_SCOPE: Partial<Record<Role, (row: { region: string | null; chain: string | null }) => boolean>> = {
  region: (row) => row.region === '371502',
  chain: (row) => row.chain === 'green-chemical',
};

/** Reads open to every role but a department (the default for a GET: a department sees its requests only). */
const anyRole = (status: number): Record<Exclude<Role, 'leader'>, number> => ({ admin: status, region: status, chain: status, auditor: status, department: 403, anonymous: 401 });
/** Routes every signed-in role calls, a department included. */
const everyone = (status: number): Record<Exclude<Role, 'leader'>, number> => ({ ...anyRole(status), department: status });
const adminOnly = (status: number): Record<Exclude<Role, 'leader'>, number> => ({ admin: status, region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 });
/** The audit trail: the city office and auditors only. */
const auditors = (status: number): Record<Exclude<Role, 'leader'>, number> => ({ admin: status, region: 403, chain: 403, auditor: status, department: 403, anonymous: 401 });
/**
 * Reads of one project: everyone who may see it; 404 outside the scope or when missing. A
 * department reads (when `department` is true) the projects it has a request on: the own project.
 */
const projectRead = (status = 200, department = false): Row['expect'] => ({
  admin: [status, status, 404],
  region: [status, 404, 404],
  chain: [status, 404, 404],
  auditor: [status, status, 404],
  department: department ? [status, 404, 404] : 403,
  anonymous: 401,
});
/** Writes to one project: admin anywhere, a region operator in their region; chain teams, auditors and departments never. */
const projectWrite = (status: number): Row['expect'] => ({
  admin: [status, status, 404],
  region: [status, 404, 404],
  chain: 403,
  auditor: 403,
  department: 403,
  anonymous: 401,
});
/** Reads of one request: the city office and auditors any; a county its projects'; a chain team its chain's; a department its own. */
const requestRead: Row['expect'] = {
  admin: [200, 200, 404],
  region: [200, 404, 404],
  chain: [200, 404, 404],
  auditor: [200, 200, 404],
  department: [200, 404, 404],
  anonymous: 401,
};

/** Writes to one lead: admin anywhere, a county operator in their county, a chain team in their chain; auditors never. */
const leadWrite = (status: number): Row['expect'] => ({
  admin: [status, status, 404],
  region: [status, 404, 404],
  chain: [status, 404, 404],
  auditor: 403,
  department: 403,
  anonymous: 401,
});
/** A chain's filings: admin any chain, a chain team its own (another's is 403: every chain page is public). */
const chainFiling: Row['expect'] = { admin: [201, 201, 404], region: 403, chain: [200, 403, 404], auditor: 403, department: 403, anonymous: 401 };

/** Tiny sheets for the Excel import rows (dry runs: nothing is applied). */
const LEDGER_FILE = minimalXlsx([['项目编码', '项目名称', '县（市、区）'], ['AUTHZ-1', '授权矩阵测试项目', '东昌府区']]);
const REPORT_FILE = minimalXlsx([['项目编码', '本月完成投资（万元）'], ['AUTHZ-1', 100]]);

let month = 0;
let groups = 0;
let planYear = 0;
let publishYear = 0;
/** The notice settings as stored (read by the admin at the start): a PUT of them changes nothing. */
let noticeSettings: unknown = null;
const TABLE: Record<string, Row> = {
  'POST /api/auth/login': {
    send: (c) => c.post('/api/auth/login').send({ username: 'auditor-m', password: 'auditor-password-1' }),
    expect: { admin: 200, region: 200, chain: 200, auditor: 200, department: 200, anonymous: 200 },
  },
  'POST /api/auth/session': {
    send: (c) => c.post('/api/auth/session').send({ username: 'auditor-m', password: 'auditor-password-1' }),
    expect: { admin: 200, region: 200, chain: 200, auditor: 200, department: 200, anonymous: 200 },
  },
  'GET /api/auth/session': { send: (c) => c.get('/api/auth/session'), expect: everyone(200) },
  'POST /api/auth/logout': { send: async (_c, ids) => (await ids.again()).post('/api/auth/logout'), expect: everyone(204) },
  // Every role may change its own password: the same password as new is refused (422) after the
  // gate, which changes nothing; the change itself is tested in auth-sessions.e2e-spec.ts.
  'POST /api/auth/password': {
    send: (c) => c.post('/api/auth/password').send({ currentPassword: 'unchanged-password-1', newPassword: 'unchanged-password-1' }),
    expect: everyone(422),
  },
  'GET /api/auth/me': { send: (c) => c.get('/api/auth/me'), expect: everyone(200) },
  'GET /api/users': { send: (c) => c.get('/api/users'), expect: adminOnly(200) },
  'POST /api/users': {
    send: (c) => c.post('/api/users').send({ username: `u${Date.now()}${Math.random().toString(36).slice(2, 6)}`, password: 'long-enough-password', role: 'auditor' }),
    expect: adminOnly(201),
  },
  'PATCH /api/users/:id': { send: (c, ids) => c.patch(`/api/users/${ids.userId}`).send({ active: true }), expect: adminOnly(200) },
  'GET /api/users/rules': { send: (c) => c.get('/api/users/rules'), expect: adminOnly(200) },
  'GET /api/users/names': { send: (c) => c.get('/api/users/names'), expect: everyone(200) },
  'POST /api/users/:id/password-reset': { send: async (c, ids) => c.post(`/api/users/${await ids.throwawayUser()}/password-reset`), expect: adminOnly(200) },
  'GET /api/regions': { send: (c) => c.get('/api/regions'), expect: everyone(200) },
  'GET /api/chains': { send: (c) => c.get('/api/chains'), expect: everyone(200) },
  'GET /api/targets': { send: (c) => c.get('/api/targets'), expect: anyRole(200) },
  'GET /api/targets/:year': { send: (c) => c.get('/api/targets/2024'), expect: anyRole(200) },
  'PATCH /api/targets/:year': { send: (c) => c.patch('/api/targets/2024').send({ ratingBluePct: 100, ratingYellowPct: 80 }), expect: adminOnly(200) },
  'POST /api/targets/:year': { send: (c) => c.post(`/api/targets/${2030 + ++planYear}`).send({ copyFrom: 2024 }), expect: adminOnly(201) },
  'POST /api/targets/:year/publish': { send: (c) => c.post(`/api/targets/${2040 + ++publishYear}/publish`), expect: adminOnly(200) },
  // Scoped like every list (the security issue, third pass: it had listed every county's projects).
  'GET /api/targets/:year/rollover': {
    send: (c) => c.get('/api/targets/2024/rollover'),
    expect: anyRole(200),
    rows: (body: { entries: { region: string | null; chain: string | null }[] }) => body.entries,
  },
  'POST /api/targets/:year/rollover': { send: (c) => c.post('/api/targets/2024/rollover').send({ entries: [] }), expect: adminOnly(200) },
  'GET /api/projects': { send: (c) => c.get('/api/projects'), expect: everyone(200) },
  'POST /api/projects': {
    send: (c) => c.post('/api/projects').send(projectBody({ region: undefined })),
    expect: { admin: 201, region: 201, chain: 403, auditor: 403, department: 403, anonymous: 401 },
  },
  'GET /api/projects/:id': { send: (c, ids) => c.get(`/api/projects/${ids.project}`), expect: projectRead(200, true) },
  // Before any request of the table's own is raised on the other project (a department then reads it).
  'GET /api/projects/:id/responsibility': { send: (c, ids) => c.get(`/api/projects/${ids.project}/responsibility`), expect: projectRead(200, true) },
  'PATCH /api/projects/:id': { send: (c, ids) => c.patch(`/api/projects/${ids.project}`).set('If-Match', '"3"').send({ content: '调整建设内容' }), expect: projectWrite(200), fresh: true },
  'POST /api/projects/:id/events': { send: (c, ids) => c.post(`/api/projects/${ids.project}/events`).send({ type: 'HALT', date: '2024-05-01', reason: '检修' }), expect: projectWrite(200), fresh: true },
  'GET /api/projects/:id/history': { send: (c, ids) => c.get(`/api/projects/${ids.project}/history`), expect: projectRead(200, true) },
  'GET /api/projects/:id/milestones': { send: (c, ids) => c.get(`/api/projects/${ids.project}/milestones`), expect: projectRead() },
  'PUT /api/projects/:id/milestones': {
    send: (c, ids) => c.put(`/api/projects/${ids.project}/milestones`).send([{ name: '主体完工', plannedDate: '2024-08-31' }, { name: '竣工投产', plannedDate: '2024-11-30' }]),
    expect: projectWrite(200),
  },
  'GET /api/projects/:id/comments': { send: (c, ids) => c.get(`/api/projects/${ids.project}/comments`), expect: projectRead() },
  'POST /api/projects/:id/comments': {
    send: (c, ids) => c.post(`/api/projects/${ids.project}/comments`).send({ text: '请加快进度' }),
    expect: { admin: [201, 201, 404], region: [201, 404, 404], chain: [201, 404, 404], auditor: 403, department: 403, anonymous: 401 },
  },
  'PUT /api/projects/:id/reports/:month': { send: (c, ids) => c.put(`/api/projects/${ids.project}/reports/2024-05`).send({ amount: 500 }), expect: projectWrite(201), fresh: true },
  'GET /api/projects/:id/reports': { send: (c, ids) => c.get(`/api/projects/${ids.project}/reports`), expect: projectRead(200, true) },
  'GET /api/projects/:id/reports/:month/revisions': { send: (c, ids) => c.get(`/api/projects/${ids.project}/reports/2024-04/revisions`), expect: projectRead() },
  'GET /api/reports/missing': { send: (c) => c.get('/api/reports/missing?month=2024-05'), expect: anyRole(200) },
  'GET /api/lists/:year': { send: (c) => c.get('/api/lists/2024'), expect: anyRole(200) },
  'PUT /api/lists/:year/entries/:projectId': {
    send: (c, ids) => c.put(`/api/lists/2024/entries/${ids.project}`).send({ category: 'implementation', plannedInvestment: 7000 }),
    expect: { admin: [200, 200, 404], region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 },
    fresh: true,
  },
  'DELETE /api/lists/:year/entries/:projectId': {
    send: (c, ids) => c.delete(`/api/lists/2024/entries/${ids.project}`),
    expect: { admin: [204, 204, 404], region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 },
    fresh: true,
  },
  'GET /api/dashboard/:year': { send: (c) => c.get('/api/dashboard/2024?month=5'), expect: anyRole(200) },
  'GET /api/dashboard/:year/curve': { send: (c) => c.get('/api/dashboard/2024/curve?month=5'), expect: anyRole(200) },
  'GET /api/dashboard/:year/projects': { send: (c) => c.get('/api/dashboard/2024/projects?month=5'), expect: anyRole(200) },
  'GET /api/ratings/:year/:month': { send: (c) => c.get('/api/ratings/2024/5'), expect: anyRole(200) },
  'PUT /api/ratings/:year/:month/:scope/:key': {
    send: (c) => c.put('/api/ratings/2024/5/region/371502').send({ rating: 'blue', reason: '市领导调度确认' }),
    expect: { admin: 200, region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 },
  },
  'DELETE /api/ratings/:year/:month/:scope/:key': {
    send: (c) => c.delete('/api/ratings/2024/5/region/371502'),
    expect: { admin: 204, region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 },
  },
  'GET /api/bulletins': { send: (c) => c.get('/api/bulletins'), expect: anyRole(200) },
  'POST /api/bulletins/:year/:month': { send: (c) => c.post(`/api/bulletins/2024/${++month}`), expect: adminOnly(201) },
  'GET /api/bulletins/:year/:month': { send: (c) => c.get('/api/bulletins/2024/1'), expect: anyRole(200) },
  'GET /api/bulletins/:year/:month/draft': { send: (c) => c.get('/api/bulletins/2024/5/draft'), expect: anyRole(200) },
  'GET /api/bulletins/:year/:month/commentary': { send: (c) => c.get('/api/bulletins/2024/5/commentary'), expect: anyRole(200) },
  'PUT /api/bulletins/:year/:month/commentary': {
    send: (c) => c.put('/api/bulletins/2024/12/commentary').send({ overview: '总体情况（授权矩阵）', problems: ['存在问题'], nextSteps: [], praise: [] }),
    expect: adminOnly(200),
  },
  'POST /api/imports/ledger': { send: (c) => c.post('/api/imports/ledger').attach('file', LEDGER_FILE, 'ledger.xlsx'), expect: adminOnly(200) },
  'POST /api/imports/reports/:month': {
    send: (c) => c.post('/api/imports/reports/2024-05').attach('file', REPORT_FILE, 'reports.xlsx'),
    expect: { admin: 200, region: 200, chain: 403, auditor: 403, department: 403, anonymous: 401 },
  },
  'GET /api/imports/jobs/:id': {
    send: (c, ids) => c.get(`/api/imports/jobs/${ids.jobId}`),
    expect: { admin: 200, region: 404, chain: 404, auditor: 404, department: 403, anonymous: 401 },
  },
  'GET /api/exports/ledger.xlsx': { send: (c) => c.get('/api/exports/ledger.xlsx?year=2024'), expect: anyRole(200) },
  'GET /api/exports/bulletins/:year/:month.xlsx': { send: (c) => c.get('/api/exports/bulletins/2024/1.xlsx'), expect: anyRole(200) },
  'GET /api/exports/bulletins/:year/:month.docx': { send: (c) => c.get('/api/exports/bulletins/2024/1.docx'), expect: anyRole(200) },
  'GET /api/periods/default': { send: (c) => c.get('/api/periods/default'), expect: everyone(200) },
  // For a service manager or a balancer: no sign-in (the display token's own routes: display-tokens.e2e-spec.ts).
  'GET /api/health': { send: (c) => c.get('/api/health'), expect: { admin: 200, region: 200, chain: 200, auditor: 200, department: 200, anonymous: 200 } },
  'GET /api/ready': { send: (c) => c.get('/api/ready'), expect: { admin: 200, region: 200, chain: 200, auditor: 200, department: 200, anonymous: 200 } },
  'POST /api/display-tokens': { send: (c) => c.post('/api/display-tokens').send({ name: '矩阵大屏' }), expect: adminOnly(201) },
  'GET /api/display-tokens': { send: (c) => c.get('/api/display-tokens'), expect: adminOnly(200) },
  // Each caller tries to make a token of its own to revoke (only the admin can; the others then try token 1).
  'DELETE /api/display-tokens/:id': {
    send: async (c) => c.delete(`/api/display-tokens/${(await c.post('/api/display-tokens').send({ name: '待撤销' })).body.id ?? 1}`),
    expect: adminOnly(204),
  },
  'GET /api/workbench/context': { send: (c) => c.get('/api/workbench/context'), expect: everyone(200) },
  // Notifications: each user's own inbox (a missing item is 404 to everyone signed in); the rest is the city office's.
  'GET /api/notifications/inbox': { send: (c) => c.get('/api/notifications/inbox'), expect: everyone(200) },
  'POST /api/notifications/inbox/:id/read': { send: (c) => c.post('/api/notifications/inbox/999999/read'), expect: everyone(404) },
  'GET /api/notifications/health': { send: (c) => c.get('/api/notifications/health'), expect: anyRole(200) },
  'GET /api/notifications/channels': { send: (c) => c.get('/api/notifications/channels'), expect: adminOnly(200) },
  'POST /api/notifications/channels': {
    send: (c) => c.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'https://qyapi.example.test/webhook?key=matrix' }),
    expect: adminOnly(201),
  },
  'DELETE /api/notifications/channels/:id': {
    send: async (c) =>
      c.delete(`/api/notifications/channels/${(await c.post('/api/notifications/channels').send({ unit: { kind: 'city' }, type: 'wecom', url: 'https://qyapi.example.test/webhook?key=gone' })).body.id ?? 1}`),
    expect: adminOnly(204),
  },
  'POST /api/notifications/channels/:id/test': { send: (c) => c.post('/api/notifications/channels/999999/test'), expect: adminOnly(404) },
  'GET /api/notifications/settings': { send: (c) => c.get('/api/notifications/settings'), expect: adminOnly(200) },
  'PUT /api/notifications/settings': { send: (c) => c.put('/api/notifications/settings').send(noticeSettings as object), expect: adminOnly(200) },
  'POST /api/notifications/run': { send: (c) => c.post('/api/notifications/run'), expect: adminOnly(200) },
  'GET /api/notifications/deliveries': { send: (c) => c.get('/api/notifications/deliveries'), expect: adminOnly(200) },
  'GET /api/workbench/projects': { send: (c) => c.get('/api/workbench/projects?month=2024-05'), expect: anyRole(200) },
  'GET /api/workbench/reports/:month': { send: (c) => c.get('/api/workbench/reports/2024-05'), expect: anyRole(200) },
  'POST /api/leads': {
    send: (c) => c.post('/api/leads').send(leadBody({ chain: 'green-chemical', region: '371502' })),
    expect: { admin: 201, region: 201, chain: 201, auditor: 403, department: 403, anonymous: 401 },
  },
  'GET /api/leads': { send: (c) => c.get('/api/leads'), expect: anyRole(200) },
  'GET /api/leads/:id': { send: (c, ids) => c.get(`/api/leads/${ids.lead}`), expect: projectRead() },
  'POST /api/leads/:id/events': { send: (c, ids) => c.post(`/api/leads/${ids.lead}/events`).send({ type: 'TERMINATE', reason: '投资方放弃' }), expect: leadWrite(200), fresh: true },
  'PUT /api/leads/:id/funds/:month': { send: (c, ids) => c.put(`/api/leads/${ids.lead}/funds/2024-05`).send({ amount: 300 }), expect: leadWrite(201), fresh: true },
  'GET /api/leads/:id/funds/:month/revisions': { send: (c, ids) => c.get(`/api/leads/${ids.lead}/funds/2024-04/revisions`), expect: projectRead() },
  // Every chain's figures for every reader; its leads only those the caller may open (GET /api/leads/:id).
  'GET /api/chains/:code/page/:year': {
    send: (c, ids) => c.get(`/api/chains/${ids.chain}/page/2024?month=5`),
    expect: { admin: [200, 200, 404], region: [200, 200, 404], chain: [200, 200, 404], auditor: [200, 200, 404], department: 403, anonymous: 401 },
    rows: (body: { leads: { region: string | null; chain: string | null }[] }) => body.leads,
  },
  'PUT /api/chains/:code/indicators/:year/:quarter': { send: (c, ids) => c.put(`/api/chains/${ids.chain}/indicators/2024/1`).send({ newAboveScale: 2 }), expect: chainFiling },
  'PUT /api/chains/:code/notes/:year': { send: (c, ids) => c.put(`/api/chains/${ids.chain}/notes/2024`).send({ status: 'inProgress', note: '推进中' }), expect: chainFiling },
  'GET /api/audit/verify': { send: (c) => c.get('/api/audit/verify'), expect: auditors(200) },
  'GET /api/audit/checkpoint': { send: (c) => c.get('/api/audit/checkpoint'), expect: auditors(200) },
  'GET /api/audit/events': { send: (c) => c.get('/api/audit/events'), expect: auditors(200) },
  'GET /api/audit/anomalies': { send: (c) => c.get('/api/audit/anomalies?year=2024'), expect: auditors(200) },
  'GET /api/audit/security': { send: (c) => c.get('/api/audit/security'), expect: auditors(200) },
  'GET /api/audit/exports/security.csv': { send: (c) => c.get('/api/audit/exports/security.csv'), expect: auditors(200) },
  'GET /api/audit/exports/history.csv': { send: (c) => c.get('/api/audit/exports/history.csv'), expect: auditors(200) },
  'GET /api/audit/exports/history.xlsx': { send: (c) => c.get('/api/audit/exports/history.xlsx'), expect: auditors(200) },
  'GET /api/audit/exports/anomalies.csv': { send: (c) => c.get('/api/audit/exports/anomalies.csv?year=2024'), expect: auditors(200) },
  'GET /api/audit/exports/anomalies.xlsx': { send: (c) => c.get('/api/audit/exports/anomalies.xlsx?year=2024'), expect: auditors(200) },
  // 要素保障 (docs/domain/requests.md "Who does what").
  'GET /api/departments': { send: (c) => c.get('/api/departments'), expect: everyone(200) },
  'PUT /api/departments/:code': {
    send: (c) => c.put('/api/departments/natural-resources').send({ name: '市自然资源和规划局', kinds: ['land'] }),
    expect: adminOnly(200),
  },
  'GET /api/request-settings': { send: (c) => c.get('/api/request-settings'), expect: everyone(200) },
  'PUT /api/request-settings': { send: (c) => c.put('/api/request-settings').send({ acceptWorkingDays: 5 }), expect: adminOnly(200) },
  'POST /api/projects/:id/requests': {
    send: (c, ids) => c.post(`/api/projects/${ids.project}/requests`).send({ kind: 'land', quantity: '10.5', description: '授权矩阵用地需求' }),
    expect: projectWrite(201),
  },
  'PUT /api/projects/:id/approvals/:key': {
    send: (c, ids) => c.put(`/api/projects/${ids.project}/approvals/land`).send({ status: 'done', date: ALL_APPROVALS.land }),
    expect: projectWrite(200),
  },
  'GET /api/requests': { send: (c) => c.get('/api/requests'), expect: everyone(200) },
  'GET /api/requests/lists/:month': { send: (c) => c.get('/api/requests/lists/2024-06'), expect: everyone(200) },
  'GET /api/requests/:id': { send: async (c, ids) => c.get(`/api/requests/${await ids.request()}`), expect: requestRead },
  'POST /api/requests/:id/events': {
    send: async (c, ids) => c.post(`/api/requests/${await ids.request()}/events`).send({ type: 'ACCEPT', category: 'simple', promisedDate: '2024-07-31' }),
    // A county or a chain team may see a request on its project but not accept it (403); a department accepts its own.
    expect: { admin: [200, 200, 404], region: [403, 404, 404], chain: [403, 404, 404], auditor: 403, department: [200, 404, 404], anonymous: 401 },
    fresh: true,
  },
  // A problem about a chain: any chain for the city office and a county (its own county's), the own chain for a chain team.
  'POST /api/requests': {
    send: (c, ids) => c.post('/api/requests').send({ channel: 'patrol', chain: ids.chain, kind: 'other', description: '授权矩阵全链问题' }),
    expect: { admin: [201, 201, 422], region: [201, 201, 422], chain: [201, 403, 403], auditor: 403, department: 403, anonymous: 401 },
  },
  'GET /api/requests/totals/:month': { send: (c) => c.get('/api/requests/totals/2024-06'), expect: everyone(200) },
  // 到位 of a 资金 request by its department or the city office: a 用地 request answers 422 once seen.
  'PUT /api/requests/:id/disbursements/:month': {
    send: async (c, ids) => c.put(`/api/requests/${await ids.request()}/disbursements/2024-06`).send({ amount: 1 }),
    expect: { admin: [422, 422, 404], region: 403, chain: 403, auditor: 403, department: [422, 404, 404], anonymous: 401 },
  },
  'GET /api/requests/groups': { send: (c) => c.get('/api/requests/groups'), expect: everyone(200) },
  'POST /api/requests/groups/:id/confirm': {
    send: async (c, ids) => c.post(`/api/requests/groups/${await ids.group(false)}/confirm`),
    expect: { admin: [200, 200, 404], region: 403, chain: 403, auditor: 403, department: 403, anonymous: 401 },
  },
  'POST /api/requests/groups/:id/events': {
    send: async (c, ids) => c.post(`/api/requests/groups/${await ids.group(true)}/events`).send({ type: 'RESOLVE', note: '统一答复' }),
    expect: { admin: [200, 200, 404], region: 403, chain: 403, auditor: 403, department: [200, 404, 404], anonymous: 401 },
  },
  'GET /api/requests/agenda/:month.docx': { send: (c) => c.get('/api/requests/agenda/2024-06.docx'), expect: auditors(200) },
  'GET /api/exports/requests/:month.xlsx': { send: (c) => c.get('/api/exports/requests/2024-06.xlsx'), expect: everyone(200) },
  // Who answers for what (docs/domain/responsibility.md "Who does what").
  'GET /api/people': { send: (c) => c.get('/api/people'), expect: everyone(200) },
  'POST /api/people': { send: (c) => c.post('/api/people').send({ name: '（示例）矩阵人员', title: '职务', organisation: '单位' }), expect: adminOnly(201) },
  'PATCH /api/people/:id': { send: (c, ids) => c.patch(`/api/people/${ids.personId}`).send({ phone: '0635-1234567' }), expect: adminOnly(200) },
  'GET /api/chains/:code/responsibility/:year': {
    send: (c, ids) => c.get(`/api/chains/${ids.chain}/responsibility/2024`),
    expect: { admin: [200, 200, 404], region: [200, 200, 404], chain: [200, 200, 404], auditor: [200, 200, 404], department: 403, anonymous: 401 },
  },
  'PUT /api/chains/:code/responsibility/:year': { send: (c, ids) => c.put(`/api/chains/${ids.chain}/responsibility/2024`).send({ measures: ['矩阵测试措施'] }), expect: chainFiling },
  'PUT /api/projects/:id/responsibility': { send: (c, ids) => c.put(`/api/projects/${ids.project}/responsibility`).send({ contact: { name: '（示例）联系人' } }), expect: projectWrite(201), fresh: true },
  'GET /api/chains/:code/activities': {
    send: (c, ids) => c.get(`/api/chains/${ids.chain}/activities`),
    expect: { admin: [200, 200, 404], region: [200, 200, 404], chain: [200, 200, 404], auditor: [200, 200, 404], department: 403, anonymous: 401 },
  },
  'POST /api/chains/:code/activities': {
    send: (c, ids) => c.post(`/api/chains/${ids.chain}/activities`).send({ kind: 'patrol', date: '2024-06-01', enterprises: [], projectIds: [], findings: '矩阵测试巡链' }),
    expect: { admin: [201, 201, 404], region: 403, chain: [201, 403, 404], auditor: 403, department: 403, anonymous: 401 },
  },
  // Everyone signed in has a home; it is empty for a user linked to no person.
  'GET /api/me/home': { send: (c) => c.get('/api/me/home'), expect: everyone(200) },
};

describe('authorization matrix: every route × every role × own / other / missing object', () => {
  let t: TestApp;
  const clients = {} as Record<Role, Client>;
  const PASSWORDS: Record<Exclude<Role, 'anonymous'>, [string, string]> = {
    admin: ['admin', TEST_ADMIN_PASSWORD],
    region: ['region-m', 'region-password-1'],
    chain: ['chain-m', 'chain-password-1'],
    auditor: ['auditor-m', 'auditor-password-1'],
    department: ['department-m', 'department-password-1'],
    leader: ['leader-m', 'leader-password-1'],
  };
  const again = async (role: Role): Promise<Client> => (role === 'anonymous' ? request(t.http) : t.clientWith(await t.login(...PASSWORDS[role])));
  let shared: { own: number; other: number; ownLead: number; otherLead: number };
  let userId: number;
  let personId: number;
  let jobId: string;

  /** A started, listed project with a report, in the region/chain of the scoped users (own) or elsewhere (other). */
  const makeProject = async (own: boolean): Promise<number> => {
    const body = projectBody(own ? { region: '371502', chain: 'green-chemical', approvals: ALL_APPROVALS } : { region: '371581', chain: 'bearings' });
    const id = (await t.client.post('/api/projects').send(body)).body.id;
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'PROMOTE' });
    await t.client.post(`/api/projects/${id}/events`).send({ type: 'START', date: '2024-03-01' });
    await t.client.put(`/api/projects/${id}/reports/2024-04`).send({ amount: 1000 });
    await t.client.put(`/api/lists/2024/entries/${id}`).send({ category: 'implementation', plannedInvestment: 6000 });
    return id;
  };

  /** A signed lead with April's 到位资金, in the scoped users' county and chain (own) or elsewhere (other). */
  const makeLead = async (own: boolean): Promise<number> => {
    const id = (await t.client.post('/api/leads').send(leadBody(own ? { region: '371502', chain: 'green-chemical' } : { region: '371581', chain: 'bearings' }))).body.id;
    await t.client.post(`/api/leads/${id}/events`).send(SIGN);
    await t.client.put(`/api/leads/${id}/funds/2024-04`).send({ amount: 100 });
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    noticeSettings = (await t.client.get('/api/notifications/settings')).body;
    personId = (await t.client.post('/api/people').send({ name: '（示例）矩阵领导', title: '副市长', organisation: '聊城市人民政府' })).body.id;
    const users: Record<string, unknown>[] = [
      { username: 'region-m', password: 'region-password-1', role: 'region', region: '371502' },
      { username: 'chain-m', password: 'chain-password-1', role: 'chain', chain: 'green-chemical' },
      { username: 'auditor-m', password: 'auditor-password-1', role: 'auditor' },
      { username: 'department-m', password: 'department-password-1', role: 'department', department: 'natural-resources' },
      { username: 'leader-m', password: 'leader-password-1', role: 'leader', personId },
    ];
    for (const user of users) {
      const res = await t.client.post('/api/users').send(user);
      expect(res.status).toBe(201);
      if (user.role === 'region') userId = res.body.id;
    }
    clients.admin = t.client;
    clients.region = t.clientWith(await t.login('region-m', 'region-password-1'));
    clients.chain = t.clientWith(await t.login('chain-m', 'chain-password-1'));
    clients.auditor = t.clientWith(await t.login('auditor-m', 'auditor-password-1'));
    clients.department = t.clientWith(await t.login('department-m', 'department-password-1'));
    clients.leader = t.clientWith(await t.login('leader-m', 'leader-password-1'));
    clients.anonymous = request(t.http);
    shared = { own: await makeProject(true), other: await makeProject(false), ownLead: await makeLead(true), otherLead: await makeLead(false) };
    // The department user's department handles a need on the own project: it may read that project.
    expect((await t.client.post(`/api/projects/${shared.own}/requests`).send({ kind: 'land', quantity: 1, description: '用地' })).status).toBe(201);
    expect((await t.client.post(`/api/projects/${shared.other}/requests`).send({ kind: 'energy', quantity: 1, description: '能耗' })).status).toBe(201);
    // Next year's plan (for the rollover), and empty plans that can be published.
    expect((await t.client.post('/api/targets/2025').send({ copyFrom: 2024 })).status).toBe(201);
    for (let year = 2041; year <= 2045; year++)
      expect((await t.client.post(`/api/targets/${year}`).send({ copyFrom: 2024, implementationListSize: 0, preparationListSize: 0 })).status).toBe(201);
    await t.client.put('/api/ratings/2024/5/region/371502').send({ rating: 'red', reason: '初始' });
    const job = await t.client.post('/api/imports/ledger?async=true').attach('file', LEDGER_FILE, 'ledger.xlsx');
    expect(job.status).toBe(202);
    jobId = job.body.jobId;
  });
  afterAll(async () => t.close());

  it('has an entry for every route the app serves, and no entry for a route it does not', () => {
    const served = servedRoutes(t.app);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !(route in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const [route, row] of Object.entries(TABLE)) {
    it(route, async () => {
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const role of ROLES) {
        const want = role === 'leader' ? (row.expect.leader ?? row.expect.auditor) : row.expect[role];
        const targets: (Target | null)[] = Array.isArray(want) ? TARGETS : [null];
        for (const [index, target] of targets.entries()) {
          let project = shared.own;
          let lead = shared.ownLead;
          if (target === 'other') [project, lead] = [shared.other, shared.otherLead];
          if (target === 'missing') [project, lead] = [999_999, 999_999];
          if (row.fresh && target !== 'missing') [project, lead] = [await makeProject(target !== 'other'), await makeLead(target !== 'other')];
          const chain = target === 'other' ? 'bearings' : target === 'missing' ? 'no-such-chain' : 'green-chemical';
          const request = async () => {
            if (target === 'missing') return 999_999;
            const raised = await t.client.post(`/api/projects/${project}/requests`).send(target === 'other' ? { kind: 'energy', quantity: 5, description: '能耗需求' } : { kind: 'land', quantity: 5, description: '用地需求' });
            expect(raised.status).toBe(201);
            return raised.body.id as number;
          };
          const group = async (confirmed: boolean) => {
            if (target === 'missing') return 999_999;
            const tag = `授权矩阵-${++groups}`;
            let raised: { group: { id: number } | null } = { group: null };
            for (const name of ['甲', '乙', '丙'])
              raised = (await t.client.post('/api/requests').send({ channel: 'appeal', enterprise: { name: `${tag}${name}` }, region: '371502', kind: target === 'other' ? 'energy' : 'land', quantity: 1, policyTag: tag, description: '共性问题' })).body;
            if (confirmed) expect((await t.client.post(`/api/requests/groups/${raised.group!.id}/confirm`)).status).toBe(200);
            return raised.group!.id;
          };
          const throwawayUser = async () => {
            const created = await t.client.post('/api/users').send({ username: `tmp-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, password: 'throwaway-password-1', role: 'auditor' });
            expect(created.status).toBe(201);
            return created.body.id as number;
          };
          const res = await row.send(clients[role], { project, lead, chain, userId, throwawayUser, personId, jobId, again: () => again(role), request, group });
          const own = OWN_SCOPE[role];
          const leaks = row.rows && own && res.status === 200 ? row.rows(res.body as never).filter((r) => !own(r)).length : 0;
          outcome.push(`${role}/${target ?? '-'}: ${res.status}${leaks ? ` with ${leaks} rows outside its scope` : ''}`);
          expected.push(`${role}/${target ?? '-'}: ${Array.isArray(want) ? want[index] : want}`);
          expect(res.status).not.toBe(500);
        }
      }
      expect(outcome).toEqual(expected);
    });
  }

  it('never lists a row outside the caller\'s scope', async () => {
    const projects = await clients.region.get('/api/projects?pageSize=500');
    expect(projects.body.total).toBeGreaterThan(0);
    expect(projects.body.items.every((p: { region: string }) => p.region === '371502')).toBe(true);
    const chainProjects = await clients.chain.get('/api/projects?pageSize=500');
    expect(chainProjects.body.items.every((p: { chain: string }) => p.chain === 'green-chemical')).toBe(true);
    const list = await clients.region.get('/api/lists/2024');
    const regionIds = new Set(projects.body.items.map((p: { id: number }) => p.id));
    expect(list.body.every((e: { projectId: number }) => regionIds.has(e.projectId))).toBe(true);
    const asking = await clients.region.get('/api/projects?region=371581');
    expect(asking.body.total).toBe(0);
    const drill = await clients.region.get('/api/dashboard/2024/projects?month=5&region=371581');
    expect(drill.body.total).toBe(0);
    const ownDrill = await clients.region.get('/api/dashboard/2024/projects?month=5');
    expect(ownDrill.body.items.every((p: { region: string }) => p.region === '371502')).toBe(true);
    const leads = await clients.chain.get('/api/leads?pageSize=500');
    expect(leads.body.total).toBeGreaterThan(0);
    expect(leads.body.items.every((l: { chain: string }) => l.chain === 'green-chemical')).toBe(true);
    expect((await clients.region.get('/api/leads?pageSize=500')).body.items.every((l: { region: string }) => l.region === '371502')).toBe(true);
    const missing = await clients.chain.get('/api/reports/missing?month=2024-05');
    expect(missing.body.regions.every((r: { code: string }) => r.code === '371502')).toBe(true);
  });

  it('the rollover shows the city office and auditors every county, and a chain page lists exactly the leads its reader may open', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const entries = (await clients[role].get('/api/targets/2024/rollover')).body.entries as { projectId: number }[];
      expect(entries.map((e) => e.projectId)).toEqual(expect.arrayContaining([shared.own, shared.other]));
    }
    expect(((await clients.region.get('/api/targets/2024/rollover')).body.entries as { projectId: number }[]).map((e) => e.projectId)).toContain(shared.own);
    for (const role of ['admin', 'region', 'chain', 'auditor'] as const)
      for (const chain of ['green-chemical', 'bearings']) {
        const page = await clients[role].get(`/api/chains/${chain}/page/2024?month=5`);
        expect(page.status).toBe(200);
        const listed = (page.body.leads as { id: number }[]).map((l) => l.id).sort();
        const openable = ((await clients[role].get(`/api/leads?chain=${chain}&pageSize=500`)).body.items as { id: number }[]).map((l) => l.id).sort();
        expect([role, chain, listed]).toEqual([role, chain, openable]);
        for (const id of listed) expect([role, id, (await clients[role].get(`/api/leads/${id}`)).status]).toEqual([role, id, 200]);
      }
    // The chain page of another chain still shows its figures to a county or chain team, without its leads.
    const other = await clients.chain.get('/api/chains/bearings/page/2024?month=5');
    expect([other.body.chain.code, other.body.leads]).toEqual(['bearings', []]);
    expect(other.body.attraction.signed).toBeDefined();
  });

  it('takes scope from the signed-in user, not from the request', async () => {
    const res = await clients.region.post('/api/projects').send(projectBody({ region: '371581' }));
    expect(res.status).toBe(403);
    const created = await clients.region.post('/api/projects').send(projectBody({ region: undefined }));
    expect(created.body.region).toBe('371502');
    const moved = await clients.region.patch(`/api/projects/${created.body.id}`).send({ version: created.body.version, region: '371581' });
    expect(moved.status).toBe(403);
  });
});
