// @ts-check
// The project page's 节点计划 (正排进度) panel: the project's milestones with their planned and
// actual dates and whether each is late; a county operator or the city office edits the whole
// list (开工, 主体完工, 设备安装, 试生产, 竣工投产, or the project's own) and saves it with the
// version read. A list entry without a monthly curve of its own then derives it from them
// (docs/domain/milestones.md).
import { api, ApiError } from '/shared/api.js';
import { $, h } from '/shared/dom.js';
import { MILESTONE_NAMES } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').ProjectMilestone} ProjectMilestone */
/** @typedef {import('/shared/types.js').MilestoneView} MilestoneView */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */

/** What the last save said (kept when the panel is drawn again after it). */
let savedNote = '';

/** One milestone's state in words and as a class: reached, late, or still ahead. */
function statusOf(/** @type {ProjectMilestone} */ m) {
  if (m.actualDate) return { text: `已完成`, kind: 'done' };
  if (m.overdue) return { text: '滞后', kind: 'late' };
  return { text: '未到期', kind: 'ahead' };
}

/**
 * Draws the panel for `project`; `changed()` is called after a save (the project's version moved).
 * @param {ProjectView} project
 * @param {{ context: WorkbenchContext, changed: () => void }} options
 */
export function renderMilestones(project, { context, changed }) {
  const milestones = project.milestones || [];
  const body = $('[data-testid="milestones"] tbody');
  const editor = $('[data-testid="milestone-editor"]');
  body.replaceChildren(...(milestones.length
    ? milestones.map((m) => {
      const status = statusOf(m);
      return h('tr', { 'data-testid': 'milestone-row', 'data-name': m.name, 'data-status': status.kind, class: status.kind === 'late' ? 'late' : null },
        h('td', null, m.name), h('td', null, m.plannedDate), h('td', null, m.actualDate || '—'), h('td', { class: `ms-${status.kind}` }, status.text));
    })
    : [h('tr', null, h('td', { colspan: '4', class: 'muted' }, '尚未填写节点计划'))]));
  editor.hidden = !context.canEdit;
  if (context.canEdit) editor.replaceChildren(editForm(project, milestones, changed));
  $('[data-testid="milestones"]').dataset.status = 'ready';
}

/** The edit form: one row per milestone (name, planned, actual, remove), add a row, save the whole list. */
function editForm(/** @type {ProjectView} */ project, /** @type {ProjectMilestone[]} */ milestones, /** @type {() => void} */ changed) {
  const rows = h('tbody');
  const names = h('datalist', { id: 'milestone-names' }, MILESTONE_NAMES.map((name) => h('option', { value: name })));
  const addRow = (/** @type {Partial<MilestoneView>} */ m = {}) => {
    const planned = asDateInput(h('input', { name: 'plannedDate', value: m.plannedDate || '', 'aria-label': '计划日期' }));
    const actual = asDateInput(h('input', { name: 'actualDate', value: m.actualDate || '', 'aria-label': '实际完成日期' }));
    const remove = h('button', { type: 'button', class: 'btn ghost small', 'aria-label': '删除该节点' }, '删除');
    const row = h('tr', { 'data-testid': 'milestone-edit-row' },
      h('td', null, h('input', { name: 'name', value: m.name || '', list: 'milestone-names', maxlength: '32', 'aria-label': '节点名称' })),
      h('td', null, planned), h('td', null, actual), h('td', null, remove));
    remove.addEventListener('click', () => row.remove());
    rows.append(row);
  };
  for (const m of milestones) addRow(m);
  if (!milestones.length) for (const name of MILESTONE_NAMES) addRow({ name });
  const errors = h('ul', { class: 'messages', 'data-testid': 'milestone-errors' });
  const status = h('span', { class: 'save-status', 'data-testid': 'milestone-status', role: 'status' }, savedNote);
  const add = h('button', { type: 'button', class: 'btn small', 'data-testid': 'milestone-add' }, '添加节点');
  add.addEventListener('click', () => addRow());
  const form = h('form', { class: 'milestone-form', 'data-testid': 'milestone-form', novalidate: true },
    names,
    h('table', { class: 'grid-table compact' }, h('thead', null, h('tr', null, h('th', null, '节点'), h('th', null, '计划日期'), h('th', null, '实际完成'), h('th', null, ''))), rows),
    h('div', { class: 'step-actions' }, add, h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'milestone-save' }, '保存节点计划'), status),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.replaceChildren();
    /** @type {string[]} */
    const problems = [];
    /** @type {{ name: string, plannedDate: string, actualDate?: string }[]} */
    const list = [];
    [...rows.querySelectorAll('tr')].forEach((row, index) => {
      const value = (/** @type {string} */ name) => /** @type {HTMLInputElement} */ (row.querySelector(`input[name="${name}"]`)).value;
      const name = value('name').trim();
      const planned = normalizeDate(value('plannedDate'));
      const actual = normalizeDate(value('actualDate'));
      if (!name && !planned && !actual) return; // an empty row is left out
      if (!name) problems.push(`第 ${index + 1} 行：请填写节点名称`);
      if (!planned) problems.push(`第 ${index + 1} 行（${name || '未命名'}）：请按 YYYY-MM-DD 填写计划日期`);
      if (actual === null) problems.push(`第 ${index + 1} 行（${name || '未命名'}）：实际完成日期请按 YYYY-MM-DD 填写`);
      if (name && planned) list.push(actual ? { name, plannedDate: planned, actualDate: actual } : { name, plannedDate: planned });
    });
    if (problems.length) {
      errors.replaceChildren(...problems.map((p) => h('li', null, p)));
      return;
    }
    status.textContent = '正在保存…';
    api(`/api/projects/${project.id}/milestones`, { method: 'PUT', headers: { 'If-Match': `"${project.version}"` }, body: list })
      .then(() => {
        savedNote = '已保存节点计划';
        changed();
      })
      .catch((error) => {
        status.textContent = '';
        const stale = error instanceof ApiError && error.status === 412;
        errors.replaceChildren(...(stale ? [h('li', null, '已被他人修改，请刷新后再保存')] : reasonsOf(error).map((r) => h('li', null, r.message || messageOf(error)))));
      });
  });
  return form;
}
