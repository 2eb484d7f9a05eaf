// @ts-check
// 人员名册 (people.html; docs/domain/responsibility.md "People"): the city office registers the
// people who answer for chains and projects — name, post, organisation, phone, the county they
// serve in (none: the city) — and marks one who leaves office (kept, no longer offered for a post).
import { api } from '/shared/api.js';
import { $, $of, control, h } from '/shared/dom.js';
import { reasonsOf } from '/shared/messages.js';
import { referenceData, run, startPage } from './shell.js';

/** @typedef {import('/shared/types.js').PersonView} PersonView */

/** The person being edited (null: a new one). */
let editing = /** @type {PersonView | null} */ (null);

async function load(/** @type {(code: string | null) => string} */ regionName) {
  /** @type {PersonView[]} */
  const people = await api('/api/people');
  $('[data-testid="people-table"] tbody').replaceChildren(...people.map((p) => h('tr', { 'data-testid': 'person-row', 'data-person-id': p.id },
    h('td', null, p.name),
    h('td', null, p.title),
    h('td', null, p.organisation),
    h('td', null, p.phone ?? '—'),
    h('td', null, p.region ? regionName(p.region) : '市级'),
    h('td', { class: p.active ? null : 'muted' }, p.active ? '在任' : '已离任'),
    h('td', { class: 'actions' }, h('button', { type: 'button', class: 'btn ghost small', 'data-testid': 'person-edit', onclick: () => edit(p) }, '修改')))));
  $('[data-testid="people-table"]').dataset.status = 'ready';
}

function edit(/** @type {PersonView | null} */ person) {
  editing = person;
  const form = $of(HTMLFormElement, '#person-form');
  $('[data-testid="person-form-title"]').textContent = person ? `修改：${person.name}` : '登记人员';
  control(form, 'name').value = person?.name ?? '';
  control(form, 'title').value = person?.title ?? '';
  control(form, 'organisation').value = person?.organisation ?? '';
  control(form, 'phone').value = person?.phone ?? '';
  control(form, 'region').value = person?.region ?? '';
  control(form, 'active').value = String(person?.active ?? true);
  control(form, 'active').disabled = !person;
  $('[data-testid="person-errors"]').replaceChildren();
}

run(async () => {
  await startPage('people');
  const ref = await referenceData();
  const form = $of(HTMLFormElement, '#person-form');
  control(form, 'region').replaceChildren(h('option', { value: '' }, '市级'), ...ref.regions.map((r) => h('option', { value: r.code }, r.name)));
  edit(null);
  $('[data-testid="person-new"]').addEventListener('click', () => edit(null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (/** @type {string} */ name) => control(form, name).value.trim();
    /** @type {Record<string, unknown>} */
    const body = { name: value('name'), title: value('title'), organisation: value('organisation'), phone: value('phone') || null, region: value('region') || null };
    if (editing) body.active = value('active') === 'true';
    const request = editing ? api(`/api/people/${editing.id}`, { method: 'PATCH', body }) : api('/api/people', { method: 'POST', body });
    request
      .then(async () => {
        $('[data-testid="person-result"]').textContent = '已保存';
        edit(null);
        await load(ref.regionName);
      })
      .catch((error) => $('[data-testid="person-errors"]').replaceChildren(...reasonsOf(error).map((r) => h('li', null, r.message))));
  });
  await load(ref.regionName);
  document.body.dataset.state = 'ready';
});
