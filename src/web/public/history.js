// @ts-check
// The change history table both pages show (记录时间 · 事项 · 生效日期 · 原因/说明 · 操作人),
// newest first, each entry described in the words of src/common/labels.ts.
import { actorName } from '/shared/actors.js';
import { h } from '/shared/dom.js';
import { localDateTime, wan } from '/shared/format.js';
import { COMMISSIONER_KIND_LABELS, EVENT_LABELS, HISTORY_FIELD_LABELS, LIST_LABELS, REQUEST_EVENT_LABELS, REQUEST_KIND_LABELS, RESPONSIBLE_ROLE_LABELS, STAGE_LABELS } from '/shared/labels.js';

/** @typedef {import('/shared/types.js').HistoryEntry} HistoryEntry */

/**
 * @typedef {object} ListChange what a `list` entry's data holds
 * @property {number} [year]
 * @property {'added' | 'removed' | 'changed'} [action]
 * @property {{ category?: keyof typeof LIST_LABELS, plannedInvestment?: number }} [before]
 * @property {{ category?: keyof typeof LIST_LABELS, plannedInvestment?: number }} [after]
 */

const LIST_ACTIONS = { added: '列入', removed: '移出', changed: '调整' };

/**
 * What an entry did (事项) and what it says about it (原因/说明).
 * @param {HistoryEntry} entry
 * @returns {[string, string]}
 */
export function describe(entry) {
  const reason = entry.reason || '';
  switch (entry.kind) {
    case 'created':
      return [`入库（${STAGE_LABELS.reserve}）`, reason];
    case 'transition':
      // a transition's event is a lifecycle event (the history's `event` is any kind's)
      return [`${entry.event ? EVENT_LABELS[/** @type {keyof typeof EVENT_LABELS} */ (entry.event)] ?? entry.event : '—'} → ${entry.toStage ? STAGE_LABELS[entry.toStage] : '—'}`, reason];
    case 'updated': {
      const fields = Object.keys(isObject(entry.data) ? entry.data : {}).map((k) => HISTORY_FIELD_LABELS[k] || k);
      return ['修改项目信息', [fields.join('、'), reason].filter(Boolean).join('；')];
    }
    case 'list': {
      const data = /** @type {ListChange} */ (isObject(entry.data) ? entry.data : {});
      const category = (data.after && data.after.category) || (data.before && data.before.category);
      const action = data.action ? LIST_ACTIONS[data.action] : LIST_ACTIONS.changed;
      const plan = data.after && typeof data.after.plannedInvestment === 'number' ? `年度计划 ${wan(data.after.plannedInvestment)} 万元` : '';
      return [`${data.year ?? ''}年${action}${category ? LIST_LABELS[category] : '清单'}`, [plan, reason].filter(Boolean).join('；')];
    }
    case 'lead': {
      const lead = isObject(entry.data) ? /** @type {{ lead?: { id?: number, name?: string, investor?: string } }} */ (entry.data).lead : undefined;
      return [`招商落地${lead?.name ? `：${lead.name}` : ''}`, [lead?.investor ? `投资方 ${lead.investor}` : '', reason].filter(Boolean).join('；')];
    }
    case 'request': {
      // A step of one of the project's 要素保障 requests: data has its kind and (on RAISE) what is asked.
      const data = /** @type {{ kind?: keyof typeof REQUEST_KIND_LABELS, requestId?: number, note?: string }} */ (isObject(entry.data) ? entry.data : {});
      const event = /** @type {keyof typeof REQUEST_EVENT_LABELS | null} */ (/** @type {unknown} */ (entry.event));
      const what = `要素保障 · ${data.kind ? REQUEST_KIND_LABELS[data.kind] : ''}需求${event ? REQUEST_EVENT_LABELS[event] ?? event : ''}`;
      return [what, [data.note, reason].filter(Boolean).join('；')];
    }
    case 'responsibility': {
      // Who answers for the project changed: each post, from whom to whom (names).
      const data = /** @type {Record<string, { from: string | null, to: string | null }>} */ (isObject(entry.data) ? entry.data : {});
      const word = (/** @type {string} */ key, /** @type {string | null} */ value) =>
        value === null ? '未明确' : key === 'commissionerKind' ? COMMISSIONER_KIND_LABELS[/** @type {keyof typeof COMMISSIONER_KIND_LABELS} */ (value)] ?? value : value;
      const label = (/** @type {string} */ key) =>
        key === 'commissionerKind' ? '专员类别' : key === 'contact' ? '项目联系人' : RESPONSIBLE_ROLE_LABELS[/** @type {keyof typeof RESPONSIBLE_ROLE_LABELS} */ (key)] ?? key;
      const changes = Object.entries(data).map(([key, change]) => `${label(key)}：${word(key, change.from)} → ${word(key, change.to)}`);
      return ['调整包联责任', [changes.join('；'), reason].filter(Boolean).join('；')];
    }
    default:
      return [String(entry.kind), reason];
  }
}

function isObject(/** @type {unknown} */ value) {
  return typeof value === 'object' && value !== null;
}

/**
 * Fills `tbody` with the entries, newest first by the time each was recorded (ids break ties:
 * they follow insertion); at most `limit` rows.
 * @param {HTMLElement} tbody
 * @param {HistoryEntry[]} history
 * @param {{ limit?: number }} [options]
 */
export function renderHistory(tbody, history, { limit = Infinity } = {}) {
  const newestFirst = [...history].sort((a, b) => (a.recordedAt === b.recordedAt ? b.id - a.id : a.recordedAt < b.recordedAt ? 1 : -1));
  tbody.replaceChildren(...newestFirst.slice(0, limit).map((entry) => {
    const [what, note] = describe(entry);
    return h('tr', { 'data-testid': 'history-row', 'data-kind': entry.kind },
      h('td', { class: 'nowrap' }, localDateTime(entry.recordedAt)),
      h('td', { title: what }, what),
      h('td', { class: 'nowrap' }, entry.effectiveDate || '—'),
      h('td', { class: 'reason' }, note || '—'),
      h('td', { class: 'actor', title: actorName(entry.actor) }, actorName(entry.actor)));
  }));
}
