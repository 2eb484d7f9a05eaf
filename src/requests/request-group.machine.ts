import { setup } from 'xstate';
import { hasText, needReason, type GuardFailure, type Workflow } from '../workflow/index.js';
import { GROUP_EVENT_LABELS, GROUP_STATUS_LABELS } from './labels.js';
import { GROUP_EVENT_TYPES, type GroupStatus } from './request-states.js';

/**
 * A 共性问题 group as data (docs/domain/requests.md "共性问题"): proposed by the detection, the
 * city office confirms it (it becomes one item of the 高频 list) or dismisses it (the problems are
 * not one); a confirmed group is solved once — RESOLVE with one answer, which the group engine
 * gives every open member as its 办结.
 *
 *   proposed ──CONFIRM──▶ confirmed ──RESOLVE(note)──▶ resolved
 *      └──DISMISS(reason)──▶ dismissed
 */
export type GroupEvent = { type: 'CONFIRM' } | { type: 'RESOLVE'; note?: string } | { type: 'DISMISS'; reason?: string };

export interface GroupContext {
  /** Today's calendar date (TZ_CALENDAR). */
  today: string;
}

/** 统一办结: the one answer every open member gets; without one nothing is closed (422). */
export function groupGuardFailures(_context: GroupContext, event: GroupEvent): GuardFailure[] {
  switch (event.type) {
    case 'CONFIRM':
      return [];
    case 'RESOLVE':
      return hasText(event.note) ? [] : [{ field: 'note', code: 'noteRequired', message: '统一办结需填写办理情况（各成员问题的统一答复）' }];
    case 'DISMISS':
      return needReason(event, '不予合并');
  }
}

export const requestGroupMachine = setup({
  types: { context: {} as GroupContext, events: {} as GroupEvent, input: {} as GroupContext },
  guards: {
    ready: ({ context, event }) => groupGuardFailures(context, event).length === 0,
  },
}).createMachine({
  id: 'requestGroup',
  initial: 'proposed',
  context: ({ input }) => input,
  states: {
    proposed: {
      on: {
        CONFIRM: { target: 'confirmed', guard: 'ready' },
        DISMISS: { target: 'dismissed', guard: 'ready' },
      },
    },
    confirmed: { on: { RESOLVE: { target: 'resolved', guard: 'ready' } } },
    resolved: { type: 'final' },
    dismissed: { type: 'final' },
  },
});

/** The group machine as the transition engine applies it (src/workflow/transition-engine.ts). */
export const requestGroupWorkflow: Workflow<GroupStatus, GroupEvent, GroupContext> = {
  machine: requestGroupMachine,
  eventTypes: GROUP_EVENT_TYPES,
  failures: groupGuardFailures,
  notAccepted: (status, type) => ({
    message: `共性问题当前状态为“${GROUP_STATUS_LABELS[status]}”，不能“${GROUP_EVENT_LABELS[type]}”`,
    detail: `“${GROUP_STATUS_LABELS[status]}”的共性问题不能执行“${GROUP_EVENT_LABELS[type]}”（${type}）`,
  }),
  refusedAs: (type) => `不能${GROUP_EVENT_LABELS[type]}`,
};
