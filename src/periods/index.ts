/** periods: the module's public face — what other modules may use (docs/architecture.md). */
export { PeriodsModule } from './periods.module.js';
export { PeriodsService } from './periods.service.js';
