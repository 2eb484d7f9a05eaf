import { REQUEST_EVENT_LABELS, REQUEST_STATUS_LABELS } from './labels.js';
import { requestGuardFailures, type RequestContext, type RequestEvent } from './request.guards.js';
import { requestMachine } from './request.machine.js';
import { REQUEST_EVENT_TYPES, type RequestStatus } from './request-states.js';
import type { Workflow } from '../workflow/index.js';

/** A 要素保障 request's machine as the transition engine applies it (src/workflow/transition-engine.ts). */
export const requestWorkflow: Workflow<RequestStatus, RequestEvent, RequestContext> = {
  machine: requestMachine,
  eventTypes: REQUEST_EVENT_TYPES,
  failures: requestGuardFailures,
  notAccepted: (status, type) => ({
    message: `需求当前状态为“${REQUEST_STATUS_LABELS[status]}”，不能“${REQUEST_EVENT_LABELS[type]}”`,
    detail: `“${REQUEST_STATUS_LABELS[status]}”的需求不能执行“${REQUEST_EVENT_LABELS[type]}”（${type}）`,
  }),
  refusedAs: (type) => `不能${REQUEST_EVENT_LABELS[type]}`,
};
