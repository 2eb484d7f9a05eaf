// @ts-check
// The project form's model: the project's values as the server sent them ⇄ what the form
// holds (read back in the server's terms, with what the browser could not read), the changes
// between two sets of values as a PATCH body, the six approvals as a checklist with dates, and
// messages beside the fields they concern.
import { $, $$, $maybe, $of, control, h } from '/shared/dom.js';
import { APPROVAL_KEYS, APPROVAL_LABELS } from '/shared/labels.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').ApprovalKey} ApprovalKey */
/** @typedef {import('/shared/messages.js').Reason} Reason */

/** Plain fields of the form: name → kind. */
const FIELDS = /** @type {const} */ ({
  name: 'text',
  ownerEnterprise: 'text',
  totalInvestment: 'wan',
  region: 'select',
  chain: 'select',
  plannedStartDate: 'date',
  plannedCompletionDate: 'date',
  content: 'text',
});

/** @typedef {keyof typeof FIELDS} FieldName */
/** @typedef {string | number | null} FieldValue a value in the server's terms (raw text where the browser could not read it) */
/** @typedef {Record<FieldName, FieldValue> & { approvals: Record<ApprovalKey, string | null> }} FormValues */
/** @typedef {Partial<Record<FieldName, FieldValue>> & { approvals?: Partial<Record<ApprovalKey, string | null>> }} Changes a PATCH body */

const NAMES = /** @type {FieldName[]} */ (Object.keys(FIELDS));

export const form = () => $of(HTMLFormElement, '#project-form');
export const input = (/** @type {string} */ name) => control(form(), name);
const approvalCheck = (/** @type {ApprovalKey} */ key) => $of(HTMLInputElement, `[data-testid="approval-check-${key}"]`);
const approvalDate = (/** @type {ApprovalKey} */ key) => $of(HTMLInputElement, `[data-testid="approval-date-${key}"]`);

/** The comparable values of a project as the server sent it. */
export function valuesOf(/** @type {ProjectView} */ project) {
  const values = /** @type {FormValues} */ ({ approvals: {} });
  for (const name of NAMES) values[name] = project[name] ?? null;
  for (const key of APPROVAL_KEYS) values.approvals[key] = project.approvals[key] || null;
  return values;
}

/** What the form holds now, in the server's terms; `invalid` lists fields the browser could not read. */
export function formValues() {
  const values = /** @type {FormValues} */ ({ approvals: {} });
  /** @type {Reason[]} */
  const invalid = [];
  for (const name of NAMES) {
    const kind = FIELDS[name];
    const raw = input(name).value;
    if (kind === 'wan') {
      const text = raw.replace(/[,，\s]/g, '');
      if (text === '') values[name] = null;
      else if (/^-?\d+(\.\d+)?$/.test(text)) values[name] = Number(text);
      else {
        values[name] = raw;
        invalid.push({ field: name, code: null, message: '请输入数字（万元）' });
      }
    } else if (kind === 'date') {
      const date = normalizeDate(raw);
      values[name] = date || null;
      if (date === null) {
        values[name] = raw;
        invalid.push({ field: name, code: null, message: '日期格式应为 YYYY-MM-DD' });
      }
    } else if (name === 'name') values[name] = raw.trim();
    else values[name] = raw.trim() === '' ? null : kind === 'text' ? raw.trim() : raw;
  }
  for (const key of APPROVAL_KEYS) {
    const raw = approvalDate(key).value;
    const date = normalizeDate(raw);
    const checked = approvalCheck(key).checked;
    values.approvals[key] = checked ? date || null : null;
    if (checked && !raw.trim()) invalid.push({ field: `approvals.${key}`, code: null, message: '请填写办结日期' });
    else if (checked && date === null) {
      values.approvals[key] = raw;
      invalid.push({ field: `approvals.${key}`, code: null, message: '日期格式应为 YYYY-MM-DD' });
    }
  }
  return { values, invalid };
}

/** The changes from `from` to `to`, as a PATCH body (approvals nested, only the changed keys). */
export function diff(/** @type {FormValues} */ from, /** @type {FormValues} */ to) {
  /** @type {Changes} */
  const changes = {};
  for (const name of NAMES) if (to[name] !== from[name]) changes[name] = to[name];
  for (const key of APPROVAL_KEYS) {
    if (to.approvals[key] !== from.approvals[key]) changes.approvals = { ...changes.approvals, [key]: to.approvals[key] };
  }
  return changes;
}

/** How many fields a change set touches. */
export function changeCount(/** @type {Changes} */ changes) {
  return Object.keys(changes).filter((k) => k !== 'approvals').length + Object.keys(changes.approvals || {}).length;
}

/** Puts values into the form. */
export function fill(/** @type {FormValues} */ values) {
  for (const name of NAMES) {
    const value = values[name];
    input(name).value = value === null || value === undefined ? '' : String(value);
  }
  for (const key of APPROVAL_KEYS) {
    const date = values.approvals[key];
    approvalCheck(key).checked = Boolean(date);
    approvalDate(key).value = date || '';
  }
  markApprovals();
}

/** Applies a PATCH-shaped change set on top of what the form holds. */
export function applyChanges(/** @type {Changes} */ changes) {
  const current = formValues().values;
  for (const name of NAMES) if (name in changes) current[name] = changes[name] ?? null;
  if (changes.approvals) Object.assign(current.approvals, changes.approvals);
  fill(current);
}

// ------------------------------------------------------------------ the approvals checklist

/** One row per approval: ticked with its date when done; ticking fills in today. */
export function renderApprovalRows(/** @type {string} */ today) {
  $('[data-testid="approvals"]').replaceChildren(...APPROVAL_KEYS.map((key) => {
    const label = APPROVAL_LABELS[key];
    const box = h('input', { type: 'checkbox', 'aria-label': `${label}已办结`, 'data-testid': `approval-check-${key}` });
    const date = asDateInput(h('input', { 'aria-label': `${label}办结日期`, 'data-testid': `approval-date-${key}` }));
    box.addEventListener('change', () => {
      if (box.checked && !date.value) date.value = today;
      if (!box.checked) date.value = '';
      markApprovals();
      if (box.checked) date.focus();
    });
    date.addEventListener('input', () => {
      box.checked = Boolean(date.value.trim());
      markApprovals();
    });
    return h('li', { 'data-testid': `approval-${key}`, 'data-key': key },
      h('label', { class: 'ap-check' }, box, h('span', { class: 'ap-label' }, label)),
      date,
      h('span', { class: 'ap-state' }));
  }));
}

function markApprovals() {
  for (const key of APPROVAL_KEYS) {
    const row = $(`[data-testid="approval-${key}"]`);
    const done = approvalCheck(key).checked && Boolean(normalizeDate(approvalDate(key).value));
    row.classList.toggle('ok', done);
    row.classList.toggle('missing', !done);
    row.dataset.status = done ? 'done' : 'missing';
    $('.ap-state', row).textContent = done ? '已办结' : '未办结';
  }
}

// ------------------------------------------------------------------ messages beside the fields

export function clearFieldMessages() {
  for (const el of $$('.field-error, .conflict-note', form())) el.remove();
  for (const el of $$('.has-error', form())) el.classList.remove('has-error');
}

/** The element a field's message goes in (its label, or its approval row), if the form has that field. */
export function holderOf(/** @type {string | null} */ field) {
  if (!field) return null;
  if (field.startsWith('approvals.')) return $maybe(`[data-testid="approval-${field.slice('approvals.'.length)}"]`);
  const el = form().elements.namedItem(field);
  return el instanceof HTMLElement ? el.closest('.field') : null;
}

/** Puts each reason beside its field; returns the reasons that belong to no field. */
export function showFieldMessages(/** @type {Reason[]} */ reasons) {
  const loose = [];
  for (const reason of reasons) {
    const holder = holderOf(reason.field);
    if (!holder) {
      loose.push(reason);
      continue;
    }
    holder.classList.add('has-error');
    holder.append(h('span', { class: 'field-error', 'data-testid': 'field-error', 'data-field': reason.field }, reason.message));
  }
  return loose;
}
