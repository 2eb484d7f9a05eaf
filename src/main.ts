import { Logger } from '@nestjs/common';
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
  new Logger('Tracker').log(`listening on http://localhost:${config.port}  (API docs: /api/docs, database: ${config.database.type})`);
}

void main();
