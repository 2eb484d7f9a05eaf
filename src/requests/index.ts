/** requests: the module's public face — what other modules may use (docs/architecture.md). */
export { RaiseRequestDto } from './dto/request.dto.js';
export { factorGuaranteeBlock } from './factor-guarantee.js';
export { type FactorGuaranteeBlock, type FactorTotals, type FactorTotalsRow } from './factor-guarantee.types.js';
export { factorTotals } from './factor-totals.js';
export { MonthListsService } from './month-lists.service.js';
export { RequestAgendaService, type Agenda, type AgendaItem } from './request-agenda.service.js';
export { RequestEngine, type Actor } from './request.engine.js';
export { RequestGroupsService, type RequestGroupView } from './request-groups.service.js';
export { type RequestContext, type RequestEvent, type RequestFacts } from './request.guards.js';
export { type RequestView } from './request.view.js';
export { REQUESTS_ENTITIES, RequestsModule } from './requests.module.js';
export { RequestsService, type ListCategory, type MonthCounts, type RaisedRequest } from './requests.service.js';
export { kindText, quantityWithUnit } from './request-words.js';
export { FactorGuaranteeAnswer, FactorResponsibleAnswer, FactorTotalsAnswer } from './request-lists.responses.js';
export { RequestAnswer } from './request.responses.js';
