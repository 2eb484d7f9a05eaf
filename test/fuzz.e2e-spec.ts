import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SIGN, leadBody } from './factories/lead.factory.js';
import { projectBody } from './factories/project.factory.js';
import { databaseState, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Property: a malformed body sent to any write route is refused with a 4xx in the
 * contract's shape (never a 500), and the database is exactly as it was.
 * A body is made malformed by one of: an unknown field, a value of the wrong type for a
 * known field, a body that is not an object, or text that is not JSON.
 */
interface WriteRoute {
  name: string;
  method: 'post' | 'put' | 'patch';
  path: (ids: { project: number; user: number; lead: number }) => string;
  valid: () => Record<string, unknown>;
  /** Known fields and the JSON type each must have. */
  fields: Record<string, 'string' | 'number' | 'boolean' | 'object' | 'array'>;
}

const ROUTES: WriteRoute[] = [
  { name: 'create project', method: 'post', path: () => '/api/projects', valid: () => projectBody(), fields: { code: 'string', name: 'string', totalInvestment: 'number', plannedStartDate: 'string', approvals: 'object', region: 'string' } },
  { name: 'edit project', method: 'patch', path: (i) => `/api/projects/${i.project}`, valid: () => ({ version: 1, name: '新名称' }), fields: { version: 'number', name: 'string', totalInvestment: 'number', approvals: 'object', content: 'string' } },
  { name: 'lifecycle event', method: 'post', path: (i) => `/api/projects/${i.project}/events`, valid: () => ({ type: 'WITHDRAW', reason: '测试' }), fields: { type: 'string', reason: 'string' } },
  { name: 'monthly report', method: 'put', path: (i) => `/api/projects/${i.project}/reports/2024-05`, valid: () => ({ amount: 100, progress: '施工' }), fields: { amount: 'number', progress: 'string', problems: 'string' } },
  { name: 'comment', method: 'post', path: (i) => `/api/projects/${i.project}/comments`, valid: () => ({ text: '评论' }), fields: { text: 'string' } },
  { name: 'list entry', method: 'put', path: (i) => `/api/lists/2024/entries/${i.project}`, valid: () => ({ category: 'implementation', plannedInvestment: 1000 }), fields: { category: 'string', plannedInvestment: 'number', monthlyPlan: 'array' } },
  { name: 'rating override', method: 'put', path: () => '/api/ratings/2024/5/region/371502', valid: () => ({ rating: 'blue', reason: '确认' }), fields: { rating: 'string', reason: 'string' } },
  { name: 'thresholds', method: 'patch', path: () => '/api/targets/2024', valid: () => ({ ratingBluePct: 100, ratingYellowPct: 80 }), fields: { ratingBluePct: 'number', ratingYellowPct: 'number' } },
  { name: 'create user', method: 'post', path: () => '/api/users', valid: () => ({ username: 'fuzzed', password: 'fuzzed-password', role: 'auditor' }), fields: { username: 'string', password: 'string', role: 'string' } },
  { name: 'edit user', method: 'patch', path: (i) => `/api/users/${i.user}`, valid: () => ({ active: true }), fields: { active: 'boolean', role: 'string', password: 'string' } },
  { name: 'create lead', method: 'post', path: () => '/api/leads', valid: () => leadBody(), fields: { name: 'string', investor: 'string', origin: 'string', chain: 'string', region: 'string', intendedInvestment: 'number', contact: 'string' } },
  { name: 'lead event', method: 'post', path: (i) => `/api/leads/${i.lead}/events`, valid: () => ({ type: 'TERMINATE', reason: '测试' }), fields: { type: 'string', reason: 'string', amount: 'number', date: 'string', projectId: 'number', project: 'object' } },
  { name: '到位资金', method: 'put', path: (i) => `/api/leads/${i.lead}/funds/2024-05`, valid: () => ({ amount: 100 }), fields: { amount: 'number', reason: 'string' } },
  { name: 'chain indicators', method: 'put', path: () => '/api/chains/green-chemical/indicators/2024/1', valid: () => ({ newAboveScale: 2, revenueGrowthPct: 6.5 }), fields: { newAboveScale: 'number', revenueGrowthPct: 'number', note: 'string' } },
  { name: 'chain note', method: 'put', path: () => '/api/chains/green-chemical/notes/2024', valid: () => ({ status: 'inProgress' }), fields: { status: 'string', note: 'string' } },
  { name: 'login', method: 'post', path: () => '/api/auth/login', valid: () => ({ username: 'admin', password: 'x' }), fields: { username: 'string', password: 'string' } },
];

const jsonOfOtherType = (type: string) =>
  fc.oneof(
    ...(type !== 'string' ? [fc.string()] : []),
    ...(type !== 'number' ? [fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))] : []),
    ...(type !== 'boolean' ? [fc.boolean()] : []),
    ...(type !== 'object' ? [fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 })] : []),
    ...(type !== 'array' ? [fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })] : []),
  );

type Corruption = { kind: 'json'; body: unknown } | { kind: 'text'; text: string };

function corruptions(route: WriteRoute): fc.Arbitrary<Corruption> {
  const known = new Set(['version', 'reason', 'date', 'plannedStartDate', ...Object.keys(route.fields), ...Object.keys(route.valid())]);
  const unknownField = fc
    .tuple(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !known.has(k) && k !== '__proto__'), fc.jsonValue({ maxDepth: 2 }))
    .map(([key, value]) => ({ kind: 'json' as const, body: { ...route.valid(), [key]: value } }));
  const wrongType = fc
    .constantFrom(...Object.entries(route.fields))
    .chain(([field, type]) => jsonOfOtherType(type).map((value) => ({ kind: 'json' as const, body: { ...route.valid(), [field]: value } })));
  const notAnObject = fc
    .oneof(fc.integer(), fc.string(), fc.boolean(), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }))
    .map((body) => ({ kind: 'json' as const, body }));
  const notJson = fc.string({ minLength: 1, maxLength: 40 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }).map((text) => ({ kind: 'text' as const, text }));
  return fc.oneof(unknownField, wrongType, notAnObject, notJson);
}

describe('property: malformed bodies to every write route never cause a 500 and never change data', () => {
  let t: TestApp;
  let ids: { project: number; user: number; lead: number };
  /**
   * Every table as it stood after the last refused request: the next request's "before". Each run
   * reads the tables once (after), not twice: the state a refused request left is, by the
   * property, the one the next request starts from.
   */
  let state: Record<string, unknown[]> | null = null;
  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-30T04:00:00.000Z' });
    const project = (await t.client.post('/api/projects').send(projectBody())).body.id;
    await t.client.post(`/api/projects/${project}/events`).send({ type: 'PROMOTE' });
    await t.client.post(`/api/projects/${project}/events`).send({ type: 'START', date: '2024-03-01' });
    const user = (await t.client.post('/api/users').send({ username: 'someone', password: 'someone-password', role: 'auditor' })).body.id;
    const lead = (await t.client.post('/api/leads').send(leadBody())).body.id;
    await t.client.post(`/api/leads/${lead}/events`).send(SIGN);
    ids = { project, user, lead };
  });
  afterAll(async () => t.close());

  for (const route of ROUTES) {
    it(route.name, async () => {
      await fc.assert(
        fc.asyncProperty(corruptions(route), async (corruption) => {
          const before = state ?? (await databaseState(t.dataSource));
          const req = t.client[route.method](route.path(ids));
          const res =
            corruption.kind === 'text'
              ? await req.set('Content-Type', 'application/json').send(corruption.text)
              : await req.set('Content-Type', 'application/json').send(JSON.stringify(corruption.body));
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
          expect(res.body).toEqual({ statusCode: res.status, error: expect.any(String), message: expect.any(String), details: expect.any(Array), requestId: expect.any(String) });
          const after = await databaseState(t.dataSource);
          expect(after).toEqual(before);
          state = after;
        }),
        { numRuns: 100, seed: 20241122 },
      );
    });
  }
});
