// @ts-check
// The stage timeline (储备 → 准备 → 实施 → 竣工) both pages draw from a project's history: the
// date each main stage was last entered, the step it stands on now, the planned dates ahead,
// and notes for 停工, 复工, 退回 and 调出 with their dates and reasons.
import { h } from '/shared/dom.js';
import { localDate } from '/shared/format.js';
import { EVENT_LABELS, IMPLEMENTATION_STAGES, STAGE_LABELS, STEP_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').HistoryEntry} HistoryEntry */
/** @typedef {keyof typeof STEP_LABELS} Step */

/** @type {Step[]} */
const STEPS = ['reserve', 'preparation', 'implementation', 'completed'];

/** Events whose date and reason are noted under the timeline. */
const NOTED = new Set(['HALT', 'RESUME', 'DEFER', 'WITHDRAW']);

/** The date a history entry took effect: its effective date, else the Shanghai date it was recorded. */
function dateOf(/** @type {HistoryEntry} */ entry) {
  return entry.effectiveDate || localDate(entry.recordedAt);
}

/**
 * The latest date each main stage was entered, from the history (oldest first).
 * @param {ProjectView} project
 * @param {HistoryEntry[]} history
 * @returns {Record<Step, string | null>}
 */
export function stageDates(project, history) {
  /** @type {Record<Step, string | null>} */
  const dates = { reserve: null, preparation: null, implementation: null, completed: null };
  for (const entry of history) {
    if (entry.kind === 'created') dates.reserve = dateOf(entry);
    if (entry.kind !== 'transition') continue;
    if (entry.event === 'DEFER') dates.reserve = dateOf(entry);
    if (entry.event === 'PROMOTE') dates.preparation = dateOf(entry);
    if (entry.event === 'START') dates.implementation = dateOf(entry);
    if (entry.event === 'COMPLETE') dates.completed = dateOf(entry);
  }
  if (!dates.implementation && project.actualStartDate) dates.implementation = project.actualStartDate;
  if (!dates.completed && project.actualCompletionDate) dates.completed = project.actualCompletionDate;
  return dates;
}

/** The step (0 储备 … 3 竣工) a stage stands on; a withdrawn project shows the last one it reached. */
export function currentStep(/** @type {ProjectView['stage']} */ stage, /** @type {Record<Step, string | null>} */ dates) {
  if (stage === 'reserve') return 0;
  if (stage === 'preparation') return 1;
  if (IMPLEMENTATION_STAGES.includes(stage)) return 2;
  if (stage === 'completed') return 3;
  return dates.completed ? 3 : dates.implementation ? 2 : dates.preparation ? 1 : 0;
}

/**
 * Draws the timeline into `list` (one li per step, data-testid timeline-<step>, data-status
 * done | current | halted | stopped | future) and the notes into `notes`. With `withdrawnStep`,
 * a withdrawn project gets a fifth step, 退出, dated.
 * @param {{ list: HTMLElement, notes: HTMLElement, withdrawnStep?: boolean }} where
 * @param {ProjectView} project
 * @param {HistoryEntry[]} history
 */
export function renderTimeline({ list, notes, withdrawnStep = false }, project, history) {
  const dates = stageDates(project, history);
  const current = currentStep(project.stage, dates);
  const withdrawn = project.stage === 'withdrawn';
  const halted = project.stage === 'implementation.halted';
  /** @type {Partial<Record<Step, string | null>>} */
  const planned = { implementation: project.plannedStartDate, completed: project.plannedCompletionDate };
  const steps = STEPS.map((step, i) => {
    const status = i < current ? 'done' : i === current ? (withdrawn ? 'stopped' : halted ? 'halted' : 'current') : 'future';
    const date = i <= current ? dates[step] : null;
    const plan = i > current && !withdrawn && planned[step] ? `计划 ${planned[step]}` : null;
    const label = i === current && step === 'implementation' && project.stage !== 'withdrawn' ? STAGE_LABELS[project.stage] : STEP_LABELS[step];
    return h('li', { class: `step ${status}`, 'data-testid': `timeline-${step}`, 'data-status': status, 'aria-current': i === current ? 'step' : null },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, String(i + 1)),
      h('span', { class: 'step-label' }, label),
      h('span', { class: 'step-date', 'data-testid': 'timeline-date' }, date || plan || '—'));
  });
  if (withdrawn && withdrawnStep) {
    const entry = [...history].reverse().find((e) => e.event === 'WITHDRAW');
    steps.push(h('li', { class: 'step withdrawn', 'data-testid': 'timeline-withdrawn', 'data-status': 'current', 'aria-current': 'step' },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, '×'),
      h('span', { class: 'step-label' }, STAGE_LABELS.withdrawn),
      h('span', { class: 'step-date', 'data-testid': 'timeline-date' }, entry ? dateOf(entry) : '—')));
  }
  list.replaceChildren(...steps);
  notes.replaceChildren(...history
    .filter((e) => e.kind === 'transition' && e.event && NOTED.has(e.event))
    .map((e) => h('span', { class: `note note-${String(e.event).toLowerCase()}` },
      `${e.event ? EVENT_LABELS[/** @type {keyof typeof EVENT_LABELS} */ (e.event)] ?? e.event : ''} ${dateOf(e)}`, e.reason ? `：${e.reason}` : '')));
}
