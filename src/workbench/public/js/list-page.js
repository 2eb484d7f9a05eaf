// 项目列表: the caller's projects with filters (stage, chain, list, search; region for
// city-wide roles), this month's report status and the 蓝黄红 colour.

import { api } from './api.js';
import { h, setChildren, $, queryParams, setQueryParams } from './dom.js';
import { monthLabel, monthsUpTo, pct, wan } from './format.js';
import { LIST_LABELS, RATING_LABELS, STAGE_FILTERS, STAGE_LABELS } from './labels.js';
import { referenceData, run, showBanner, startPage } from './shell.js';
import { messageOf } from './labels.js';

const PAGE_SIZE = 200;
let context;
let ref;
let seq = 0;
let page = 1;

function options(select, choices, value) {
  select.replaceChildren(...choices.map(([v, label]) => h('option', { value: v }, label)));
  select.value = choices.some(([v]) => v === value) ? value : choices[0][0];
}

function filters() {
  const form = $('#filters');
  const value = (name) => form.elements.namedItem(name).value;
  return { month: value('month'), stage: value('stage'), region: value('region'), chain: value('chain'), list: value('list'), q: value('q').trim() };
}

async function load() {
  const mySeq = ++seq;
  const f = filters();
  setQueryParams({ ...f, month: f.month === context.defaultMonth ? '' : f.month, page: page > 1 ? page : '' });
  const params = new URLSearchParams({ month: f.month, page: String(page), pageSize: String(PAGE_SIZE) });
  for (const key of ['stage', 'region', 'chain', 'list', 'q']) if (f[key]) params.set(key, f[key]);
  const table = $('[data-testid="project-list"]');
  table.dataset.status = 'loading';
  let result;
  try {
    result = await api(`/api/workbench/projects?${params}`);
  } catch (error) {
    if (mySeq !== seq) return;
    showBanner(messageOf(error));
    table.dataset.status = 'error';
    return;
  }
  if (mySeq !== seq) return;
  showBanner('');
  render(result);
  table.dataset.status = 'ready';
  table.dataset.query = params.toString();
}

function render(result) {
  const showRegion = context.user.role !== 'region';
  const m = Number(result.month.slice(5, 7));
  $('[data-testid="report-col"]').textContent = `${m}月月报`;
  const year = result.month.slice(0, 4);
  $('#filters').elements.namedItem('list').querySelectorAll('option').forEach((o) => {
    if (o.value) o.textContent = `${year}年${LIST_LABELS[o.value]}`;
  });
  const { due, filed, missing } = result.reports;
  setChildren($('[data-testid="report-summary"]'),
    h('span', null, `${monthLabel(result.month)}月调度：应报 `, h('b', { 'data-testid': 'due-count' }, String(due)), ' 个，已报 ',
      h('b', { class: 'ok-text', 'data-testid': 'filed-count' }, String(filed)), '，未报 ',
      h('b', { class: missing ? 'bad-text' : 'ok-text', 'data-testid': 'missing-count' }, String(missing))),
    context.canEdit ? h('a', { class: 'btn primary small', href: `/workbench/report.html?month=${result.month}`, 'data-testid': 'go-report' }, '去填报') : null,
  );
  const rows = result.items.map((p) => {
    const stageClass = `stage stage-${p.stage.replace('.', '-')}`;
    const report = p.report.status === 'filed'
      ? h('span', { class: 'status filed' }, '已报 ', h('small', null, wan(p.report.amount)))
      : p.report.status === 'missing' ? h('span', { class: 'status missing' }, '未报') : h('span', { class: 'status none' }, '—');
    let rating = h('span', { class: 'muted' }, '—');
    if (p.rating && p.ratingReason === 'overdueStart')
      rating = h('span', { class: 'chip rating-red', title: `计划开工 ${p.plannedStartDate}，尚未开工` }, '红', h('small', null, '逾期未开工'));
    else if (p.rating)
      rating = h('span', { class: `chip rating-${p.rating}`, title: `完成序时进度 ${pct(p.ratio)}` }, RATING_LABELS[p.rating], h('small', null, pct(p.ratio)));
    return h('tr', { 'data-testid': 'project-row', 'data-project-id': p.id, 'data-region': p.region || '', 'data-chain': p.chain || '', 'data-stage': p.stage, 'data-report': p.report.status, 'data-rating': p.rating || 'none' },
      h('td', { class: 'code' }, p.code),
      h('td', { class: 'name', title: p.name }, h('a', { href: `/workbench/project.html?id=${p.id}`, 'data-testid': 'project-link' }, p.name),
        p.ownerEnterprise ? h('small', null, p.ownerEnterprise) : null),
      showRegion ? h('td', null, p.regionName || '—') : null,
      h('td', null, p.chainName || '—'),
      h('td', null, h('span', { class: stageClass, 'data-testid': 'stage-label' }, STAGE_LABELS[p.stage] || p.stageLabel)),
      h('td', null, p.listCategory ? LIST_LABELS[p.listCategory] : '—'),
      h('td', { class: 'num' }, wan(p.totalInvestment)),
      h('td', null, p.plannedStartDate || '—'),
      h('td', { 'data-testid': 'report-status' }, report),
      h('td', { 'data-testid': 'rating' }, rating));
  });
  $('[data-testid="project-list"] tbody').replaceChildren(...rows);
  $('[data-testid="list-empty"]').hidden = rows.length > 0;
  $('[data-testid="list-total"]').textContent = String(result.total);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pager = $('[data-role="pager"]');
  pager.replaceChildren();
  if (pages > 1) {
    const go = (p) => () => {
      page = p;
      load();
    };
    pager.append(
      h('button', { type: 'button', class: 'btn ghost small', disabled: page <= 1, onclick: go(page - 1) }, '上一页'),
      h('span', null, `第 ${page} / ${pages} 页`),
      h('button', { type: 'button', class: 'btn ghost small', disabled: page >= pages, onclick: go(page + 1) }, '下一页'));
  }
}

run(async () => {
  context = await startPage('list');
  ref = await referenceData();
  const q = queryParams();
  const form = $('#filters');
  const el = (name) => form.elements.namedItem(name);
  const months = monthsUpTo(context.currentMonth);
  options(el('month'), months.map((m) => [m, monthLabel(m)]), q.month || context.defaultMonth);
  options(el('stage'), STAGE_FILTERS, q.stage || '');
  options(el('chain'), [['', '全部产业链'], ...ref.chains.map((c) => [c.code, `${c.flagship ? '★' : ''}${c.name}`])], q.chain || '');
  options(el('list'), [['', '全部（含未列入）'], ['implementation', '实施类'], ['preparation', '准备类']], q.list || '');
  const cityWide = context.user.role !== 'region';
  options(el('region'), [['', '全部县（市、区）'], ...ref.regions.map((r) => [r.code, r.name])], cityWide ? q.region || '' : '');
  $('[data-role="region-filter"]').hidden = !cityWide;
  $('[data-role="region-col"]').hidden = !cityWide;
  el('q').value = q.q || '';
  page = Number(q.page) > 0 ? Number(q.page) : 1;
  $('[data-testid="scope-note"]').textContent = context.user.role === 'region' ? `${context.user.regionName}的项目` : context.user.role === 'chain' ? `${context.user.chainName}产业链的项目` : '全市项目';

  form.addEventListener('change', (event) => {
    if (event.target.name === 'q') return;
    page = 1;
    load();
  });
  let timer = null;
  el('q').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      page = 1;
      load();
    }, 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    page = 1;
    load();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const name of ['stage', 'region', 'chain', 'list']) el(name).value = '';
    el('q').value = '';
    page = 1;
    load();
  });
  await load();
  document.body.dataset.state = 'ready';
});
