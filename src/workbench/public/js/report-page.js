// @ts-check
// 月调度填报: one row per project in implementation in the caller's scope for the month
// being collected (default: last month): amount (万元), 形象进度, 问题/要素需求, with the
// previous month and the year to date beside the input; save a row or all; the server's
// validation inline; a month closed by a published bulletin asks for a correction reason.
import { $, $$, $maybe, $of, h, queryParams, setChildren, setQueryParams } from '/shared/dom.js';
import { wan } from '/shared/format.js';
import { monthLabel, monthsUpTo } from '/shared/period.js';
import { createRow, isDirty, saveRow } from './report-row.js';
import { readForTable, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').ReportSheet} ReportSheet */
/** @typedef {import('./report-row.js').Row} Row */

/** @type {WorkbenchContext} */
let context;
/** @type {ReportSheet | null} */
let sheet = null;
/** @type {Map<number, Row>} projectId → row */
const rows = new Map();

async function saveAll() {
  const dirty = [...rows.values()].filter(isDirty);
  const status = $('[data-testid="save-all-status"]');
  if (!dirty.length) {
    status.textContent = '没有需要保存的修改';
    status.dataset.kind = 'info';
    return;
  }
  const button = $of(HTMLButtonElement, '[data-testid="save-all"]');
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
  $maybe('tr.has-error [data-role="amount"]')?.focus();
}

function summarize() {
  if (!sheet) return;
  const all = [...rows.values()];
  const filed = all.filter((r) => r.data.report).length;
  const total = all.reduce((sum, r) => sum + (r.data.report ? r.data.report.amount : 0), 0);
  const dirty = all.filter(isDirty).length;
  setChildren($('[data-testid="report-summary"]'),
    `${monthLabel(sheet.month)}：应报 `, h('b', { 'data-testid': 'row-count' }, String(all.length)), ' 个项目，已报 ',
    h('b', { class: 'ok-text', 'data-testid': 'filed-count' }, String(filed)), '，未报 ',
    h('b', { class: all.length - filed ? 'bad-text' : 'ok-text', 'data-testid': 'missing-count' }, String(all.length - filed)),
    '；已报本月完成投资合计 ', h('b', { 'data-testid': 'month-total' }, wan(total)), ' 万元',
    dirty ? h('span', { class: 'dirty-text' }, `；${dirty} 行待保存`) : null);
  applyOnlyMissing();
}

function applyOnlyMissing() {
  const only = $of(HTMLInputElement, '#only-missing').checked;
  for (const row of rows.values()) {
    const hide = only && Boolean(row.data.report) && !isDirty(row) && row.tr.dataset.state !== 'saved';
    row.tr.hidden = hide;
    if (row.milestones) row.milestones.tr.hidden = hide;
    if (hide) row.msg.hidden = true;
  }
}

// ------------------------------------------------------------------ the sheet

async function load(/** @type {string} */ month) {
  const table = $('[data-testid="report-table"]');
  /** @type {ReportSheet | null} */
  const result = await readForTable(table, `/api/workbench/reports/${month}`);
  if (!result) return;
  sheet = result;
  rows.clear();
  setQueryParams({ month: month === context.defaultMonth ? '' : month });
  const closed = $('[data-testid="closed-banner"]');
  closed.hidden = !result.closedBy;
  if (result.closedBy)
    closed.textContent = `${result.closedBy.year}年${result.closedBy.month}月通报已发布，${monthLabel(result.month)}的数据已关账：修改须在“更正原因”中说明，作为通报后更正记录保存。`;
  $('[data-role="reason-col"]').hidden = !result.closedBy;
  $('[data-role="prev-head"]').textContent = `上月(万元)`;
  /** @type {import('./report-row.js').SheetOptions} */
  const options = { month: result.month, editable: context.canEdit, showRegion: context.user.role !== 'region', closed: Boolean(result.closedBy), onChange: summarize };
  for (const data of result.rows) rows.set(data.projectId, createRow(data, options));
  $('[data-testid="report-table"] tbody').replaceChildren(...[...rows.values()].flatMap((row) => [row.tr, ...(row.milestones ? [row.milestones.tr] : []), row.msg, ...(row.need ? [row.need.tr] : [])]));
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
  const select = $of(HTMLSelectElement, '#month');
  const months = monthsUpTo(context.currentMonth);
  select.replaceChildren(...months.map((m) => h('option', { value: m }, `${monthLabel(m)}${m === context.defaultMonth ? '（本期）' : ''}`)));
  const wanted = queryParams().month;
  select.value = months.includes(wanted) ? wanted : context.defaultMonth;
  $('[data-testid="report-scope"]').textContent = context.user.role === 'region' ? `${context.user.regionName}在建项目` : context.user.role === 'chain' ? `${context.user.chainName}产业链在建项目` : '全市在建项目';
  if (!context.canEdit) showBanner('当前角色只能查看月调度数据，不能填报', 'info');
  select.addEventListener('change', () => {
    const dirty = [...rows.values()].filter(isDirty).length;
    if (dirty && !window.confirm(`有 ${dirty} 行修改尚未保存，切换月份将放弃这些修改。确定切换？`)) {
      select.value = select.dataset.current || context.defaultMonth;
      return;
    }
    void load(select.value);
  });
  $('#only-missing').addEventListener('change', applyOnlyMissing);
  $('[data-testid="save-all"]').addEventListener('click', () => void saveAll());
  window.addEventListener('beforeunload', (event) => {
    if ([...rows.values()].some(isDirty)) event.preventDefault();
  });
  await load(select.value);
  document.body.dataset.state = 'ready';
  $$('[data-testid="amount"]').find((el) => el instanceof HTMLInputElement && !el.value && !el.disabled)?.focus();
});
