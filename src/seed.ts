import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/index.js';
import { SeederService } from './seeding/index.js';

/** `npm run seed`: run migrations and load seed data (idempotent), then exit. */
const config = loadConfig();
const app = await createApp(config, { seed: false });
const result = await app.get(SeederService).run(config.seed);
new Logger('Seed').log(`reference rows added: ${result.referenceRowsAdded}; demo projects added: ${result.demoProjectsAdded}`);
await app.close();
