// @ts-check
// The project page's 要素保障 panel: the project's requests (raise one here; each links to the
// requests page where it is followed, told (反馈) and rated (评价)) and the six approvals' handling status
// (督办: 未办 / 办理中 / 容缺受理 with its commitment date / 已办 with its date, and the department).
import { api } from '/shared/api.js';
import { $, h } from '/shared/dom.js';
import { APPROVAL_KEYS, APPROVAL_LABELS, APPROVAL_STATUS_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { approvalStatusText, kindText, quantityText, statusText } from '/shared/requests.js';
import { asDateInput, normalizeDate } from './dates.js';
import { needFields } from './request-forms.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').DepartmentView} DepartmentView */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').ApprovalDetail} ApprovalDetail */

/** @type {DepartmentView[] | null} */
let departments = null;
/** What the last raise said (kept when the panel is drawn again after it). */
let raisedNote = '';

/**
 * Draws the panel for `project`. `changed(project?)` is called after a write: with the project
 * as the server answered (an approval status bumps its version), or without (a request raised).
 * @param {ProjectView} project
 * @param {{ context: WorkbenchContext, changed: (project?: ProjectView) => void }} options
 */
export async function renderFactors(project, { context, changed }) {
  departments ??= /** @type {DepartmentView[]} */ (await api('/api/departments'));
  const canEdit = context.canEdit;
  /** @type {import('/shared/types.js').Page<RequestView>} */
  const page = await api(`/api/requests?project=${project.id}&pageSize=100`);
  const list = $('[data-testid="project-requests"]');
  list.replaceChildren(...(page.items.length
    ? page.items.map((r) => h('li', { class: r.overdue ? 'late' : null, 'data-testid': 'project-request', 'data-request-id': r.id, 'data-status': r.status },
      h('span', { class: 'pr-kind' }, kindText(r)),
      h('span', { class: 'pr-what', title: r.description }, [quantityText(r.quantity, r.unit), r.description].filter(Boolean).join(' · ')),
      h('span', { class: 'pr-status' }, `${r.departmentName} · ${statusText(r)}`),
      linkTo(r, context)))
    : [h('li', { class: 'muted' }, '暂无需求')]),
    // one rule, one instant (rules/request-overdue.ts): the workbench counts overdue days to today
    ...(page.items.some((r) => r.overdue) ? [h('li', { class: 'muted', 'data-testid': 'requests-ref' }, `逾期天数计至今天（${context.today}）`)] : []));
  const raise = $('[data-testid="raise-panel"]');
  raise.hidden = !canEdit;
  if (canEdit) raise.replaceChildren(raiseForm(project, () => changed()));
  renderApprovals(project, canEdit, changed);
  list.dataset.status = 'ready';
}

/**
 * The request's link to the requests page, named by what this user does there next: 重新提出 a
 * returned one, record the enterprise's 评价 once it has been told (反馈), else follow it.
 */
function linkTo(/** @type {RequestView} */ r, /** @type {WorkbenchContext} */ context) {
  const again = r.status === 'returned' && context.canEdit;
  const rate = r.status === 'answered' && context.user.role === 'region';
  return h('a', { href: `/workbench/requests.html?request=${r.id}`, 'data-testid': again ? 'raise-again-link' : rate ? 'evaluate-link' : null }, again ? '重新提出' : rate ? '记录企业评价' : '跟踪');
}

function raiseForm(/** @type {ProjectView} */ project, /** @type {() => void} */ done) {
  const need = needFields();
  const errors = h('ul', { class: 'messages', 'data-testid': 'raise-errors' });
  const status = h('span', { class: 'save-status', 'data-testid': 'raise-status', role: 'status' }, raisedNote);
  const form = h('form', { class: 'raise-form', 'data-testid': 'raise-form', novalidate: true },
    h('div', { class: 'step-fields' }, need.elements),
    h('div', { class: 'step-actions' }, h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'raise-submit' }, '提出需求'), status),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.replaceChildren();
    api(`/api/projects/${project.id}/requests`, { method: 'POST', body: need.read() })
      .then((/** @type {any} */ view) => {
        raisedNote = `已提出，分派至${/** @type {RequestView} */ (view).departmentName}`;
        status.textContent = raisedNote;
        need.clear();
        done();
      })
      .catch((error) => errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message))));
  });
  return form;
}

function renderApprovals(/** @type {ProjectView} */ project, /** @type {boolean} */ canEdit, /** @type {(p?: ProjectView) => void} */ changed) {
  const details = project.approvalDetails;
  const body = $('[data-testid="approval-statuses"] tbody');
  if (!details) {
    body.replaceChildren();
    return;
  }
  body.replaceChildren(...APPROVAL_KEYS.map((key) => {
    const detail = details[key];
    const departmentName = departments?.find((d) => d.code === detail.department)?.name;
    const row = h('tr', { 'data-approval': key, 'data-status': detail.status },
      h('td', null, APPROVAL_LABELS[key]),
      h('td', { class: `ap-status ap-${detail.status}` }, approvalStatusText(detail)),
      h('td', null, departmentName ?? '—'),
      h('td', null, canEdit ? h('button', { type: 'button', class: 'btn ghost small', 'data-testid': `edit-approval-${key}` }, '办理') : null));
    row.querySelector('button')?.addEventListener('click', () => row.after(approvalEditor(project, key, detail, changed)));
    return row;
  }));
}

/** One approval's status editor (PUT …/approvals/:key with the project version read). */
function approvalEditor(/** @type {ProjectView} */ project, /** @type {import('/shared/types.js').ApprovalKey} */ key, /** @type {ApprovalDetail} */ detail, /** @type {(p?: ProjectView) => void} */ changed) {
  const status = h('select', { 'data-testid': 'f-approval-status' }, Object.entries(APPROVAL_STATUS_LABELS).map(([value, label]) => h('option', { value, selected: value === detail.status }, label)));
  const date = asDateInput(h('input', { 'data-testid': 'f-approval-date', value: detail.date ?? '' }));
  const commitment = asDateInput(h('input', { 'data-testid': 'f-commitment-date', value: detail.commitmentDate ?? '' }));
  const department = h('select', { 'data-testid': 'f-approval-department' }, h('option', { value: '' }, '（未指定）'),
    (departments ?? []).map((d) => h('option', { value: d.code, selected: d.code === detail.department }, d.name)));
  const errors = h('ul', { class: 'messages' });
  const cell = h('td', { colspan: '4' },
    h('div', { class: 'step-fields' },
      h('label', { class: 'field' }, '状态', status),
      h('label', { class: 'field' }, '日期（已办：办结；其他：受理）', date),
      h('label', { class: 'field' }, '容缺承诺补齐日期', commitment),
      h('label', { class: 'field' }, '经办部门', department)),
    h('div', { class: 'step-actions' }, h('button', { type: 'button', class: 'btn primary small', 'data-testid': 'approval-save' }, '保存办理状态')),
    errors);
  const editor = h('tr', { class: 'approval-editor', 'data-testid': `approval-editor-${key}` }, cell);
  cell.querySelector('button')?.addEventListener('click', () => {
    /** @type {Record<string, string>} */
    const body = { status: status.value };
    const d = normalizeDate(date.value);
    const c = normalizeDate(commitment.value);
    if (d) body.date = d;
    if (c) body.commitmentDate = c;
    if (department.value) body.department = department.value;
    api(`/api/projects/${project.id}/approvals/${key}`, { method: 'PUT', headers: { 'If-Match': `"${project.version}"` }, body })
      .then((view) => changed(/** @type {ProjectView} */ (view)))
      .catch((error) => errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message))));
  });
  return editor;
}
