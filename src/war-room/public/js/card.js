// The project card (项目卡片): stage timeline 储备→准备→实施→竣工 from the history,
// the six approvals, monthly investment bars from /reports, and the change history.

import { api } from './api.js';
import { h, $, STAGE_LABELS, LIST_LABELS } from './dom.js';
import { shanghaiDate, shanghaiDateTime, wan, yi } from './format.js';
import { currentStep, stageDates } from '/shared/lifecycle.js';

const APPROVALS = [
  ['filing', '立项'],
  ['land', '用地'],
  ['planning', '规划许可'],
  ['environment', '环评'],
  ['energy', '节能审查'],
  ['construction', '施工许可'],
];

const EVENT_LABELS = {
  PROMOTE: '转入准备',
  DEFER: '退回储备',
  START: '开工',
  HALT: '停工',
  RESUME: '复工',
  COMPLETE: '竣工投产',
  WITHDRAW: '调出项目库',
};

const FIELD_LABELS = {
  name: '项目名称', code: '项目编号', ownerEnterprise: '建设单位', regionCode: '县区', chainCode: '产业链',
  totalInvestmentWan: '总投资', content: '建设内容', plannedStartDate: '计划开工', actualStartDate: '实际开工',
  plannedCompletionDate: '计划竣工', actualCompletionDate: '实际竣工', approvalFiling: '立项', approvalLand: '用地',
  approvalPlanning: '规划许可', approvalEnvironment: '环评', approvalEnergy: '节能审查', approvalConstruction: '施工许可',
};

const STEPS = [
  { key: 'reserve', label: '储备' },
  { key: 'preparation', label: '准备' },
  { key: 'implementation', label: '实施' },
  { key: 'completed', label: '竣工' },
];

let chart = null;
let printing = false;
let lastReports = null;
let lastYear = null;
let openSeq = 0;
let returnFocus = null;

export function initCard() {
  const modal = $('#card');
  $('.close', modal).addEventListener('click', closeCard);
  modal.addEventListener('click', (event) => {
    if (event.target === modal) closeCard();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !modal.hidden) closeCard();
  });
}

export function closeCard() {
  const modal = $('#card');
  modal.hidden = true;
  modal.dataset.status = '';
  document.body.classList.remove('card-open');
  openSeq += 1;
  if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus();
}

export function setCardPrintMode(on) {
  printing = on;
  if (chart && lastReports) renderBars(lastReports, lastYear);
}

/** Opens the card of project `id`; ctx gives { year, month, regionName(code), chainName(code), chainFlagship(code) }. */
export async function openCard(id, ctx) {
  const seq = ++openSeq;
  const modal = $('#card');
  returnFocus = document.activeElement;
  modal.hidden = false;
  modal.dataset.status = 'loading';
  modal.dataset.projectId = String(id);
  document.body.classList.add('card-open');
  $('#card-title').textContent = '加载中…';
  $('[data-role="card-meta"]').replaceChildren();
  $('[data-role="card-loading"]').hidden = false;
  for (const sel of ['[data-testid="card-timeline"]', '[data-role="timeline-notes"]', '[data-testid="card-approvals"]', '.history-table tbody'])
    $(sel, modal).replaceChildren();
  if (chart) chart.clear();
  $('.close', modal).focus();

  let project;
  let history;
  let reports;
  try {
    [project, history, reports] = await Promise.all([
      api(`/api/projects/${id}`),
      api(`/api/projects/${id}/history`),
      api(`/api/projects/${id}/reports`),
    ]);
  } catch (error) {
    if (seq === openSeq) closeCard();
    throw error;
  }
  if (seq !== openSeq) return;

  $('[data-role="card-loading"]').hidden = true;
  $('#card-title').textContent = project.name;
  const listed = (project.lists || []).find((l) => l.year === ctx.year);
  $('[data-role="card-meta"]').replaceChildren(
    h('span', { class: `stage-badge stage-${project.stage.replace('.', '-')}`, 'data-testid': 'card-stage' }, project.stageLabel || STAGE_LABELS[project.stage] || project.stage),
    h('span', null, project.code),
    h('span', null, ctx.regionName(project.region)),
    h('span', null, ctx.chainFlagship(project.chain) ? '★' : '', ctx.chainName(project.chain)),
    project.ownerEnterprise ? h('span', null, project.ownerEnterprise) : null,
    project.totalInvestment !== null ? h('span', null, '总投资 ', h('b', null, yi(project.totalInvestment)), ' 亿元') : null,
    listed ? h('span', null, `${ctx.year}年${LIST_LABELS[listed.category] || ''}清单 · 年度计划 `, h('b', null, wan(listed.plannedInvestment)), ' 万元') : h('span', null, `未列入${ctx.year}年清单`),
  );
  renderTimeline(project, history);
  renderApprovals(project);
  $('[data-role="card-year"]').textContent = `${ctx.year}年 · 万元`;
  lastReports = reports;
  lastYear = ctx.year;
  renderBars(reports, ctx.year);
  renderHistory(history, ctx);
  modal.dataset.status = 'ready';
}

function renderTimeline(project, history) {
  const dates = stageDates(project, history);
  const current = currentStep(project.stage, dates);
  const withdrawn = project.stage === 'withdrawn';
  const halted = project.stage === 'implementation.halted';
  const planned = { implementation: project.plannedStartDate, completed: project.plannedCompletionDate };
  const list = $('[data-testid="card-timeline"]');
  list.replaceChildren(...STEPS.map((step, i) => {
    const status = i < current ? 'done' : i === current ? (withdrawn ? 'stopped' : halted ? 'halted' : 'current') : 'future';
    const date = i <= current ? dates[step.key] : null;
    const plan = i > current && planned[step.key] ? `计划 ${planned[step.key]}` : null;
    let label = step.label;
    if (i === current && step.key === 'implementation') label = halted ? '实施（停工）' : project.stage === 'implementation.active' ? '实施（在建）' : '实施';
    return h('li', { class: `step ${status}`, 'data-testid': `timeline-${step.key}`, 'data-status': status, 'aria-current': i === current ? 'step' : null },
      h('span', { class: 'step-dot', 'aria-hidden': 'true' }, String(i + 1)),
      h('span', { class: 'step-label' }, label),
      h('span', { class: 'step-date', 'data-testid': 'timeline-date' }, date || plan || '—'),
    );
  }));
  const notes = [];
  for (const entry of history) {
    if (entry.kind !== 'transition') continue;
    if (entry.event === 'HALT' || entry.event === 'RESUME' || entry.event === 'WITHDRAW' || entry.event === 'DEFER')
      notes.push(h('span', { class: `note note-${entry.event.toLowerCase()}` },
        `${EVENT_LABELS[entry.event]} ${entry.effectiveDate || shanghaiDate(entry.recordedAt)}`, entry.reason ? `：${entry.reason}` : ''));
  }
  $('[data-role="timeline-notes"]').replaceChildren(...notes);
}

function renderApprovals(project) {
  const approvals = project.approvals || {};
  $('[data-testid="card-approvals"]').replaceChildren(...APPROVALS.map(([key, label]) => {
    const date = approvals[key] || null;
    return h('li', { class: date ? 'ok' : 'missing', 'data-testid': `approval-${key}` },
      h('span', { class: 'ap-mark', 'aria-hidden': 'true' }, date ? '✓' : '○'),
      h('span', { class: 'ap-label' }, label),
      h('span', { class: 'ap-date' }, date || '未取得'));
  }));
}

function renderBars(reports, year) {
  const el = $('#card-chart');
  if (!window.echarts) return;
  if (!chart) {
    chart = window.echarts.init(el, null, { renderer: 'canvas' });
    new ResizeObserver(() => chart && chart.resize()).observe(el);
  }
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const byMonth = new Map();
  for (const r of reports) {
    const [y, m] = String(r.month).split('-').map(Number);
    if (y === year) byMonth.set(m, r);
  }
  const text = printing ? '#222' : '#c9d7ea';
  chart.setOption({
    animation: !printing,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: 'inherit', color: text },
    grid: { left: 56, right: 12, top: 16, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      formatter: (items) => {
        const r = byMonth.get(items[0].dataIndex + 1);
        if (!r) return `${items[0].axisValue}：未填报`;
        return `${r.month}<br>完成投资 ${wan(r.amount)} 万元${r.revisions > 1 ? `（第${r.revisions}次填报）` : ''}${r.progress ? `<br>形象进度：${escapeHtml(r.progress)}` : ''}${r.problems ? `<br>问题：${escapeHtml(r.problems)}` : ''}`;
      },
    },
    xAxis: { type: 'category', data: months, axisLabel: { color: text }, axisLine: { lineStyle: { color: '#4d6a8f' } } },
    yAxis: { type: 'value', name: '万元', axisLabel: { color: text }, nameTextStyle: { color: text }, splitLine: { lineStyle: { color: printing ? '#ddd' : 'rgba(120,150,190,0.18)' } } },
    series: [{
      name: '月度完成投资', type: 'bar', barWidth: '55%',
      data: months.map((_, i) => (byMonth.has(i + 1) ? byMonth.get(i + 1).amount : null)),
      itemStyle: { color: printing ? '#1f5fbf' : '#4da3ff' },
      label: { show: true, position: 'top', color: text, fontSize: 10, formatter: (p) => (p.value === null || p.value === undefined ? '' : wan(p.value)) },
    }],
  }, true);
  chart.resize();
  el.dataset.months = String(byMonth.size);
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function describe(entry, ctx) {
  if (entry.kind === 'created') return '入库（储备）';
  if (entry.kind === 'transition') {
    const to = STAGE_LABELS[entry.toStage] || entry.toStage;
    return `${EVENT_LABELS[entry.event] || entry.event} → ${to}`;
  }
  if (entry.kind === 'list') {
    const data = entry.data || {};
    const after = data.after || data.before || {};
    const list = LIST_LABELS[after.category] || '清单';
    const action = data.action === 'added' ? '列入' : data.action === 'removed' ? '移出' : '调整';
    const plan = data.after && typeof data.after.plannedInvestment === 'number' ? `（年度计划 ${wan(data.after.plannedInvestment)} 万元）` : '';
    return `${data.year ?? ''}年${action}${list}${plan}`;
  }
  if (entry.kind === 'updated') {
    const fields = Object.keys(entry.data || {}).map((k) => FIELD_LABELS[k] || k);
    return `修改：${fields.join('、') || '—'}`;
  }
  void ctx;
  return entry.kind;
}

function renderHistory(history, ctx) {
  // newest first by the time each change was recorded (ids follow insertion, not recording time)
  const rows = history.map((entry, i) => ({ entry, i }))
    .sort((a, b) => (a.entry.recordedAt < b.entry.recordedAt ? 1 : a.entry.recordedAt > b.entry.recordedAt ? -1 : b.i - a.i))
    .map(({ entry }) => entry);
  $('.history-table tbody').replaceChildren(...rows.map((entry) => h('tr', { 'data-testid': 'history-row', 'data-kind': entry.kind },
    h('td', { class: 'nowrap' }, shanghaiDateTime(entry.recordedAt)),
    h('td', null, describe(entry, ctx)),
    h('td', { class: 'nowrap' }, entry.effectiveDate || '—'),
    h('td', null, entry.reason || ''),
    h('td', null, entry.actor || ''),
  )));
}
