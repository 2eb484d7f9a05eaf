import { setup } from 'xstate';
import {
  acceptRule,
  decideRule,
  escalateRule,
  evaluateRule,
  feedbackRule,
  resolveRule,
  returnRule,
  type RequestContext,
  type RequestEvent,
} from './request.guards.js';

/**
 * A 要素保障 request or problem as data (docs/domain/requests.md "The request machine"): states,
 * events and named guards, nothing else; the request engine records every step afterwards.
 * The loop of 000 §四(五) — 收集、研判、处理、反馈、评价 — is raised → accepted → resolved →
 * answered → closed, each step its own event:
 *
 *   raised ──ACCEPT──▶ accepted ──RESOLVE──▶ resolved ──FEEDBACK──▶ answered ──EVALUATE(满意/基本满意)──▶ closed
 *     │                  ▲ │                    │                     │ └──EVALUATE(不满意)──▶ accepted (reopened)
 *     │RETURN     RETURN│ │ESCALATE            │ESCALATE             │ESCALATE
 *     ▼                  │ ▼                    ▼                     ▼
 *  returned        escalated ◀──────────────────┴─────────────────────┘   (raised ──ESCALATE──▶ escalated too)
 *                    ├─ACCEPT──▶ accepted
 *                    ├─RESOLVE─▶ resolved
 *                    └─DECIDE──▶ decided ──RESOLVE──▶ resolved   (the 常务会's decision, tracked to its deadline)
 * closed and returned are final.
 */
export const requestMachine = setup({
  types: {
    context: {} as RequestContext,
    events: {} as RequestEvent,
    input: {} as RequestContext,
  },
  guards: {
    readyToAccept: ({ context, event }) => event.type === 'ACCEPT' && acceptRule(context, event).length === 0,
    readyToResolve: ({ context, event }) => event.type === 'RESOLVE' && resolveRule(context, event).length === 0,
    readyToFeedBack: ({ context, event }) => event.type === 'FEEDBACK' && feedbackRule(context, event).length === 0,
    readyToReturn: ({ context, event }) => event.type === 'RETURN' && returnRule(context, event).length === 0,
    satisfied: ({ context, event }) => event.type === 'EVALUATE' && evaluateRule(context, event).length === 0 && event.rating !== 'dissatisfied',
    dissatisfied: ({ context, event }) => event.type === 'EVALUATE' && evaluateRule(context, event).length === 0 && event.rating === 'dissatisfied',
    readyToEscalate: ({ context, event }) => event.type === 'ESCALATE' && escalateRule(context, event).length === 0,
    readyToDecide: ({ context, event }) => event.type === 'DECIDE' && decideRule(context, event).length === 0,
  },
}).createMachine({
  id: 'factorRequest',
  initial: 'raised',
  context: ({ input }) => input,
  states: {
    raised: {
      on: {
        ACCEPT: { target: 'accepted', guard: 'readyToAccept' },
        RETURN: { target: 'returned', guard: 'readyToReturn' },
        ESCALATE: { target: 'escalated', guard: 'readyToEscalate' },
      },
    },
    accepted: {
      on: {
        RESOLVE: { target: 'resolved', guard: 'readyToResolve' },
        RETURN: { target: 'returned', guard: 'readyToReturn' },
        ESCALATE: { target: 'escalated', guard: 'readyToEscalate' },
      },
    },
    resolved: {
      on: {
        FEEDBACK: { target: 'answered', guard: 'readyToFeedBack' },
        ESCALATE: { target: 'escalated', guard: 'readyToEscalate' },
      },
    },
    answered: {
      on: {
        EVALUATE: [
          { target: 'closed', guard: 'satisfied' },
          { target: 'accepted', guard: 'dissatisfied' },
        ],
        ESCALATE: { target: 'escalated', guard: 'readyToEscalate' },
      },
    },
    escalated: {
      on: {
        ACCEPT: { target: 'accepted', guard: 'readyToAccept' },
        RESOLVE: { target: 'resolved', guard: 'readyToResolve' },
        DECIDE: { target: 'decided', guard: 'readyToDecide' },
      },
    },
    decided: {
      on: {
        RESOLVE: { target: 'resolved', guard: 'readyToResolve' },
      },
    },
    closed: { type: 'final' },
    returned: { type: 'final' },
  },
});
