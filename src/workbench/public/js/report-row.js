// @ts-check
// One project's row of the monthly report sheet (月调度填报): the inputs, the previous month
// and the year to date beside them, the actual dates of milestones reached (节点, under the row
// when the project has some not yet reached), its state (未报, 已报, 待保存, 未通过…) and saving it.
import { actorName } from '/shared/actors.js';
import { api } from '/shared/api.js';
import { $, h, setChildren } from '/shared/dom.js';
import { localDateTime, stageName, wan } from '/shared/format.js';
import { monthLabel } from '/shared/period.js';
import { LIST_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { needEntry } from './report-needs.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').ReportSheetRow} ReportSheetRow */
/** @typedef {import('/shared/types.js').FiledReport} FiledReport */
/** @typedef {import('/shared/dom.js').Child} Child */

/**
 * How the rows of a sheet are drawn and saved.
 * @typedef {object} SheetOptions
 * @property {string} month the month filed (YYYY-MM)
 * @property {boolean} editable the role may file reports
 * @property {boolean} showRegion the caller sees more than one region
 * @property {boolean} closed a published bulletin closed the month: a change needs a reason
 * @property {() => void} onChange a row's input or state changed
 */

/**
 * One project's row: its sheet data, the table row, the message row under it, and its inputs.
 * @typedef {object} Row
 * @property {ReportSheetRow} data
 * @property {SheetOptions} sheet
 * @property {HTMLTableRowElement} tr
 * @property {HTMLTableRowElement} msg
 * @property {{ amount: HTMLInputElement, progress: HTMLInputElement, problems: HTMLInputElement, reason: HTMLInputElement | null }} inputs
 * @property {HTMLButtonElement | null} save
 * @property {ReturnType<typeof needEntry> | null} need a 要素需求 to raise with the report (report-needs.js)
 * @property {{ tr: HTMLTableRowElement, inputs: { name: string, input: HTMLInputElement }[] } | null} milestones the actual dates of milestones reached, recorded with the report
 */

/** @returns {{ empty: true } | { error: string } | { value: number }} */
function amountOf(/** @type {string} */ text) {
  const clean = text.replace(/[,，\s]/g, '');
  if (clean === '') return { empty: true };
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return { error: '请输入数字（万元）' };
  return { value: Number(clean) };
}

export function isDirty(/** @type {Row} */ row) {
  const i = row.inputs;
  const r = row.data.report;
  const amount = i.amount.value.replace(/[,，\s]/g, '');
  const progress = i.progress.value.trim();
  const problems = i.problems.value.trim();
  const need = Boolean(row.need && row.need.read().length) || Boolean(row.milestones?.inputs.some((m) => m.input.value.trim()));
  if (!r) return amount !== '' || progress !== '' || problems !== '' || need;
  return amount !== String(r.amount) || progress !== (r.progress || '') || problems !== (r.problems || '') || need;
}

function setRowState(/** @type {Row} */ row, /** @type {string} */ state, /** @type {Child} */ content) {
  row.tr.dataset.state = state;
  setChildren($('[data-testid="row-status"]', row.tr), content);
}

function showRowMessages(/** @type {Row} */ row, /** @type {string[]} */ messages, kind = 'error') {
  row.msg.hidden = messages.length === 0;
  row.msg.dataset.kind = kind;
  $('td', row.msg).replaceChildren(h('ul', { class: 'messages', 'data-testid': 'row-errors' }, messages.map((m) => h('li', null, m))));
}

/** @returns {[string, HTMLElement]} the row's state and its label */
function statusOf(/** @type {Row} */ row) {
  const r = row.data.report;
  if (!r) return ['missing', h('span', { class: 'status missing' }, '未报')];
  return ['filed', h('span', { class: 'status filed', title: `${actorName(r.actor)} ${localDateTime(r.recordedAt)}` }, '已报',
    h('small', null, r.revisions > 1 ? ` 第${r.revisions}次修订` : ''), r.correction ? h('small', { class: 'correction' }, ' 更正') : null)];
}

function refreshRow(/** @type {Row} */ row) {
  const [state, label] = statusOf(row);
  if (isDirty(row)) setRowState(row, 'dirty', [h('span', { class: 'status dirty' }, '待保存'), ' ', label]);
  else setRowState(row, state, label);
  const amount = amountOf(row.inputs.amount.value);
  const typed = 'value' in amount && amount.value >= 0 ? amount.value : 0;
  $('[data-testid="ytd"]', row.tr).textContent = wan(row.data.yearToDateBefore + typed);
  row.sheet.onChange();
}

/** A row for one project of the sheet. */
export function createRow(/** @type {ReportSheetRow} */ data, /** @type {SheetOptions} */ sheet) {
  const editable = sheet.editable;
  const r = data.report;
  const amount = h('input', { 'data-role': 'amount', 'data-testid': 'amount', inputmode: 'numeric', value: r ? String(r.amount) : '', placeholder: '万元', 'aria-label': `${data.name} 本月完成投资（万元）`, disabled: !editable, autocomplete: 'off' });
  const progress = h('input', { 'data-role': 'progress', 'data-testid': 'progress', value: (r && r.progress) || '', maxlength: '2000', placeholder: '如：主体结构施工', 'aria-label': `${data.name} 形象进度`, disabled: !editable });
  const problems = h('input', { 'data-role': 'problems', 'data-testid': 'problems', value: (r && r.problems) || '', maxlength: '2000', placeholder: '如：用地、能耗、资金', 'aria-label': `${data.name} 问题及要素需求`, disabled: !editable });
  const reason = sheet.closed ? h('input', { 'data-role': 'reason', 'data-testid': 'reason', maxlength: '1000', placeholder: '修改已通报数据须填写', 'aria-label': `${data.name} 更正原因`, disabled: !editable }) : null;
  const save = editable ? h('button', { type: 'button', class: 'btn small', 'data-testid': 'save-row' }, '保存') : null;
  const prev = data.previous;
  const need = editable ? needEntry(data.name, reason ? 9 : 8) : null;
  const tr = h('tr', { class: 'report-row', 'data-testid': 'report-row', 'data-project-id': data.projectId, 'data-region': data.region || '', 'data-list': data.listCategory || '' },
    h('td', { class: 'name', title: data.name },
      h('a', { href: `/workbench/project.html?id=${data.projectId}` }, data.name),
      h('small', null, [data.code, sheet.showRegion ? data.regionName : null, stageName(data.stage), data.listCategory ? `${LIST_LABELS[data.listCategory]}清单` : null].filter(Boolean).join(' · '))),
    h('td', { class: 'num', 'data-testid': 'previous', title: prev && prev.progress ? `${monthLabel(prev.month)}：${prev.progress}` : '' }, prev ? wan(prev.amount) : '—'),
    h('td', { class: 'num', title: `此前各月合计 ${wan(data.yearToDateBefore)} 万元` }, h('span', { 'data-testid': 'ytd' }, wan(data.yearToDateBefore)), h('small', { class: 'before' }, `此前 ${wan(data.yearToDateBefore)}`)),
    h('td', { class: 'amount-col' }, amount),
    h('td', { class: 'text-col' }, progress),
    h('td', { class: 'text-col' }, problems, need ? need.open : null),
    reason ? h('td', { class: 'text-col' }, reason) : null,
    h('td', { class: 'state-col', 'data-testid': 'row-status' }),
    h('td', { class: 'action-col' }, save));
  const msg = h('tr', { class: 'row-msg', 'data-testid': 'row-msg', hidden: true }, h('td', { colspan: String(reason ? 9 : 8) }));
  const milestones = milestoneEntry(data, editable, reason ? 9 : 8);
  /** @type {Row} */
  const row = { data, sheet, tr, msg, inputs: { amount, progress, problems, reason }, save, need, milestones };
  milestones?.tr.addEventListener('input', () => refreshRow(row));
  for (const el of [amount, progress, problems]) el.addEventListener('input', () => refreshRow(row));
  need?.tr.addEventListener('input', () => refreshRow(row));
  amount.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void saveRow(row);
    }
  });
  if (save) save.addEventListener('click', () => void saveRow(row));
  refreshRow(row);
  return row;
}

/** Files one row (PUT /api/projects/:id/reports/:month); resolves to true when it was saved. */
export async function saveRow(/** @type {Row} */ row, { quiet = false } = {}) {
  const i = row.inputs;
  const amount = amountOf(i.amount.value);
  showRowMessages(row, []);
  row.tr.classList.remove('has-error');
  if (!('value' in amount)) {
    row.tr.classList.add('has-error');
    showRowMessages(row, ['error' in amount ? amount.error : '请填写本月完成投资（万元），没有投资请填 0']);
    setRowState(row, 'error', h('span', { class: 'status missing' }, '未通过'));
    i.amount.focus();
    return false;
  }
  /** @type {{ amount: number, progress: string | null, problems: string | null, reason?: string, requests?: Record<string, string>[], milestones?: { name: string, actualDate: string }[] }} */
  const body = { amount: amount.value, progress: i.progress.value.trim() || null, problems: i.problems.value.trim() || null };
  if (i.reason && i.reason.value.trim()) body.reason = i.reason.value.trim();
  const needs = row.need ? row.need.read() : [];
  if (needs.length) body.requests = needs;
  const reached = row.milestones ? row.milestones.inputs.filter((m) => m.input.value.trim()) : [];
  const badDate = reached.find((m) => !normalizeDate(m.input.value));
  if (badDate) {
    row.tr.classList.add('has-error');
    badDate.input.classList.add('invalid');
    showRowMessages(row, [`节点“${badDate.name}”的实际完成日期请按 YYYY-MM-DD 填写`]);
    setRowState(row, 'error', h('span', { class: 'status missing' }, '未通过'));
    return false;
  }
  if (reached.length) body.milestones = reached.map((m) => ({ name: m.name, actualDate: /** @type {string} */ (normalizeDate(m.input.value)) }));
  if (row.save) row.save.disabled = true;
  setRowState(row, 'saving', h('span', { class: 'status' }, '保存中…'));
  try {
    /** @type {FiledReport} */
    const filed = await api(`/api/projects/${row.data.projectId}/reports/${row.sheet.month}`, { method: 'PUT', body });
    const old = row.data.report;
    const revisions = filed.created ? 1 : old && filed.revision !== old.revision ? old.revisions + 1 : old ? old.revisions : 1;
    row.data.report = { ...filed, revisions };
    if (i.reason) i.reason.value = '';
    if (row.need && filed.requests.length) row.need.sent(`已提出要素保障需求 ${filed.requests.length} 项（可在“要素保障”页跟踪）`);
    if (row.milestones && reached.length) {
      for (const m of reached) m.input.closest('label')?.remove();
      row.milestones.inputs = row.milestones.inputs.filter((m) => !reached.includes(m));
      row.milestones.tr.querySelector('[data-role="milestones-note"]')?.replaceChildren(`已记录节点完成：${reached.map((m) => m.name).join('、')}`);
    }
    refreshRow(row);
    setRowState(row, 'saved', [h('span', { class: 'status filed' }, '已保存'), h('small', null, revisions > 1 ? ` 第${revisions}次修订` : '')]);
    if (filed.flags.includes('cumulativeAboveTotal'))
      showRowMessages(row, [`已保存。提示：累计填报 ${wan(filed.cumulative)} 万元已超过总投资，请核实`], 'warn');
    return true;
  } catch (error) {
    const reasons = reasonsOf(error);
    row.tr.classList.add('has-error');
    for (const reason of reasons) {
      const target = reason.field === 'amount' ? i.amount : reason.field === 'progress' ? i.progress : reason.field === 'problems' ? i.problems : reason.field === 'reason' ? i.reason : null;
      if (target) target.classList.add('invalid');
    }
    showRowMessages(row, reasons.map((r) => r.message));
    setRowState(row, 'error', h('span', { class: 'status missing' }, '未通过'));
    if (!quiet) (reasons.some((r) => r.field === 'reason') && i.reason ? i.reason : i.amount).focus();
    return false;
  } finally {
    if (row.save) row.save.disabled = false;
    for (const el of Object.values(i)) if (el && row.tr.dataset.state !== 'error') el.classList.remove('invalid');
  }
}

/**
 * The milestones the project has not reached yet, under its row: each with its planned date (滞后
 * when past it) and an input for the date it was reached, sent with the report. Null without any.
 */
function milestoneEntry(/** @type {ReportSheetRow} */ data, /** @type {boolean} */ editable, /** @type {number} */ span) {
  if (!data.milestones || !data.milestones.length) return null;
  const inputs = data.milestones.map((m) => ({
    name: m.name,
    input: asDateInput(h('input', { 'data-testid': 'milestone-actual', 'data-name': m.name, 'aria-label': `${data.name} ${m.name}实际完成日期`, disabled: !editable })),
  }));
  const tr = h('tr', { class: 'milestone-row', 'data-testid': 'milestone-entry', 'data-project-id': data.projectId },
    h('td', { colspan: String(span) },
      h('span', { class: 'ms-head' }, '节点：'),
      data.milestones.map((m, i) => h('label', { class: m.overdue ? 'ms late' : 'ms' },
        `${m.name}（计划 ${m.plannedDate}${m.overdue ? '，滞后' : ''}）实际完成 `, inputs[i].input)),
      h('small', { 'data-role': 'milestones-note' })));
  return { tr, inputs };
}
