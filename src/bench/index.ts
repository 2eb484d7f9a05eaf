/** bench: the module's public face — what other modules may use (docs/architecture.md). */
export { BenchRoutesModule } from './bench-routes.js';
