import type { Type } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { IS_PUBLIC } from '../access/index.js';
import { CSRF_HEADER, DISPLAY_ROUTES, LoginLimiter, SESSION_COOKIE } from '../auth/index.js';
import { HeavyWork } from '../heavy/index.js';
import { API_ERROR_SCHEMAS, errorAnswers } from './openapi-errors.js';

/**
 * The OpenAPI document the app serves at /api/docs-json (docs/api.md "The OpenAPI document"):
 * what swagger reads from the controllers (paths, parameters, bodies, success answers), then one
 * pass over every operation that adds what is the same rule everywhere, from the route's own
 * metadata rather than a hand list: its tag (the Nest module that owns the controller), a stable
 * operationId (controller + method), its security (who may call it and how they sign in), and
 * the error answers it can give, in the one error shape.
 */

/** How a caller proves who it is (src/auth: AuthGuard). */
export const SECURITY_SCHEMES = {
  bearer: { type: 'http', scheme: 'bearer', description: 'A sign-in token from POST /api/auth/login, sent as `Authorization: Bearer <token>` (API clients).' },
  session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The pages\' session cookie set by POST /api/auth/session (HttpOnly, SameSite=Strict). Writes made with it also need `csrf`.' },
  csrf: { type: 'apiKey', in: 'header', name: CSRF_HEADER, description: 'The session\'s CSRF token (from POST or GET /api/auth/session), required on every write authenticated by the session cookie.' },
  displayToken: { type: 'http', scheme: 'bearer', description: 'A wall screen\'s display token (`dsp_…`, from POST /api/display-tokens), sent as `Authorization: Bearer <token>`: reads of the war room\'s board only.' },
} as const;

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** Where an operation comes from: its controller, its handler and the Nest module that owns it. */
interface Origin {
  controller: Type<unknown>;
  handler: (...args: unknown[]) => unknown;
  methodKey: string;
  module: string;
}

/** `ProjectRecordsModule` → `project-records`; `ProjectsController` → `projects`. */
function kebab(name: string, suffix: string): string {
  return name.replace(new RegExp(`${suffix}$`), '').replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** `DisplayTokensController` + `create` → `displayTokens.create`: stable while the class and method keep their names, wherever their file moves. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const base = controllerKey.replace(/Controller$/, '');
  return `${base.charAt(0).toLowerCase()}${base.slice(1)}.${methodKey}`;
}

/** Every controller of the app by class name, with the module that owns it (module names are tags). */
function controllersOf(app: NestExpressApplication): Map<string, { controller: Type<unknown>; module: string }> {
  const found = new Map<string, { controller: Type<unknown>; module: string }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      if (found.has(controller.name) && found.get(controller.name)!.controller !== controller) throw new Error(`OpenAPI: two controllers named ${controller.name}: operationIds would clash`);
      found.set(controller.name, { controller, module: kebab(module.metatype.name, 'Module') });
    }
  }
  return found;
}

/** Swagger's document, each operationId `Controller::method` for now so that the pass finds the route behind it. */
function swaggerDocument(app: NestExpressApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('聊城市制造业重点项目“三个一批”跟踪系统 API')
      .setDescription(
        'Money is integer 万元. Dates YYYY-MM-DD, months YYYY-MM. Conventions, the error shape, security and operationIds: docs/api.md in the repository; domain rules: docs/domain/.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'This server (the API is under /api on the same origin as the pages)')
      .build(),
    { operationIdFactory: (controllerKey, methodKey) => `${controllerKey}::${methodKey}` },
  );
}

/**
 * The start-up check that needs no document (the document itself is built on its first request):
 * two controllers of one class name stop the app, since their operationIds would clash.
 */
export function checkControllerNames(app: NestExpressApplication): void {
  controllersOf(app);
}

/** The whole document: swagger's reading of the controllers, then the one pass. */
export function buildOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const document = swaggerDocument(app);
  // DocumentBuilder writes empty url and email fields; the document says only what is known.
  document.info.license = { name: 'UNLICENSED: proprietary, for the use of the Liaocheng project offices only' };
  document.info.contact = { name: 'The tracker\'s maintainers (the repository\'s issue tracker)' };
  const controllers = controllersOf(app);
  const tags = new Set<string>();
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const [controllerKey, methodKey] = String(operation.operationId).split('::');
      const entry = controllers.get(controllerKey);
      const handler = entry && (entry.controller.prototype as Record<string, unknown>)[methodKey];
      if (!entry || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
        throw new Error(`OpenAPI: ${method.toUpperCase()} ${path}: no route handler for operationId "${String(operation.operationId)}" (operationIds are given here, never by @ApiOperation: docs/api.md "The OpenAPI document")`);
      const origin: Origin = { controller: entry.controller, handler: handler as Origin['handler'], methodKey, module: entry.module };
      const id = operationIdOf(controllerKey, methodKey);
      if (ids.has(id)) throw new Error(`OpenAPI: operationId ${id} twice`);
      ids.add(id);
      operation.operationId = id;
      operation.tags = [origin.module];
      tags.add(origin.module);
      const open = isPublic(origin);
      operation.security = open ? [] : securityOf(method, path);
      const args = handlerArguments(origin);
      const errors = errorAnswers({
        method,
        path,
        open,
        input: (operation.parameters ?? []).length > 0 || args.has(RouteParamtypes.QUERY) || args.has(RouteParamtypes.PARAM) || args.has(RouteParamtypes.HEADERS),
        body: operation.requestBody !== undefined || args.has(RouteParamtypes.BODY),
        versioned: takesVersion(operation, document),
        heavy: injects(origin.controller, HeavyWork) || (operation.parameters ?? []).some((p) => (p as { name?: string }).name === 'asOf'),
        signIn: open && injects(origin.controller, LoginLimiter),
        guessLimited: (operation.requestBody !== undefined || args.has(RouteParamtypes.BODY)) && injects(origin.controller, LoginLimiter),
      });
      // An answer the controller declares itself stays as it declared it.
      operation.responses = { ...(errors as unknown as typeof operation.responses), ...operation.responses };
    }
  }
  document.tags = [...tags].sort().map((name) => ({ name, description: `The operations of the \`${name}\` module (src/${name}/).` }));
  document.components = {
    ...document.components,
    securitySchemes: { ...SECURITY_SCHEMES },
    schemas: { ...document.components?.schemas, ...API_ERROR_SCHEMAS },
  };
  return document;
}

/** What the handler takes from the request (`@Body()`, `@Query()`, `@Param()`, `@Headers()`), whether or not swagger could describe it. */
function handlerArguments(origin: Origin): Set<number> {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, origin.controller, origin.methodKey) ?? {}) as Record<string, unknown>;
  return new Set(Object.keys(args).map((key) => Number(key.split(':')[0])));
}

/** `@Public()` on the handler or its controller: no sign-in (AuthGuard lets it through). */
function isPublic(origin: Origin): boolean {
  return Boolean(Reflect.getMetadata(IS_PUBLIC, origin.handler) ?? Reflect.getMetadata(IS_PUBLIC, origin.controller));
}

/**
 * Who may call it, as AuthGuard admits them: a bearer token, or the session cookie (with the
 * CSRF header on writes); on the war room's reads (DISPLAY_ROUTES), a display token too.
 */
function securityOf(method: string, path: string): Record<string, string[]>[] {
  const write = WRITE_METHODS.has(method);
  const ways: Record<string, string[]>[] = [{ bearer: [] }, write ? { session: [], csrf: [] } : { session: [] }];
  if (!write && DISPLAY_ROUTES.has(`${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`)) ways.push({ displayToken: [] });
  return ways;
}

/** The controller's constructor asks for this service (design-time types: Nest injects by them). */
function injects(controller: Type<unknown>, service: Type<unknown>): boolean {
  const types = (Reflect.getMetadata('design:paramtypes', controller) ?? []) as unknown[];
  return types.includes(service);
}

/** A write that takes the version the caller read: an `If-Match` header, or `version` in its JSON body (database/versioned.ts). */
function takesVersion(operation: { parameters?: unknown[]; requestBody?: unknown }, document: OpenAPIObject): boolean {
  if ((operation.parameters ?? []).some((p) => (p as { in?: string; name?: string }).in === 'header' && (p as { name?: string }).name?.toLowerCase() === 'if-match')) return true;
  const schema = (operation.requestBody as { content?: Record<string, { schema?: { $ref?: string; properties?: Record<string, unknown> } }> } | undefined)?.content?.['application/json']?.schema;
  const resolved = schema?.$ref ? (document.components?.schemas?.[schema.$ref.split('/').pop()!] as { properties?: Record<string, unknown> } | undefined) : schema;
  return Boolean(resolved?.properties && 'version' in resolved.properties);
}
