// @ts-check
// 要素保障需求: the caller's requests and problems — a department's inbox (routed to it, by the
// date each is due: accept with a list and a promised date, resolve with what was granted, tell
// the enterprise (反馈), return with a reason), a county's own (raise a problem from any channel,
// record the enterprise's 评价 once told), everything for the city office (which may also take one
// to the 常务会 and record its decision) — the 共性 groups found, and, for the city office and
// auditors, the month's three lists with their export and the year-to-date 要素 figures.
import { api, download } from '/shared/api.js';
import { $, $of, h, queryParams } from '/shared/dom.js';
import { shortRegion } from '/shared/format.js';
import { monthLabel, monthsUpTo } from '/shared/period.js';
import { FEEDBACK_METHOD_LABELS, POLLUTANT_LABELS, REQUEST_CATEGORY_LABELS, REQUEST_CHANNEL_LABELS, REQUEST_EVENT_LABELS, REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS } from '/shared/labels.js';
import { messageOf } from '/shared/messages.js';
import { kindText, quantityText, statusText } from '/shared/requests.js';
import { problemForm } from './problem-form.js';
import { loadGroups } from './request-groups.js';
import { raiseAgainForm, stepForm, stepsFor } from './request-forms.js';
import { loadTotals } from './request-totals.js';
import { readForTable, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').Page<RequestView>} RequestPage */
/** @typedef {import('/shared/types.js').MonthLists} MonthLists */

/** @type {WorkbenchContext} */
let context;
/** The register (the 专员 named on 反馈 and 评价). @type {import('/shared/types.js').PersonView[]} */
let people = [];

function title() {
  const { user } = context;
  if (user.role === 'department') return `需求收件箱 · ${user.departmentName ?? user.department ?? ''}`;
  if (user.role === 'region') return `${user.regionName ?? ''}要素保障需求`;
  if (user.role === 'chain') return `${user.chainName ?? ''}产业链要素保障需求`;
  return '全市要素保障需求';
}

function hint() {
  const role = context.user.role;
  if (role === 'department') return '本部门承办的需求：先受理研判（选定简单 / 高频 / 复杂清单并承诺办结日期），办结时填写保障数量与办理情况，再把结果反馈企业（告知方式、日期，有专员的写明专员）；不属本部门的退回并说明原因。';
  if (role === 'region') return '本县（市、区）的需求和问题：在项目页、月调度填报或下方“登记问题”中提出；部门反馈企业后，请记录企业评价（满意 / 基本满意 / 不满意，不满意须说明原因，需求退回部门重办）。';
  if (role === 'chain') return '本产业链的问题：在下方“登记问题”中提出；整条产业链的问题（未落到县区的），部门反馈后由链专班记录评价。';
  if (role === 'admin') return '市链长办可代部门受理、办结、反馈、退回，将重大问题提交市政府常务会（一事一议）并记录议定事项，确认共性问题。';
  return '只读。';
}

async function load() {
  const table = $('[data-testid="request-table"]');
  const q = new URLSearchParams({ pageSize: '500' });
  const status = $of(HTMLSelectElement, '#status').value;
  const kind = $of(HTMLSelectElement, '#kind').value;
  if (status) q.set('status', status);
  if (kind) q.set('kind', kind);
  if ($of(HTMLInputElement, '#overdue').checked) q.set('overdue', 'true');
  /** @type {RequestPage | null} */
  const page = await readForTable(table, `/api/requests?${q}`);
  if (!page) return;
  const focus = Number(queryParams().request) || null;
  $('[data-testid="request-table"] tbody').replaceChildren(...page.items.map((r) => row(r, r.id === focus)));
  $('[data-testid="requests-empty"]').hidden = page.items.length > 0;
  $('[data-testid="requests-total"]').textContent = String(page.total);
  table.dataset.status = 'ready';
}

function row(/** @type {RequestView} */ r, /** @type {boolean} */ focused) {
  const actions = stepsFor(r, context.user.role).map((type) =>
    h('button', { type: 'button', class: 'btn small', 'data-testid': `act-${type}`, onclick: () => openStep(tr, r, type) }, REQUEST_EVENT_LABELS[type]));
  // A returned request: whoever may raise needs on the project raises it again (a new request).
  if (r.status === 'returned' && context.canEdit)
    actions.push(h('button', { type: 'button', class: 'btn small', 'data-testid': 'act-RAISE_AGAIN', onclick: () => openRaiseAgain(tr, r) }, '重新提出'));
  const tr = h('tr', { class: [r.overdue ? 'late' : '', focused ? 'focused' : ''].join(' ').trim() || null, 'data-testid': 'request-row', 'data-request-id': r.id, 'data-status': r.status },
    h('td', { class: r.overdue ? 'bad-text' : null }, r.due ?? '—'),
    h('td', { class: 'name', title: r.subject },
      r.projectId === null ? h('span', null, r.subject) : h('a', { href: `/workbench/project.html?id=${r.projectId}` }, r.subject),
      h('small', { 'data-testid': 'request-channel' }, [r.regionName ? shortRegion(r.regionName) : r.chainName ?? '', REQUEST_CHANNEL_LABELS[r.channel]].filter(Boolean).join(' · '))),
    h('td', null, kindText(r)),
    h('td', { class: 'ellipsis', title: r.description }, [quantityText(r.quantity, r.unit), r.description].filter(Boolean).join(' · ')),
    h('td', null, r.departmentName),
    h('td', { class: 'status', 'data-testid': 'request-status' }, statusText(r), r.category ? h('small', null, ` · ${REQUEST_CATEGORY_LABELS[r.category]}`) : null, r.reopenCount ? h('small', null, ` · 重办 ${r.reopenCount} 次`) : null,
      r.feedback && r.status === 'answered' ? h('small', null, ` · ${r.feedback.date} ${FEEDBACK_METHOD_LABELS[r.feedback.method]}告知`) : null,
      r.decision && r.status === 'decided' ? h('small', { title: r.decision.decision }, ` · 责任单位 ${r.decision.responsibleUnit}`) : null),
    h('td', null, quantityText(r.granted, r.unit) || '—'),
    h('td', { class: 'actions' }, actions));
  if (focused) setTimeout(() => tr.scrollIntoView({ block: 'center' }), 0);
  return tr;
}

function openStep(/** @type {HTMLTableRowElement} */ tr, /** @type {RequestView} */ r, /** @type {keyof typeof REQUEST_EVENT_LABELS} */ type) {
  const open = tr.nextElementSibling;
  if (open?.classList.contains('step-row')) open.remove();
  const formRow = h('tr', { class: 'step-row', 'data-testid': 'step-row' },
    h('td', { colspan: '8' }, stepForm({
      type,
      request: r,
      today: context.today,
      people,
      cancel: () => formRow.remove(),
      done: (view) => {
        void load().then(() => showBanner(`已${REQUEST_EVENT_LABELS[type]}：${view.subject} · ${kindText(view)}（${REQUEST_STATUS_LABELS[view.status]}）`, 'ok'));
      },
    })));
  tr.after(formRow);
  const first = formRow.querySelector('input, select');
  if (first instanceof HTMLElement) first.focus();
}

function openRaiseAgain(/** @type {HTMLTableRowElement} */ tr, /** @type {RequestView} */ r) {
  const open = tr.nextElementSibling;
  if (open?.classList.contains('step-row')) open.remove();
  const formRow = h('tr', { class: 'step-row', 'data-testid': 'step-row' },
    h('td', { colspan: '8' }, raiseAgainForm({
      request: r,
      cancel: () => formRow.remove(),
      done: (view) => {
        void load().then(() => showBanner(`已重新提出：${view.subject} · ${kindText(view)}（分派至${view.departmentName}）`, 'ok'));
      },
    })));
  tr.after(formRow);
}

// ------------------------------------------------------------------ the month's three lists

async function loadLists(/** @type {string} */ month) {
  const table = $('[data-testid="month-lists"]');
  /** @type {MonthLists | null} */
  const lists = await readForTable(table, `/api/requests/lists/${month}`);
  if (!lists) return;
  const label = (/** @type {string} */ c) => (c === 'unsorted' ? '待研判' : `${REQUEST_CATEGORY_LABELS[/** @type {keyof typeof REQUEST_CATEGORY_LABELS} */ (c)]}问题清单`);
  const counts = (/** @type {MonthLists['totals']} */ c) => [c.raised, c.carried, c.cumulative, c.accepted, c.resolved, c.closed, c.returned, c.escalated, c.open, c.overdue].map((n) => h('td', { class: 'num' }, String(n)));
  $('[data-testid="month-lists"] tbody').replaceChildren(
    ...lists.lists.map((l) => h('tr', { 'data-list': l.category }, h('td', null, label(l.category), l.groups.length ? h('small', { 'data-testid': 'list-groups' }, `（含共性问题 ${l.groups.length} 组）`) : null), counts(l.counts), h('td', { class: 'num' }, l.counts.meanDaysToClose?.toFixed(1) ?? '—'))),
    h('tr', { class: 'total', 'data-list': 'total' }, h('td', null, '合计'), counts(lists.totals), h('td', { class: 'num' }, lists.totals.meanDaysToClose?.toFixed(1) ?? '—')));
  $('[data-testid="granted-vs-asked"]').textContent = lists.grantedVsAsked.length
    ? `保障情况：${lists.grantedVsAsked.map((g) => `${REQUEST_KIND_LABELS[g.kind]}${g.pollutant ? `（${POLLUTANT_LABELS[g.pollutant]}）` : ''} 已保障 ${quantityText(g.granted, g.unit)}，需求 ${quantityText(g.asked, g.unit)}`).join('；')}`
    : '本月无计量的要素需求';
  table.dataset.status = 'ready';
  table.dataset.month = month;
}

/** The problem form, opened on demand (it reads the projects in scope and the reference data). */
function wireProblemPanel() {
  const role = context.user.role;
  if (context.readOnly || !['admin', 'region', 'chain'].includes(role)) return;
  $('[data-testid="problem-panel"]').hidden = false;
  const button = $('[data-testid="problem-open"]');
  const slot = $('[data-testid="problem-slot"]');
  button.addEventListener('click', () => {
    const opening = slot.hidden;
    slot.hidden = !opening;
    button.textContent = opening ? '收起' : '展开';
    button.setAttribute('aria-expanded', String(opening));
    if (!opening || slot.firstChild) return;
    problemForm({ context, people, done: () => void load() })
      .then((form) => slot.replaceChildren(form))
      .catch((error) => showBanner(messageOf(error)));
  });
}

run(async () => {
  context = await startPage('requests');
  $('[data-testid="requests-title"]').textContent = title();
  $('[data-testid="requests-hint"]').textContent = hint();
  $('[data-testid="requests-ref"]').textContent = context.today;
  $of(HTMLSelectElement, '#status').replaceChildren(h('option', { value: '' }, '全部'), ...Object.entries(REQUEST_STATUS_LABELS).map(([value, label]) => h('option', { value }, label)));
  $of(HTMLSelectElement, '#kind').replaceChildren(h('option', { value: '' }, '全部'), ...Object.entries(REQUEST_KIND_LABELS).map(([value, label]) => h('option', { value }, label)));
  for (const id of ['#status', '#kind', '#overdue']) $(id).addEventListener('change', () => void load());
  people = await api('/api/people');
  await load();
  wireProblemPanel();
  /** The month's lists and year to date again (when shown). */
  let lists = async () => {};
  // a group's confirmation or answer changes its members and the 高频 list
  const groups = () => loadGroups({ role: context.user.role, changed: () => void Promise.all([load(), groups(), lists()]) });
  await groups();
  if (context.user.role === 'admin' || context.user.role === 'auditor' || context.user.role === 'leader') {
    $('[data-testid="month-lists-panel"]').hidden = false;
    const select = $of(HTMLSelectElement, '#lists-month');
    select.replaceChildren(...monthsUpTo(context.currentMonth).map((m) => h('option', { value: m }, monthLabel(m))));
    select.value = context.currentMonth;
    lists = async () => void (await Promise.all([loadLists(select.value), loadTotals(select.value)]));
    select.addEventListener('change', () => void lists());
    $('[data-testid="lists-export"]').addEventListener('click', () => {
      download(`/api/exports/requests/${select.value}.xlsx`, `requests-${select.value}.xlsx`).catch((error) => showBanner(messageOf(error)));
    });
    await lists();
  }
  document.body.dataset.state = 'ready';
});
