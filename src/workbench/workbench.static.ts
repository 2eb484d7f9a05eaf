import type { NestExpressApplication } from '@nestjs/platform-express';
import { join } from 'node:path';
import { projectRoot } from '../common/index.js';

/** The operators' workbench (工作台) at `/workbench/`: static files from `src/workbench/public`. */
export function mountWorkbench(app: NestExpressApplication): void {
  app.useStaticAssets(join(projectRoot(), 'src/workbench/public'), { prefix: '/workbench/', index: 'index.html', maxAge: 0 });
}
