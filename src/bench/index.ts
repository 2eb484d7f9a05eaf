/** bench: the module's public face — what other modules may use (docs/architecture.md). */
export { BenchRoutesModule } from './bench-routes.js';
export { healthUnderHeavyLoad, percentile, timedGet, type HeavyLoadResult, type HeavyRequest } from './heavy-load.js';
export { Server } from './bench-server.js';
export { statusWhileStarting } from './load-client.js';
