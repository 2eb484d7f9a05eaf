/** plans: the module's public face — what other modules may use (docs/architecture.md). */
export { LIST_CATEGORIES, ListEntry, enteredPlanOf, monthlyPlanOf, type ListCategory } from './list-entry.entity.js';
export { ListMembershipView, ListsService, onListSql } from './lists.service.js';
export { adjustmentsOf } from './plan-adjustments.js';
export { type AdjustmentView, type ChainPlanRow, type CityTargets, type PlaceRuleRow } from './plan.types.js';
export { INDICATOR_KEYS, type IndicatorKey } from './labels.js';
export { AdjustmentAnswer } from './plan.responses.js';
export { PLANS_ENTITIES, PlansModule } from './plans.module.js';
export { PlansService } from './plans.service.js';
export { YearTarget } from './year-target.entity.js';
export { RolloverService } from './rollover.service.js';
