// @ts-check
// 项目列表: the caller's projects with filters (stage, chain, list, search; region for
// city-wide roles), this month's report status and the 蓝黄红 colour.
import { $, $of, control, h, queryParams, setChildren, setQueryParams } from '/shared/dom.js';
import { pct, stageName, wan } from '/shared/format.js';
import { monthLabel, monthsUpTo, monthNumberOf, yearOf } from '/shared/period.js';
import { LIST_LABELS, RATING_LABELS, RED_LIST_LABELS, STAGE_FILTER_LABELS } from '/shared/labels.js';
import { readForTable, referenceData, run, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').WorkbenchProjectPage} WorkbenchProjectPage */
/** @typedef {import('/shared/types.js').WorkbenchProjectRow} WorkbenchProjectRow */

const PAGE_SIZE = 200;
/** @type {WorkbenchContext} */
let context;
let page = 1;

const filterForm = () => $of(HTMLFormElement, '#filters');

/** Fills a select with [value, label] choices and picks `value` (the first choice when it is not one). */
function options(/** @type {HTMLSelectElement} */ select, /** @type {[string, string][]} */ choices, /** @type {string} */ value) {
  select.replaceChildren(...choices.map(([v, label]) => h('option', { value: v }, label)));
  select.value = choices.some(([v]) => v === value) ? value : choices[0][0];
}

function selectOf(/** @type {string} */ name) {
  const el = control(filterForm(), name);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`filter ${name} is not a select`);
  return el;
}

function filters() {
  const value = (/** @type {string} */ name) => control(filterForm(), name).value;
  return { month: value('month'), stage: value('stage'), region: value('region'), chain: value('chain'), list: value('list'), q: value('q').trim() };
}

async function load() {
  const f = filters();
  setQueryParams({ ...f, month: f.month === context.defaultMonth ? '' : f.month, page: page > 1 ? page : '' });
  const params = new URLSearchParams({ month: f.month, page: String(page), pageSize: String(PAGE_SIZE) });
  for (const key of /** @type {const} */ (['stage', 'region', 'chain', 'list', 'q'])) if (f[key]) params.set(key, f[key]);
  const table = $('[data-testid="project-list"]');
  /** @type {WorkbenchProjectPage | null} */
  const result = await readForTable(table, `/api/workbench/projects?${params}`);
  if (!result) return;
  render(result);
  table.dataset.status = 'ready';
  table.dataset.query = params.toString();
}

/** The 蓝黄红 cell of a row: the colour by 序时进度, or red for a start overdue. */
function ratingCell(/** @type {WorkbenchProjectRow} */ p) {
  if (p.rating && p.ratingReason === 'overdueStart')
    return h('span', { class: 'chip rating-red', title: `计划开工 ${p.plannedStartDate}，尚未开工` }, RATING_LABELS.red, h('small', null, RED_LIST_LABELS.overdueStart));
  if (p.rating) return h('span', { class: `chip rating-${p.rating}`, title: `完成序时进度 ${pct(p.ratio)}` }, RATING_LABELS[p.rating], h('small', null, pct(p.ratio)));
  return h('span', { class: 'muted' }, '—');
}

function reportCell(/** @type {WorkbenchProjectRow} */ p) {
  if (p.report.status === 'filed') return h('span', { class: 'status filed' }, '已报 ', h('small', null, wan(p.report.amount)));
  if (p.report.status === 'missing') return h('span', { class: 'status missing' }, '未报');
  return h('span', { class: 'status none' }, '—');
}

function render(/** @type {WorkbenchProjectPage} */ result) {
  const showRegion = context.user.role !== 'region';
  $('[data-testid="report-col"]').textContent = `${monthNumberOf(result.month)}月月报`;
  const year = String(yearOf(result.month));
  for (const o of selectOf('list').options) if (o.value in LIST_LABELS) o.textContent = `${year}年${LIST_LABELS[/** @type {keyof typeof LIST_LABELS} */ (o.value)]}`;
  const { due, filed, missing } = result.reports;
  setChildren($('[data-testid="report-summary"]'),
    h('span', null, `${monthLabel(result.month)}月调度：应报 `, h('b', { 'data-testid': 'due-count' }, String(due)), ' 个，已报 ',
      h('b', { class: 'ok-text', 'data-testid': 'filed-count' }, String(filed)), '，未报 ',
      h('b', { class: missing ? 'bad-text' : 'ok-text', 'data-testid': 'missing-count' }, String(missing))),
    context.canEdit ? h('a', { class: 'btn primary small', href: `/workbench/report.html?month=${result.month}`, 'data-testid': 'go-report' }, '去填报') : null,
  );
  const rows = result.items.map((p) => h('tr', { 'data-testid': 'project-row', 'data-project-id': p.id, 'data-region': p.region || '', 'data-chain': p.chain || '', 'data-stage': p.stage, 'data-report': p.report.status, 'data-rating': p.rating || 'none' },
    h('td', { class: 'code' }, p.code),
    h('td', { class: 'name', title: p.name }, h('a', { href: `/workbench/project.html?id=${p.id}`, 'data-testid': 'project-link' }, p.name),
      p.ownerEnterprise ? h('small', null, p.ownerEnterprise) : null),
    showRegion ? h('td', null, p.regionName || '—') : null,
    h('td', null, p.chainName || '—'),
    h('td', null, h('span', { class: `stage stage-${p.stage.replace('.', '-')}`, 'data-testid': 'stage-label' }, stageName(p.stage))),
    h('td', null, p.listCategory ? LIST_LABELS[p.listCategory] : '—'),
    h('td', { class: 'num' }, wan(p.totalInvestment)),
    h('td', null, p.plannedStartDate || '—'),
    h('td', { 'data-testid': 'report-status' }, reportCell(p)),
    h('td', { 'data-testid': 'rating' }, ratingCell(p))));
  $('[data-testid="project-list"] tbody').replaceChildren(...rows);
  $('[data-testid="list-empty"]').hidden = rows.length > 0;
  $('[data-testid="list-total"]').textContent = String(result.total);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pager = $('[data-role="pager"]');
  pager.replaceChildren();
  if (pages > 1) {
    const go = (/** @type {number} */ p) => () => {
      page = p;
      void load();
    };
    pager.append(
      h('button', { type: 'button', class: 'btn ghost small', disabled: page <= 1, onclick: go(page - 1) }, '上一页'),
      h('span', null, `第 ${page} / ${pages} 页`),
      h('button', { type: 'button', class: 'btn ghost small', disabled: page >= pages, onclick: go(page + 1) }, '下一页'));
  }
}

run(async () => {
  context = await startPage('list');
  // A 要素保障 department works from its inbox; project lists are not its to read.
  if (context.user.role === 'department') {
    window.location.replace('/workbench/requests.html');
    return;
  }
  const ref = await referenceData();
  const q = queryParams();
  const form = filterForm();
  const months = monthsUpTo(context.currentMonth);
  options(selectOf('month'), months.map((m) => [m, monthLabel(m)]), q.month || context.defaultMonth);
  /** @type {[string, string][]} */
  const stages = Object.entries(STAGE_FILTER_LABELS);
  options(selectOf('stage'), [['', '全部阶段'], ...stages], q.stage || '');
  options(selectOf('chain'), [['', '全部产业链'], ...ref.chains.map((c) => /** @type {[string, string]} */ ([c.code, `${c.flagship ? '★' : ''}${c.name}`]))], q.chain || '');
  options(selectOf('list'), [['', '全部（含未列入）'], ...Object.entries(LIST_LABELS)], q.list || '');
  const cityWide = context.user.role !== 'region';
  options(selectOf('region'), [['', '全部县（市、区）'], ...ref.regions.map((r) => /** @type {[string, string]} */ ([r.code, r.name]))], cityWide ? q.region || '' : '');
  $('[data-role="region-filter"]').hidden = !cityWide;
  $('[data-role="region-col"]').hidden = !cityWide;
  const search = control(form, 'q');
  search.value = q.q || '';
  page = Number(q.page) > 0 ? Number(q.page) : 1;
  $('[data-testid="scope-note"]').textContent = context.user.role === 'region' ? `${context.user.regionName}的项目` : context.user.role === 'chain' ? `${context.user.chainName}产业链的项目` : '全市项目';

  form.addEventListener('change', (event) => {
    if (event.target === search) return;
    page = 1;
    void load();
  });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      page = 1;
      void load();
    }, 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    page = 1;
    void load();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const name of ['stage', 'region', 'chain', 'list']) selectOf(name).value = '';
    search.value = '';
    page = 1;
    void load();
  });
  await load();
  document.body.dataset.state = 'ready';
});
