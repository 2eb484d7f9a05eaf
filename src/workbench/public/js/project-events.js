// @ts-check
// The project page's events panel (阶段操作): one button per event the project's stage allows,
// each opening a small form that asks only for what that event needs, sent with the version
// the page read; a refusal is listed under the button in the server's words.
import { api, ApiError } from '/shared/api.js';
import { $, $$, $maybe, $of, control, h } from '/shared/dom.js';
import { EVENT_FIELD_LABELS, EVENT_LABELS, FIELD_LABELS, STAGE_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').EventType} EventType */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {'date' | 'reason' | 'plannedStartDate'} EventField */

/**
 * What the panel needs from the page.
 * @typedef {object} EventHost
 * @property {WorkbenchContext} context
 * @property {() => ProjectView | null} project the project as last read (its version goes with the event)
 * @property {() => boolean} hasPendingChanges the form holds changes not saved yet
 * @property {(project: ProjectView) => Promise<void>} afterEvent show the project the event left
 * @property {() => Promise<void>} refresh read the project again (after a stale version)
 * @property {{ busy: boolean }} lock one save or event at a time
 */

/** What each event asks for (the payload of each event type). @type {Record<EventType, EventField[]>} */
const EVENT_FIELDS = {
  PROMOTE: ['plannedStartDate'],
  DEFER: ['reason'],
  START: ['date'],
  HALT: ['date', 'reason'],
  RESUME: ['date'],
  COMPLETE: ['date'],
  WITHDRAW: ['reason'],
};

/** @type {EventType | null} */
let openEvent = null;

/** The words for a field of an event: 开工 asks for 实际开工日期. */
function fieldLabel(/** @type {EventType} */ type, /** @type {EventField} */ field) {
  /** @type {Record<string, string>} */
  const own = EVENT_FIELD_LABELS[type];
  return own[field] || FIELD_LABELS[field];
}

function eventField(/** @type {EventType} */ type, /** @type {EventField} */ field, /** @type {string} */ today) {
  const control = field === 'reason'
    ? h('input', { name: field, maxlength: '1000', placeholder: '请填写原因', 'data-testid': `event-${type}-${field}` })
    : asDateInput(h('input', { name: field, value: field === 'date' ? today : '', 'data-testid': `event-${type}-${field}` }));
  return h('label', { class: `event-field field-${field}` }, fieldLabel(type, field), control);
}

/** Draws the buttons (and their closed forms) for the events the project allows. */
export function renderEvents(/** @type {ProjectView} */ project, /** @type {EventHost} */ host) {
  const box = $('[data-testid="events"]');
  if (!host.context.canEdit) {
    box.replaceChildren(h('p', { class: 'muted' }, '当前角色只能查看，不能推进阶段。'));
    return;
  }
  if (!project.allowedEvents.length) {
    box.replaceChildren(h('p', { class: 'muted' }, `项目已${STAGE_LABELS[project.stage]}，不再流转。`));
    return;
  }
  box.replaceChildren(...project.allowedEvents.map((type) => {
    const fields = EVENT_FIELDS[type].filter((f) => !(f === 'plannedStartDate' && project.plannedStartDate));
    const button = h('button', { type: 'button', class: `btn event-btn event-${type.toLowerCase()}`, 'data-testid': `event-button-${type}`, 'aria-expanded': 'false' }, EVENT_LABELS[type]);
    const errors = h('ul', { class: 'event-error', 'data-testid': `event-error-${type}`, role: 'alert' });
    const panel = h('form', { class: 'event-form', 'data-testid': `event-form-${type}`, hidden: true, novalidate: true },
      fields.map((f) => eventField(type, f, host.context.today)),
      fields.length ? null : h('span', { class: 'muted' }, type === 'PROMOTE' ? `${FIELD_LABELS.plannedStartDate} ${project.plannedStartDate}` : '无需填写其他内容'),
      h('span', { class: 'pending-note', 'data-role': 'pending-note', hidden: true }, '表单有未保存的修改：流转按已保存的数据判断'),
      h('button', { type: 'submit', class: 'btn primary small', 'data-testid': `event-confirm-${type}` }, `确认${EVENT_LABELS[type]}`),
      h('button', { type: 'button', class: 'btn ghost small', 'data-role': 'cancel' }, '取消'));
    button.addEventListener('click', () => toggleEvent(type, openEvent !== type, host));
    $('[data-role="cancel"]', panel).addEventListener('click', () => toggleEvent(type, false, host));
    panel.addEventListener('submit', (event) => {
      event.preventDefault();
      void sendEvent(type, fields, panel, errors, host);
    });
    return h('div', { class: 'event', 'data-event': type, 'data-testid': `event-${type}` }, h('div', { class: 'event-line' }, button, errors), panel);
  }));
  openEvent = null;
}

function toggleEvent(/** @type {EventType} */ type, /** @type {boolean} */ open, /** @type {EventHost} */ host) {
  for (const panel of $$('.event-form')) {
    const mine = panel.dataset.testid === `event-form-${type}`;
    panel.hidden = !(mine && open);
    const button = $(`[data-testid="event-button-${String(panel.dataset.testid).slice('event-form-'.length)}"]`);
    button.setAttribute('aria-expanded', String(mine && open));
    button.classList.toggle('open', mine && open);
  }
  openEvent = open ? type : null;
  if (open) {
    const panel = $(`[data-testid="event-form-${type}"]`);
    $('[data-role="pending-note"]', panel).hidden = !host.hasPendingChanges();
    $maybe('input', panel)?.focus();
  }
}

/**
 * Sends the event with what its form holds (checked here first: every field filled, dates readable).
 * @param {EventType} type
 * @param {EventField[]} fields
 * @param {HTMLFormElement} panel
 * @param {HTMLElement} errors
 * @param {EventHost} host
 */
async function sendEvent(type, fields, panel, errors, host) {
  const project = host.project();
  if (host.lock.busy || !project) return;
  errors.replaceChildren();
  /** @type {{ type: EventType } & Partial<Record<EventField, string>>} */
  const body = { type };
  const missing = [];
  for (const field of fields) {
    const label = fieldLabel(type, field);
    const raw = control(panel, field).value.trim();
    const value = field === 'reason' ? raw : normalizeDate(raw);
    if (!raw) missing.push(`请填写${label}`);
    else if (value === null) missing.push(`${label}格式应为 YYYY-MM-DD`);
    else body[field] = value;
  }
  if (missing.length) {
    errors.replaceChildren(...missing.map((m) => h('li', null, m)));
    return;
  }
  host.lock.busy = true;
  const confirm = $of(HTMLButtonElement, `[data-testid="event-confirm-${type}"]`);
  confirm.disabled = true;
  const result = $('[data-testid="event-result"]');
  result.textContent = '';
  try {
    /** @type {ProjectView} */
    const after = await api(`/api/projects/${project.id}/events`, { method: 'POST', headers: { 'If-Match': `"${project.version}"` }, body });
    await host.afterEvent(after);
    result.textContent = `已${EVENT_LABELS[type]}${body.date ? `（${body.date}）` : ''}：当前阶段 ${STAGE_LABELS[after.stage]}`;
    result.dataset.kind = 'ok';
  } catch (error) {
    errors.replaceChildren(...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
    if (error instanceof ApiError && error.status === 412)
      errors.append(h('li', null, h('button', { type: 'button', class: 'btn warn small', onclick: () => void host.refresh() }, '刷新')));
  } finally {
    host.lock.busy = false;
    if (confirm.isConnected) confirm.disabled = false;
  }
}
