// @ts-check
// 登记问题: a problem from any channel the API accepts (企业热线, 企业诉求通, 专员走访, 巡链, 月调度,
// 其他), about a project, an enterprise not on any list, or a whole chain (POST /api/requests,
// docs/domain/requests.md "Problems from every channel"). A county's problems are its own county's;
// a chain team's are its own chain's; the city office names the county (and the chain) itself.
import { api } from '/shared/api.js';
import { h } from '/shared/dom.js';
import { REQUEST_CHANNEL_LABELS } from '/shared/labels.js';
import { bodyOf, field, needFields, personSelect, refusals, select } from './request-forms.js';
import { referenceData } from './shell.js';

/** @typedef {import('/shared/types.js').WorkbenchContext} WorkbenchContext */
/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').PersonView} PersonView */
/** @typedef {import('/shared/types.js').ProjectView} ProjectView */

/** What a problem may be about (the page's words; the API takes projectId, enterprise or chain). */
const SUBJECTS = { project: '项目', enterprise: '企业（不在清单上也可）', chain: '产业链（全链）' };

/**
 * The form; `done(view)` with the problem as raised.
 * @param {{ context: WorkbenchContext, people: PersonView[], done: (view: RequestView) => void }} options
 */
export async function problemForm({ context, people, done }) {
  const { role, chain: ownChain } = context.user;
  const { regions, chains, regionName } = await referenceData();
  /** @type {import('/shared/types.js').Page<ProjectView>} */
  const projects = await api('/api/projects?pageSize=500');

  const channel = select(REQUEST_CHANNEL_LABELS, '（请选择）');
  const about = select(SUBJECTS);
  const project = h('select', null, h('option', { value: '' }, '（请选择项目）'),
    projects.items.map((p) => h('option', { value: String(p.id) }, p.region ? `${p.name}（${regionName(p.region)}）` : p.name)));
  const enterpriseName = h('input', { maxlength: '200', autocomplete: 'off' });
  const contact = h('input', { maxlength: '64', autocomplete: 'off' });
  const phone = h('input', { maxlength: '32', autocomplete: 'off', inputmode: 'tel' });
  // a county operator's problems are its county's; the city office and a chain team name it
  const region = h('select', null, h('option', { value: '' }, role === 'admin' ? '（不限县区）' : '（请选择）'), regions.map((r) => h('option', { value: r.code }, r.name)));
  const chain = h('select', null, h('option', { value: '' }, '（不涉及）'), chains.map((c) => h('option', { value: c.code }, c.name)));
  const policyTag = h('input', { maxlength: '64', autocomplete: 'off', placeholder: '如 技改补贴' });
  const commissioner = personSelect(people, null);
  const need = needFields();

  const fields = {
    channel: field('f-channel', '收集渠道', channel),
    about: field('f-about', '涉及', about),
    project: field('f-projectId', '项目', project),
    enterpriseName: field('f-enterprise-name', '企业名称', enterpriseName),
    contact: field('f-enterprise-contact', '联系人（可空）', contact),
    phone: field('f-enterprise-phone', '联系电话（可空）', phone),
    region: field('f-region', '所在县（市、区）', region),
    chain: field('f-chain', '产业链', chain),
    policyTag: field('f-policyTag', '涉及政策（可空）', policyTag),
    commissioner: field('f-commissionerId', '带来问题的专员（可空）', commissioner),
  };
  const sync = () => {
    const a = about.value;
    fields.project.hidden = a !== 'project';
    for (const f of [fields.enterpriseName, fields.contact, fields.phone]) f.hidden = a !== 'enterprise';
    fields.region.hidden = a === 'project' || role === 'region';
    // a chain team's problems are its own chain's; a county's chain-wide one names the chain
    fields.chain.hidden = a === 'project' || role === 'chain';
  };
  about.addEventListener('change', sync);
  sync();

  const errors = h('ul', { class: 'messages', 'data-testid': 'problem-errors' });
  const status = h('span', { class: 'save-status', 'data-testid': 'problem-status', role: 'status' });
  const submit = h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'problem-submit' }, '登记问题');
  const form = h('form', { class: 'raise-form problem-form', 'data-testid': 'problem-form', novalidate: true },
    h('div', { class: 'step-fields' }, Object.values(fields), need.elements),
    h('div', { class: 'step-actions' }, submit, status),
    errors);
  const refused = refusals(form, errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refused.clear();
    status.textContent = '';
    if (!channel.value) {
      refused.at('channel', '请选择收集渠道（问题从哪里来）');
      return;
    }
    /** @type {Record<string, unknown>} */
    const body = { ...need.read(), ...bodyOf({ channel, policyTag, commissionerId: commissioner }) };
    const a = about.value;
    if (a === 'project') {
      if (project.value) body.projectId = Number(project.value);
    } else {
      if (a === 'enterprise') {
        /** @type {Record<string, string>} */
        const enterprise = { name: enterpriseName.value.trim() };
        if (contact.value.trim()) enterprise.contact = contact.value.trim();
        if (phone.value.trim()) enterprise.phone = phone.value.trim();
        body.enterprise = enterprise;
      }
      if (role !== 'region' && region.value) body.region = region.value;
      if (role === 'chain' && ownChain) body.chain = ownChain;
      else if (chain.value) body.chain = chain.value;
    }
    submit.disabled = true;
    api('/api/requests', { method: 'POST', body })
      .then((/** @type {any} */ view) => {
        const raised = /** @type {RequestView} */ (view);
        status.textContent = `已登记：${raised.subject}，分派至${raised.departmentName}`;
        need.clear();
        done(raised);
      })
      .catch((error) => refused.show(error))
      .finally(() => (submit.disabled = false));
  });
  form.dataset.ready = 'true';
  return form;
}
