// @ts-check
// The selected lead (leads-page.js): what it is, its way so far (在谈 → 签约 → 落地 / 终止), one
// button per event its status takes — each a small form asking only for what that event needs,
// sent with the version read — and its 到位资金 by month (revisions kept; the latest counts).
import { actorName } from '/shared/actors.js';
import { api, ApiError } from '/shared/api.js';
import { $, $of, control, h, setChildren } from '/shared/dom.js';
import { localDateTime, wan, yi } from '/shared/format.js';
import { monthLabel, previousMonth, monthOf } from '/shared/period.js';
import { LEAD_EVENT_FIELD_LABELS, LEAD_EVENT_LABELS, LEAD_ORIGIN_LABELS, LEAD_STATUS_LABELS, STAGE_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';
import { asDateInput, normalizeDate } from './dates.js';

/** @typedef {import('/shared/types.js').LeadView} LeadView */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {keyof typeof LEAD_EVENT_LABELS} LeadEventType */

/**
 * @typedef {object} LeadHost
 * @property {WorkbenchContext} context
 * @property {{ chainName: (code: string | null) => string, regionName: (code: string | null) => string }} ref
 * @property {boolean} canWrite
 * @property {(lead: LeadView) => Promise<void>} afterChange
 */

/** A labelled input of an event form. */
function field(/** @type {LeadEventType} */ type, /** @type {string} */ name, /** @type {string} */ label, /** @type {Record<string, unknown>} */ attrs = {}) {
  const input = h('input', { name, 'data-testid': `lead-event-${type}-${name}`, ...attrs });
  return h('label', { class: `event-field field-${name}` }, label, name === 'date' ? asDateInput(input) : input);
}

/** The form of each event: the fields it asks for. */
function eventForm(/** @type {LeadEventType} */ type, /** @type {LeadView} */ lead, /** @type {string} */ today) {
  switch (type) {
    case 'SIGN':
      return [
        field(type, 'amount', LEAD_EVENT_FIELD_LABELS.SIGN.amount, { inputmode: 'numeric', value: String(lead.intendedInvestment) }),
        field(type, 'date', LEAD_EVENT_FIELD_LABELS.SIGN.date, { value: today }),
        field(type, 'agreementNo', LEAD_EVENT_FIELD_LABELS.SIGN.agreementNo, { maxlength: '64' }),
      ];
    case 'LAND':
      return [
        field(type, 'date', LEAD_EVENT_FIELD_LABELS.LAND.date, { value: today }),
        h('span', { class: 'muted land-note' }, '新建储备项目（招商引进）：'),
        field(type, 'code', LEAD_EVENT_FIELD_LABELS.LAND.code, { maxlength: '64' }),
        field(type, 'ownerEnterprise', LEAD_EVENT_FIELD_LABELS.LAND.ownerEnterprise, { maxlength: '200' }),
        field(type, 'totalInvestment', LEAD_EVENT_FIELD_LABELS.LAND.totalInvestment, { inputmode: 'numeric', value: lead.signedAmount === null ? '' : String(lead.signedAmount) }),
        h('span', { class: 'muted land-note' }, '或关联已有项目：'),
        field(type, 'existing', LEAD_EVENT_FIELD_LABELS.LAND.projectId, { list: `land-projects-${lead.id}`, autocomplete: 'off', placeholder: '项目编码或名称' }),
        projectChoices(lead),
      ];
    case 'TERMINATE':
      return [field(type, 'reason', LEAD_EVENT_FIELD_LABELS.TERMINATE.reason, { maxlength: '1000', placeholder: '请填写原因' })];
  }
}

/** The projects a lead may land on (its chain's, in the caller's scope), as `编码 名称` choices; filled once read. */
function projectChoices(/** @type {LeadView} */ lead) {
  const list = h('datalist', { id: `land-projects-${lead.id}`, 'data-testid': 'land-project-choices' });
  /** @type {Promise<import('/shared/types.js').Page<import('/shared/types.js').ProjectView>>} */
  const read = api(`/api/projects?chain=${encodeURIComponent(lead.chain)}&pageSize=500`);
  read.then(
    (page) => list.replaceChildren(...page.items.filter((p) => p.stage !== 'withdrawn').map((p) => h('option', { value: `${p.code} ${p.name}`, 'data-project-id': String(p.id) }))),
    () => {},
  );
  return list;
}

/** The project a typed choice names: `编码 名称` as listed, or exactly its code or its name; null when none or several. */
function chosenProject(/** @type {HTMLFormElement} */ form, /** @type {string} */ text) {
  const options = [...form.querySelectorAll('datalist option')].map((o) => ({ label: o.getAttribute('value') ?? '', id: Number(o.getAttribute('data-project-id')) }));
  const exact = options.filter((o) => o.label === text || o.label.split(' ')[0] === text || o.label.slice(o.label.indexOf(' ') + 1) === text);
  return exact.length === 1 ? exact[0].id : null;
}

/** A whole number of 万元 typed with or without thousands separators; null when it is not one. */
function wanOf(/** @type {string} */ text) {
  const value = Number(text.replace(/[,，\s]/g, ''));
  return text.trim() && Number.isInteger(value) && value >= 0 ? value : null;
}

/** The event's body from its form, or the reasons it cannot be sent yet. */
function bodyOf(/** @type {LeadEventType} */ type, /** @type {HTMLFormElement} */ form) {
  const value = (/** @type {string} */ name) => control(form, name).value.trim();
  /** @type {Record<string, unknown>} */
  const body = { type };
  const problems = [];
  if (type === 'TERMINATE') {
    if (!value('reason')) problems.push(`请填写${LEAD_EVENT_FIELD_LABELS.TERMINATE.reason}`);
    else body.reason = value('reason');
    return { body, problems };
  }
  const date = normalizeDate(value('date'));
  if (date === null) problems.push('日期格式应为 YYYY-MM-DD');
  else if (date) body.date = date;
  if (type === 'SIGN') {
    // Left empty, amount and date go as they are: the server names what a 签约 needs.
    const amount = wanOf(value('amount'));
    if (value('amount') && amount === null) problems.push(`${LEAD_EVENT_FIELD_LABELS.SIGN.amount}须为整数万元`);
    else if (amount !== null) body.amount = amount;
    if (value('agreementNo')) body.agreementNo = value('agreementNo');
    return { body, problems };
  }
  const existing = value('existing');
  const projectId = existing ? chosenProject(form, existing) : null;
  if (existing && projectId === null) problems.push(`找不到项目“${existing}”：请输入项目编码或名称，从列表中选择`);
  if (projectId !== null) body.projectId = projectId;
  else if (value('code')) {
    /** @type {Record<string, unknown>} */
    const project = { code: value('code') };
    if (value('ownerEnterprise')) project.ownerEnterprise = value('ownerEnterprise');
    const total = wanOf(value('totalInvestment'));
    if (value('totalInvestment') && total === null) problems.push(`${LEAD_EVENT_FIELD_LABELS.LAND.totalInvestment}须为整数万元`);
    else if (total !== null) project.totalInvestment = total;
    body.project = project;
  }
  return { body, problems };
}

/** Draws the lead in the panel. */
export function renderLead(/** @type {LeadView} */ lead, /** @type {LeadHost} */ host) {
  $('[data-testid="lead-detail-name"]').textContent = lead.name;
  const badge = $('[data-testid="lead-status"]');
  badge.textContent = LEAD_STATUS_LABELS[lead.status];
  badge.className = `stage-badge lead-${lead.status}`;
  const facts = [
    ['投资方', `${lead.investor}（${LEAD_ORIGIN_LABELS[lead.origin]}）`],
    ['产业链', host.ref.chainName(lead.chain)],
    ['意向落地', host.ref.regionName(lead.region)],
    ['意向投资', `${wan(lead.intendedInvestment)} 万元`],
    ['联系人', lead.contact || '—'],
    ['合同金额', lead.signedAmount === null ? '—' : `${wan(lead.signedAmount)} 万元（${yi(lead.signedAmount)} 亿元）`],
    ['签约日期', lead.signedDate ? `${lead.signedDate}${lead.agreementNo ? `，协议 ${lead.agreementNo}` : ''}` : '—'],
    ['落地', lead.project ? `${lead.landedDate}：${lead.project.code} ${lead.project.name}（${STAGE_LABELS[/** @type {keyof typeof STAGE_LABELS} */ (lead.project.stage)] ?? lead.project.stage}）` : '—'],
  ];
  const today = host.context.today;
  const events = host.canWrite && lead.allowedEvents.length
    ? lead.allowedEvents.map((type) => {
      const errors = h('ul', { class: 'event-error', 'data-testid': `lead-event-error-${type}`, role: 'alert' });
      const form = h('form', { class: 'event-form', 'data-testid': `lead-event-form-${type}`, hidden: true, novalidate: true },
        eventForm(type, lead, today),
        h('button', { type: 'submit', class: 'btn primary small', 'data-testid': `lead-event-confirm-${type}` }, `确认${LEAD_EVENT_LABELS[type]}`));
      const button = h('button', { type: 'button', class: `btn event-btn lead-event-${type.toLowerCase()}`, 'data-testid': `lead-event-button-${type}`, onclick: () => { form.hidden = !form.hidden; } }, LEAD_EVENT_LABELS[type]);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        void sendEvent(type, form, errors, lead, host);
      });
      return h('div', { class: 'event', 'data-event': type }, h('div', { class: 'event-line' }, button, errors), form);
    })
    : [h('p', { class: 'muted' }, host.canWrite ? `招商项目已${LEAD_STATUS_LABELS[lead.status]}，不再流转。` : '当前角色只能查看。')];
  const fundable = host.canWrite && (lead.status === 'signed' || lead.status === 'landed') && lead.signedDate !== null;
  setChildren($('[data-role="lead-body"]'),
    h('dl', { class: 'lead-facts' }, facts.map(([k, v]) => [h('dt', null, k), h('dd', null, v)])),
    h('h3', { class: 'sub-title' }, '状态流转'),
    h('ol', { class: 'lead-way', 'data-testid': 'lead-transitions' }, lead.transitions.map((t) =>
      h('li', { 'data-event': t.event }, `${t.effectiveDate} ${LEAD_EVENT_LABELS[t.event]}：${LEAD_STATUS_LABELS[t.fromStatus]} → ${LEAD_STATUS_LABELS[t.toStatus]}`, t.reason ? `（${t.reason}）` : '', h('small', null, ` ${actorName(t.actor)} ${localDateTime(t.recordedAt)}`)))),
    h('div', { class: 'events' }, events),
    h('p', { class: 'event-result', 'data-testid': 'lead-event-result', role: 'status' }),
    h('h3', { class: 'sub-title' }, '到位资金 ', h('small', null, `合计 ${wan(lead.funded)} 万元`)),
    h('table', { class: 'grid-table', 'data-testid': 'fund-table' },
      h('thead', null, h('tr', null, h('th', null, '月份'), h('th', { class: 'num' }, '到位(万元)'), h('th', { class: 'num' }, '修订'), h('th', null, '填报'))),
      h('tbody', null, lead.funds.map((f) => h('tr', { 'data-testid': 'fund-row', 'data-month': f.month },
        h('td', null, monthLabel(f.month)), h('td', { class: 'num' }, wan(f.amount)), h('td', { class: 'num' }, String(f.revisions)), h('td', null, `${actorName(f.actor)} ${localDateTime(f.recordedAt)}`))))),
    fundable ? fundForm(lead, host) : null);
}

/** The months funds may be filed for: from the signing month to this month. */
function fundMonths(/** @type {string} */ from, /** @type {string} */ to) {
  const months = [];
  for (let month = to; month >= from; month = previousMonth(month)) months.push(month);
  return months;
}

function fundForm(/** @type {LeadView} */ lead, /** @type {LeadHost} */ host) {
  const months = fundMonths(monthOf(/** @type {string} */ (lead.signedDate)), host.context.currentMonth);
  const errors = h('ul', { class: 'event-error', 'data-testid': 'fund-error', role: 'alert' });
  const form = h('form', { class: 'event-form fund-form', 'data-testid': 'fund-form', novalidate: true },
    h('label', { class: 'event-field' }, '月份', h('select', { name: 'month', 'data-testid': 'fund-month' }, months.map((m) => h('option', { value: m }, monthLabel(m))))),
    h('label', { class: 'event-field' }, '到位资金（万元）', h('input', { name: 'amount', inputmode: 'numeric', 'data-testid': 'fund-amount' })),
    h('label', { class: 'event-field field-reason' }, '更正原因（该月通报已发布时）', h('input', { name: 'reason', maxlength: '1000', 'data-testid': 'fund-reason' })),
    h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'fund-submit' }, '保存到位资金'),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      const amount = wanOf(control(form, 'amount').value);
      if (amount === null) {
        setChildren(errors, h('li', null, '到位资金须为整数万元'));
        return;
      }
      const reason = control(form, 'reason').value.trim();
      try {
        await api(`/api/leads/${lead.id}/funds/${control(form, 'month').value}`, { method: 'PUT', body: { amount, ...(reason ? { reason } : {}) } });
        /** @type {LeadView} */
        const after = await api(`/api/leads/${lead.id}`);
        await host.afterChange(after);
      } catch (error) {
        setChildren(errors, ...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
      }
    })();
  });
  return form;
}

async function sendEvent(/** @type {LeadEventType} */ type, /** @type {HTMLFormElement} */ form, /** @type {HTMLElement} */ errors, /** @type {LeadView} */ lead, /** @type {LeadHost} */ host) {
  const { body, problems } = bodyOf(type, form);
  if (problems.length) {
    setChildren(errors, ...problems.map((p) => h('li', null, p)));
    return;
  }
  errors.replaceChildren();
  const confirm = $of(HTMLButtonElement, `[data-testid="lead-event-confirm-${type}"]`);
  confirm.disabled = true;
  try {
    /** @type {LeadView} */
    const after = await api(`/api/leads/${lead.id}/events`, { method: 'POST', headers: { 'If-Match': `"${lead.version}"` }, body });
    await host.afterChange(after);
    $('[data-testid="lead-event-result"]').textContent = `已${LEAD_EVENT_LABELS[type]}：当前状态 ${LEAD_STATUS_LABELS[after.status]}`;
  } catch (error) {
    setChildren(errors, ...reasonsOf(error).map((r) => h('li', { 'data-code': r.code || '' }, r.message)));
    if (error instanceof ApiError && error.status === 412) errors.append(h('li', null, '数据已被他人修改，请重新选择该项目'));
  } finally {
    if (confirm.isConnected) confirm.disabled = false;
  }
}
