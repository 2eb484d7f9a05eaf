/** heavy: the module's public face — work off the request thread, with per-caller limits (docs/architecture.md). */
export { HEAVY_PER_CALLER, HEAVY_QUEUE, HeavyBusy, HeavyWork, TooManyHeavy, type HeavyTask, type InlineRunner } from './heavy-work.js';
export { HeavyModule } from './heavy.module.js';
export { heavyRequestsLast } from './heavy-requests-last.js';
export { currentCaller, requestContext } from './request-context.js';
