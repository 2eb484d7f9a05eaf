// @ts-check
// 链长制 (duty.html; docs/domain/responsibility.md): a chain's "5个1" for a year — what it lacks,
// the form the city office fills (a chain team its own chain's, without the 链长), its revisions —
// and the 链长's activities, recorded with the enterprises and projects visited and what was
// found; a finding may be raised as a 要素保障 request in the same step. Others read.
import { api } from '/shared/api.js';
import { $, $of, control, h } from '/shared/dom.js';
import { localDateTime } from '/shared/format.js';
import { ACTIVITY_KIND_LABELS, FIVE_ONES_LABELS, REQUEST_KIND_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { yearOf } from '/shared/period.js';
import { referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').ChainResponsibilityView} ChainResponsibilityView */
/** @typedef {import('/shared/types.js').ActivityView} ActivityView */
/** @typedef {import('/shared/types.js').PersonView} PersonView */
/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */

/** @type {WorkbenchContext} */
let context;
/** @type {PersonView[]} */
let people = [];
const lines = (/** @type {string} */ text) => text.split('\n').map((line) => line.trim()).filter(Boolean);
const chainCode = () => $of(HTMLSelectElement, '#chain').value;
const year = () => Number($of(HTMLSelectElement, '#year').value);
const canWrite = () => context.user.role === 'admin' || (context.user.role === 'chain' && context.user.chain === chainCode());

function personOptions(/** @type {number | null} */ current) {
  return [h('option', { value: '' }, '（未明确）'), ...people.filter((p) => p.region === null && (p.active || p.id === current)).map((p) => h('option', { value: String(p.id), selected: p.id === current ? true : null }, `${p.name}（${p.title}）`))];
}

async function loadFive() {
  /** @type {ChainResponsibilityView} */
  const view = await api(`/api/chains/${encodeURIComponent(chainCode())}/responsibility/${year()}`);
  const form = $of(HTMLFormElement, '#five-form');
  control(form, 'leaderId').replaceChildren(...personOptions(view.leaderId));
  control(form, 'department').value = view.department;
  control(form, 'planTitle').value = view.plan.title ?? '';
  control(form, 'planDate').value = view.plan.date ?? '';
  control(form, 'planText').value = view.plan.text ?? '';
  control(form, 'measures').value = view.measures.join('\n');
  control(form, 'anchors').value = view.anchorEnterprises.join('\n');
  for (const el of Array.from(form.elements)) if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement || el instanceof HTMLButtonElement) el.disabled = !canWrite();
  control(form, 'leaderId').disabled = context.user.role !== 'admin';
  const status = $('[data-testid="five-status"]');
  status.dataset.complete = String(view.complete);
  status.replaceChildren(view.complete
    ? h('span', { class: 'complete' }, `${year()}年“5个1”五项齐全`)
    : h('span', { class: 'missing' }, `${year()}年“5个1”尚缺：${view.missing.map((item) => FIVE_ONES_LABELS[item]).join('、')}`));
  $('[data-testid="five-history"]').replaceChildren(...view.history.map((r) => h('li', null, `第 ${r.revision} 次：${r.actor ?? ''}，${localDateTime(r.recordedAt)}；链长 ${r.leader?.name ?? '未明确'}，措施 ${r.measures.length} 条，链主 ${r.anchorEnterprises.join('、') || '未明确'}`)));
}

async function saveFive(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = $of(HTMLFormElement, '#five-form');
  const errors = $('[data-testid="five-errors"]');
  errors.replaceChildren();
  const value = (/** @type {string} */ name) => control(form, name).value.trim();
  /** @type {Record<string, unknown>} */
  const body = {
    department: value('department') || null,
    plan: value('planTitle') || value('planDate') || value('planText') ? { title: value('planTitle') || null, date: value('planDate') || null, text: value('planText') || null } : null,
    measures: lines(control(form, 'measures').value),
    anchorEnterprises: lines(control(form, 'anchors').value),
  };
  if (context.user.role === 'admin') body.leaderId = value('leaderId') ? Number(value('leaderId')) : null;
  try {
    await api(`/api/chains/${encodeURIComponent(chainCode())}/responsibility/${year()}`, { method: 'PUT', body });
    $('[data-testid="five-result"]').textContent = '已保存';
    await loadFive();
  } catch (error) {
    $('[data-testid="five-result"]').textContent = '';
    errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message)));
  }
}

async function loadActivities() {
  /** @type {ActivityView[]} */
  const list = await api(`/api/chains/${encodeURIComponent(chainCode())}/activities?year=${year()}`);
  $('[data-testid="activity-list"]').replaceChildren(...(list.length
    ? list.map((a) => h('li', { 'data-testid': 'activity-row', 'data-kind': a.kind },
      h('b', null, `${a.date} ${ACTIVITY_KIND_LABELS[a.kind]}`), a.leader ? ` · ${a.leader.name}` : '',
      h('div', null, a.findings),
      h('small', null, [a.enterprises.length ? `企业：${a.enterprises.join('、')}` : '', a.projects.length ? `项目：${a.projects.map((p) => p.name).join('、')}` : '', a.requests.length ? `提出需求 ${a.requests.length} 项` : ''].filter(Boolean).join('；'))))
    : [h('li', { class: 'muted' }, '本年暂无链长活动记录')]));
  const form = $of(HTMLFormElement, '#activity-form');
  form.hidden = !canWrite();
  if (!canWrite()) return;
  control(form, 'leaderId').replaceChildren(...personOptions(null));
  /** @type {import('/shared/types.js').Page<ProjectView>} */
  const projects = await api(`/api/projects?chain=${encodeURIComponent(chainCode())}&pageSize=500`);
  $('[data-testid="activity-projects"]').replaceChildren(...(projects.items.length
    ? projects.items.map((p) => h('label', null, h('input', { type: 'checkbox', name: 'projectIds', value: String(p.id) }), p.name))
    : [h('span', { class: 'muted' }, '本链暂无项目')]));
  control(form, 'requestProject').replaceChildren(h('option', { value: '' }, '（不提出）'), ...projects.items.map((p) => h('option', { value: String(p.id) }, p.name)));
}

async function saveActivity(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = $of(HTMLFormElement, '#activity-form');
  const errors = $('[data-testid="activity-errors"]');
  errors.replaceChildren();
  const value = (/** @type {string} */ name) => control(form, name).value.trim();
  const projectIds = Array.from(form.querySelectorAll('input[name="projectIds"]:checked')).map((el) => Number(/** @type {HTMLInputElement} */ (el).value));
  const requestProject = value('requestProject') ? Number(value('requestProject')) : null;
  // A project a request is raised for was visited too.
  if (requestProject !== null && !projectIds.includes(requestProject)) projectIds.push(requestProject);
  /** @type {Record<string, unknown>} */
  const body = { kind: value('kind'), date: value('date'), enterprises: lines(control(form, 'enterprises').value), projectIds, findings: value('findings') };
  if (value('leaderId')) body.leaderId = Number(value('leaderId'));
  if (requestProject !== null)
    body.requests = [{ projectId: requestProject, kind: value('requestKind'), ...(value('requestQuantity') ? { quantity: value('requestQuantity') } : {}), description: value('requestDescription') || value('findings') }];
  try {
    await api(`/api/chains/${encodeURIComponent(chainCode())}/activities`, { method: 'POST', body });
    $('[data-testid="activity-result"]').textContent = '已记录';
    form.reset();
    await loadActivities();
  } catch (error) {
    $('[data-testid="activity-result"]').textContent = '';
    errors.replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message)));
  }
}

async function load() {
  try {
    await Promise.all([loadFive(), loadActivities()]);
    document.body.dataset.state = 'ready';
  } catch (error) {
    showBanner(reasonsOf(error).map((r) => r.message).join('；'));
  }
}

run(async () => {
  context = await startPage('duty');
  const ref = await referenceData();
  people = await api('/api/people');
  const chain = $of(HTMLSelectElement, '#chain');
  chain.replaceChildren(...ref.chains.map((c) => h('option', { value: c.code }, `${c.flagship ? '★' : ''}${c.name}`)));
  if (context.user.chain) {
    chain.value = context.user.chain;
    chain.disabled = true;
  }
  const years = $of(HTMLSelectElement, '#year');
  const thisYear = yearOf(context.today);
  years.replaceChildren(...[thisYear, thisYear - 1, thisYear - 2].map((y) => h('option', { value: String(y) }, `${y}年`)));
  const asked = new URLSearchParams(window.location.search);
  if (asked.get('chain') && !context.user.chain) chain.value = asked.get('chain') ?? chain.value;
  if (asked.get('year')) years.value = asked.get('year') ?? years.value;
  const activity = $of(HTMLFormElement, '#activity-form');
  control(activity, 'kind').replaceChildren(...Object.entries(ACTIVITY_KIND_LABELS).map(([value, label]) => h('option', { value }, label)));
  control(activity, 'requestKind').replaceChildren(...Object.entries(REQUEST_KIND_LABELS).map(([value, label]) => h('option', { value }, label)));
  $of(HTMLFormElement, '#five-form').addEventListener('submit', (event) => void saveFive(event));
  activity.addEventListener('submit', (event) => void saveActivity(event));
  chain.addEventListener('change', () => void load());
  years.addEventListener('change', () => void load());
  await load();
});
