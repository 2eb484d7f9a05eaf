import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { OpenApiValidator, undeclaredFolder, useOpenApiDocument, type Answer, type OpenApiDocument } from './support/openapi-validator.js';

/** This file's name as the runner knows it (the suite runs the built spec, openapi-validator.spec.js). */
const SPEC = basename(fileURLToPath(import.meta.url));

/**
 * The response validator (test/support/openapi-validator.ts) on a hand-made document: each
 * planted mismatch is refused with a message naming what and where, the correct answer passes.
 * Then the same through supertest against a small server, as every e2e spec uses it.
 */
const DOCUMENT: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/things/{id}': {
      get: {
        operationId: 'things.get',
        responses: {
          '200': { description: 'a thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          '404': { description: 'no such thing', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
      delete: { operationId: 'things.remove', responses: { '204': { description: 'gone' } } },
    },
    '/api/things/export': {
      get: { operationId: 'things.export', responses: { '200': { description: 'a file', content: { 'application/json': { schema: { type: 'object', properties: { rows: { type: 'integer' } }, required: ['rows'] } } } } } },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'name', 'owner', 'stage'],
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          owner: { type: 'string', nullable: true },
          stage: { type: 'string', enum: ['储备', '实施'] },
          parent: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/Ref' }] }, // as swagger writes a nullable nested class
          startedOn: { type: 'string', format: 'date' },
        },
      },
      Ref: { type: 'object', required: ['id'], properties: { id: { type: 'integer' } } },
      Problem: { type: 'object', required: ['statusCode', 'message'], properties: { statusCode: { type: 'integer' }, message: { type: 'string' } } },
    },
  },
};

const GOOD = { id: 7, name: '新材料项目', owner: null, stage: '实施', parent: { id: 3 }, startedOn: '2024-03-01' };
const answer = (body: unknown, over: Partial<Answer> = {}): Answer => ({ method: 'GET', path: '/api/things/7', status: 200, contentType: 'application/json; charset=utf-8', body, ...over });

describe('OpenApiValidator', () => {
  const validator = new OpenApiValidator(DOCUMENT);

  it('passes an answer that matches its schema (null where nullable, a nested object, a date)', () => {
    expect(validator.check(answer(GOOD))).toEqual({ kind: 'ok' });
    expect(validator.check(answer({ ...GOOD, parent: null, owner: '聊城某公司' }))).toEqual({ kind: 'ok' });
  });

  it('refuses a wrong type, naming method, path, status, the schema path and the value', () => {
    const verdict = validator.check(answer({ ...GOOD, id: '7' }));
    expect(verdict.kind).toBe('mismatch');
    const message = (verdict as { message: string }).message;
    expect(message).toContain('GET /api/things/7 → 200');
    expect(message).toContain('/api/things/{id}');
    expect(message).toContain('at /id: must be integer');
    expect(message).toContain('#/properties/id/type');
    expect(message).toContain('value "7"');
  });

  it('refuses a missing required field', () => {
    const { name: _name, ...withoutName } = GOOD;
    const verdict = validator.check(answer(withoutName));
    expect(verdict.kind).toBe('mismatch');
    expect((verdict as { message: string }).message).toContain('field "name"');
  });

  it('refuses null in a field that is not nullable, and a value outside the enum', () => {
    const nullName = validator.check(answer({ ...GOOD, name: null }));
    expect(nullName.kind).toBe('mismatch');
    expect((nullName as { message: string }).message).toContain('at /name: must be string');
    expect((nullName as { message: string }).message).toContain('value null');
    expect(validator.check(answer({ ...GOOD, stage: 'started' })).kind).toBe('mismatch');
    expect(validator.check(answer({ ...GOOD, parent: { id: 'x' } })).kind).toBe('mismatch');
    expect(validator.check(answer({ ...GOOD, startedOn: '2024/03/01' })).kind).toBe('mismatch');
  });

  it('refuses a field the document does not describe', () => {
    const verdict = validator.check(answer({ ...GOOD, secret: 'x' }));
    expect(verdict.kind).toBe('mismatch');
    expect((verdict as { message: string }).message).toContain('"secret" (a field the document does not describe)');
  });

  it('checks an error answer against its declared schema too', () => {
    expect(validator.check(answer({ statusCode: 404, message: '未找到' }, { status: 404 }))).toEqual({ kind: 'ok' });
    expect(validator.check(answer({ statusCode: '404' }, { status: 404 })).kind).toBe('mismatch');
  });

  it('reports an undeclared status as undeclared, and a literal path before a parameter', () => {
    expect(validator.check(answer({ statusCode: 409, message: 'x' }, { status: 409 }))).toMatchObject({ kind: 'undeclared', key: 'GET /api/things/{id} 409', operationId: 'things.get' });
    expect(validator.check(answer({}, { method: 'DELETE', status: 200 }))).toMatchObject({ kind: 'undeclared', key: 'DELETE /api/things/{id} 200' });
    expect(validator.check(answer({ rows: 3 }, { path: '/api/things/export?year=2024' }))).toEqual({ kind: 'ok' });
    expect(validator.check(answer({ rows: 'x' }, { path: '/api/things/export' })).kind).toBe('mismatch');
  });

  it('leaves answers that are not JSON alone, and tells a path no operation has', () => {
    expect(validator.check(answer('<html>', { contentType: 'text/html' }))).toEqual({ kind: 'ok' });
    expect(validator.check(answer({}, { path: '/api/nothing/here', status: 404 }))).toEqual({ kind: 'unmatched', key: 'GET /api/nothing/here 404' });
  });
});

describe('the validator wired into supertest (as every e2e spec uses it)', () => {
  let server: http.Server;
  let runFolder: string | undefined;
  const answers: Record<string, { status: number; body: unknown }> = {
    '/api/things/1': { status: 200, body: GOOD },
    '/api/things/2': { status: 200, body: { ...GOOD, owner: 5 } },
    '/api/things/3': { status: 409, body: { statusCode: 409, message: 'conflict' } },
  };

  beforeAll(async () => {
    // This spec's planted answers are recorded in a folder of its own, not in the run's record
    // (put back after: the spec files that run next in this process record in the run's).
    runFolder = process.env.OPENAPI_UNDECLARED_DIR;
    process.env.OPENAPI_UNDECLARED_DIR = mkdtempSync(join(tmpdir(), 'openapi-undeclared-'));
    server = http.createServer((req, res) => {
      const path = req.url ?? '';
      const found = path === '/api/docs-json' ? { status: 200, body: DOCUMENT } : answers[path];
      res.writeHead(found?.status ?? 404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(found?.body ?? { statusCode: 404, message: 'none' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await useOpenApiDocument(server);
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(process.env.OPENAPI_UNDECLARED_DIR!, { recursive: true, force: true });
    if (runFolder === undefined) delete process.env.OPENAPI_UNDECLARED_DIR;
    else process.env.OPENAPI_UNDECLARED_DIR = runFolder;
  });

  it('a matching answer passes; a mismatch fails the request with the message', async () => {
    await request(server).get('/api/things/1').expect(200);
    await expect(request(server).get('/api/things/2')).rejects.toThrow(/GET \/api\/things\/2 → 200[\s\S]*at \/owner: must be string,null[\s\S]*value 5/);
  });

  it("the spec's own expectation speaks first", async () => {
    await expect(request(server).get('/api/things/2').expect(201)).rejects.toThrow(/expected 201 "Created", got 200 "OK"/);
  });

  it('an undeclared answer fails (strict is the default); with OPENAPI_STRICT=0 it is recorded and passes', async () => {
    const strictBefore = process.env.OPENAPI_STRICT; // put back after: later spec files in this process read it
    try {
      delete process.env.OPENAPI_STRICT;
      await expect(request(server).get('/api/things/3')).rejects.toThrow(/declares no answer 409[\s\S]*declare the answer/);
      process.env.OPENAPI_STRICT = '0';
      await request(server).get('/api/things/3').expect(409);
    } finally {
      if (strictBefore === undefined) delete process.env.OPENAPI_STRICT;
      else process.env.OPENAPI_STRICT = strictBefore;
    }
    const files = readdirSync(undeclaredFolder()).filter((file) => file.includes(SPEC));
    expect(files.length).toBe(1);
    const recorded = JSON.parse(readFileSync(join(undeclaredFolder(), files[0]!), 'utf8'));
    expect(recorded.undeclared).toContainEqual({ key: 'GET /api/things/{id} 409', operationId: 'things.get', count: 2, specs: [SPEC] });
    expect(existsSync(undeclaredFolder())).toBe(true);
  });
});
