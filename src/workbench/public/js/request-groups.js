// @ts-check
// 共性问题 on the requests page: the groups the tracker found (same 要素, same 承办部门, same policy,
// 3 or more enterprises or projects within 90 days) as the caller may see them, with their
// members by name; the city office confirms a proposed group onto the 高频 list or dismisses it
// (with a reason), and the department (or the city office) solves a confirmed one with one answer
// (docs/domain/requests.md "共性问题").
import { api } from '/shared/api.js';
import { $, h } from '/shared/dom.js';
import { GROUP_EVENT_LABELS, GROUP_STATUS_LABELS, REQUEST_KIND_LABELS } from '/shared/labels.js';
import { field, refusals } from './request-forms.js';
import { readForTable } from './shell.js';

/** @typedef {import('/shared/types.js').RequestView} RequestView */
/** @typedef {import('/shared/types.js').RequestGroupView} RequestGroupView */
/** @typedef {import('/shared/types.js').GroupEventType} GroupEventType */

/** Who may send each group event (the server checks it too). */
const SENDERS = /** @type {Record<GroupEventType, string[]>} */ ({ CONFIRM: ['admin'], DISMISS: ['admin'], RESOLVE: ['admin', 'department'] });

/**
 * Draws the groups (`[data-testid="request-groups"]`); `changed()` after a group event (its
 * members' statuses change too).
 * @param {{ role: string, changed: () => void }} options
 */
export async function loadGroups({ role, changed }) {
  const table = $('[data-testid="request-groups"]');
  /** @type {RequestGroupView[] | null} */
  const groups = await readForTable(table, '/api/requests/groups');
  if (!groups) return;
  /** @type {import('/shared/types.js').Page<RequestView> | null} */
  const members = groups.length ? await api('/api/requests?pageSize=500') : null;
  const byId = new Map((members?.items ?? []).map((r) => [r.id, r]));
  const shown = groups.filter((g) => g.status === 'proposed' || g.status === 'confirmed' || g.status === 'resolved');
  $('[data-testid="groups-panel"]').hidden = shown.length === 0;
  $('[data-testid="request-groups"] tbody').replaceChildren(...shown.map((g) => groupRow(g, byId, role, changed)));
  table.dataset.status = 'ready';
}

function groupRow(/** @type {RequestGroupView} */ g, /** @type {Map<number, RequestView>} */ byId, /** @type {string} */ role, /** @type {() => void} */ changed) {
  const subjects = g.memberIds.map((id) => byId.get(id)?.subject).filter(Boolean);
  const actions = g.allowedEvents.filter((type) => SENDERS[type]?.includes(role)).map((type) =>
    h('button', { type: 'button', class: 'btn small', 'data-testid': `group-${type}`, onclick: () => open(tr, g, type, changed) }, GROUP_EVENT_LABELS[type]));
  const tr = h('tr', { 'data-testid': 'group-row', 'data-group-id': g.id, 'data-status': g.status },
    h('td', null, REQUEST_KIND_LABELS[g.kind]),
    h('td', null, g.departmentName),
    h('td', null, g.policyTag ?? '（未涉及具体政策）'),
    h('td', { class: 'ellipsis', title: subjects.join('、') }, `${g.memberIds.length} 项：${subjects.join('、')}`),
    h('td', { 'data-testid': 'group-status' }, GROUP_STATUS_LABELS[g.status], g.note ? h('small', null, ` · ${g.note}`) : null),
    h('td', { class: 'actions' }, actions));
  return tr;
}

/** The form of one group event: CONFIRM asks nothing more, RESOLVE the one answer, DISMISS the reason. */
function open(/** @type {HTMLTableRowElement} */ tr, /** @type {RequestGroupView} */ g, /** @type {GroupEventType} */ type, /** @type {() => void} */ changed) {
  if (tr.nextElementSibling?.classList.contains('step-row')) tr.nextElementSibling.remove();
  const input = h('input', { maxlength: type === 'RESOLVE' ? '2000' : '1000', autocomplete: 'off' });
  const name = type === 'RESOLVE' ? 'note' : 'reason';
  const errors = h('ul', { class: 'messages', 'data-testid': 'step-errors' });
  const submit = h('button', { type: 'submit', class: 'btn primary small', 'data-testid': 'step-submit' }, `确定${GROUP_EVENT_LABELS[type]}`);
  const form = h('form', { class: 'step-form', 'data-testid': 'group-form', 'data-type': type, novalidate: true },
    type === 'CONFIRM'
      ? h('p', null, `确认后，这 ${g.memberIds.length} 项问题列入高频问题清单，由${g.departmentName}统一办理。`)
      : h('div', { class: 'step-fields' }, field(`f-${name}`, type === 'RESOLVE' ? '统一答复（办结每项成员问题）' : '不予合并的原因', input)),
    h('div', { class: 'step-actions' }, submit, h('button', { type: 'button', class: 'btn ghost small', onclick: () => row.remove() }, '取消')),
    errors);
  const refused = refusals(form, errors);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    refused.clear();
    submit.disabled = true;
    const path = type === 'CONFIRM' ? `/api/requests/groups/${g.id}/confirm` : `/api/requests/groups/${g.id}/events`;
    const body = type === 'CONFIRM' ? {} : input.value.trim() ? { type, [name]: input.value.trim() } : { type };
    api(path, { method: 'POST', headers: { 'If-Match': `"${g.version}"` }, body })
      .then(() => changed())
      .catch((error) => refused.show(error))
      .finally(() => (submit.disabled = false));
  });
  form.dataset.ready = 'true';
  const row = h('tr', { class: 'step-row', 'data-testid': 'step-row' }, h('td', { colspan: '6' }, form));
  tr.after(row);
}
