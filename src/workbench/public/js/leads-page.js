// @ts-check
// 招商项目 (docs/domain/attraction.md "Leads"): the leads in the caller's scope, a form to record one
// (在谈), and the selected lead's panel (lead-panel.js): 签约, 落地, 终止 and 到位资金.
import { api } from '/shared/api.js';
import { $, $of, control, h, queryParams, setChildren, setQueryParams } from '/shared/dom.js';
import { wan } from '/shared/format.js';
import { LEAD_FIELD_LABELS, LEAD_ORIGIN_LABELS, LEAD_STATUS_LABELS } from '/shared/labels.js';
import { messageOf, reasonsOf } from '/shared/messages.js';
import { renderLead } from './lead-panel.js';
import { readForTable, referenceData, run, showBanner, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').LeadSummary} LeadSummary */
/** @typedef {import('/shared/types.js').LeadView} LeadView */
/** @typedef {import('/shared/types.js').Page<LeadSummary>} LeadPage */

/** @type {WorkbenchContext} */
let context;
/** @type {Awaited<ReturnType<typeof referenceData>>} */
let ref;
/** @type {number | null} */
let selected = null;

const filterForm = () => $of(HTMLFormElement, '#lead-filters');

/** Fills a select with [value, label] choices and picks `value`. */
function options(/** @type {HTMLSelectElement} */ select, /** @type {[string, string][]} */ choices, /** @type {string} */ value) {
  select.replaceChildren(...choices.map(([v, label]) => h('option', { value: v }, label)));
  select.value = choices.some(([v]) => v === value) ? value : choices[0][0];
}

const selectOf = (/** @type {HTMLFormElement} */ form, /** @type {string} */ name) => {
  const el = control(form, name);
  if (!(el instanceof HTMLSelectElement)) throw new Error(`${name} is not a select`);
  return el;
};

async function loadList() {
  const f = filterForm();
  const params = new URLSearchParams({ pageSize: '500' });
  for (const name of ['status', 'chain', 'region']) {
    const value = control(f, name).value;
    if (value) params.set(name, value);
  }
  const table = $('[data-testid="lead-list"]');
  /** @type {LeadPage | null} */
  const page = await readForTable(table, `/api/leads?${params}`);
  if (!page) return;
  $('tbody', table).replaceChildren(...page.items.map((l) => h('tr', {
    'data-testid': 'lead-row',
    'data-lead-id': l.id,
    'data-status': l.status,
    class: l.id === selected ? 'selected' : null,
    onclick: () => void select(l.id),
  },
    h('td', { class: 'name', title: l.name }, h('a', { href: `?id=${l.id}`, onclick: (/** @type {Event} */ e) => e.preventDefault() }, l.name), h('small', null, l.investor)),
    h('td', null, ref.chainName(l.chain)),
    h('td', null, ref.regionName(l.region)),
    h('td', null, h('span', { class: `lead-status lead-${l.status}`, 'data-testid': 'lead-row-status' }, LEAD_STATUS_LABELS[l.status])),
    h('td', { class: 'num' }, wan(l.signedAmount)),
    h('td', { class: 'num' }, wan(l.funded)))));
  $('[data-testid="lead-list-empty"]').hidden = page.items.length > 0;
  $('[data-testid="lead-total"]').textContent = String(page.total);
  table.dataset.status = 'ready';
}

/** Shows lead `id` in the panel (and keeps it in the address). */
async function select(/** @type {number} */ id) {
  selected = id;
  setQueryParams({ id });
  for (const row of document.querySelectorAll('[data-testid="lead-row"]')) row.classList.toggle('selected', row.getAttribute('data-lead-id') === String(id));
  const panel = $('[data-testid="lead-detail"]');
  panel.dataset.status = 'loading';
  try {
    /** @type {LeadView} */
    const lead = await api(`/api/leads/${id}`);
    if (selected !== id) return;
    renderLead(lead, { context, ref, canWrite: canWrite(), afterChange });
    panel.dataset.status = 'ready';
    panel.dataset.leadId = String(id);
  } catch (error) {
    panel.dataset.status = 'error';
    showBanner(messageOf(error));
  }
}

/** After an event or a filing: the list and the panel again. */
async function afterChange(/** @type {LeadView} */ lead) {
  await loadList();
  renderLead(lead, { context, ref, canWrite: canWrite(), afterChange });
}

/** Chain teams, county operators and the city office record and advance leads; auditors and leaders read. */
const canWrite = () => context.user.role !== 'auditor' && context.user.role !== 'leader';

async function submitLead(/** @type {SubmitEvent} */ event) {
  event.preventDefault();
  const form = $of(HTMLFormElement, '#lead-form');
  const errors = $('[data-testid="lead-form-error"]');
  const value = (/** @type {string} */ name) => control(form, name).value.trim();
  const missing = ['name', 'investor', 'intendedInvestment'].filter((name) => !value(name)).map((name) => `请填写${LEAD_FIELD_LABELS[/** @type {'name'} */ (name)]}`);
  const intended = Number(value('intendedInvestment').replace(/,/g, ''));
  if (value('intendedInvestment') && !(Number.isInteger(intended) && intended >= 0)) missing.push(`${LEAD_FIELD_LABELS.intendedInvestment}须为非负整数`);
  if (missing.length) {
    setChildren(errors, ...missing.map((m) => h('li', null, m)));
    return;
  }
  errors.replaceChildren();
  const submit = $of(HTMLButtonElement, '[data-testid="lead-submit"]');
  submit.disabled = true;
  try {
    /** @type {LeadView} */
    const lead = await api('/api/leads', {
      method: 'POST',
      body: { name: value('name'), investor: value('investor'), origin: value('origin'), chain: value('chain'), region: value('region'), intendedInvestment: intended, ...(value('contact') ? { contact: value('contact') } : {}) },
    });
    form.reset();
    presetScope(form);
    await loadList();
    await select(lead.id);
    showBanner(`已登记招商项目“${lead.name}”（在谈）`, 'ok');
  } catch (error) {
    setChildren(errors, ...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
  } finally {
    submit.disabled = false;
  }
}

/** A chain team's chain and a county operator's place are fixed. */
function presetScope(/** @type {HTMLFormElement} */ form) {
  const { role, chain, region } = context.user;
  const chainSelect = selectOf(form, 'chain');
  const regionSelect = selectOf(form, 'region');
  if (role === 'chain' && chain) chainSelect.value = chain;
  if (role === 'region' && region) regionSelect.value = region;
  chainSelect.disabled = role === 'chain';
  regionSelect.disabled = role === 'region';
}

run(async () => {
  context = await startPage('leads');
  ref = await referenceData();
  const { role } = context.user;
  $('[data-testid="leads-scope"]').textContent = role === 'chain' ? `${context.user.chainName}产业链` : role === 'region' ? `${context.user.regionName}` : '全市';
  /** @type {[string, string][]} */
  const chains = ref.chains.map((c) => [c.code, `${c.flagship ? '★' : ''}${c.name}`]);
  /** @type {[string, string][]} */
  const regions = ref.regions.map((r) => [r.code, r.name]);
  const filters = filterForm();
  const q = queryParams();
  options(selectOf(filters, 'status'), [['', '全部状态'], ...Object.entries(LEAD_STATUS_LABELS)], q.status || '');
  options(selectOf(filters, 'chain'), [['', '全部产业链'], ...chains], '');
  options(selectOf(filters, 'region'), [['', '全部县（市、区）'], ...regions], '');
  $('[data-role="chain-filter"]').hidden = role === 'chain';
  $('[data-role="region-filter"]').hidden = role === 'region';
  filters.addEventListener('change', () => void loadList());

  const form = $of(HTMLFormElement, '#lead-form');
  options(selectOf(form, 'origin'), Object.entries(LEAD_ORIGIN_LABELS), 'inProvince');
  options(selectOf(form, 'chain'), chains, '');
  options(selectOf(form, 'region'), regions, '');
  presetScope(form);
  form.hidden = !canWrite();
  form.addEventListener('submit', (event) => void submitLead(event));

  await loadList();
  if (Number(q.id) > 0) await select(Number(q.id));
  document.body.dataset.state = 'ready';
});
