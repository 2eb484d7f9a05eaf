// @ts-check
// 年度计划: the city office creates a year's plan (a copy of another year's), edits it while a
// draft, publishes it (the server names every list size that differs), edits it afterwards
// with a reason (each change is an adjustment), and rolls this year's lists over into next
// year's. Everyone else reads it.
import { actorName } from '/shared/actors.js';
import { api, ApiError } from '/shared/api.js';
import { $, $of, h, queryParams, setChildren, setQueryParams } from '/shared/dom.js';
import { localDateTime, wan } from '/shared/format.js';
import { CHAIN_PLAN_LABELS, LIST_LABELS, PLACE_RULE_LABELS, PLAN_FIELD_LABELS, PLAN_STATUS_LABELS, ROLLOVER_KIND_LABELS } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { run, showBanner, startPage } from './shell.js';
import { yearOf } from '/shared/period.js';

/** @typedef {import('/shared/types.js').PlanView} PlanView */
/** @typedef {import('/shared/types.js').PlanYear} PlanYear */
/** @typedef {import('/shared/types.js').RolloverProposal} RolloverProposal */
/** @typedef {keyof typeof PLAN_FIELD_LABELS} CityField */

const CITY_FIELDS = /** @type {CityField[]} */ (Object.keys(PLAN_FIELD_LABELS));
const CHAIN_FIELDS = /** @type {(keyof typeof CHAIN_PLAN_LABELS)[]} */ (Object.keys(CHAIN_PLAN_LABELS));
const PLACE_FIELDS = /** @type {(keyof typeof PLACE_RULE_LABELS)[]} */ (Object.keys(PLACE_RULE_LABELS));

let isAdmin = false;
/** @type {PlanView | null} */
let plan = null;
/** @type {RolloverProposal | null} */
let proposal = null;

/**
 * Flags shown as the restriction they are: 容缺受理 is allowed unless a plan restricts it, so the
 * box reads 限制容缺受理开工 and is ticked when the plan does not allow it.
 */
const SHOWN_INVERTED = new Set(['city.conditionalApprovalsAllowed']);

/** A number input for a count or an amount; a checkbox for a flag. */
function input(/** @type {string} */ name, /** @type {unknown} */ value) {
  if (typeof value === 'boolean') return h('input', { type: 'checkbox', name, checked: SHOWN_INVERTED.has(name) ? !value : value, disabled: !isAdmin });
  return h('input', { type: 'number', name, value: value === null || value === undefined ? '' : String(value), step: '1', min: '0', disabled: !isAdmin, class: 'num' });
}

/** The value an input holds, as the API takes it (null for an empty optional number). */
function valueOf(/** @type {HTMLInputElement} */ el) {
  if (el.type === 'checkbox') return SHOWN_INVERTED.has(el.name) ? !el.checked : el.checked;
  return el.value.trim() === '' ? null : Number(el.value);
}

function showResult(/** @type {string} */ text, kind = 'ok', /** @type {string[]} */ lines = []) {
  const box = $('[data-testid="plan-result"]');
  box.hidden = !text;
  box.dataset.kind = kind;
  setChildren(box, text, lines.length ? h('ul', null, lines.map((line) => h('li', null, line))) : null);
}

function renderPlan(/** @type {PlanView} */ p) {
  plan = p;
  const published = p.status === 'published';
  $('[data-testid="plan-status"]').textContent = `${p.year}年 · ${PLAN_STATUS_LABELS[p.status]}${published && p.publishedAt ? `（${localDateTime(p.publishedAt)} 发布）` : ''}`;
  $('[data-testid="plan-missing"]').hidden = true;
  const form = $of(HTMLFormElement, '[data-testid="plan-form"]');
  form.hidden = false;
  setChildren($('[data-role="city-fields"]'), CITY_FIELDS.map((field) => h('label', null, PLAN_FIELD_LABELS[field], input(`city.${field}`, p[field]))));
  const chains = $of(HTMLTableElement, '[data-testid="plan-chains"]');
  setChildren($('thead', chains), h('tr', null, h('th', null, '产业链'), CHAIN_FIELDS.map((f) => h('th', null, CHAIN_PLAN_LABELS[f]))));
  setChildren($('tbody', chains), p.chains.map((c) => h('tr', { 'data-code': c.code }, h('td', null, `${c.no}. ${c.name}${c.flagship ? '★' : ''}`), CHAIN_FIELDS.map((f) => h('td', null, input(`chains.${c.code}.${f}`, c[f]))))));
  const places = $of(HTMLTableElement, '[data-testid="plan-places"]');
  setChildren($('thead', places), h('tr', null, h('th', null, '县（市、区）'), PLACE_FIELDS.map((f) => h('th', null, PLACE_RULE_LABELS[f]))));
  setChildren($('tbody', places), p.places.map((r) => h('tr', { 'data-code': r.code }, h('td', null, r.name), PLACE_FIELDS.map((f) => h('td', null, input(`places.${r.code}.${f}`, r[f]))))));
  $('[data-role="reason-field"]').hidden = !published || !isAdmin;
  $('[data-testid="plan-save"]').hidden = !isAdmin;
  $('[data-testid="plan-publish"]').hidden = !isAdmin || published;
  const adjustments = $('[data-testid="plan-adjustments"]');
  adjustments.hidden = p.adjustments.length === 0;
  setChildren($('[data-role="adjustment-list"]'), p.adjustments.map((a) =>
    h('li', { 'data-testid': 'adjustment' }, `${localDateTime(a.at)} ${actorName(a.actor)}：${a.kind === 'plan' ? '调整计划' : `调整清单（${a.projectName ?? a.projectId}）`}——${a.reason}`)));
  const rollover = $('[data-testid="rollover"]');
  rollover.hidden = !isAdmin;
  $('[data-role="rollover-title"]').textContent = `由 ${p.year} 年清单生成 ${p.year + 1} 年清单建议`;
}

/** The fields of the form that differ from the plan shown, as a PATCH body. */
function changesOf(/** @type {HTMLFormElement} */ form) {
  if (!plan) return {};
  const current = plan;
  /** @type {Record<string, unknown>} */
  const body = {};
  /** @type {Record<string, Record<string, unknown>>} */
  const chains = {};
  /** @type {Record<string, Record<string, unknown>>} */
  const places = {};
  for (const el of form.querySelectorAll('input[name]')) {
    if (!(el instanceof HTMLInputElement) || el.name === 'reason') continue;
    const [part, a, b] = el.name.split('.');
    const value = valueOf(el);
    if (part === 'city') {
      if (value !== /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (current))[a]) body[a] = value;
    } else {
      const rows = part === 'chains' ? current.chains : current.places;
      const row = /** @type {Record<string, unknown> | undefined} */ (/** @type {unknown} */ (rows.find((r) => r.code === a)));
      if (row && value !== row[b]) (part === 'chains' ? chains : places)[a] = { ...((part === 'chains' ? chains : places)[a] || {}), [b]: value };
    }
  }
  if (Object.keys(chains).length) body.chains = Object.entries(chains).map(([code, fields]) => ({ code, ...fields }));
  if (Object.keys(places).length) body.places = Object.entries(places).map(([code, fields]) => ({ code, ...fields }));
  return body;
}

/**
 * Why the server refused, each reason once: one reason in the line itself; several under a
 * heading (the server's message repeats them, so it is not printed beside them).
 */
function refusal(/** @type {unknown} */ error, heading = '未能完成') {
  const reasons = error instanceof ApiError ? reasonsOf(error).map((r) => r.message) : [messageOf(error)];
  if (reasons.length === 1) showResult(`${heading}：${reasons[0]}`, 'error');
  else showResult(`${heading}：`, 'error', reasons);
}

async function loadYear(/** @type {number} */ year, /** @type {PlanYear[]} */ years) {
  setQueryParams({ year });
  showResult('');
  proposal = null;
  $of(HTMLTableElement, '[data-testid="rollover-table"]').hidden = true;
  $of(HTMLButtonElement, '[data-testid="rollover-apply"]').disabled = true;
  try {
    /** @type {PlanView} */
    const p = await api(`/api/targets/${year}`);
    renderPlan(p);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
    plan = null;
    $of(HTMLFormElement, '[data-testid="plan-form"]').hidden = true;
    $('[data-testid="plan-adjustments"]').hidden = true;
    $('[data-testid="rollover"]').hidden = true;
    $('[data-testid="plan-publish"]').hidden = true;
    $('[data-testid="plan-status"]').textContent = `${year}年 · 尚无年度计划`;
    $('[data-testid="plan-missing"]').hidden = false;
    $('[data-role="missing-text"]').textContent = isAdmin ? `${year} 年尚无年度计划。可复制另一年的计划建立草案，再修改、滚动接续清单并发布。` : `${year} 年尚无年度计划，请联系市链长办。`;
    $('[data-testid="plan-create"]').hidden = !isAdmin;
    const copy = $of(HTMLSelectElement, '[data-testid="plan-copy-from"]');
    copy.replaceChildren(...years.map((y) => h('option', { value: y.year }, String(y.year))));
  }
}

/**
 * The amount a row starts with (万元), to be checked rather than typed: this year's planned
 * investment, but not more than what is left of the project's total when that is known and
 * positive (docs/year-plans.md "Rollover").
 */
function suggestedInvestment(/** @type {RolloverProposal['entries'][number]} */ e) {
  const remaining = e.remainingInvestment;
  return remaining !== null && remaining > 0 ? Math.min(e.previousPlannedInvestment, remaining) : e.previousPlannedInvestment;
}

function renderProposal(/** @type {RolloverProposal} */ p) {
  proposal = p;
  const table = $of(HTMLTableElement, '[data-testid="rollover-table"]');
  table.hidden = false;
  setChildren($('tbody', table), p.entries.map((e) => h('tr', { 'data-project': e.projectId, 'data-testid': 'rollover-row' },
    h('td', null, h('b', null, e.name), h('small', null, ` ${e.code}`)),
    // A reserve project is proposed, not imposed: the office ticks the ones it takes (docs/year-plans.md "Rollover").
    h('td', null, e.kind === 'fromReserve'
      ? h('label', null, h('input', { type: 'checkbox', name: 'include', 'aria-label': `${e.name} 列入` }), ` ${ROLLOVER_KIND_LABELS[e.kind]}`)
      : ROLLOVER_KIND_LABELS[e.kind]),
    h('td', null, h('select', { name: 'category' }, ['implementation', 'preparation'].map((c) => h('option', { value: c, selected: c === e.category }, LIST_LABELS[/** @type {'implementation' | 'preparation'} */ (c)])))),
    h('td', { class: 'num' }, wan(e.previousPlannedInvestment)),
    h('td', { class: 'num' }, e.remainingInvestment === null ? '—' : wan(e.remainingInvestment)),
    h('td', null, h('input', { type: 'number', name: 'plannedInvestment', min: '0', step: '1', class: 'num', required: true, value: e.kind === 'fromReserve' ? '' : String(suggestedInvestment(e)), 'aria-label': `${e.name} 计划投资` })),
    h('td', null, h('input', { type: 'checkbox', name: 'keyProject', checked: e.keyProject })))));
  $('[data-role="rollover-leaving"]').textContent = p.leaving.length ? `不再列入：${p.leaving.map((l) => `${l.name}（${l.reason === 'completed' ? '已竣工' : '已调出'}）`).join('、')}` : '';
  $of(HTMLButtonElement, '[data-testid="rollover-apply"]').disabled = p.entries.length === 0;
}

/** The rollover table's rows as the API's entries; null (with the reason shown) when an amount is missing. */
function rolloverEntries() {
  const rows = [...document.querySelectorAll('[data-testid="rollover-row"]')];
  const entries = [];
  for (const row of rows) {
    const include = row.querySelector('input[name="include"]');
    if (include instanceof HTMLInputElement && !include.checked) continue;
    const amount = $of(HTMLInputElement, 'input[name="plannedInvestment"]', row);
    if (amount.value.trim() === '') {
      amount.focus();
      return null;
    }
    entries.push({
      projectId: Number(row.getAttribute('data-project')),
      category: $of(HTMLSelectElement, 'select[name="category"]', row).value,
      plannedInvestment: Number(amount.value),
      keyProject: $of(HTMLInputElement, 'input[name="keyProject"]', row).checked,
    });
  }
  return entries;
}

run(async () => {
  const context = await startPage('plan');
  isAdmin = context.user.role === 'admin';
  /** @type {PlanYear[]} */
  const years = await api('/api/targets');
  const wanted = Number(queryParams().year) || years[0]?.year || yearOf(context.today);
  const choices = [...new Set([...years.map((y) => y.year), wanted, wanted + 1])].sort((a, b) => b - a);
  const select = $of(HTMLSelectElement, '#plan-year');
  select.replaceChildren(...choices.map((y) => h('option', { value: y }, `${y}年${years.some((p) => p.year === y) ? '' : '（尚无）'}`)));
  select.value = String(wanted);
  select.addEventListener('change', () => loadYear(Number(select.value), years).catch(refusal));
  await loadYear(wanted, years);

  $('[data-testid="plan-create"]').addEventListener('submit', async (event) => {
    event.preventDefault();
    const copyFrom = Number($of(HTMLSelectElement, '[data-testid="plan-copy-from"]').value);
    try {
      renderPlan(await api(`/api/targets/${select.value}`, { method: 'POST', body: { copyFrom } }));
      showResult(`已复制 ${copyFrom} 年计划建立 ${select.value} 年草案`);
    } catch (error) {
      refusal(error);
    }
  });
  const form = $of(HTMLFormElement, '[data-testid="plan-form"]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!plan) return;
    const body = changesOf(form);
    if (Object.keys(body).length === 0) return showResult('没有修改', 'info');
    const reason = $of(HTMLInputElement, '[data-testid="plan-reason"]').value.trim();
    if (reason) body.reason = reason;
    try {
      renderPlan(await api(`/api/targets/${plan.year}`, { method: 'PATCH', body }));
      showResult(plan.status === 'published' ? '已保存，并记为一次计划调整' : '已保存');
    } catch (error) {
      refusal(error);
    }
  });
  $('[data-testid="plan-publish"]').addEventListener('click', async () => {
    if (!plan) return;
    try {
      renderPlan(await api(`/api/targets/${plan.year}/publish`, { method: 'POST' }));
      showResult('已发布：此后调整计划或清单须填写原因');
    } catch (error) {
      refusal(error, '不能发布');
    }
  });
  $('[data-testid="rollover-load"]').addEventListener('click', async () => {
    if (!plan) return;
    try {
      renderProposal(await api(`/api/targets/${plan.year}/rollover`));
    } catch (error) {
      refusal(error);
    }
  });
  $('[data-testid="rollover-apply"]').addEventListener('click', async () => {
    if (!plan || !proposal) return;
    const entries = rolloverEntries();
    const status = $('[data-testid="rollover-status"]');
    if (!entries) {
      status.textContent = '请填写每个项目的下一年计划投资';
      return;
    }
    try {
      /** @type {{ year: number, added: number, changed: number, unchanged: number }} */
      const result = await api(`/api/targets/${plan.year}/rollover`, { method: 'POST', body: { entries } });
      status.textContent = `已列入 ${result.year} 年清单：新增 ${result.added} 个，调整 ${result.changed} 个，无变化 ${result.unchanged} 个`;
    } catch (error) {
      status.textContent = messageOf(error);
      if (error instanceof ApiError) showBanner(reasonsOf(error).map((r) => r.message).join('；'));
    }
  });
  document.body.dataset.state = 'ready';
});
