// @ts-check
// The project page's 包联责任 panel (docs/domain/responsibility.md "A project's 包联"): the
// 市级包联领导, 县级包联领导, 服务专员 and the enterprise's contact. The city office sets them all; a
// county operator its own county leader, 专员 and contact (the city leader is shown, not offered);
// others read. People come from the register (人员名册); a save answers with the server's reasons.
import { api } from '/shared/api.js';
import { $, h } from '/shared/dom.js';
import { COMMISSIONER_KIND_LABELS } from '/shared/labels.js';
import { reasonsOf } from '/shared/messages.js';

/** @typedef {import('/shared/types.js').ProjectView} ProjectView */
/** @typedef {import('/shared/types.js').PersonView} PersonView */
/** @typedef {import('/shared/types.js').PersonRef} PersonRef */
/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */

/** @type {PersonView[] | null} */
let people = null;

const named = (/** @type {PersonRef | null | undefined} */ p) => (p ? `${p.name}（${p.title}）` : '未明确');

/**
 * Draws the panel; `changed()` after a save (the page reads the project again: its history shows the change).
 * @param {ProjectView} project
 * @param {{ context: WorkbenchContext, changed: () => void }} options
 */
export async function renderDuty(project, { context, changed }) {
  const r = project.responsibility;
  const panel = $('[data-testid="duty-panel"]');
  const factsList = h('dl', { class: 'facts duty-facts', 'data-testid': 'duty-facts' },
    h('dt', null, '市级包联领导'), h('dd', { 'data-testid': 'duty-city-leader' }, named(r?.cityLeader)),
    h('dt', null, '县级包联领导'), h('dd', { 'data-testid': 'duty-county-leader' }, named(r?.countyLeader)),
    h('dt', null, r?.commissionerKind ? COMMISSIONER_KIND_LABELS[r.commissionerKind] : '服务专员'), h('dd', { 'data-testid': 'duty-commissioner' }, named(r?.commissioner)),
    h('dt', null, '项目联系人'), h('dd', { 'data-testid': 'duty-contact' }, r?.contact ? [r.contact.name, r.contact.phone].filter(Boolean).join(' ') : '未填写'));
  if (!context.canEdit) {
    panel.replaceChildren(factsList);
    return;
  }
  people ??= /** @type {PersonView[]} */ (await api('/api/people'));
  const active = people.filter((p) => p.active);
  const options = (/** @type {PersonView[]} */ list, /** @type {number | null | undefined} */ current) => [
    h('option', { value: '' }, '（未明确）'),
    ...list.map((p) => h('option', { value: String(p.id), selected: p.id === current ? true : null }, `${p.name}（${p.title}，${p.organisation}）`)),
  ];
  const isCity = context.user.role === 'admin';
  const city = h('select', { name: 'cityLeaderId', 'data-testid': 'duty-city-select', disabled: !isCity || null }, options(active.filter((p) => p.region === null), r?.cityLeaderId));
  const county = h('select', { name: 'countyLeaderId', 'data-testid': 'duty-county-select' }, options(active.filter((p) => p.region !== null && p.region === project.region), r?.countyLeaderId));
  const commissioner = h('select', { name: 'commissionerId', 'data-testid': 'duty-commissioner-select' }, options(active.filter((p) => p.region === null || p.region === project.region), r?.commissionerId));
  const kind = h('select', { name: 'commissionerKind', 'data-testid': 'duty-kind-select' },
    ...Object.entries(COMMISSIONER_KIND_LABELS).map(([value, label]) => h('option', { value, selected: value === (r?.commissionerKind ?? 'enterprise') ? true : null }, label)));
  const contactName = h('input', { name: 'contactName', maxlength: '64', value: r?.contact?.name ?? '', 'data-testid': 'duty-contact-name' });
  const contactPhone = h('input', { name: 'contactPhone', maxlength: '32', value: r?.contact?.phone ?? '', 'data-testid': 'duty-contact-phone' });
  const errors = h('ul', { class: 'messages event-error', 'data-testid': 'duty-errors', role: 'alert' });
  const status = h('span', { class: 'save-status', 'data-testid': 'duty-status', role: 'status' });
  const form = h('form', { class: 'duty-form', 'data-testid': 'duty-form', novalidate: true },
    h('div', { class: 'form-grid' },
      h('label', { class: 'field' }, '市级包联领导（市链长办指定）', city),
      h('label', { class: 'field' }, '县级包联领导', county),
      h('label', { class: 'field' }, '服务专员', commissioner),
      h('label', { class: 'field' }, '专员类别', kind),
      h('label', { class: 'field' }, '项目联系人', contactName),
      h('label', { class: 'field' }, '联系电话', contactPhone)),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'duty-save' }, '保存包联责任'), status),
    errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    errors.replaceChildren();
    const id = (/** @type {HTMLSelectElement} */ select) => (select.value ? Number(select.value) : null);
    /** @type {Record<string, unknown>} */
    const body = { countyLeaderId: id(county), commissionerId: id(commissioner), commissionerKind: commissioner.value ? kind.value : null };
    if (isCity) body.cityLeaderId = id(city);
    const name = contactName.value.trim();
    const phone = contactPhone.value.trim();
    if (name || phone) body.contact = { name, phone: phone || null };
    else if (r?.contact) body.contact = null;
    status.textContent = '正在保存…';
    api(`/api/projects/${project.id}/responsibility`, { method: 'PUT', body })
      .then(() => {
        status.textContent = '已保存';
        changed();
      })
      .catch((error) => {
        status.textContent = '';
        errors.replaceChildren(...reasonsOf(error).map((reason) => h('li', null, reason.message)));
      });
  });
  panel.replaceChildren(factsList, form);
}
