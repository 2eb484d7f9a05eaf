/**
 * The words of the lifecycle (储备 → 准备 → 实施 → 竣工): stages, events, approvals and what each event asks for.
 * Plain data: the pages load it through `/shared/labels.js` (src/web/labels.ts gathers every
 * module's labels), so it imports nothing but plain modules.
 */
import { FIELD_LABELS } from '../common/labels.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_LABELS, IMPLEMENTATION_STAGES, STAGE_LABELS, type EventType, type Stage } from './stages.js';

/** The six approvals in their order, for the forms that list them. */
export { APPROVAL_KEYS, APPROVAL_LABELS, EVENT_LABELS, STAGE_LABELS };
export type { ApprovalKey, ApprovalStatus } from './stages.js';

/** The stages of 实施 (在建, 停工), for the pages' timeline and filters. */
export { IMPLEMENTATION_STAGES };

/** The four steps of the stage timeline (储备 → 准备 → 实施 → 竣工); 实施 covers 在建 and 停工. */
export const STEP_LABELS = {
  reserve: STAGE_LABELS.reserve,
  preparation: STAGE_LABELS.preparation,
  implementation: '实施',
  completed: STAGE_LABELS.completed,
} as const;

/** The stage filter of project lists: every stage, and `implementation` for 在建 and 停工 together. */
export const STAGE_FILTER_LABELS: Record<Stage | 'implementation', string> = {
  reserve: STAGE_LABELS.reserve,
  preparation: STAGE_LABELS.preparation,
  implementation: '实施（全部）',
  'implementation.active': STAGE_LABELS['implementation.active'],
  'implementation.halted': STAGE_LABELS['implementation.halted'],
  completed: STAGE_LABELS.completed,
  withdrawn: STAGE_LABELS.withdrawn,
};

/** What each stage event asks for, in the words of that event (开工 asks for 实际开工日期). */
export const EVENT_FIELD_LABELS = {
  PROMOTE: { plannedStartDate: FIELD_LABELS.plannedStartDate },
  DEFER: { reason: '退回原因' },
  START: { date: '实际开工日期' },
  HALT: { date: '停工日期', reason: '停工原因' },
  RESUME: { date: '复工日期' },
  COMPLETE: { date: '竣工投产日期' },
  WITHDRAW: { reason: '调出原因' },
} as const satisfies Record<EventType, Record<string, string>>;
