/** web: the module's public face — what other modules may use (docs/architecture.md). */
export { mountShared } from './web.static.js';
