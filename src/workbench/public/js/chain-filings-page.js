// @ts-check
// 产业链指标填报: a chain team's quarterly 通用指标 (year to date, one row per quarter that has
// begun, each saved as a new revision) beside the year's targets, and its 差异化指标's status and
// progress note (docs/domain/attraction.md "The chain page"). The city office picks the chain.
import { actorName } from '/shared/actors.js';
import { api } from '/shared/api.js';
import { $, $of, control, h, queryParams, setChildren, setQueryParams } from '/shared/dom.js';
import { localDateTime, yiShort } from '/shared/format.js';
import { INDICATOR_KEYS, INDICATOR_LABELS, NOTE_STATUS_LABELS, RATE_INDICATORS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { referenceData, run, showBanner, startPage } from './shell.js';
import { monthNumberOf, yearOf } from '/shared/period.js';

/** @typedef {import('/shared/types.js').ChainPage} ChainPage */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */

/** @type {WorkbenchContext} */
let context;

const chainSelect = () => $of(HTMLSelectElement, '#chain');
const yearSelect = () => $of(HTMLSelectElement, '#year');
/** Whether the signed-in user may file for the chain shown. */
const writable = () => context.user.role === 'admin' || (context.user.role === 'chain' && context.user.chain === chainSelect().value);

/** The quarters of `year` that have begun by this month. */
function quarters(/** @type {number} */ year) {
  const current = context.currentMonth;
  return [1, 2, 3, 4].filter((q) => `${year}-${String(q * 3 - 2).padStart(2, '0')}` <= current);
}

async function load() {
  const code = chainSelect().value;
  const year = Number(yearSelect().value);
  setQueryParams({ chain: code, year });
  const table = $('[data-testid="indicator-table"]');
  table.dataset.status = 'loading';
  /** @type {ChainPage} */
  const page = await api(`/api/chains/${encodeURIComponent(code)}/page/${year}?month=${year < yearOf(context.currentMonth) ? 12 : monthNumberOf(context.currentMonth)}`);
  const targets = page.attraction.indicatorTargets;
  setChildren($('thead', table), h('tr', null, h('th', null, '季度'), INDICATOR_KEYS.map((k) => h('th', { title: INDICATOR_LABELS[k] }, INDICATOR_LABELS[k], h('small', null, `目标 ${targets[k] ?? '—'}${RATE_INDICATORS.includes(k) && targets[k] !== null ? '%' : ''}`))), h('th', null, '说明'), h('th', null, '')));
  const disabled = !writable();
  setChildren($('tbody', table), quarters(year).map((quarter) => {
    const filed = page.filings.find((f) => f.quarter === quarter) ?? null;
    const row = h('tr', { 'data-testid': 'indicator-row', 'data-quarter': quarter },
      h('th', { scope: 'row' }, `第${quarter}季度`, filed ? h('small', null, ` 第${filed.revision}版 ${actorName(filed.actor)} ${localDateTime(filed.recordedAt)}`) : h('small', null, ' 未填报')),
      INDICATOR_KEYS.map((k) => h('td', null, h('input', { name: k, class: 'num', inputmode: 'decimal', value: filed && filed[k] !== null ? String(filed[k]) : '', disabled, 'data-testid': `indicator-${quarter}-${k}` }))),
      h('td', null, h('input', { name: 'note', value: filed?.note ?? '', maxlength: '2000', disabled })),
      h('td', null, disabled ? null : h('button', { type: 'button', class: 'btn primary small', 'data-testid': `indicator-save-${quarter}`, onclick: () => void save(code, year, quarter, row) }, '保存')));
    return row;
  }));
  table.dataset.status = 'ready';
  $('[data-testid="differentiated-text"]').textContent = page.differentiated.text || '（本年计划未列差异化指标）';
  const { signedOver100m, landed, attractedOver } = page.differentiated;
  $('[data-testid="differentiated-counts"]').textContent = [
    `过亿元签约 ${signedOver100m.count}${signedOver100m.target !== null ? `/${signedOver100m.target}` : ''} 个`,
    `签约落地 ${landed.count}${landed.target !== null ? `/${landed.target}` : ''} 个`,
    // Counted only where the plan row sets the size (e.g. 招引投资过30亿元项目).
    ...(attractedOver.thresholdWan !== null ? [`招引过${yiShort(attractedOver.thresholdWan)}亿元项目 ${attractedOver.count}${attractedOver.target !== null ? `/${attractedOver.target}` : ''} 个`] : []),
  ].join(' · ');
  const form = $of(HTMLFormElement, '[data-testid="note-form"]');
  const note = page.differentiated.note;
  control(form, 'status').value = note?.status ?? 'notStarted';
  control(form, 'note').value = note?.note ?? '';
  for (const el of form.elements) if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLButtonElement) el.disabled = disabled;
  setChildren($('[data-testid="note-history"]'), [...page.differentiated.history].reverse().map((n) =>
    h('li', null, `${localDateTime(n.recordedAt)} ${NOTE_STATUS_LABELS[n.status]}${n.note ? `：${n.note}` : ''}`, h('small', null, ` ${actorName(n.actor)}`))));
}

/** Saves one quarter's row: percents as typed (one decimal), counts as whole numbers, empty as unknown. */
async function save(/** @type {string} */ code, /** @type {number} */ year, /** @type {number} */ quarter, /** @type {HTMLElement} */ row) {
  const errors = $('[data-testid="indicator-error"]');
  errors.replaceChildren();
  /** @type {Record<string, unknown>} */
  const body = {};
  const problems = [];
  for (const key of INDICATOR_KEYS) {
    const input = $of(HTMLInputElement, `input[name="${key}"]`, row);
    const text = input.value.trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isFinite(value)) problems.push(`${INDICATOR_LABELS[key]}须为数字`);
    else body[key] = value;
  }
  const note = $of(HTMLInputElement, 'input[name="note"]', row).value.trim();
  if (note) body.note = note;
  if (problems.length) {
    setChildren(errors, ...problems.map((p) => h('li', null, p)));
    return;
  }
  try {
    await api(`/api/chains/${encodeURIComponent(code)}/indicators/${year}/${quarter}`, { method: 'PUT', body });
    $('[data-testid="indicator-result"]').textContent = `已保存第${quarter}季度指标`;
    await load();
  } catch (error) {
    setChildren(errors, ...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
  }
}

async function saveNote(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = $of(HTMLFormElement, '[data-testid="note-form"]');
  const errors = $('[data-testid="note-error"]');
  errors.replaceChildren();
  const note = control(form, 'note').value.trim();
  try {
    await api(`/api/chains/${encodeURIComponent(chainSelect().value)}/notes/${yearSelect().value}`, { method: 'PUT', body: { status: control(form, 'status').value, ...(note ? { note } : {}) } });
    showBanner('已保存差异化指标进展', 'ok');
    await load();
  } catch (error) {
    setChildren(errors, ...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
  }
}

run(async () => {
  context = await startPage('chain');
  const ref = await referenceData();
  const q = queryParams();
  const chains = context.user.role === 'chain' ? ref.chains.filter((c) => c.code === context.user.chain) : ref.chains;
  chainSelect().replaceChildren(...chains.map((c) => h('option', { value: c.code }, `${c.flagship ? '★' : ''}${c.name}`)));
  chainSelect().value = chains.some((c) => c.code === q.chain) ? q.chain : chains[0]?.code ?? '';
  const thisYear = yearOf(context.today);
  yearSelect().replaceChildren(...[thisYear, thisYear - 1].map((y) => h('option', { value: String(y) }, `${y}年`)));
  yearSelect().value = q.year === String(thisYear - 1) ? q.year : String(thisYear);
  const status = $of(HTMLSelectElement, '[data-testid="note-status"]');
  status.replaceChildren(...Object.entries(NOTE_STATUS_LABELS).map(([value, label]) => h('option', { value }, label)));
  for (const select of [chainSelect(), yearSelect()]) select.addEventListener('change', () => void load().catch((error) => showBanner(reasonsOf(error).map((r) => r.message).join('；'))));
  $of(HTMLFormElement, '[data-testid="note-form"]').addEventListener('submit', (event) => void saveNote(event));
  await load();
  document.body.dataset.state = 'ready';
});
