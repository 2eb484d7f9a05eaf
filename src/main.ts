import { Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/index.js';
import { installGracefulShutdown } from './operations/index.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const app = await createApp(config);
  installGracefulShutdown(app, new Logger());
  await app.listen(config.port);
  // PORT=0 takes any free port from the kernel: the line names the one taken.
  const address = (app.getHttpServer() as Server).address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  new Logger('Tracker').log(`listening on http://localhost:${port}  (API docs: /api/docs, database: ${config.database.type})`);
}

void main();
