// 月调度填报: one row per project in implementation in the caller's scope for the month
// being collected (default: last month): amount (万元), 形象进度, 问题/要素需求, with the
// previous month and the year to date beside the input; save a row or all; the server's
// validation inline; a month closed by a published bulletin asks for a correction reason.

import { api } from './api.js';
import { h, setChildren, $, $$, queryParams, setQueryParams } from './dom.js';
import { monthLabel, monthsUpTo, shanghaiDateTime, wan } from './format.js';
import { LIST_LABELS, reasonsOf, STAGE_LABELS } from './labels.js';
import { run, showBanner, startPage } from './shell.js';

let context;
let sheet = null;
let seq = 0;
/** projectId → { data (the sheet row), tr, msg } */
const rows = new Map();

// ------------------------------------------------------------------ one row

function amountOf(text) {
  const clean = text.replace(/[,，\s]/g, '');
  if (clean === '') return { empty: true };
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return { error: '请输入数字（万元）' };
  return { value: Number(clean) };
}

function inputsOf(row) {
  const get = (role) => $(`[data-role="${role}"]`, row.tr);
  return { amount: get('amount'), progress: get('progress'), problems: get('problems'), reason: get('reason') };
}

function isDirty(row) {
  const i = inputsOf(row);
  const r = row.data.report;
  const amount = i.amount.value.replace(/[,，\s]/g, '');
  const progress = i.progress.value.trim();
  const problems = i.problems.value.trim();
  if (!r) return amount !== '' || progress !== '' || problems !== '';
  return amount !== String(r.amount) || progress !== (r.progress || '') || problems !== (r.problems || '');
}

function setRowState(row, state, text) {
  row.tr.dataset.state = state;
  const cell = $('[data-testid="row-status"]', row.tr);
  setChildren(cell, text);
}

function showRowMessages(row, messages, kind = 'error') {
  row.msg.hidden = messages.length === 0;
  row.msg.dataset.kind = kind;
  $('td', row.msg).replaceChildren(h('ul', { class: 'messages', 'data-testid': 'row-errors' }, messages.map((m) => h('li', null, m))));
}

function statusOf(row) {
  const r = row.data.report;
  if (!r) return ['missing', h('span', { class: 'status missing' }, '未报')];
  return ['filed', h('span', { class: 'status filed', title: `${r.actor} ${shanghaiDateTime(r.recordedAt)}` }, '已报',
    h('small', null, r.revisions > 1 ? ` 第${r.revisions}次修订` : ''), r.correction ? h('small', { class: 'correction' }, ' 更正') : null)];
}

function refreshRow(row) {
  const dirty = isDirty(row);
  const [state, label] = statusOf(row);
  if (dirty) setRowState(row, 'dirty', [h('span', { class: 'status dirty' }, '待保存'), ' ', label]);
  else setRowState(row, state, label);
  const amount = amountOf(inputsOf(row).amount.value);
  const ytd = row.data.yearToDateBefore + (amount.value !== undefined && amount.value >= 0 ? amount.value : 0);
  $('[data-testid="ytd"]', row.tr).textContent = wan(ytd);
  summarize();
}

function renderRow(data) {
  const editable = context.canEdit;
  const r = data.report;
  const amount = h('input', { 'data-role': 'amount', 'data-testid': 'amount', inputmode: 'numeric', value: r ? String(r.amount) : '', placeholder: '万元', 'aria-label': `${data.name} 本月完成投资（万元）`, disabled: !editable, autocomplete: 'off' });
  const progress = h('input', { 'data-role': 'progress', 'data-testid': 'progress', value: (r && r.progress) || '', maxlength: '2000', placeholder: '如：主体结构施工', 'aria-label': `${data.name} 形象进度`, disabled: !editable });
  const problems = h('input', { 'data-role': 'problems', 'data-testid': 'problems', value: (r && r.problems) || '', maxlength: '2000', placeholder: '如：用地、能耗、资金', 'aria-label': `${data.name} 问题及要素需求`, disabled: !editable });
  const reason = sheet.closedBy ? h('input', { 'data-role': 'reason', 'data-testid': 'reason', maxlength: '1000', placeholder: '修改已通报数据须填写', 'aria-label': `${data.name} 更正原因`, disabled: !editable }) : null;
  const save = editable ? h('button', { type: 'button', class: 'btn small', 'data-testid': 'save-row' }, '保存') : null;
  const prev = data.previous;
  const tr = h('tr', { class: 'report-row', 'data-testid': 'report-row', 'data-project-id': data.projectId, 'data-region': data.region || '', 'data-list': data.listCategory || '' },
    h('td', { class: 'name', title: data.name },
      h('a', { href: `/workbench/project.html?id=${data.projectId}` }, data.name),
      h('small', null, [data.code, context.user.role === 'region' ? null : data.regionName, STAGE_LABELS[data.stage], data.listCategory ? `${LIST_LABELS[data.listCategory]}清单` : null].filter(Boolean).join(' · '))),
    h('td', { class: 'num', 'data-testid': 'previous', title: prev && prev.progress ? `${monthLabel(prev.month)}：${prev.progress}` : '' }, prev ? wan(prev.amount) : '—'),
    h('td', { class: 'num', title: `此前各月合计 ${wan(data.yearToDateBefore)} 万元` }, h('span', { 'data-testid': 'ytd' }, wan(data.yearToDateBefore)), h('small', { class: 'before' }, `此前 ${wan(data.yearToDateBefore)}`)),
    h('td', { class: 'amount-col' }, amount),
    h('td', { class: 'text-col' }, progress),
    h('td', { class: 'text-col' }, problems),
    reason ? h('td', { class: 'text-col' }, reason) : null,
    h('td', { class: 'state-col', 'data-testid': 'row-status' }),
    h('td', { class: 'action-col' }, save));
  const msg = h('tr', { class: 'row-msg', 'data-testid': 'row-msg', hidden: true }, h('td', { colspan: String(reason ? 9 : 8) }));
  const row = { data, tr, msg };
  for (const el of [amount, progress, problems]) el.addEventListener('input', () => refreshRow(row));
  amount.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      saveRow(row);
    }
  });
  if (save) save.addEventListener('click', () => saveRow(row));
  rows.set(data.projectId, row);
  refreshRow(row);
  return [tr, msg];
}

/** Files one row (PUT /api/projects/:id/reports/:month); resolves to true when it was saved. */
async function saveRow(row, { quiet = false } = {}) {
  const i = inputsOf(row);
  const amount = amountOf(i.amount.value);
  showRowMessages(row, []);
  row.tr.classList.remove('has-error');
  if (amount.empty || amount.error) {
    row.tr.classList.add('has-error');
    showRowMessages(row, [amount.error || '请填写本月完成投资（万元），没有投资请填 0']);
    setRowState(row, 'error', h('span', { class: 'status missing' }, '未通过'));
    i.amount.focus();
    return false;
  }
  const body = { amount: amount.value, progress: i.progress.value.trim() || null, problems: i.problems.value.trim() || null };
  if (i.reason && i.reason.value.trim()) body.reason = i.reason.value.trim();
  const button = $('[data-testid="save-row"]', row.tr);
  if (button) button.disabled = true;
  setRowState(row, 'saving', h('span', { class: 'status' }, '保存中…'));
  try {
    const filed = await api(`/api/projects/${row.data.projectId}/reports/${sheet.month}`, { method: 'PUT', body });
    const old = row.data.report;
    const revisions = filed.created ? 1 : old && filed.revision !== old.revision ? old.revisions + 1 : old ? old.revisions : 1;
    row.data.report = { ...filed, revisions };
    if (i.reason) i.reason.value = '';
    refreshRow(row);
    setRowState(row, 'saved', [h('span', { class: 'status filed' }, '已保存'), h('small', null, revisions > 1 ? ` 第${revisions}次修订` : '')]);
    if (filed.flags && filed.flags.includes('cumulativeAboveTotal'))
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
    if (button) button.disabled = false;
    for (const el of Object.values(i)) if (el && row.tr.dataset.state !== 'error') el.classList.remove('invalid');
  }
}

async function saveAll() {
  const dirty = [...rows.values()].filter(isDirty);
  const status = $('[data-testid="save-all-status"]');
  if (!dirty.length) {
    status.textContent = '没有需要保存的修改';
    status.dataset.kind = 'info';
    return;
  }
  const button = $('[data-testid="save-all"]');
  button.disabled = true;
  status.textContent = `正在保存 ${dirty.length} 行…`;
  status.dataset.kind = 'info';
  let saved = 0;
  let failed = 0;
  for (const row of dirty) {
    if (await saveRow(row, { quiet: true })) saved += 1;
    else failed += 1;
  }
  button.disabled = false;
  status.textContent = failed ? `已保存 ${saved} 行；${failed} 行未通过校验，请查看标红的行` : `已保存 ${saved} 行`;
  status.dataset.kind = failed ? 'error' : 'ok';
  const firstBad = $('tr.has-error [data-role="amount"]');
  if (firstBad) firstBad.focus();
}

function summarize() {
  if (!sheet) return;
  const all = [...rows.values()];
  const filed = all.filter((r) => r.data.report).length;
  const total = all.reduce((sum, r) => sum + (r.data.report ? r.data.report.amount : 0), 0);
  const dirty = all.filter(isDirty).length;
  const summary = $('[data-testid="report-summary"]');
  setChildren(summary,
    `${monthLabel(sheet.month)}：应报 `, h('b', { 'data-testid': 'row-count' }, String(all.length)), ' 个项目，已报 ',
    h('b', { class: 'ok-text', 'data-testid': 'filed-count' }, String(filed)), '，未报 ',
    h('b', { class: all.length - filed ? 'bad-text' : 'ok-text', 'data-testid': 'missing-count' }, String(all.length - filed)),
    '；已报本月完成投资合计 ', h('b', { 'data-testid': 'month-total' }, wan(total)), ' 万元',
    dirty ? h('span', { class: 'dirty-text' }, `；${dirty} 行待保存`) : null);
  applyOnlyMissing();
}

function applyOnlyMissing() {
  const only = $('#only-missing').checked;
  for (const row of rows.values()) {
    const hide = only && Boolean(row.data.report) && !isDirty(row) && row.tr.dataset.state !== 'saved';
    row.tr.hidden = hide;
    if (hide) row.msg.hidden = true;
  }
}

// ------------------------------------------------------------------ the sheet

async function load(month) {
  const mySeq = ++seq;
  const table = $('[data-testid="report-table"]');
  table.dataset.status = 'loading';
  let result;
  try {
    result = await api(`/api/workbench/reports/${month}`);
  } catch (error) {
    if (mySeq !== seq) return;
    showBanner(reasonsOf(error).map((r) => r.message).join('；'));
    table.dataset.status = 'error';
    return;
  }
  if (mySeq !== seq) return;
  showBanner('');
  sheet = result;
  rows.clear();
  setQueryParams({ month: month === context.defaultMonth ? '' : month });
  const closed = $('[data-testid="closed-banner"]');
  closed.hidden = !result.closedBy;
  if (result.closedBy)
    closed.textContent = `${result.closedBy.year}年${result.closedBy.month}月通报已发布，${monthLabel(result.month)}的数据已关账：修改须在“更正原因”中说明，作为通报后更正记录保存。`;
  $('[data-role="reason-col"]').hidden = !result.closedBy;
  $('[data-role="prev-head"]').textContent = `上月(万元)`;
  const body = $('[data-testid="report-table"] tbody');
  body.replaceChildren(...result.rows.flatMap(renderRow));
  $('[data-testid="report-empty"]').hidden = result.rows.length > 0;
  $('[data-testid="save-all-status"]').textContent = '';
  $('[data-testid="save-all"]').hidden = !context.canEdit;
  summarize();
  table.dataset.status = 'ready';
  table.dataset.month = result.month;
  $('#month').dataset.current = result.month;
}

run(async () => {
  context = await startPage('report');
  const select = $('#month');
  const months = monthsUpTo(context.currentMonth);
  select.replaceChildren(...months.map((m) => h('option', { value: m }, `${monthLabel(m)}${m === context.defaultMonth ? '（本期）' : ''}`)));
  const wanted = queryParams().month;
  select.value = months.includes(wanted) ? wanted : context.defaultMonth;
  $('[data-testid="report-scope"]').textContent = context.user.role === 'region' ? `${context.user.regionName}在建项目` : context.user.role === 'chain' ? `${context.user.chainName}产业链在建项目` : '全市在建项目';
  if (!context.canEdit) showBanner('当前角色只能查看月调度数据，不能填报', 'info');
  select.addEventListener('change', () => {
    const dirty = [...rows.values()].filter(isDirty).length;
    if (dirty && !window.confirm(`有 ${dirty} 行修改尚未保存，切换月份将放弃这些修改。确定切换？`)) {
      select.value = select.dataset.current;
      return;
    }
    load(select.value);
  });
  $('#only-missing').addEventListener('change', applyOnlyMissing);
  $('[data-testid="save-all"]').addEventListener('click', saveAll);
  window.addEventListener('beforeunload', (event) => {
    if ([...rows.values()].some(isDirty)) event.preventDefault();
  });
  await load(select.value);
  document.body.dataset.state = 'ready';
  $$('[data-testid="amount"]').find((el) => !el.value && !el.disabled)?.focus();
});
