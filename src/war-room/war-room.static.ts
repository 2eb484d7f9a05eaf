import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { join } from 'node:path';
import { projectRoot } from '../common/index.js';

/** Paths the war room's files never answer: the API's (mounted at the root, its files would be looked up on disk for every API request). */
const NOT_PAGES = /^\/api(\/|$)/;

/**
 * The war-room page (挂图作战) at `GET /`: static files from `src/war-room/public`, and
 * ECharts from its npm package at `/vendor/echarts/` (no CDN, works offline).
 */
export function mountWarRoom(app: NestExpressApplication): void {
  const root = projectRoot();
  const pages = express.static(join(root, 'src/war-room/public'), { index: 'index.html', maxAge: 0 });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => (NOT_PAGES.test(request.path) ? next() : pages(request, response, next)));
  app.useStaticAssets(join(root, 'node_modules/echarts/dist'), { prefix: '/vendor/echarts/', maxAge: '1d' });
}
