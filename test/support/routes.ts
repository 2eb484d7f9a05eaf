import type { NestExpressApplication } from '@nestjs/platform-express';

/** Every `METHOD /api/path` the running app serves (its own route list), OpenAPI pages aside. */
export function servedRoutes(app: NestExpressApplication): string[] {
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } }).router;
  return router.stack
    .filter((layer) => layer.route && layer.route.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) => Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path}`));
}

/** The routes that may change data: every method but GET/HEAD/OPTIONS. */
export function writeRoutes(app: NestExpressApplication): string[] {
  return servedRoutes(app).filter((route) => !/^(GET|HEAD|OPTIONS) /.test(route));
}
