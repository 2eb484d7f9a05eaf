/** lifecycle: the module's public face — what other modules may use (docs/architecture.md). */
export { guardFailures, stageInvariantFailures, type LifecycleContext, type LifecycleEvent, type ProjectFacts, type RecordFacts } from './lifecycle.guards.js';
export { acceptedEventsOf, initialPersisted, persistedOf, stageOf, type PersistedLifecycle } from './lifecycle.snapshot.js';
export { lifecycleWorkflow } from './lifecycle.workflow.js';
export { APPROVAL_KEYS, APPROVAL_LABELS, APPROVAL_STATUSES, EVENT_LABELS, EVENT_TYPES, IMPLEMENTATION_STAGES, isImplementation, STAGES, STAGE_LABELS, type ApprovalKey, type ApprovalStatus, type EventType, type Stage } from './stages.js';
