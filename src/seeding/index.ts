/** seeding: the module's public face — what other modules may use (docs/architecture.md). */
export { SeederService } from './seeder.service.js';
export { SeedingModule } from './seeding.module.js';
