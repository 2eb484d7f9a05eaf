/** reference: the module's public face — what other modules may use (docs/architecture.md). */
export { Chain } from './chain.entity.js';
export { Department } from './department.entity.js';
export { DepartmentsService, routeOf } from './departments.service.js';
export { REFERENCE_ENTITIES, ReferenceModule } from './reference.module.js';
export { ReferenceService } from './reference.service.js';
export { Region } from './region.entity.js';
export { KIND_UNITS, POLLUTANTS, QUANTITY_KINDS, REQUEST_KINDS, isQuantityKind, isRequestKind, type Pollutant, type QuantityKind, type RequestKind } from './request-kinds.js';
