import type { Workflow } from '../workflow/index.js';
import { guardFailures, type LifecycleContext, type LifecycleEvent } from './lifecycle.guards.js';
import { lifecycleMachine } from './lifecycle.machine.js';
import { EVENT_LABELS, EVENT_TYPES, STAGE_LABELS, type Stage } from './stages.js';

/** The 三个一批 lifecycle as the transition engine applies it (src/workflow/transition-engine.ts). */
export const lifecycleWorkflow: Workflow<Stage, LifecycleEvent, LifecycleContext> = {
  machine: lifecycleMachine,
  eventTypes: EVENT_TYPES,
  failures: guardFailures,
  notAccepted: (stage, type) => ({
    message: `项目当前阶段为“${STAGE_LABELS[stage]}”，不能执行“${EVENT_LABELS[type]}”`,
    detail: `“${STAGE_LABELS[stage]}”阶段不能执行“${EVENT_LABELS[type]}”（${type}）`,
  }),
  refusedAs: (type) => `不能${EVENT_LABELS[type]}`,
};
