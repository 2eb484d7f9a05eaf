import type { Workflow } from '../workflow/index.js';
import { leadGuardFailures, type LeadContext, type LeadEvent } from './lead.guards.js';
import { leadMachine } from './lead.machine.js';
import { LEAD_EVENT_LABELS, LEAD_EVENT_TYPES, LEAD_STATUS_LABELS, type LeadStatus } from './lead-states.js';

/** A 招商 lead's machine as the transition engine applies it (src/workflow/transition-engine.ts). */
export const leadWorkflow: Workflow<LeadStatus, LeadEvent, LeadContext> = {
  machine: leadMachine,
  eventTypes: LEAD_EVENT_TYPES,
  failures: leadGuardFailures,
  notAccepted: (status, type) => ({
    message: `招商项目当前为“${LEAD_STATUS_LABELS[status]}”，不能执行“${LEAD_EVENT_LABELS[type]}”`,
    detail: `“${LEAD_STATUS_LABELS[status]}”状态不能执行“${LEAD_EVENT_LABELS[type]}”（${type}）`,
  }),
  refusedAs: (type) => `不能${LEAD_EVENT_LABELS[type]}`,
};
