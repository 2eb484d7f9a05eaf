import { setup } from 'xstate';
import { landRule, signRule, terminateRule, type LeadContext, type LeadEvent } from './lead.guards.js';

/**
 * A lead's way from negotiation to a project, as data: states, events and named guards, nothing
 * else (docs/domain/attraction.md "Leads"). Guards are pure; the engine writes afterwards.
 *
 *   negotiating ──SIGN──▶ signed ──LAND──▶ landed
 *        │                  │
 *        └──TERMINATE──▶ terminated ◀──TERMINATE
 */
export const leadMachine = setup({
  types: {
    context: {} as LeadContext,
    events: {} as LeadEvent,
    input: {} as LeadContext,
  },
  guards: {
    readyToSign: ({ context, event }) => event.type === 'SIGN' && signRule(context, event).length === 0,
    readyToLand: ({ context, event }) => event.type === 'LAND' && landRule(context, event).length === 0,
    readyToTerminate: ({ context, event }) => event.type === 'TERMINATE' && terminateRule(context, event).length === 0,
  },
}).createMachine({
  id: 'lead',
  initial: 'negotiating',
  context: ({ input }) => input,
  states: {
    negotiating: {
      on: {
        SIGN: { target: 'signed', guard: 'readyToSign' },
        TERMINATE: { target: 'terminated', guard: 'readyToTerminate' },
      },
    },
    signed: {
      on: {
        LAND: { target: 'landed', guard: 'readyToLand' },
        TERMINATE: { target: 'terminated', guard: 'readyToTerminate' },
      },
    },
    landed: { type: 'final' },
    terminated: { type: 'final' },
  },
});

export type LeadMachine = typeof leadMachine;
