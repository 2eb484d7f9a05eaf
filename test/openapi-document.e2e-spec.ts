import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The OpenAPI document as a whole (src/operations/openapi-document.ts, docs/api.md "The OpenAPI
 * document"): security, error answers, tags and operationIds, each checked on operations whose
 * answers are known by hand from the code (the guard, the limits, the versioned writes).
 */
type Operation = { operationId: string; tags: string[]; security: Record<string, string[]>[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; tags: { name: string }[]; servers: { url: string }[]; info: { license?: { name: string }; contact?: { name: string } }; components: { securitySchemes: Record<string, { type: string; in?: string; name?: string; scheme?: string }> } };

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  const op = (method: string, path: string) => {
    const found = doc.paths[path]?.[method];
    if (!found) throw new Error(`no operation ${method} ${path}`);
    return found;
  };
  const statuses = (method: string, path: string) => Object.keys(op(method, path).responses).sort();

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await request(t.http).get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('says how callers sign in: bearer, the session cookie with its CSRF header, the display token', () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'tracker_session' });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    expect(doc.components.securitySchemes.displayToken).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('applies it per operation: sign-in and health open, writes need CSRF with the cookie, the board also takes a display token', () => {
    expect(op('post', '/api/auth/login').security).toEqual([]);
    expect(op('post', '/api/auth/session').security).toEqual([]);
    expect(op('get', '/api/health').security).toEqual([]);
    expect(op('get', '/api/ready').security).toEqual([]);
    expect(op('patch', '/api/projects/{id}').security).toEqual([{ bearer: [] }, { session: [], csrf: [] }]);
    expect(op('get', '/api/projects').security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(op('get', '/api/projects/{id}').security).toEqual([{ bearer: [] }, { session: [] }, { displayToken: [] }]);
    expect(op('get', '/api/dashboard/{year}').security).toEqual([{ bearer: [] }, { session: [] }, { displayToken: [] }]);
    // Every operation says something: an empty list (open) or the ways it admits.
    for (const [path, item] of Object.entries(doc.paths)) for (const [method, o] of Object.entries(item)) expect([`${method} ${path}`, Array.isArray(o.security)]).toEqual([`${method} ${path}`, true]);
  });

  it('declares the error answers each operation can give, all in the one ApiError shape', () => {
    expect(statuses('post', '/api/auth/login')).toEqual(['200', '400', '401', '413', '415', '422', '429', '500', '503']);
    expect(statuses('get', '/api/health')).toEqual(['200', '500', '503']);
    expect(statuses('patch', '/api/projects/{id}')).toEqual(['200', '400', '401', '403', '404', '409', '412', '413', '415', '422', '500', '503']);
    expect(statuses('get', '/api/regions')).toEqual(['200', '401', '403', '500', '503']);
    // a query may name a record (a bulletin to verify up to, a project's history): 404 as for an id in the path
    expect(statuses('get', '/api/audit/verify')).toContain('404');
    expect(statuses('post', '/api/requests')).toContain('404');
    expect(statuses('post', '/api/auth/password')).toContain('429');
    expect(statuses('get', '/api/dashboard/{year}')).toContain('429'); // a replay as of a past instant is heavy work
    for (const item of Object.values(doc.paths))
      for (const o of Object.values(item))
        for (const [status, answer] of Object.entries(o.responses)) if (Number(status) >= 400) expect(answer.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ApiError' });
  });

  it('tags each operation with its module and gives it a stable, unique operationId', () => {
    expect(op('get', '/api/projects/{id}')).toMatchObject({ operationId: 'projects.findOne', tags: ['projects'] });
    expect(op('post', '/api/auth/login')).toMatchObject({ operationId: 'auth.login', tags: ['auth'] });
    expect(op('get', '/api/health')).toMatchObject({ operationId: 'health.health', tags: ['operations'] });
    const all = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(new Set(all.map((o) => o.operationId)).size).toBe(all.length);
    for (const o of all) expect(o.operationId).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*$/);
    const tagNames = doc.tags.map((tag) => tag.name);
    for (const o of all) expect(tagNames).toContain(o.tags[0]);
  });

  it('names its server, licence and contact', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license?.name).toMatch(/UNLICENSED/);
    expect(doc.info.contact?.name).toBeTruthy();
  });
});
