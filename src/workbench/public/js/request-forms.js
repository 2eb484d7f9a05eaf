// @ts-check
// The forms of 要素保障 in the workbench: raising a need (on the project page and with a
// monthly report) and each step of a request (受理研判, 办结, 反馈, 退回, 评价, 提交常务会, 常务会议定),
// each a small form drawn where it is needed; the server checks everything and its reasons are
// shown at the field they name.
import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import {
  APPROVAL_KEYS,
  APPROVAL_LABELS,
  EVALUATION_LABELS,
  FEEDBACK_METHOD_LABELS,
  POLLUTANT_LABELS,
  REQUEST_CATEGORY_LABELS,
  REQUEST_EVENT_LABELS,
  REQUEST_KIND_LABELS,
  UNIT_LABELS,
} from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').PersonView} PersonView */
/** @typedef {keyof typeof REQUEST_KIND_LABELS} RequestKind */
/** @typedef {keyof typeof REQUEST_EVENT_LABELS} StepType */

/** The unit of each counted kind (the server's KIND_UNITS), for the form's hint. */
const UNITS = /** @type {Partial<Record<RequestKind, keyof typeof UNIT_LABELS>>} */ ({ land: 'mu', energy: 'tce', environment: 'tpa', funding: 'wan' });

/** @param {string} testId @param {string} label @param {HTMLElement} control */
export function field(testId, label, control) {
  control.dataset.testid = testId;
  return h('label', { class: 'field', 'data-field': testId.replace(/^f-/, '') }, h('span', { class: 'field-label' }, label), control);
}

/** @param {Record<string, string>} options @param {string} [empty] */
export function select(options, empty) {
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

/**
 * A choice of a person of the register (the 专员 who told the enterprise or took its answer),
 * or nobody; `selected` is preselected (the 专员 who brought the problem in).
 * @param {PersonView[]} people @param {number | null | undefined} selected
 */
export function personSelect(people, selected) {
  return h('select', null, h('option', { value: '' }, '（无专员）'),
    people.filter((p) => p.active || p.id === selected).map((p) => h('option', { value: String(p.id), selected: p.id === selected }, `${p.name}（${[p.organisation, p.title].filter(Boolean).join(' ')}）`)));
}

/** Fields whose value is sent as a number or a date (the others as text). */
const NUMBER_FIELDS = new Set(['commissionerId']);
const DATE_FIELDS = new Set(['promisedDate', 'approvalDate', 'date', 'deadline']);

/**
 * The body of a form's controls: only what was filled in, dates tidied, ids as numbers.
 * @param {Record<string, HTMLElement>} controls
 */
export function bodyOf(controls) {
  /** @type {Record<string, string | number>} */
  const body = {};
  for (const [name, control] of Object.entries(controls)) {
    const text = value(control);
    if (!text) continue;
    body[name] = NUMBER_FIELDS.has(name) ? Number(text) : DATE_FIELDS.has(name) ? (normalizeDate(text) ?? text) : text;
  }
  return body;
}

/**
 * Shows a refusal where it belongs: each reason naming a field of the form under that field
 * (in words), the others in the list under the form; `clear()` empties both.
 * @param {HTMLElement} form @param {HTMLElement} list
 */
export function refusals(form, list) {
  const clear = () => {
    list.replaceChildren();
    for (const el of form.querySelectorAll('.field-error')) el.remove();
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };
  return {
    clear,
    /** One sentence of the page's own at a field (what to choose before anything is sent). */
    at(/** @type {string} */ name, /** @type {string} */ message) {
      clear();
      const at = form.querySelector(`[data-field="${name}"]`);
      at?.append(h('small', { class: 'field-error', 'data-testid': 'field-error', role: 'alert' }, message));
      at?.querySelector('input, select')?.setAttribute('aria-invalid', 'true');
    },
    show(/** @type {unknown} */ error) {
      clear();
      const rest = [];
      for (const reason of reasonsOf(error)) {
        const at = reason.field ? form.querySelector(`[data-field="${reason.field.replace(/^enterprise\./, 'enterprise-')}"]`) : null;
        // one sentence per field: the first says what to do (a missing value is not also "too long")
        if (at instanceof HTMLElement && !at.hidden && at.querySelector('.field-error')) continue;
        if (at instanceof HTMLElement && !at.hidden) {
          at.append(h('small', { class: 'field-error', 'data-testid': 'field-error', role: 'alert' }, reason.message));
          at.querySelector('input, select')?.setAttribute('aria-invalid', 'true');
        } else rest.push(h('li', null, reason.message));
      }
      list.replaceChildren(...rest);
    },
  };
}

/** What each step asks for, in the order shown. */
function stepFields(/** @type {StepType} */ type, /** @type {RequestView} */ request, /** @type {string} */ today, /** @type {PersonView[]} */ people) {
  /** @type {Record<string, HTMLElement>} */
  const controls = {};
  const put = (/** @type {string} */ name, /** @type {string} */ label, /** @type {HTMLElement} */ control) => {
    controls[name] = control;
    return field(`f-${name}`, label, control);
  };
  const text = (/** @type {number} */ max) => h('input', { maxlength: String(max), autocomplete: 'off' });
  switch (type) {
    case 'ACCEPT': {
      const promised = asDateInput(h('input'));
      return { controls, elements: [put('category', '问题清单', select(REQUEST_CATEGORY_LABELS, '（请选择）')), put('promisedDate', `承诺办结日期（不早于 ${today}）`, promised)] };
    }
    case 'RESOLVE': {
      const elements = [put('note', '办理情况', text(2000))];
      if (request.unit) elements.unshift(put('granted', `保障数量（${UNIT_LABELS[/** @type {keyof typeof UNIT_LABELS} */ (request.unit)]}）`, h('input', { inputmode: 'decimal', autocomplete: 'off', value: request.quantity ?? '' })));
      if (request.kind === 'approval') elements.push(put('approvalDate', '审批办结日期（可空）', asDateInput(h('input'))));
      return { controls, elements };
    }
    case 'FEEDBACK': {
      const date = asDateInput(h('input', { value: today }));
      return {
        controls,
        elements: [
          put('method', '告知方式', select(FEEDBACK_METHOD_LABELS, '（请选择）')),
          put('date', `告知日期（不晚于 ${today}）`, date),
          put('note', '告知内容（可空）', text(2000)),
          put('commissionerId', '告知的专员（可空）', personSelect(people, request.commissioner?.id)),
        ],
      };
    }
    case 'EVALUATE':
      return {
        controls,
        elements: [
          put('rating', '企业评价', select(EVALUATION_LABELS, '（请选择）')),
          put('reason', '原因（不满意必填）', text(1000)),
          put('respondent', '企业评价人（可空）', text(100)),
          put('commissionerId', '收集评价的专员（可空）', personSelect(people, request.commissioner?.id)),
        ],
      };
    case 'ESCALATE':
      return {
        controls,
        elements: [
          put('reason', '存在问题', text(1000)),
          put('topic', '议题（可空）', text(200)),
          put('opinion', '部门意见（可空）', text(2000)),
          put('proposal', '建议（可空）', text(2000)),
        ],
      };
    case 'DECIDE':
      return {
        controls,
        elements: [
          put('decision', '议定事项', text(2000)),
          put('responsibleUnit', '责任单位', h('input', { maxlength: '200', autocomplete: 'off', value: request.departmentName })),
          put('deadline', `办理时限（不早于 ${today}）`, asDateInput(h('input'))),
        ],
      };
    case 'RETURN':
      return { controls, elements: [put('reason', '原因', text(1000))] };
    default:
      return { controls, elements: [] };
  }
}

/**
 * A step's form for one request: fields, 确定 and 取消; on success `done(view)` with the request
 * as it now stands, on refusal the server's reasons at their fields (the others under the form).
 * @param {{ type: StepType, request: RequestView, today: string, people?: PersonView[], done: (view: RequestView) => void, cancel: () => void }} options
 */
export function stepForm({ type, request, today, people = [], done, cancel }) {
  const { controls, elements } = stepFields(type, request, today, people);
  const errors = h('ul', { class: 'messages', 'data-testid': 'step-errors' });
  const submit = h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'step-submit' }, `确定${REQUEST_EVENT_LABELS[type]}`);
  const form = h('form', { class: 'step-form', 'data-testid': 'step-form', 'data-type': type, novalidate: true },
    h('div', { class: 'step-fields' }, elements),
    h('div', { class: 'step-actions' }, submit, h('button', { type: 'button', class: 'btn ghost small', onclick: cancel }, '取消')),
    errors);
  const refused = refusals(form, errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    refused.clear();
    api(`/api/requests/${request.id}/events`, { method: 'POST', headers: { 'If-Match': `"${request.version}"` }, body: { type, ...bodyOf(controls) } })
      .then((view) => done(/** @type {RequestView} */ (view)))
      .catch((error) => refused.show(error))
      .finally(() => (submit.disabled = false));
  });
  // wired: a test (or a quick hand) may fill it in now
  form.dataset.ready = 'true';
  return form;
}

/**
 * The steps this user may take on a request now: its status's events, those of the user's role
 * (a department and the city office handle and tell the enterprise (反馈), the county — or, for a
 * whole chain's problem without a county, the chain team — records its 评价, the city office
 * takes it to the 常务会 and records the decision).
 * @param {RequestView} request
 * @param {string} role
 * @returns {StepType[]}
 */
export function stepsFor(request, role) {
  /** @type {Record<string, StepType[]>} */
  const byRole = {
    department: ['ACCEPT', 'RESOLVE', 'FEEDBACK', 'RETURN'],
    admin: ['ACCEPT', 'RESOLVE', 'FEEDBACK', 'RETURN', 'ESCALATE', 'DECIDE'],
    region: ['EVALUATE'],
    // a chain team rates only a whole chain's problem that has no county
    chain: request.region ? [] : ['EVALUATE'],
  };
  const mine = byRole[role] ?? [];
  return request.allowedEvents.filter((type) => mine.includes(type));
}
