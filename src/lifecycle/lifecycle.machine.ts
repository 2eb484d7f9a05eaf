import { setup } from 'xstate';
import {
  completeRule,
  deferRule,
  haltRule,
  promoteRule,
  resumeRule,
  startRule,
  withdrawRule,
  type LifecycleContext,
  type LifecycleEvent,
} from './lifecycle.guards.js';

/**
 * The 三个一批 lifecycle as data: states, events and named guards, nothing else.
 * Guards are pure; data changes and records are made by the engine afterwards.
 *
 *   reserve ──PROMOTE──▶ preparation ──START──▶ implementation(active ⇄ halted) ──COMPLETE──▶ completed
 *      ▲                     │DEFER                        HALT / RESUME
 *      └─────────────────────┘            any non-final ──WITHDRAW──▶ withdrawn
 */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleContext,
  },
  guards: {
    readyToPromote: ({ context, event }) => event.type === 'PROMOTE' && promoteRule(context, event).length === 0,
    readyToDefer: ({ context, event }) => event.type === 'DEFER' && deferRule(context, event).length === 0,
    readyToStart: ({ context, event }) => event.type === 'START' && startRule(context, event).length === 0,
    readyToHalt: ({ context, event }) => event.type === 'HALT' && haltRule(context, event).length === 0,
    readyToResume: ({ context, event }) => event.type === 'RESUME' && resumeRule(context, event).length === 0,
    readyToComplete: ({ context, event }) => event.type === 'COMPLETE' && completeRule(context, event).length === 0,
    readyToWithdraw: ({ context, event }) => event.type === 'WITHDRAW' && withdrawRule(context, event).length === 0,
  },
}).createMachine({
  id: 'projectLifecycle',
  initial: 'reserve',
  context: ({ input }) => input,
  states: {
    reserve: {
      on: {
        PROMOTE: { target: 'preparation', guard: 'readyToPromote' },
        WITHDRAW: { target: 'withdrawn', guard: 'readyToWithdraw' },
      },
    },
    preparation: {
      on: {
        DEFER: { target: 'reserve', guard: 'readyToDefer' },
        START: { target: 'implementation', guard: 'readyToStart' },
        WITHDRAW: { target: 'withdrawn', guard: 'readyToWithdraw' },
      },
    },
    implementation: {
      initial: 'active',
      on: {
        WITHDRAW: { target: 'withdrawn', guard: 'readyToWithdraw' },
      },
      states: {
        active: {
          on: {
            HALT: { target: 'halted', guard: 'readyToHalt' },
            COMPLETE: { target: '#projectLifecycle.completed', guard: 'readyToComplete' },
          },
        },
        halted: {
          on: {
            RESUME: { target: 'active', guard: 'readyToResume' },
          },
        },
      },
    },
    completed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export type LifecycleMachine = typeof lifecycleMachine;
