import 'reflect-metadata';
import { ConsoleLogger, type LoggerService } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AuthenticatedRequest } from './access/index.js';
import { SecurityLog } from './audit/index.js';
import { AuthService } from './auth/index.js';
import type { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { AllExceptionsFilter, createValidationPipe, JsonOnlyGuard, OneLineLogger, verifyJsonBody } from './common/index.js';
import type { AppConfig } from './config/index.js';
import { HeavyWork, heavyRequestsLast, requestContext } from './heavy/index.js';
import { buildOpenApiDocument, checkControllerNames, requestLogging } from './operations/index.js';
import { runHeavyTask } from './workers/index.js';
import { SeederService } from './seeding/index.js';
import { mountWarRoom } from './war-room/index.js';
import { mountShared } from './web/index.js';
import { mountWorkbench } from './workbench/index.js';

/**
 * Headers on every response. The pages load scripts only from the app itself (no inline
 * script, no eval); nothing may frame them (`frame-ancestors 'none'` and X-Frame-Options
 * DENY for older browsers); no MIME sniffing; no referrer leaves the app.
 *
 * Intranets serve the app over plain HTTP at an address (`http://10.x.x.x:3000/`), so the
 * policy must not carry helmet's default `upgrade-insecure-requests` (the browser would ask for
 * `https://…/js/*.js`, which nothing answers, and the page would never load), and HSTS is sent
 * only on a request that arrived over HTTPS (`hstsOverHttpsOnly`): docs/operations.md "HTTPS".
 */
const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
};

/**
 * Heavy work (exports, replays; src/heavy) in worker threads running the built worker file; on the
 * request thread, behind the same limits, with HEAVY_THREADS=0, an in-memory database (a thread
 * could not see it) or no built worker beside this file (the sources run without a build).
 */
function useHeavyWork(app: NestExpressApplication, config: AppConfig): void {
  const heavy = app.get(HeavyWork);
  const worker = new URL('./workers/heavy.worker.js', import.meta.url);
  if (config.heavyThreads > 0 && config.database.location !== ':memory:' && existsSync(fileURLToPath(worker))) heavy.useThreads(worker);
  else heavy.useInline((task, args) => runHeavyTask(app, task, args));
}

/** HSTS only where the browser reached the app over HTTPS (directly, or through a trusted proxy). */
function hstsOverHttpsOnly(request: Request, response: Response, next: NextFunction): void {
  if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  next();
}

export interface CreateAppOptions {
  /** Load seed data (reference + demo per config.seed) before serving. Default true. */
  seed?: boolean;
  /** false: silent (tests); a logger: where every log line goes; default: the console, as LOG_FORMAT says. */
  logger?: false | LoggerService;
}

/**
 * Builds the whole application: the one used by `npm start` and by the end-to-end
 * tests alike (same pipe, filter, prefix, body limit and OpenAPI document).
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    // Either way every line is one line: JSON escapes what it prints, OneLineLogger the text format.
    logger: options.logger ?? (config.logFormat === 'json' ? new ConsoleLogger({ json: true, logLevels: ['log', 'warn', 'error'] }) : new OneLineLogger(['log', 'warn', 'error'])),
  });
  // First of all middleware, so that every response carries the headers: the API's, and
  // every static page and asset (/, /workbench/, /shared/, /vendor/), wherever they are mounted.
  app.use(helmet(SECURITY_HEADERS));
  app.use(hstsOverHttpsOnly);
  app.disable('x-powered-by');
  // Whose X-Forwarded-Proto makes a request secure (TRUST_PROXY; none by default).
  app.set('trust proxy', config.trustProxy);
  // Next, so that every response carries X-Request-Id and every request, refused or not, is logged.
  app.use(requestLogging(config.logFormat));
  // Requests that may be heavy wait behind the others, one per turn of the event loop (docs/operations.md "Heavy work").
  app.use(heavyRequestsLast());
  // The request is the current one for all its handling: the heavy-work limits ask it who the caller is.
  app.use(requestContext());
  useHeavyWork(app, config);
  // JSON only (415 for other bodies, see JsonOnlyGuard); checked for UTF-8, lone
  // surrogates and nesting depth before it is parsed (json-body.ts). Nest's types reserve
  // `verify` for its rawBody option, which this app does not use; Nest passes it through.
  app.useBodyParser('json', { limit: config.bodyLimit, verify: verifyJsonBody } as NestExpressBodyParserOptionsFor<'json'>);
  app.setGlobalPrefix('api');
  mountShared(app);
  mountWarRoom(app);
  mountWorkbench(app);
  app.useGlobalPipes(createValidationPipe());
  // After the sign-in guard (an APP_GUARD, registered when the app was created), before the pipes.
  app.useGlobalGuards(new JsonOnlyGuard(app.get(Reflector)));
  // Refused writes (403, 409, 422) go to the security log with the caller (docs/access.md "The security log").
  const security = app.get(SecurityLog);
  app.useGlobalFilters(
    new AllExceptionsFilter((request: Request, status: number) => {
      const pattern = (request.route as { path?: unknown } | undefined)?.path;
      void security.record({
        kind: 'refused',
        username: (request as AuthenticatedRequest).user?.username ?? (request as AuthenticatedRequest).attemptedUsername ?? null,
        address: request.ip ?? null,
        route: `${request.method} ${typeof pattern === 'string' ? pattern : request.path}`,
        status,
      });
    }),
  );
  // Signals are handled by main.ts (operations/shutdown.ts): stop accepting, finish writes, exit 0.

  // The document: swagger's reading of the controllers, then security, errors, tags and operationIds for all (docs/api.md "The OpenAPI document").
  // Built on its first request, not at start (~0.9 s of a core; docs/development.md "Where the suite's time goes"), then kept.
  checkControllerNames(app);
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  try {
    await app.get(AuthService).ensureFirstAdmin();
    if (options.seed !== false) await app.get(SeederService).run(config.seed);
  } catch (error) {
    await app.close();
    throw error;
  }
  return app;
}
