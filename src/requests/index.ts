/** requests: the module's public face — what other modules may use (docs/architecture.md). */
export { RaiseRequestDto } from './dto/request.dto.js';
export { factorGuaranteeBlock } from './factor-guarantee.js';
export { type FactorGuaranteeBlock } from './factor-guarantee.types.js';
export { RequestEngine, type Actor } from './request.engine.js';
export { type RequestContext, type RequestEvent, type RequestFacts } from './request.guards.js';
export { type RequestView } from './request.view.js';
export { REQUESTS_ENTITIES, RequestsModule } from './requests.module.js';
export { RequestsService, type ListCategory, type MonthCounts, type RaisedRequest } from './requests.service.js';
