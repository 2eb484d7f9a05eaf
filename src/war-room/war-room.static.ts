import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { projectRoot } from '../common/index.js';

/**
 * The war-room page (挂图作战) at `GET /`: static files from `src/war-room/public`, and
 * ECharts from its npm package at `/vendor/echarts/` (no CDN, works offline).
 */
export function mountWarRoom(app: NestExpressApplication): void {
  const root = projectRoot();
  app.useStaticAssets(join(root, 'src/war-room/public'), { index: 'index.html', maxAge: 0 });
  app.useStaticAssets(join(root, 'node_modules/echarts/dist'), { prefix: '/vendor/echarts/', maxAge: '1d' });
}
