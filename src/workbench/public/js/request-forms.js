// @ts-check
// The forms of 要素保障 in the workbench: raising a need (on the project page and with a
// monthly report) and each step of a request (受理研判, 办结, 退回, 评价, 提交常务会), each a small
// form drawn where it is needed; the server checks everything and its reasons are shown inline.
import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import {
  APPROVAL_KEYS,
  APPROVAL_LABELS,
  EVALUATION_LABELS,
  POLLUTANT_LABELS,
  REQUEST_CATEGORY_LABELS,
  REQUEST_EVENT_LABELS,
  REQUEST_KIND_LABELS,
  UNIT_LABELS,
} from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {keyof typeof REQUEST_KIND_LABELS} RequestKind */
/** @typedef {keyof typeof REQUEST_EVENT_LABELS} StepType */

/** The unit of each counted kind (the server's KIND_UNITS), for the form's hint. */
const UNITS = /** @type {Partial<Record<RequestKind, keyof typeof UNIT_LABELS>>} */ ({ land: 'mu', energy: 'tce', environment: 'tpa', funding: 'wan' });

/** @param {string} testId @param {string} label @param {HTMLElement} control */
function field(testId, label, control) {
  control.dataset.testid = testId;
  return h('label', { class: 'field', 'data-field': testId.replace(/^f-/, '') }, h('span', { class: 'field-label' }, label), control);
}

/** @param {Record<string, string>} options @param {string} [empty] */
function select(options, empty) {
  return h('select', null, empty === undefined ? null : h('option', { value: '' }, empty), Object.entries(options).map(([value, label]) => h('option', { value }, label)));
}

const value = (/** @type {HTMLElement} */ el) => ('value' in el ? String(el.value).trim() : '');

/**
 * The fields of one need: kind (and its pollutant or approval), quantity in the kind's unit,
 * description, needed-by date. `read()` gives the request body (only the fields that apply).
 */
export function needFields() {
  const kind = select(REQUEST_KIND_LABELS);
  const pollutant = select(POLLUTANT_LABELS);
  const approval = select(Object.fromEntries(APPROVAL_KEYS.map((k) => [k, APPROVAL_LABELS[k]])));
  const quantity = h('input', { inputmode: 'decimal', autocomplete: 'off' });
  const description = h('input', { maxlength: '2000', autocomplete: 'off' });
  const neededBy = asDateInput(h('input'));
  const fields = {
    kind: field('f-kind', '要素', kind),
    pollutant: field('f-pollutant', '污染物', pollutant),
    approval: field('f-approval', '前期手续', approval),
    quantity: field('f-quantity', '数量', quantity),
    description: field('f-description', '需求说明', description),
    neededBy: field('f-neededBy', '需要日期', neededBy),
  };
  const sync = () => {
    const k = /** @type {RequestKind} */ (value(kind));
    const unit = UNITS[k];
    fields.pollutant.hidden = k !== 'environment';
    fields.approval.hidden = k !== 'approval';
    fields.quantity.hidden = !unit;
    const label = fields.quantity.querySelector('.field-label');
    if (label) label.textContent = unit ? `数量（${UNIT_LABELS[unit]}）` : '数量';
  };
  kind.addEventListener('change', sync);
  sync();
  return {
    elements: Object.values(fields),
    read() {
      const k = /** @type {RequestKind} */ (value(kind));
      /** @type {Record<string, string>} */
      const body = { kind: k, description: value(description) };
      if (k === 'environment') body.pollutant = value(pollutant);
      if (k === 'approval') body.approval = value(approval);
      if (UNITS[k] && value(quantity)) body.quantity = value(quantity);
      const date = normalizeDate(value(neededBy));
      if (date) body.neededBy = date;
      return body;
    },
    clear() {
      for (const el of [quantity, description, neededBy]) el.value = '';
    },
    /** The fields as another request had them (重新提出 a returned one). */
    fill(/** @type {RequestView} */ r) {
      kind.value = r.kind;
      if (r.pollutant) pollutant.value = r.pollutant;
      if (r.approval) approval.value = r.approval;
      quantity.value = r.quantity ?? '';
      description.value = r.description;
      neededBy.value = r.neededBy ?? '';
      sync();
    },
  };
}

/**
 * 重新提出: a returned request raised again as a new one on the same project, its fields filled
 * from the returned one for the county to correct (the department's reason is shown above).
 * @param {{ request: RequestView, done: (view: RequestView) => void, cancel: () => void }} options
 */
export function raiseAgainForm({ request, done, cancel }) {
  const need = needFields();
  need.fill(request);
  const errors = h('ul', { class: 'messages', 'data-testid': 'step-errors' });
  const submit = h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'step-submit' }, '确定重新提出');
  const form = h('form', { class: 'step-form', 'data-testid': 'step-form', 'data-type': 'RAISE_AGAIN', novalidate: true },
    request.returnReason ? h('p', { class: 'return-reason', 'data-testid': 'return-reason' }, `退回原因：${request.returnReason}`) : null,
    h('div', { class: 'step-fields' }, need.elements),
    h('div', { class: 'step-actions' }, submit, h('button', { type: 'button', class: 'btn ghost small', onclick: cancel }, '取消')),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    api(`/api/projects/${request.projectId}/requests`, { method: 'POST', body: need.read() })
      .then((view) => done(/** @type {RequestView} */ (view)))
      .catch((error) => errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message))))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/** What each step asks for, in the order shown. */
function stepFields(/** @type {StepType} */ type, /** @type {RequestView} */ request, /** @type {string} */ today) {
  /** @type {Record<string, HTMLElement>} */
  const controls = {};
  const put = (/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLElement} */ control) => {
    controls[name] = control;
    return field(`f-${name}`, label, control);
  };
  switch (type) {
    case 'ACCEPT': {
      const promised = asDateInput(h('input'));
      return { controls, elements: [put('category', '问题清单', select(REQUEST_CATEGORY_LABELS, '（请选择）')), put('promisedDate', `承诺办结日期（不早于 ${today}）`, promised)] };
    }
    case 'RESOLVE': {
      const elements = [put('note', '办理情况', h('input', { maxlength: '2000', autocomplete: 'off' }))];
      if (request.unit) elements.unshift(put('granted', `保障数量（${UNIT_LABELS[/** @type {keyof typeof UNIT_LABELS} */ (request.unit)]}）`, h('input', { inputmode: 'decimal', autocomplete: 'off', value: request.quantity ?? '' })));
      if (request.kind === 'approval') elements.push(put('approvalDate', '审批办结日期（可空）', asDateInput(h('input'))));
      return { controls, elements };
    }
    case 'EVALUATE':
      return { controls, elements: [put('rating', '评价', select(EVALUATION_LABELS, '（请选择）')), put('reason', '原因（不满意必填）', h('input', { maxlength: '1000' }))] };
    case 'RETURN':
    case 'ESCALATE':
      return { controls, elements: [put('reason', '原因', h('input', { maxlength: '1000' }))] };
    default:
      return { controls, elements: [] };
  }
}

/**
 * A step's form for one request: fields, 确定 and 取消; on success `done(view)` with the request
 * as it now stands, on refusal the server's reasons under the fields.
 * @param {{ type: StepType, request: RequestView, today: string, done: (view: RequestView) => void, cancel: () => void }} options
 */
export function stepForm({ type, request, today, done, cancel }) {
  const { controls, elements } = stepFields(type, request, today);
  const errors = h('ul', { class: 'messages', 'data-testid': 'step-errors' });
  const submit = h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'step-submit' }, `确定${REQUEST_EVENT_LABELS[type]}`);
  const form = h('form', { class: 'step-form', 'data-testid': 'step-form', 'data-type': type, novalidate: true },
    h('div', { class: 'step-fields' }, elements),
    h('div', { class: 'step-actions' }, submit, h('button', { type: 'button', class: 'btn ghost small', onclick: cancel }, '取消')),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    /** @type {Record<string, string>} */
    const body = { type };
    for (const [name, control] of Object.entries(controls)) {
      const text = value(control);
      if (!text) continue;
      body[name] = name === 'promisedDate' || name === 'approvalDate' ? (normalizeDate(text) ?? text) : text;
    }
    submit.disabled = true;
    api(`/api/requests/${request.id}/events`, { method: 'POST', headers: { 'If-Match': `"${request.version}"` }, body })
      .then((view) => done(/** @type {RequestView} */ (view)))
      .catch((error) => errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message))))
      .finally(() => (submit.disabled = false));
  });
  return form;
}

/**
 * The steps this user may take on a request now: its status's events, those of the user's role
 * (a department and the city office handle, the county evaluates, the city office escalates).
 * @param {RequestView} request
 * @param {string} role
 * @returns {StepType[]}
 */
export function stepsFor(request, role) {
  /** @type {Record<string, StepType[]>} */
  const byRole = { department: ['ACCEPT', 'RESOLVE', 'RETURN'], admin: ['ACCEPT', 'RESOLVE', 'RETURN', 'ESCALATE'], region: ['EVALUATE'] };
  const mine = byRole[role] ?? [];
  return request.allowedEvents.filter((type) => mine.includes(type));
}
