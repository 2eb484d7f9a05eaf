/** workflow: the module's public face — what other modules may use (docs/architecture.md). */
export { hasText, needDateNotAfterToday, needReason, type GuardFailure } from './guards.js';
export { acceptedEventsOf, stateNameOf, stateValueOf } from './machine-states.js';
export { TransitionEngine, type TransitionSubject, type Workflow } from './transition-engine.js';
export { WorkflowModule } from './workflow.module.js';
export { refuseFieldsNotTaken } from './event-fields.js';
