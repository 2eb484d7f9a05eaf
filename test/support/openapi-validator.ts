import { expect } from '@jest/globals';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import request from 'supertest';

/**
 * The response validator: every JSON answer a test receives through supertest is checked
 * against what the app's OpenAPI document (the one it serves at /api/docs-json) declares for
 * that operation and status (docs/api.md "The OpenAPI document").
 *
 * - `OpenApiValidator`: the checking itself, pure (a document in, a verdict per answer out).
 * - `useOpenApiDocument(http)`: test-app.ts calls it when an app starts; from then on every
 *   supertest request of the spec file (`client`, `clientWith`, `request(http)`, agents) is checked
 *   when its answer arrives, after the spec's own `.expect(…)`s.
 * - A mismatch fails the request (so the test) with method, path, status, schema path and value.
 * - An answer the operation declares no schema for is written to
 *   test-artifacts/openapi-undeclared/ (one file per spec file; global-teardown.ts merges them
 *   into test-artifacts/openapi-undeclared.json) and fails in strict mode (the default).
 */

/**
 * Strict mode (the default): an undeclared JSON answer fails too, as a mismatch does. Every
 * operation declares its answers; `OPENAPI_STRICT=0` turns it off for a local run that only wants
 * the record of what is undeclared.
 */
export function strictMode(): boolean {
  return process.env.OPENAPI_STRICT !== '0';
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: { schemas?: Record<string, Schema> };
}

interface OpenApiOperation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

/** One answer as the client saw it. */
export interface Answer {
  method: string;
  /** The request's path, with or without the query string. */
  path: string;
  status: number;
  contentType: string | undefined;
  body: unknown;
}

export type Verdict =
  /** Not a JSON answer, or a JSON answer matching its declared schema. */
  | { kind: 'ok' }
  /** A JSON answer to a path no operation of the document has (e.g. a 404 for an unknown route). */
  | { kind: 'unmatched'; key: string }
  /** The operation declares no JSON schema for this status. */
  | { kind: 'undeclared'; key: string; operationId: string | null; message: string }
  /** The answer does not match the declared schema. */
  | { kind: 'mismatch'; key: string; message: string };

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const COMPONENTS_ID = 'openapi-components';

/** The JSON media types: application/json and the `+json` ones (application/problem+json …). */
export function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/**
 * OpenAPI 3.0 schema → JSON Schema (draft 7, as ajv reads it):
 * - `nullable: true` becomes a `null` type (or `anyOf [schema, null]` where the schema is made of parts);
 * - `$ref` to `#/components/schemas/X` points into the components, registered once;
 * - an object that lists its `properties` and says nothing about others is closed
 *   (`additionalProperties: false`): a field the server sends and the document does not
 *   describe is drift too. Objects inside `allOf` stay open (closing them would refuse the
 *   other parts' fields).
 */
export function toJsonSchema(schema: unknown, inAllOf = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => toJsonSchema(item));
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/')) out.$ref = `${COMPONENTS_ID}${value}`;
    else if (key === 'properties' || key === 'patternProperties') out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, property]) => [name, toJsonSchema(property)]));
    else if (key === 'allOf') out[key] = (value as unknown[]).map((part) => toJsonSchema(part, true));
    else if (key === 'anyOf' || key === 'oneOf') out[key] = (value as unknown[]).map((part) => toJsonSchema(part));
    else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && typeof value === 'object')) out[key] = toJsonSchema(value);
    else out[key] = value;
  }
  if (out.properties && !('additionalProperties' in out) && !inAllOf && !out.allOf) out.additionalProperties = false;
  if (source.nullable === true) {
    // `{ nullable, allOf: [$ref] }` (how swagger writes a nullable nested class): null, or the parts.
    if (typeof out.type === 'string' && !out.$ref && !out.allOf && !out.anyOf && !out.oneOf) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** A document's path template (`/api/projects/{id}`) as a pattern over a request's path. */
function templatePattern(template: string): RegExp {
  const parts = template.split(/\{[^}/]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}/?$`);
}

interface Route {
  template: string;
  method: string;
  pattern: RegExp;
  /** Literal characters in the template: a literal segment wins over a parameter (`/export` over `/{id}`). */
  literal: number;
  operation: OpenApiOperation;
}

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    // strict off: the document carries OpenAPI's own words (discriminator, xml, deprecated …)
    // and formats ajv does not know (binary); they describe, they do not constrain JSON here.
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
    addFormats(this.ajv);
    const schemas = Object.fromEntries(Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema)]));
    this.ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas } });
    this.routes = [];
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!METHODS.includes(method)) continue;
        this.routes.push({ template, method: method.toUpperCase(), pattern: templatePattern(template), literal: template.replace(/\{[^}]+\}/g, '').length, operation: operation as OpenApiOperation });
      }
    }
    this.routes.sort((a, b) => b.literal - a.literal);
  }

  /** The verdict on one answer. */
  check(answer: Answer): Verdict {
    if (!isJson(answer.contentType)) return { kind: 'ok' };
    const method = answer.method.toUpperCase();
    const path = answer.path.split('?')[0]!;
    const route = this.routes.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    if (!route) return { kind: 'unmatched', key: `${method} ${path} ${answer.status}` };
    const key = `${method} ${route.template} ${answer.status}`;
    const operationId = route.operation.operationId ?? null;
    const responses = route.operation.responses ?? {};
    const declared = responses[String(answer.status)] ?? responses[`${String(answer.status)[0]}XX`] ?? responses.default;
    const media = declared?.content && Object.entries(declared.content).find(([type]) => isJson(type));
    const schema = media?.[1].schema;
    const where = `${method} ${path} → ${answer.status} (operation ${route.template}${operationId ? `, ${operationId}` : ''})`;
    if (!schema) {
      const reason = declared ? 'declares no JSON schema for this status' : `declares no answer ${answer.status}`;
      return { kind: 'undeclared', key, operationId, message: `OpenAPI: ${where}: the operation ${reason}, but the server sent JSON` };
    }
    const validate = this.validatorFor(`${method} ${route.template} ${answer.status}`, schema);
    if (validate(answer.body)) return { kind: 'ok' };
    return { kind: 'mismatch', key, message: `OpenAPI: ${where}: the answer does not match the declared schema:\n${describeErrors(validate.errors ?? [], answer.body)}` };
  }

  private validatorFor(key: string, schema: Schema): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Schema);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}

/** The value at a JSON pointer of ajv's instancePath (`/items/0/name`). */
function valueAt(body: unknown, pointer: string): unknown {
  let value = body as Json;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, Json>)[segment] as Json;
  }
  return value;
}

function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** ajv's errors as lines a reader can act on: where in the answer, what, which schema rule, the value found. */
export function describeErrors(errors: ErrorObject[], body: unknown): string {
  // anyOf (nullable objects) reports each branch; the branch errors say more, the anyOf line repeats them.
  const useful = errors.filter((error) => error.keyword !== 'anyOf' || errors.length === 1);
  return useful
    .slice(0, 8)
    .map((error) => {
      const at = error.instancePath || '(the body)';
      const extra = error.keyword === 'additionalProperties' ? ` "${String((error.params as { additionalProperty?: unknown }).additionalProperty)}" (a field the document does not describe)` : '';
      const missing = error.keyword === 'required' ? ` (field "${String((error.params as { missingProperty?: unknown }).missingProperty)}")` : '';
      return `  at ${at}: ${error.message ?? error.keyword}${extra}${missing}; schema ${error.schemaPath}; value ${shown(valueAt(body, error.instancePath))}`;
    })
    .join('\n');
}

// ---- wiring: supertest, the document of the running app, the record of undeclared answers ----

let active: OpenApiValidator | null = null;

interface Undeclared {
  key: string;
  operationId: string | null;
  count: number;
  specs: string[];
}

const undeclared = new Map<string, Undeclared>();
const unmatched = new Map<string, number>();

/**
 * The state above belongs to one spec file. The runner (jest-light-runner) runs several spec files
 * one after another in one process with this module loaded once, so a file that is not the one the
 * state was kept for starts it afresh: its own document, its own record.
 */
let stateOf: string | undefined;
function ownState(): void {
  const spec = expect.getState().testPath;
  if (spec === stateOf) return;
  stateOf = spec;
  active = null;
  undeclared.clear();
  unmatched.clear();
}

/** The folder of the per-spec-file records: the run's, named by global-setup.ts (global-teardown.ts merges them), or the validator's own spec's. */
export function undeclaredFolder(): string {
  return process.env.OPENAPI_UNDECLARED_DIR ?? join(process.cwd(), 'test-artifacts', 'openapi-undeclared');
}

function currentSpec(): string {
  const path = expect.getState().testPath;
  return path ? basename(path) : 'unknown';
}

function saveRecord(): void {
  const folder = undeclaredFolder();
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${process.pid}-${currentSpec().replace(/[^\w.-]/g, '_')}.json`);
  writeFileSync(file, `${JSON.stringify({ undeclared: [...undeclared.values()], unmatched: Object.fromEntries(unmatched) }, null, 2)}\n`);
}

function record(verdict: Verdict): void {
  ownState();
  if (verdict.kind === 'unmatched') {
    unmatched.set(verdict.key, (unmatched.get(verdict.key) ?? 0) + 1);
  } else if (verdict.kind === 'undeclared') {
    const entry = undeclared.get(verdict.key) ?? { key: verdict.key, operationId: verdict.operationId, count: 0, specs: [] };
    entry.count += 1;
    const spec = currentSpec();
    if (!entry.specs.includes(spec)) entry.specs.push(spec);
    undeclared.set(verdict.key, entry);
  } else return;
  saveRecord();
}

/**
 * The verdict on one answer as the suite treats it: an Error to fail the request with, or null.
 * Records undeclared and unmatched answers.
 */
export function judge(validator: OpenApiValidator, answer: Answer): Error | null {
  const verdict = validator.check(answer);
  record(verdict);
  if (verdict.kind === 'mismatch') return new Error(verdict.message);
  if (verdict.kind === 'undeclared' && strictMode()) return new Error(`${verdict.message} (declare the answer in the controller)`);
  return null;
}

/**
 * Checks the answers of requests to this app from now on. With `runCopy` (the test apps of
 * test-app.ts, all built from the same code) the document is fetched from the app by the first
 * spec file of a run and kept in the run's folder (test/support/global-setup.ts); the other files
 * read that copy rather than have their app build the same document again (the app builds it on
 * its first request, ~0.5 s of a core). A spec run alone, or a server serving a document of its
 * own, fetches it.
 * docs/development.md "Where the suite's time goes".
 */
export async function useOpenApiDocument(http: Parameters<typeof request>[0], { runCopy = false }: { runCopy?: boolean } = {}): Promise<OpenApiValidator> {
  ownState();
  if (active) return active;
  const kept = runCopy && process.env.TRACKER_TEST_TEMPLATES ? join(process.env.TRACKER_TEST_TEMPLATES, 'openapi.json') : null;
  if (kept && existsSync(kept)) {
    active = new OpenApiValidator(JSON.parse(readFileSync(kept, 'utf8')) as OpenApiDocument);
    return active;
  }
  const res = await request(http).get('/api/docs-json');
  if (res.status !== 200) throw new Error(`the OpenAPI document: GET /api/docs-json answered ${res.status}`);
  if (kept) {
    // Written whole, then renamed: another worker never reads half a document.
    writeFileSync(`${kept}.${process.pid}`, res.text);
    renameSync(`${kept}.${process.pid}`, kept);
  }
  active = new OpenApiValidator(res.body as OpenApiDocument);
  return active;
}

/** The validator in use in this spec file (null before a test app started). */
export function activeValidator(): OpenApiValidator | null {
  ownState();
  return active;
}

interface SupertestTest {
  method: string;
  url: string;
  assert(resError: unknown, res: SupertestResponse | undefined, fn?: (error: unknown, res: unknown) => void): void;
}
interface SupertestResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
  text?: string;
}

/** supertest's Test: the answer is judged where supertest runs a request's `.expect(…)`s. */
const Test = (request as unknown as { Test: { prototype: SupertestTest } }).Test;
const PATCHED = Symbol.for('tracker.openapi-validator');
if (!(Test.prototype as unknown as Record<symbol, boolean>)[PATCHED]) {
  const original = Test.prototype.assert;
  Test.prototype.assert = function (this: SupertestTest, resError, res, fn) {
    original.call(this, resError, res, (error: unknown, response: unknown) => {
      let failure = error;
      const contentType = res?.headers['content-type'];
      if (!failure && res && active && isJson(contentType)) {
        const where = `${this.method} ${new URL(this.url, 'http://x').pathname}`;
        let body: unknown = res.body;
        try {
          // A spec that reads downloads as bytes (`.buffer().parse(…)`) gets a JSON refusal as a Buffer too.
          if (Buffer.isBuffer(res.body)) body = JSON.parse(res.body.toString('utf8'));
          else if (typeof res.text === 'string') body = JSON.parse(res.text);
        } catch {
          failure = new Error(`OpenAPI: ${where} → ${res.status}: the answer says ${contentType} but its body is not JSON`);
        }
        failure ??= judge(active, { method: this.method, path: new URL(this.url, 'http://x').pathname, status: res.status, contentType, body });
      }
      fn?.call(this, failure ?? null, response);
    });
  };
  (Test.prototype as unknown as Record<symbol, boolean>)[PATCHED] = true;
}
