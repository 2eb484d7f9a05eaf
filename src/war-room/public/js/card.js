// @ts-check
// The project card (项目卡片): who answers for it (包联领导, 专员) beside the county, the stage
// timeline from the history, the six approvals, the milestones (节点计划, late ones marked), the
// open 要素保障 requests (card-requests.js), the monthly investment bars of the year shown, and
// the change history.
import { api } from '/shared/api.js';
import { $, h, setChildren } from '/shared/dom.js';
import { stageName, wan, yi } from '/shared/format.js';
import { renderHistory } from '/shared/history.js';
import { LIST_LABELS } from '/shared/labels.js';
import { responsibleText } from '/shared/responsible.js';
import { renderTimeline } from '/shared/timeline.js';
import { clearBars, renderBars } from './card-bars.js';
import { readRequests, renderApprovalStatuses, renderRequests } from './card-requests.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').HistoryEntry} HistoryEntry */
/** @typedef {import('/shared/types.js').ReportView} ReportView */
/** @typedef {import('/shared/types.js').ProjectMilestone} ProjectMilestone */

/**
 * What the card needs from the board: the year shown and the names of codes.
 * @typedef {object} CardContext
 * @property {number} year
 * @property {{ asOf: string, refDate: string } | null} requestsAt the board's instant and 要素保障 reference date
 * @property {(code: string | null) => string} regionName
 * @property {(code: string | null) => string} chainName
 * @property {(code: string | null) => boolean} chainFlagship
 */

let openSeq = 0;
/** @type {Element | null} */
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
  if (returnFocus instanceof HTMLElement) returnFocus.focus();
}

/** Opens the card of project `id` (data-status loading → ready); a failed read closes it and throws. */
export async function openCard(/** @type {number} */ id, /** @type {CardContext} */ ctx) {
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
  for (const selector of ['[data-testid="card-timeline"]', '[data-role="timeline-notes"]', '[data-testid="card-approvals"]', '[data-testid="card-milestones"]', '[data-testid="card-requests"]', '.history-table tbody'])
    $(selector, modal).replaceChildren();
  clearBars();
  $('.close', modal).focus();

  /** @type {Promise<ProjectView>} */
  const projectRead = api(`/api/projects/${id}`);
  /** @type {Promise<HistoryEntry[]>} */
  const historyRead = api(`/api/projects/${id}/history`);
  /** @type {Promise<ReportView[]>} */
  const reportsRead = api(`/api/projects/${id}/reports`);
  const requestsRead = readRequests(id, ctx.requestsAt);
  let read;
  try {
    read = await Promise.all([projectRead, historyRead, reportsRead, requestsRead]);
  } catch (error) {
    if (seq === openSeq) closeCard();
    throw error;
  }
  if (seq !== openSeq) return;
  const [project, history, reports, requests] = read;

  $('[data-role="card-loading"]').hidden = true;
  $('#card-title').textContent = project.name;
  const listed = (project.lists || []).find((l) => l.year === ctx.year);
  setChildren($('[data-role="card-meta"]'),
    h('span', { class: `stage-badge stage-${project.stage.replace('.', '-')}`, 'data-testid': 'card-stage' }, stageName(project.stage)),
    h('span', null, project.code),
    h('span', null, ctx.regionName(project.region)),
    h('span', null, ctx.chainFlagship(project.chain) ? '★' : '', ctx.chainName(project.chain)),
    project.ownerEnterprise ? h('span', null, project.ownerEnterprise) : null,
    project.totalInvestment !== null ? h('span', null, '总投资 ', h('b', null, yi(project.totalInvestment)), ' 亿元') : null,
    listed
      ? h('span', null, `${ctx.year}年${LIST_LABELS[listed.category]}清单 · 年度计划 `, h('b', null, wan(listed.plannedInvestment)), ' 万元')
      : h('span', null, `未列入${ctx.year}年清单`),
    h('span', { class: 'card-people', 'data-testid': 'card-responsible' }, responsibleText(namesOf(project)) || '未明确包联领导和服务专员'),
  );
  renderTimeline({ list: $('[data-testid="card-timeline"]', modal), notes: $('[data-role="timeline-notes"]', modal) }, project, history);
  renderApprovalStatuses(project);
  renderMilestones(project.milestones || []);
  renderRequests(requests, ctx.requestsAt?.refDate ?? null);
  $('[data-role="card-year"]').textContent = `${ctx.year}年 · 万元`;
  renderBars(reports, ctx.year);
  renderHistory($('.history-table tbody', modal), history);
  modal.dataset.status = 'ready';
}

/** Each milestone with its planned date and, once reached, its actual date; a late one (过计划日期未完成) in red. */
function renderMilestones(/** @type {ProjectMilestone[]} */ milestones) {
  $('[data-testid="card-milestones"]').replaceChildren(...(milestones.length
    ? milestones.map((m) => h('li', { class: m.actualDate ? 'done' : m.overdue ? 'late' : 'ahead', 'data-testid': 'card-milestone', 'data-name': m.name },
      h('b', null, m.name),
      h('span', null, `计划 ${m.plannedDate}`),
      h('span', { class: 'ms-state' }, m.actualDate ? `完成 ${m.actualDate}` : m.overdue ? '滞后' : '未到期')))
    : [h('li', { class: 'empty' }, '尚未填写节点计划')]));
}

/** The project's people by name (its responsibility as the API reads it with the project). */
function namesOf(/** @type {ProjectView} */ project) {
  const r = project.responsibility;
  if (!r) return undefined;
  return { cityLeader: r.cityLeader?.name, countyLeader: r.countyLeader?.name, commissioner: r.commissioner?.name };
}
